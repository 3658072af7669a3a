// Backups and recovery. A backup is `db.backup()` to a `.partial` file, switched to a single-file
// (rollback-journal) database, verified with PRAGMA integrity_check and only then renamed to its
// final name — so every file named `shikaku-*.sqlite` in the backup folder was good when written.
// A bad backup is deleted and reported. A suspect database is never deleted: it is moved aside
// (quarantined) with a timestamp, and a verified backup can be restored in its place.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupChoice, DatabaseContents, QuarantinedFile } from '../../../shared/contract';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/enums';
import { AppError, fromSystemError } from '../errors';
import { jstDate, jstFileStamp } from '../time';
import { backupDirOf, dbPathOf, DB_FILE_NAME } from './data-dir';

const BACKUPS_KEPT = 7;

export interface BackupInfo {
  /** file name inside the backup folder */
  name: string;
  file: string;
  kind: BackupKind;
  /** when it was taken, Japan time, e.g. 2026-01-20 09:30:12 */
  takenAt: string;
  bytes: number;
}

export type BackupOutcome = { ok: true; backup: BackupInfo } | { ok: false; error: AppError };

const NAME_RE = new RegExp(`^shikaku-(\\d{8})-(\\d{6})(?:-(\\d+))?-(${BACKUP_KINDS.join('|')})\\.sqlite$`);

const stampToText = (d: string, t: string) =>
  `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;

function infoOf(dir: string, name: string): BackupInfo | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, d, t, , kind] = m;
  const file = path.join(dir, name);
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return null;
  }
  return {
    name,
    file,
    kind: kind as BackupKind,
    takenAt: stampToText(d!, t!),
    bytes,
  };
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported on every platform (Windows); the rename itself is still atomic
  }
}

/** Runs PRAGMA integrity_check on a database file. Never throws. */
export function checkDatabaseFile(
  file: string,
  opts: { readonly?: boolean } = {},
): { ok: true } | { ok: false; reason: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, readonly: opts.readonly ?? true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const bad = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return bad.length === 0 && rows.length > 0
      ? { ok: true }
      : { ok: false, reason: bad.slice(0, 3).join('; ') || 'no result' };
  } catch (e) {
    return { ok: false, reason: (e as { code?: string; message?: string }).code ?? String((e as Error).message ?? e) };
  } finally {
    db?.close();
  }
}

/**
 * Verifies a freshly written backup (`*.partial`) and moves it to its final name, or deletes it
 * and reports why. Exported for tests.
 */
export function finalizeBackup(partial: string, finalName: string, kind: BackupKind): BackupOutcome {
  const dir = path.dirname(partial);
  let check: { ok: true } | { ok: false; reason: string };
  try {
    // Make the backup a self-contained single file (no -wal / -shm needed to read it).
    const db = new Database(partial, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    check = checkDatabaseFile(partial);
  } catch (e) {
    check = { ok: false, reason: (e as { code?: string }).code ?? String(e) };
  }
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    return {
      ok: false,
      error: new AppError(
        'backup-failed',
        `バックアップの検証 (integrity_check) に失敗したため、そのバックアップを削除しました: ${finalName} (${check.reason})`,
        `a backup failed verification (integrity_check) and was deleted: ${finalName} (${check.reason})`,
        { name: finalName, reason: check.reason },
      ),
    };
  }
  const file = path.join(dir, finalName);
  fs.renameSync(partial, file);
  fsyncDir(dir);
  return { ok: true, backup: infoOf(dir, finalName) ?? { name: finalName, file, kind, takenAt: '', bytes: 0 } };
}

function uniqueBackupName(dir: string, stamp: string, kind: BackupKind): string {
  for (let i = 1; ; i += 1) {
    const name = `shikaku-${stamp}${i === 1 ? '' : `-${i}`}-${kind}.sqlite`;
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, `${name}.partial`))) return name;
  }
}

/** Backs up an open database into `<dataDir>/backups/`, verified. Never throws for a bad backup. */
export async function createBackup(
  db: Database.Database,
  dataDir: string,
  kind: BackupKind,
  now: Date = new Date(),
): Promise<BackupOutcome> {
  const dir = backupDirOf(dataDir);
  const name = (() => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      return uniqueBackupName(dir, jstFileStamp(now), kind);
    } catch (e) {
      return fromSystemError(e, dir);
    }
  })();
  if (name instanceof AppError) return { ok: false, error: name };
  const partial = path.join(dir, `${name}.partial`);
  try {
    await db.backup(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    const err = fromSystemError(e, partial);
    return {
      ok: false,
      error: new AppError(
        'backup-failed',
        `バックアップを作成できませんでした: ${err.ja}`,
        `could not write a backup: ${err.en}`,
        { name },
        { cause: e },
      ),
    };
  }
  const out = finalizeBackup(partial, name, kind);
  if (out.ok) pruneBackups(dataDir, kind);
  return out;
}

/** Every backup file, newest first (not verified). Leftover `.partial` files are ignored. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDirOf(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => infoOf(dir, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** The backups that pass integrity_check now, newest first (what to offer after a corruption). */
export function listGoodBackups(dataDir: string): BackupInfo[] {
  return listBackups(dataDir).filter((b) => checkDatabaseFile(b.file).ok);
}

/** Row counts of a database file, read-only; null when it cannot be read (damaged, not a database). */
function contentsOf(file: string): DatabaseContents | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const count = (table: string) => (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { patients: count('person'), checks: count('check_history') };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

const QUARANTINE_RE = /^shikaku\.(corrupt|replaced)-(\d{8})-(\d{6})(?:-\d+)?\.sqlite$/;

/** The files moved aside in the data directory, newest first. */
export function listQuarantined(dataDir: string): QuarantinedFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return [];
  }
  const out: QuarantinedFile[] = [];
  for (const name of names) {
    const m = QUARANTINE_RE.exec(name);
    if (!m) continue;
    const file = path.join(dataDir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const [, reason, d, t] = m;
    out.push({
      name,
      file,
      reason: reason as QuarantinedFile['reason'],
      movedAt: stampToText(d!, t!),
      bytes: stat.size,
      contents: contentsOf(file),
    });
  }
  return out.sort((a, b) => (a.movedAt < b.movedAt ? 1 : a.movedAt > b.movedAt ? -1 : 0));
}

/** What a clinic can do after a damaged database was moved aside: the files and the backups. */
export function recoveryOptions(dataDir: string): { quarantined: QuarantinedFile[]; backups: BackupChoice[] } {
  return {
    quarantined: listQuarantined(dataDir).filter((q) => q.reason === 'corrupt'),
    backups: listBackups(dataDir).map((b) => {
      const ok = checkDatabaseFile(b.file).ok;
      return { ...b, ok, contents: ok ? contentsOf(b.file) : null };
    }),
  };
}

/** Keeps the newest BACKUPS_KEPT backups of one kind; returns the names removed. */
function pruneBackups(dataDir: string, kind: BackupKind, keep = BACKUPS_KEPT): string[] {
  const old = listBackups(dataDir)
    .filter((b) => b.kind === kind)
    .slice(keep);
  for (const b of old) fs.rmSync(b.file, { force: true });
  return old.map((b) => b.name);
}

/** The daily backup, when none was taken today (Japan date). */
export async function dailyBackupIfDue(
  db: Database.Database,
  dataDir: string,
  now: Date = new Date(),
): Promise<BackupOutcome | null> {
  const today = jstDate(now).replaceAll('-', '');
  const done = listBackups(dataDir).some((b) => b.kind === 'daily' && b.name.startsWith(`shikaku-${today}-`));
  return done ? null : createBackup(db, dataDir, 'daily', now);
}

/**
 * Moves the database file and its -wal / -shm companions aside as
 * `shikaku.<reason>-<stamp>.sqlite[-wal|-shm]`. Never deletes anything. Returns the new paths.
 */
export function quarantineDatabase(dataDir: string, reason: 'corrupt' | 'replaced', now: Date = new Date()): string[] {
  const base = dbPathOf(dataDir);
  const stamp = jstFileStamp(now);
  let target: string;
  for (let i = 1; ; i += 1) {
    target = path.join(dataDir, `shikaku.${reason}-${stamp}${i === 1 ? '' : `-${i}`}.sqlite`);
    if (![target, `${target}-wal`, `${target}-shm`].some((f) => fs.existsSync(f))) break;
  }
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const from = `${base}${suffix}`;
    if (!fs.existsSync(from)) continue;
    const to = `${target}${suffix}`;
    fs.renameSync(from, to);
    moved.push(to);
  }
  fsyncDir(dataDir);
  return moved;
}

/**
 * Puts a verified backup in place of the database. The database must be closed. The current
 * file (if any) is moved aside, never deleted. Returns what was restored and what was moved.
 */
export function restoreBackup(
  dataDir: string,
  backupName: string,
  now: Date = new Date(),
): { restored: BackupInfo; movedAside: string[] } {
  const name = path.basename(backupName);
  const info = infoOf(backupDirOf(dataDir), name);
  if (!info) {
    throw new AppError('not-found', `バックアップが見つかりません: ${name}`, `no such backup: ${name}`, { name });
  }
  const damaged = (reason: string) =>
    new AppError(
      'backup-failed',
      `このバックアップは壊れているため元に戻せません。別のバックアップを選んでください: ${name}`,
      `this backup is damaged and cannot be restored; choose another one: ${name}`,
      { name, reason },
    );
  const check = checkDatabaseFile(info.file);
  if (!check.ok) throw damaged(check.reason);
  const target = dbPathOf(dataDir);
  const partial = path.join(dataDir, `${DB_FILE_NAME}.restore-partial`);
  try {
    fs.copyFileSync(info.file, partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // the copy itself, verified before it takes the database's place
    const copied = checkDatabaseFile(partial);
    if (!copied.ok) throw damaged(copied.reason);
    const movedAside = quarantineDatabase(dataDir, 'replaced', now);
    fs.renameSync(partial, target);
    fsyncDir(dataDir);
    return { restored: info, movedAside };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw fromSystemError(e, dataDir);
  }
}
