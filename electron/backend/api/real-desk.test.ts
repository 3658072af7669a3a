// realdesk.decide (受付ナビ) through the backend's `call` on a real database: the decision is the
// rule book's on the observation under the clinic's policy, the history row is mode real-desk with
// nothing of the person, and a bad observation is refused naming its field, writing nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallInput, CallName, CallOutput } from '../../../shared/contract/kernel';
import { decide } from '../../../shared/engine';
import { parseObservations } from '../../../shared/observation';
import { HistoryRepository } from '../history/repository';
import { openDatabase } from '../db/open';
import { MIGRATIONS } from '../db/schema';
import { createApi, type ApiInstance } from './index';

let api: ApiInstance;
const dir = mkdtempSync(path.join(os.tmpdir(), 'realdesk-'));
const NOW = new Date('2026-02-09T01:00:00Z');
beforeAll(async () => {
  api = await createApi({ dataDir: dir, shell: 'browser', now: () => NOW, firstStartData: false });
});
afterAll(() => {
  api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<ApiResult<CallOutput<K>>> {
  return (await api.call(name, input)) as ApiResult<CallOutput<K>>;
}

/** The README's hand-written example: 資格(無効) for the old 協会けんぽ, the new 国保's 資格確認書. */
const example = JSON.parse(readFileSync('examples/real-desk-observation.json', 'utf8')) as Record<string, unknown>;

const historyCount = async () => {
  const r = await call('history.query', {});
  if (!r.ok) throw new Error(r.error.en);
  return r.value.total;
};

describe('realdesk.decide', () => {
  it('decides like the rule book and records a real-desk row without a name or any number', async () => {
    const r = await call('realdesk.decide', { observation: example, operator: '受付 花子' });
    if (!r.ok) throw new Error(r.error.en);
    const parsed = parseObservations(example);
    if (!parsed.ok) throw new Error('fixture');
    const expected = decide({ ...parsed.observations[0]!, id: 'real-desk' });
    expect(r.value.decision).toEqual(expected);
    expect(r.value.decision.verdict).toBe('insured');

    // the record: mode real-desk, no patient, the observation with every number blanked
    const rows = await call('history.query', {});
    if (!rows.ok) throw new Error(rows.error.en);
    const row = rows.value.rows.find((x) => x.id === r.value.historyId)!;
    expect(row).toMatchObject({ mode: 'real-desk', patientId: null, patientName: null, scenarioId: 'real-desk' });
    expect(r.value.observation.id).toBe('real-desk');
    for (const c of r.value.observation.coverages)
      expect([c.insurerNumber, c.symbol, c.number, c.branch]).toEqual([null, null, null, null]);
    expect(JSON.stringify(r.value.observation)).not.toMatch(/01130012|138156/);
  });

  it('applies the clinic policy, not one sent with the observation', async () => {
    const upd = await call('settings.update', { policy: { interimEnd: '2026-12-31' } });
    expect(upd.ok).toBe(true);
    const r = await call('realdesk.decide', { observation: { ...example, policy: { interimEnd: '2026-03-31' } } });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.value.observation.policy.interimEnd).toBe('2026-12-31');
    expect(r.value.decision.policy.interimEnd).toBe('2026-12-31');
  });

  it('refuses a bad observation naming the field, and writes nothing', async () => {
    const before = await historyCount();
    const bad = { ...example, card: { ...(example.card as object), result: 'valid', shows: [] } };
    const r = await call('realdesk.decide', { observation: bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.ja).toContain('マイナ保険証の読み取り › 画面に表示された保険');
    expect(r.error.en).toContain('card.shows');
    const mn = await call('realdesk.decide', {
      observation: { ...example, coverages: [{ id: 'old', insurer: 'kyokai', number: '123456789012' }] },
    });
    expect(mn.ok).toBe(false);
    if (!mn.ok) expect(mn.error.ja + mn.error.en).not.toContain('123456789012');
    expect(await historyCount()).toBe(before);
  });
});

describe('migration step 7 (受付ナビ)', () => {
  it('keeps every row of a version-6 database, its triggers, and then takes real-desk rows', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'realdesk-v4-'));
    try {
      const v6 = MIGRATIONS.filter((m) => m.version <= 6);
      const o1 = await openDatabase({ dataDir: d, migrations: v6, now: () => NOW });
      o1.db
        .prepare(
          `INSERT INTO check_history (at, day, visit_date, mode, patient_name, scenario_id, verdict, copay_percent, rules, scenario_json, decision_json)
           VALUES ('t', '2026-02-01', '2026-02-01', 'desk', '架空 太郎', 's', 'workers-comp', 0, 'R25', '{}', '{}')`,
        )
        .run();
      o1.db.close();
      const o2 = await openDatabase({ dataDir: d, now: () => NOW });
      try {
        expect(o2.fromVersion).toBe(6);
        expect(o2.db.prepare('SELECT mode, patient_name, verdict, observation_json FROM check_history').all()).toEqual([
          { mode: 'desk', patient_name: '架空 太郎', verdict: 'workers-comp', observation_json: null },
        ]);
        expect(() => o2.db.prepare('DELETE FROM check_history').run()).toThrow(/append-only/);
        expect(() => o2.db.prepare("UPDATE check_history SET mode = 'real-desk'").run()).toThrow(/append-only/);
        expect(o2.db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        o2.db.close();
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('the history table refuses a real-desk row that names the person', () => {
  it('CHECK constraints: a name, a patient id or a scenario on a real-desk row', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'realdesk-db-'));
    const opened = await openDatabase({ dataDir: d, now: () => NOW });
    try {
      const repo = new HistoryRepository(opened.db);
      const parsed = parseObservations(example);
      if (!parsed.ok) throw new Error('fixture');
      const observation = parsed.observations[0]!;
      const id = repo.append({ mode: 'real-desk', observation, decision: decide(observation) });
      const back = repo.get(id)!;
      expect(back.scenario).toBeNull();
      expect(back.observation?.visitDate).toBe('2026-02-09');
      const sql = `INSERT INTO check_history (at, day, visit_date, mode, patient_name, scenario_id, verdict,
        copay_percent, rules, scenario_json, decision_json, observation_json)
        VALUES ('t', '2026-02-09', '2026-02-09', 'real-desk', ?, 'x', 'insured', 30, 'R3', ?, '{}', ?)`;
      expect(() => opened.db.prepare(sql).run('架空 太郎', null, '{}')).toThrow(/CHECK/);
      expect(() => opened.db.prepare(sql).run(null, '{}', '{}')).toThrow(/CHECK/);
      expect(() => opened.db.prepare(sql).run(null, null, null)).toThrow(/CHECK/);
      expect(() => opened.db.prepare(sql).run(null, null, '{}')).not.toThrow();
    } finally {
      opened.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
