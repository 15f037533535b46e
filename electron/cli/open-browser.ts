import { spawn } from 'node:child_process';

/** Opens the desk in the default browser; says how to open it by hand when that fails. */
export function openInBrowser(url: string, warn: (line: string) => void): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () =>
    warn(`Could not open a browser here; open this address yourself: ${url}`),
  );
  child.unref();
}
