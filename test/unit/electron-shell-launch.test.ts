import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths, launchOptions } from '../../electron/shell/launch-options.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('where the Electron app finds its parts', () => {
  it('finds the preload, renderer and migrations from the main bundle, packaged or not', () => {
    const app = resolve('/opt/RS Desk/resources/app.asar');
    const paths = appPaths(pathToFileURL(resolve(app, 'out/main/index.js')).href);
    expect(paths).toEqual({
      preload: resolve(app, 'out/preload/index.cjs'),
      rendererDir: resolve(app, 'out/renderer'),
      rendererIndex: resolve(app, 'out/renderer/index.html'),
      migrationsFolder: resolve(app, 'db/migrations'),
    });
  });

  it('matches what electron-vite builds and what electron-builder packs', () => {
    const paths = appPaths(pathToFileURL(resolve(ROOT, 'out/main/index.js')).href);
    expect(paths.migrationsFolder).toBe(resolve(ROOT, 'db/migrations'));
    const viteConfig = readFileSync(resolve(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(viteConfig).toMatch(/format: 'cjs', entryFileNames: '\[name\]\.cjs'/);
    expect(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(
      /- db\/migrations\/\*\*/,
    );
  });

  it('shell modules with decisions in them never load Electron at runtime', () => {
    for (const file of [
      'app-origin.ts',
      'bridge-policy.ts',
      'ipc-policy.ts',
      'launch-options.ts',
      'window-options.ts',
    ]) {
      const source = readFileSync(resolve(ROOT, 'electron/shell', file), 'utf8');
      const electronImports = source.match(/^import .* from 'electron';$/gm) ?? [];
      expect(
        electronImports.filter((line) => !line.startsWith('import type ')),
        file,
      ).toEqual([]);
    }
  });
});

describe('the data directory and printer for a run', () => {
  const ELECTRON_ARGV = [
    '/usr/lib/electron/electron',
    '--inspect=0',
    '--remote-debugging-port=0',
    '/srv/rs-desk',
  ];

  it("uses Electron's user data folder when nothing else is given", () => {
    expect(launchOptions(ELECTRON_ARGV, {}, '/home/desk/.config/RS Desk')).toEqual({
      dataDir: '/home/desk/.config/RS Desk',
      printer: null,
    });
  });

  it('prefers RS_DESK_DATA_DIR, and an empty one counts as unset', () => {
    expect(launchOptions(ELECTRON_ARGV, { RS_DESK_DATA_DIR: '/srv/desk' }, '/u').dataDir).toBe(
      '/srv/desk',
    );
    expect(launchOptions(ELECTRON_ARGV, { RS_DESK_DATA_DIR: '' }, '/u').dataDir).toBe('/u');
  });

  it('prefers --data-dir over the environment, written either way rs-desk passes it', () => {
    const env = { RS_DESK_DATA_DIR: '/srv/desk' };
    expect(launchOptions([...ELECTRON_ARGV, '--data-dir=/tmp/a'], env, '/u').dataDir).toBe(
      '/tmp/a',
    );
    expect(launchOptions([...ELECTRON_ARGV, '--data-dir', '/tmp/b'], env, '/u').dataDir).toBe(
      '/tmp/b',
    );
  });

  it('does not take the next switch as the folder when --data-dir has no value', () => {
    expect(launchOptions([...ELECTRON_ARGV, '--data-dir', '--no-open'], {}, '/u').dataDir).toBe(
      '/u',
    );
  });

  it('reads --printer for the run', () => {
    expect(
      launchOptions([...ELECTRON_ARGV, '--printer', 'tcp://10.0.0.5:9100'], {}, '/u').printer,
    ).toBe('tcp://10.0.0.5:9100');
    expect(launchOptions([...ELECTRON_ARGV, '--printer=pdf:///tmp/slips'], {}, '/u').printer).toBe(
      'pdf:///tmp/slips',
    );
  });
});
