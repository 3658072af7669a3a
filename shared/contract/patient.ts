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
import { checkCoverageDocument, checkCoverages } from '../scenario/normalize';
import type { Coverage, Myna } from '../scenario';
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
});

/** What the patient carries: the scenario format's printed documents, and the smartphone's model
 * (the registry holds no 受給者証・医療証 or 医療券 yet: never). */
const printed = printedShapes(coverageId, z.never(), () => z.never());
const holdingInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('legacy-card'), ...printed['legacy-card'] }),
  z.strictObject({ kind: z.literal('kakunin-sho'), ...printed['kakunin-sho'] }),
  z.strictObject({ kind: z.literal('oshirase'), ...printed.oshirase }),
  z.strictObject({ kind: z.literal('smartphone'), os: z.enum(PHONE_OS) }),
  z.strictObject({ kind: z.literal('elderly-card'), ...printed['elderly-card'] }),
  z.strictObject({ kind: z.literal('limit-cert'), ...printed['limit-cert'] }),
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
  /** left out on an edit: the current ones are kept (those whose coverage and card remain) */
  holdings: z.array(holdingInput).max(20).optional(),
});

/** A coverage as received: the registry's extras stay undefined when left out (an edit keeps them). */
interface ParsedCoverage extends Coverage {
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
    // version-2 fields the registry does not hold yet (issue 9 item 6): their defaults
    lossRegisteredOn: null,
    limitOnFile: true,
    role: 'insured',
    holderBirthDate: null,
    lostWithHolder: false,
    myNumberOnForm: c.myNumberOnForm ?? true,
    ratio: c.ratio ?? null,
    elderlyCard: c.elderlyCard ?? null,
    limitCategory: c.limitCategory ?? null,
    ...(c.insurerName !== undefined ? { insurerName: c.insurerName } : {}),
    ...(c.personalFamily !== undefined ? { personalFamily: c.personalFamily } : {}),
  }));
  // 記号・番号 of 12 digits never get this far (R18 in parseRequest): no warnings to pass on
  const byId = checkCoverages(coverages, p.birthDate, 'coverages', issues, []);
  const myna: Myna | null = p.myna
    ? {
        insuranceRegistered: p.myna.insuranceRegistered,
        registerAtDesk: p.myna.registerAtDesk ?? true,
        certExpiresOn: p.myna.certExpiresOn,
        pinLocked: p.myna.pinLocked ?? false,
      }
    : null;
  p.holdings?.forEach((h, i) => {
    const at = `holdings[${i}]`;
    if (h.kind === 'smartphone' && myna === null) {
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
  });
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
    ...(p.holdings !== undefined ? { holdings: p.holdings } : {}),
  };
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
      ...c,
      insurerName: c.insurerName ?? null,
      personalFamily: c.personalFamily ?? 1,
    })),
    myna: p.myna,
    holdings: p.holdings ?? [],
    demoKey,
    createdAt: '',
    updatedAt: '',
  };
}
