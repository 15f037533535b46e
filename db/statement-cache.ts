import type Database from 'better-sqlite3';

/**
 * Drizzle prepares every query afresh (better-sqlite3's `prepare`, SQLite's parser and planner)
 * each time it runs, which was most of a desk step's time: a receive runs some twenty queries of
 * the same few shapes. This hands drizzle the connection with a `prepare` that keeps the statements
 * it made, keyed by their SQL text, so each shape is parsed and planned once per connection.
 *
 * Sharing a statement is safe because drizzle runs each one to completion synchronously (`all`,
 * `get`, `run`; it never leaves an `iterate` open), and because the one mode drizzle sets on a
 * statement, `raw()` for the rows it maps itself, is set back before the statement is handed out
 * again. SQLite re-prepares a kept statement by itself when the schema changes under it.
 */

/** Enough for every query shape the desk has; lists of varying length (`IN (?, ?)`) make more. */
export const STATEMENT_CACHE_SIZE = 1000;

export interface StatementCache {
  /** The connection as drizzle should see it: the same object, with the caching `prepare`. */
  readonly client: Database.Database;
  /** Statements kept now, and how many `prepare` calls found one (for the tests and the bench). */
  stats(): { readonly size: number; readonly hits: number; readonly misses: number };
}

export function cacheStatements(
  sqlite: Database.Database,
  capacity: number = STATEMENT_CACHE_SIZE,
): StatementCache {
  const kept = new Map<string, Database.Statement>();
  let hits = 0;
  let misses = 0;

  function prepare(source: string): Database.Statement {
    const found = kept.get(source);
    if (found) {
      hits++;
      // Most recently used last, so the oldest is dropped first when the cache is full.
      kept.delete(source);
      kept.set(source, found);
      if (found.reader) found.raw(false);
      return found;
    }
    misses++;
    const statement = sqlite.prepare(source);
    kept.set(source, statement);
    if (kept.size > capacity) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    return statement;
  }

  // better-sqlite3's methods check that `this` is the native connection, so everything but
  // `prepare` is called on the connection itself.
  const client = new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value.bind(target) as unknown) : value;
    },
  });
  return { client, stats: () => ({ size: kept.size, hits, misses }) };
}
