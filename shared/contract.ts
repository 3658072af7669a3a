// THE API contract between the renderer and the backend (issue 4 item 4).
//
// Every call has a zod schema for its request and its response. Every transport is derived from
// the `Api` type below — the Electron preload (one function per call), the main-process IPC
// handlers, the browser-mode HTTP bridge and the renderer's clients — so adding a call means one
// entry in CONTRACT plus its handler in electron/backend/api/.
//
// Results never throw across a transport: `{ ok: true, value } | { ok: false, error }` (only a
// plain object survives ipcMain.handle and fetch alike). Pure TypeScript: no Node, DOM or Electron.
import { z } from 'zod';
import { isIsoDate } from './dates';
import { dateInput as dateSchema, isoDate } from './date-schema';
import { decisionSchema, policySchema } from './decision-schema';
import { redactMyNumber } from './identifiers';
import type { Holding } from './holdings';
import {
  COVERAGE_RATIOS,
  DOCUMENT_KINDS,
  ELDERLY_CARD_HANDLINGS,
  ELDERLY_RATIOS,
  INCIDENTS,
  INSURERS,
  LIMIT_CATEGORIES,
  PHONE_OS,
  SEXES,
  VERDICTS,
  VISIT_TYPES,
} from './enums';
import { issueFromZod } from './issues';
import type { Scenario } from './scenario';
import { safeText } from './safe-text';
import { TRAINER_CONTRACT } from './trainer/contract';

// ---------------------------------------------------------------------------------------------
// Building blocks

export interface ApiError {
  /** stable machine code: 'invalid-input', 'not-found', 'unknown-call', 'internal', … */
  code: string;
  ja: string;
  en: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
export const apiErrorSchema = z.object({ code: z.string(), ja: z.string(), en: z.string() });

/** A calendar date: ISO YYYY-MM-DD, or 和暦 as people type it (normalised to ISO). */
const dateInput = dateSchema();
const insurer = z.enum(INSURERS);
const verdict = z.enum(VERDICTS);
const documentKind = z.enum(DOCUMENT_KINDS);
const incident = z.enum(INCIDENTS);
const sex = z.enum(SEXES);
const empty = z
  .strictObject({})
  .optional()
  .transform(() => ({}));

// ---------------------------------------------------------------------------------------------
// Domain payloads

export { decisionSchema, policySchema };

/** A normalised scenario as the engine read it (built by the backend; shown, never edited here). */
export const scenarioSchema = z.custom<Scenario>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Scenario).id === 'string' &&
    isIsoDate((v as Scenario).visitDate),
  { message: 'not a scenario' },
);

/** The national online check's result document (JSON form, `XmlMsg` at the root; issue 3 item 3). */
export const onlineResultSchema = z.object({
  route: z.enum(['card', 'number']).nullable(),
  result: z
    .object({
      XmlMsg: z.looseObject({
        MessageHeader: z.record(z.string(), z.unknown()),
        MessageBody: z.record(z.string(), z.unknown()),
      }),
    })
    .nullable(),
});
export type OnlineResult = z.infer<typeof onlineResultSchema>;

export const patientSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string(),
  birthDate: isoDate,
  sex,
  /** insurers of the coverages current today, most recent first (for the search list) */
  insurers: z.array(insurer),
  hasMynaCard: z.boolean(),
  /** one line for the receptionist, e.g. 「新入社員 (登録待ち)」 */
  note: z.string(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

const nullableIso = isoDate.nullable();
const limitCategory = z.enum(LIMIT_CATEGORIES);

/** A coverage as the registry keeps it: the scenario format's coverage plus what documents print. */
export const coverageRecordSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(20),
  insurer,
  insurerNumber: z
    .string()
    .regex(/^\d{6}$|^\d{8}$/)
    .nullable(),
  /** 保険者名称 as printed; null → the insurer type's name */
  insurerName: safeText(60).nullable(),
  /** 1 本人 (被保険者), 2 家族 (被扶養者) */
  personalFamily: z.union([z.literal(1), z.literal(2)]),
  symbol: safeText(40).nullable(),
  number: safeText(40).nullable(),
  branch: safeText(10).nullable(),
  acquiredOn: isoDate,
  lostOn: nullableIso,
  registeredOn: nullableIso,
  filedOn: nullableIso,
  myNumberOnForm: z.boolean(),
  ratio: z.literal(COVERAGE_RATIOS).nullable(),
  elderlyCard: z.enum(ELDERLY_CARD_HANDLINGS).nullable(),
  limitCategory: limitCategory.nullable(),
});

export const mynaRecordSchema = z.strictObject({
  insuranceRegistered: z.boolean(),
  registerAtDesk: z.boolean(),
  certExpiresOn: isoDate,
  pinLocked: z.boolean(),
});

/** A document the patient carries, handed over when the receptionist clicks its kind. */
export const holdingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('legacy-card'), coverage: z.string(), printedExpiry: nullableIso }),
  z.strictObject({
    kind: z.literal('kakunin-sho'),
    coverage: z.string(),
    issuedOn: isoDate,
    validFrom: nullableIso,
    validUntil: isoDate,
    showsRatio: z.boolean(),
    showsLimit: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('oshirase'), coverage: z.string() }),
  z.strictObject({ kind: z.literal('smartphone'), os: z.enum(PHONE_OS) }),
  z.strictObject({
    kind: z.literal('elderly-card'),
    ratio: z.literal(ELDERLY_RATIOS),
    validFrom: nullableIso.optional().default(null),
    validUntil: nullableIso,
  }),
  z.strictObject({ kind: z.literal('limit-cert'), category: limitCategory, validUntil: nullableIso }),
]);
export type { Holding } from './holdings';

/** A registry patient (fictional) as the backend returns it. */
export const patientSchema = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string(),
  birthDate: isoDate,
  sex,
  note: z.string(),
  coverages: z.array(coverageRecordSchema),
  myna: mynaRecordSchema.nullable(),
  holdings: z.array(holdingSchema),
  demoKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof patientSchema>;

/**
 * Creating (no id) or editing (id) a patient. Dates may be 和暦. Coverage ids default to c1, c2…;
 * the backend checks the rest (check digits, dates in order, references). Never a 12-digit number.
 */
const loose = <T extends z.ZodType>(t: T) => t.optional();
export const patientInputSchema = z.strictObject({
  id: z.string().min(1).max(64).optional(),
  name: safeText(40).pipe(z.string().trim().min(1)),
  kana: safeText(60).pipe(z.string().trim().min(1)),
  birthDate: dateInput,
  sex,
  note: loose(safeText(200).nullable()),
  coverages: loose(
    z
      .array(
        z.strictObject({
          id: loose(
            z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(20),
          ),
          insurer,
          insurerNumber: loose(z.string().max(8).nullable()),
          insurerName: loose(safeText(60).nullable()),
          personalFamily: loose(z.union([z.literal(1), z.literal(2)])),
          symbol: loose(safeText(40).nullable()),
          number: loose(safeText(40).nullable()),
          branch: loose(safeText(10).nullable()),
          acquiredOn: dateInput,
          lostOn: loose(dateInput.nullable()),
          registeredOn: loose(dateInput.nullable()),
          filedOn: loose(dateInput.nullable()),
          myNumberOnForm: loose(z.boolean()),
          ratio: loose(z.literal(COVERAGE_RATIOS).nullable()),
          elderlyCard: loose(z.enum(ELDERLY_CARD_HANDLINGS).nullable()),
          limitCategory: loose(limitCategory.nullable()),
        }),
      )
      .max(20),
  ),
  myna: loose(
    z
      .strictObject({
        insuranceRegistered: z.boolean(),
        registerAtDesk: loose(z.boolean()),
        certExpiresOn: dateInput,
        pinLocked: loose(z.boolean()),
      })
      .nullable(),
  ),
  holdings: loose(z.array(holdingSchema).max(20)),
});
export type PatientInput = z.input<typeof patientInputSchema>;

export const clinicSituationSchema = z.strictObject({
  onlineCheck: z.boolean(),
  phoneReader: z.boolean(),
  incident,
});
export type ClinicSituation = z.infer<typeof clinicSituationSchema>;

export const settingsSchema = z.strictObject({
  clinicName: z.string().max(60),
  /** 医療機関コード: 10 digits, or empty while not set */
  medicalInstitutionCode: z.string().regex(/^(\d{10})?$/),
  onlineCheck: z.boolean(),
  phoneReader: z.boolean(),
  policy: policySchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const deskRequestSchema = z.strictObject({
  /** a registry patient, or a walk-in known only by birth date and insurer */
  patient: z.union([
    z.strictObject({ id: z.string().min(1).max(64) }),
    z.strictObject({ walkIn: z.strictObject({ birthDate: dateInput, insurer }) }),
  ]),
  /** the kinds the patient handed over (at most one of each; the order never matters) */
  presented: z
    .array(documentKind)
    .max(DOCUMENT_KINDS.length)
    .refine((a) => new Set(a).size === a.length, { message: 'each kind at most once' }),
  visitDate: dateInput,
  clinic: clinicSituationSchema,
  visitType: z.enum(VISIT_TYPES),
  needsLimit: z.boolean(),
  /** operator's name for the history (optional) */
  operator: safeText(40).optional(),
});
export type DeskRequest = z.input<typeof deskRequestSchema>;

export const deskResultSchema = z.object({
  decision: decisionSchema,
  scenario: scenarioSchema,
  online: onlineResultSchema,
  patient: z.object({ name: z.string(), kana: z.string(), birthDate: isoDate, walkIn: z.boolean() }),
  /** the history row that recorded this decision */
  historyId: z.number().int(),
});
export type DeskResult = z.infer<typeof deskResultSchema>;

export const historyFilterSchema = z.strictObject({
  from: dateInput.optional(),
  to: dateInput.optional(),
  patientId: z.string().max(64).optional(),
  verdict: verdict.optional(),
});
export type HistoryFilter = z.input<typeof historyFilterSchema>;

export const historyRowSchema = z.object({
  id: z.number().int(),
  /** when the check was made, ISO timestamp */
  at: z.string(),
  mode: z.enum(['desk', 'trainer']),
  operator: z.string().nullable(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  visitDate: isoDate,
  verdict,
  copayPercent: z.number().int(),
  rules: z.array(z.string()),
  scenarioId: z.string(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'browser']),
  /** today's calendar date in Japan, as the backend sees it */
  today: isoDate,
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// ---------------------------------------------------------------------------------------------
// The calls

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const CONTRACT = {
  'registry.search': call(
    z.strictObject({ query: safeText(60), limit: z.number().int().min(1).max(200).optional() }),
    z.array(patientSummarySchema),
  ),
  'registry.get': call(z.strictObject({ id: z.string().min(1).max(64) }), patientSchema),
  'registry.save': call(patientInputSchema, patientSchema),
  'registry.delete': call(z.strictObject({ id: z.string().min(1).max(64) }), z.object({ deleted: z.boolean() })),
  'registry.seedDemo': call(empty, z.object({ count: z.number().int() })),
  'desk.decide': call(deskRequestSchema, deskResultSchema),
  'history.query': call(
    historyFilterSchema.extend({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(historyRowSchema) }),
  ),
  'history.exportCsv': call(
    historyFilterSchema,
    z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  ),
  'settings.get': call(empty, settingsSchema),
  'settings.update': call(
    settingsSchema.omit({ policy: true }).extend({ policy: policySchema.partial() }).partial().strict(),
    settingsSchema,
  ),
  'app.info': call(empty, appInfoSchema),
  ...TRAINER_CONTRACT,
} as const;

export type Contract = typeof CONTRACT;
export type CallName = keyof Contract;
export const CALL_NAMES = Object.keys(CONTRACT) as CallName[];
/** What a caller sends (before validation: dates may be 和暦, optional fields omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated and normalised). */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

/** The client side of every transport: preload, HTTP client, fake bridge in tests. */
export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<ApiResult<CallOutput<K>>> };
/** The server side: plain functions on validated input (they may throw ApiFailure). */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>> };

// Compile-time guard: the schema describes the registry's own type.
const _holding: z.ZodType<Holding> = holdingSchema;
void _holding;

/** A handler throws this for an expected failure; the dispatcher turns it into `{ ok: false }`. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.en);
  }
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

/** Validates a request; the Japanese and English messages name the field (never a 12-digit number). */
export function parseRequest<K extends CallName>(
  name: K,
  payload: unknown,
): { ok: true; value: ParsedInput<K> } | { ok: false; error: ApiError } {
  const r = CONTRACT[name].input.safeParse(payload, { reportInput: true });
  if (r.success) return { ok: true, value: r.data as ParsedInput<K> };
  const issue = issueFromZod(r.error.issues[0]!);
  return {
    ok: false,
    error: {
      code: 'invalid-input',
      ja: redactMyNumber(`${issue.ja} (${name}: ${issue.path})`),
      en: redactMyNumber(`${issue.en} (${name}: ${issue.path})`),
    },
  };
}

/**
 * The one dispatcher every server-side transport uses (IPC in Electron, HTTP in browser mode):
 * unknown call → error; payload validated; handler errors become `{ ok: false }`.
 */
export async function dispatch(handlers: Handlers, name: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', ja: '不明な呼び出しです', en: 'unknown call' } };
  }
  const parsed = parseRequest(name, payload);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.value) };
  } catch (e) {
    if (e instanceof ApiFailure) return { ok: false, error: e.error };
    const en = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'internal', ja: '内部エラーが発生しました', en: `internal error: ${redactMyNumber(en)}` },
    };
  }
}
