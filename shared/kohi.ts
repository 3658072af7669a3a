// Public programmes (公費, RULES.md R21–R22) as data: each national programme's 法別 number and
// share, what tells national from local, and the one validation of a programme's fields shared by
// the scenario format (patient.kohi) and the observation format (programmes).
import { z } from 'zod';
import type { IsoDate } from './dates';
import { dateInput } from './date-schema';
import { nullable } from './document-schema';
import {
  isNationalProgram,
  KOHI_PROGRAMS,
  type KohiProgram,
  type NationalProgram,
  PREFECTURE_CODES,
  type PrefectureCode,
} from './enums';
import { checkNumber } from './identifiers';
import type { InputIssue } from './issues';

/** 法別番号: the first two digits of a national programme's 公費負担者番号 (R21). */
export const HOUBETSU: Readonly<Record<NationalProgram, string>> = {
  nanbyo: '54',
  shoman: '52',
  seishin: '21',
  kousei: '15',
  ikusei: '16',
};

/** A national programme's share of the costs the patient pays (R21), in percent. */
export const NATIONAL_SHARE: Readonly<Record<NationalProgram, 10 | 20>> = {
  nanbyo: 20,
  shoman: 20,
  seishin: 10,
  kousei: 10,
  ikusei: 10,
};

/** The first digit of a local programme's 公費負担者番号 (R22). */
const LOCAL_PAYER_FIRST_DIGITS = ['8', '9'];

/** (defined with the enumeration, which the renderer's first load reads without zod) */
export { isNationalProgram };

/** A 医療証's share (R22): nothing, a percentage, or a fixed amount per visit. */
type LocalShare = 'none' | { percent: number } | { perVisitYen: number };

/** One programme the patient is enrolled in, with what its certificate prints (SCENARIO.md `patient.kohi`). */
export interface Programme {
  id: string;
  program: KohiProgram;
  /** 公費負担者番号 (8 digits, R19); null: not known to the desk */
  payerNumber: string | null;
  /** 受給者番号 (7 digits, R19) */
  recipientNumber: string | null;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  /** local: the issuing prefecture (JIS code) */
  prefecture: PrefectureCode | null;
  /** local: the share; null for national programmes (their share is NATIONAL_SHARE) */
  share: LocalShare | null;
  /** national: 自己負担上限額 (月額); null = none */
  monthlyCapYen: number | null;
  /** national: already paid this month (上限額管理票); null for local programmes */
  paidThisMonthYen: number | null;
  /** national: this clinic is the 指定医療機関 on the certificate; null for local programmes */
  designatedHere: boolean | null;
}

const yen = z.number().int().min(0).max(10_000_000);
const shareSchema = z.union([
  z.literal('none'),
  z.strictObject({ percent: z.number().int().min(0).max(100) }),
  z.strictObject({ perVisitYen: yen }),
]);

/**
 * The fields of a programme as people write them (its `id` aside); `required` dates and payer
 * number for the scenario format (the truth), optional for an observation (what a desk may not know).
 */
export function programmeShape(opts: { required: boolean }) {
  const date = dateInput({ documentField: true });
  const maybe = <T extends z.ZodType>(t: T) => (opts.required ? t : nullable(t));
  return {
    program: z.enum(KOHI_PROGRAMS),
    payerNumber: opts.required ? z.string().max(40) : nullable(z.string().max(40)),
    recipientNumber: z.string().max(40).nullable().optional(),
    validFrom: maybe(date),
    validUntil: maybe(date),
    prefecture: z.enum(PREFECTURE_CODES).nullable().optional(),
    share: shareSchema.nullable().optional(),
    monthlyCapYen: yen.nullable().optional(),
    paidThisMonthYen: yen.nullable().optional(),
    designatedHere: z.boolean().nullable().optional(),
  };
}

/** A programme as the shape schema returns it (the fields of `programmeShape`, before defaults). */
export interface RawProgramme {
  id?: string;
  program: KohiProgram;
  payerNumber: string | null;
  recipientNumber?: string | null;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  prefecture?: PrefectureCode | null;
  share?: LocalShare | null;
  monthlyCapYen?: number | null;
  paidThisMonthYen?: number | null;
  designatedHere?: boolean | null;
}

/**
 * The checks that need several fields of a programme (SCENARIO.md "Programmes"), and its defaults.
 * `at` is the programme's path; with `strict` (the scenario format) the fields a certificate always
 * prints are required.
 */
export function checkProgramme(
  raw: RawProgramme,
  id: string,
  at: string,
  issues: InputIssue[],
  opts: { strict: boolean },
): Programme {
  const add = (field: string, ja: string, en: string) => issues.push({ path: `${at}.${field}`, ja, en });
  const national = isNationalProgram(raw.program);
  const notFor = (field: keyof RawProgramme, ja: string, en: string) => {
    if (raw[field] !== undefined && raw[field] !== null) add(field, ja, en);
  };
  if (raw.payerNumber !== null) {
    const r = checkNumber(raw.payerNumber, 'kohi-futansha');
    if (!r.ok) add('payerNumber', `公費負担者番号: ${r.ja}`, `payer number: ${r.en}`);
    else if (national && !raw.payerNumber.startsWith(HOUBETSU[raw.program as NationalProgram]))
      add(
        'payerNumber',
        `公費負担者番号は法別番号 ${HOUBETSU[raw.program as NationalProgram]} で始まります`,
        `a ${raw.program} payer number starts with its 法別 number ${HOUBETSU[raw.program as NationalProgram]}`,
      );
    else if (!national && !LOCAL_PAYER_FIRST_DIGITS.includes(raw.payerNumber[0]!))
      add(
        'payerNumber',
        '医療証 (地方単独) の公費負担者番号は 8 か 9 で始まります',
        'a local programme’s payer number starts with 8 or 9',
      );
  }
  if (raw.recipientNumber !== undefined && raw.recipientNumber !== null) {
    const r = checkNumber(raw.recipientNumber, 'kohi-jukyusha');
    if (!r.ok) add('recipientNumber', `受給者番号: ${r.ja}`, `recipient number: ${r.en}`);
  }
  if (raw.validFrom !== null && raw.validUntil !== null && raw.validFrom > raw.validUntil)
    add('validFrom', '有効期間の開始日が終了日より後です', 'validFrom is after validUntil');
  if (national) {
    if (opts.strict && (raw.recipientNumber === undefined || raw.recipientNumber === null))
      add('recipientNumber', '国の公費には受給者番号が必要です', 'a national programme needs recipientNumber');
    notFor(
      'share',
      '国の公費の負担割合は制度で決まります (負担は指定できません)',
      'share is for local programmes only',
    );
    notFor('prefecture', '都道府県は医療証 (地方単独) だけに指定します', 'prefecture is for local programmes only');
  } else {
    if (raw.share === undefined || raw.share === null)
      add('share', '医療証には負担 (なし・割合・1回の定額) が必要です', 'a local programme needs share');
    if (raw.prefecture === undefined || raw.prefecture === null)
      add('prefecture', '医療証には交付した都道府県が必要です', 'a local programme needs prefecture');
    const en = 'is for national programmes only';
    notFor('monthlyCapYen', '月額上限は国の公費だけに指定します', `monthlyCapYen ${en}`);
    notFor('paidThisMonthYen', '今月の支払済額は国の公費だけに指定します', `paidThisMonthYen ${en}`);
    notFor('designatedHere', '指定医療機関は国の公費だけに指定します', `designatedHere ${en}`);
  }
  return {
    id,
    program: raw.program,
    payerNumber: raw.payerNumber,
    recipientNumber: raw.recipientNumber ?? null,
    validFrom: raw.validFrom,
    validUntil: raw.validUntil,
    prefecture: national ? null : (raw.prefecture ?? null),
    share: national ? null : (raw.share ?? 'none'),
    monthlyCapYen: national ? (raw.monthlyCapYen ?? null) : null,
    paidThisMonthYen: national ? (raw.paidThisMonthYen ?? 0) : null,
    designatedHere: national ? (raw.designatedHere ?? true) : null,
  };
}

/** The programme's validity covers D (an unknown bound does not limit it). */
export function programmeValidOn(p: { validFrom: IsoDate | null; validUntil: IsoDate | null }, D: IsoDate): boolean {
  return (p.validFrom === null || p.validFrom <= D) && (p.validUntil === null || D <= p.validUntil);
}
