// Table tests for rule book version 2: R21–R26 with their boundary dates (a programme's validFrom /
// validUntil, the month of a 医療券, WELFARE_ONLINE_START, the insured person's 75th birthday,
// lossRegisteredOn) and each correction of version 2. Expectations derived by hand from RULES.md.
import { describe, expect, it } from 'vitest';
import type { ExpectedDecision, PublicExpense } from '../decision';
import type { PublicExpenseBasis } from '../enums';
import { patientPaysJa } from '../labels';
import { parseScenario } from '../scenario';
import { KYOKAI_SINCE_2015, type ScenarioInput, decideInput, mismatches, rawScenario } from './testing/build';

type Case = [name: string, input: ScenarioInput, expected: ExpectedDecision];

function table(cases: Case[]) {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(input, expected)).toEqual([]);
  });
}

/** The input errors of a scenario: `path: English message`. */
function issuesOf(input: ScenarioInput | Record<string, unknown>): string[] {
  const raw = 'presented' in input && !('format' in input) ? rawScenario(input as ScenarioInput) : input;
  const r = parseScenario(raw);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.en}`);
}

const card = { kind: 'myna-card' };
const cert = (kohi = 'k1') => ({ kind: 'kohi-cert', kohi });
const kakunin = (extra: Record<string, unknown> = {}) => ({
  kind: 'kakunin-sho',
  issuedOn: '2025-12-02',
  validUntil: '2030-12-01',
  ...extra,
});
const NOTHING = { percent: 30, perVisitYen: null, monthlyCapYen: null, capReached: false, deposit: false };

// 指定難病: 54 + check digit; valid 2026-04-01 … 2026-09-30, cap 10,000 yen
const NANBYO = {
  program: 'nanbyo',
  payerNumber: '54130174',
  recipientNumber: '1357912',
  validFrom: '2026-04-01',
  validUntil: '2026-09-30',
  monthlyCapYen: 10000,
  paidThisMonthYen: 3000,
};
type Outcome = Pick<PublicExpense, 'applied' | 'basis' | 'reason'>;
const nanbyoEntry = (over: Outcome): PublicExpense => ({
  program: 'nanbyo',
  kohi: 'k1',
  payerNumber: '54130174',
  ...over,
});
// 東京都の子ども医療証 (none); 1回200円 variant
const CHILD = {
  program: 'child',
  payerNumber: '88138243',
  validFrom: '2026-04-01',
  validUntil: '2027-03-31',
  prefecture: '13',
  share: 'none',
};
const childEntry = (over: Outcome): PublicExpense => ({
  program: 'child',
  kohi: 'k1',
  payerNumber: '88138243',
  ...over,
});
const CHILD_BIRTH = '2018-06-06'; // 8 on the visits below: 30%

describe('R21 national programmes: validity, designation, share, monthly cap', () => {
  const visit = (visitDate: string, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
    visitDate,
    kohi: [NANBYO],
    presented: [card, cert()],
    ...extra,
  });
  table([
    [
      'validFrom - 1 day: the presented certificate is not valid → kohi-cert needed, 3割',
      visit('2026-03-31'),
      {
        verdict: 'insured',
        rules: ['R3', 'R21'],
        documentsNeeded: ['kohi-cert'],
        publicExpense: [nanbyoEntry({ applied: false, basis: null, reason: 'not-valid' })],
        patientPays: NOTHING,
      },
    ],
    [
      'validFrom: applied, 2割 up to the monthly cap',
      visit('2026-04-01'),
      {
        rules: ['R3', 'R21'],
        documentsNeeded: [],
        publicExpense: [nanbyoEntry({ applied: true, basis: 'document', reason: null })],
        patientPays: { ...NOTHING, percent: 20, monthlyCapYen: 10000 },
      },
    ],
    [
      'validUntil: still applied',
      visit('2026-09-30'),
      { publicExpense: [nanbyoEntry({ applied: true, basis: 'document', reason: null })] },
    ],
    [
      'validUntil + 1 day: not-valid',
      visit('2026-10-01'),
      {
        documentsNeeded: ['kohi-cert'],
        publicExpense: [nanbyoEntry({ applied: false, basis: null, reason: 'not-valid' })],
        patientPays: NOTHING,
      },
    ],
    [
      'validUntil + 1 day and no certificate: not reported at all',
      visit('2026-10-01', { presented: [card] }),
      { rules: ['R3'], publicExpense: [], documentsNeeded: [] },
    ],
    [
      'not the designated clinic: not-designated, no document needed',
      visit('2026-05-14', { kohi: [{ ...NANBYO, designatedHere: false }] }),
      {
        rules: ['R3', 'R21'],
        documentsNeeded: [],
        publicExpense: [nanbyoEntry({ applied: false, basis: null, reason: 'not-designated' })],
        patientPays: NOTHING,
      },
    ],
    [
      'enrolled, certificate forgotten: not-presented, kohi-cert needed (no kohi-refund for national)',
      visit('2026-05-14', { presented: [card] }),
      {
        documentsNeeded: ['kohi-cert'],
        notes: [],
        publicExpense: [nanbyoEntry({ applied: false, basis: null, reason: 'not-presented' })],
      },
    ],
    [
      'paid 9,990 of 10,000: cap not reached',
      visit('2026-05-14', { kohi: [{ ...NANBYO, paidThisMonthYen: 9990 }] }),
      { patientPays: { ...NOTHING, percent: 20, monthlyCapYen: 10000, capReached: false } },
    ],
    [
      'paid 10,000 of 10,000: cap reached → nothing more this month',
      visit('2026-05-14', { kohi: [{ ...NANBYO, paidThisMonthYen: 10000 }] }),
      { patientPays: { ...NOTHING, percent: 0, monthlyCapYen: 10000, capReached: true } },
    ],
    [
      '自立支援 (精神通院) 10%, no cap',
      visit('2026-05-14', {
        kohi: [
          {
            program: 'seishin',
            payerNumber: '21132055',
            recipientNumber: '2468023',
            validFrom: '2026-04-01',
            validUntil: '2027-03-31',
          },
        ],
      }),
      { rules: ['R3', 'R21'], patientPays: { ...NOTHING, percent: 10 } },
    ],
    [
      '後期 1割 with 難病 2割: the lower insurance copay stays',
      visit('2026-05-14', {
        birthDate: '1948-02-02',
        coverages: [{ insurer: 'kouki', insurerNumber: '39131016', acquiredOn: '2023-02-02' }],
      }),
      { copayPercent: 10, patientPays: { ...NOTHING, percent: 10, monthlyCapYen: 10000 } },
    ],
    [
      'self-pay: reported not-insured, adds nothing',
      visit('2026-05-14', { online: false, presented: [cert()] }),
      {
        verdict: 'self-pay',
        rules: ['R11'],
        documentsNeeded: [],
        publicExpense: [nanbyoEntry({ applied: false, basis: null, reason: 'not-insured' })],
        patientPays: { ...NOTHING, percent: 100 },
      },
    ],
  ]);

  it('a national payer number starts with its 法別 number; recipient numbers need 7 digits with a check digit', () => {
    expect(issuesOf(visit('2026-05-14', { kohi: [{ ...NANBYO, payerNumber: '52130010' }] }))).toEqual([
      'patient.kohi[0].payerNumber: a nanbyo payer number starts with its 法別 number 54',
    ]);
    expect(issuesOf(visit('2026-05-14', { kohi: [{ ...NANBYO, recipientNumber: '1357913' }] }))[0]).toMatch(
      /^patient\.kohi\[0\]\.recipientNumber: recipient number: bad check digit/,
    );
    expect(issuesOf(visit('2026-05-14', { kohi: [{ ...NANBYO, recipientNumber: undefined }] }))).toEqual([
      'patient.kohi[0].recipientNumber: a national programme needs recipientNumber',
    ]);
    expect(issuesOf(visit('2026-05-14', { kohi: [{ ...NANBYO, share: 'none' }] }))).toEqual([
      'patient.kohi[0].share: share is for local programmes only',
    ]);
  });
});

describe('R22 医療証: prefecture, share, 償還払い', () => {
  const child = (visitDate: string, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
    visitDate,
    birthDate: CHILD_BIRTH,
    coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: CHILD_BIRTH }],
    clinic: { prefecture: '13' },
    kohi: [CHILD],
    presented: [card, cert()],
    ...extra,
  });
  table([
    [
      'inside the prefecture: no copay',
      child('2026-06-16'),
      {
        copayPercent: 30,
        rules: ['R3', 'R22'],
        publicExpense: [childEntry({ applied: true, basis: 'document', reason: null })],
        patientPays: { ...NOTHING, percent: 0 },
      },
    ],
    [
      'the clinic prefecture unset (null): the 医療証 applies',
      child('2026-06-16', { clinic: {} }),
      { publicExpense: [childEntry({ applied: true, basis: 'document', reason: null })] },
    ],
    [
      'another prefecture: other-prefecture, kohi-refund, no kohi-cert',
      child('2026-06-16', { clinic: { prefecture: '14' } }),
      {
        rules: ['R3', 'R22'],
        notes: ['kohi-refund'],
        documentsNeeded: [],
        publicExpense: [childEntry({ applied: false, basis: null, reason: 'other-prefecture' })],
        patientPays: NOTHING,
      },
    ],
    [
      'forgotten: not-presented, kohi-cert and kohi-refund',
      child('2026-06-16', { presented: [card] }),
      {
        notes: ['kohi-refund'],
        documentsNeeded: ['kohi-cert'],
        publicExpense: [childEntry({ applied: false, basis: null, reason: 'not-presented' })],
      },
    ],
    [
      '1回200円 on the last valid day',
      child('2027-03-31', { kohi: [{ ...CHILD, share: { perVisitYen: 200 } }] }),
      { patientPays: { ...NOTHING, percent: 0, perVisitYen: 200 } },
    ],
    [
      '1回200円 the day after validUntil: not-valid, kohi-cert, no kohi-refund',
      child('2027-04-01', { kohi: [{ ...CHILD, share: { perVisitYen: 200 } }] }),
      {
        notes: [],
        documentsNeeded: ['kohi-cert'],
        publicExpense: [childEntry({ applied: false, basis: null, reason: 'not-valid' })],
        patientPays: NOTHING,
      },
    ],
    [
      'a 1割 ひとり親 医療証 the day validFrom begins',
      child('2026-04-01', {
        kohi: [{ ...CHILD, program: 'single-parent', share: { percent: 10 } }],
      }),
      { rules: ['R3', 'R22'], patientPays: { ...NOTHING, percent: 10 } },
    ],
    [
      'a per-visit 医療証 and a reached national cap: nothing to pay, no per-visit amount',
      child('2026-06-16', {
        kohi: [
          { ...CHILD, share: { perVisitYen: 200 } },
          { ...NANBYO, program: 'shoman', payerNumber: '52130010', paidThisMonthYen: 12000 },
        ],
        presented: [card, cert('k1'), cert('k2')],
      }),
      {
        rules: ['R3', 'R21', 'R22'],
        patientPays: { percent: 0, perVisitYen: null, monthlyCapYen: 10000, capReached: true, deposit: false },
      },
    ],
  ]);

  it('a local programme needs its prefecture and share, and a payer number starting with 8 or 9', () => {
    const { prefecture: _p, share: _s, ...bare } = CHILD;
    expect(issuesOf(child('2026-06-16', { kohi: [{ ...bare, payerNumber: '77130011' }] }))).toEqual([
      'patient.kohi[0].payerNumber: a local programme’s payer number starts with 8 or 9',
      'patient.kohi[0].share: a local programme needs share',
      'patient.kohi[0].prefecture: a local programme needs prefecture',
    ]);
    expect(issuesOf(child('2026-06-16', { kohi: [{ ...CHILD, monthlyCapYen: 5000 }] }))).toEqual([
      'patient.kohi[0].monthlyCapYen: monthlyCapYen is for national programmes only',
    ]);
    expect(issuesOf(child('2026-06-16', { presented: [cert('k9')] }))).toEqual([
      'presented[0].kohi: no such programme in patient.kohi: k9',
    ]);
  });
});

describe('R23 PMH: a valid card read confirms registered programmes without paper', () => {
  const pmh = (presented: Record<string, unknown>[], extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
    visitDate: '2026-05-27',
    birthDate: CHILD_BIRTH,
    coverages: [{ insurer: 'kyokai', acquiredOn: CHILD_BIRTH, role: 'dependent' }],
    clinic: { prefecture: '13', pmh: true },
    kohi: [{ ...CHILD, pmhRegistered: true }],
    presented,
    ...extra,
  });
  table([
    [
      'card read valid: basis pmh, R23',
      pmh([card]),
      {
        rules: ['R3', 'R22', 'R23'],
        documentsNeeded: [],
        publicExpense: [childEntry({ applied: true, basis: 'pmh', reason: null })],
        patientPays: { ...NOTHING, percent: 0 },
      },
    ],
    [
      'card read valid and the paper shown too: still pmh',
      pmh([card, cert()]),
      { publicExpense: [childEntry({ applied: true, basis: 'pmh', reason: null })] },
    ],
    [
      'a 資格確認書 by number: PMH does not answer, the paper is needed',
      pmh([kakunin()]),
      {
        rules: ['R5', 'R22'],
        documentsNeeded: ['kohi-cert'],
        notes: ['kohi-refund'],
        publicExpense: [childEntry({ applied: false, basis: null, reason: 'not-presented' })],
      },
    ],
    [
      'a clinic not connected to PMH: the paper is needed',
      pmh([card], { clinic: { prefecture: '13', pmh: false } }),
      { rules: ['R3', 'R22'], publicExpense: [childEntry({ applied: false, basis: null, reason: 'not-presented' })] },
    ],
    [
      'a smartphone read counts like the card',
      pmh([{ kind: 'myna-smartphone', os: 'iphone' }], { phoneReader: true }),
      { rules: ['R3', 'R22', 'R23'], publicExpense: [childEntry({ applied: true, basis: 'pmh', reason: null })] },
    ],
  ]);
});

describe('R24 生活保護 医療扶助', () => {
  const KOKUHO_LEFT = { insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', lostOn: '2023-10-01' };
  const WELFARE = { from: '2023-10-01', until: null };
  const welfare = (visitDate: string, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
    visitDate,
    birthDate: '1963-07-07',
    coverages: [KOKUHO_LEFT],
    welfare: WELFARE,
    presented: [card],
    ...extra,
  });
  const PA = {
    verdict: 'public-assistance',
    coverage: null,
    copayPercent: 0,
    copayBasis: 'public-assistance',
    billing: 'public-assistance',
  } as const;
  const welfareEntry = (basis: PublicExpenseBasis): PublicExpense => ({
    program: 'welfare',
    kohi: null,
    payerNumber: null,
    applied: true,
    basis,
    reason: null,
  });
  table([
    [
      'WELFARE_ONLINE_START - 1 day (2024-02-29): no online check, no 医療券 → call the 福祉事務所',
      welfare('2024-02-29'),
      {
        ...PA,
        rules: ['R24'],
        onlineCheck: { cardRoute: 'invalid', welfareRoute: 'not-run' },
        documentsNeeded: ['medical-ticket'],
        notes: ['call-welfare-office'],
        publicExpense: [welfareEntry('pending')],
        patientPays: { ...NOTHING, percent: 0 },
      },
    ],
    [
      'WELFARE_ONLINE_START (2024-03-01): the online check confirms it',
      welfare('2024-03-01'),
      {
        ...PA,
        rules: ['R24'],
        onlineCheck: { welfareRoute: 'valid' },
        documentsNeeded: [],
        notes: [],
        publicExpense: [welfareEntry('online')],
      },
    ],
    [
      '医療券 not registered: not-found, pending',
      welfare('2026-03-11', { welfare: { ...WELFARE, ticketRegistered: false } }),
      {
        ...PA,
        onlineCheck: { welfareRoute: 'not-found' },
        notes: ['call-welfare-office'],
        documentsNeeded: ['medical-ticket'],
      },
    ],
    [
      'a smartphone alone is not used for 医療扶助',
      welfare('2026-03-11', { phoneReader: true, presented: [{ kind: 'myna-smartphone', os: 'android' }] }),
      {
        ...PA,
        onlineCheck: { cardRoute: 'invalid', welfareRoute: 'not-run' },
        publicExpense: [welfareEntry('pending')],
      },
    ],
    [
      'the old 国保 資格確認書 answers 無効: R12, never R9 nor 10割',
      welfare('2026-03-11', {
        online: true,
        presented: [kakunin({ coverage: 'c1', issuedOn: '2024-12-02', validUntil: '2027-12-01' })],
        coverages: [{ ...KOKUHO_LEFT, lostOn: '2025-10-01' }],
        welfare: { from: '2025-10-01', until: null },
      }),
      { ...PA, rules: ['R24', 'R12'], onlineCheck: { numberRoute: 'invalid', welfareRoute: 'not-run' } },
    ],
    [
      'employee insurance kept: insured, 医療扶助 as a public share pays the 3割',
      welfare('2026-03-11', {
        coverages: [KYOKAI_SINCE_2015],
        welfare: { from: '2025-06-01', until: null },
      }),
      {
        verdict: 'insured',
        copayPercent: 30,
        rules: ['R3', 'R24'],
        onlineCheck: { welfareRoute: 'valid' },
        publicExpense: [welfareEntry('online')],
        patientPays: { ...NOTHING, percent: 0 },
      },
    ],
    [
      'welfare.until is the last day on 生活保護',
      welfare('2026-03-11', { coverages: [KYOKAI_SINCE_2015], welfare: { from: '2025-06-01', until: '2026-03-11' } }),
      { rules: ['R3', 'R24'], publicExpense: [welfareEntry('online')] },
    ],
    [
      'the day after welfare.until: no 医療扶助',
      welfare('2026-03-12', { coverages: [KYOKAI_SINCE_2015], welfare: { from: '2025-06-01', until: '2026-03-11' } }),
      { rules: ['R3'], publicExpense: [], onlineCheck: { welfareRoute: 'not-run' } },
    ],
  ]);

  describe('the month of a 医療券 (no online check)', () => {
    const ticket = (visitDate: string, month = '2026-10', forThisClinic = true) =>
      welfare(visitDate, { online: false, presented: [{ kind: 'medical-ticket', month, forThisClinic }] });
    table([
      [
        'the last day of the month before',
        ticket('2026-09-30'),
        { ...PA, publicExpense: [welfareEntry('pending')], documentsNeeded: ['medical-ticket'] },
      ],
      [
        'the first day of its month',
        ticket('2026-10-01'),
        { ...PA, publicExpense: [welfareEntry('document')], documentsNeeded: [], notes: [] },
      ],
      ['the last day of its month', ticket('2026-10-31'), { ...PA, publicExpense: [welfareEntry('document')] }],
      [
        'the first day of the next month',
        ticket('2026-11-01'),
        { ...PA, publicExpense: [welfareEntry('pending')], notes: ['call-welfare-office'] },
      ],
      [
        'a 医療券 for another clinic',
        ticket('2026-10-01', '2026-10', false),
        { ...PA, publicExpense: [welfareEntry('pending')] },
      ],
    ]);
  });

  it('a 国保 or 後期 coverage current during 生活保護 is an input error', () => {
    expect(issuesOf(welfare('2026-03-11', { coverages: [{ ...KOKUHO_LEFT, lostOn: null }] }))).toEqual([
      'patient.coverages[0].insurer: a patient on welfare has left kokuho and kouki (this coverage is current on the visit day)',
    ]);
    expect(issuesOf(welfare('2026-03-11', { welfare: { from: '2025-01-01', until: '2024-12-31' } }))).toEqual([
      'patient.welfare.until: welfare.until is before welfare.from',
    ]);
  });
});

describe('R25 労災・通勤災害・交通事故', () => {
  const injury = (extra: Partial<ScenarioInput>): ScenarioInput => ({
    visitDate: '2026-04-22',
    cause: 'work',
    presented: [card, kakunin()],
    ...extra,
  });
  const NOT_RUN = { cardRoute: 'not-run', numberRoute: 'not-run', failure: null, welfareRoute: 'not-run' } as const;
  table([
    [
      'work, designated, no form: workers-comp, 10割 deposit, no online check',
      injury({}),
      {
        verdict: 'workers-comp',
        coverage: null,
        copayPercent: 0,
        copayBasis: 'workers-comp',
        billing: 'workers-comp',
        documentsNeeded: ['rousai-form'],
        onlineCheck: NOT_RUN,
        rules: ['R25'],
        notes: [],
        patientPays: { ...NOTHING, percent: 0, deposit: true },
      },
    ],
    [
      'commute, policy no-charge: no deposit',
      injury({ cause: 'commute', policy: { rousaiWithoutForm: 'no-charge' } }),
      { verdict: 'workers-comp', documentsNeeded: ['rousai-form'], patientPays: { ...NOTHING, percent: 0 } },
    ],
    [
      'work with the form: nothing needed, nothing paid',
      injury({ presented: [{ kind: 'rousai-form' }] }),
      { verdict: 'workers-comp', documentsNeeded: [], patientPays: { ...NOTHING, percent: 0 } },
    ],
    [
      'commute at a clinic not designated: self-pay, workers-comp-refund only (return visit)',
      injury({ cause: 'commute', visitType: 'return', clinic: { rousaiDesignated: false } }),
      {
        verdict: 'self-pay',
        coverage: null,
        copayPercent: 100,
        copayBasis: 'self-pay',
        billing: 'none',
        documentsNeeded: [],
        onlineCheck: NOT_RUN,
        rules: ['R25'],
        notes: ['workers-comp-refund'],
      },
    ],
    [
      'traffic: health insurance as usual, third-party-notice, R25 listed',
      injury({ cause: 'traffic', presented: [card] }),
      { verdict: 'insured', rules: ['R3', 'R25'], notes: ['third-party-notice'], billing: 'normal' },
    ],
  ]);
});

describe('R26 被扶養者: the insured person\u2019s retirement, death or 75th birthday', () => {
  // the wife (born 1957) is a dependent of her husband, born 1951-05-01 (75th birthday 2026-05-01)
  const dep = (visitDate: string, extra: Record<string, unknown> = {}, input: Partial<ScenarioInput> = {}) => ({
    visitDate,
    birthDate: '1957-01-20',
    coverages: [
      { insurer: 'kyokai', acquiredOn: '1983-04-01', role: 'dependent', holderBirthDate: '1951-05-01', ...extra },
    ],
    presented: [card],
    ...input,
  });
  table([
    ['the day before the holder turns 75: valid', dep('2026-04-30'), { verdict: 'insured', rules: ['R3'] }],
    [
      'the holder\u2019s 75th birthday: 資格(無効), 旧資格, R26',
      dep('2026-05-01'),
      { verdict: 'insured-declaration', billing: 'old-qualification', coverage: 'c1', rules: ['R9', 'R10', 'R26'] },
    ],
    [
      'a later lostOn is cut to the 75th birthday',
      dep('2026-05-02', { lostOn: '2026-10-01' }),
      { onlineCheck: { cardRoute: 'invalid' }, rules: ['R9', 'R10', 'R26'] },
    ],
    [
      'holder born on 29 February: 75th birthday on 1 March in a common year (28 Feb still valid)',
      dep('2027-02-28', { holderBirthDate: '1952-02-29' }),
      { verdict: 'insured', rules: ['R3'] },
    ],
    [
      'holder born on 29 February: 1 March is the end',
      dep('2027-03-01', { holderBirthDate: '1952-02-29' }),
      { onlineCheck: { cardRoute: 'invalid' }, rules: ['R9', 'R10', 'R26'] },
    ],
    [
      'retirement (lostWithHolder), no online check: the document is accepted, the insurer reclaims',
      dep(
        '2026-04-10',
        { holderBirthDate: null, lostOn: '2026-04-01', lostWithHolder: true },
        {
          online: false,
          presented: [kakunin()],
        },
      ),
      { verdict: 'insured', rules: ['R5', 'R12', 'R26'], notes: ['insurer-may-reclaim'] },
    ],
    [
      'dependent 70–74: the copay is the coverage\u2019s ratio (the insured person\u2019s income)',
      dep('2026-04-10', { holderBirthDate: '1953-09-09', ratio: 30 }, { birthDate: '1955-01-20' }),
      { verdict: 'insured', copayPercent: 30 },
    ],
  ]);

  it('dependents only in employee insurance; holder fields only on a dependent; lostWithHolder needs lostOn', () => {
    expect(
      issuesOf({
        visitDate: '2026-04-10',
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', role: 'dependent' }],
        presented: [card],
      }),
    ).toEqual([
      'patient.coverages[0].role: a dependent exists only in employee insurance (kyokai, kumiai, kyosai, senin)',
    ]);
    expect(
      issuesOf({
        visitDate: '2026-04-10',
        coverages: [{ ...KYOKAI_SINCE_2015, holderBirthDate: '1950-01-01' }],
        presented: [card],
      }),
    ).toEqual(['patient.coverages[0].holderBirthDate: holderBirthDate is for a dependent only']);
    expect(
      issuesOf({
        visitDate: '2026-04-10',
        coverages: [{ ...KYOKAI_SINCE_2015, role: 'dependent', lostWithHolder: true }],
        presented: [card],
      }),
    ).toEqual(['patient.coverages[0].lostWithHolder: lostWithHolder requires lostOn']);
  });
});

describe('version-2 corrections', () => {
  // 協会けんぽ, retired 2026-03-31 (lostOn 04-01); the employer registered the loss on 04-15
  const LEFT = { ...KYOKAI_SINCE_2015, lostOn: '2026-04-01', lossRegisteredOn: '2026-04-15' };
  describe('lossRegisteredOn: shown as current until the loss is registered', () => {
    table([
      [
        'card route, the day before: valid, claim-may-be-returned, R17',
        { visitDate: '2026-04-14', coverages: [LEFT], presented: [card] },
        { verdict: 'insured', coverage: 'c1', rules: ['R3', 'R17'], notes: ['claim-may-be-returned'] },
      ],
      [
        'card route, the day it is registered: 資格(無効)',
        { visitDate: '2026-04-15', coverages: [LEFT], presented: [card] },
        { verdict: 'insured-declaration', billing: 'old-qualification', rules: ['R9', 'R10'], notes: [] },
      ],
      [
        'number route, the day before: valid, R5, claim-may-be-returned',
        { visitDate: '2026-04-14', coverages: [LEFT], presented: [kakunin()] },
        {
          verdict: 'insured',
          onlineCheck: { numberRoute: 'valid' },
          rules: ['R5', 'R17'],
          notes: ['claim-may-be-returned'],
        },
      ],
      [
        'number route, the day after: 無効 → self-pay, R12',
        { visitDate: '2026-04-16', coverages: [LEFT], presented: [kakunin()] },
        { verdict: 'self-pay', onlineCheck: { numberRoute: 'invalid' }, rules: ['R11', 'R12'] },
      ],
      [
        'no online check: accepted, insurer-may-reclaim (exactly one of the two notes)',
        { visitDate: '2026-04-14', online: false, coverages: [LEFT], presented: [kakunin()] },
        { verdict: 'insured', rules: ['R5', 'R12'], notes: ['insurer-may-reclaim'] },
      ],
    ]);
  });

  table([
    [
      'a coverage the online system never knew: not-found by number too (R5 accepts, the insurer reclaims)',
      {
        visitDate: '2026-03-02',
        coverages: [
          {
            insurer: 'kumiai',
            insurerNumber: '06130017',
            acquiredOn: '2026-01-05',
            lostOn: '2026-02-01',
            registeredOn: '2026-12-31',
          },
        ],
        presented: [kakunin({ issuedOn: '2026-01-10', validUntil: '2030-01-09' })],
      },
      {
        verdict: 'insured',
        onlineCheck: { numberRoute: 'not-found' },
        rules: ['R5', 'R12'],
        notes: ['insurer-may-reclaim'],
      },
    ],
    [
      'registration at the reader needs an unexpired certificate: refused → not-registered, R8',
      {
        visitDate: '2026-04-16',
        myna: { insuranceRegistered: false, certExpiresOn: '2026-03-15' },
        presented: [card, kakunin()],
      },
      {
        verdict: 'insured',
        onlineCheck: { cardRoute: 'failed', failure: 'not-registered', numberRoute: 'valid' },
        rules: ['R5', 'R8'],
      },
    ],
    [
      'a smartphone cannot be registered at the desk (no R8)',
      {
        visitDate: '2026-04-16',
        phoneReader: true,
        myna: { insuranceRegistered: false, certExpiresOn: '2030-05-10' },
        presented: [{ kind: 'myna-smartphone', os: 'iphone' }],
      },
      { verdict: 'self-pay', onlineCheck: { cardRoute: 'failed', failure: 'not-registered' }, rules: ['R11'] },
    ],
    [
      'R20 only for a physical card read: the smartphone with a locked card PIN',
      {
        visitDate: '2026-04-16',
        phoneReader: true,
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10', pinLocked: true },
        presented: [{ kind: 'myna-smartphone', os: 'android' }],
      },
      { verdict: 'insured', rules: ['R3'] },
    ],
    [
      'R20 for the card read',
      {
        visitDate: '2026-04-16',
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10', pinLocked: true },
        presented: [card],
      },
      { verdict: 'insured', rules: ['R3', 'R20'] },
    ],
    [
      'R20 not when the card was not read (outage)',
      {
        visitDate: '2026-04-16',
        visitType: 'return',
        incident: 'network-outage',
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10', pinLocked: true },
        presented: [card],
      },
      { verdict: 'insured-declaration', billing: 'normal', rules: ['R9'] },
    ],
    [
      'R9, return visit, reader failure, a number query 無効: the declaration and 旧資格 after all',
      {
        visitDate: '2026-04-20',
        visitType: 'return',
        incident: 'reader-failure',
        coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2026-04-01' }],
        presented: [card, { kind: 'oshirase' }],
      },
      {
        verdict: 'insured-declaration',
        documentsNeeded: ['declaration'],
        billing: 'old-qualification',
        coverage: 'c1',
        onlineCheck: { numberRoute: 'invalid' },
        rules: ['R9', 'R10', 'R12'],
      },
    ],
    [
      'R9, return visit, reader failure, the number query valid: the records stand',
      {
        visitDate: '2026-04-20',
        visitType: 'return',
        incident: 'reader-failure',
        presented: [card, { kind: 'oshirase' }],
      },
      { verdict: 'insured', rules: ['R4'] },
    ],
    [
      'the newest coverage wins: an outage, the old 資格確認書 and the new お知らせ',
      {
        visitDate: '2026-05-07',
        incident: 'network-outage',
        coverages: [
          { ...KYOKAI_SINCE_2015, lostOn: '2026-04-01' },
          { insurer: 'kumiai', acquiredOn: '2026-04-01' },
        ],
        presented: [kakunin({ coverage: 'c1' }), { kind: 'oshirase', coverage: 'c2' }, card],
      },
      { verdict: 'insured', coverage: 'c2', rules: ['R4', 'R12'], notes: [] },
    ],
    [
      'the newest coverage wins even when its document is not accepted (お知らせ without the card)',
      {
        visitDate: '2026-05-07',
        online: false,
        coverages: [
          { ...KYOKAI_SINCE_2015, lostOn: '2026-04-01' },
          { insurer: 'kumiai', acquiredOn: '2026-04-01' },
        ],
        presented: [kakunin({ coverage: 'c1' }), { kind: 'oshirase', coverage: 'c2' }],
      },
      { verdict: 'self-pay', rules: ['R11', 'R12'] },
    ],
    [
      'a マイナポータル pdf shows what the system knew on savedOn (before the loss): accepted, insurer-may-reclaim',
      {
        visitDate: '2026-04-20',
        online: false,
        coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2026-04-01' }],
        presented: [card, { kind: 'mynaportal', form: 'pdf', savedOn: '2026-03-20' }],
      },
      { verdict: 'insured', coverage: 'c1', rules: ['R4', 'R12'], notes: ['insurer-may-reclaim'] },
    ],
    [
      'a pdf saved before the new coverage was registered shows nothing',
      {
        visitDate: '2026-05-20',
        online: false,
        coverages: [{ insurer: 'kyokai', acquiredOn: '2026-04-20', filedOn: '2026-04-24' }],
        presented: [card, { kind: 'mynaportal', form: 'pdf', savedOn: '2026-04-30' }],
      },
      { verdict: 'self-pay', rules: ['R11'] },
    ],
    [
      'a マイナポータル screen with an expired certificate cannot log in: R8',
      {
        visitDate: '2026-04-20',
        online: false,
        myna: { insuranceRegistered: true, certExpiresOn: '2026-04-10' },
        presented: [card, { kind: 'mynaportal', form: 'screen' }],
      },
      { verdict: 'self-pay', rules: ['R11', 'R8'] },
    ],
    [
      '後期 from 65 with 障害認定: its ratio from acquiredOn',
      {
        visitDate: '2026-05-20',
        birthDate: '1958-03-03',
        coverages: [{ insurer: 'kouki', insurerNumber: '39131016', acquiredOn: '2024-06-01' }],
        presented: [card],
      },
      { verdict: 'insured', copayPercent: 10, rules: ['R3'] },
    ],
    [
      'R13: a 後期 member of 66 in 区分 一般 needs no limit document',
      {
        visitDate: '2026-05-20',
        birthDate: '1960-01-01',
        needsLimit: true,
        coverages: [{ insurer: 'kouki', insurerNumber: '39131016', acquiredOn: '2025-06-01', limitCategory: '一般' }],
        presented: [kakunin({ issuedOn: '2025-06-01', validUntil: '2026-07-31' })],
        online: false,
      },
      { verdict: 'insured', documentsNeeded: [], rules: ['R5'] },
    ],
    [
      'R13: limitOnFile false — even after R3 the 認定証 is needed',
      {
        visitDate: '2026-05-20',
        needsLimit: true,
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', limitOnFile: false }],
        presented: [card],
      },
      { verdict: 'insured', documentsNeeded: ['limit-cert'], rules: ['R3', 'R13'] },
    ],
    [
      'R13: limitOnFile false, 後期 低所得Ⅱ → a 資格確認書 with the 区分',
      {
        visitDate: '2026-05-20',
        birthDate: '1946-02-02',
        needsLimit: true,
        coverages: [
          {
            insurer: 'kouki',
            insurerNumber: '39131016',
            acquiredOn: '2021-02-02',
            limitCategory: '低所得Ⅱ',
            limitOnFile: false,
          },
        ],
        presented: [card],
      },
      { documentsNeeded: ['kakunin-with-limit'], rules: ['R3', 'R13'] },
    ],
    [
      'R13: limitOnFile false but 区分 一般 (後期): no document',
      {
        visitDate: '2026-05-20',
        birthDate: '1946-02-02',
        needsLimit: true,
        coverages: [
          {
            insurer: 'kouki',
            insurerNumber: '39131016',
            acquiredOn: '2021-02-02',
            limitCategory: '一般',
            limitOnFile: false,
          },
        ],
        presented: [card],
      },
      { documentsNeeded: [], rules: ['R3'] },
    ],
  ]);

  describe('the 高齢受給者証 validFrom (発効期日 2026-09-01)', () => {
    const elderly = (visitDate: string) => ({
      visitDate,
      birthDate: '1953-03-03',
      online: false,
      presented: [kakunin(), { kind: 'elderly-card', ratio: 30, validFrom: '2026-09-01', validUntil: '2027-07-31' }],
    });
    table([
      [
        'the day before: not yet valid → 3割 provisional',
        elderly('2026-08-31'),
        { copayBasis: 'provisional', documentsNeeded: ['elderly-card'] },
      ],
      [
        'the first day: its ratio',
        elderly('2026-09-01'),
        { copayBasis: 'elderly-card', copayPercent: 30, documentsNeeded: [] },
      ],
      ['the day after: its ratio', elderly('2026-09-02'), { copayBasis: 'elderly-card', copayPercent: 30 }],
    ]);
  });

  describe('HOLIDAYS_ANNOUNCED_UNTIL (2027-12-31): a lag counted beyond it is an estimate', () => {
    const hire = (filedOn: string) => ({
      visitDate: '2027-12-27',
      coverages: [{ insurer: 'kyokai', insurerNumber: '01130012', acquiredOn: '2027-12-20', filedOn }],
      presented: [card],
    });
    table([
      ['filed 12-21: registered 12-28, announced', hire('2027-12-21'), { rules: ['R9', 'R10', 'R17'], notes: [] }],
      [
        'filed 12-22: registered 2028-01-04, an estimate',
        hire('2027-12-22'),
        { rules: ['R9', 'R10', 'R17'], notes: ['holiday-data-estimate'] },
      ],
    ]);
  });

  it('the new impossible combinations are input errors naming the field', () => {
    const base = { visitDate: '2026-04-20', presented: [] as Record<string, unknown>[] };
    expect(issuesOf({ ...base, presented: [kakunin({ issuedOn: '2026-04-21' })] })).toEqual([
      'presented[0].issuedOn: issuedOn is after the visit date',
    ]);
    expect(
      issuesOf({ ...base, coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2025-12-02' }], presented: [kakunin()] }),
    ).toEqual(["presented[0].issuedOn: a kakunin-sho is not issued on or after its coverage's lostOn"]);
    expect(
      issuesOf({
        ...base,
        birthDate: '1945-05-05',
        coverages: [{ insurer: 'kouki', acquiredOn: '2020-05-05' }],
        presented: [{ kind: 'legacy-card', printedExpiry: '2025-08-31' }],
      }),
    ).toEqual(['presented[0].printedExpiry: every kouki legacy card expired on 2025-07-31']);
    expect(
      issuesOf({
        ...base,
        presented: [{ kind: 'elderly-card', ratio: 20, validFrom: '2026-08-01', validUntil: '2026-07-31' }],
      }),
    ).toEqual(['presented[0].validFrom: validFrom is after validUntil']);
    expect(issuesOf({ ...base, presented: [{ kind: 'mynaportal', form: 'screen', savedOn: '2026-04-01' }] })).toEqual([
      'presented[0].savedOn: savedOn is for a pdf only',
    ]);
    expect(issuesOf({ ...base, presented: [{ kind: 'mynaportal', form: 'pdf', savedOn: '2026-04-21' }] })).toEqual([
      'presented[0].savedOn: savedOn is after the visit date',
    ]);
    expect(
      issuesOf({
        ...base,
        birthDate: '1962-01-01',
        coverages: [{ insurer: 'kouki', acquiredOn: '2026-01-01' }],
        presented: [],
      }),
    ).toEqual([
      'patient.coverages[0].acquiredOn: kouki starts at 65 at the earliest (障害認定): acquiredOn is before the 65th birthday',
    ]);
    expect(issuesOf({ ...base, coverages: [{ ...KYOKAI_SINCE_2015, lossRegisteredOn: '2026-04-01' }] })).toEqual([
      'patient.coverages[0].lossRegisteredOn: lossRegisteredOn requires lostOn',
    ]);
    expect(issuesOf({ ...base, presented: [{ kind: 'medical-ticket', month: '2026-13' }] })).toEqual([
      'presented[0].month: month must be YYYY-MM (e.g. 2026-05)',
    ]);
  });

  it('R18: a 12-digit number is refused in the new fields and never echoed', () => {
    const r = parseScenario(
      rawScenario({
        visitDate: '2026-05-14',
        kohi: [{ ...NANBYO, id: '123456789012', payerNumber: '123456789012' }],
        presented: [card],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // R18 before anything else: one refusal, at the first 12-digit field of the input
      expect(r.issues.map((i) => i.path)).toEqual(['patient.kohi[0].payerNumber']);
      expect(JSON.stringify(r.issues)).not.toContain('123456789012');
    }
    const r2 = parseScenario(
      rawScenario({ visitDate: '2026-05-14', kohi: [{ ...NANBYO, payerNumber: '123456789012' }], presented: [] }),
    );
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.issues.map((i) => `${i.path}: ${i.en}`)).toEqual([
        'patient.kohi[0].payerNumber: a 12-digit number may be a My Number (個人番号) and is refused (R18)',
      ]);
      expect(JSON.stringify(r2.issues)).not.toContain('123456789012');
    }
  });

  it('version-1 files decide as before: no v2 field needed, every v2 decision field at its neutral value', () => {
    const d = decideInput({ visitDate: '2026-01-20', presented: [card] });
    expect(d).toMatchObject({
      verdict: 'insured',
      onlineCheck: { welfareRoute: 'not-run' },
      publicExpense: [],
      patientPays: { percent: 30, perVisitYen: null, monthlyCapYen: null, capReached: false, deposit: false },
    });
  });
});

describe('patientPays in words (the desk and the explanations)', () => {
  const pays = (over: Partial<Parameters<typeof patientPaysJa>[0]>) => patientPaysJa({ ...NOTHING, ...over });
  it.each([
    [{ percent: 0 }, '窓口負担 0円'],
    [{ percent: 0, perVisitYen: 200 }, '1回200円'],
    [{ percent: 20, monthlyCapYen: 10000 }, '2割 (月額上限 10,000円まで)'],
    [{ percent: 0, monthlyCapYen: 10000, capReached: true }, '今月の上限額に達しているため窓口負担 0円'],
    [{ percent: 0, deposit: true }, '10割を預かり金として'],
    [{}, '3割'],
  ])('%o → %s', (over, words) => {
    expect(pays(over)).toBe(words);
  });
});
