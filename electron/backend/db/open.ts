// Opening the database: one file in the data directory, checked, migrated, backed up.
//
//   1. the data directory must be writable (a probe file is written, synced and removed);
//   2. an existing file must be a database that passes PRAGMA integrity_check — otherwise it is
//      moved aside (never deleted) and AppError('db-corrupt') offers the newest good backup;
//   3. a database written by a newer version of the app (user_version too high) is refused,
//      untouched;
//   4. WAL, synchronous=FULL, foreign keys;
//   5. pending migrations run in ONE transaction that sets user_version, after a verified
//      backup of the existing database;
//   6. the daily backup (keep 7), verified.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fromSystemError } from '../errors';
import {
  type BackupInfo,
  type BackupOutcome,
  checkDatabaseFile,
  createBackup,
  dailyBackupIfDue,
  listGoodBackups,
  quarantineDatabase,
} from './backup';
import { dbPathOf } from './data-dir';
import { CONNECTION_PRAGMAS, MIGRATIONS, type Migration, PAGE_SIZE } from './schema';

export interface OpenOptions {
  dataDir: string;
  /** for tests: another list of steps */
  migrations?: readonly Migration[];
  now?: () => Date;
  /** take the daily backup while opening (default true) */
  dailyBackup?: boolean;
  /** page size of a new database file (default PAGE_SIZE) */
  pageSize?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  dataDir: string;
  file: string;
  /** the file did not exist (or was empty) before this open */
  created: boolean;
  fromVersion: number;
  version: number;
  /** backups taken while opening (pre-migration, daily), including failed ones */
  backups: BackupOutcome[];
}

export function applyConnectionPragmas(db: Database.Database): void {
  for (const p of CONNECTION_PRAGMAS) db.pragma(p);
  const mode = db.pragma('journal_mode', { simple: true });
  if (mode !== 'wal') {
    throw new AppError(
      'io-error',
      `WAL モードにできませんでした (${String(mode)})`,
      `could not switch to WAL mode (${String(mode)})`,
    );
  }
}

/** Writes, syncs and removes a small file: a read-only or full directory fails here, clearly. */
function probeWritable(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, 'ok');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(probe, { force: true });
    }
  } catch (e) {
    throw fromSystemError(e, dataDir);
  }
}

function corruptError(file: string, movedTo: string[], reason: string, good: BackupInfo[]): AppError {
  const newest = good[0] ?? null;
  const offer = newest
    ? {
        ja: `最新の正常なバックアップ ${newest.name} (${newest.takenAt}) から復元できます。`,
        en: `The newest good backup, ${newest.name} (${newest.takenAt}), can be restored.`,
      }
    : {
        ja: '正常なバックアップはありません。空のデータベースで始めることができます。',
        en: 'There is no good backup; the app can start with an empty database.',
      };
  return new AppError(
    'db-corrupt',
    `データベースファイルが壊れていたため、削除せずに別名で退避しました: ${movedTo[0] ?? file} (${reason})。${offer.ja}`,
    `the database file was corrupt and has been moved aside (not deleted): ${movedTo[0] ?? file} (${reason}). ${offer.en}`,
    { file, movedTo, reason, goodBackups: good, newestGoodBackup: newest },
  );
}

function tooNewError(file: string, found: number, known: number): AppError {
  return new AppError(
    'db-too-new',
    `このデータベースは新しいバージョンの資格確認デスクで作成されています (形式 ${found}、このアプリは ${known} まで)。データを守るため開きません。アプリを更新してください: ${file}`,
    `this database was written by a newer version of the app (schema ${found}, this app knows up to ${known}). It was not opened, to protect the data. Please update the app: ${file}`,
    { file, found, known },
  );
}

/** Runs every pending step in one transaction that also sets user_version. */
export function migrate(db: Database.Database, migrations: readonly Migration[], from: number): number {
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return from;
  const to = pending[pending.length - 1]!.version;
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      db.pragma(`user_version = ${to}`);
    })();
  } catch (e) {
    const sys = fromSystemError(e, db.name);
    if (sys.code === 'disk-full' || sys.code === 'data-dir-readonly') throw sys;
    throw new AppError(
      'migration-failed',
      `データベースの更新 (形式 ${from} → ${to}) に失敗したため、元の状態のままです: ${(e as Error).message}`,
      `the database upgrade (schema ${from} → ${to}) failed and was rolled back: ${(e as Error).message}`,
      { from, to },
      { cause: e },
    );
  }
  return to;
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const now = opts.now ?? (() => new Date());
  const dataDir = path.resolve(opts.dataDir);
  const file = dbPathOf(dataDir);

  probeWritable(dataDir);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;

  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw fromSystemError(e, file);
  }

  let fromVersion = 0;
  if (existed) {
    let reason: string | null = null;
    try {
      fromVersion = Number(db.pragma('user_version', { simple: true }));
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const bad = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (bad.length > 0) reason = `integrity_check: ${bad.slice(0, 3).join('; ')}`;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) reason = code;
      else {
        db.close();
        throw fromSystemError(e, file);
      }
    }
    if (reason !== null) {
      db.close();
      let movedTo: string[];
      try {
        movedTo = quarantineDatabase(dataDir, 'corrupt', now());
      } catch (e) {
        throw fromSystemError(e, file);
      }
      throw corruptError(file, movedTo, reason, listGoodBackups(dataDir));
    }
    if (fromVersion > latest) {
      db.close();
      throw tooNewError(file, fromVersion, latest);
    }
  }

  const backups: BackupOutcome[] = [];
  try {
    // Set before the first write: a history row (~3–4 KB of JSON) fits several to a page.
    if (!existed) db.pragma(`page_size = ${opts.pageSize ?? PAGE_SIZE}`);
    applyConnectionPragmas(db);
    if (existed && fromVersion < latest) {
      const b = await createBackup(db, dataDir, 'pre-migration', now());
      backups.push(b);
      if (!b.ok) {
        throw new AppError(
          'backup-failed',
          `データベースを更新する前のバックアップに失敗したため、更新を中止しました: ${b.error.ja}`,
          `the backup before the database upgrade failed, so the upgrade was not run: ${b.error.en}`,
          { backupError: b.error.toJSON() },
        );
      }
    }
    const version = migrate(db, migrations, fromVersion);
    if (existed && opts.dailyBackup !== false) {
      const daily = await dailyBackupIfDue(db, dataDir, now());
      if (daily) backups.push(daily);
    }
    return { db, dataDir, file, created: !existed, fromVersion, version, backups };
  } catch (e) {
    db.close();
    throw fromSystemError(e, file);
  }
}

/** Whether a file is a healthy database, for tools and tests. */
export { checkDatabaseFile };
