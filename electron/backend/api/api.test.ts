// The contract's handlers on a real database in a temporary directory, through the backend's
// `call` (the contract's dispatch: the path the worker takes for both shells, and the CLI's).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallInput, CallName, CallOutput } from '../../../shared/contract/kernel';
import { decideScenario } from '../../../shared/engine';
import { createApi, type ApiInstance } from './index';
import { walkInPerson } from '../desk/walk-in';

let api: ApiInstance;
const dir = mkdtempSync(path.join(os.tmpdir(), 'api-'));
const NOW = new Date('2026-01-20T01:00:00Z'); // 10:00 in Japan
beforeAll(async () => {
  api = await createApi({ dataDir: dir, shell: 'browser', now: () => NOW });
});
afterAll(() => {
  api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<ApiResult<CallOutput<K>>> {
  return (await api.call(name, input)) as ApiResult<CallOutput<K>>;
}
async function ok<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.en}`);
  return r.value;
}

const clinic = { onlineCheck: true, phoneReader: false, incident: 'none' as const };

describe('API handlers on SQLite', () => {
  it('app.info: shell, today in Japan, data directory', async () => {
    const info = await ok('app.info', {});
    expect(info).toMatchObject({
      name: '資格確認デスク',
      shell: 'browser',
      today: '2026-01-20',
      dataDir: path.resolve(dir),
    });
  });

  it('the demo registry is there on first start and searchable by kana', async () => {
    const all = await ok('registry.search', { query: 'ア', limit: 200 });
    expect(all.length).toBeGreaterThan(0);
    const again = await ok('registry.seedDemo', {});
    expect(again.count).toBe(0); // nothing missing
  });

  it('registry.save → get → desk.decide records the decision in the history', async () => {
    const saved = await ok('registry.save', {
      name: '試験 一郎',
      kana: 'シケン イチロウ',
      birthDate: '昭和56年5月10日',
      sex: 'male',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
      holdings: [{ kind: 'oshirase', coverage: 'c1' }],
    });
    expect(saved.birthDate).toBe('1981-05-10');
    expect((await ok('registry.get', { id: saved.id })).name).toBe('試験 一郎');

    const r = await ok('desk.decide', {
      patient: { id: saved.id },
      presented: ['myna-card'],
      visitDate: 'R8.1.20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.decision.verdict).toBe('insured');
    expect(r.decision).toEqual(decideScenario(r.scenario));
    expect(r.online.route).toBe('card');
    expect((r.online.result?.XmlMsg.MessageBody as { QualificationValidity: string }).QualificationValidity).toBe('1');
    expect(r.patient).toEqual({ name: '試験 一郎', kana: 'シケン イチロウ', birthDate: '1981-05-10', walkIn: false });

    const page = await ok('history.query', { patientId: saved.id });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      id: r.historyId,
      patientName: '試験 一郎',
      verdict: 'insured',
      visitDate: '2026-01-20',
      mode: 'desk',
    });

    const csv = await ok('history.exportCsv', { patientId: saved.id });
    expect(csv.csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.rows).toBe(1);
    expect(csv.filename).toMatch(/\.csv$/);
  });

  it("desk.decide: the cause (R25) and the clinic's facts — as asked, else from the settings", async () => {
    const saved = await ok('registry.save', {
      name: '試験 三郎',
      kana: 'シケン サブロウ',
      birthDate: '2020-01-01',
      sex: 'male',
      coverages: [{ insurer: 'kyokai', insurerNumber: '01130012', acquiredOn: '2020-01-01', personalFamily: 2 }],
      myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
      kohi: [
        {
          program: 'child',
          payerNumber: '88131008',
          validFrom: '2025-04-01',
          validUntil: '2027-03-31',
          prefecture: '13',
          share: 'none',
        },
      ],
      holdings: [{ kind: 'kohi-cert', kohi: 'k1' }],
    });
    const base = {
      patient: { id: saved.id },
      presented: ['myna-card', 'kohi-cert'] as ('myna-card' | 'kohi-cert')[],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first' as const,
      needsLimit: false,
    };
    const plain = await ok('desk.decide', base);
    expect(plain.scenario.cause).toBe('illness');
    expect(plain.scenario.clinic).toMatchObject({
      prefecture: null,
      pmh: false,
      welfareOnline: true,
      rousaiDesignated: true,
    });
    expect(plain.decision.patientPays.percent).toBe(0);
    await ok('settings.update', { prefecture: '11', rousaiDesignated: false });
    try {
      const outside = await ok('desk.decide', base);
      expect(outside.scenario.clinic).toMatchObject({ prefecture: '11', rousaiDesignated: false });
      expect(outside.decision.publicExpense[0]).toMatchObject({ applied: false, reason: 'other-prefecture' });
      const asked = await ok('desk.decide', { ...base, clinic: { ...clinic, prefecture: '13' } });
      expect(asked.decision.publicExpense[0]).toMatchObject({ applied: true });
      const work = await ok('desk.decide', { ...base, cause: 'work' });
      expect(work.scenario.cause).toBe('work');
      // not a 労災指定医療機関 (the settings): 10割, the patient claims from the 労働基準監督署
      expect(work.decision).toMatchObject({ verdict: 'self-pay', notes: ['workers-comp-refund'] });
      const bad = await call('desk.decide', { ...base, cause: 'holiday' as 'work' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.ja).toContain('受診の原因');
    } finally {
      await ok('settings.update', { prefecture: null, rousaiDesignated: true });
    }
  });

  it('a document the patient does not carry is refused in Japanese, and nothing is recorded', async () => {
    const saved = await ok('registry.save', {
      name: '試験 二郎',
      kana: 'シケン ジロウ',
      birthDate: '1990-01-01',
      sex: 'male',
      coverages: [{ insurer: 'kumiai', acquiredOn: '2015-04-01' }],
      myna: null,
    });
    const before = (await ok('history.query', {})).total;
    const r = await call('desk.decide', {
      patient: { id: saved.id },
      presented: ['kakunin-sho'],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.ja).toContain('資格確認書を持っていません');
    expect((await ok('history.query', {})).total).toBe(before);
  });

  it('an unknown patient id is not-found', async () => {
    const r = await call('desk.decide', {
      patient: { id: '999999' },
      presented: [],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(!r.ok && r.error.code).toBe('not-found');
  });

  it('walk-in: decided without a registry record, recorded without a name', async () => {
    const r = await ok('desk.decide', {
      patient: {
        walkIn: {
          birthDate: '1953-06-10',
          insurer: 'kokuho',
          documents: { 'kakunin-sho': { issuedOn: null, validUntil: 'R9.7.31' } },
        },
      },
      presented: ['kakunin-sho'],
      visitDate: '2026-01-20',
      clinic: { ...clinic, onlineCheck: false },
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.decision.verdict).toBe('insured');
    expect(r.patient.walkIn).toBe(true);
    const row = (await ok('history.query', {})).rows.find((x) => x.id === r.historyId)!;
    expect(row.patientName).toBeNull();
    expect(row.patientId).toBeNull();
  });

  it('walk-in truth: what was typed, no document assumed; the items that stand on assumptions are named', async () => {
    const kouki = walkInPerson({ birthDate: '1953-06-10', insurer: 'kouki' }, ['myna-card'], '2030-01-20');
    expect(kouki.person.coverages[0]!.acquiredOn).toBe('2028-06-10'); // 後期 from the 75th birthday
    expect(kouki.person.holdings).toEqual([]);
    expect(kouki.assumed).toEqual(
      expect.arrayContaining(['Name', 'InsurerNumber', 'InsuredCardValidDate', 'InsuredPartialContributionRatio']),
    );
    const typed = {
      birthDate: '1981-05-10',
      insurer: 'kyokai' as const,
      name: '飛込 太郎',
      kana: 'とびこみ たろう',
      sex: 'male' as const,
      insurerNumber: '01130012',
      symbol: '1234',
      number: '56',
      documents: { 'kakunin-sho': { issuedOn: null, validUntil: '2030-01-31' } },
    };
    const r = await ok('desk.decide', {
      patient: { walkIn: typed },
      presented: ['kakunin-sho'],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.decision.verdict).toBe('insured');
    expect(r.online.route).toBe('number');
    const q = r.online.result!.XmlMsg.MessageBody.ResultList[0]!.ResultOfQualificationConfirmation;
    expect([q.Name, q.InsurerNumber, q.InsuredCardSymbol, q.InsuredIdentificationNumber]).toEqual([
      '飛込 太郎',
      '01130012',
      '1234',
      '56',
    ]);
    expect(r.assumed).toEqual(['PersonalFamilyClassification', 'InsuredCardValidDate']);
    // a document handed over without what it prints, and a wrong check digit: refused in Japanese
    const noValidity = await call('desk.decide', {
      patient: { walkIn: { birthDate: '1981-05-10', insurer: 'kyokai' } },
      presented: ['kakunin-sho'],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(!noValidity.ok && noValidity.error.ja).toBe(
      '受付: 飛び込みの患者の資格確認書に書かれている有効期限などを入力してください',
    );
    const badDigit = await call('desk.decide', {
      patient: { walkIn: { ...typed, insurerNumber: '01130013' } },
      presented: ['kakunin-sho'],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(!badDigit.ok && badDigit.error.ja).toMatch(/^受付: 飛び込みの患者の保険者番号: /);
    expect(!badDigit.ok && badDigit.error.ja).not.toMatch(/[a-z]{4,}/);
  });

  it('a walk-in with a 医療証, on 生活保護, or a 家族 whose insured person turned 75; 「この患者を登録」 keeps them', async () => {
    const decide = (
      walkIn: CallInput<'desk.decide'>['patient'] & object,
      presented: CallInput<'desk.decide'>['presented'],
    ) =>
      call('desk.decide', {
        patient: walkIn,
        presented,
        visitDate: '2026-03-02',
        clinic,
        visitType: 'first',
        needsLimit: false,
      });
    const child = {
      birthDate: '2021-07-15',
      insurer: 'kyokai' as const,
      personalFamily: 2 as const,
      kohi: [{ program: 'child' as const, payerNumber: '88131008', validUntil: 'R9.3.31' }],
    };
    const withCert = await decide({ walkIn: child }, ['myna-card', 'kohi-cert']);
    if (!withCert.ok) throw new Error(withCert.error.en);
    expect(withCert.value.scenario.patient.kohi[0]).toMatchObject({
      program: 'child',
      prefecture: '13', // from the 公費負担者番号
      share: 'none',
      validFrom: '2026-03-02',
      validUntil: '2027-03-31',
    });
    expect(withCert.value.decision.patientPays.percent).toBe(0);
    const notCarried = await decide({ walkIn: { ...child, kohi: [{ ...child.kohi[0]!, carried: false }] } }, [
      'myna-card',
      'kohi-cert',
    ]);
    expect(!notCarried.ok && notCarried.error.ja).toContain('受給者証');
    const badNumber = await decide({ walkIn: { ...child, kohi: [{ ...child.kohi[0]!, payerNumber: '88131009' }] } }, [
      'myna-card',
    ]);
    expect(!badNumber.ok && badNumber.error.ja).toMatch(/^受付: 飛び込みの患者の公費・医療証: 公費負担者番号/);

    const welfare = { birthDate: '1959-06-06', welfare: { from: '2025-11-01', ticketRegistered: false } };
    const onWelfare = await decide({ walkIn: welfare }, ['medical-ticket']);
    if (!onWelfare.ok) throw new Error(onWelfare.error.en);
    expect(onWelfare.value.scenario.patient.coverages).toEqual([]);
    expect(onWelfare.value.scenario.presented).toEqual([
      { kind: 'medical-ticket', month: '2026-03', forThisClinic: true },
    ]);
    expect(onWelfare.value.decision).toMatchObject({ verdict: 'public-assistance', documentsNeeded: [] });
    expect(onWelfare.value.assumed).not.toContain('InsurerNumber');

    const spouse = {
      birthDate: '1957-07-07',
      insurer: 'kumiai' as const,
      personalFamily: 2 as const,
      holderBirthDate: '1951-02-20',
      acquiredOn: '2017-04-01',
    };
    const turned75 = await decide({ walkIn: spouse }, ['myna-card']);
    if (!turned75.ok) throw new Error(turned75.error.en);
    expect(turned75.value.scenario.patient.coverages[0]).toMatchObject({ role: 'dependent', lostOn: '2026-02-20' });
    expect(turned75.value.decision.rules).toEqual(['R9', 'R10', 'R26']);

    const p = await ok('registry.registerWalkIn', {
      walkIn: { ...child, name: '飛込 ひなた', kana: 'トビコミ ヒナタ', welfare: undefined },
      presented: ['myna-card', 'kohi-cert'],
      visitDate: '2026-03-02',
    });
    expect(p.kohi).toEqual([withCert.value.scenario.patient.kohi[0]]);
    expect(p.holdings).toEqual([{ kind: 'kohi-cert', kohi: 'k1' }]);
    const q = await ok('registry.registerWalkIn', {
      walkIn: { ...welfare, name: '飛込 保子', kana: 'トビコミ ヤスコ' },
      presented: ['medical-ticket'],
      visitDate: '2026-03-02',
    });
    expect(q.welfare).toEqual({ from: '2025-11-01', until: null, ticketRegistered: false });
    expect(q.holdings).toEqual([{ kind: 'medical-ticket', month: '2026-03', forThisClinic: true }]);
    const r = await ok('registry.registerWalkIn', {
      walkIn: { ...spouse, name: '飛込 花江', kana: 'トビコミ ハナエ' },
      presented: ['myna-card'],
      visitDate: '2026-03-02',
    });
    expect(r.coverages[0]).toMatchObject({ role: 'dependent', holderBirthDate: '1951-02-20', lostOn: null });
  });

  it('registry.registerWalkIn: the walk-in becomes a patient with a 診察券番号, found by it and by 記号・番号', async () => {
    const walkIn = {
      birthDate: '1977-07-07',
      insurer: 'kumiai' as const,
      name: '登録 三郎',
      kana: 'トウロク サブロウ',
      insurerNumber: '06139992',
      symbol: '808',
      number: '17',
    };
    const refused = await call('registry.registerWalkIn', {
      walkIn: { ...walkIn, name: undefined },
      presented: [],
      visitDate: '2026-01-20',
    });
    expect(!refused.ok && refused.error.ja).toBe('登録するには氏名とフリガナを入力してください');
    const p = await ok('registry.registerWalkIn', { walkIn, presented: ['myna-card'], visitDate: '2026-01-20' });
    expect(p.clinicNo).toMatch(/^\d+$/);
    expect(p.myna?.insuranceRegistered).toBe(true);
    expect((await ok('registry.search', { query: p.clinicNo })).map((x) => x.name)).toEqual(['登録 三郎']);
    expect((await ok('registry.search', { query: '808・17' })).map((x) => x.name)).toEqual(['登録 三郎']);
    expect((await ok('registry.search', { query: '06139992 808 17' })).map((x) => x.name)).toEqual(['登録 三郎']);
    expect((await ok('registry.search', { query: '06139992 808 18' })).map((x) => x.name)).toEqual([]);
    const first = await ok('registry.search', { query: 'とうろくさぶろう' });
    expect(first[0]!.firstVisit).toBeNull();
    await ok('desk.decide', {
      patient: { id: p.id },
      presented: ['myna-card'],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect((await ok('registry.search', { query: 'とうろくさぶろう' }))[0]!.firstVisit).toBe('2026-01-20');
  });

  it('a search for a date that does not exist says so, in Japanese without field names', async () => {
    const r = await call('registry.search', { query: 'R8.2.30' });
    expect(!r.ok && r.error.ja).toBe('検索: 存在しない日付です: R8.2.30');
  });

  it('settings: update validates (医療機関コード check digit) and the policy reaches the engine', async () => {
    const bad = await call('settings.update', { medicalInstitutionCode: '1319999990' });
    expect(!bad.ok && bad.error.ja).toContain('検証番号');
    const s = await ok('settings.update', { policy: { interimEnd: '2026-03-31' } });
    expect(s.policy.interimEnd).toBe('2026-03-31');
    const w = await ok('desk.decide', {
      patient: { walkIn: { birthDate: '1981-05-10', insurer: 'kyokai' } },
      presented: ['myna-card'],
      visitDate: '2026-01-20',
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
    expect(w.decision.policy.interimEnd).toBe('2026-03-31');
    const back = await ok('settings.update', { policy: { interimEnd: null } });
    expect(back.policyOverrides).toEqual([]);
  });
});

describe('history: one check in full, the patient filter, the operator, (仮)', () => {
  it('records the operator, marks a provisional copay, finds the patient by reading, reopens the check', async () => {
    const saved = await ok('registry.save', {
      name: '仮負 花子',
      kana: 'カリフ ハナコ',
      birthDate: '1953-06-10', // 72 on the visit: 高齢受給者 (a separate card for 組合)
      sex: 'female',
      coverages: [{ insurer: 'kumiai', acquiredOn: '2015-04-01' }],
      myna: null,
      holdings: [
        { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-12-02', validUntil: '2030-12-01' },
        { kind: 'elderly-card', ratio: 20, validUntil: null },
      ],
    });
    const decide = (presented: ('kakunin-sho' | 'elderly-card')[], operator?: string) =>
      ok('desk.decide', {
        patient: { id: saved.id },
        presented,
        visitDate: '2026-01-20',
        clinic: { ...clinic, onlineCheck: false },
        visitType: 'first',
        needsLimit: false,
        ...(operator ? { operator } : {}),
      });
    const provisional = await decide(['kakunin-sho'], '受付 一子');
    expect(provisional.decision.copayProvisional).toBe(true);
    const settled = await decide(['kakunin-sho', 'elderly-card'], '受付 二子');
    expect(settled.decision.copayProvisional).toBe(false);

    // the patient filter: by reading in hiragana, spaces ignored, and by name
    for (const patient of ['かりふ はなこ', '仮負花子']) {
      const page = await ok('history.query', { patient });
      expect(page.rows.map((r) => r.id).sort()).toEqual([provisional.historyId, settled.historyId].sort());
    }
    expect((await ok('history.query', { patient: 'いない患者' })).total).toBe(0);
    const rows = (await ok('history.query', { patient: 'カリフ' })).rows;
    expect(rows.find((r) => r.id === provisional.historyId)).toMatchObject({
      copayPercent: 30,
      copayProvisional: true,
      operator: '受付 一子',
    });
    expect(rows.find((r) => r.id === settled.historyId)).toMatchObject({
      copayPercent: 20,
      copayProvisional: false,
      operator: '受付 二子',
    });

    // the operators, most recent first
    expect((await ok('history.operators', {})).slice(0, 2)).toEqual(['受付 二子', '受付 一子']);

    // one check in full: what the desk showed
    const check = await ok('history.get', { id: provisional.historyId });
    expect(check.decision).toEqual(provisional.decision);
    expect(check.visitDate).toBe(provisional.scenario.visitDate);
    expect(check.clinic).toEqual(provisional.scenario.clinic);
    expect(check.onlineDocument).toEqual(provisional.online.result);
    expect(check.slipName).toBe('仮負 花子');
    expect(check.row).toMatchObject({ id: provisional.historyId, operator: '受付 一子', copayProvisional: true });
    const missing = await call('history.get', { id: 987654 });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'not-found' });
  });
});
