// The registry of fictional patients: a person, their coverages (the truth the insurers know, as
// in the scenario format, plus what the documents print), their マイナンバーカード, and the
// documents they carry ("holdings") with the details printed on them.
import type { IsoDate } from '../../../shared/dates';
import type { Sex } from '../../../shared/enums';
import type { Holding } from '../../../shared/holdings';
import type { Coverage, Myna } from '../../../shared/scenario';

/** As in the API contract; stored as the national system's Sex1 code (1 男, 2 女, 3 未設定). */
export const SEX_CODE: Record<Sex, 1 | 2 | 3> = { male: 1, female: 2, unspecified: 3 };
export const SEX_OF_CODE: Record<1 | 2 | 3, Sex> = { 1: 'male', 2: 'female', 3: 'unspecified' };

export interface RegistryCoverage extends Coverage {
  /** 保険者名称 as printed (e.g. 全国健康保険協会 東京支部); null → the insurer type's name */
  insurerName: string | null;
  /** 1 本人 (被保険者), 2 家族 (被扶養者) */
  personalFamily: 1 | 2;
}

/** The documents a patient carries; handed over at the desk when the receptionist clicks their kind. */
export { HOLDING_KINDS, type Holding, type HoldingKind } from '../../../shared/holdings';

export interface PersonRecord {
  /** decimal string (the API contract's id) */
  id: string;
  /** 診察券番号 (digits, unique) */
  clinicNo: string;
  name: string;
  /** full-width katakana, one space between words */
  kana: string;
  birthDate: IsoDate;
  sex: Sex;
  /** what this patient demonstrates / anything the clinic wants to remember (never a My Number) */
  note: string;
  coverages: RegistryCoverage[];
  myna: Myna | null;
  holdings: Holding[];
  /** set for the demo registry's patients */
  demoKey: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * What callers send to create or edit a person. Dates may be 和暦; coverage ids default to c1, c2…
 * On update, `holdings` left out keeps the current ones, and a coverage's `insurerName` /
 * `personalFamily` left out keep that coverage's current values.
 */
export interface PersonInput {
  /** 診察券番号; left out: the next free number (create) or the current one (update) */
  clinicNo?: string;
  name: string;
  kana: string;
  birthDate: string;
  sex: Sex | 1 | 2 | 3;
  note?: string | null;
  coverages?: Array<Record<string, unknown>>;
  myna?: Record<string, unknown> | null;
  holdings?: Array<Record<string, unknown>>;
}

/** One line of the search list: the API contract's own. */
export type { PatientSummary } from '../../../shared/contract';
