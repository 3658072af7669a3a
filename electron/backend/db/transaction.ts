// Every write that must be all or nothing goes through here: one SQLite transaction, and a
// database or file-system failure becomes a clear AppError naming the database file. After the
// commit, a passive checkpoint puts the batch into the main database file (checkpoint.ts).
import type { Database } from 'better-sqlite3';
import { fromSystemError } from '../errors';
import { checkpoint } from './checkpoint';

export function inTransaction<T>(db: Database, fn: () => T): T {
  let out: T;
  try {
    out = db.transaction(fn)();
  } catch (e) {
    throw fromSystemError(e, db.name);
  }
  checkpoint(db);
  return out;
}
