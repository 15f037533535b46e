import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/cli/data-dir.ts';
import {
  ROOT,
  removeDir,
  runRsDesk,
  startServe,
  tempDataDir,
  type DeskProcess,
} from '../e2e/support/desk-process.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function dataDir(): string {
  const dir = tempDataDir();
  cleanup.push(() => removeDir(dir));
  return dir;
}

async function serve(dir: string, extra: string[] = []): Promise<DeskProcess> {
  const desk = await startServe(dir, extra);
  cleanup.push(() => desk.stop());
  return desk;
}

describe('rs-desk serve (DESIGN.md §3)', () => {
  it('prints exactly one line, "RS Desk ready: <url>", and the URL answers with the token', async () => {
    const dir = dataDir();
    const desk = await serve(dir);
    expect(desk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const token = new URL(desk.url).searchParams.get('token') ?? '';
    const reply = await fetch(`${desk.origin}/api/desk.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
      body: '{}',
    });
    expect(await reply.json()).toMatchObject({
      ok: true,
      value: { mode: 'browser', dataDir: dir, printer: null },
    });
    expect(existsSync(join(dir, 'rs-desk.sqlite'))).toBe(true);
    let stdout = '';
    desk.process.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    await desk.stop();
    expect(stdout).toBe('');
  });

  it('sets the default printer for the run with --printer', async () => {
    const desk = await serve(dataDir(), ['--printer', 'tcp://127.0.0.1:9100']);
    const token = new URL(desk.url).searchParams.get('token') ?? '';
    const reply = await fetch(`${desk.origin}/api/desk.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
      body: '{}',
    });
    expect(await reply.json()).toMatchObject({
      ok: true,
      value: { printer: 'tcp://127.0.0.1:9100' },
    });
  });
});

describe('rs-desk command line', () => {
  it('names an unknown command and shows the usage', async () => {
    const run = await runRsDesk(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"frobnicate" is not an rs-desk command');
    expect(run.stderr).toContain('rs-desk import FILE');
  });

  it('explains a bad --port', async () => {
    const run = await runRsDesk([
      'serve',
      '--port',
      'eighty',
      '--no-open',
      '--data-dir',
      dataDir(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535');
  });

  it('explains a bad --printer with an example of a good one', async () => {
    const run = await runRsDesk([
      'serve',
      '--printer',
      '10.0.0.5:9100',
      '--no-open',
      '--data-dir',
      dataDir(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--printer: Printer URI '10.0.0.5:9100'");
    expect(run.stderr).toContain('tcp://10.0.0.5:9100');
  });

  it('asks for the file when import has none', async () => {
    const run = await runRsDesk(['import']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('import needs the file to import');
  });

  it('refuses to run on a Node older than 24, saying how to run it', async () => {
    const { spawnSync } = await import('node:child_process');
    const old = spawnSync('/usr/bin/node', ['bin/rs-desk.js', '--version'], { encoding: 'utf8' });
    const major = Number(
      spawnSync('/usr/bin/node', ['-p', 'process.versions.node.split(".")[0]'], {
        encoding: 'utf8',
      }).stdout,
    );
    if (major >= 24) {
      expect(old.status).toBe(0);
    } else {
      expect(old.status).toBe(1);
      expect(old.stderr).toContain('RS Desk needs Node 24');
    }
  });

  it('says it starts browser mode, in one line, where no Electron runtime exists', async () => {
    const { findElectronBinary } = await import('../../electron/cli/electron-runtime.ts');
    if (findElectronBinary()) return; // On a desktop with Electron, `rs-desk` opens the app instead.
    const dir = dataDir();
    const { spawn } = await import('node:child_process');
    const { BIN, ROOT } = await import('../e2e/support/desk-process.ts');
    const child = spawn(process.execPath, [BIN, '--no-open', '--port', '0', '--data-dir', dir], {
      cwd: ROOT,
    });
    const lines = await new Promise<{ out: string; err: string }>((resolve) => {
      let out = '';
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('RS Desk ready:')) resolve({ out, err });
      });
    });
    child.kill('SIGTERM');
    expect(lines.err.trim().split('\n')).toEqual([
      'No Electron runtime is installed here, so RS Desk starts in browser mode (same desk, in your web browser).',
    ]);
    expect(lines.out).toMatch(/^RS Desk ready: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n$/);
  });
});

describe('rs-desk import and demo (DESIGN.md §3, §6)', () => {
  const fixture = (name: string) => join(ROOT, 'test/fixtures/import', name);

  async function counts(dir: string): Promise<unknown> {
    const desk = await serve(dir);
    const token = new URL(desk.url).searchParams.get('token') ?? '';
    const reply = await fetch(`${desk.origin}/api/desk.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
      body: '{}',
    });
    const info = (await reply.json()) as { value: { counts: unknown } };
    await desk.stop();
    return info.value.counts;
  }

  it('imports a file and says what it loaded', async () => {
    const dir = dataDir();
    const run = await runRsDesk(['import', fixture('good.json'), '--data-dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      'Imported 3 partners, 2 patrons, 2 items, 3 borrowing requests and 2 lending requests from good.json.',
    );
    expect(await counts(dir)).toEqual({ partners: 3, borrowing: 3, lending: 2 });
  });

  it('refuses a file with one wrong record, naming it, and writes nothing from it', async () => {
    const dir = dataDir();
    const run = await runRsDesk(['import', fixture('bad-status.json'), '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('borrowingRequests[1].status');
    expect(run.stderr).toContain('Shiped');
    expect(await counts(dir)).toEqual({ partners: 0, borrowing: 0, lending: 0 });
  });

  it('loads the demo data set once, and refuses a second time with what to do', async () => {
    const dir = dataDir();
    const first = await runRsDesk(['demo', '--data-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('200 borrowing requests and 200 lending requests');
    const info = (await counts(dir)) as { partners: number; borrowing: number; lending: number };
    expect(info.partners).toBeGreaterThanOrEqual(6);
    expect(info).toMatchObject({ borrowing: 200, lending: 200 });
    const again = await runRsDesk(['demo', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--data-dir');
  });
});

describe('rs-desk backup and restore on the command line', () => {
  it('lists both in the help', async () => {
    const run = await runRsDesk(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rs-desk backup [--to FILE] [--data-dir DIR]');
    expect(run.stdout).toContain('rs-desk restore FILE [--data-dir DIR]');
  });

  it('asks restore for its file, and backup for --to instead of a word', async () => {
    const restore = await runRsDesk(['restore', '--data-dir', dataDir()]);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('restore needs the backup to restore');
    expect(restore.stderr).toContain('rs-desk backup [--to FILE]');
    const backup = await runRsDesk(['backup', 'copy.sqlite', '--data-dir', dataDir()]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain(
      'backup takes no file or word "copy.sqlite"; name the backup with --to FILE.',
    );
  });
});

describe('default data directory', () => {
  it('follows RS_DESK_DATA_DIR, else the platform user data folder Electron uses', () => {
    expect(defaultDataDir({ RS_DESK_DATA_DIR: '/srv/desk' }, 'linux')).toBe('/srv/desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe(
      '/home/a/.config/RS Desk',
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain(
      'RS Desk',
    );
  });
});
