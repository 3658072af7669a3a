// One process per data directory. The process that writes (the app, the browser-mode server, a
// CLI command that writes) holds `<dataDir>/shikaku.lock`, a small file naming its PID and host.
// A second one gets a clear message instead of a second writer on the same database. Read-only
// commands (history export, db backups, db backup) take no lock and may run beside it.
//
//   1. The lock file is created with O_EXCL: exactly one process can create it.
//   2. If it exists, it names its holder. It is stale — and taken over — when that process is
//      gone (same host, PID not alive) or is this very process (a reopen after a close, or a
//      worker thread of the holder). A lock from another host is never taken over.
//   3. release() removes it if it is still ours; so does process exit. After a crash (kill -9,
//      power loss) the next start finds a dead PID and takes it over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, fromSystemError } from '../errors';

export const LOCK_FILE_NAME = 'shikaku.lock';

interface LockContent {
  pid: number;
  host: string;
  /** ISO timestamp, for people reading the file */
  since: string;
}

export interface DataDirLock {
  file: string;
  release(): void;
}

const held = new Set<string>();
process.on('exit', () => {
  for (const file of held) removeIfOurs(file);
});

function readLock(file: string): LockContent | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof v.pid === 'number' && typeof v.host === 'string'
      ? { pid: v.pid, host: v.host, since: String(v.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function removeIfOurs(file: string): void {
  const c = readLock(file);
  if (c && c.pid === process.pid && c.host === os.hostname()) fs.rmSync(file, { force: true });
  held.delete(file);
}

function inUseError(dataDir: string, file: string, c: LockContent): AppError {
  return new AppError(
    'data-dir-in-use',
    `このデータフォルダは、別の資格確認デスク (プロセス番号 ${c.pid}${c.host === os.hostname() ? '' : `、コンピューター ${c.host}`}) が使用中です: ${dataDir}。先に起動している方を使うか、それを終了してからもう一度起動してください。どこでも起動していないのにこの表示が出る場合は、${file} を削除してください。`,
    `this data directory is in use by another shikaku-desk process (PID ${c.pid} on ${c.host}): ${dataDir}. Use the one already running, or quit it and start again. If none is running, delete ${file}.`,
    { dataDir, file, pid: c.pid, host: c.host, since: c.since },
  );
}

/** Takes the data directory's lock or throws AppError('data-dir-in-use'). */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const mine: LockContent = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      try {
        fs.writeSync(fd, `${JSON.stringify(mine)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      held.add(file);
      return { file, release: () => removeIfOurs(file) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fromSystemError(e, file);
    }
    const c = readLock(file);
    if (c === null) {
      // Being written by its creator this instant, or left half-written by a crash: a lock file
      // older than a few seconds that still names nobody is stale.
      const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < 5000) throw inUseError(dataDir, file, { pid: 0, host: '?', since: '' });
    } else {
      const stale = c.host === os.hostname() && (c.pid === process.pid || !alive(c.pid));
      if (!stale) throw inUseError(dataDir, file, c);
    }
    fs.rmSync(file, { force: true });
  }
  throw inUseError(dataDir, file, readLock(file) ?? { pid: 0, host: '?', since: '' });
}
