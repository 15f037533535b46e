import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';
import { cacheStatements } from './statement-cache.ts';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface DeskDatabase {
  /** The raw connection, for prepared statements on the scan path and for PRAGMAs. */
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly file: string;
  close(): void;
}

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** Where drizzle-kit's migrations are; the packaged app passes its resources path. */
  readonly migrationsFolder?: string;
  readonly readonly?: boolean;
}

/**
 * Opens (creating if needed) the desk's SQLite file with WAL, foreign keys and a busy timeout, and
 * applies any migrations it has not seen. `:memory:` gives a private database for tests.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DeskDatabase {
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Each query shape is parsed and planned once per connection, not on every call.
    const orm = drizzle({ client: cacheStatements(sqlite).client, schema });
    if (!options.readonly) {
      migrate(orm, { migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER });
    }
    return { sqlite, orm, file, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
