// The trainer mode's calls of the API contract (issue 5), in the style of the desk's half
// (shared/contract/index.ts, which spreads them into CONTRACT): a strict zod schema per request,
// run once by `dispatch`, and the answer's type. Building blocks both halves need have their own
// modules (shared/contract/call.ts); R18 is checked for every call by ../contract/index.ts parseRequest.
import * as z from 'zod';
import { call } from '../contract/call';
import type { Decision } from '../decision';
import {
  type RuleId,
  type VisitType,
  RULE_IDS,
  VERDICTS,
  COPAY_PERCENTS,
  NEEDED_DOCUMENTS,
  PUBLIC_EXPENSE_PROGRAMS,
} from '../enums';
import type { ScenarioIssue } from '../issues';
import type { AnswerItem, Grade, TraineeAnswer } from './grade';
import { MAX_SEED } from './order';
import type { Question } from './question';
import type { DayPoint, RuleAccuracy, Score } from './score';

/** A pack file larger than this is refused before a single byte of it is parsed. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
/** Characters per upload chunk: far below the browser bridge's 1 MiB request cap even when every
 *  character is a 3-byte UTF-8 one or a JSON-escaped control character. */
export const IMPORT_CHUNK_CHARS = 128 * 1024;
const MAX_EXAM_QUESTIONS = 500;

const requiredText = (max: number, ja: string) =>
  z
    .string()
    .max(max)
    .pipe(
      z
        .string()
        .trim()
        .refine((s) => s.length > 0, {
          message: 'required',
          params: { ja: `${ja}を入力してください`, en: 'required' },
        }),
    );
const rowId = z.number().int().min(1);
const scenarioId = z.string().min(1).max(80);

const traineeAnswerSchema = z.strictObject({
  verdict: z.enum(VERDICTS),
  copayPercent: z.literal(COPAY_PERCENTS),
  elderlyCardNeeded: z.boolean(),
  documentsNeeded: z
    .array(z.enum(NEEDED_DOCUMENTS))
    .max(NEEDED_DOCUMENTS.length)
    .refine((a) => new Set(a).size === a.length, { message: 'each document at most once' }),
  patientPays: z
    .strictObject({
      percent: z.number().int().min(0).max(100),
      perVisitYen: z.number().int().min(0).max(1_000_000).nullable(),
      monthlyCapYen: z.number().int().min(0).max(10_000_000).nullable(),
      capReached: z.boolean(),
      deposit: z.boolean(),
    })
    .optional(),
  publicExpense: z
    .array(z.enum(PUBLIC_EXPENSE_PROGRAMS))
    .max(PUBLIC_EXPENSE_PROGRAMS.length)
    .refine((a) => new Set(a).size === a.length, { message: 'each programme at most once' })
    .optional(),
  // typed as printed on a 資格確認書: 記号・番号 may be long, never a 12-digit My Number (R18, parseRequest)
  numberEntry: z
    .strictObject({
      insurerNumber: z.string().max(20),
      symbol: z.string().max(40),
      number: z.string().max(40),
      branch: z.string().max(10),
    })
    .optional(),
});
const _answer: z.ZodType<TraineeAnswer> = traineeAnswerSchema;
void _answer;

// ---------------------------------------------------------------------------------------------
// Payloads (outputs)

export type PackSource = 'bundled' | 'import' | 'authored';

export interface PackSummary {
  id: number;
  title: string;
  source: PackSource;
  fileName: string | null;
  scenarioCount: number;
  /** scenarios whose `expected` disagrees with the engine */
  mismatchCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PackScenarioRow {
  scenarioId: string;
  position: number;
  title: string | null;
  visitDate: string;
  visitType: VisitType;
  /** the engine's decision, in brief */
  verdict: Decision['verdict'];
  copayPercent: Decision['copayPercent'];
  rules: RuleId[];
  /** null: the scenario has no `expected`; else whether it agrees with the engine */
  expectedMatches: boolean | null;
  /** the fields that disagree (field names only) */
  mismatches: string[];
}

export interface PackDetail {
  pack: PackSummary;
  scenarios: PackScenarioRow[];
}

export interface ImportOutcome {
  /** the imported pack, or null when nothing was imported */
  pack: PackSummary | null;
  /** every problem found (file, JSON, each bad scenario); non-empty ⇔ pack is null */
  issues: ScenarioIssue[];
  warnings: ScenarioIssue[];
}

export interface SaveScenarioOutcome {
  row: PackScenarioRow | null;
  issues: ScenarioIssue[];
  warnings: ScenarioIssue[];
}

export interface Trainee {
  id: number;
  name: string;
  createdAt: string;
}

export interface TraineeSummary extends Trainee {
  sessions: number;
  answers: number;
  /** questions fully right, 0–100, null before the first answer */
  percent: number | null;
  lastAt: string | null;
  lastExam: { sessionId: number; percent: number; passed: boolean } | null;
}

export type SessionMode = 'practice' | 'exam';

export interface SessionInfo {
  id: number;
  traineeId: number;
  traineeName: string;
  mode: SessionMode;
  packId: number | null;
  packTitle: string;
  /** the order's seed (exams; practice sessions in random order) */
  seed: number | null;
  /** exam only: percent of questions fully right needed to pass */
  passMark: number | null;
  questions: number;
  answered: number;
  startedAt: string;
  endedAt: string | null;
  endReason: 'completed' | 'stopped' | null;
}

export interface SessionState {
  session: SessionInfo;
  /** the next question (1-based position), or null when the session has ended */
  position: number | null;
  question: Question | null;
}

export interface Feedback {
  position: number;
  scenarioId: string;
  title: string | null;
  answer: TraineeAnswer;
  correct: TraineeAnswer;
  grade: Grade;
  decision: Decision;
  timeMs: number;
}

export interface AnswerOutcome {
  state: SessionState;
  /** practice: the feedback for this answer; exam: null until the result sheet */
  feedback: Feedback | null;
}

export interface ResultItem {
  position: number;
  /** the items the question asked */
  asked: AnswerItem[];
  scenarioId: string;
  title: string | null;
  visitDate: string;
  answer: TraineeAnswer | null;
  correct: TraineeAnswer;
  grade: Grade | null;
  timeMs: number | null;
  rules: RuleId[];
  explanation: string;
  tellPatient: string;
}

export interface SessionResult {
  session: SessionInfo;
  score: Score;
  /** exams only */
  passed: boolean | null;
  /** exams only: questions needed to pass */
  needed: number | null;
  items: ResultItem[];
  rules: RuleAccuracy[];
  totalMs: number;
}

export interface SessionRow extends SessionInfo {
  score: Score;
  passed: boolean | null;
}

export interface Progress {
  trainees: TraineeSummary[];
  /** the trainee the rest is about; null = everyone */
  traineeId: number | null;
  days: DayPoint[];
  rules: RuleAccuracy[];
  sessions: SessionRow[];
}

export interface TrainerSettings {
  /** percent of questions fully right needed to pass an exam */
  passMark: number;
  /** questions in a new exam (at most the pack's size) */
  examSize: number;
}

const empty = z
  .strictObject({})
  .optional()
  .transform(() => ({}));
const pack = z.strictObject({ packId: rowId });
const packScenario = z.strictObject({ packId: rowId, scenarioId });
const session = z.strictObject({ sessionId: rowId });

export const TRAINER_CONTRACT = {
  'trainer.listPacks': call(empty).returns<PackSummary[]>(),
  'trainer.getPack': call(pack).returns<PackDetail>(),
  /** one scenario in the pack form (for the authoring form and its JSON view) */
  'trainer.getScenario': call(packScenario).returns<{ scenarioId: string; json: Record<string, unknown> }>(),
  /** the import is uploaded in chunks: the size is checked first, then the text arrives piece by piece */
  'trainer.importBegin': call(
    z.strictObject({ fileName: z.string().max(200), size: z.number().int().min(0) }),
  ).returns<{
    uploadId: string;
    chunkChars: number;
    maxBytes: number;
  }>(),
  'trainer.importChunk': call(
    z.strictObject({
      uploadId: z.string().min(8).max(64),
      index: z.number().int().min(0),
      text: z.string().max(IMPORT_CHUNK_CHARS),
    }),
    // the pack's text is checked whole once its chunks are joined (trainer.importFinish)
    { r18Later: ['text'] },
  ).returns<{ receivedBytes: number }>(),
  'trainer.importFinish': call(z.strictObject({ uploadId: z.string().min(8).max(64) })).returns<ImportOutcome>(),
  'trainer.importCancel': call(z.strictObject({ uploadId: z.string().min(8).max(64) })).returns<{
    cancelled: boolean;
  }>(),
  'trainer.exportPack': call(pack).returns<{ filename: string; json: string; scenarios: number }>(),
  'trainer.createPack': call(z.strictObject({ title: requiredText(100, 'パックの名前') })).returns<PackSummary>(),
  'trainer.renamePack': call(
    z.strictObject({ packId: rowId, title: requiredText(100, 'パックの名前') }),
  ).returns<PackSummary>(),
  'trainer.deletePack': call(pack).returns<{ deleted: boolean }>(),
  /** create (no `replaces`) or edit (replaces = the id being edited) one scenario, validated like an import */
  'trainer.saveScenario': call(
    z.strictObject({ packId: rowId, scenario: z.unknown(), replaces: scenarioId.optional() }),
  ).returns<SaveScenarioOutcome>(),
  'trainer.duplicateScenario': call(packScenario).returns<PackScenarioRow>(),
  'trainer.deleteScenario': call(packScenario).returns<{ deleted: boolean }>(),
  /** moves a scenario to a 0-based position */
  'trainer.moveScenario': call(
    z.strictObject({ packId: rowId, scenarioId, to: z.number().int().min(0) }),
  ).returns<PackDetail>(),
  /** "save this desk case as a scenario": the desk's scenario with a title and story for trainees */
  'trainer.saveDeskCase': call(
    z.strictObject({
      packId: rowId.nullable(),
      newPackTitle: z.string().max(100).optional(),
      scenario: z.unknown(),
      id: z.string().max(80),
      title: z.string().max(200),
      story: z.string().max(2000).optional(),
    }),
  ).returns<SaveScenarioOutcome & { packId: number | null }>(),
  'trainer.listTrainees': call(empty).returns<TraineeSummary[]>(),
  'trainer.startSession': call(
    z.strictObject({
      traineeName: requiredText(40, '研修生の名前'),
      packId: rowId,
      mode: z.enum(['practice', 'exam']),
      /** exam order; random when omitted */
      seed: z.number().int().min(0).max(MAX_SEED).optional(),
      /** questions; default: exam size from the settings (exam), the whole pack (practice) */
      count: z.number().int().min(1).max(10_000).optional(),
      /** practice only: random order instead of the pack's order */
      shuffle: z.boolean().optional(),
      /** practice only: ask for the 保険者番号・記号・番号 typed at the terminal where a 資格確認書 is queried (default on) */
      numberEntry: z.boolean().optional(),
      /** practice only: only the scenarios that apply one of these rules (「苦手なルールだけ練習」) */
      rules: z.array(z.enum(RULE_IDS)).min(1).max(RULE_IDS.length).optional(),
    }),
  ).returns<SessionState>(),
  'trainer.getSession': call(session).returns<SessionState>(),
  'trainer.answer': call(
    z.strictObject({
      sessionId: rowId,
      position: z.number().int().min(1),
      answer: traineeAnswerSchema,
      /** time from showing the patient to answering, measured on screen */
      timeMs: z.number().int().min(0).max(86_400_000),
    }),
  ).returns<AnswerOutcome>(),
  'trainer.finishSession': call(session).returns<SessionState>(),
  'trainer.sessionResult': call(session).returns<SessionResult>(),
  'trainer.progress': call(z.strictObject({ traineeId: rowId.optional() })).returns<Progress>(),
  'trainer.exportProgressCsv': call(
    z.strictObject({ traineeId: rowId.optional(), kind: z.enum(['answers', 'rules']) }),
  ).returns<{ filename: string; csv: string; rows: number }>(),
  'trainer.getSettings': call(empty).returns<TrainerSettings>(),
  'trainer.updateSettings': call(
    z.strictObject({
      passMark: z.number().int().min(1).max(100).optional(),
      examSize: z.number().int().min(1).max(MAX_EXAM_QUESTIONS).optional(),
    }),
  ).returns<TrainerSettings>(),
} as const;
