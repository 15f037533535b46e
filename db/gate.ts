import type { DeskDatabase, Orm } from './database.ts';

/**
 * One door to the database for the whole process. Repositories are async (so a PostgreSQL backend
 * can replace SQLite later), but better-sqlite3 is synchronous and a transaction cannot span an
 * await on its own. The gate serialises units of work: `transaction` holds a BEGIN IMMEDIATE open
 * across the awaits of one use case and nothing else touches the connection meanwhile, so a use
 * case is one transaction, all or nothing, and a second process waits on the busy timeout.
 */
export interface Gate {
  transaction<T>(work: (tx: Orm) => Promise<T>): Promise<T>;
  read<T>(work: (db: Orm) => Promise<T>): Promise<T>;
}

export function createGate(db: DeskDatabase): Gate {
  let tail: Promise<unknown> = Promise.resolve();

  function serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  }

  return {
    transaction: (work) =>
      serialise(async () => {
        db.sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(db.orm);
          db.sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK');
          throw error;
        }
      }),
    read: (work) => serialise(() => work(db.orm)),
  };
}
