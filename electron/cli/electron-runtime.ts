import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary is, if it is installed. Found from the electron package's path.txt
 * without requiring 'electron' itself, which would try to download the binary.
 */
export function findElectronBinary(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('electron/package.json');
    const root = dirname(pkg);
    const pathFile = join(root, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}
