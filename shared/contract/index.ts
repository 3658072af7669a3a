// THE API contract between the renderer and the backend: one entry per call of ./kernel.ts's
// CALL_NAMES, each a request schema (zod: run once, by `dispatch`, where the call enters the
// backend) and the answer's type. The trainer's calls are in ../trainer/contract.ts, in the same
// style. Every transport is derived from these types — the Electron preload (one function per
// call), the browser-mode HTTP bridge, the worker that runs the backend, the command line — so
// adding a call means one name in the kernel, one entry here and its handler in
// electron/backend/api/.
//
// Pure TypeScript: no Node, DOM or Electron. Only the kernel is zod-free (the preload imports it).
import * as z from 'zod';
import { dateInput as dateSchema } from '../date-schema';
import type { IsoDate } from '../dates';
import type { Decision } from '../decision';
import { policyShape } from '../decision-schema';
import {
  type BackupKind,
  CAUSES,
  DOCUMENT_KINDS,
  ELDERLY_RATIOS,
  INCIDENTS,
  INSURERS,
  type Insurer,
  LIMIT_CATEGORIES,
  type PolicyKey,
  PORTAL_FORMS,
  PREFECTURE_CODES,
  type Sex,
  SEXES,
  VERDICTS,
  VISIT_TYPES,
} from '../enums';
import type { Holding, WalkInPrintedKind } from '../holdings';
import { pathJa } from '../field-names';
import { findMyNumberPath, MY_NUMBER_REFUSAL, redactMyNumber, TooDeepError } from '../identifiers';
import { parseIssues } from '../zod-issues';
import { checkMedicalInstitutionCode } from '../medical-institution-code';
import { programmeShape } from '../kohi';
import { observationInput, type TerminalAnswer } from '../observation';
import type { Observation } from '../observation/types';
import type { OnlineResult, OnshiDocument, ResultOfQualificationConfirmation } from '../onshi-document';
import type { Clinic } from '../clinic';
import type { Coverage, Myna, Scenario } from '../scenario';
import type { ScenarioProgramme, Welfare } from '../scenario/types';
import type { Policy } from '../timeline';
import { visitDateProblem } from '../visit-date';
import { TRAINER_CONTRACT } from '../trainer/contract';
import { call } from './call';
import { patientInput } from './patient';
import type { ApiResult, CallName, ParsedInput } from './kernel';

// ---------------------------------------------------------------------------------------------
// Building blocks of requests

/** A calendar date: ISO YYYY-MM-DD, or 和暦 as people type it (normalised to ISO here, once). */
const dateInput = dateSchema();
const insurer = z.enum(INSURERS);
const patientId = z.string().min(1).max(64);
const empty = z
  .strictObject({})
  .optional()
  .transform(() => ({}));

const sex = z.enum(SEXES);
const limitCategory = z.enum(LIMIT_CATEGORIES);

/** The kinds the patient handed over (at most one of each; the order never matters). */
const presentedKinds = z
  .array(z.enum(DOCUMENT_KINDS))
  .max(DOCUMENT_KINDS.length)
  .refine((a) => new Set(a).size === a.length, {
    message: 'each kind at most once',
    params: { ja: '同じ種類の書類が重複しています', en: 'each kind at most once' },
  });

/** The visit date: a date people type, in the years the desk accepts (1800 or 9999 is a slip). */
const visitDateInput = dateInput.superRefine((d, ctx) => {
  const problem = visitDateProblem(d);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: problem });
});

/**
 * A walk-in: not in the registry, known by what the receptionist typed — the birth date and the
 * insurer, and as far as they were given the name, the 記号・番号 and what is printed on each
 * document handed over (the backend assumes nothing else it could show; electron/backend/api/desk.ts).
 */
/** A programme a walk-in showed or told (its 受給者証・医療証 prints the numbers and the validity). */
const walkInProgramme = z.strictObject({
  ...programmeShape({ required: false }),
  payerNumber: z.string().max(40),
  /** 有効期限 as printed; the start left out: valid from the visit at the latest */
  validFrom: dateSchema({ documentField: true }).optional(),
  validUntil: dateSchema({ documentField: true }),
  /** the patient carries its 受給者証・医療証 (default true); handed over with the kohi-cert key */
  carried: z.boolean().optional(),
});
export type WalkInProgramme = z.output<typeof walkInProgramme>;

const walkIn = z.strictObject({
  birthDate: dateInput,
  /** left out: no health insurance (生活保護, or uninsured) */
  insurer: insurer.optional(),
  name: z.string().max(40).optional(),
  kana: z.string().max(60).optional(),
  sex: sex.optional(),
  insurerNumber: z
    .string()
    .refine((s) => /^\d{6}$|^\d{8}$/.test(s), {
      message: 'an insurer number has 6 or 8 digits',
      params: { ja: '保険者番号は6桁か8桁の数字にしてください', en: 'an insurer number has 6 or 8 digits' },
    })
    .optional(),
  symbol: z.string().max(40).optional(),
  number: z.string().max(40).optional(),
  branch: z.string().max(10).optional(),
  /** 1 本人, 2 家族 (of employee insurance: a 被扶養者, R26) */
  personalFamily: z.union([z.literal(1), z.literal(2)]).optional(),
  /** 家族 of employee insurance: the insured person's birth date (their 75th birthday ends the coverage) */
  holderBirthDate: dateInput.optional(),
  /** 資格取得年月日 as printed */
  acquiredOn: dateInput.optional(),
  /** public programmes (公費・医療証, R21, R22) */
  kohi: z.array(walkInProgramme).max(3).optional(),
  /** 生活保護 (R24): since, until (left out: ongoing), and whether this month's 医療券 is registered (default true) */
  welfare: z
    .strictObject({ from: dateInput, until: dateInput.optional(), ticketRegistered: z.boolean().optional() })
    .optional(),
  /** what is printed on each document the patient handed over (お知らせ and the cards print no validity) */
  documents: z
    .strictObject({
      'legacy-card': z.strictObject({ printedExpiry: dateSchema({ documentField: true }).nullable() }).optional(),
      'kakunin-sho': z
        .strictObject({
          issuedOn: dateSchema({ documentField: true }).nullable(),
          validUntil: dateSchema({ documentField: true }),
        })
        .optional(),
      'elderly-card': z
        .strictObject({
          ratio: z.literal(ELDERLY_RATIOS),
          validUntil: dateSchema({ documentField: true }).nullable(),
        })
        .optional(),
      'limit-cert': z
        .strictObject({ category: limitCategory, validUntil: dateSchema({ documentField: true }).nullable() })
        .optional(),
    })
    .optional(),
});
export type WalkIn = z.output<typeof walkIn>;
/** What a walk-in's documents print (one entry per kind of WALK_IN_PRINTED_KINDS). */
export type WalkInDocuments = NonNullable<WalkIn['documents']>;
const _printed: Same<keyof WalkInDocuments, WalkInPrintedKind> = true;
void _printed;

/** The clinic's own facts of rule book version 2 (SCENARIO.md `clinic`), kept in the settings. */
const clinicFacts = z.strictObject({
  /** JIS code of the clinic's prefecture (R22); null: every 医療証 counts as of this prefecture */
  prefecture: z.enum(PREFECTURE_CODES).nullable(),
  /** connected to PMH (R23) */
  pmh: z.boolean(),
  /** the 医療扶助 online check is in use (R24) */
  welfareOnline: z.boolean(),
  /** 労災指定医療機関 (R25) */
  rousaiDesignated: z.boolean(),
});
export type ClinicFacts = z.output<typeof clinicFacts>;

/** The clinic today; each of the clinic's own facts left out: the settings' (settings.get). */
const clinicSituation = z.strictObject({
  onlineCheck: z.boolean(),
  phoneReader: z.boolean(),
  incident: z.enum(INCIDENTS),
  ...clinicFacts.partial().shape,
});
export type ClinicSituation = z.output<typeof clinicSituation>;

const historyFilter = z.strictObject({
  from: dateInput.optional(),
  to: dateInput.optional(),
  patientId: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
  /** part of the patient's name or reading (spaces, kana forms and width ignored) */
  patient: z.string().max(40).optional(),
  verdict: z.enum(VERDICTS).optional(),
});
export type HistoryFilter = z.input<typeof historyFilter>;

/** Each field may be left out or null (for a patch where null means "remove"). */
function patchOf<T extends Record<string, z.ZodType>>(shape: T) {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, t]) => [k, t.nullable().optional()]));
  return z.strictObject(fields as { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> });
}

/** The clinic's policy, per key: a value is the clinic's own choice; null removes it (the key follows the default again). */
const policyPatch = patchOf(policyShape(dateInput));
export type PolicyPatch = z.output<typeof policyPatch>;

// ---------------------------------------------------------------------------------------------
// Answers (types only: the backend builds them)

export interface PatientSummary {
  id: string;
  /** 診察券番号 */
  clinicNo: string;
  name: string;
  kana: string;
  birthDate: IsoDate;
  sex: Sex;
  /** the first visit date the desk recorded for this patient (seen before a later visit: 再診) */
  firstVisit: IsoDate | null;
  /** insurers of the coverages current today, most recent first (for the search list) */
  insurers: Insurer[];
  hasMynaCard: boolean;
  /** one line for the receptionist, e.g. 「新入社員 (登録待ち)」 */
  note: string;
}

/** A coverage as the registry keeps it: the scenario format's coverage plus what documents print. */
export interface PatientCoverage extends Coverage {
  /** 保険者名称 as printed; null → the insurer type's name */
  insurerName: string | null;
  /** 1 本人 (被保険者), 2 家族 (被扶養者) */
  personalFamily: 1 | 2;
}

/** A registry patient (fictional). */
export interface Patient {
  /** decimal string */
  id: string;
  /** 診察券番号 */
  clinicNo: string;
  name: string;
  /** full-width katakana, one space between words */
  kana: string;
  birthDate: IsoDate;
  sex: Sex;
  /** what this patient demonstrates / anything the clinic wants to remember (never a My Number) */
  note: string;
  coverages: PatientCoverage[];
  myna: Myna | null;
  /** public programmes (公費・医療証, R21, R22) */
  kohi: ScenarioProgramme[];
  /** 生活保護 (R24); null: not on it */
  welfare: Welfare | null;
  holdings: Holding[];
  /** set for the demo registry's patients */
  demoKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Settings extends ClinicFacts {
  clinicName: string;
  /** 医療機関コード: 10 digits, or empty while not set */
  medicalInstitutionCode: string;
  onlineCheck: boolean;
  phoneReader: boolean;
  /** 連携フォルダ: the folder the app answers clinic software's online-check requests in ('' = off) */
  oqsFolder: string;
  /** the policy in force: the defaults with the clinic's own choices over them */
  policy: Policy;
  /** the keys the clinic chose itself (the others follow the defaults, and a change of a default) */
  policyOverrides: PolicyKey[];
}

export interface DeskResult {
  decision: Decision;
  /** the desk case as the engine read it */
  scenario: Scenario;
  online: OnlineResult;
  patient: { name: string; kana: string; birthDate: IsoDate; walkIn: boolean };
  /**
   * The items of the result document that stand on the desk's assumptions about a walk-in (what
   * the receptionist did not type, e.g. 資格取得日): the screen leaves them out. Empty for a
   * registry patient.
   */
  assumed: Array<keyof ResultOfQualificationConfirmation>;
  /** the history row that recorded this decision */
  historyId: number;
}

/** 受付ナビ: the decision on what a real desk saw, as recorded (no name, no number of the person). */
export interface RealDeskResult {
  decision: Decision;
  /** the observation as decided and recorded: the clinic's policy, every number blanked */
  observation: Observation;
  /** the history row (mode real-desk) that recorded it */
  historyId: number;
}

export interface HistoryRow {
  id: number;
  /** when the check was made, ISO timestamp */
  at: string;
  /** real-desk: 受付ナビ, a real patient (recorded without a name or any number) */
  mode: 'desk' | 'trainer' | 'real-desk';
  operator: string | null;
  patientId: string | null;
  patientName: string | null;
  visitDate: IsoDate;
  verdict: Decision['verdict'];
  copayPercent: number;
  /** the copay holds only until the 高齢受給者証 is seen: shown as (仮) */
  copayProvisional: boolean;
  rules: string[];
  scenarioId: string;
}

/**
 * One recorded check in full, as the decision panel shows it: the verdict, the reasons, the online
 * result (none for 受付ナビ, which keeps no result), and its row. No name but the row's.
 */
export interface HistoryCheck {
  row: HistoryRow;
  decision: Decision;
  visitDate: IsoDate;
  /** the clinic's situation the answer was given in */
  clinic: Clinic;
  onlineDocument: OnshiDocument | null;
  /** the name on a reprinted slip; null: none (a walk-in, a trainer row, 受付ナビ) */
  slipName: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'cli': the command line, calling the backend in-process */
  shell: 'electron' | 'browser' | 'cli';
  /** today's calendar date in Japan, as the backend sees it */
  today: IsoDate;
  dataDir: string;
}

/** What a database file holds, in the words a receptionist uses. */
export interface DatabaseContents {
  /** registered patients */
  patients: number;
  /** recorded checks (照会履歴) */
  checks: number;
}

/** A backup in `<dataDir>/backups/`, verified when listed. */
export interface BackupChoice {
  /** its file name, which names it in data.restore */
  name: string;
  file: string;
  kind: BackupKind;
  /** when it was taken, Japan time: 2026-01-20 09:30:12 */
  takenAt: string;
  bytes: number;
  /** passes integrity_check now (only these can be restored) */
  ok: boolean;
  contents: DatabaseContents | null;
}

/** A damaged database file moved aside (never deleted): `shikaku.corrupt-<date>-<time>.sqlite`. */
export interface QuarantinedFile {
  name: string;
  file: string;
  reason: 'corrupt' | 'replaced';
  /** when it was moved aside, Japan time */
  movedAt: string;
  bytes: number;
  /** what could still be read from it (usually nothing) */
  contents: DatabaseContents | null;
}

/**
 * The state of the database for the restore screen: `needed` when a damaged database was moved
 * aside and nothing has replaced it yet — the app then asks to restore a backup or start empty.
 */
export interface RecoveryStatus {
  needed: boolean;
  dataDir: string;
  /** the log with the technical findings, for whoever supports the clinic */
  log: string;
  quarantined: QuarantinedFile[];
  /** newest first */
  backups: BackupChoice[];
}

// ---------------------------------------------------------------------------------------------
// The calls

const DESK_CONTRACT = {
  'registry.search': call(
    z.strictObject({ query: z.string().max(60), limit: z.number().int().min(1).max(200).optional() }),
  ).returns<PatientSummary[]>(),
  'registry.get': call(z.strictObject({ id: patientId })).returns<Patient>(),
  'registry.save': call(patientInput).returns<Patient>(),
  'registry.delete': call(z.strictObject({ id: patientId })).returns<{ deleted: boolean }>(),
  /** adds the demo patients that are missing (replace: deletes the demo patients first) */
  'registry.seedDemo': call(
    z
      .strictObject({ replace: z.boolean().optional() })
      .optional()
      .transform((v) => ({ replace: v?.replace ?? false })),
  ).returns<{ count: number }>(),
  /** a walk-in (as the desk knew them) becomes a registry patient; the answer is the new record */
  'registry.registerWalkIn': call(
    z.strictObject({ walkIn, presented: presentedKinds, visitDate: visitDateInput }),
  ).returns<Patient>(),
  'desk.decide': call(
    z.strictObject({
      /** a registry patient, or a walk-in (what the receptionist typed) */
      patient: z.union([z.strictObject({ id: patientId }), z.strictObject({ walkIn })]),
      presented: presentedKinds,
      /** how the マイナポータル 資格情報画面 was shown, with 'mynaportal' (default: the live screen) */
      mynaportalForm: z.enum(PORTAL_FORMS).optional(),
      /**
       * Where the patient holds two or more documents of one kind: the positions, in the patient's
       * holdings, of those handed over (a kind not named here: all the patient's documents of it).
       */
      holdings: z.array(z.number().int().min(0).max(29)).max(30).optional(),
      visitDate: visitDateInput,
      clinic: clinicSituation,
      visitType: z.enum(VISIT_TYPES),
      needsLimit: z.boolean(),
      /** 「お仕事中・通勤中のけがですか」 (R25; default illness: not an injury at work or on the way) */
      cause: z.enum(CAUSES).optional(),
      /** operator's name for the history (optional) */
      operator: z.string().max(40).optional(),
    }),
  ).returns<DeskResult>(),
  /**
   * 受付ナビ: what a receptionist saw at a real desk (an observation, checked like a file) →
   * the decision under the clinic's policy, recorded without a name or any number of the person.
   */
  'realdesk.decide': call(
    z.strictObject({ observation: observationInput, operator: z.string().max(40).optional() }),
  ).returns<RealDeskResult>(),
  /**
   * 受付ナビ: a result file a real 資格確認端末 wrote (national-format XmlMsg; its bytes in base64,
   * at most 512 KB) → what the terminal showed, without a name or 記号・番号 (the backend's one
   * reader, electron/backend/onshi/read.ts). A damaged, unknown or error result is refused naming the
   * element.
   */
  'realdesk.readResult': call(
    z.strictObject({
      base64: z
        .string()
        .max(Math.ceil((512 * 1024) / 3) * 4)
        .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v), {
          params: { ja: 'ファイルの中身 (base64) が正しくありません', en: 'not base64' },
        }),
    }),
  ).returns<TerminalAnswer>(),
  'history.query': call(
    historyFilter.extend({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
  ).returns<{ total: number; offset: number; rows: HistoryRow[] }>(),
  'history.get': call(z.strictObject({ id: z.number().int().min(1) })).returns<HistoryCheck>(),
  /** the operators (担当者) recorded lately, most recent first (the session's operator is chosen from them) */
  'history.operators': call(empty).returns<string[]>(),
  'history.exportCsv': call(historyFilter).returns<{ filename: string; csv: string; rows: number }>(),
  'settings.get': call(empty).returns<Settings>(),
  'settings.update': call(
    z.strictObject({
      clinicName: z.string().max(60).pipe(z.string().trim().min(1)).optional(),
      /** 10 digits with a valid check digit, or empty (not set) */
      medicalInstitutionCode: z
        .string()
        .max(10)
        .superRefine((code, ctx) => {
          const r = code === '' ? ({ ok: true } as const) : checkMedicalInstitutionCode(code);
          if (!r.ok) ctx.addIssue({ code: 'custom', message: r.en, params: { ja: r.ja, en: r.en } });
        })
        .optional(),
      onlineCheck: z.boolean().optional(),
      phoneReader: z.boolean().optional(),
      /** an absolute path ('' = off); the backend checks that it exists and can be written to */
      oqsFolder: z.string().max(1000).trim().optional(),
      ...clinicFacts.partial().shape,
      policy: policyPatch.optional(),
    }),
  ).returns<Settings>(),
  'app.info': call(empty).returns<AppInfo>(),
  /** the damaged file set aside (if any) and the backups, with dates and what they hold */
  'data.recovery': call(empty).returns<RecoveryStatus>(),
  /** 「バックアップを作成」: one verified, self-contained backup file */
  'data.backup': call(empty).returns<BackupChoice>(),
  /** after a damaged database was set aside: put this backup in its place (verified first) */
  'data.restore': call(z.strictObject({ backup: z.string().min(1).max(200) })).returns<{ restored: BackupChoice }>(),
  /** after a damaged database was set aside: start with an empty one (the clinic said so) */
  'data.startEmpty': call(empty).returns<{ started: true }>(),
};

export const CONTRACT = { ...DESK_CONTRACT, ...TRAINER_CONTRACT };
export type Contract = typeof CONTRACT;

// Every name of the kernel has exactly one definition, and nothing else is defined.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _exact: Same<keyof Contract, CallName> = true;
void _exact;

/**
 * R18 for every request, in one place: a 12-digit number in any text (or number) of any call is
 * refused with the same message, naming the field and never repeating the value — before the
 * schema, so no other message can quote it.
 */
function myNumberRefusal(name: CallName, payload: unknown): ApiResult<never> | null {
  const later: readonly string[] = CONTRACT[name].r18Later ?? [];
  let path: string | null;
  try {
    path = findMyNumberPath(payload, later.length > 0 ? { skip: (p) => later.includes(p) } : {});
  } catch (e) {
    if (!(e instanceof TooDeepError)) throw e;
    return { ok: false, error: { code: 'invalid-input', ja: e.ja, en: `${e.en} (${name})` } };
  }
  if (path === null) return null;
  const at = redactMyNumber(path);
  return {
    ok: false,
    error: {
      code: 'my-number',
      ja: `${MY_NUMBER_REFUSAL.ja} (${pathJa(at)})`,
      en: `${MY_NUMBER_REFUSAL.en} (${name}: ${at})`,
    },
  };
}

/** Parses a request, once; the messages name the field, in Japanese in the Japanese one (never a 12-digit number). */
export function parseRequest<K extends CallName>(name: K, payload: unknown): ApiResult<ParsedInput<K>> {
  const refused = myNumberRefusal(name, payload);
  if (refused) return refused;
  const r = parseIssues(CONTRACT[name].input, payload);
  if (r.ok) return { ok: true, value: r.value as ParsedInput<K> };
  const issue = r.issues[0]!;
  // Japanese: the field by its Japanese name (never the call's name or the format's key)
  const where = issue.path === '(root)' ? '' : ` (${pathJa(issue.path)})`;
  return {
    ok: false,
    error: {
      code: 'invalid-input',
      ja: redactMyNumber(`${issue.ja}${where}`),
      en: redactMyNumber(`${issue.en} (${name}: ${issue.path})`),
    },
  };
}
