import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../shared/identifiers';
import { checkMedicalInstitutionCode, DEMO_MEDICAL_INSTITUTION_CODE } from '../../../shared/medical-institution-code';
import { POLICY_KEYS } from '../../../shared/enums';
import { DEFAULT_POLICY } from '../../../shared/timeline';
import { openDatabase } from '../db/open';
import { tempDir } from '../testing/temp-dir';
import { ClinicSettingsRepository, DEFAULT_CLINIC } from './clinic';

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
  const defaults = { ...DEFAULT_CLINIC, policy: DEFAULT_POLICY, policyOverrides: [] };

  it('defaults: a fictional clinic with online check and the RULES.md section P policy', () => {
    expect(repo.get()).toEqual(defaults);
    expect(repo.policyOverrides()).toEqual({});
  });

  it('updates partially; policy keys merge and only the keys given are stored', () => {
    const c = code('14', '1', '222333');
    repo.update({ clinicName: 'みなと眼科 (架空)', medicalInstitutionCode: c, phoneReader: true });
    repo.update({ policy: { interimEnd: '2026-03-31' } });
    const s = repo.update({ policy: { portalScreenshot: 'accept' }, onlineCheck: false });
    expect(s).toEqual({
      clinicName: 'みなと眼科 (架空)',
      medicalInstitutionCode: c,
      onlineCheck: false,
      phoneReader: true,
      oqsFolder: '',
      prefecture: null,
      pmh: false,
      welfareOnline: true,
      rousaiDesignated: true,
      policy: { ...DEFAULT_POLICY, interimEnd: '2026-03-31', portalScreenshot: 'accept' },
      policyOverrides: ['interimEnd', 'portalScreenshot'],
    });
    expect(repo.policyOverrides()).toEqual({ interimEnd: '2026-03-31', portalScreenshot: 'accept' });
    expect(db.prepare('SELECT count(*) AS n FROM clinic_settings').get()).toEqual({ n: 1 });
  });

  it('null removes a choice: the key follows the default again, and a later default change reaches it', () => {
    repo.update({ policy: { interimEnd: '2026-03-31', portalScreenshot: 'accept', lagWithMyNumber: 3 } });
    const s = repo.update({ policy: { interimEnd: null, portalScreenshot: null } });
    expect(s.policyOverrides).toEqual(['lagWithMyNumber']);
    expect(repo.policyOverrides()).toEqual({ lagWithMyNumber: 3 });
    expect(s.policy).toEqual({ ...DEFAULT_POLICY, lagWithMyNumber: 3 });
    // 既定値に戻す: every key null → nothing stored, the clinic's own name and code are kept
    repo.update({ clinicName: 'みなと眼科 (架空)' });
    const reset = repo.update({
      policy: Object.fromEntries(POLICY_KEYS.map((k) => [k, null])),
    });
    expect(reset).toEqual({ ...defaults, clinicName: 'みなと眼科 (架空)' });
    expect(db.prepare('SELECT policy FROM clinic_settings').get()).toEqual({ policy: '{}' });
  });

  it("keeps the clinic's facts of rule book version 2 (SCENARIO.md's defaults until set; prefecture null again)", () => {
    expect(repo.get()).toMatchObject({ prefecture: null, pmh: false, welfareOnline: true, rousaiDesignated: true });
    repo.update({ prefecture: '13', pmh: true });
    const s = repo.update({ welfareOnline: false, rousaiDesignated: false });
    expect(s).toMatchObject({ prefecture: '13', pmh: true, welfareOnline: false, rousaiDesignated: false });
    expect(repo.update({ prefecture: null, clinicName: 'みなと眼科 (架空)' })).toMatchObject({
      prefecture: null,
      pmh: true,
    });
  });
});
