import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase, type Orm } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { getSetting, setSetting } from '../../db/repositories/settings-repository.ts';
import { partners } from '../../db/schema.ts';
import { cacheStatements } from '../../db/statement-cache.ts';

/**
 * The scan path's shortcuts (db/statement-cache.ts, db/prepared.ts, the settings' parse cache):
 * each must give the answers the plain way gives, on the real SQLite file and migrations.
 */

const opened: DeskDatabase[] = [];
const dirs: string[] = [];
function openFile(): DeskDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'rs-desk-prepared-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'desk.sqlite'));
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the statement cache', () => {
  it('prepares each SQL text once and hands the same statement back', () => {
    const sqlite = new Database(':memory:');
    const cache = cacheStatements(sqlite);
    const first = cache.client.prepare('SELECT 1 AS one');
    const again = cache.client.prepare('SELECT 1 AS one');
    expect(again).toBe(first);
    expect(cache.stats()).toEqual({ size: 1, hits: 1, misses: 1 });
    sqlite.close();
  });

  it('gives a statement drizzle left in raw mode back in object mode', () => {
    const sqlite = new Database(':memory:');
    const { client } = cacheStatements(sqlite);
    expect(client.prepare('SELECT 1 AS one').raw().get()).toEqual([1]);
    expect(client.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    // A statement that returns no rows has no raw mode to reset.
    client.prepare('CREATE TABLE t (x)').run();
    expect(client.prepare('INSERT INTO t VALUES (1)').run().changes).toBe(1);
    expect(client.prepare('INSERT INTO t VALUES (1)').run().changes).toBe(1);
    sqlite.close();
  });

  it('drops the least recently used statement when full', () => {
    const sqlite = new Database(':memory:');
    const cache = cacheStatements(sqlite, 2);
    const a = cache.client.prepare('SELECT 1');
    cache.client.prepare('SELECT 2');
    cache.client.prepare('SELECT 1'); // used again: now the newest
    cache.client.prepare('SELECT 3'); // evicts SELECT 2
    expect(cache.client.prepare('SELECT 1')).toBe(a);
    expect(cache.stats()).toMatchObject({ size: 2, hits: 2, misses: 3 });
    cache.client.prepare('SELECT 2');
    expect(cache.stats().misses).toBe(4);
    sqlite.close();
  });

  it('passes everything else to the connection itself', () => {
    const sqlite = new Database(':memory:');
    const { client } = cacheStatements(sqlite);
    client.exec('CREATE TABLE t (x)');
    expect(client.inTransaction).toBe(false);
    const insert = client.transaction(() => client.prepare('INSERT INTO t VALUES (7)').run());
    insert();
    expect(sqlite.prepare('SELECT x FROM t').all()).toEqual([{ x: 7 }]);
    sqlite.close();
  });

  it('lets drizzle answer as it does without the cache, through a schema change', () => {
    const sqlite = new Database(':memory:');
    const orm = drizzle({ client: cacheStatements(sqlite).client });
    orm.run(sql`CREATE TABLE t (x INTEGER)`);
    orm.run(sql`INSERT INTO t VALUES (1), (2)`);
    const read = () => orm.all<{ x: number }>(sql`SELECT * FROM t ORDER BY x`);
    expect(read()).toEqual([{ x: 1 }, { x: 2 }]);
    // The kept statement's SELECT * now has a second column: SQLite re-prepares it.
    orm.run(sql`ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'b'`);
    expect(read()).toEqual([
      { x: 1, y: 'b' },
      { x: 2, y: 'b' },
    ]);
    sqlite.close();
  });
});

describe('prepared queries', () => {
  it('are built once per connection and run with their values', () => {
    const one = openFile();
    const two = openFile();
    let builds = 0;
    const byCode = (db: Orm) => {
      builds++;
      return db
        .select({ name: partners.name })
        .from(partners)
        .where(eq(partners.code, sql.placeholder('code')))
        .prepare();
    };
    one.orm.insert(partners).values({ code: 'ALB', name: 'Albany', protocol: 'email' }).run();
    two.orm.insert(partners).values({ code: 'ALB', name: 'Other Albany', protocol: 'email' }).run();
    expect(preparedQuery(one.orm, byCode).get({ code: 'ALB' })).toEqual({ name: 'Albany' });
    expect(preparedQuery(one.orm, byCode).get({ code: 'NONE' })).toBeUndefined();
    expect(preparedQuery(two.orm, byCode).get({ code: 'ALB' })).toEqual({ name: 'Other Albany' });
    expect(builds).toBe(2);
  });
});

describe('settings read through the parse cache', () => {
  it('sees a change another desk on the same file made, and shares frozen values', async () => {
    const here = openFile();
    const other = openDatabase(here.file);
    opened.push(other);
    await setSetting(here.orm, 'deskName', 'Front desk');
    expect(await getSetting(here.orm, 'deskName')).toBe('Front desk');
    await setSetting(other.orm, 'deskName', 'Back office');
    expect(await getSetting(here.orm, 'deskName')).toBe('Back office');

    await setSetting(here.orm, 'printing', await getSetting(here.orm, 'printing'));
    const printing = await getSetting(here.orm, 'printing');
    expect(Object.isFrozen(printing)).toBe(true);
    expect(Object.isFrozen(printing.slips)).toBe(true);
    // A corrupt stored value still reads as the default, as it did before the cache.
    other.sqlite.prepare("UPDATE settings SET value = 'not json' WHERE key = 'deskName'").run();
    expect(await getSetting(here.orm, 'deskName')).toBe(
      await getSetting(openFile().orm, 'deskName'),
    );
  });
});
