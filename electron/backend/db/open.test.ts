import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-dir';
import { checkDatabaseFile, createBackup, finalizeBackup, listBackups, listGoodBackups, restoreBackup } from './backup';
import { dbPathOf, resolveDataDir } from './data-dir';
import { openDatabase } from './open';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './schema';

const at = (iso: string) => () => new Date(iso);

async function expectAppError(p: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return e as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('resolveDataDir', () => {
  it('explicit, then SHIKAKU_DATA_DIR, then the fallback', () => {
    expect(resolveDataDir({ explicit: '/a', env: { SHIKAKU_DATA_DIR: '/b' }, fallback: '/c' })).toBe('/a');
    expect(resolveDataDir({ explicit: null, env: { SHIKAKU_DATA_DIR: '/b' }, fallback: '/c' })).toBe('/b');
    expect(resolveDataDir({ env: {}, fallback: '/c' })).toBe('/c');
    expect(resolveDataDir({ env: {}, fallback: './.data' })).toBe(path.resolve('.data'));
  });
});

describe('openDatabase', () => {
  it('creates one file with WAL, synchronous=FULL, foreign keys and the latest schema', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    try {
      expect(o.created).toBe(true);
      expect(o.file).toBe(dbPathOf(dir));
      expect(o.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(o.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(o.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(o.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const tables = (
        o.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>
      ).map((r) => r.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'person',
          'coverage',
          'myna',
          'holding',
          'clinic_settings',
          'check_history',
          'app_meta',
        ]),
      );
      expect(o.backups).toEqual([]); // nothing to back up on a fresh database
    } finally {
      o.db.close();
    }
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.write-test'))).toEqual([]);
  });

  it('takes one verified daily backup per Japan day and keeps the last 7', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir, now: at('2026-01-01T10:00:00+09:00') })).db.close();
    for (let day = 1; day <= 10; day += 1) {
      for (const hour of ['08', '18']) {
        const o = await openDatabase({
          dataDir: dir,
          now: at(`2026-01-${String(day).padStart(2, '0')}T${hour}:00:00+09:00`),
        });
        o.db.close();
      }
    }
    const daily = listBackups(dir).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(7);
    expect(daily.map((b) => b.name.slice(8, 16))).toEqual([
      '20260110',
      '20260109',
      '20260108',
      '20260107',
      '20260106',
      '20260105',
      '20260104',
    ]);
    for (const b of daily) expect(checkDatabaseFile(b.file).ok).toBe(true);
    // 23:30 UTC on the 10th is already the 11th in Japan
    const o = await openDatabase({ dataDir: dir, now: at('2026-01-10T23:30:00Z') });
    o.db.close();
    expect(o.backups).toHaveLength(1);
    expect(listBackups(dir)[0]!.name.startsWith('shikaku-20260111-083000-daily')).toBe(true);
  });

  it('runs pending steps in one transaction after a verified pre-migration backup', async () => {
    const dir = tempDir();
    const o1 = await openDatabase({ dataDir: dir, now: at('2026-02-01T09:00:00+09:00') });
    o1.db.prepare("INSERT INTO app_meta (key, value) VALUES ('marker', 'v1')").run();
    o1.db.close();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'add a', up: (db) => db.exec('CREATE TABLE extra_a (x INTEGER)') },
      { version: LATEST_VERSION + 2, name: 'add b', up: (db) => db.exec('CREATE TABLE extra_b (x INTEGER)') },
    ];
    const o2 = await openDatabase({ dataDir: dir, migrations: steps, now: at('2026-02-01T09:05:00+09:00') });
    expect(o2.fromVersion).toBe(LATEST_VERSION);
    expect(o2.version).toBe(LATEST_VERSION + 2);
    expect(o2.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 2);
    o2.db.close();
    const pre = listBackups(dir).filter((b) => b.kind === 'pre-migration');
    expect(pre).toHaveLength(1);
    const old = new Database(pre[0]!.file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(old.prepare("SELECT value FROM app_meta WHERE key = 'marker'").get()).toEqual({ value: 'v1' });
    old.close();
  });

  it('rolls a failing migration back completely', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir })).db.close();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'fine', up: (db) => db.exec('CREATE TABLE half_done (x INTEGER)') },
      { version: LATEST_VERSION + 2, name: 'broken', up: (db) => db.exec('CREATE TABLE half_done (y INTEGER)') },
    ];
    const err = await expectAppError(openDatabase({ dataDir: dir, migrations: steps }), 'migration-failed');
    expect(err.ja).toContain('元の状態のまま');
    const db = new Database(dbPathOf(dir));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    o.db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    o.db.close();
    const before = fs.readFileSync(dbPathOf(dir));
    const err = await expectAppError(openDatabase({ dataDir: dir }), 'db-too-new');
    expect(err.ja).toContain('新しいバージョン');
    expect(err.en).toContain('newer version');
    expect(err.details).toMatchObject({ found: LATEST_VERSION + 5, known: LATEST_VERSION });
    expect(fs.readFileSync(dbPathOf(dir)).equals(before)).toBe(true);
    expect(listBackups(dir)).toEqual([]);
  });

  it('moves a file that is not a database aside (never deletes it) and offers the newest good backup', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir, now: at('2026-03-01T09:00:00+09:00') });
    o.db.prepare("INSERT INTO app_meta (key, value) VALUES ('who', 'backed-up')").run();
    const b = await createBackup(o.db, dir, 'manual', new Date('2026-03-01T09:10:00+09:00'));
    expect(b.ok).toBe(true);
    o.db.close();
    fs.rmSync(`${dbPathOf(dir)}-wal`, { force: true });
    fs.rmSync(`${dbPathOf(dir)}-shm`, { force: true });
    const garbage = Buffer.from('this is not a database, just some text that got written here '.repeat(100));
    fs.writeFileSync(dbPathOf(dir), garbage);

    const err = await expectAppError(
      openDatabase({ dataDir: dir, now: at('2026-03-02T08:00:00+09:00') }),
      'db-corrupt',
    );
    const moved = err.details.movedTo as string[];
    expect(moved[0]).toBe(path.join(dir, 'shikaku.corrupt-20260302-080000.sqlite'));
    expect(fs.readFileSync(moved[0]!).equals(garbage)).toBe(true);
    expect(fs.existsSync(dbPathOf(dir))).toBe(false);
    expect((err.details.newestGoodBackup as { name: string }).name).toBe(b.ok ? b.backup.name : '');
    expect(err.ja).toContain('退避');
    expect(err.ja).toContain(b.ok ? b.backup.name : '');

    // restore the offered backup, then open normally
    restoreBackup(dir, (err.details.newestGoodBackup as { name: string }).name, new Date('2026-03-02T08:01:00+09:00'));
    const again = await openDatabase({ dataDir: dir, now: at('2026-03-02T08:02:00+09:00') });
    expect(again.db.prepare("SELECT value FROM app_meta WHERE key = 'who'").get()).toEqual({ value: 'backed-up' });
    again.db.close();
    expect(fs.readFileSync(moved[0]!).equals(garbage)).toBe(true); // still there
  });

  it('quarantines a database whose pages are damaged (integrity_check fails)', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    const ins = o.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)');
    o.db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) ins.run(`k${i}`, 'x'.repeat(200));
    })();
    o.db.pragma('wal_checkpoint(TRUNCATE)');
    o.db.close();
    // scribble over the middle of the file (b-tree pages of app_meta)
    const file = dbPathOf(dir);
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expect(checkDatabaseFile(file).ok).toBe(false);
    const err = await expectAppError(openDatabase({ dataDir: dir }), 'db-corrupt');
    expect(err.details.newestGoodBackup).toBeNull();
    expect(err.ja).toContain('正常なバックアップはありません');
    expect(fs.existsSync(file)).toBe(false);
    // a fresh start is possible afterwards
    const fresh = await openDatabase({ dataDir: dir });
    expect(fresh.created).toBe(true);
    fresh.db.close();
  });

  it('maps a full disk (SQLITE_FULL) to a clear error', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    o.db.pragma('max_page_count = 40');
    const ins = o.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)');
    let error: unknown;
    try {
      o.db.transaction(() => {
        for (let i = 0; i < 10_000; i += 1) ins.run(`k${i}`, 'y'.repeat(500));
      })();
    } catch (e) {
      error = e;
    }
    o.db.close();
    const { fromSystemError } = await import('../errors');
    const mapped = fromSystemError(error, dir);
    expect(mapped.code).toBe('disk-full');
    expect(mapped.ja).toContain('空き容量');
    expect(fromSystemError(Object.assign(new Error('x'), { code: 'ENOSPC' }), dir).code).toBe('disk-full');
    expect(fromSystemError(Object.assign(new Error('x'), { code: 'EROFS' }), dir).code).toBe('data-dir-readonly');
  });
});

describe('backups', () => {
  it('a backup that fails verification is deleted and reported', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    const partial = path.join(dir, 'backups', 'shikaku-20260101-090000-manual.sqlite.partial');
    fs.writeFileSync(partial, 'garbage, not sqlite'.repeat(300));
    const out = finalizeBackup(partial, 'shikaku-20260101-090000-manual.sqlite', 'manual');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('backup-failed');
      expect(out.error.ja).toContain('削除');
    }
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('lists only good backups, newest first; a damaged one is skipped and cannot be restored', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    const a = await createBackup(o.db, dir, 'manual', new Date('2026-01-01T09:00:00+09:00'));
    const b = await createBackup(o.db, dir, 'manual', new Date('2026-01-02T09:00:00+09:00'));
    o.db.close();
    expect(a.ok && b.ok).toBe(true);
    if (!b.ok || !a.ok) return;
    fs.writeFileSync(b.backup.file, 'damaged');
    expect(listGoodBackups(dir).map((x) => x.name)).toEqual([a.backup.name]);
    expect(() => restoreBackup(dir, b.backup.name)).toThrow(AppError);
    expect(() => restoreBackup(dir, '../../etc/passwd')).toThrow(/no such backup/);
  });
});
