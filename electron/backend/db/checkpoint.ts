// Keeping acknowledged work in the main database file. In WAL mode a commit is durable once it is
// in shikaku.sqlite-wal; a checkpoint copies it into shikaku.sqlite. Until then a copy of the main
// file alone (what a clinic backs up) lacks it, and damage to the WAL loses it. So:
//   - SQLite checkpoints by itself once the WAL passes wal_autocheckpoint pages (schema.ts);
//   - every write transaction (inTransaction: a batch) is followed by a PASSIVE checkpoint;
//   - a long-running process checkpoints after IDLE_CHECKPOINT_MS without a call (single-row
//     writes such as a desk check's history row);
//   - a clean shutdown checkpoints with TRUNCATE: the WAL is emptied and the main file is complete.
// PASSIVE never waits for readers (a read-only CLI command beside the app), so it never blocks.
import type { Database } from 'better-sqlite3';

export const IDLE_CHECKPOINT_MS = 1000;

/**
 * Copies the WAL into the main file. A failure is not the caller's failure: the commit already
 * happened and the WAL still holds it (SQLite retries at the next checkpoint).
 */
export function checkpoint(db: Database, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
  if (!db.open || db.readonly || db.inTransaction) return;
  try {
    db.pragma(`wal_checkpoint(${mode})`);
  } catch {
    // see above
  }
}

/** Checkpoints once the database has been left alone for `idleMs` after the last touch(). */
export function idleCheckpointer(db: Database, idleMs = IDLE_CHECKPOINT_MS): { touch(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    touch() {
      stop();
      timer = setTimeout(() => {
        timer = null;
        checkpoint(db);
      }, idleMs);
      timer.unref();
    },
    stop,
  };
}
