import { describe, expect, it } from 'vitest';
import { decideScenario } from '../../../shared/engine';
import { DEFAULT_POLICY } from '../../../shared/timeline';
import { parseScenario, SCENARIO_FORMAT } from '../../../shared/scenario';
import { AppError } from '../errors';
import type { Patient } from '../../../shared/contract';
import { type PatientInput, patientInput, unsavedPatient } from '../../../shared/contract/patient';
import { buildScenario } from './build-scenario';

function record(input: PatientInput): Patient {
  return unsavedPatient(patientInput.parse(input), '7');
}

const patient = record({
  name: '架空 一郎太',
  kana: 'カクウ イチロウタ',
  birthDate: '1953-06-10',
  sex: 'male',
  coverages: [
    {
      insurer: 'kyokai',
      insurerNumber: '01130012',
      insurerName: '全国健康保険協会 東京支部',
      symbol: '12',
      number: '34',
      acquiredOn: '2015-04-01',
      lostOn: '2025-10-01',
    },
    { insurer: 'kumiai', insurerNumber: '06138093', acquiredOn: '2025-10-01', personalFamily: 2 },
    { insurer: 'kouki', insurerNumber: '39131156', acquiredOn: '2028-06-10' },
  ],
  myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
  holdings: [
    { kind: 'legacy-card', coverage: 'c1' },
    { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-01-10', validUntil: '2029-12-31' },
    { kind: 'kakunin-sho', coverage: 'c2', issuedOn: '2025-10-20', validUntil: '2030-10-19', showsRatio: true },
    { kind: 'kakunin-sho', coverage: 'c3', issuedOn: '2028-05-20', validUntil: '2030-07-31' },
    { kind: 'oshirase', coverage: 'c3' },
    { kind: 'smartphone', os: 'android' },
    { kind: 'elderly-card', ratio: 30, validUntil: '2026-07-31' },
  ],
});

const clinic = { onlineCheck: true, phoneReader: true };

describe('buildScenario', () => {
  it('builds a validated scenario in the SCENARIO.md shape from the holdings', () => {
    const scenario = buildScenario({
      patient,
      presented: ['kakunin-sho', 'elderly-card', 'myna-smartphone'],
      clinic,
      visitDate: '2025-11-04',
    });
    expect(scenario.id).toBe('desk-7-2025-11-04');
    expect(scenario.visitDate).toBe('2025-11-04');
    expect(scenario.clinic).toEqual({
      onlineCheck: true,
      phoneReader: true,
      incident: 'none',
      prefecture: null,
      pmh: false,
      welfareOnline: true,
      rousaiDesignated: true,
    });
    expect(scenario.patient.coverages[1]).toEqual({
      id: 'c2',
      insurer: 'kumiai',
      insurerNumber: '06138093',
      symbol: null,
      number: null,
      branch: null,
      acquiredOn: '2025-10-01',
      lostOn: null,
      registeredOn: null,
      filedOn: null,
      lossRegisteredOn: null,
      limitOnFile: true,
      role: 'insured',
      holderBirthDate: null,
      lostWithHolder: false,
      myNumberOnForm: true,
      ratio: null,
      elderlyCard: null,
      limitCategory: null,
    });
    // every 資格確認書 the patient holds and that exists by then (not the 後期 one mailed in 2028)
    expect(scenario.presented).toEqual([
      {
        kind: 'kakunin-sho',
        coverage: 'c1',
        issuedOn: '2025-01-10',
        validFrom: null,
        validUntil: '2029-12-31',
        showsRatio: false,
        showsLimit: false,
      },
      {
        kind: 'kakunin-sho',
        coverage: 'c2',
        issuedOn: '2025-10-20',
        validFrom: null,
        validUntil: '2030-10-19',
        showsRatio: true,
        showsLimit: false,
      },
      { kind: 'elderly-card', ratio: 30, validFrom: null, validUntil: '2026-07-31' },
      { kind: 'myna-smartphone', os: 'android' },
    ]);
    const d = decideScenario(scenario);
    expect(d.verdict).toBe('insured');
    expect(d.coverage).toBe('c2');
  });

  it('the mynaportal form, policy, incident, visit type and 限度額 pass through', () => {
    const scenario = buildScenario({
      patient,
      presented: ['myna-card', 'mynaportal', 'declaration'],
      mynaportalForm: 'pdf',
      clinic: { onlineCheck: true, phoneReader: false, policy: { ...DEFAULT_POLICY, portalScreenshot: 'accept' } },
      visitDate: '2026-01-05',
      incident: 'reader-failure',
      visitType: 'return',
      needsLimit: true,
      limitConsent: false,
      id: 'my-case',
      title: null,
    });
    expect(scenario).toMatchObject({
      id: 'my-case',
      title: null,
      visitType: 'return',
      needsLimit: true,
      limitConsent: false,
      clinic: { incident: 'reader-failure' },
    });
    expect(scenario.presented).toEqual([
      { kind: 'myna-card' },
      { kind: 'mynaportal', form: 'pdf', savedOn: '2026-01-05' },
      { kind: 'declaration' },
    ]);
    expect(scenario.policy.portalScreenshot).toBe('accept');
  });

  it('a 後期 お知らせ exists only from 2026-08-01; documents the patient does not hold are clear errors', () => {
    expect(buildScenario({ patient, presented: ['oshirase'], clinic, visitDate: '2028-07-01' }).presented).toHaveLength(
      1,
    );
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return e as AppError;
      }
      throw new Error('expected an error');
    };
    expect(
      err(() => buildScenario({ patient, presented: ['oshirase'], clinic, visitDate: '2026-07-31' })).ja,
    ).toContain('資格情報のお知らせを持っていません');
    expect(
      err(() => buildScenario({ patient, presented: ['limit-cert'], clinic, visitDate: '2026-01-05' })).en,
    ).toContain('limit-cert');
    const noCard = { ...patient, myna: null, holdings: [] };
    expect(
      err(() => buildScenario({ patient: noCard, presented: ['myna-card'], clinic, visitDate: '2026-01-05' })).code,
    ).toBe('invalid-input');
    expect(
      err(() => buildScenario({ patient: noCard, presented: ['mynaportal'], clinic, visitDate: '2026-01-05' })).code,
    ).toBe('invalid-input');
    expect(
      err(() => buildScenario({ patient, presented: ['myna-card'], clinic, visitDate: '1950-01-01' })).en,
    ).toContain('visitDate');
  });

  it('two documents of one kind: the positions chosen at the desk are handed over, or every one; Japanese errors name no field', () => {
    const both = buildScenario({ patient, presented: ['kakunin-sho'], clinic, visitDate: '2025-11-04' });
    expect(both.presented.map((d) => (d.kind === 'kakunin-sho' ? d.coverage : null))).toEqual(['c1', 'c2']);
    const newOnly = buildScenario({
      patient,
      presented: ['kakunin-sho'],
      holdings: [2],
      clinic,
      visitDate: '2025-11-04',
    });
    expect(newOnly.presented.map((d) => (d.kind === 'kakunin-sho' ? d.coverage : null))).toEqual(['c2']);
    // a position of another kind (the smartphone) while it was not handed over: refused
    let error: AppError | null = null;
    try {
      buildScenario({ patient, presented: ['kakunin-sho'], holdings: [5], clinic, visitDate: '2025-11-04' });
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.ja).toBe('受付: 選ばれた書類がこの患者の提示した書類にありません');
    try {
      buildScenario({ patient, presented: ['limit-cert'], clinic, visitDate: '2026-01-05' });
    } catch (e) {
      expect((e as AppError).ja).not.toMatch(/presented|visitDate/);
    }
  });

  describe("rule book version 2: the cause, the clinic's facts, programmes, 生活保護, 被扶養者", () => {
    const child = record({
      name: '架空 ひなた',
      kana: 'カクウ ヒナタ',
      birthDate: '2021-05-05',
      sex: 'female',
      coverages: [{ insurer: 'kyokai', insurerNumber: '01130012', acquiredOn: '2021-05-05', personalFamily: 2 }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-05-05' },
      kohi: [
        {
          program: 'child',
          payerNumber: '88131008',
          recipientNumber: '1234566',
          validFrom: '2025-04-01',
          validUntil: '2027-03-31',
          prefecture: '13',
          share: 'none',
        },
      ],
      holdings: [{ kind: 'kohi-cert', kohi: 'k1' }],
    });

    it("a 医療証 from the holdings, the clinic's prefecture: applied inside it, refunded outside", () => {
      const inside = buildScenario({
        patient: child,
        presented: ['myna-card', 'kohi-cert'],
        clinic: { ...clinic, prefecture: '13' },
        visitDate: '2026-02-02',
      });
      expect(inside.presented).toEqual([{ kind: 'myna-card' }, { kind: 'kohi-cert', kohi: 'k1' }]);
      expect(inside.patient.kohi).toEqual(child.kohi);
      expect(inside.clinic).toMatchObject({
        prefecture: '13',
        pmh: false,
        welfareOnline: true,
        rousaiDesignated: true,
      });
      const d = decideScenario(inside);
      expect(d.publicExpense).toEqual([
        { program: 'child', kohi: 'k1', payerNumber: '88131008', applied: true, basis: 'document', reason: null },
      ]);
      expect(d.patientPays.percent).toBe(0);
      const outside = decideScenario(
        buildScenario({
          patient: child,
          presented: ['myna-card', 'kohi-cert'],
          clinic: { ...clinic, prefecture: '11' },
          visitDate: '2026-02-02',
        }),
      );
      expect(outside.publicExpense[0]).toMatchObject({ applied: false, reason: 'other-prefecture' });
      expect(outside.notes).toContain('kohi-refund');
      expect(outside.patientPays.percent).toBe(20);
    });

    it("生活保護: the 医療券 of the visit's month; 労災: the cause and the form; a dependent ends with the holder", () => {
      const welfare = record({
        name: '架空 保男',
        kana: 'カクウ ヤスオ',
        birthDate: '1960-03-03',
        sex: 'male',
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', lostOn: '2025-06-01' }],
        myna: null,
        welfare: { from: '2025-06-01', until: null, ticketRegistered: false },
        holdings: [{ kind: 'medical-ticket' }, { kind: 'rousai-form' }],
      });
      const ticket = buildScenario({
        patient: welfare,
        presented: ['medical-ticket'],
        clinic,
        visitDate: '2026-02-02',
      });
      expect(ticket.patient.welfare).toEqual({ from: '2025-06-01', until: null, ticketRegistered: false });
      expect(ticket.presented).toEqual([{ kind: 'medical-ticket', month: '2026-02', forThisClinic: true }]);
      expect(decideScenario(ticket)).toMatchObject({ verdict: 'public-assistance', notes: [] });

      const work = buildScenario({
        patient: welfare,
        presented: ['rousai-form'],
        clinic: { ...clinic, rousaiDesignated: true },
        cause: 'work',
        visitDate: '2026-02-02',
      });
      expect(work.cause).toBe('work');
      expect(work.presented).toEqual([{ kind: 'rousai-form' }]);
      expect(decideScenario(work)).toMatchObject({ verdict: 'workers-comp', documentsNeeded: [] });
      expect(buildScenario({ patient: welfare, presented: [], clinic, visitDate: '2026-02-02' }).cause).toBe('illness');

      const dependent = record({
        name: '架空 花子',
        kana: 'カクウ ハナコ',
        birthDate: '1958-08-08',
        sex: 'female',
        coverages: [
          {
            insurer: 'kyokai',
            insurerNumber: '01130012',
            acquiredOn: '2000-04-01',
            role: 'dependent',
            holderBirthDate: '1951-04-15',
            personalFamily: 2,
          },
        ],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-05' },
      });
      // the registry keeps what was typed; the scenario ends the coverage on the holder's 75th birthday
      expect(dependent.coverages[0]).toMatchObject({ role: 'dependent', holderBirthDate: '1951-04-15', lostOn: null });
      const after = buildScenario({ patient: dependent, presented: ['myna-card'], clinic, visitDate: '2026-05-01' });
      expect(after.patient.coverages[0]).toMatchObject({ lostOn: '2026-04-15', role: 'dependent' });
      const d = decideScenario(after);
      expect(d.rules).toContain('R26');
    });

    it('what it builds is a valid scenario of the format, deciding the same', () => {
      const built = buildScenario({
        patient: child,
        presented: ['myna-card', 'kohi-cert'],
        clinic: { ...clinic, prefecture: '11', pmh: true },
        cause: 'traffic',
        visitDate: '2026-02-02',
      });
      const { story: _s, ...rest } = built;
      const parsed = parseScenario({ format: SCENARIO_FORMAT, ...rest });
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      if (parsed.ok) expect(decideScenario(parsed.scenario)).toEqual(decideScenario(built));
    });
  });
});
