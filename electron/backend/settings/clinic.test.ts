import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../shared/identifiers';
import { DEFAULT_POLICY } from '../../../shared/timeline';
import { openDatabase } from '../db/open';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-dir';
import {
  checkMedicalInstitutionCode,
  ClinicSettingsRepository,
  DEFAULT_CLINIC_SETTINGS,
  DEMO_MEDICAL_INSTITUTION_CODE,
} from './clinic';

let db: Database;
let repo: ClinicSettingsRepository;
beforeEach(async () => {
  db = (await openDatabase({ dataDir: tempDir() })).db;
  repo = new ClinicSettingsRepository(db);
});
afterEach(() => db.close());

const code = (pref: string, table: string, six: string) => `${pref}${table}${six}${checkDigitOf(six)}`;

describe('医療機関コード', () => {
  it('10 digits: prefecture 01–47, score table, 7-digit number with an R19 check digit', () => {
    expect(checkMedicalInstitutionCode(DEMO_MEDICAL_INSTITUTION_CODE)).toEqual({ ok: true });
    expect(checkMedicalInstitutionCode(code('13', '1', '123456'))).toEqual({ ok: true });
    expect(checkMedicalInstitutionCode(code('47', '3', '000010'))).toEqual({ ok: true });
    expect(checkMedicalInstitutionCode(code('01', '4', '987654'))).toEqual({ ok: true });
    const good = code('27', '1', '314159');
    const bad = good.slice(0, 9) + ((Number(good[9]) + 1) % 10);
    const r = checkMedicalInstitutionCode(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.ja).toContain(good);
    expect(checkMedicalInstitutionCode(code('48', '1', '123456')).ok).toBe(false);
    expect(checkMedicalInstitutionCode(code('00', '1', '123456')).ok).toBe(false);
    expect(checkMedicalInstitutionCode(code('13', '2', '123456')).ok).toBe(false);
    expect(checkMedicalInstitutionCode('131234567').ok).toBe(false);
    expect(checkMedicalInstitutionCode('13123456789').ok).toBe(false);
    expect(checkMedicalInstitutionCode('13a2345678').ok).toBe(false);
  });
});

describe('clinic settings', () => {
  it('defaults: a fictional clinic with online check and the RULES.md section P policy', () => {
    expect(repo.get()).toEqual({ ...DEFAULT_CLINIC_SETTINGS, policy: DEFAULT_POLICY });
    expect(repo.policyOverrides()).toEqual({});
  });

  it('updates partially; policy keys merge and only changed keys are stored', () => {
    const c = code('14', '1', '222333');
    repo.update({ clinicName: 'みなと眼科 (架空)', medicalInstitutionCode: c, phoneReader: true });
    repo.update({ policy: { interimEnd: '2026-03-31' } });
    const s = repo.update({ policy: { portalScreenshot: 'accept' }, onlineCheck: false });
    expect(s).toEqual({
      clinicName: 'みなと眼科 (架空)',
      medicalInstitutionCode: c,
      onlineCheck: false,
      phoneReader: true,
      policy: { ...DEFAULT_POLICY, interimEnd: '2026-03-31', portalScreenshot: 'accept' },
    });
    expect(repo.policyOverrides()).toEqual({ interimEnd: '2026-03-31', portalScreenshot: 'accept' });
    expect(repo.resetPolicy().policy).toEqual(DEFAULT_POLICY);
    expect(repo.get().clinicName).toBe('みなと眼科 (架空)');
    expect(db.prepare('SELECT count(*) AS n FROM clinic_settings').get()).toEqual({ n: 1 });
  });

  it('rejects bad values with the field named, and writes nothing', () => {
    const tries: Array<[unknown, string]> = [
      [{ medicalInstitutionCode: '1312345670' }, 'medicalInstitutionCode'],
      [{ medicalInstitutionCode: '123456789012' }, 'medicalInstitutionCode'],
      [{ clinicName: '' }, 'clinicName'],
      [{ clinicName: 'クリニック 123456789012' }, 'clinicName'],
      [{ onlineCheck: 'yes' }, 'onlineCheck'],
      [{ policy: { lagWithMyNumber: 9 } }, 'policy.lagWithMyNumber'],
      [{ policy: { interimEnd: '2026-02-30' } }, 'policy.interimEnd'],
      [{ policy: { certGraceBasis: 'whenever' } }, 'policy.certGraceBasis'],
      [{ policy: { unknown: true } }, 'policy'],
      [{ color: 'blue' }, 'color'],
    ];
    for (const [patch, field] of tries) {
      let err: unknown;
      try {
        repo.update(patch as never);
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(AppError);
      expect((err as AppError).en, field).toContain(field);
      expect((err as AppError).en + (err as AppError).ja).not.toContain('123456789012');
    }
    expect(repo.get()).toEqual({ ...DEFAULT_CLINIC_SETTINGS, policy: DEFAULT_POLICY });
    expect(repo.update({ medicalInstitutionCode: '' }).medicalInstitutionCode).toBe('');
  });
});
