// Validation of a registry person. The insurance truth (coverages, マイナンバーカード) and the
// printed documents are checked by the scenario validator itself (shared/scenario.ts: check
// digits, date order, 資格確認書 validity, 国保 保険証 expiry, …) — one place per rule — by
// presenting every holding in a probe scenario; field paths are mapped back to the person's.
// Registry-only fields (name, kana, sex, note, insurerName, personalFamily) are checked here.
// Nothing holding a 12-digit number gets through (R18).
import { z } from 'zod';
import { maxDate } from '../../../shared/dates';
import { holdingOf } from '../../../shared/holdings';
import { normalizeKanaReading, isKatakanaReading } from '../../../shared/kana';
import type { InputIssue } from '../../../shared/issues';
import { parseScenario, type PresentedDocument } from '../../../shared/scenario';
import { KOUKI_OSHIRASE_START } from '../../../shared/timeline';
import { parseDate } from '../../../shared/wareki';
import { AppError } from '../errors';
import { findMyNumberPath } from '../privacy';
import { MY_NUMBER_REFUSAL } from '../../../shared/identifiers';
import {
  type Holding,
  HOLDING_KINDS,
  type PersonInput,
  type PersonRecord,
  type RegistryCoverage,
  SEX_CODE,
} from './types';
import type { Sex } from '../../../shared/enums';

export interface ValidPerson extends Pick<
  PersonRecord,
  'name' | 'kana' | 'birthDate' | 'sex' | 'note' | 'coverages' | 'myna'
> {
  /** null: not given (a new patient gets the next number, an edited one keeps theirs) */
  clinicNo: string | null;
  /** null: not given (keep the current holdings on update) */
  holdings: Holding[] | null;
  /** per coverage id: which registry extras were given (for merging on update) */
  extrasGiven: Map<string, { insurerName: boolean; personalFamily: boolean }>;
}

const personShape = z.strictObject({
  clinicNo: z.string().optional(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string(),
  sex: z.union([z.enum(['male', 'female', 'unspecified']), z.literal(1), z.literal(2), z.literal(3)]),
  note: z.string().max(500).nullable().optional(),
  coverages: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  myna: z.record(z.string(), z.unknown()).nullable().optional(),
  holdings: z.array(z.record(z.string(), z.unknown())).max(30).optional(),
});

const extrasShape = z.object({
  insurerName: z.string().trim().max(40).nullable().optional(),
  personalFamily: z.union([z.literal(1), z.literal(2)]).optional(),
});

const holdingKind = z.object({ kind: z.enum(HOLDING_KINDS) });
const holdingCoverage = z.object({ coverage: z.string().regex(/^[a-z0-9-]+$/) });

function fail(issues: InputIssue[]): never {
  const first = issues[0]!;
  const more =
    issues.length > 1
      ? { ja: ` (ほか${issues.length - 1}件)`, en: ` (and ${issues.length - 1} more)` }
      : { ja: '', en: '' };
  throw new AppError(
    'invalid-input',
    `患者: ${first.path}: ${first.ja}${more.ja}`,
    `patient: ${first.path}: ${first.en}${more.en}`,
    {
      issues,
    },
  );
}

function zodIssue(e: z.ZodError, prefix = ''): InputIssue {
  const i = e.issues[0]!;
  const path = [prefix, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
    .filter(Boolean)
    .join('.')
    .replace(/\.\[/g, '[');
  if (i.code === 'unrecognized_keys')
    return {
      path: path || '(root)',
      ja: `未知のフィールドです: ${i.keys.join(', ')}`,
      en: `unknown field: ${i.keys.join(', ')}`,
    };
  if (i.code === 'invalid_type' && i.input === undefined)
    return { path: path || '(root)', ja: '必須のフィールドがありません', en: 'required field is missing' };
  return { path: path || '(root)', ja: '値が正しくありません', en: i.message };
}

/** Scenario paths → person paths. */
function mapPath(p: string): string {
  return p
    .replace(/^patient\.coverages/, 'coverages')
    .replace(/^patient\.myna/, 'myna')
    .replace(/^patient\.birthDate/, 'birthDate')
    .replace(/^presented/, 'holdings');
}

function toPresented(h: Record<string, unknown>): Record<string, unknown> {
  const { kind, ...rest } = h;
  return kind === 'smartphone' ? { kind: 'myna-smartphone', ...rest } : { kind, ...rest };
}

function fromPresented(d: PresentedDocument): Holding {
  const h = holdingOf(d);
  if (h === null) throw new Error(`not a holding: ${d.kind}`);
  return h;
}

export function validatePerson(input: PersonInput): ValidPerson {
  // R18 first: a 12-digit number anywhere is refused, whatever else is wrong.
  const mn = findMyNumberPath(input);
  if (mn !== null) {
    throw new AppError('my-number', `患者: ${mn}: ${MY_NUMBER_REFUSAL.ja}`, `patient: ${mn}: ${MY_NUMBER_REFUSAL.en}`, {
      field: mn,
    });
  }
  const shape = personShape.safeParse(input);
  if (!shape.success) fail([zodIssue(shape.error)]);
  const p = shape.data;
  const issues: InputIssue[] = [];

  const name = p.name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name === '' || name.length > 40)
    issues.push({ path: 'name', ja: '氏名は1〜40文字で入力してください', en: 'the name must have 1–40 characters' });
  const kana = normalizeKanaReading(p.kana);
  if (!isKatakanaReading(kana) || kana.length > 60) {
    issues.push({
      path: 'kana',
      ja: 'フリガナはカタカナ (またはひらがな) で60文字以内で入力してください',
      en: 'the reading must be kana, at most 60 characters',
    });
  }
  const bd = parseDate(p.birthDate);
  if (!bd.ok) issues.push({ path: 'birthDate', ...bd.error });
  const sex: Sex = typeof p.sex === 'number' ? (['male', 'female', 'unspecified'] as const)[p.sex - 1]! : p.sex;
  const note = (p.note ?? '').trim();
  const clinicNo = p.clinicNo === undefined ? null : p.clinicNo.normalize('NFKC').trim();
  if (clinicNo !== null && !/^\d{1,10}$/.test(clinicNo))
    issues.push({
      path: 'clinicNo',
      ja: '診察券番号は1〜10桁の数字にしてください',
      en: 'a clinic patient number has 1 to 10 digits',
    });
  if (issues.length) fail(issues);

  // Registry extras on coverages, split from the scenario fields.
  const coverageInputs = p.coverages ?? [];
  const extras: Array<{ insurerName: string | null; personalFamily: 1 | 2 }> = [];
  const extrasGiven = new Map<string, { insurerName: boolean; personalFamily: boolean }>();
  const rawCoverages = coverageInputs.map((c, i) => {
    const { insurerName, personalFamily, ...rest } = c;
    const ex = extrasShape.safeParse({ insurerName, personalFamily });
    if (!ex.success) fail([zodIssue(ex.error, `coverages[${i}]`)]);
    extras.push({
      insurerName: ex.data.insurerName ? ex.data.insurerName : null,
      personalFamily: ex.data.personalFamily ?? 1,
    });
    extrasGiven.set(typeof rest.id === 'string' ? rest.id : `c${i + 1}`, {
      insurerName: insurerName !== undefined,
      personalFamily: personalFamily !== undefined,
    });
    return rest;
  });

  const holdingInputs = p.holdings ?? [];
  holdingInputs.forEach((h, i) => {
    const k = holdingKind.safeParse(h);
    if (!k.success) {
      issues.push({
        path: `holdings[${i}].kind`,
        ja: `書類の種類が正しくありません (使える値: ${HOLDING_KINDS.join(', ')})`,
        en: `bad holding kind (allowed: ${HOLDING_KINDS.join(', ')})`,
      });
      return;
    }
    if (['legacy-card', 'kakunin-sho', 'oshirase'].includes(k.data.kind) && !holdingCoverage.safeParse(h).success) {
      issues.push({
        path: `holdings[${i}].coverage`,
        ja: 'どの保険の書類か (coverage) を指定してください',
        en: 'coverage is required',
      });
    }
    if (k.data.kind === 'smartphone' && (h as { os?: unknown }).os === undefined) {
      issues.push({
        path: `holdings[${i}].os`,
        ja: 'スマホの種類 (iphone / android) を指定してください',
        en: 'os is required (iphone / android)',
      });
    }
  });
  if (issues.length) fail(issues);

  // The probe scenario: every holding presented on a day when each can exist.
  const birthDate = bd.ok ? bd.value : '';
  const probe = {
    id: 'registry-check',
    visitDate: maxDate(birthDate, KOUKI_OSHIRASE_START),
    clinic: { onlineCheck: false },
    patient: { birthDate: p.birthDate, coverages: rawCoverages, myna: p.myna ?? null },
    presented: holdingInputs.map(toPresented),
  };
  const r = parseScenario(probe, { inPack: true });
  if (!r.ok) {
    fail(
      r.issues.map((x) => ({
        ...x,
        path: mapPath(x.path),
        ja:
          x.path.endsWith('.kind') && x.ja.includes('patient.myna')
            ? 'スマホのマイナ保険証にはマイナンバーカード (myna) が必要です'
            : x.ja,
      })),
    );
  }
  const s = r.scenario;
  const coverages: RegistryCoverage[] = s.patient.coverages.map((c, i) => ({ ...c, ...extras[i]! }));
  return {
    clinicNo,
    name,
    kana,
    birthDate: s.patient.birthDate,
    sex,
    note,
    coverages,
    myna: s.patient.myna,
    holdings: p.holdings === undefined ? null : s.presented.map(fromPresented),
    extrasGiven,
  };
}

export const sexCode = (s: Sex) => SEX_CODE[s];

/** A validated person as a record that is not stored (a walk-in at the desk, tests, the bench). */
export function unsavedRecord(v: ValidPerson, id: string, demoKey: string | null = null): PersonRecord {
  return {
    id,
    clinicNo: v.clinicNo ?? '',
    name: v.name,
    kana: v.kana,
    birthDate: v.birthDate,
    sex: v.sex,
    note: v.note,
    coverages: v.coverages,
    myna: v.myna,
    holdings: v.holdings ?? [],
    demoKey,
    createdAt: '',
    updatedAt: '',
  };
}
