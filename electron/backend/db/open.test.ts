import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-dir';
import {
  checkDatabaseFile,
  createBackup,
  finalizeBackup,
  listBackups,
  listGoodBackups,
  recoveryOptions,
  restoreBackup,
} from './backup';
import { dbPathOf, resolveDataDir } from './data-dir';
import { openDatabase, openDatabaseReadOnly } from './open';
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

  it('step 4 (rule book v2) keeps every row and trigger and accepts the new verdicts and 0%', async () => {
    const dir = tempDir();
    const v3 = MIGRATIONS.filter((m) => m.version <= 3);
    const o1 = await openDatabase({ dataDir: dir, migrations: v3, now: at('2026-02-01T09:00:00+09:00') });
    const history = (verdict: string) =>
      o1.db
        .prepare(
          `INSERT INTO check_history (at, day, visit_date, mode, scenario_id, verdict, copay_percent, rules, scenario_json, decision_json)
           VALUES ('2026-02-01T00:00:00Z', '2026-02-01', '2026-02-01', 'desk', 's', ?, 30, '[]', '{}', '{}')`,
        )
        .run(verdict);
    history('insured');
    expect(() => history('public-assistance')).toThrow(/CHECK constraint/);
    o1.db
      .prepare(
        "INSERT INTO trainer_pack (id, title, source, created_at, updated_at) VALUES (1, 'p', 'import', 'x', 'x')",
      )
      .run();
    const packRow = o1.db.prepare(
      `INSERT INTO trainer_pack_scenario (pack_id, scenario_id, position, visit_date, verdict, copay_percent, rules, mismatches, scenario_json)
       VALUES (1, ?, ?, '2026-02-01', ?, ?, '[]', '[]', '{}')`,
    );
    packRow.run('a', 1, 'self-pay', 100);
    o1.db.close();

    const o2 = await openDatabase({ dataDir: dir, now: at('2026-02-01T09:05:00+09:00') });
    expect(o2.fromVersion).toBe(3);
    expect(o2.db.prepare('SELECT verdict FROM check_history').all()).toEqual([{ verdict: 'insured' }]);
    o2.db
      .prepare(
        `INSERT INTO check_history (at, day, visit_date, mode, scenario_id, verdict, copay_percent, rules, scenario_json, decision_json)
         VALUES ('2026-02-01T00:00:00Z', '2026-02-01', '2026-02-01', 'desk', 's', 'workers-comp', 0, '[]', '{}', '{}')`,
      )
      .run();
    expect(() => o2.db.prepare('DELETE FROM check_history').run()).toThrow(/append-only/);
    o2.db
      .prepare(
        `INSERT INTO trainer_pack_scenario (pack_id, scenario_id, position, visit_date, verdict, copay_percent, rules, mismatches, scenario_json)
         VALUES (1, 'b', 2, '2026-02-01', 'public-assistance', 0, '[]', '[]', '{}')`,
      )
      .run();
    expect(o2.db.prepare('SELECT scenario_id, verdict FROM trainer_pack_scenario ORDER BY position').all()).toEqual([
      { scenario_id: 'a', verdict: 'self-pay' },
      { scenario_id: 'b', verdict: 'public-assistance' },
    ]);
    // the pack's scenarios still go with the pack
    o2.db.prepare('DELETE FROM trainer_pack WHERE id = 1').run();
    expect(o2.db.prepare('SELECT count(*) AS n FROM trainer_pack_scenario').get()).toEqual({ n: 0 });
    expect(o2.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(o2.db.pragma('foreign_key_check')).toEqual([]);
    o2.db.close();
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
    // plain words for the receptionist: what happened, what to choose, the backup by date
    expect(err.ja).toContain('壊れていた');
    expect(err.ja).toContain('消してはいません');
    expect(err.ja).toContain('バックアップから元に戻すか、空の状態で始めるか');
    expect(err.ja).toContain('令和8年3月1日 9:10');
    expect(err.ja).not.toMatch(/SQLITE|integrity|NOTADB/);

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
    // a leaf page of app_meta in the middle of its b-tree (dbstat: wherever the schema put it)
    const leaves = o.db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'app_meta' AND pagetype = 'leaf' ORDER BY pageno")
      .all() as { pageno: number }[];
    const page = leaves[Math.floor(leaves.length / 2)]!.pageno;
    const pageSize = o.db.pragma('page_size', { simple: true }) as number;
    o.db.close();
    // scribble over its cells (its header stays: integrity_check then names the page)
    const file = dbPathOf(dir);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize - 4096, 0xa5), 0, pageSize - 4096, (page - 1) * pageSize + 4096);
    fs.closeSync(fd);
    expect(checkDatabaseFile(file).ok).toBe(false);
    const err = await expectAppError(openDatabase({ dataDir: dir }), 'db-corrupt');
    expect(err.details.newestGoodBackup).toBeNull();
    expect(err.ja).toContain('使えるバックアップはありません');
    expect(err.ja).not.toMatch(/integrity|Page|btree/i);
    expect(fs.existsSync(file)).toBe(false);
    // the raw findings are in the log, for whoever supports the clinic
    const log = fs.readFileSync(path.join(dir, 'logs', 'database.log'), 'utf8');
    expect(log).toContain('damaged database moved aside');
    expect(log).toMatch(/page|btree|Tree/i);
    // the next start asks again instead of starting empty on its own
    const again = await expectAppError(openDatabase({ dataDir: dir }), 'db-corrupt');
    expect((again.details.quarantined as unknown[]).length).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    // a fresh start once the clinic chose it
    const fresh = await openDatabase({ dataDir: dir, startEmpty: true });
    expect(fresh.created).toBe(true);
    expect(fresh.afterQuarantine).toBe(true);
    fresh.close();
    (await openDatabase({ dataDir: dir })).close();
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

describe('damage and recovery (issue 11)', () => {
  it('a zero-length database file is damage, not a new install: moved aside, nothing created', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir })).close();
    fs.writeFileSync(dbPathOf(dir), '');
    const err = await expectAppError(openDatabase({ dataDir: dir }), 'db-corrupt');
    expect(fs.existsSync(dbPathOf(dir))).toBe(false);
    const moved = err.details.movedTo as string[];
    expect(moved[0]).toMatch(/shikaku\.corrupt-\d{8}-\d{6}\.sqlite$/);
    expect(fs.statSync(moved[0]!).size).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'logs', 'database.log'), 'utf8')).toContain('empty (0 bytes)');
  });

  it('a directory where the file should be says so, and is left alone', async () => {
    const dir = tempDir();
    fs.mkdirSync(dbPathOf(dir));
    fs.writeFileSync(path.join(dbPathOf(dir), 'keep.txt'), 'x');
    const err = await expectAppError(openDatabase({ dataDir: dir }), 'db-not-a-file');
    expect(err.ja).toContain('フォルダがあります');
    expect(err.en).toContain('folder where the database file should be');
    expect(fs.readFileSync(path.join(dbPathOf(dir), 'keep.txt'), 'utf8')).toBe('x');
    expect(() => openDatabaseReadOnly(dir)).toThrow(/folder where the database file should be/);
  });

  it('lists the damaged file and the backups with dates and row counts; restores a chosen, verified one', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir, now: at('2026-04-01T09:00:00+09:00') });
    o.db.exec(
      "INSERT INTO person (name, kana, birth_date, sex, name_search, kana_search, created_at, updated_at) VALUES ('架空 一郎', 'カクウ イチロウ', '1980-01-01', 1, '', '', '', '')",
    );
    const first = await createBackup(o.db, dir, 'manual', new Date('2026-04-01T09:30:00+09:00'));
    o.db.exec(
      "INSERT INTO person (name, kana, birth_date, sex, name_search, kana_search, created_at, updated_at) VALUES ('架空 二郎', 'カクウ ジロウ', '1980-01-02', 1, '', '', '', '')",
    );
    const second = await createBackup(o.db, dir, 'manual', new Date('2026-04-02T09:30:00+09:00'));
    o.close();
    expect(first.ok && second.ok).toBe(true);
    fs.writeFileSync(dbPathOf(dir), Buffer.alloc(20_000, 7));
    await expectAppError(openDatabase({ dataDir: dir, now: at('2026-04-03T08:00:00+09:00') }), 'db-corrupt');

    const options = recoveryOptions(dir);
    expect(options.quarantined).toHaveLength(1);
    expect(options.quarantined[0]).toMatchObject({ reason: 'corrupt', movedAt: '2026-04-03 08:00:00', bytes: 20_000 });
    expect(options.quarantined[0]!.contents).toBeNull();
    expect(options.backups.map((b) => [b.takenAt, b.ok, b.contents])).toEqual([
      ['2026-04-02 09:30:00', true, { patients: 2, checks: 0 }],
      ['2026-04-01 09:30:00', true, { patients: 1, checks: 0 }],
    ]);

    restoreBackup(dir, options.backups[1]!.name);
    const again = await openDatabase({ dataDir: dir });
    expect(again.created).toBe(false);
    expect(again.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 1 });
    again.close();
    // the damaged file is still there
    expect(fs.existsSync(options.quarantined[0]!.file)).toBe(true);
  });

  it('read-only opening never moves, migrates or backs up the database', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir })).close();
    const before = fs.readdirSync(dir).sort();
    const bytes = fs.readFileSync(dbPathOf(dir));
    const ro = openDatabaseReadOnly(dir);
    expect(ro.db.readonly).toBe(true);
    expect(() => ro.db.exec("INSERT INTO app_meta (key, value) VALUES ('x', 'y')")).toThrow(/readonly/);
    ro.close();
    expect(fs.readFileSync(dbPathOf(dir)).equals(bytes)).toBe(true);
    // an older schema is reported, not migrated
    const db = new Database(dbPathOf(dir));
    db.pragma('user_version = 1');
    db.close();
    expect(() => openDatabaseReadOnly(dir)).toThrow(AppError);
    expect(new Database(dbPathOf(dir), { readonly: true }).pragma('user_version', { simple: true })).toBe(1);
    // a damaged file stays where it is
    fs.writeFileSync(dbPathOf(dir), 'not a database'.repeat(100));
    expect(() => openDatabaseReadOnly(dir)).toThrow(/database is damaged/);
    // (SQLite's own -wal/-shm companions may appear; nothing else does)
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort(),
    ).toEqual(before);
    expect(listBackups(dir)).toEqual([]);
  });
});
