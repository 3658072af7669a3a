// Practice and exam sessions, grading, the pass mark, append-only records, progress and CSV.
import { afterEach, describe, expect, it } from 'vitest';
import { decideScenario } from '../../../shared/engine';
import { parseScenario } from '../../../shared/scenario';
import v2Pack from '../../../packs/v2-rules-pack.json';
import { askedOf, correctAnswer, type TraineeAnswer } from '../../../shared/trainer/grade';
import { weakRules } from '../../../shared/trainer/score';
import { ANSWER_CSV_HEADERS, progressCsv, progressOf, RULE_CSV_HEADERS } from './progress';
import { openTrainer, packJson, scenarioJson } from './testing';
import { openDatabase } from '../db/open';
import { MIGRATIONS } from '../db/schema';
import { tempDir } from '../testing/temp-dir';
import { createTrainerService } from './index';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

// Six scenarios with different answers: R3 (30%), self-pay, R5 kakunin, 72-year-old R4 + R7, …
const SCENARIOS = [
  scenarioJson('r3-myna'),
  scenarioJson('self-pay-nothing', { presented: [], expected: { verdict: 'self-pay' } }),
  scenarioJson('kakunin-no-online', {
    clinic: { onlineCheck: false },
    presented: [{ kind: 'kakunin-sho', issuedOn: '2025-08-01', validUntil: '2030-07-31' }],
    expected: { verdict: 'insured' },
  }),
  scenarioJson('elderly-72-oshirase', {
    clinic: { onlineCheck: false },
    patient: {
      birthDate: '1953-06-10',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
    },
    presented: [{ kind: 'myna-card' }, { kind: 'oshirase' }],
    expected: { verdict: 'insured', copayPercent: 30, elderlyCardNeeded: true },
  }),
  scenarioJson('child-r3', {
    patient: {
      birthDate: '2021-05-05',
      coverages: [{ insurer: 'kumiai', acquiredOn: '2021-05-05' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2026-05-05' },
    },
    expected: { copayPercent: 20 },
  }),
  scenarioJson('legacy-expired-no-online', {
    visitDate: '2026-02-02',
    clinic: { onlineCheck: false },
    presented: [{ kind: 'legacy-card' }],
    expected: { verdict: 'self-pay' },
  }),
];

const decisionOf = (raw: Record<string, unknown>) => {
  const p = parseScenario(raw, { inPack: true });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return decideScenario(p.scenario);
};
const rightFor = (id: string) => correctAnswer(decisionOf(SCENARIOS.find((s) => s.id === id)!));
const WRONG: TraineeAnswer = {
  verdict: 'insured-interim',
  copayPercent: 10,
  elderlyCardNeeded: true,
  documentsNeeded: ['declaration'],
};

let clock = Date.parse('2026-03-02T01:00:00Z');
const now = () => new Date(clock);

async function setup() {
  const t = await openTrainer({ now });
  closers.push(t.close);
  const out = await t.trainer.importText(JSON.stringify(packJson(SCENARIOS)), 'six.json');
  if (!out.pack) throw new Error(JSON.stringify(out.issues));
  return { ...t, packId: out.pack.id };
}

describe('practice', () => {
  it('goes through the pack in order, with feedback after each answer, and records the time', async () => {
    const { trainer, packId } = await setup();
    let st = trainer.sessions.start({ traineeName: '  山田　花子 ', packId, mode: 'practice' });
    expect(st.session).toMatchObject({
      traineeName: '山田 花子',
      mode: 'practice',
      questions: 6,
      answered: 0,
      seed: null,
      passMark: null,
    });
    const seen: string[] = [];
    while (st.question) {
      seen.push(st.question.scenarioId);
      const right = rightFor(st.question.scenarioId);
      const answer =
        st.position === 2 ? ({ ...right, copayPercent: right.copayPercent === 30 ? 20 : 30 } as TraineeAnswer) : right;
      const out = trainer.sessions.answer(st.session.id, st.position!, answer, 1000 * st.position!);
      expect(out.feedback).not.toBeNull();
      expect(out.feedback!.correct).toEqual(right);
      expect(out.feedback!.decision.tellPatient).not.toBe('');
      expect(out.feedback!.grade.allCorrect).toBe(st.position !== 2);
      if (st.position === 2)
        expect(out.feedback!.grade.items).toEqual({
          verdict: true,
          copayPercent: false,
          elderlyCardNeeded: true,
          documentsNeeded: true,
        });
      st = out.state;
    }
    expect(seen).toEqual(SCENARIOS.map((s) => s.id));
    expect(st.session).toMatchObject({ answered: 6, endReason: 'completed' });
    const r = trainer.sessions.result(st.session.id);
    expect(r.score).toMatchObject({ questions: 6, answered: 6, correct: 5, percent: 83, itemsCorrect: 23 });
    expect(r.passed).toBeNull();
    expect(r.totalMs).toBe(21_000);
    expect(r.items.map((i) => i.timeMs)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it('the question shows what the desk sees, never the truth behind it or the expected decision', async () => {
    const { trainer, packId } = await setup();
    const st = trainer.sessions.start({ traineeName: '佐藤', packId, mode: 'practice' });
    const q = st.question!;
    expect(q).toMatchObject({
      scenarioId: 'r3-myna',
      visitDate: '2026-01-15',
      patient: { birthDate: '1980-04-01', age: 45 },
      online: { cardRoute: 'valid' },
    });
    // the names of the items asked aside, nothing of the answer
    expect(q.items).toEqual(['verdict', 'copayPercent', 'elderlyCardNeeded', 'documentsNeeded']);
    const text = JSON.stringify({ ...q, items: [] });
    for (const hidden of [
      'expected',
      'lostOn',
      'registeredOn',
      'filedOn',
      'certExpiresOn',
      'pmhRegistered',
      'ticketRegistered',
      'tellPatient',
      'explanation',
      'verdict',
      'patientPays',
      'publicExpense',
    ])
      expect(text).not.toContain(hidden);
  });

  it('answers only in order, once each; not after the end', async () => {
    const { trainer, packId } = await setup();
    const st = trainer.sessions.start({ traineeName: '佐藤', packId, mode: 'practice', count: 2 });
    expect(() => trainer.sessions.answer(st.session.id, 2, WRONG, 10)).toThrowError(/cannot answer question 2/);
    trainer.sessions.answer(st.session.id, 1, WRONG, 10);
    expect(() => trainer.sessions.answer(st.session.id, 1, WRONG, 10)).toThrowError(/cannot answer question 1/);
    trainer.sessions.finish(st.session.id);
    expect(() => trainer.sessions.answer(st.session.id, 2, WRONG, 10)).toThrowError(/already ended/);
    const r = trainer.sessions.result(st.session.id);
    expect(r.session.endReason).toBe('stopped');
    expect(r.score).toMatchObject({ questions: 2, answered: 1, correct: 0 });
    expect(r.items[1]!.answer).toBeNull();
  });

  it('shuffled practice uses a seed', async () => {
    const { trainer, packId } = await setup();
    const a = trainer.sessions.start({ traineeName: 'A', packId, mode: 'practice', shuffle: true, seed: 7 });
    expect(a.session.seed).toBe(7);
  });

  it('「苦手なルールだけ練習」: the rules a trainee gets wrong, then only the scenarios that apply them', async () => {
    const { trainer, packId } = await setup();
    // 山本 gets the 72-year-old (R7) wrong and everything else right
    let st = trainer.sessions.start({ traineeName: '山本', packId, mode: 'practice' });
    while (st.question) {
      const id = st.question.scenarioId;
      st = trainer.sessions.answer(
        st.session.id,
        st.position!,
        id === 'elderly-72-oshirase' ? WRONG : rightFor(id),
        900,
      ).state;
    }
    const yamamoto = trainer.sessions.trainees().find((t) => t.name === '山本')!;
    const weak = weakRules(progressOf(trainer.sessions, yamamoto.id).rules);
    expect(weak).toContain('R7');
    expect(weak).not.toContain('R3');
    const drill = trainer.sessions.start({ traineeName: '山本', packId, mode: 'practice', rules: weak });
    const ids: string[] = [];
    for (let s = drill; s.question; s = trainer.sessions.answer(s.session.id, s.position!, WRONG, 100).state)
      ids.push(s.question.scenarioId);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids)
      expect(decisionOf(SCENARIOS.find((x) => x.id === id)!).rules.some((r) => weak.includes(r))).toBe(true);
    expect(ids).toContain('elderly-72-oshirase');
    expect(ids).not.toContain('r3-myna');
    // a rule no scenario applies, and an exam, are refused in Japanese
    expect(() => trainer.sessions.start({ traineeName: '山本', packId, mode: 'practice', rules: ['R18'] })).toThrow(
      expect.objectContaining({ ja: expect.stringContaining('R18 の例題がありません') }),
    );
    expect(() => trainer.sessions.start({ traineeName: '山本', packId, mode: 'exam', rules: ['R7'] })).toThrow(
      expect.objectContaining({ ja: expect.stringContaining('練習だけ') }),
    );
  });
});

describe('exam', () => {
  it('order fixed by the seed, the same for two trainees; differs for another seed', async () => {
    const { trainer, packId } = await setup();
    const orderOf = (name: string, seed: number) => {
      let st = trainer.sessions.start({ traineeName: name, packId, mode: 'exam', seed, count: 6 });
      const ids: string[] = [];
      while (st.question) {
        ids.push(st.question.scenarioId);
        st = trainer.sessions.answer(st.session.id, st.position!, WRONG, 10).state;
      }
      return ids;
    };
    const a = orderOf('A', 2026);
    expect(orderOf('B', 2026)).toEqual(a);
    expect([...a].sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
    expect(a).not.toEqual(SCENARIOS.map((s) => s.id));
    expect(orderOf('C', 2027)).not.toEqual(a);
  });

  it('no feedback and no result until the end; pass mark from the settings', async () => {
    const { trainer, packId } = await setup();
    trainer.settings.update({ passMark: 75, examSize: 4 });
    let st = trainer.sessions.start({ traineeName: '鈴木', packId, mode: 'exam', seed: 99 });
    expect(st.session).toMatchObject({ questions: 4, passMark: 75, seed: 99 });
    expect(() => trainer.sessions.result(st.session.id)).toThrowError(/only after the exam has ended/);
    let n = 0;
    while (st.question) {
      n += 1;
      const answer = n === 4 ? WRONG : rightFor(st.question.scenarioId);
      const out = trainer.sessions.answer(st.session.id, st.position!, answer, 2000);
      expect(out.feedback).toBeNull();
      expect(JSON.stringify(out)).not.toContain('tellPatient');
      st = out.state;
    }
    const r = trainer.sessions.result(st.session.id);
    expect(r.score).toMatchObject({ questions: 4, correct: 3, percent: 75 });
    expect(r.passed).toBe(true);
    expect(r.needed).toBe(3);
    // changing the pass mark later does not change a past exam
    trainer.settings.update({ passMark: 80 });
    expect(trainer.sessions.result(st.session.id)).toMatchObject({ passed: true, session: { passMark: 75 } });
    const st2 = trainer.sessions.start({ traineeName: '鈴木', packId, mode: 'exam', seed: 99 });
    expect(st2.session.passMark).toBe(80);
  });

  it('editing or deleting the pack later never changes a session', async () => {
    const { trainer, packId } = await setup();
    const st = trainer.sessions.start({ traineeName: '高橋', packId, mode: 'exam', seed: 1, count: 6 });
    const first = st.question!.scenarioId;
    trainer.packs.delete(packId);
    const again = trainer.sessions.state(st.session.id);
    expect(again.question!.scenarioId).toBe(first);
    trainer.sessions.answer(st.session.id, 1, WRONG, 5);
    expect(trainer.sessions.state(st.session.id).session.answered).toBe(1);
  });
});

describe('records are append-only', () => {
  it('UPDATE and DELETE are refused on trainees, sessions, items, answers and ends', async () => {
    const { db, trainer, packId } = await setup();
    const st = trainer.sessions.start({ traineeName: '伊藤', packId, mode: 'practice', count: 1 });
    trainer.sessions.answer(st.session.id, 1, WRONG, 5);
    for (const [table, set] of [
      ['trainee', "name = 'x'"],
      ['trainer_session', 'questions = 9'],
      ['trainer_session_item', "scenario_id = 'x'"],
      ['trainer_answer', 'all_correct = 1'],
      ['trainer_session_end', "reason = 'stopped'"],
    ] as const) {
      expect(() => db.prepare(`UPDATE ${table} SET ${set}`).run(), table).toThrowError(/append-only/);
      expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrowError(/append-only/);
    }
  });
});

describe('progress', () => {
  it('per trainee, per rule, per day; CSV with BOM and Japanese headers', async () => {
    const { trainer, packId } = await setup();
    // day 1: 田中 gets half right; day 2: all right
    clock = Date.parse('2026-03-02T01:00:00Z');
    let st = trainer.sessions.start({ traineeName: '田中', packId, mode: 'practice' });
    while (st.question) {
      const right = rightFor(st.question.scenarioId);
      st = trainer.sessions.answer(st.session.id, st.position!, st.position! % 2 === 0 ? WRONG : right, 3000).state;
    }
    clock = Date.parse('2026-03-03T01:00:00Z');
    st = trainer.sessions.start({ traineeName: '田中', packId, mode: 'exam', seed: 5, count: 6 });
    while (st.question)
      st = trainer.sessions.answer(st.session.id, st.position!, rightFor(st.question.scenarioId), 1000).state;
    const other = trainer.sessions.start({ traineeName: '中村', packId, mode: 'practice', count: 1 });
    trainer.sessions.answer(other.session.id, 1, WRONG, 500);

    const tanaka = trainer.sessions.trainees().find((t) => t.name === '田中')!;
    const p = progressOf(trainer.sessions, tanaka.id);
    expect(p.days.map((d) => [d.day, d.answers, d.percent])).toEqual([
      ['2026-03-02', 6, 50],
      ['2026-03-03', 6, 100],
    ]);
    const r3 = p.rules.find((r) => r.rule === 'R3')!;
    expect(r3.answers).toBeGreaterThan(0);
    expect(p.sessions.map((s) => [s.mode, s.score.percent, s.passed])).toEqual([
      ['exam', 100, true],
      ['practice', 50, null],
    ]);
    expect(p.trainees.map((t) => [t.name, t.answers, t.percent, t.lastExam?.passed ?? null])).toEqual([
      ['中村', 1, 0, null],
      ['田中', 12, 75, true],
    ]);

    const answers = progressCsv(trainer.sessions, 'answers', tanaka.id);
    expect(answers.rows).toBe(12);
    expect(answers.csv.startsWith('\uFEFF回答日時,研修生,区分,')).toBe(true);
    const lines = answers.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(ANSWER_CSV_HEADERS.join(','));
    expect(lines).toHaveLength(14); // header, 12 rows, the empty string after the last CRLF
    expect(lines[1]).toMatch(
      /^2026-03-02 10:00:00,田中,練習,\d+,テスト用パック,1,r3-myna,2026-01-15,R3,保険で受付,保険で受付,○,3割,3割,○,不要,不要,○,なし,なし,○,,,,,,,,,,○,3\.0$/,
    );
    const rules = progressCsv(trainer.sessions, 'rules');
    expect(rules.csv.slice(1).split('\r\n')[0]).toBe(RULE_CSV_HEADERS.join(','));
    expect(rules.csv).toContain('中村,R3,マイナ保険証によるオンライン資格確認,1,0,0');
  });
});

describe('version-2 questions: what the patient pays, the programmes, the number entry (issue 9 item 8, issue 10)', () => {
  const V2_IDS = ['v2-ikusei-kakunin-number-query', 'v2-welfare-ticket-not-registered', 'v2-commute-no-form-deposit'];
  const v2Raw = (v2Pack.scenarios as { id: string }[]).filter((s) => V2_IDS.includes(s.id));
  const scenarios = [...v2Raw, SCENARIOS[0]!];

  async function setupV2() {
    const t = await openTrainer({ now });
    closers.push(t.close);
    const out = await t.trainer.importText(JSON.stringify(packJson(scenarios, '第2版')), 'v2.json');
    if (!out.pack) throw new Error(JSON.stringify(out.issues));
    return { ...t, packId: out.pack.id };
  }
  const parsed = (raw: unknown) => {
    const p = parseScenario(raw, { inPack: true });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return p.scenario;
  };

  it('asks the new items only where the scenario involves them; grades them right and wrong; scores count them', async () => {
    const { trainer, packId } = await setupV2();
    let st = trainer.sessions.start({ traineeName: '鈴木', packId, mode: 'practice' });
    const asked: string[][] = [];
    const feedback = [];
    while (st.question) {
      const q = st.question;
      asked.push(q.items.slice(4));
      const s = parsed(scenarios.find((x) => (x as { id: string }).id === q.scenarioId));
      const right = correctAnswer(decideScenario(s), askedOf(s, q.items));
      // the 育成医療 question: the wrong charge (3割) and the numbers typed in full width with a hyphen
      const answer: TraineeAnswer =
        q.scenarioId === 'v2-ikusei-kakunin-number-query'
          ? {
              ...right,
              patientPays: { ...right.patientPays!, percent: 30, monthlyCapYen: null },
              numberEntry: { insurerNumber: '３２１３００２３', symbol: '２０５１', number: '44-17', branch: '02' },
            }
          : q.scenarioId === 'v2-welfare-ticket-not-registered'
            ? { ...right, publicExpense: [] }
            : right;
      const out = trainer.sessions.answer(st.session.id, st.position!, answer, 1000);
      feedback.push(out.feedback!);
      st = out.state;
    }
    expect(asked).toEqual([
      ['patientPays', 'publicExpense', 'numberEntry'],
      ['patientPays', 'publicExpense'],
      ['patientPays'],
      [],
    ]);
    expect(feedback[0]!.grade.items).toEqual({
      verdict: true,
      copayPercent: true,
      elderlyCardNeeded: true,
      documentsNeeded: true,
      patientPays: false,
      publicExpense: true,
      numberEntry: true,
    });
    expect(feedback[0]!.correct.numberEntry).toEqual({
      insurerNumber: '32130023',
      symbol: '2051',
      number: '4417',
      branch: '02',
    });
    expect(feedback[1]!.grade).toMatchObject({ correctItems: 5, totalItems: 6, allCorrect: false });
    expect(feedback[1]!.grade.items.publicExpense).toBe(false);
    expect(feedback[1]!.correct.publicExpense).toEqual(['welfare']);
    expect(feedback[2]!.grade).toMatchObject({ totalItems: 5, allCorrect: true });
    expect(feedback[2]!.correct.patientPays).toMatchObject({ deposit: true });
    expect(feedback[3]!.grade.totalItems).toBe(4);

    const result = trainer.sessions.result(st.session.id);
    expect(result.score).toMatchObject({ correct: 2, itemsCorrect: 20, itemsTotal: 22 });
    expect(result.items[0]!.grade!.items.numberEntry).toBe(true);
    const p = progressOf(trainer.sessions);
    expect(p.sessions[0]!.score).toMatchObject({ itemsTotal: 22, itemsCorrect: 20 });
    expect(p.rules.find((r) => r.rule === 'R24')).toMatchObject({ answers: 1, correct: 0 });
    expect(p.rules.find((r) => r.rule === 'R25')).toMatchObject({ answers: 1, correct: 1 });
    expect(p.rules.find((r) => r.rule === 'R21')).toMatchObject({ answers: 1, correct: 0 });

    const csv = progressCsv(trainer.sessions, 'answers').csv;
    expect(csv).toContain('3割,"1割 (月額上限 5,000円まで)",×');
    expect(csv).toContain('保険者番号 ３２１３００２３');
    expect(csv).toContain('保険者番号 32130023 ・ 記号 2051 ・ 番号 4417 ・ 枝番 02,○');
    expect(csv).toContain('なし,医療扶助 (生活保護),×');
  });

  it('the number entry is a session option (default on); an exam never asks it; unanswered questions count their items', async () => {
    const { trainer, packId } = await setupV2();
    const off = trainer.sessions.start({ traineeName: '鈴木', packId, mode: 'practice', numberEntry: false });
    expect(off.question!.items).not.toContain('numberEntry');
    expect(off.question!.items).toContain('patientPays');
    const exam = trainer.sessions.start({ traineeName: '鈴木', packId, mode: 'exam', seed: 1, count: 4 });
    let st = exam;
    const items: string[] = [];
    while (st.question) {
      items.push(...st.question.items);
      st = trainer.sessions.answer(st.session.id, st.position!, WRONG, 100).state;
    }
    expect(items).not.toContain('numberEntry');
    expect(items).toContain('publicExpense');
    const on = trainer.sessions.start({ traineeName: '鈴木', packId, mode: 'practice' });
    trainer.sessions.finish(on.session.id);
    // 7 + 6 + 5 + 4 items, none answered
    expect(trainer.sessions.result(on.session.id).score).toMatchObject({ itemsTotal: 22, itemsCorrect: 0 });
    expect(progressOf(trainer.sessions).sessions.find((x) => x.id === on.session.id)!.score.itemsTotal).toBe(22);
  });
});

describe('migration step 9 (questions of version 2)', () => {
  it('keeps every answer of a version-8 database as four graded items, its triggers, and its scores', async () => {
    const dataDir = tempDir();
    const v8 = MIGRATIONS.filter((m) => m.version <= 8);
    const o1 = await openDatabase({ dataDir, migrations: v8, dailyBackup: false, now });
    const scenario = JSON.stringify(SCENARIOS[0]);
    o1.db.exec(`
      INSERT INTO trainee (id, name, created_at) VALUES (1, '古川', 't');
      INSERT INTO trainer_session (id, trainee_id, mode, pack_id, pack_title, seed, pass_mark, questions, started_at)
        VALUES (1, 1, 'practice', NULL, '旧パック', NULL, NULL, 2, '2026-01-05T09:00:00.000+09:00');
      INSERT INTO trainer_session_item (session_id, position, scenario_id, scenario_json)
        VALUES (1, 1, 'r3-myna', '${scenario}'), (1, 2, 'r3-myna', '${scenario}');
      INSERT INTO trainer_answer (session_id, position, scenario_id, answered_at, day, answer_json, decision_json,
          verdict_ok, copay_ok, elderly_ok, documents_ok, correct_items, all_correct, time_ms, rules)
        VALUES (1, 1, 'r3-myna', '2026-01-05T09:01:00.000+09:00', '2026-01-05',
          '${JSON.stringify(WRONG)}', '${JSON.stringify(decisionOf(SCENARIOS[0]!))}', 0, 0, 1, 0, 1, 0, 1200, '["R3"]');
    `);
    o1.close();
    const o2 = await openDatabase({ dataDir, dailyBackup: false, now });
    closers.push(o2.close);
    expect(o2.fromVersion).toBe(8);
    expect(o2.db.prepare('SELECT items_json, correct_items, total_items FROM trainer_answer').get()).toEqual({
      items_json: '{"verdict":0,"copayPercent":0,"elderlyCardNeeded":1,"documentsNeeded":0}',
      correct_items: 1,
      total_items: 4,
    });
    expect(() => o2.db.prepare('DELETE FROM trainer_answer').run()).toThrow(/append-only/);
    expect(() => o2.db.prepare('UPDATE trainer_answer SET time_ms = 0').run()).toThrow(/append-only/);
    const trainer = createTrainerService(o2.db, { now });
    const result = trainer.sessions.result(1);
    expect(result.items[0]!.grade).toEqual({
      items: { verdict: false, copayPercent: false, elderlyCardNeeded: true, documentsNeeded: false },
      correctItems: 1,
      totalItems: 4,
      allCorrect: false,
    });
    expect(result.score).toMatchObject({ itemsCorrect: 1, itemsTotal: 8 });
    // the session goes on with the old question's four items
    expect(trainer.sessions.state(1).question!.items).toHaveLength(4);
    expect(o2.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('the progress report lists the rules of version 2', () => {
  it('a practice through the bundled v2 pack: R21–R26 each with their answers, in the rule book order', async () => {
    const t = await openTrainer({ now, bundledPacks: [{ file: 'packs/v2-rules-pack.json', pack: v2Pack }] });
    closers.push(t.close);
    const [pack] = t.trainer.loadBundledPacks();
    let st = t.trainer.sessions.start({ traineeName: '全ルール', packId: pack!.id, mode: 'practice' });
    while (st.question) st = t.trainer.sessions.answer(st.session.id, st.position!, WRONG, 100).state;
    const rules = progressOf(t.trainer.sessions).rules;
    for (const r of ['R21', 'R22', 'R23', 'R24', 'R25', 'R26'] as const)
      expect(rules.find((x) => x.rule === r)?.answers, r).toBeGreaterThan(0);
    const order = rules.map((r) => Number(r.rule.slice(1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const csv = progressCsv(t.trainer.sessions, 'rules').csv;
    expect(csv).toContain('全ルール,R24,');
    expect(csv).toContain('全ルール,R26,');
  });
});
