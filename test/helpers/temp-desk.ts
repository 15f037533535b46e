import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk, type Desk } from '../../electron/app/desk.ts';
import { startDeskServer, type DeskServer } from '../../electron/server/http-server.ts';

export interface TempDesk {
  readonly desk: Desk;
  readonly dataDir: string;
  dispose(): Promise<void>;
}

/** A desk on a fresh data directory with the real migrations; removed on dispose. */
export async function openTempDesk(): Promise<TempDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rs-desk-test-'));
  const desk = await openDesk({ dataDir, mode: 'browser' });
  return {
    desk,
    dataDir,
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
