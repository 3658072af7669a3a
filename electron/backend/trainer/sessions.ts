// Trainees, practice and exam sessions, answers and results (issue 5 items 3–5). A session takes a
// copy of its scenarios in their order when it starts; answers are graded against the engine's
// decision for that copy and appended, never changed. An exam gives no feedback until it has
// ended (the backend does not send the decision before then), and its order is fixed by a seed.
import type { Database } from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { decideScenario } from '../../../shared/engine';
import type { Decision } from '../../../shared/decision';
import { parseScenario, type Scenario } from '../../../shared/scenario';
import type { RuleId } from '../../../shared/enums';
import type {
  AnswerOutcome,
  Feedback,
  ResultItem,
  SessionInfo,
  SessionMode,
  SessionResult,
  SessionRow,
  SessionState,
  Trainee,
} from '../../../shared/trainer/contract';
import {
  type AnswerItem,
  type Asked,
  askedItems,
  askedOf,
  correctAnswer,
  type Grade,
  gradeAnswer,
  sortNeeded,
  sortPrograms,
  type TraineeAnswer,
} from '../../../shared/trainer/grade';
import { MAX_SEED, seededShuffle } from '../../../shared/trainer/order';
import { buildQuestion } from '../../../shared/trainer/question';
import { neededToPass, passed, ruleAccuracy, type ScoredAnswer, scoreOf } from '../../../shared/trainer/score';
import { AppError } from '../errors';
import { inTransaction } from '../db/transaction';
import { assertNoMyNumber } from '../privacy';
import { jstDate, jstIsoTimestamp } from '../time';
import type { PackRepository } from './packs';
import type { TrainerSettingsRepository } from './settings';
import { toPackScenario } from '../../../shared/trainer/pack-io';

interface SessionDbRow {
  id: number;
  trainee_id: number;
  trainee_name: string;
  mode: SessionMode;
  pack_id: number | null;
  pack_title: string;
  seed: number | null;
  pass_mark: number | null;
  questions: number;
  started_at: string;
  ended_at: string | null;
  reason: 'completed' | 'stopped' | null;
  answered: number;
}

export interface AnswerDbRow {
  id: number;
  session_id: number;
  position: number;
  scenario_id: string;
  answered_at: string;
  day: string;
  answer_json: string;
  decision_json: string;
  /** per item asked: 1 right, 0 wrong */
  items_json: string;
  correct_items: number;
  total_items: number;
  all_correct: number;
  time_ms: number;
  rules: string;
  /** the question's visit date (from the session's copy of the scenario) */
  visit_date: string;
}

const SESSION_SQL = `SELECT s.id, s.trainee_id, t.name AS trainee_name, s.mode, s.pack_id, s.pack_title, s.seed, s.pass_mark,
  s.questions, s.started_at, e.ended_at, e.reason,
  (SELECT COUNT(*) FROM trainer_answer a WHERE a.session_id = s.id) AS answered
  FROM trainer_session s JOIN trainee t ON t.id = s.trainee_id LEFT JOIN trainer_session_end e ON e.session_id = s.id`;

const toInfo = (r: SessionDbRow): SessionInfo => ({
  id: r.id,
  traineeId: r.trainee_id,
  traineeName: r.trainee_name,
  mode: r.mode,
  packId: r.pack_id,
  packTitle: r.pack_title,
  seed: r.seed,
  passMark: r.pass_mark,
  questions: r.questions,
  answered: r.answered,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  endReason: r.reason,
});

/** An answer's grade per item asked, as stored. */
export const itemsOfRow = (r: AnswerDbRow): Partial<Record<AnswerItem, boolean>> =>
  Object.fromEntries(Object.entries(JSON.parse(r.items_json) as Record<string, number>).map(([k, v]) => [k, v === 1]));

function gradeOfRow(r: AnswerDbRow): Grade {
  return {
    items: itemsOfRow(r),
    correctItems: r.correct_items,
    totalItems: r.total_items,
    allCorrect: r.all_correct === 1,
  };
}

export const scoredOf = (r: AnswerDbRow): ScoredAnswer => ({
  day: r.day,
  rules: JSON.parse(r.rules) as RuleId[],
  correctItems: r.correct_items,
  totalItems: r.total_items,
  allCorrect: r.all_correct === 1,
  timeMs: r.time_ms,
});

/** Names compare after NFKC and with runs of spaces folded: 「山田　花子」 is 「山田 花子」. */
function normalizeTraineeName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export class SessionRepository {
  constructor(
    private readonly db: Database,
    private readonly packs: PackRepository,
    private readonly settings: TrainerSettingsRepository,
    private readonly now: () => Date,
  ) {}

  trainees(): Trainee[] {
    return (
      this.db.prepare('SELECT id, name, created_at FROM trainee ORDER BY name').all() as {
        id: number;
        name: string;
        created_at: string;
      }[]
    ).map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
    }));
  }

  private traineeId(name: string): number {
    const n = normalizeTraineeName(name);
    if (n === '') throw new AppError('invalid-input', '研修生の名前を入力してください', 'the trainee name is required');
    assertNoMyNumber(n, 'traineeName');
    const found = this.db.prepare('SELECT id FROM trainee WHERE name = ?').get(n) as { id: number } | undefined;
    if (found) return found.id;
    return Number(
      this.db.prepare('INSERT INTO trainee (name, created_at) VALUES (?, ?)').run(n, jstIsoTimestamp(this.now()))
        .lastInsertRowid,
    );
  }

  info(sessionId: number): SessionInfo {
    const r = this.db.prepare(`${SESSION_SQL} WHERE s.id = ?`).get(sessionId) as SessionDbRow | undefined;
    if (!r)
      throw new AppError(
        'not-found',
        `研修の記録が見つかりません (番号 ${sessionId})`,
        `no such session (${sessionId})`,
      );
    return toInfo(r);
  }

  sessions(traineeId?: number): SessionInfo[] {
    const rows = (
      traineeId === undefined
        ? this.db.prepare(`${SESSION_SQL} ORDER BY s.id`).all()
        : this.db.prepare(`${SESSION_SQL} WHERE s.trainee_id = ? ORDER BY s.id`).all(traineeId)
    ) as SessionDbRow[];
    return rows.map(toInfo);
  }

  start(input: {
    traineeName: string;
    packId: number;
    mode: SessionMode;
    seed?: number;
    count?: number;
    shuffle?: boolean;
    /** practice only: ask for the number query's entry where it applies (default on) */
    numberEntry?: boolean;
    rules?: readonly RuleId[];
  }): SessionState {
    const pack = this.packs.summary(input.packId);
    const exam = input.mode === 'exam';
    if (exam && input.rules)
      throw new AppError(
        'invalid-input',
        '試験はパック全体から出題します (ルールを選べるのは練習だけです)',
        'an exam draws from the whole pack (rules: practice only)',
      );
    const all = input.rules
      ? this.packs.scenarioIdsWithRules(input.packId, input.rules)
      : this.packs.scenarioIds(input.packId);
    if (all.length === 0) {
      throw new AppError(
        'invalid-input',
        input.rules
          ? `パック「${pack.title}」には ${input.rules.join('・')} の例題がありません`
          : `パック「${pack.title}」にはシナリオがありません`,
        input.rules
          ? `the pack "${pack.title}" has no scenario for ${input.rules.join(', ')}`
          : `the pack "${pack.title}" has no scenarios`,
      );
    }
    const random = exam || input.shuffle === true;
    const seed = random ? (input.seed ?? randomInt(0, MAX_SEED)) : null;
    const ordered = seed === null ? all : seededShuffle(all, seed);
    const settings = this.settings.get();
    const count = Math.min(input.count ?? (exam ? settings.examSize : all.length), all.length);
    // only the chosen scenarios are read (a pack may hold thousands)
    const chosen = this.packs.scenariosById(input.packId, ordered.slice(0, count));
    const numberEntry = !exam && input.numberEntry !== false;
    const id = inTransaction(this.db, () => {
      const traineeId = this.traineeId(input.traineeName);
      const sessionId = Number(
        this.db
          .prepare(
            `INSERT INTO trainer_session (trainee_id, mode, pack_id, pack_title, seed, pass_mark, questions, started_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            traineeId,
            input.mode,
            input.packId,
            pack.title,
            seed,
            exam ? settings.passMark : null,
            chosen.length,
            jstIsoTimestamp(this.now()),
          ).lastInsertRowid,
      );
      const item = this.db.prepare(
        'INSERT INTO trainer_session_item (session_id, position, scenario_id, scenario_json, asked) VALUES (?, ?, ?, ?, ?)',
      );
      chosen.forEach((s, i) =>
        item.run(
          sessionId,
          i + 1,
          s.id,
          JSON.stringify(toPackScenario(s)),
          JSON.stringify(askedItems(s, { numberEntry })),
        ),
      );
      return sessionId;
    });
    return this.state(id);
  }

  /** A question of the session: its scenario and the items it asks. */
  private item(sessionId: number, position: number): { scenario: Scenario; items: AnswerItem[] } {
    const r = this.db
      .prepare('SELECT scenario_json, asked FROM trainer_session_item WHERE session_id = ? AND position = ?')
      .get(sessionId, position) as { scenario_json: string; asked: string } | undefined;
    if (!r) throw new AppError('not-found', `問題 ${position} がありません`, `no question ${position}`);
    const p = parseScenario(JSON.parse(r.scenario_json), { inPack: true });
    if (!p.ok)
      throw new AppError(
        'internal',
        `保存された問題が読めません (問題 ${position})`,
        `a stored question does not validate (${position})`,
      );
    return { scenario: p.scenario, items: JSON.parse(r.asked) as AnswerItem[] };
  }

  /** What an answered question asked (the progress export's right answers). */
  askedAt(sessionId: number, position: number): Asked {
    const { scenario, items } = this.item(sessionId, position);
    return askedOf(scenario, items);
  }

  state(sessionId: number): SessionState {
    const session = this.info(sessionId);
    if (session.endedAt !== null || session.answered >= session.questions)
      return { session, position: null, question: null };
    const position = session.answered + 1;
    const { scenario, items } = this.item(sessionId, position);
    return { session, position, question: buildQuestion(scenario, decideScenario(scenario), items) };
  }

  answer(sessionId: number, position: number, answer: TraineeAnswer, timeMs: number): AnswerOutcome {
    const before = this.info(sessionId);
    if (before.endedAt !== null) {
      throw new AppError('invalid-input', 'この研修はすでに終了しています', 'this session has already ended');
    }
    if (position !== before.answered + 1) {
      throw new AppError(
        'invalid-input',
        `問題 ${position} には回答できません (次は問題 ${before.answered + 1} です)。回答は1問ずつ、あとから変更できません`,
        `cannot answer question ${position} (the next one is ${before.answered + 1}); answers are given in order and never changed`,
      );
    }
    const { scenario, items } = this.item(sessionId, position);
    const asked = askedOf(scenario, items);
    const decision = decideScenario(scenario);
    // kept as graded: the items the question asked, in one canonical order
    const clean: TraineeAnswer = {
      verdict: answer.verdict,
      copayPercent: answer.copayPercent,
      elderlyCardNeeded: answer.elderlyCardNeeded,
      documentsNeeded: sortNeeded(answer.documentsNeeded),
      ...(items.includes('patientPays') && answer.patientPays ? { patientPays: answer.patientPays } : {}),
      ...(items.includes('publicExpense') && answer.publicExpense
        ? { publicExpense: sortPrograms(answer.publicExpense) }
        : {}),
      ...(items.includes('numberEntry') && answer.numberEntry ? { numberEntry: answer.numberEntry } : {}),
    };
    const grade = gradeAnswer(clean, decision, asked);
    const now = this.now();
    inTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO trainer_answer (session_id, position, scenario_id, answered_at, day, answer_json, decision_json,
             items_json, correct_items, total_items, all_correct, time_ms, rules)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          sessionId,
          position,
          scenario.id,
          jstIsoTimestamp(now),
          jstDate(now),
          JSON.stringify(clean),
          JSON.stringify(decision),
          JSON.stringify(Object.fromEntries(items.map((k) => [k, grade.items[k] ? 1 : 0]))),
          grade.correctItems,
          grade.totalItems,
          +grade.allCorrect,
          timeMs,
          JSON.stringify(decision.rules),
        );
      if (position === before.questions) this.end(sessionId, 'completed');
    });
    const feedback: Feedback | null =
      before.mode === 'practice'
        ? {
            position,
            scenarioId: scenario.id,
            title: scenario.title,
            answer: clean,
            correct: correctAnswer(decision, asked),
            grade,
            decision,
            timeMs,
          }
        : null;
    return { state: this.state(sessionId), feedback };
  }

  private end(sessionId: number, reason: 'completed' | 'stopped'): void {
    this.db
      .prepare(
        'INSERT INTO trainer_session_end (session_id, ended_at, reason) VALUES (?, ?, ?) ON CONFLICT (session_id) DO NOTHING',
      )
      .run(sessionId, jstIsoTimestamp(this.now()), reason);
  }

  /** Ends a session early (unanswered questions count as wrong). Ending twice is harmless. */
  finish(sessionId: number): SessionState {
    this.info(sessionId);
    inTransaction(this.db, () => this.end(sessionId, 'stopped'));
    return this.state(sessionId);
  }

  answerRows(filter: { sessionId?: number; traineeId?: number }): AnswerDbRow[] {
    const base = `SELECT a.*, json_extract(i.scenario_json, '$.visitDate') AS visit_date FROM trainer_answer a
      JOIN trainer_session_item i ON i.session_id = a.session_id AND i.position = a.position`;
    if (filter.sessionId !== undefined) {
      return this.db
        .prepare(`${base} WHERE a.session_id = ? ORDER BY a.position`)
        .all(filter.sessionId) as AnswerDbRow[];
    }
    if (filter.traineeId !== undefined) {
      return this.db
        .prepare(`${base} JOIN trainer_session s ON s.id = a.session_id WHERE s.trainee_id = ? ORDER BY a.id`)
        .all(filter.traineeId) as AnswerDbRow[];
    }
    return this.db.prepare(`${base} ORDER BY a.id`).all() as AnswerDbRow[];
  }

  result(sessionId: number): SessionResult {
    const session = this.info(sessionId);
    if (session.mode === 'exam' && session.endedAt === null) {
      throw new AppError(
        'invalid-input',
        '試験が終わるまで結果は表示できません (すべて回答するか「試験を終了」を押してください)',
        'the result is shown only after the exam has ended',
      );
    }
    const answers = new Map(this.answerRows({ sessionId }).map((r) => [r.position, r]));
    const items: ResultItem[] = [];
    let unansweredItems = 0;
    for (let position = 1; position <= session.questions; position += 1) {
      const a = answers.get(position);
      const { scenario, items: asked } = this.item(sessionId, position);
      if (!a) unansweredItems += asked.length;
      const decision: Decision = a ? (JSON.parse(a.decision_json) as Decision) : decideScenario(scenario);
      items.push({
        position,
        asked,
        scenarioId: scenario.id,
        title: scenario.title,
        visitDate: scenario.visitDate,
        answer: a ? (JSON.parse(a.answer_json) as TraineeAnswer) : null,
        correct: correctAnswer(decision, askedOf(scenario, asked)),
        grade: a ? gradeOfRow(a) : null,
        timeMs: a ? a.time_ms : null,
        rules: decision.rules,
        explanation: decision.explanation,
        tellPatient: decision.tellPatient,
      });
    }
    const scored = [...answers.values()].map(scoredOf);
    const score = scoreOf(scored, session.questions, unansweredItems);
    const exam = session.mode === 'exam' && session.passMark !== null;
    return {
      session,
      score,
      passed: exam ? passed(score, session.passMark!) : null,
      needed: exam ? neededToPass(session.questions, session.passMark!) : null,
      items,
      rules: ruleAccuracy(scored),
      totalMs: scored.reduce((n, a) => n + a.timeMs, 0),
    };
  }

  /** Sessions with their scores (for the progress report). */
  rows(traineeId?: number): SessionRow[] {
    const byScenario = new Map<number, ScoredAnswer[]>();
    for (const r of this.answerRows(traineeId === undefined ? {} : { traineeId })) {
      const list = byScenario.get(r.session_id) ?? [];
      list.push(scoredOf(r));
      byScenario.set(r.session_id, list);
    }
    // the items of each session's questions not answered
    const unanswered = new Map(
      (
        this.db
          .prepare(
            `SELECT i.session_id AS id, SUM(json_array_length(i.asked)) AS n FROM trainer_session_item i
             WHERE NOT EXISTS (SELECT 1 FROM trainer_answer a WHERE a.session_id = i.session_id AND a.position = i.position)
             GROUP BY i.session_id`,
          )
          .all() as { id: number; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    return this.sessions(traineeId).map((s) => {
      const score = scoreOf(byScenario.get(s.id) ?? [], s.questions, unanswered.get(s.id) ?? 0);
      return {
        ...s,
        score,
        passed: s.mode === 'exam' && s.passMark !== null && s.endedAt !== null ? passed(score, s.passMark) : null,
      };
    });
  }
}
