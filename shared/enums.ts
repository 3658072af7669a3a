// Every enumeration of the formats (SCENARIO.md, RULES.md), once: one `as const` array each, in
// its canonical order. Types, zod schemas, order arrays and label tables (shared/labels.ts) are
// derived from these arrays; nothing else spells the values out as a list.

/** 判定 (RULES.md "Decision"). */
export const VERDICTS = [
  'insured',
  'insured-interim',
  'insured-declaration',
  'self-pay',
  'public-assistance',
  'workers-comp',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * What a patient can hand over (RULES.md "Documents and what each proves"), in the canonical order
 * in which the engine reads them — the order of the desk's keys.
 */
export const DOCUMENT_KINDS = [
  'myna-card',
  'myna-smartphone',
  'kakunin-sho',
  'legacy-card',
  'oshirase',
  'mynaportal',
  'elderly-card',
  'limit-cert',
  'declaration',
  'kohi-cert',
  'medical-ticket',
  'rousai-form',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The documents that name a coverage (資格確認書, 保険証, お知らせ), in the number route's report order. */
export const COVERAGE_DOC_KINDS = ['kakunin-sho', 'legacy-card', 'oshirase'] as const satisfies readonly DocumentKind[];
export type CoverageDocKind = (typeof COVERAGE_DOC_KINDS)[number];

/** まだ必要な書類 (`documentsNeeded`), in the order a decision lists them. */
export const NEEDED_DOCUMENTS = [
  'elderly-card',
  'declaration',
  'limit-cert',
  'kakunin-with-limit',
  'kohi-cert',
  'medical-ticket',
  'rousai-form',
] as const;
export type NeededDocument = (typeof NEEDED_DOCUMENTS)[number];

/** 請求. */
export const BILLINGS = [
  'normal',
  'old-qualification',
  'recheck',
  'none',
  'public-assistance',
  'workers-comp',
] as const;
export type Billing = (typeof BILLINGS)[number];

/** 負担割合の根拠. */
export const COPAY_BASES = [
  'online',
  'document',
  'elderly-card',
  'declared',
  'provisional',
  'self-pay',
  'public-assistance',
  'workers-comp',
] as const;
export type CopayBasis = (typeof COPAY_BASES)[number];

/** 負担割合 in percent (100 = 自費 10割; 0 = 医療扶助 or 労災, R24, R25). */
export const COPAY_PERCENTS = [0, 10, 20, 30, 100] as const;
export type CopayPercent = (typeof COPAY_PERCENTS)[number];

/** A coverage's ratio (R15): 後期 10/20/30, 70–74 20/30. */
export const COVERAGE_RATIOS = [10, 20, 30] as const;
export type CoverageRatio = (typeof COVERAGE_RATIOS)[number];

/** The ratio printed on a 高齢受給者証. */
export const ELDERLY_RATIOS = [20, 30] as const;
export type ElderlyRatio = (typeof ELDERLY_RATIOS)[number];

/** The card route's answer (照会区分 1; QualificationValidity plus not-run / failed). */
export const CARD_ROUTE_RESULTS = ['not-run', 'valid', 'invalid', 'not-found', 'multiple', 'failed'] as const;
export type CardRouteResult = (typeof CARD_ROUTE_RESULTS)[number];

/** A number query's answer (照会区分 2). */
export const NUMBER_ROUTE_RESULTS = ['not-run', 'valid', 'invalid', 'invalid-new', 'not-found'] as const;
export type NumberRouteResult = (typeof NUMBER_ROUTE_RESULTS)[number];

/** The 医療扶助 online check's answer (R24): valid (医療券 registered), not-found (未登録), failed. */
export const WELFARE_ROUTE_RESULTS = ['not-run', 'valid', 'not-found', 'failed'] as const;
export type WelfareRouteResult = (typeof WELFARE_ROUTE_RESULTS)[number];

/** Why the card route failed. */
export const CHECK_FAILURES = [
  'reader-failure',
  'network-outage',
  'no-phone-reader',
  'not-registered',
  'cert-expired',
] as const;
export type CheckFailure = (typeof CHECK_FAILURES)[number];

/** 注記 (RULES.md "What rules and notes list"), in the order a decision lists them. */
export const NOTES = [
  'insurer-may-reclaim',
  'return-patient-discretion',
  'cert-grace',
  'holiday-data-estimate',
  'claim-may-be-returned',
  'workers-comp-refund',
  'third-party-notice',
  'call-welfare-office',
  'kohi-refund',
] as const;
export type Note = (typeof NOTES)[number];

/** The rule ids of RULES.md, in order (shared/rules.ts holds each rule's text and source). */
export const RULE_IDS = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
  'R15',
  'R16',
  'R17',
  'R18',
  'R19',
  'R20',
  'R21',
  'R22',
  'R23',
  'R24',
  'R25',
  'R26',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** 「お仕事中・通勤中のけがですか」 (R25): an illness, a work or commuting injury, a traffic accident. */
export const CAUSES = ['illness', 'work', 'commute', 'traffic'] as const;
export type Cause = (typeof CAUSES)[number];

/** 本人 (被保険者) or 家族 (被扶養者, employee insurance only; R26). */
export const COVERAGE_ROLES = ['insured', 'dependent'] as const;
export type CoverageRole = (typeof COVERAGE_ROLES)[number];

/** 公費負担医療 of the state (R21), each with its 法別 number (shared/kohi.ts). */
const NATIONAL_PROGRAMS = ['nanbyo', 'shoman', 'seishin', 'kousei', 'ikusei'] as const;
export type NationalProgram = (typeof NATIONAL_PROGRAMS)[number];

/** 医療証 of the municipalities (地方単独, R22). */
const LOCAL_PROGRAMS = ['child', 'single-parent', 'disability'] as const;

/** Every public programme a patient can be enrolled in (`patient.kohi`). */
export const KOHI_PROGRAMS = [...NATIONAL_PROGRAMS, ...LOCAL_PROGRAMS] as const;
export type KohiProgram = (typeof KOHI_PROGRAMS)[number];

/** A national programme (R21), not a municipality's 医療証 (R22). */
export function isNationalProgram(p: KohiProgram): p is NationalProgram {
  return (NATIONAL_PROGRAMS as readonly string[]).includes(p);
}

/** What `publicExpense` reports: the programmes, and 医療扶助 as `welfare` (R24). */
export const PUBLIC_EXPENSE_PROGRAMS = [...KOHI_PROGRAMS, 'welfare'] as const;
export type PublicExpenseProgram = (typeof PUBLIC_EXPENSE_PROGRAMS)[number];

/** How a public share was confirmed: the paper, PMH (R23), the 医療扶助 online check, or pending a call (R24). */
export const PUBLIC_EXPENSE_BASES = ['document', 'pmh', 'online', 'pending'] as const;
export type PublicExpenseBasis = (typeof PUBLIC_EXPENSE_BASES)[number];

/** Why a programme was not applied, in the order RULES.md reports the first that holds. */
export const PUBLIC_EXPENSE_REASONS = [
  'not-valid',
  'not-designated',
  'other-prefecture',
  'not-presented',
  'not-insured',
] as const;
export type PublicExpenseReason = (typeof PUBLIC_EXPENSE_REASONS)[number];

/** JIS X 0401 prefecture codes (shared/labels.ts has their names). */
export const PREFECTURE_CODES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '40',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '47',
] as const;
export type PrefectureCode = (typeof PREFECTURE_CODES)[number];

/** 本日の障害 at the clinic. */
export const INCIDENTS = ['none', 'reader-failure', 'network-outage'] as const;
export type Incident = (typeof INCIDENTS)[number];

/** 保険者の種別. */
export const INSURERS = ['kyokai', 'kumiai', 'kyosai', 'senin', 'kokuho', 'kouki'] as const;
export type Insurer = (typeof INSURERS)[number];

/** 限度額区分: ア〜オ (under 70), then the brackets of 70 and over. */
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

/** 初診 / 再診 (the clinic holds records). */
export const VISIT_TYPES = ['first', 'return'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

/** How the マイナポータル 資格情報画面 is shown. */
export const PORTAL_FORMS = ['screen', 'pdf', 'screenshot'] as const;
export type PortalForm = (typeof PORTAL_FORMS)[number];

/** The smartphone of a スマホのマイナ保険証. */
export const PHONE_OS = ['iphone', 'android'] as const;
export type PhoneOs = (typeof PHONE_OS)[number];

/** Where the 70–74 ratio is printed (R7): a separate 高齢受給者証, or the insurer's own documents. */
export const ELDERLY_CARD_HANDLINGS = ['separate', 'on-document'] as const;
export type ElderlyCardHandling = (typeof ELDERLY_CARD_HANDLINGS)[number];

/** What is put on the reader for the card route: the physical card wins over the smartphone. */
export const DEVICES = ['card', 'smartphone'] as const;
export type Device = (typeof DEVICES)[number];

/** 性別 of a registry patient. */
export const SEXES = ['male', 'female', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

/** RULES.md section P: the policy settings (shared/timeline.ts has their types and defaults). */
export const POLICY_KEYS = [
  'interimEnd',
  'interimEmployeeFromExpiry',
  'interimNeedsOnlineCheck',
  'certGraceBasis',
  'portalScreenshot',
  'lagWithMyNumber',
  'lagWithoutMyNumber',
  'rousaiWithoutForm',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** `certGraceBasis`: the e-certificate grace counts from the end of the expiry month or from the day. */
export const CERT_GRACE_BASES = ['month-end', 'expiry-date'] as const;
export type CertGraceBasis = (typeof CERT_GRACE_BASES)[number];

/** `portalScreenshot`: whether a screenshot or printout of マイナポータル counts. */
export const PORTAL_SCREENSHOT_OPTIONS = ['reject', 'accept'] as const;
export type PortalScreenshotOption = (typeof PORTAL_SCREENSHOT_OPTIONS)[number];

/** `rousaiWithoutForm`: a 労災 patient without the form pays a 10割 deposit, or nothing yet (R25). */
export const ROUSAI_WITHOUT_FORM_OPTIONS = ['deposit', 'no-charge'] as const;
export type RousaiWithoutFormOption = (typeof ROUSAI_WITHOUT_FORM_OPTIONS)[number];

/** What made a backup of the database: the daily one, the one before an upgrade, 「バックアップを作成」. */
export const BACKUP_KINDS = ['daily', 'pre-migration', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A value's position in its enumeration: for sorting in the canonical order. */
export function orderOf<T extends string>(values: readonly T[]): Readonly<Record<T, number>> {
  return Object.freeze(Object.fromEntries(values.map((v, i) => [v, i]))) as Record<T, number>;
}
