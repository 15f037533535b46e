import { sql, type Placeholder } from 'drizzle-orm';
import type { Orm } from './database.ts';

/**
 * The scan path's queries, built once. Drizzle turns a query builder into SQL on every call, which
 * for the desk's joins of four tables costs more than SQLite's own work; a query written with
 * `sql.placeholder` and `.prepare()` is built once and then only binds its values. `preparedQuery`
 * keeps one per connection, made on first use by `build` (a module-level function, which is the
 * key), so repositories stay plain functions of an `Orm`.
 *
 * A prepared query runs on the connection, so inside a use case it is part of the gate's open
 * transaction like any other query.
 */
const kept = new WeakMap<Orm, Map<(db: Orm) => unknown, unknown>>();

export function preparedQuery<Q>(db: Orm, build: (db: Orm) => Q): Q {
  let queries = kept.get(db);
  if (!queries) {
    queries = new Map();
    kept.set(db, queries);
  }
  if (!queries.has(build)) queries.set(build, build(db));
  return queries.get(build) as Q;
}

/** `{ name: sql.placeholder(name) }` for each name: the values of a prepared insert. */
export function placeholders<K extends string>(...names: K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<
    K,
    Placeholder<K>
  >;
}
