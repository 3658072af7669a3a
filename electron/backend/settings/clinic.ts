// Clinic settings (one row): name, 医療機関コード, online check, smartphone reader, 連携フォルダ, the
// clinic's facts of rule book version 2 (prefecture, PMH, 医療扶助 online check, 労災指定), and the
// RULES.md section P policy. Only the policy keys the clinic chose are stored; the rest follow
// DEFAULT_POLICY, so a future change of a default reaches every clinic that never chose that key.
// Values arrive parsed by the contract (settings.update); this file stores them.
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/contract';
import type { ParsedInput } from '../../../shared/contract/kernel';
import { DEMO_MEDICAL_INSTITUTION_CODE } from '../../../shared/medical-institution-code';
import { POLICY_KEYS, type PrefectureCode } from '../../../shared/enums';
import { DEFAULT_POLICY, type Policy } from '../../../shared/timeline';
import { inTransaction } from '../db/transaction';
import { jstIsoTimestamp } from '../time';

export const DEFAULT_CLINIC: Readonly<Omit<Settings, 'policy' | 'policyOverrides'>> = Object.freeze({
  clinicName: 'デモ内科クリニック (架空)',
  medicalInstitutionCode: DEMO_MEDICAL_INSTITUTION_CODE,
  onlineCheck: true,
  phoneReader: false,
  oqsFolder: '',
  // SCENARIO.md's defaults
  prefecture: null,
  pmh: false,
  welfareOnline: true,
  rousaiDesignated: true,
});

interface SettingsDbRow {
  clinic_name: string;
  medical_institution_code: string;
  online_check: number;
  phone_reader: number;
  oqs_folder: string;
  prefecture: PrefectureCode | null;
  pmh: number;
  welfare_online: number;
  rousai_designated: number;
  policy: string;
}

export class ClinicSettingsRepository {
  constructor(private readonly db: Database) {}

  private row(): SettingsDbRow | undefined {
    return this.db
      .prepare(
        `SELECT clinic_name, medical_institution_code, online_check, phone_reader, oqs_folder, prefecture, pmh, welfare_online,
           rousai_designated, policy FROM clinic_settings WHERE id = 1`,
      )
      .get() as SettingsDbRow | undefined;
  }

  get(): Settings {
    const r = this.row();
    const overrides = this.policyOverrides();
    return {
      ...(r
        ? {
            clinicName: r.clinic_name,
            medicalInstitutionCode: r.medical_institution_code,
            onlineCheck: r.online_check === 1,
            phoneReader: r.phone_reader === 1,
            oqsFolder: r.oqs_folder,
            prefecture: r.prefecture,
            pmh: r.pmh === 1,
            welfareOnline: r.welfare_online === 1,
            rousaiDesignated: r.rousai_designated === 1,
          }
        : DEFAULT_CLINIC),
      policy: { ...DEFAULT_POLICY, ...overrides },
      policyOverrides: POLICY_KEYS.filter((k) => k in overrides),
    };
  }

  /** The policy keys the clinic chose (what the engine receives as clinicPolicy). */
  policyOverrides(): Partial<Policy> {
    const r = this.row();
    return r ? (JSON.parse(r.policy) as Partial<Policy>) : {};
  }

  /**
   * Applies a partial update, all or nothing. Policy keys merge over the stored choices; a key
   * given as null is no longer the clinic's choice (it follows the default again).
   */
  update(patch: ParsedInput<'settings.update'>, now: Date = new Date()): Settings {
    return inTransaction(this.db, () => {
      const cur = this.get();
      const overrides: Record<string, unknown> = { ...this.policyOverrides() };
      for (const [k, v] of Object.entries(patch.policy ?? {})) {
        if (v === null) delete overrides[k];
        else if (v !== undefined) overrides[k] = v;
      }
      this.db
        .prepare(
          `INSERT INTO clinic_settings (id, clinic_name, medical_institution_code, online_check, phone_reader, oqs_folder,
             prefecture, pmh, welfare_online, rousai_designated, policy, updated_at)
           VALUES (1, @name, @code, @online, @phone, @folder, @prefecture, @pmh, @welfareOnline, @rousaiDesignated, @policy, @now)
           ON CONFLICT (id) DO UPDATE SET clinic_name = @name, medical_institution_code = @code, online_check = @online,
             phone_reader = @phone, oqs_folder = @folder, prefecture = @prefecture, pmh = @pmh, welfare_online = @welfareOnline,
             rousai_designated = @rousaiDesignated, policy = @policy, updated_at = @now`,
        )
        .run({
          name: patch.clinicName ?? cur.clinicName,
          code: patch.medicalInstitutionCode ?? cur.medicalInstitutionCode,
          online: (patch.onlineCheck ?? cur.onlineCheck) ? 1 : 0,
          phone: (patch.phoneReader ?? cur.phoneReader) ? 1 : 0,
          folder: patch.oqsFolder ?? cur.oqsFolder,
          prefecture: patch.prefecture !== undefined ? patch.prefecture : cur.prefecture,
          pmh: (patch.pmh ?? cur.pmh) ? 1 : 0,
          welfareOnline: (patch.welfareOnline ?? cur.welfareOnline) ? 1 : 0,
          rousaiDesignated: (patch.rousaiDesignated ?? cur.rousaiDesignated) ? 1 : 0,
          policy: JSON.stringify(overrides),
          now: jstIsoTimestamp(now),
        });
      return this.get();
    });
  }
}
