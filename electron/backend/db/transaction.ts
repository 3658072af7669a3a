// Every write that must be all or nothing goes through here: one SQLite transaction, and a
// database or file-system failure becomes a clear AppError naming the database file.
import type { Database } from 'better-sqlite3';
import { fromSystemError } from '../errors';

export function inTransaction<T>(db: Database, fn: () => T): T {
  try {
    return db.transaction(fn)();
  } catch (e) {
    throw fromSystemError(e, db.name);
  }
}
