import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideScenario } from '../../../shared/engine';
import type { Decision } from '../../../shared/decision';
import { parseScenario, type Scenario } from '../../../shared/scenario';
import { VERDICTS } from '../../../shared/enums';
import { openDatabase } from '../db/open';
import { AppError } from '../errors';
import { onshiForScenario } from '../onshi/document';
import { tempDir } from '../testing/temp-dir';
import { BOM, csvCell, HISTORY_CSV_HEADERS, historyCsv } from './csv';
import { HistoryRepository, type ScenarioEntry } from './repository';

let db: Database;
let repo: HistoryRepository;
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  db = (await openDatabase({ dataDir: dir })).db;
  repo = new HistoryRepository(db);
});
afterEach(() => db.close());

const parsed = parseScenario(
  {
    id: 'hist-case',
    title: '72歳・協会けんぽ',
    visitDate: '2026-01-15',
    clinic: { onlineCheck: true },
    patient: {
      birthDate: '1953-06-10',
      coverages: [{ insurer: 'kyokai', insurerNumber: '01130012', acquiredOn: '2015-04-01' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
    },
    presented: [{ kind: 'myna-card' }],
  },
  { inPack: true },
);
if (!parsed.ok) throw new Error('fixture');
const scenario: Scenario = parsed.scenario;
const decision: Decision = decideScenario(scenario);

/** Four verdicts in turn, so that each of the four patients always gets the same one (the filters' counts). */
const FOUR_VERDICTS = VERDICTS.slice(0, 4);

function entry(i: number, over: Partial<ScenarioEntry> = {}): ScenarioEntry {
  const verdict = FOUR_VERDICTS[i % FOUR_VERDICTS.length]!;
  return {
    at: new Date(Date.UTC(2026, 0, 1 + (i % 20), 1, i % 60)), // 10:xx in Japan
    mode: i % 5 === 0 ? 'trainer' : 'desk',
    operator: `受付 ${i % 3}`,
    patientId: String(i % 4),
    patientName: `架空 患者${i % 4}`,
    scenario: { ...scenario, id: `case-${i}` },
    decision: { ...decision, id: `case-${i}`, verdict, copayPercent: verdict === 'self-pay' ? 100 : 20 },
    result: i % 2 ? null : onshiForScenario(scenario).result,
    ...over,
  };
}

describe('check history', () => {
  it('appends and reads back the full record', () => {
    const id = repo.append(entry(0));
    const r = repo.get(id)!;
    expect(r).toMatchObject({
      id,
      mode: 'trainer',
      operator: '受付 0',
      patientId: '0',
      patientName: '架空 患者0',
      visitDate: '2026-01-15',
      verdict: 'insured',
      rules: ['R3'],
      scenarioId: 'case-0',
    });
    expect(r.at).toBe('2026-01-01T10:00:00.000+09:00');
    expect(r.decision.explanation).toBe(decision.explanation);
    expect(r.scenario?.patient).toEqual(scenario.patient);
    expect(
      (r.result as { XmlMsg: { MessageBody: { QualificationValidity: string } } }).XmlMsg.MessageBody
        .QualificationValidity,
    ).toBe('1');
  });

  it('is append-only: UPDATE and DELETE are refused by triggers, whatever the caller', () => {
    const id = repo.append(entry(1));
    expect(() => db.prepare("UPDATE check_history SET verdict = 'insured' WHERE id = ?").run(id)).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM check_history WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM check_history')).toThrow(/append-only/);
    expect(repo.get(id)!.verdict).toBe('insured-interim');
    expect(
      Object.getOwnPropertyNames(HistoryRepository.prototype).filter((n) => /update|delete|remove|clear/i.test(n)),
    ).toEqual([]);
  });

  it('filters by date range (Japan calendar day), patient and verdict, newest first, with counts and paging', () => {
    repo.appendMany(Array.from({ length: 100 }, (_, i) => entry(i)));
    const all = repo.query({}, { limit: 10 });
    expect(all.total).toBe(100);
    expect(all.rows).toHaveLength(10);
    expect(all.rows[0]!.at >= all.rows[9]!.at).toBe(true);

    const jan5to9 = repo.query({ from: '2026-01-05', to: '2026-01-09' }, { limit: 1000 });
    expect(jan5to9.total).toBe(25);
    expect(new Set(jan5to9.rows.map((r) => r.at.slice(0, 10)))).toEqual(
      new Set(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']),
    );
    const combo = repo.query({ from: '2026-01-01', to: '2026-01-10', verdict: 'self-pay' }, { limit: 1000 });
    expect(combo.rows.every((r) => r.verdict === 'self-pay' && r.at.slice(0, 10) <= '2026-01-10')).toBe(true);
    expect(combo.total).toBe(combo.rows.length);
    expect(repo.query({ patientId: '3' }).total).toBe(25);
    expect(repo.query({ patientId: '3', verdict: 'self-pay' }).total).toBe(25);
    expect(repo.query({ patientId: '3', verdict: 'insured' }).total).toBe(0);
    expect(repo.query({ mode: 'trainer' }).total).toBe(20);

    // offset paging and keyset paging walk the same rows
    const byOffset: number[] = [];
    for (let off = 0; ; off += 7) {
      const p = repo.query({ verdict: 'insured' }, { limit: 7, offset: off });
      byOffset.push(...p.rows.map((r) => r.id));
      if (p.rows.length < 7) break;
    }
    const byKeyset: number[] = [];
    let cursor = null;
    do {
      const p = repo.queryAfter({ verdict: 'insured' }, { after: cursor, limit: 7 });
      byKeyset.push(...p.rows.map((r) => r.id));
      cursor = p.next;
    } while (cursor);
    expect(byKeyset).toEqual(byOffset);
    expect(byOffset).toHaveLength(25);
  });

  it('uses the indexes for the filtered queries', () => {
    const plan = (sql: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all());
    expect(
      plan(
        "SELECT id FROM check_history WHERE day >= '2026-01-01' AND day <= '2026-01-31' AND verdict = 'insured' ORDER BY day DESC, id DESC LIMIT 50",
      ),
    ).toContain('check_history_verdict_day');
    expect(plan('SELECT id FROM check_history WHERE patient_id = 3 ORDER BY day DESC, id DESC LIMIT 50')).toContain(
      'check_history_patient',
    );
    expect(
      plan(
        "SELECT id FROM check_history WHERE patient_id = 3 AND verdict = 'insured' ORDER BY day DESC, id DESC LIMIT 50",
      ),
    ).toContain('check_history_patient (patient_id=? AND verdict=?)');
    expect(plan("SELECT count(*) FROM check_history WHERE patient_id = 3 AND verdict = 'insured'")).toContain(
      'COVERING INDEX check_history_patient',
    );
    expect(plan("SELECT count(*) FROM check_history WHERE day >= '2026-01-01' AND day <= '2026-01-31'")).toContain(
      'check_history_day',
    );
  });

  it('rejects bad entries and any 12-digit number, writing nothing', () => {
    const bad: Array<[Partial<ScenarioEntry>, string]> = [
      [{ operator: '山田 123456789012' }, 'operator'],
      [{ patientName: '１２３４ ５６７８ ９０１２' }, 'patientName'],
      [{ scenario: { ...scenario, story: 'カード番号 1234-5678-9012' } }, 'scenario.story'],
      [{ decision: { ...decision, explanation: '123456789012' } }, 'decision.explanation'],
      [{ result: { XmlMsg: { x: 123456789012 } } as never }, 'result'],
      [{ mode: 'lobby' as never }, 'mode'],
      [{ patientId: 'abc' }, 'patientId'],
    ];
    for (const [over, field] of bad) {
      let err: unknown;
      try {
        repo.append(entry(0, over));
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(AppError);
      expect((err as AppError).en, field).toContain(field);
      expect(JSON.stringify(err)).not.toMatch(/\d{12}/);
    }
    expect(() => repo.appendMany([entry(1), entry(2, { operator: '123456789012' })])).toThrow(AppError);
    expect(repo.count()).toBe(0);
  });

  it('a full disk is a clear error and the batch is not half-written', () => {
    repo.append(entry(0));
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let err: unknown;
    try {
      repo.appendMany(Array.from({ length: 200 }, (_, i) => entry(i)));
    } catch (e) {
      err = e;
    }
    expect((err as AppError).code).toBe('disk-full');
    expect(repo.count()).toBe(1);
  });
});

describe('CSV export for Excel', () => {
  it('cells: RFC 4180 quoting and formula neutralising', () => {
    expect(csvCell('abc')).toBe('abc');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(30)).toBe('30');
    expect(csvCell(null)).toBe('');
  });

  it('UTF-8 with BOM, Japanese headers, CRLF, one line per record; streamed file = in-memory text', async () => {
    repo.appendMany(
      Array.from({ length: 1234 }, (_, i) =>
        entry(i, i === 3 ? { operator: '=HYPERLINK("x")', patientName: '姓, 名 "愛称"' } : {}),
      ),
    );
    const { csv, rows } = historyCsv(repo, {});
    expect(rows).toBe(1234);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(HISTORY_CSV_HEADERS.join(','));
    expect(lines[0]).toContain('日時,受診日,区分,担当者,患者ID,患者,判定,負担割合');
    expect(lines[0]).toContain('適用ルール');
    expect(lines.at(-1)).toBe('');
    const first = lines[1]!;
    expect(
      first.startsWith(
        '2026-01-01 10:00:00,2026-01-15,研修,受付 0,0,架空 患者0,保険で受付,2割,オンライン資格確認の結果,通常の請求,資格有効,照会なし,,R3,',
      ),
    ).toBe(true);
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain('"姓, 名 ""愛称"""');
    expect(csv).toContain(',10割 (自費),');
    // oldest first, filters apply
    expect(historyCsv(repo, { verdict: 'self-pay', patientId: '3' }).rows).toBe(
      Array.from({ length: 1234 }, (_, i) => i).filter((i) => i % 4 === 3).length,
    );
    expect(historyCsv(repo, { from: '2026-01-20', to: '2026-01-20' }).rows).toBe(
      Array.from({ length: 1234 }, (_, i) => i).filter((i) => i % 20 === 19).length,
    );
  });
});
