import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../../electron/server/http-server.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { deskWindows, type DeskWindows } from '../../helpers/desk-windows.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/**
 * The `backup` setting (shared/settings/backup-settings.ts) through settings.update, as Settings →
 * Backup saves it, and `backup.status`: both a Manager's, over the desk's real HTTP API.
 */

let temp: TempDesk;
let server: DeskServer;
let windows: DeskWindows;

beforeEach(async () => {
  temp = await openTempDesk();
  server = await serveTempDesk(temp.desk);
  windows = deskWindows(server);
});
afterEach(async () => {
  await server.close();
  await temp.dispose();
});

describe('the backup setting', () => {
  it('keeps 14 automatic backups in the data directory on a new desk', async () => {
    const window = windows.window('w');
    expect((await call(window, 'settings.get', {})).backup).toEqual({ keep: 14 });
    expect(await call(window, 'backup.status', {})).toMatchObject({
      folder: join(temp.dataDir, 'backups'),
      keep: 14,
    });
  });

  it('stores a count and a folder, and stores the folder no more once it is left out', async () => {
    const window = windows.window('w');
    const folder = process.platform === 'win32' ? 'D:\\RS Desk backups' : '/srv/rs-desk-backups';
    const saved = await call(window, 'settings.update', {
      key: 'backup',
      value: { keep: 30, folder: `  ${folder} ` },
    });
    expect(saved.backup).toEqual({ keep: 30, folder });
    expect((await call(window, 'backup.status', {})).folder).toBe(folder);
    const cleared = await call(window, 'settings.update', { key: 'backup', value: { keep: 0 } });
    expect(cleared.backup).toEqual({ keep: 0 });
  });

  it('refuses a count or folder it cannot use, naming the field, and keeps what was saved', async () => {
    const window = windows.window('w');
    await call(window, 'settings.update', { key: 'backup', value: { keep: 7 } });
    const cases: [unknown, string, string][] = [
      [{ keep: -1 }, 'backup.keep', 'must be at least 0'],
      [{ keep: 366 }, 'backup.keep', 'must be at most 365'],
      [{ keep: 2.5 }, 'backup.keep', 'must be a whole number'],
      [{ keep: 'seven' }, 'backup.keep', 'must be a number'],
      [{ folder: '' }, 'backup.folder', 'must not be empty'],
      [
        { folder: 'backups' },
        'backup.folder',
        'must be a full path to a folder, like /srv/rs-desk-backups or D:\\RS Desk backups (or leave it empty)',
      ],
    ];
    for (const [value, path, message] of cases) {
      const refused = await refusal(window, 'settings.update', { key: 'backup', value });
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.issues).toEqual([{ path, message }]);
      expect(refused.message).toContain(`${path}: ${message}`);
    }
    expect((await call(window, 'settings.get', {})).backup).toEqual({ keep: 7 });
  });

  it('is a Manager’s to see and change', async () => {
    const manager = windows.window('manager-window');
    const saved = await call(manager, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER' });
    expect(saved.operator.role).toBe('MANAGER');
    const ada = await call(manager, 'operators.save', { name: 'Ada Lovelace', role: 'OPERATOR' });
    const operator = windows.window('operator-window');
    await call(operator, 'session.signIn', { operatorId: ada.operator.id });

    const status = await refusal(operator, 'backup.status', {});
    expect(status).toMatchObject({ code: 'FORBIDDEN' });
    expect(status.message).toBe(
      'The backups of the desk needs a Fulfillment Services Manager; ask a manager to open Settings → Backup, or to sign in at this desk.',
    );
    const change = await refusal(operator, 'settings.update', {
      key: 'backup',
      value: { keep: 0 },
    });
    expect(change.code).toBe('FORBIDDEN');
    expect((await call(manager, 'settings.get', {})).backup).toEqual({ keep: 14 });
    expect((await call(manager, 'backup.status', {})).keep).toBe(14);
  });
});
