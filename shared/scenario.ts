// The scenario, pack and decision formats of SCENARIO.md (a public contract: names and values are
// kept exactly) and their strict runtime validation. Validation turns raw JSON into a normalized
// Scenario: every default filled in, every date ISO, every document's coverage resolved.
import { z } from 'zod';
import { type IsoDate, addMonthsClamped, birthday } from './dates';
import { checkNumber, containsMyNumberLike, redactMyNumber } from './identifiers';
import { type Insurer, INSURERS, KOUKI_OSHIRASE_START, LAG_LIMITS, type Policy, REFORM } from './timeline';
import { parseDate } from './wareki';

export const SCENARIO_FORMAT = 'shikaku-scenario/1';
export const PACK_FORMAT = 'shikaku-pack/1';

// ---------------------------------------------------------------------------------------------
// Normalized types (what the engine reads)

export type Incident = 'none' | 'reader-failure' | 'network-outage';
export type ElderlyCardHandling = 'separate' | 'on-document';
export const LIMIT_CATEGORIES = [
  'ア',
  'イ',
  'ウ',
  'エ',
  'オ',
  '現役並みⅢ',
  '現役並みⅡ',
  '現役並みⅠ',
  '一般',
  '低所得Ⅱ',
  '低所得Ⅰ',
] as const;
export type LimitCategory = (typeof LIMIT_CATEGORIES)[number];

export interface Coverage {
  id: string;
  insurer: Insurer;
  insurerNumber: string | null;
  symbol: string | null;
  number: string | null;
  branch: string | null;
  acquiredOn: IsoDate;
  lostOn: IsoDate | null;
  registeredOn: IsoDate | null;
  filedOn: IsoDate | null;
  myNumberOnForm: boolean;
  ratio: 10 | 20 | 30 | null;
  elderlyCard: ElderlyCardHandling | null;
  limitCategory: LimitCategory | null;
}

export interface Myna {
  insuranceRegistered: boolean;
  registerAtDesk: boolean;
  certExpiresOn: IsoDate;
  pinLocked: boolean;
}

export const DOCUMENT_KINDS = [
  'myna-card',
  'myna-smartphone',
  'legacy-card',
  'kakunin-sho',
  'oshirase',
  'mynaportal',
  'elderly-card',
  'limit-cert',
  'declaration',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type PresentedDocument =
  | { kind: 'myna-card' }
  | { kind: 'myna-smartphone'; os: 'iphone' | 'android' | null }
  | { kind: 'legacy-card'; coverage: string; printedExpiry: IsoDate | null }
  | {
      kind: 'kakunin-sho';
      coverage: string;
      issuedOn: IsoDate;
      validFrom: IsoDate | null;
      validUntil: IsoDate;
      showsRatio: boolean;
      showsLimit: boolean;
    }
  | { kind: 'oshirase'; coverage: string }
  | { kind: 'mynaportal'; form: 'screen' | 'pdf' | 'screenshot' }
  | { kind: 'elderly-card'; ratio: 20 | 30; validUntil: IsoDate | null }
  | { kind: 'limit-cert'; category: LimitCategory; validUntil: IsoDate | null }
  | { kind: 'declaration' };

export type DocOf<K extends DocumentKind> = Extract<PresentedDocument, { kind: K }>;

export interface Scenario {
  id: string;
  title: string | null;
  story: string | null;
  visitDate: IsoDate;
  visitType: 'first' | 'return';
  needsLimit: boolean;
  limitConsent: boolean;
  clinic: { onlineCheck: boolean; phoneReader: boolean; incident: Incident };
  patient: { birthDate: IsoDate; coverages: Coverage[]; myna: Myna | null };
  presented: PresentedDocument[];
  /** only the overrides given in the scenario; the engine merges them over the clinic's policy */
  policy: Partial<Policy>;
  expected?: ExpectedDecision;
}

export interface Pack {
  format: typeof PACK_FORMAT;
  title: string;
  scenarios: Scenario[];
}

// ---------------------------------------------------------------------------------------------
// Decision

export const VERDICTS = ['insured', 'insured-interim', 'insured-declaration', 'self-pay'] as const;
export type Verdict = (typeof VERDICTS)[number];
export type CardRouteResult = 'not-run' | 'valid' | 'invalid' | 'not-found' | 'multiple' | 'failed';
export type NumberRouteResult = 'not-run' | 'valid' | 'invalid' | 'invalid-new' | 'not-found';
export type CheckFailure = 'reader-failure' | 'network-outage' | 'no-phone-reader' | 'not-registered' | 'cert-expired';
export type CopayBasis = 'online' | 'document' | 'elderly-card' | 'declared' | 'provisional' | 'self-pay';
export type NeededDocument = 'elderly-card' | 'declaration' | 'limit-cert' | 'kakunin-with-limit';
export type Billing = 'normal' | 'old-qualification' | 'recheck' | 'none';
export type RuleId = `R${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20}`;
export type Note = 'insurer-may-reclaim' | 'return-patient-discretion' | 'cert-grace' | 'holiday-data-estimate';

export interface Decision {
  id: string;
  verdict: Verdict;
  coverage: string | null;
  copayPercent: 10 | 20 | 30 | 100;
  copayBasis: CopayBasis;
  copayProvisional: boolean;
  elderlyCardNeeded: boolean;
  documentsNeeded: NeededDocument[];
  onlineCheck: { cardRoute: CardRouteResult; numberRoute: NumberRouteResult; failure: CheckFailure | null };
  billing: Billing;
  rules: RuleId[];
  notes: Note[];
  policy: Policy;
  explanation: string;
  tellPatient: string;
}

export type ExpectedDecision = Partial<Omit<Decision, 'onlineCheck' | 'policy'>> & {
  onlineCheck?: Partial<Decision['onlineCheck']>;
  policy?: Partial<Policy>;
};

// ---------------------------------------------------------------------------------------------
// Validation

export interface InputIssue {
  /** field path inside the scenario or pack, e.g. `patient.coverages[0].insurerNumber` */
  path: string;
  ja: string;
  en: string;
}
export type ValidationWarning = InputIssue;

const msg = (ja: string, en: string) => ({ ja, en });

function dateField(documentField = false) {
  return z.string().transform((s, ctx) => {
    const r = parseDate(s, { documentField });
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error.en, params: r.error });
      return z.NEVER;
    }
    return r.value;
  });
}
const date = dateField(false);
const docDate = dateField(true);
const nullableDate = z
  .union([date, z.null()])
  .optional()
  .transform((v) => v ?? null);
const nullableDocDate = z
  .union([docDate, z.null()])
  .optional()
  .transform((v) => v ?? null);
const idString = z.string().refine((v) => /^[a-z0-9-]+$/.test(v), {
  params: msg('半角英小文字・数字・ハイフンのみ使えます', 'only a-z, 0-9 and -'),
});
const optText = z
  .string()
  .optional()
  .transform((v) => v ?? null);
/** 記号・番号・枝番: free text; 12 digits are accepted with a warning (R18). */
const cardText = z
  .union([z.string().max(40), z.null()])
  .optional()
  .transform((v) => v ?? null);

const policySchema = z.strictObject({
  interimEnd: date.optional(),
  interimEmployeeFromExpiry: z.boolean().optional(),
  interimNeedsOnlineCheck: z.boolean().optional(),
  certGraceBasis: z.enum(['month-end', 'expiry-date']).optional(),
  portalScreenshot: z.enum(['reject', 'accept']).optional(),
  lagWithMyNumber: z.number().int().min(LAG_LIMITS.lagWithMyNumber.min).max(LAG_LIMITS.lagWithMyNumber.max).optional(),
  lagWithoutMyNumber: z
    .number()
    .int()
    .min(LAG_LIMITS.lagWithoutMyNumber.min)
    .max(LAG_LIMITS.lagWithoutMyNumber.max)
    .optional(),
});

const coverageSchema = z.strictObject({
  id: idString.optional(),
  insurer: z.enum(INSURERS),
  insurerNumber: z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => v ?? null),
  symbol: cardText,
  number: cardText,
  branch: cardText,
  acquiredOn: date,
  lostOn: nullableDate,
  registeredOn: nullableDate,
  filedOn: nullableDate,
  myNumberOnForm: z.boolean().optional().default(true),
  ratio: z
    .union([z.literal(10), z.literal(20), z.literal(30), z.null()])
    .optional()
    .transform((v) => v ?? null),
  elderlyCard: z
    .union([z.enum(['separate', 'on-document']), z.null()])
    .optional()
    .transform((v) => v ?? null),
  limitCategory: z
    .union([z.enum(LIMIT_CATEGORIES), z.null()])
    .optional()
    .transform((v) => v ?? null),
});

const mynaSchema = z.strictObject({
  insuranceRegistered: z.boolean(),
  registerAtDesk: z.boolean().optional().default(true),
  certExpiresOn: date,
  pinLocked: z.boolean().optional().default(false),
});

const coverageRef = z
  .union([idString, z.null()])
  .optional()
  .transform((v) => v ?? null);
const documentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('myna-card') }),
  z.strictObject({
    kind: z.literal('myna-smartphone'),
    os: z
      .union([z.enum(['iphone', 'android']), z.null()])
      .optional()
      .transform((v) => v ?? null),
  }),
  z.strictObject({ kind: z.literal('legacy-card'), coverage: coverageRef, printedExpiry: nullableDocDate }),
  z.strictObject({
    kind: z.literal('kakunin-sho'),
    coverage: coverageRef,
    issuedOn: docDate,
    validFrom: nullableDocDate,
    validUntil: docDate,
    showsRatio: z.boolean().optional().default(false),
    showsLimit: z.boolean().optional().default(false),
  }),
  z.strictObject({ kind: z.literal('oshirase'), coverage: coverageRef }),
  z.strictObject({ kind: z.literal('mynaportal'), form: z.enum(['screen', 'pdf', 'screenshot']) }),
  z.strictObject({
    kind: z.literal('elderly-card'),
    ratio: z.union([z.literal(20), z.literal(30)]),
    validUntil: nullableDocDate,
  }),
  z.strictObject({ kind: z.literal('limit-cert'), category: z.enum(LIMIT_CATEGORIES), validUntil: nullableDocDate }),
  z.strictObject({ kind: z.literal('declaration') }),
]);

const expectedSchema = z.strictObject({
  id: z.string().optional(),
  verdict: z.enum(VERDICTS).optional(),
  coverage: z.union([z.string(), z.null()]).optional(),
  copayPercent: z.union([z.literal(10), z.literal(20), z.literal(30), z.literal(100)]).optional(),
  copayBasis: z.enum(['online', 'document', 'elderly-card', 'declared', 'provisional', 'self-pay']).optional(),
  copayProvisional: z.boolean().optional(),
  elderlyCardNeeded: z.boolean().optional(),
  documentsNeeded: z.array(z.enum(['elderly-card', 'declaration', 'limit-cert', 'kakunin-with-limit'])).optional(),
  onlineCheck: z
    .strictObject({
      cardRoute: z.enum(['not-run', 'valid', 'invalid', 'not-found', 'multiple', 'failed']).optional(),
      numberRoute: z.enum(['not-run', 'valid', 'invalid', 'invalid-new', 'not-found']).optional(),
      failure: z
        .union([
          z.enum(['reader-failure', 'network-outage', 'no-phone-reader', 'not-registered', 'cert-expired']),
          z.null(),
        ])
        .optional(),
    })
    .optional(),
  billing: z.enum(['normal', 'old-qualification', 'recheck', 'none']).optional(),
  rules: z.array(z.string().regex(/^R([1-9]|1[0-9]|20)$/)).optional(),
  notes: z
    .array(z.enum(['insurer-may-reclaim', 'return-patient-discretion', 'cert-grace', 'holiday-data-estimate']))
    .optional(),
  policy: policySchema.optional(),
  explanation: z.string().optional(),
  tellPatient: z.string().optional(),
});

const scenarioShape = {
  id: idString,
  title: optText,
  story: optText,
  visitDate: date,
  visitType: z.enum(['first', 'return']).optional().default('first'),
  needsLimit: z.boolean().optional().default(false),
  limitConsent: z.boolean().optional().default(true),
  clinic: z.strictObject({
    onlineCheck: z.boolean(),
    phoneReader: z.boolean().optional().default(false),
    incident: z.enum(['none', 'reader-failure', 'network-outage']).optional().default('none'),
  }),
  patient: z.strictObject({
    birthDate: date,
    coverages: z.array(coverageSchema),
    myna: z
      .union([mynaSchema, z.null()])
      .optional()
      .transform((v) => v ?? null),
  }),
  presented: z.array(documentSchema),
  policy: policySchema.optional().default({}),
  expected: expectedSchema.optional(),
};

const scenarioInPackSchema = z.strictObject({ format: z.literal(SCENARIO_FORMAT).optional(), ...scenarioShape });
const scenarioFileSchema = z.strictObject({ format: z.literal(SCENARIO_FORMAT), ...scenarioShape });

type RawScenario = z.output<typeof scenarioInPackSchema>;

/** Joins a path the way people read it: patient.coverages[0].insurerNumber */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

export { redactMyNumber };

const redactIssue = (i: InputIssue): InputIssue => ({
  path: redactMyNumber(i.path),
  ja: redactMyNumber(i.ja),
  en: redactMyNumber(i.en),
});

function issueFromZod(issue: z.core.$ZodIssue): InputIssue {
  const path = formatPath(issue.path);
  const params = (issue as { params?: { ja?: string; en?: string } }).params;
  if (params?.ja && params.en) return { path, ja: params.ja, en: redactMyNumber(params.en) };
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        path,
        ja: `未知のフィールドです: ${issue.keys.join(', ')}`,
        en: `unknown field: ${issue.keys.join(', ')}`,
      };
    case 'invalid_type':
      if (issue.input === undefined)
        return { path, ja: '必須のフィールドがありません', en: 'required field is missing' };
      return { path, ja: `型が違います (期待: ${issue.expected})`, en: `wrong type (expected ${issue.expected})` };
    case 'invalid_value':
      return {
        path,
        ja: `使えない値です (使える値: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`,
        en: `invalid value (allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`,
      };
    case 'invalid_union': {
      const isKind = (issue as { note?: string }).note === 'No matching discriminator';
      if (isKind) {
        return {
          path: formatPath(issue.path[issue.path.length - 1] === 'kind' ? issue.path : [...issue.path, 'kind']),
          ja: `未知の書類の種類です (使える値: ${DOCUMENT_KINDS.join(', ')})`,
          en: `unknown document kind (allowed: ${DOCUMENT_KINDS.join(', ')})`,
        };
      }
      // Report the most specific failure among the alternatives.
      const first = issue.errors.flat()[0];
      if (first) return issueFromZod({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue);
      return { path, ja: '値が正しくありません', en: 'invalid value' };
    }
    case 'too_small':
    case 'too_big':
      return {
        path,
        ja: `範囲外の値です (${issue.code === 'too_small' ? '最小' : '最大'} ${String((issue as { minimum?: unknown; maximum?: unknown }).minimum ?? (issue as { maximum?: unknown }).maximum)})`,
        en: redactMyNumber(issue.message),
      };
    default:
      return { path, ja: '値が正しくありません', en: redactMyNumber(issue.message) };
  }
}

/** Cross-field checks and normalization that the shape schema cannot express. */
function normalize(raw: RawScenario, issues: InputIssue[], warnings: ValidationWarning[]): Scenario {
  const coverages: Coverage[] = raw.patient.coverages.map((c, i) => ({ ...c, id: c.id ?? `c${i + 1}` }));
  const byId = new Map<string, Coverage>();
  coverages.forEach((c, i) => {
    const at = `patient.coverages[${i}]`;
    if (byId.has(c.id))
      issues.push({
        path: `${at}.id`,
        ja: `保険の id が重複しています: ${c.id}`,
        en: `duplicate coverage id: ${c.id}`,
      });
    byId.set(c.id, c);
    if (c.insurerNumber !== null) {
      const r = checkNumber(c.insurerNumber, c.insurer === 'kokuho' ? 'insurer-kokuho' : 'insurer');
      if (!r.ok) issues.push({ path: `${at}.insurerNumber`, ja: `保険者番号: ${r.ja}`, en: `insurer number: ${r.en}` });
    }
    for (const f of ['symbol', 'number', 'branch'] as const) {
      const v = c[f];
      if (v !== null && containsMyNumberLike(v)) {
        warnings.push({
          path: `${at}.${f}`,
          ja: '12桁の数字です。個人番号(マイナンバー)ではないことを確認してください',
          en: 'a 12-digit value: make sure it is not a My Number (R18)',
        });
      }
    }
    if (c.lostOn !== null && c.lostOn <= c.acquiredOn) {
      issues.push({
        path: `${at}.lostOn`,
        ja: '資格喪失日は資格取得日より後の日付にしてください',
        en: 'lostOn must be after acquiredOn',
      });
    }
    if (c.acquiredOn < raw.patient.birthDate) {
      issues.push({
        path: `${at}.acquiredOn`,
        ja: '資格取得日が生年月日より前です',
        en: 'acquiredOn is before the birth date',
      });
    }
    if (c.ratio === 10 && c.insurer !== 'kouki') {
      issues.push({
        path: `${at}.ratio`,
        ja: '1割負担は後期高齢者医療のみです',
        en: 'a ratio of 10 exists only for kouki',
      });
    }
    if (c.insurer === 'kouki' && c.elderlyCard !== null) {
      issues.push({
        path: `${at}.elderlyCard`,
        ja: '後期高齢者医療に高齢受給者証はありません',
        en: 'kouki has no elderly card',
      });
    }
  });
  if (raw.visitDate < raw.patient.birthDate) {
    issues.push({ path: 'visitDate', ja: '受診日が生年月日より前です', en: 'visitDate is before the birth date' });
  }

  const D = raw.visitDate;
  const defaultCoverage = (legacy: boolean): Coverage | undefined => {
    const pool = legacy ? coverages.filter((c) => c.acquiredOn < REFORM) : coverages;
    const sorted = [...pool].sort((a, b) => (a.acquiredOn < b.acquiredOn ? 1 : a.acquiredOn > b.acquiredOn ? -1 : 0));
    // current on D in truth: a non-後期 coverage also ends on the 75th birthday (R12)
    const b75 = birthday(raw.patient.birthDate, 75);
    const lost = (c: Coverage) => (c.lostOn !== null && c.lostOn <= D) || (c.insurer !== 'kouki' && b75 <= D);
    return sorted.find((c) => c.acquiredOn <= D && !lost(c)) ?? sorted[0];
  };

  const presented: PresentedDocument[] = [];
  raw.presented.forEach((doc, i) => {
    const at = `presented[${i}]`;
    if (
      (doc.kind === 'myna-card' || doc.kind === 'myna-smartphone' || doc.kind === 'mynaportal') &&
      raw.patient.myna === null
    ) {
      issues.push({
        path: `${at}.kind`,
        ja: 'マイナンバーカードを持たない患者 (patient.myna が null) には出せない書類です',
        en: 'the patient has no My Number card (patient.myna is null)',
      });
    }
    if (doc.kind === 'legacy-card' || doc.kind === 'kakunin-sho' || doc.kind === 'oshirase') {
      let cov: Coverage | undefined;
      if (doc.coverage !== null) {
        cov = byId.get(doc.coverage);
        if (!cov)
          issues.push({
            path: `${at}.coverage`,
            ja: `存在しない保険を指しています: ${doc.coverage}`,
            en: `no such coverage: ${doc.coverage}`,
          });
      } else {
        cov = defaultCoverage(doc.kind === 'legacy-card');
        if (!cov) {
          issues.push({
            path: `${at}.coverage`,
            ja:
              doc.kind === 'legacy-card'
                ? '2024-12-02より前に取得した保険がないため保険証は存在しません'
                : '患者に保険がないため、この書類は存在しません',
            en:
              doc.kind === 'legacy-card'
                ? 'no coverage acquired before 2024-12-02 for a legacy card'
                : 'the patient has no coverage for this document',
          });
        }
      }
      if (!cov) return;
      if (doc.kind === 'legacy-card') {
        if (cov.acquiredOn >= REFORM) {
          issues.push({
            path: `${at}.coverage`,
            ja: '2024-12-02以降に取得した保険の保険証は発行されていません',
            en: 'no legacy card exists for a coverage acquired on or after 2024-12-02',
          });
        }
        if (cov.insurer === 'kokuho' && doc.printedExpiry === null) {
          issues.push({
            path: `${at}.printedExpiry`,
            ja: '国保の保険証には有効期限 (printedExpiry) が必要です',
            en: 'a kokuho legacy card needs printedExpiry',
          });
        }
        presented.push({ ...doc, coverage: cov.id });
      } else if (doc.kind === 'kakunin-sho') {
        if (doc.issuedOn < REFORM) {
          issues.push({
            path: `${at}.issuedOn`,
            ja: '資格確認書は2024-12-02より前には発行されていません',
            en: 'no kakunin-sho was issued before 2024-12-02',
          });
        }
        if (doc.validUntil > addMonthsClamped(doc.issuedOn, 60)) {
          issues.push({
            path: `${at}.validUntil`,
            ja: '資格確認書の有効期限は交付日から5年以内です',
            en: 'a kakunin-sho is valid for at most 5 years after issuedOn',
          });
        }
        if (doc.validFrom !== null && doc.validFrom > doc.validUntil) {
          issues.push({
            path: `${at}.validFrom`,
            ja: '有効開始日が有効期限より後です',
            en: 'validFrom is after validUntil',
          });
        }
        presented.push({ ...doc, coverage: cov.id });
      } else {
        if (cov.insurer === 'kouki' && D < KOUKI_OSHIRASE_START) {
          issues.push({
            path: `${at}.kind`,
            ja: '後期高齢者医療の資格情報のお知らせは2026-08-01から交付されます (R6)',
            en: 'a kouki oshirase exists only from 2026-08-01 (R6)',
          });
        }
        presented.push({ ...doc, coverage: cov.id });
      }
      return;
    }
    presented.push(doc as PresentedDocument);
  });

  const out: Scenario = {
    id: raw.id,
    title: raw.title,
    story: raw.story,
    visitDate: raw.visitDate,
    visitType: raw.visitType,
    needsLimit: raw.needsLimit,
    limitConsent: raw.limitConsent,
    clinic: raw.clinic,
    patient: { birthDate: raw.patient.birthDate, coverages, myna: raw.patient.myna },
    presented,
    policy: Object.fromEntries(Object.entries(raw.policy).filter(([, v]) => v !== undefined)) as Partial<Policy>,
  };
  if (raw.expected !== undefined) out.expected = raw.expected as ExpectedDecision;
  return out;
}

export type ScenarioParse =
  | { ok: true; scenario: Scenario; warnings: ValidationWarning[] }
  | { ok: false; issues: InputIssue[]; warnings: ValidationWarning[] };

/** Validates one scenario (a file needs `format`; inside a pack it is optional). */
export function parseScenario(input: unknown, opts: { inPack?: boolean } = {}): ScenarioParse {
  const schema = opts.inPack ? scenarioInPackSchema : scenarioFileSchema;
  const r = schema.safeParse(input);
  const warnings: ValidationWarning[] = [];
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => redactIssue(issueFromZod(i))), warnings };
  const issues: InputIssue[] = [];
  const scenario = normalize(r.data as RawScenario, issues, warnings);
  return issues.length ? { ok: false, issues: issues.map(redactIssue), warnings } : { ok: true, scenario, warnings };
}

export interface ScenarioIssue extends InputIssue {
  scenarioId: string | null;
}

export type DocumentParse =
  | { ok: true; kind: 'scenario' | 'pack'; title: string | null; scenarios: Scenario[]; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; warnings: ScenarioIssue[] };

/** A parsed JSON value that is either a scenario file or a pack. Lists every bad scenario. */
export function parseScenarioDocument(input: unknown): DocumentParse {
  const fmt = typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined;
  if (fmt === PACK_FORMAT) return parsePack(input);
  if (fmt === SCENARIO_FORMAT) {
    const r = parseScenario(input);
    const id = typeof (input as { id?: unknown }).id === 'string' ? redactMyNumber((input as { id: string }).id) : null;
    const tag = (i: InputIssue): ScenarioIssue => ({ ...i, scenarioId: id });
    return r.ok
      ? { ok: true, kind: 'scenario', title: r.scenario.title, scenarios: [r.scenario], warnings: r.warnings.map(tag) }
      : { ok: false, issues: r.issues.map(tag), warnings: r.warnings.map(tag) };
  }
  return {
    ok: false,
    issues: [
      {
        scenarioId: null,
        path: 'format',
        ja: `format は "${SCENARIO_FORMAT}" か "${PACK_FORMAT}" にしてください`,
        en: `format must be "${SCENARIO_FORMAT}" or "${PACK_FORMAT}"`,
      },
    ],
    warnings: [],
  };
}

const packHeadSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  title: z.string(),
  scenarios: z.array(z.unknown()),
});

export function parsePack(input: unknown): DocumentParse {
  const head = packHeadSchema.safeParse(input);
  if (!head.success) {
    return {
      ok: false,
      issues: head.error.issues.map((i) => ({ ...issueFromZod(i), scenarioId: null })),
      warnings: [],
    };
  }
  const issues: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const scenarios: Scenario[] = [];
  const seen = new Map<string, number>();
  head.data.scenarios.forEach((raw, i) => {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const scenarioId = typeof rawId === 'string' ? redactMyNumber(rawId) : null;
    const prefix = (p: string) => `scenarios[${i}]${p === '(root)' ? '' : p.startsWith('[') ? p : `.${p}`}`;
    const r = parseScenario(raw, { inPack: true });
    warnings.push(...r.warnings.map((w) => ({ ...w, path: prefix(w.path), scenarioId })));
    if (!r.ok) {
      issues.push(...r.issues.map((x) => ({ ...x, path: prefix(x.path), scenarioId })));
      return;
    }
    const prev = seen.get(r.scenario.id);
    if (prev !== undefined) {
      issues.push({
        scenarioId,
        path: prefix('id'),
        ja: `シナリオ id が重複しています (scenarios[${prev}] と同じ)`,
        en: `duplicate scenario id (same as scenarios[${prev}])`,
      });
      return;
    }
    seen.set(r.scenario.id, i);
    scenarios.push(r.scenario);
  });
  return issues.length
    ? { ok: false, issues, warnings }
    : { ok: true, kind: 'pack', title: head.data.title, scenarios, warnings };
}

/** One line per issue: file, scenario, field, Japanese and English (never a 12-digit number). */
export function formatIssue(file: string | null, issue: ScenarioIssue): string {
  const where = [
    file ?? '(input)',
    issue.scenarioId !== null ? `シナリオ/scenario "${issue.scenarioId}"` : null,
    issue.path,
  ]
    .filter((x) => x !== null)
    .join(': ');
  return redactMyNumber(`${where}: ${issue.ja} / ${issue.en}`);
}
