import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk, type Desk, type DeskOptions } from '../../electron/app/desk.ts';
import { startDeskServer, type DeskServer } from '../../electron/server/http-server.ts';

export interface TempDesk {
  /** The desk open now (a new one after `reopen`). */
  readonly desk: Desk;
  readonly dataDir: string;
  /** Closes the desk and opens its data directory again, as a restart of the app does. */
  reopen(): Promise<Desk>;
  dispose(): Promise<void>;
}

/** A desk on a fresh data directory with the real migrations; removed on dispose. */
export async function openTempDesk(
  options: Omit<DeskOptions, 'dataDir' | 'mode'> = {},
): Promise<TempDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rs-desk-test-'));
  const open = () => openDesk({ ...options, dataDir, mode: 'browser' });
  let desk = await open();
  return {
    get desk() {
      return desk;
    },
    dataDir,
    async reopen() {
      await desk.close();
      desk = await open();
      return desk;
    },
    dispose: async () => {
      await desk.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function serveTempDesk(
  desk: Desk,
  staticDir = join(tmpdir(), 'rs-desk-no-renderer'),
): Promise<DeskServer> {
  return startDeskServer({ desk, port: 0, staticDir });
}
