// Opening the database: one file in the data directory, checked, migrated, backed up.
//
//   1. the data directory must be writable (a probe file is written, synced and removed);
//   2. one process per data directory: its lock is taken (lock.ts);
//   3. a directory where the file should be is refused, saying so;
//   4. no file: when a damaged one was moved aside earlier (step 5) and nothing replaced it, the
//      clinic must choose first — restore a backup (backup.ts restoreBackup) or start empty
//      (`startEmpty`): AppError('db-corrupt') lists the choices. Otherwise a new database is built
//      under a temporary name and renamed into place, so a crash never leaves a half-made file;
//   5. an existing file must be a database that passes PRAGMA integrity_check — a zero-length
//      file included — otherwise it is moved aside (never deleted), the raw findings go to
//      logs/database.log, and AppError('db-corrupt') says in plain words what happened and lists
//      the backups to restore;
//   6. a database written by a newer version of the app (user_version too high) is refused,
//      untouched;
//   7. WAL, synchronous=FULL, foreign keys, frequent checkpoints (schema.ts, checkpoint.ts);
//   8. pending migrations run in ONE transaction that sets user_version, after a verified
//      backup of the existing database;
//   9. the daily backup (keep 7), verified.
// close() checkpoints with TRUNCATE (the main file alone is then complete) and releases the lock.
// Read-only commands use openDatabaseReadOnly: no lock, nothing moved, migrated or backed up.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { formatStampJa } from '../../../shared/wareki';
import { AppError, fromSystemError } from '../errors';
import { jstIsoTimestamp } from '../time';
import {
  type BackupOutcome,
  createBackup,
  dailyBackupIfDue,
  listQuarantined,
  quarantineDatabase,
  recoveryOptions,
} from './backup';
import { checkpoint } from './checkpoint';
import { dbPathOf } from './data-dir';
import { lockDataDir } from './lock';
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
  /** the clinic chose to start with an empty database after a damaged one was moved aside */
  startEmpty?: boolean;
}

export interface OpenedDatabase {
  db: Database.Database;
  dataDir: string;
  file: string;
  /** the file did not exist before this open */
  created: boolean;
  /** created in place of a damaged database that was moved aside (never seed demo data over it) */
  afterQuarantine: boolean;
  fromVersion: number;
  version: number;
  /** backups taken while opening (pre-migration, daily), including failed ones */
  backups: BackupOutcome[];
  /** TRUNCATE checkpoint, close, release the data directory */
  close(): void;
}

/** The log of database problems, for whoever supports the clinic (raw integrity_check lines). */
export const DATABASE_LOG = path.join('logs', 'database.log');

function applyConnectionPragmas(db: Database.Database): void {
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

/** Appends to logs/database.log; never fails the caller. */
function logProblem(dataDir: string, now: Date, lines: string[]): string {
  const file = path.join(dataDir, DATABASE_LOG);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${lines.map((l) => `${jstIsoTimestamp(now)} ${l}`).join('\n')}\n`);
  } catch {
    // the message to the user still says what happened
  }
  return file;
}

/** The damaged-database message: what happened and what to choose, in a receptionist's words. */
function corruptError(dataDir: string, log: string): AppError {
  const options = recoveryOptions(dataDir);
  const newest = options.backups.find((b) => b.ok) ?? null;
  const held = (c: { patients: number; checks: number } | null) =>
    c
      ? { ja: ` (患者 ${c.patients}人・照会履歴 ${c.checks}件)`, en: ` (${c.patients} patients, ${c.checks} checks)` }
      : null;
  const offer = newest
    ? {
        ja: `いちばん新しい正常なバックアップは ${formatStampJa(newest.takenAt)} のもの${held(newest.contents)?.ja ?? ''}です。`,
        en: `The newest good backup is from ${newest.takenAt}${held(newest.contents)?.en ?? ''}.`,
      }
    : { ja: '使えるバックアップはありません。', en: 'There is no usable backup.' };
  return new AppError(
    'db-corrupt',
    `データベースが壊れていたため、使うのをやめて別の名前で保管しました (消してはいません)。バックアップから元に戻すか、空の状態で始めるかを選んでください。${offer.ja}`,
    `The database was damaged, so it was set aside under another name (nothing was deleted). Restore a backup or start with an empty database. ${offer.en}`,
    {
      dataDir,
      log,
      quarantined: options.quarantined,
      backups: options.backups,
      movedTo: options.quarantined[0] ? [options.quarantined[0].file] : [],
      newestGoodBackup: newest,
    },
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

function notAFileError(file: string): AppError {
  return new AppError(
    'db-not-a-file',
    `データベースファイルの場所にフォルダがあります: ${file}。このフォルダを別の場所へ移すか名前を変えてから、もう一度起動してください。`,
    `there is a folder where the database file should be: ${file}. Move or rename that folder, then start again.`,
    { file },
  );
}

/** Runs every pending step in one transaction that also sets user_version. */
function migrate(db: Database.Database, migrations: readonly Migration[], from: number): number {
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

/** Step 4: a new database, built aside and renamed into place once complete. */
function createDatabaseFile(file: string, migrations: readonly Migration[], pageSize: number): void {
  const building = `${file}.creating`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${building}${suffix}`, { force: true });
  const db = new Database(building);
  try {
    db.pragma(`page_size = ${pageSize}`);
    applyConnectionPragmas(db);
    migrate(db, migrations, 0);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fs.renameSync(building, file);
}

/** Step 5: integrity_check; null when healthy, else the raw findings. */
function findDamage(db: Database.Database): string[] | null {
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const bad = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return bad.length > 0 ? bad : rows.length > 0 ? null : ['integrity_check returned nothing'];
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return [`${code}: ${(e as Error).message}`];
    throw e;
  }
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const now = opts.now ?? (() => new Date());
  const dataDir = path.resolve(opts.dataDir);
  const file = dbPathOf(dataDir);

  probeWritable(dataDir);
  const lock = lockDataDir(dataDir);
  let db: Database.Database | null = null;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) throw notAFileError(file);

    // 5. a damaged (or empty) file is moved aside
    if (stat) {
      let damage: string[] | null = stat.size === 0 ? ['the file is empty (0 bytes)'] : null;
      if (damage === null) {
        try {
          db = new Database(file, { fileMustExist: true });
          damage = findDamage(db);
        } catch (e) {
          const code = (e as { code?: string }).code ?? '';
          if (code !== 'SQLITE_NOTADB' && !code.startsWith('SQLITE_CORRUPT')) throw fromSystemError(e, file);
          damage = [`${code}: ${(e as Error).message}`];
        }
      }
      if (damage !== null) {
        db?.close();
        db = null;
        let movedTo: string[];
        try {
          movedTo = quarantineDatabase(dataDir, 'corrupt', now());
        } catch (e) {
          throw fromSystemError(e, file);
        }
        const log = logProblem(dataDir, now(), [
          `damaged database moved aside: ${file} → ${movedTo.join(', ')}`,
          ...damage.map((d) => `  ${d}`),
        ]);
        throw corruptError(dataDir, log);
      }
    }

    // 4. no file
    let created = false;
    let afterQuarantine = false;
    if (!stat) {
      afterQuarantine = listQuarantined(dataDir).some((q) => q.reason === 'corrupt');
      if (afterQuarantine && !opts.startEmpty) throw corruptError(dataDir, path.join(dataDir, DATABASE_LOG));
      try {
        createDatabaseFile(file, migrations, opts.pageSize ?? PAGE_SIZE);
      } catch (e) {
        throw fromSystemError(e, file);
      }
      created = true;
      db = new Database(file, { fileMustExist: true });
    }
    db ??= new Database(file, { fileMustExist: true });

    // 6. too new
    const fromVersion = created ? latest : Number(db.pragma('user_version', { simple: true }));
    if (fromVersion > latest) throw tooNewError(file, fromVersion, latest);

    // 7–9
    applyConnectionPragmas(db);
    const backups: BackupOutcome[] = [];
    if (fromVersion < latest) {
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
    checkpoint(db);
    if (!created && opts.dailyBackup !== false) {
      const daily = await dailyBackupIfDue(db, dataDir, now());
      if (daily) backups.push(daily);
    }
    const opened = db;
    return {
      db: opened,
      dataDir,
      file,
      created,
      afterQuarantine,
      fromVersion: created ? 0 : fromVersion,
      version,
      backups,
      close: () => {
        if (opened.open) {
          checkpoint(opened, 'TRUNCATE');
          opened.close();
        }
        lock.release();
      },
    };
  } catch (e) {
    db?.close();
    lock.release();
    throw fromSystemError(e, file);
  }
}

export interface ReadOnlyDatabase {
  db: Database.Database;
  file: string;
  close(): void;
}

/**
 * For read-only commands (history export, the backup list): no lock, and the file is never
 * moved, migrated or backed up. A missing, empty or damaged file, a folder in its place, or
 * another schema version is reported, not repaired.
 */
export function openDatabaseReadOnly(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): ReadOnlyDatabase {
  const file = dbPathOf(path.resolve(dataDir));
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) {
    throw new AppError(
      'not-found',
      `データベースがありません: ${file}。データフォルダ (--data-dir) が正しいか確認してください。`,
      `there is no database: ${file}. Check the data directory (--data-dir).`,
      { file },
    );
  }
  if (stat.isDirectory()) throw notAFileError(file);
  const damaged = () =>
    new AppError(
      'db-corrupt',
      `データベースが壊れています: ${file}。資格確認デスクを起動すると、バックアップから元に戻せます。`,
      `the database is damaged: ${file}. Start the app to restore a backup.`,
      { file },
    );
  if (stat.size === 0) throw damaged();
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw fromSystemError(e, file);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latest) throw tooNewError(file, version, latest);
    if (version < latest) {
      throw new AppError(
        'db-too-old',
        `このデータベースは古い形式です (形式 ${version})。資格確認デスクを一度起動すると新しい形式になります: ${file}`,
        `this database has an older schema (${version}); start the app once to upgrade it: ${file}`,
        { file, version, latest },
      );
    }
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damaged();
    throw fromSystemError(e, file);
  }
  return { db, file, close: () => db.close() };
}
