// A registry patient as the contract receives it (registry.save), parsed ONCE, here, where the
// call enters the backend (R18 is checked before, for every call, by ./index.ts parseRequest):
// the shape and the dates (和暦 allowed), the name and reading normalised, and the checks across
// fields that the scenario format has too — check digits, dates in order, what is printed on each
// document against its coverage — through the scenario format's own functions
// (shared/scenario/normalize.ts: one place per rule), on the typed values (nothing is parsed
// twice). The registry stores what it receives.
import * as z from 'zod';
import type { IsoDate } from '../dates';
import { dateInput } from '../date-schema';
import { printedShapes } from '../document-schema';
import {
  COVERAGE_RATIOS,
  COVERAGE_ROLES,
  ELDERLY_CARD_HANDLINGS,
  INSURERS,
  LIMIT_CATEGORIES,
  PHONE_OS,
  type Sex,
  SEXES,
} from '../enums';
import type { Holding } from '../holdings';
import { type InputIssue, pathSegments } from '../issues';
import { isKatakanaReading, normalizeKanaReading } from '../kana';
import { checkCoverageDocument, checkCoverages, checkProgrammes, checkWelfare } from '../scenario/normalize';
import { programmeSchema, welfareSchema } from '../scenario/schema';
import type { Coverage, Myna } from '../scenario';
import type { ScenarioProgramme, Welfare } from '../scenario/types';
import type { Patient } from './index';

const date = dateInput();
const coverageId = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(20);

const coverageInput = z.strictObject({
  /** default c1, c2, … by position */
  id: coverageId.optional(),
  insurer: z.enum(INSURERS),
  insurerNumber: z.string().max(8).nullable().optional(),
  /** 保険者名称 as printed; null → the insurer type's name; left out on an edit: kept */
  insurerName: z.string().max(60).nullable().optional(),
  /** 1 本人, 2 家族; left out on an edit: kept */
  personalFamily: z.union([z.literal(1), z.literal(2)]).optional(),
  symbol: z.string().max(40).nullable().optional(),
  number: z.string().max(40).nullable().optional(),
  branch: z.string().max(10).nullable().optional(),
  acquiredOn: date,
  lostOn: date.nullable().optional(),
  registeredOn: date.nullable().optional(),
  filedOn: date.nullable().optional(),
  myNumberOnForm: z.boolean().optional(),
  ratio: z.literal(COVERAGE_RATIOS).nullable().optional(),
  elderlyCard: z.enum(ELDERLY_CARD_HANDLINGS).nullable().optional(),
  limitCategory: z.enum(LIMIT_CATEGORIES).nullable().optional(),
  // rule book version 2; left out on an edit: kept
  /** when the online system learned of lostOn (null: on lostOn) */
  lossRegisteredOn: date.nullable().optional(),
  /** the insurer has a 限度額区分 on file */
  limitOnFile: z.boolean().optional(),
  /** 本人 or 被扶養者 (R26) */
  role: z.enum(COVERAGE_ROLES).optional(),
  /** a dependent's insured person's birth date */
  holderBirthDate: date.nullable().optional(),
  /** a dependent's lostOn is the insured person's 退職・死亡 */
  lostWithHolder: z.boolean().optional(),
});

/** The version-2 fields of a coverage that an edit leaving them out keeps. */
export const KEPT_COVERAGE_FIELDS = [
  'lossRegisteredOn',
  'limitOnFile',
  'role',
  'holderBirthDate',
  'lostWithHolder',
] as const;
type KeptCoverageField = (typeof KEPT_COVERAGE_FIELDS)[number];

/**
 * What the patient carries: the scenario format's printed documents, and the smartphone's model. A
 * 受給者証・医療証 names its programme; a 医療券 without a month is the one of each visit's month.
 */
const printed = printedShapes(coverageId, coverageId, (month) => month.nullable().optional().default(null));
const holdingInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('legacy-card'), ...printed['legacy-card'] }),
  z.strictObject({ kind: z.literal('kakunin-sho'), ...printed['kakunin-sho'] }),
  z.strictObject({ kind: z.literal('oshirase'), ...printed.oshirase }),
  z.strictObject({ kind: z.literal('smartphone'), os: z.enum(PHONE_OS) }),
  z.strictObject({ kind: z.literal('elderly-card'), ...printed['elderly-card'] }),
  z.strictObject({ kind: z.literal('limit-cert'), ...printed['limit-cert'] }),
  z.strictObject({ kind: z.literal('kohi-cert'), ...printed['kohi-cert'] }),
  z.strictObject({ kind: z.literal('medical-ticket'), ...printed['medical-ticket'] }),
  z.strictObject({ kind: z.literal('rousai-form'), ...printed['rousai-form'] }),
]);

/** 診察券番号: the clinic's own patient number (1–10 digits; never 12, so never a My Number). */
const clinicNo = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .refine((s) => /^\d{1,10}$/.test(s), {
    message: 'a clinic patient number has 1 to 10 digits',
    params: { ja: '診察券番号は1〜10桁の数字にしてください', en: 'a clinic patient number has 1 to 10 digits' },
  });

const patientShape = z.strictObject({
  /** editing: the patient's id; creating: left out */
  id: z.string().min(1).max(64).optional(),
  /** 診察券番号 (left out: a new patient gets the next free number, an edited one keeps theirs) */
  clinicNo: clinicNo.optional(),
  name: z.string().max(40).pipe(z.string().trim().min(1)),
  kana: z.string().max(60).pipe(z.string().trim().min(1)),
  birthDate: date,
  sex: z.enum(SEXES),
  note: z.string().max(200).nullable().optional(),
  coverages: z.array(coverageInput).max(20).optional(),
  /** left out or null: no マイナンバーカード */
  myna: z
    .strictObject({
      insuranceRegistered: z.boolean(),
      registerAtDesk: z.boolean().optional(),
      certExpiresOn: date,
      pinLocked: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  /** public programmes (R21, R22); left out on an edit: kept */
  kohi: z.array(programmeSchema).max(10).optional(),
  /** 生活保護 (R24), null: not on it; left out on an edit: kept */
  welfare: welfareSchema.nullable().optional(),
  /** left out on an edit: the current ones are kept (those whose coverage, programme and card remain) */
  holdings: z.array(holdingInput).max(20).optional(),
});

/**
 * A coverage as received: the registry's extras and the version-2 fields stay undefined when left
 * out (an edit keeps them; a new coverage gets the scenario format's defaults).
 */
interface ParsedCoverage extends Omit<Coverage, KeptCoverageField>, Partial<Pick<Coverage, KeptCoverageField>> {
  insurerName?: string | null;
  personalFamily?: 1 | 2;
}

/** A patient as the registry receives it: checked, normalised, dates ISO. */
export interface ParsedPatient {
  id?: string;
  /** undefined: not given (a new patient gets the next free number, an edited one keeps theirs) */
  clinicNo?: string;
  name: string;
  kana: string;
  birthDate: IsoDate;
  sex: Sex;
  note: string;
  coverages: ParsedCoverage[];
  myna: Myna | null;
  /** undefined: not given (an edit keeps the current ones) */
  kohi?: ScenarioProgramme[];
  /** undefined: not given (an edit keeps the current one) */
  welfare?: Welfare | null;
  /** undefined: not given (an edit keeps the current ones) */
  holdings?: Holding[];
}

function normalizePatient(p: z.output<typeof patientShape>, ctx: z.RefinementCtx): ParsedPatient {
  const issues: InputIssue[] = [];
  const kana = normalizeKanaReading(p.kana);
  if (!isKatakanaReading(kana) || kana.length > 60) {
    issues.push({
      path: 'kana',
      ja: 'フリガナはカタカナ (またはひらがな) で60文字以内で入力してください',
      en: 'the reading must be kana, at most 60 characters',
    });
  }
  const coverages: ParsedCoverage[] = (p.coverages ?? []).map((c, i) => ({
    id: c.id ?? `c${i + 1}`,
    insurer: c.insurer,
    insurerNumber: c.insurerNumber ?? null,
    symbol: c.symbol ?? null,
    number: c.number ?? null,
    branch: c.branch ?? null,
    acquiredOn: c.acquiredOn,
    lostOn: c.lostOn ?? null,
    registeredOn: c.registeredOn ?? null,
    filedOn: c.filedOn ?? null,
    myNumberOnForm: c.myNumberOnForm ?? true,
    ratio: c.ratio ?? null,
    elderlyCard: c.elderlyCard ?? null,
    limitCategory: c.limitCategory ?? null,
    ...Object.fromEntries(KEPT_COVERAGE_FIELDS.flatMap((k) => (c[k] !== undefined ? [[k, c[k]]] : []))),
    ...(c.insurerName !== undefined ? { insurerName: c.insurerName } : {}),
    ...(c.personalFamily !== undefined ? { personalFamily: c.personalFamily } : {}),
  }));
  const myna: Myna | null = p.myna
    ? {
        insuranceRegistered: p.myna.insuranceRegistered,
        registerAtDesk: p.myna.registerAtDesk ?? true,
        certExpiresOn: p.myna.certExpiresOn,
        pinLocked: p.myna.pinLocked ?? false,
      }
    : null;
  const kohi = p.kohi === undefined ? undefined : checkProgrammes(p.kohi, 'kohi', issues);
  const welfare = p.welfare === undefined ? undefined : p.welfare;
  // the checks across fields: on what was given (an edit that leaves something out is checked
  // again on the whole record, by checkPatientRecord, when the registry has merged it)
  checkPatientRecord(
    {
      birthDate: p.birthDate,
      coverages: coverages.map(withCoverageDefaults),
      kohi,
      welfare,
      myna,
      holdings: p.holdings,
    },
    issues,
  );
  for (const i of issues)
    ctx.addIssue({ code: 'custom', path: pathSegments(i.path), message: i.en, params: { ja: i.ja, en: i.en } });
  return {
    ...(p.id !== undefined ? { id: p.id } : {}),
    ...(p.clinicNo !== undefined ? { clinicNo: p.clinicNo } : {}),
    name: p.name.normalize('NFC').replace(/\s+/gu, ' '),
    kana,
    birthDate: p.birthDate,
    sex: p.sex,
    note: (p.note ?? '').trim(),
    coverages,
    myna,
    ...(kohi !== undefined ? { kohi } : {}),
    ...(welfare !== undefined ? { welfare } : {}),
    ...(p.holdings !== undefined ? { holdings: p.holdings } : {}),
  };
}

/** A coverage with the scenario format's defaults for the version-2 fields left out. */
export function withCoverageDefaults<C extends ParsedCoverage>(c: C): C & Coverage {
  return {
    ...c,
    lossRegisteredOn: c.lossRegisteredOn ?? null,
    limitOnFile: c.limitOnFile ?? true,
    role: c.role ?? 'insured',
    holderBirthDate: c.holderBirthDate ?? null,
    lostWithHolder: c.lostWithHolder ?? false,
  };
}

/**
 * The checks across a patient's fields, through the scenario format's own functions
 * (shared/scenario/normalize.ts): coverages, 生活保護 against 国保・後期, each document against its
 * coverage or programme. `kohi`, `welfare`, `holdings` undefined: not known here (not checked).
 * Problems are pushed to `issues` with the registry's paths.
 */
export function checkPatientRecord(
  r: {
    birthDate: IsoDate;
    coverages: Coverage[];
    kohi: readonly ScenarioProgramme[] | undefined;
    welfare: Welfare | null | undefined;
    myna: Myna | null;
    holdings: readonly Holding[] | undefined;
  },
  issues: InputIssue[],
): void {
  // 記号・番号 of 12 digits never get this far (R18 in parseRequest): no warnings to pass on
  const byId = checkCoverages(r.coverages, r.birthDate, 'coverages', issues, []);
  if (r.welfare) checkWelfare(r.welfare, [...byId.values()], r.birthDate, '', issues, r.welfare);
  r.holdings?.forEach((h, i) => {
    const at = `holdings[${i}]`;
    if (h.kind === 'smartphone' && r.myna === null) {
      issues.push({
        path: `${at}.kind`,
        ja: 'スマホのマイナ保険証にはマイナンバーカードが必要です',
        en: 'a smartphone My Number insurance card needs the card itself (myna)',
      });
    }
    if (h.kind === 'legacy-card' || h.kind === 'kakunin-sho' || h.kind === 'oshirase') {
      const cov = byId.get(h.coverage);
      if (cov) checkCoverageDocument(h, cov, at, issues);
      else
        issues.push({
          path: `${at}.coverage`,
          ja: `存在しない保険を指しています: ${h.coverage}`,
          en: `no such coverage: ${h.coverage}`,
        });
    }
    if (h.kind === 'kohi-cert' && r.kohi !== undefined && !r.kohi.some((k) => k.id === h.kohi))
      issues.push({
        path: `${at}.kohi`,
        ja: `登録のない公費の受給者証・医療証です: ${h.kohi}`,
        en: `no such programme: ${h.kohi}`,
      });
  });
}

/** registry.save's request: typed for the caller as the shape it sends. */
export const patientInput = patientShape.transform(normalizePatient) as unknown as z.ZodType<
  ParsedPatient,
  z.input<typeof patientShape>
>;
export type PatientInput = z.input<typeof patientShape>;

/** A parsed patient as a record that is not stored (a walk-in at the desk, tests, the bench). */
export function unsavedPatient(p: ParsedPatient, id: string, demoKey: string | null = null): Patient {
  return {
    id,
    clinicNo: p.clinicNo ?? '',
    name: p.name,
    kana: p.kana,
    birthDate: p.birthDate,
    sex: p.sex,
    note: p.note,
    coverages: p.coverages.map((c) => ({
      ...withCoverageDefaults(c),
      insurerName: c.insurerName ?? null,
      personalFamily: c.personalFamily ?? 1,
    })),
    myna: p.myna,
    kohi: p.kohi ?? [],
    welfare: p.welfare ?? null,
    holdings: p.holdings ?? [],
    demoKey,
    createdAt: '',
    updatedAt: '',
  };
}
