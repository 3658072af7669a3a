// Clinic settings (one row): name, 医療機関コード, online check, smartphone reader, and the
// RULES.md section P policy. Only the policy keys the clinic changed are stored; the rest follow
// DEFAULT_POLICY (so a future change of a default reaches clinics that never touched it).
import type { Database } from 'better-sqlite3';
import { type Policy, DEFAULT_POLICY } from '../../../shared/timeline';
import { policySchema, type Settings } from '../../../shared/contract';
import { checkDigitOf } from '../../../shared/identifiers';
import { inTransaction } from '../db/transaction';
import { AppError, fromSystemError } from '../errors';
import { assertNoMyNumber } from '../privacy';
import { jstIsoTimestamp } from '../time';

export type ClinicSettings = Settings;
export type ClinicSettingsPatch = Partial<Omit<ClinicSettings, 'policy'>> & { policy?: Partial<Policy> };

/** 点数表番号: 1 医科, 3 歯科, 4 調剤 (薬局), 6 訪問看護 — the facilities that do online checks. */
const SCORE_TABLES = new Set(['1', '3', '4', '6']);

/**
 * 医療機関コード: 10 digits = 都道府県番号 (2, 01–47) + 点数表番号 (1) + 医療機関番号 (7), whose
 * last digit is a check digit computed by the R19 algorithm over the other 6.
 */
export function checkMedicalInstitutionCode(code: string): { ok: true } | { ok: false; ja: string; en: string } {
  if (!/^\d{10}$/.test(code))
    return { ok: false, ja: '医療機関コードは10桁の数字です', en: 'a medical institution code has 10 digits' };
  const pref = Number(code.slice(0, 2));
  if (pref < 1 || pref > 47) {
    return {
      ok: false,
      ja: '医療機関コードの先頭2桁 (都道府県番号) は01〜47です',
      en: 'the first two digits (prefecture) must be 01–47',
    };
  }
  if (!SCORE_TABLES.has(code[2]!)) {
    return {
      ok: false,
      ja: '医療機関コードの3桁目 (点数表番号) は1 (医科)・3 (歯科)・4 (調剤)・6 (訪問看護) のいずれかです',
      en: 'the third digit (score table) must be 1, 3, 4 or 6',
    };
  }
  const body = code.slice(3, 9);
  const expected = checkDigitOf(body);
  if (Number(code[9]) !== expected) {
    return {
      ok: false,
      ja: `医療機関コードの検証番号 (最後の桁) が正しくありません (正しくは ${code.slice(0, 9)}${expected})`,
      en: `bad check digit in the medical institution code (expected ${code.slice(0, 9)}${expected})`,
    };
  }
  return { ok: true };
}

/** A fictional code for the demo clinic (東京都・医科・9999996): valid, and obviously not a real clinic's. */
export const DEMO_MEDICAL_INSTITUTION_CODE = `131999999${checkDigitOf('999999')}`;

export const DEFAULT_CLINIC_SETTINGS: Readonly<ClinicSettings> = Object.freeze({
  clinicName: 'デモ内科クリニック (架空)',
  medicalInstitutionCode: DEMO_MEDICAL_INSTITUTION_CODE,
  onlineCheck: true,
  phoneReader: false,
  policy: { ...DEFAULT_POLICY },
});

interface SettingsDbRow {
  clinic_name: string;
  medical_institution_code: string;
  online_check: number;
  phone_reader: number;
  policy: string;
}

function invalid(field: string, ja: string, en: string): AppError {
  return new AppError('invalid-input', `設定: ${field}: ${ja}`, `settings: ${field}: ${en}`, { field });
}

function validatePatch(patch: ClinicSettingsPatch): ClinicSettingsPatch {
  if (typeof patch !== 'object' || patch === null)
    throw invalid('(root)', '設定の形式が正しくありません', 'settings must be an object');
  const known = new Set(['clinicName', 'medicalInstitutionCode', 'onlineCheck', 'phoneReader', 'policy']);
  for (const k of Object.keys(patch)) if (!known.has(k)) throw invalid(k, '未知の設定です', 'unknown setting');
  if (patch.clinicName !== undefined) {
    if (typeof patch.clinicName !== 'string' || patch.clinicName.trim() === '' || patch.clinicName.length > 60) {
      throw invalid(
        'clinicName',
        '医療機関名は1〜60文字で入力してください',
        'the clinic name must have 1–60 characters',
      );
    }
    assertNoMyNumber(patch.clinicName, 'clinicName');
  }
  if (patch.medicalInstitutionCode !== undefined) {
    const code = String(patch.medicalInstitutionCode);
    assertNoMyNumber(code, 'medicalInstitutionCode');
    if (code !== '') {
      const r = checkMedicalInstitutionCode(code);
      if (!r.ok) throw invalid('medicalInstitutionCode', r.ja, r.en);
    }
  }
  for (const k of ['onlineCheck', 'phoneReader'] as const) {
    if (patch[k] !== undefined && typeof patch[k] !== 'boolean')
      throw invalid(k, 'はい/いいえ (true/false) で指定してください', 'must be true or false');
  }
  if (patch.policy !== undefined) {
    const r = policySchema.partial().strict().safeParse(patch.policy);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw invalid(`policy.${issue.path.join('.')}`, '値が正しくありません (RULES.md P 節を参照)', issue.message);
    }
  }
  return patch;
}

export class ClinicSettingsRepository {
  constructor(private readonly db: Database) {}

  private row(): SettingsDbRow | undefined {
    return this.db
      .prepare(
        'SELECT clinic_name, medical_institution_code, online_check, phone_reader, policy FROM clinic_settings WHERE id = 1',
      )
      .get() as SettingsDbRow | undefined;
  }

  get(): ClinicSettings {
    const r = this.row();
    if (!r) return { ...DEFAULT_CLINIC_SETTINGS, policy: { ...DEFAULT_POLICY } };
    return {
      clinicName: r.clinic_name,
      medicalInstitutionCode: r.medical_institution_code,
      onlineCheck: r.online_check === 1,
      phoneReader: r.phone_reader === 1,
      policy: { ...DEFAULT_POLICY, ...(JSON.parse(r.policy) as Partial<Policy>) },
    };
  }

  /** The policy keys the clinic set (what the engine receives as clinicPolicy). */
  policyOverrides(): Partial<Policy> {
    const r = this.row();
    return r ? (JSON.parse(r.policy) as Partial<Policy>) : {};
  }

  /** Validates and applies a partial update (policy keys merge). All or nothing. */
  update(patch: ClinicSettingsPatch, now: Date = new Date()): ClinicSettings {
    validatePatch(patch);
    return inTransaction(this.db, () => {
      const cur = this.get();
      const overrides = { ...this.policyOverrides(), ...(patch.policy ?? {}) };
      this.db
        .prepare(
          `INSERT INTO clinic_settings (id, clinic_name, medical_institution_code, online_check, phone_reader, policy, updated_at)
           VALUES (1, @name, @code, @online, @phone, @policy, @now)
           ON CONFLICT (id) DO UPDATE SET clinic_name = @name, medical_institution_code = @code, online_check = @online,
             phone_reader = @phone, policy = @policy, updated_at = @now`,
        )
        .run({
          name: (patch.clinicName ?? cur.clinicName).trim(),
          code: patch.medicalInstitutionCode ?? cur.medicalInstitutionCode,
          online: (patch.onlineCheck ?? cur.onlineCheck) ? 1 : 0,
          phone: (patch.phoneReader ?? cur.phoneReader) ? 1 : 0,
          policy: JSON.stringify(overrides),
          now: jstIsoTimestamp(now),
        });
      return this.get();
    });
  }

  /** Back to the defaults (the clinic's own name and code are kept). */
  resetPolicy(now: Date = new Date()): ClinicSettings {
    const cur = this.get();
    try {
      this.db
        .prepare(
          `INSERT INTO clinic_settings (id, clinic_name, medical_institution_code, online_check, phone_reader, policy, updated_at)
           VALUES (1, @name, @code, @online, @phone, '{}', @now)
           ON CONFLICT (id) DO UPDATE SET policy = '{}', updated_at = @now`,
        )
        .run({
          name: cur.clinicName,
          code: cur.medicalInstitutionCode,
          online: cur.onlineCheck ? 1 : 0,
          phone: cur.phoneReader ? 1 : 0,
          now: jstIsoTimestamp(now),
        });
    } catch (e) {
      throw fromSystemError(e, this.db.name);
    }
    return this.get();
  }
}
