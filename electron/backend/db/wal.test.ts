// Acknowledged work does not live only in the WAL (issue 11, item 3): after each batch and when
// the desk is idle it is checkpointed into shikaku.sqlite, so a copy of that one file — what a
// clinic backs up — holds it, and damage to the WAL loses none of it. A clean close empties the WAL.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decideScenario } from '../../../shared/engine';
import { parseScenario, type Scenario } from '../../../shared/scenario';
import { createApi } from '../api';
import { type HistoryEntry, HistoryRepository } from '../history/repository';
import { tempDir } from '../testing/temp-dir';
import { idleCheckpointer, IDLE_CHECKPOINT_MS } from './checkpoint';
import { dbPathOf } from './data-dir';
import { openDatabase } from './open';

const parsed = parseScenario(
  {
    id: 'wal-case',
    visitDate: '2026-01-15',
    clinic: { onlineCheck: true },
    patient: {
      birthDate: '1953-06-10',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
    },
    presented: [{ kind: 'myna-card' }],
  },
  { inPack: true },
);
if (!parsed.ok) throw new Error('fixture');
const scenario: Scenario = parsed.scenario;
const decision = decideScenario(scenario);
const entry = (i: number): HistoryEntry => ({
  mode: 'desk',
  patientName: `架空 患者${i}`,
  scenario: { ...scenario, id: `wal-${i}` },
  decision: { ...decision, id: `wal-${i}` },
  result: null,
});

/** Rows in a copy of the main database file alone (no -wal, no -shm), as a file backup holds it. */
function rowsInMainFileAlone(dataDir: string): number {
  const copy = path.join(tempDir(), 'copy.sqlite');
  fs.copyFileSync(dbPathOf(dataDir), copy);
  const db = new Database(copy, { readonly: true });
  try {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'check_history'").get() as {
      n: number;
    };
    return tables.n === 0 ? -1 : (db.prepare('SELECT count(*) AS n FROM check_history').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const walBytes = (dataDir: string) => fs.statSync(`${dbPathOf(dataDir)}-wal`, { throwIfNoEntry: false })?.size ?? 0;

afterEach(() => vi.useRealTimers());

describe('the WAL holds nothing for long (issue 11)', () => {
  it('checkpoints often and keeps the WAL small (SQLite default 1000 pages or less)', async () => {
    const o = await openDatabase({ dataDir: tempDir() });
    expect(Number(o.db.pragma('wal_autocheckpoint', { simple: true }))).toBeLessThanOrEqual(1000);
    expect(Number(o.db.pragma('journal_size_limit', { simple: true }))).toBeLessThanOrEqual(4 * 1024 * 1024);
    o.close();
  });

  it('a copy of shikaku.sqlite alone after a batch of acknowledged writes holds them', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    const repo = new HistoryRepository(o.db);
    const ids = repo.appendMany(Array.from({ length: 300 }, (_, i) => entry(i)));
    expect(ids).toHaveLength(300);
    expect(rowsInMainFileAlone(dir)).toBe(300);
    o.close();
  });

  it('64 damaged bytes in the WAL lose none of the acknowledged batches', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    const repo = new HistoryRepository(o.db);
    for (let b = 0; b < 3; b += 1) repo.appendMany(Array.from({ length: 100 }, (_, i) => entry(b * 100 + i)));
    const wal = `${dbPathOf(dir)}-wal`;
    const size = walBytes(dir);
    expect(size).toBeGreaterThan(64);
    // scribble over the middle of the WAL, then crash (no clean close)
    const fd = fs.openSync(wal, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, Math.floor(size / 2));
    fs.closeSync(fd);
    const copyDir = tempDir();
    for (const f of ['', '-wal']) fs.copyFileSync(`${dbPathOf(dir)}${f}`, `${dbPathOf(copyDir)}${f}`);
    o.close();
    const again = await openDatabase({ dataDir: copyDir });
    expect((again.db.prepare('SELECT count(*) AS n FROM check_history').get() as { n: number }).n).toBe(300);
    again.close();
  });

  it('a single write (a desk check) reaches the main file once the desk is idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    const repo = new HistoryRepository(o.db);
    const idle = idleCheckpointer(o.db);
    repo.append(entry(1));
    idle.touch();
    expect(rowsInMainFileAlone(dir)).toBe(0); // still only in the WAL
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS - 10);
    repo.append(entry(2));
    idle.touch(); // more work: the idle period starts again
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS - 10);
    expect(rowsInMainFileAlone(dir)).toBe(0);
    vi.advanceTimersByTime(20);
    expect(rowsInMainFileAlone(dir)).toBe(2);
    idle.stop();
    o.close();
  });

  it('the app checkpoints once idle after a desk check (createApi)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const api = await createApi({ dataDir: dir, shell: 'browser', now: () => new Date('2026-01-20T01:00:00Z') });
    const patient = await api.call('registry.search', { query: 'ア', limit: 1 });
    if (!patient.ok) throw new Error('search');
    const r = await api.call('desk.decide', {
      patient: { id: (patient.value as Array<{ id: string }>)[0]!.id },
      presented: ['myna-card'],
      visitDate: '2026-01-20',
      clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.ok).toBe(true);
    expect(rowsInMainFileAlone(dir)).toBe(0);
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS);
    expect(rowsInMainFileAlone(dir)).toBe(1);
    api.close();
  });

  it('a clean close checkpoints with TRUNCATE: no WAL left, the main file complete', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    const repo = new HistoryRepository(o.db);
    for (let i = 0; i < 20; i += 1) repo.append(entry(i));
    expect(walBytes(dir)).toBeGreaterThan(0);
    o.close();
    expect(walBytes(dir)).toBe(0);
    expect(rowsInMainFileAlone(dir)).toBe(20);
  });
});
