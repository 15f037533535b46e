import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'rs-desk.js');

export interface DeskProcess {
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `rs-desk` with Node 24 (the one running this test) and waits for it to exit. */
export function runRsDesk(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'rs-desk-e2e-'));
}

/** Starts `rs-desk serve --port 0 --no-open` and resolves with the URL of its ready line. */
export function startServe(dataDir: string, extra: string[] = []): Promise<DeskProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--no-open', '--data-dir', dataDir, ...extra],
    { cwd: ROOT, env: process.env },
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`rs-desk serve did not get ready:\n${stdout}\n${stderr}`)),
      20_000,
    );
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /^RS Desk ready: (\S+)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        origin: new URL(url).origin,
        dataDir,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rs-desk serve exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

interface SuiteHooks {
  beforeAll(run: () => Promise<void>): void;
  afterAll(run: () => Promise<void>): void;
}

/**
 * For one spec file: a fresh data directory with an import fixture loaded through `rs-desk import`,
 * served by `rs-desk serve`; removed after the file's tests. Returns the running desk.
 */
export function serveImportedDesk(
  suite: SuiteHooks,
  fixture = 'good.json',
  /** More `serve` arguments, asked for when the desk starts (e.g. a printer started just before). */
  extraArgs: () => string[] = () => [],
): () => DeskProcess {
  let desk: DeskProcess | undefined;
  let dataDir = '';
  suite.beforeAll(async () => {
    dataDir = tempDataDir();
    const imported = await runRsDesk([
      'import',
      join(ROOT, 'test/fixtures/import', fixture),
      '--data-dir',
      dataDir,
    ]);
    if (imported.code !== 0) throw new Error(`import of ${fixture} failed: ${imported.stderr}`);
    desk = await startServe(dataDir, extraArgs());
  });
  suite.afterAll(async () => {
    await desk?.stop();
    removeDir(dataDir);
  });
  return () => {
    if (!desk) throw new Error('The desk is not running yet: use it inside a test.');
    return desk;
  };
}
