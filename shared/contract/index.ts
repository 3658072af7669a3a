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
  DOCUMENT_KINDS,
  INCIDENTS,
  INSURERS,
  type Insurer,
  type PolicyKey,
  type Sex,
  VERDICTS,
  VISIT_TYPES,
} from '../enums';
import type { Holding } from '../holdings';
import { pathJa } from '../field-names';
import { findMyNumberPath, MY_NUMBER_REFUSAL, redactMyNumber, TooDeepError } from '../identifiers';
import { parseIssues } from '../zod-issues';
import { checkMedicalInstitutionCode } from '../medical-institution-code';
import type { OnlineResult } from '../onshi-document';
import type { Coverage, Myna, Scenario } from '../scenario';
import type { Policy } from '../timeline';
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

const clinicSituation = z.strictObject({
  onlineCheck: z.boolean(),
  phoneReader: z.boolean(),
  incident: z.enum(INCIDENTS),
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
  name: string;
  kana: string;
  birthDate: IsoDate;
  sex: Sex;
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
  name: string;
  /** full-width katakana, one space between words */
  kana: string;
  birthDate: IsoDate;
  sex: Sex;
  /** what this patient demonstrates / anything the clinic wants to remember (never a My Number) */
  note: string;
  coverages: PatientCoverage[];
  myna: Myna | null;
  holdings: Holding[];
  /** set for the demo registry's patients */
  demoKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Settings {
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
  /** the history row that recorded this decision */
  historyId: number;
}

export interface HistoryRow {
  id: number;
  /** when the check was made, ISO timestamp */
  at: string;
  mode: 'desk' | 'trainer';
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

/** One recorded check in full: what the desk showed (verdict, reasons, online result) and its row. */
export interface HistoryCheck extends DeskResult {
  row: HistoryRow;
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
  'desk.decide': call(
    z.strictObject({
      /** a registry patient, or a walk-in known only by birth date and insurer */
      patient: z.union([
        z.strictObject({ id: patientId }),
        z.strictObject({ walkIn: z.strictObject({ birthDate: dateInput, insurer }) }),
      ]),
      /** the kinds the patient handed over (at most one of each; the order never matters) */
      presented: z
        .array(z.enum(DOCUMENT_KINDS))
        .max(DOCUMENT_KINDS.length)
        .refine((a) => new Set(a).size === a.length, {
          message: 'each kind at most once',
          params: { ja: '同じ種類の書類が重複しています', en: 'each kind at most once' },
        }),
      visitDate: dateInput,
      clinic: clinicSituation,
      visitType: z.enum(VISIT_TYPES),
      needsLimit: z.boolean(),
      /** operator's name for the history (optional) */
      operator: z.string().max(40).optional(),
    }),
  ).returns<DeskResult>(),
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
