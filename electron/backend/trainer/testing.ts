// Test helpers for the trainer backend: an opened database in a temp directory, a full logical
// dump (to prove that a refused import changed nothing), and small valid packs.
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { tempDir } from '../testing/temp-dir';
import { createTrainerService, type TrainerOptions } from './index';

export async function openTrainer(opts: TrainerOptions & { dataDir?: string } = {}) {
  const dataDir = opts.dataDir ?? tempDir();
  const opened = await openDatabase({ dataDir, dailyBackup: false, ...(opts.now ? { now: opts.now } : {}) });
  const trainer = createTrainerService(opened.db, { log: () => undefined, ...opts });
  return { db: opened.db, dataDir, trainer, close: () => opened.close() };
}

/** Every table's every row (ordered by all its columns), the schema and user_version. */
export function dumpDatabase(db: Database): string {
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  const tables = objects.filter((o) => o.type === 'table');
  const data: Record<string, unknown[]> = {};
  for (const t of tables) {
    const columns = (db.pragma(`table_info("${t.name}")`) as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    data[t.name] = db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order}`).all();
  }
  return JSON.stringify({ version: db.pragma('user_version', { simple: true }), objects, data });
}

/** A valid scenario in the pack form; `patch` is merged at the top level. */
export function scenarioJson(id: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `例題 ${id}`,
    story: '70歳未満の会社員がマイナ保険証を出しました。',
    visitDate: '2026-01-15',
    clinic: { onlineCheck: true },
    patient: {
      birthDate: '1980-04-01',
      coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: '01130012' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-04-01' },
    },
    presented: [{ kind: 'myna-card' }],
    expected: { verdict: 'insured', copayPercent: 30 },
    ...patch,
  };
}

export function packJson(scenarios: unknown[], title = 'テスト用パック'): Record<string, unknown> {
  return { format: 'shikaku-pack/1', title, scenarios };
}
