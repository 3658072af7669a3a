// Table tests per rule, with boundary dates: the day before, of and after each timeline constant.
import { describe, expect, it } from 'vitest';
import type { ExpectedDecision } from '../decision';
import {
  KYOKAI_SINCE_2015,
  MYNA_OK,
  type ScenarioInput,
  decideInput,
  mismatches,
  scenarioOf,
  rawScenario,
} from './testing/build';
import { parseScenario } from '../scenario';

type Case = [name: string, input: ScenarioInput, expected: ExpectedDecision];

const card = [{ kind: 'myna-card' }];
const legacy = (printedExpiry: string | null = null, coverage?: string) => ({
  kind: 'legacy-card',
  printedExpiry,
  ...(coverage ? { coverage } : {}),
});
const kakunin = (issuedOn: string, validUntil: string, extra: Record<string, unknown> = {}) => ({
  kind: 'kakunin-sho',
  issuedOn,
  validUntil,
  ...extra,
});
const oshirase = { kind: 'oshirase' };
const KOKUHO = { insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01' };
const KOUKI = (acquiredOn: string, ratio = 10) => ({ insurer: 'kouki', insurerNumber: '39131016', acquiredOn, ratio });

function table(cases: Case[]) {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(input, expected)).toEqual([]);
  });
}

describe('R1 legacy 保険証 and LEGACY_LAST (2025-12-01)', () => {
  table([
    [
      'employee card on 2025-11-30',
      { visitDate: '2025-11-30', online: false, presented: [legacy()] },
      { verdict: 'insured', rules: ['R1'], copayPercent: 30 },
    ],
    [
      'employee card on its last day 2025-12-01',
      { visitDate: '2025-12-01', online: false, presented: [legacy()] },
      { verdict: 'insured', rules: ['R1'] },
    ],
    [
      'employee card on 2025-12-02 without online check',
      { visitDate: '2025-12-02', online: false, presented: [legacy()] },
      { verdict: 'self-pay', rules: ['R11'], copayPercent: 100 },
    ],
    [
      'employee card on 2025-12-02 with online check → interim',
      { visitDate: '2025-12-02', presented: [legacy()] },
      { verdict: 'insured-interim', rules: ['R2'], onlineCheck: { numberRoute: 'valid' } },
    ],
    [
      'printed expiry later than LEGACY_LAST is capped',
      { visitDate: '2025-12-02', online: false, presented: [legacy('2026-03-31')] },
      { verdict: 'self-pay' },
    ],
    [
      'kokuho card with its printed expiry',
      { visitDate: '2025-07-31', online: false, coverages: [KOKUHO], presented: [legacy('2025-07-31')] },
      { verdict: 'insured', rules: ['R1'] },
    ],
    [
      'kouki card defaults to 2025-07-31',
      {
        visitDate: '2025-07-31',
        online: false,
        birthDate: '1945-05-05',
        coverages: [KOUKI('2020-05-05')],
        presented: [legacy()],
      },
      { verdict: 'insured', rules: ['R1'], copayPercent: 10 },
    ],
    [
      'kouki card on 2025-08-01 → interim (kouki starts 08-01)',
      { visitDate: '2025-08-01', birthDate: '1945-05-05', coverages: [KOUKI('2020-05-05')], presented: [legacy()] },
      { verdict: 'insured-interim', rules: ['R2'] },
    ],
    [
      'a card of a coverage lost the day before, no online check: accepted with the reclaim note',
      {
        visitDate: '2025-11-05',
        online: false,
        coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2025-11-01' }],
        presented: [legacy()],
      },
      { verdict: 'insured', rules: ['R1', 'R12'], notes: ['insurer-may-reclaim'] },
    ],
    [
      'a card of a lost coverage, online check: 資格(無効) → self-pay',
      { visitDate: '2025-11-05', coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2025-11-01' }], presented: [legacy()] },
      { verdict: 'self-pay', rules: ['R11', 'R12'], onlineCheck: { numberRoute: 'invalid' } },
    ],
  ]);
});

describe('R2 interim handling windows', () => {
  const expiredKyokai = (visitDate: string, policy?: Record<string, unknown>): ScenarioInput => ({
    visitDate,
    presented: [legacy('2025-10-31')],
    ...(policy ? { policy } : {}),
  });
  table([
    [
      'kyokai card expired 10-31, on 2025-12-01 (interim not yet started)',
      expiredKyokai('2025-12-01'),
      { verdict: 'self-pay' },
    ],
    ['kyokai card expired 10-31, on 2025-12-02', expiredKyokai('2025-12-02'), { verdict: 'insured-interim' }],
    [
      'interimEmployeeFromExpiry: from the day after the printed expiry',
      expiredKyokai('2025-11-01', { interimEmployeeFromExpiry: true }),
      { verdict: 'insured-interim', policy: { interimEmployeeFromExpiry: true } },
    ],
    [
      'interimEmployeeFromExpiry: not on the printed expiry (card still valid → R1)',
      expiredKyokai('2025-10-31', { interimEmployeeFromExpiry: true }),
      { verdict: 'insured', rules: ['R1'] },
    ],
    ['last day of the interim (default 2026-07-31)', expiredKyokai('2026-07-31'), { verdict: 'insured-interim' }],
    ['day after the interim 2026-08-01', expiredKyokai('2026-08-01'), { verdict: 'self-pay', rules: ['R11'] }],
    [
      'interimEnd 2026-03-31: last day',
      expiredKyokai('2026-03-31', { interimEnd: '2026-03-31' }),
      { verdict: 'insured-interim' },
    ],
    [
      'interimEnd 2026-03-31: 2026-04-01',
      expiredKyokai('2026-04-01', { interimEnd: '2026-03-31' }),
      { verdict: 'self-pay' },
    ],
    [
      'kokuho card expired 07-31: 2025-07-31 still R1, 08-01 interim',
      { visitDate: '2025-08-01', coverages: [KOKUHO], presented: [legacy('2025-07-31')] },
      { verdict: 'insured-interim', rules: ['R2'] },
    ],
    [
      'kokuho card expired 06-30: 2025-07-31 before the kokuho interim start',
      { visitDate: '2025-07-31', coverages: [KOKUHO], presented: [legacy('2025-06-30')] },
      { verdict: 'self-pay' },
    ],
    [
      'no online check: interim needs the query by default',
      { visitDate: '2025-12-10', online: false, presented: [legacy()] },
      { verdict: 'self-pay' },
    ],
    [
      'interimNeedsOnlineCheck false: other means stand in',
      { visitDate: '2025-12-10', online: false, presented: [legacy()], policy: { interimNeedsOnlineCheck: false } },
      { verdict: 'insured-interim', onlineCheck: { numberRoute: 'not-run' } },
    ],
    [
      'network outage: the number route cannot run',
      { visitDate: '2025-12-10', incident: 'network-outage', presented: [legacy()] },
      { verdict: 'self-pay', onlineCheck: { numberRoute: 'not-run' } },
    ],
    [
      'お知らせ alone in the interim',
      { visitDate: '2025-12-10', presented: [oshirase] },
      { verdict: 'insured-interim', rules: ['R2'] },
    ],
    ['お知らせ alone after the interim', { visitDate: '2026-09-01', presented: [oshirase] }, { verdict: 'self-pay' }],
    [
      'an expired 資格確認書 is never covered',
      { visitDate: '2025-09-01', coverages: [KOKUHO], presented: [kakunin('2024-12-02', '2025-07-31')] },
      { verdict: 'self-pay', rules: ['R11'] },
    ],
    [
      'card of a coverage lost 11-30 on 2025-12-02: 資格(無効) → self-pay with R12',
      { visitDate: '2025-12-02', coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2025-12-01' }], presented: [legacy()] },
      { verdict: 'self-pay', rules: ['R11', 'R12'], onlineCheck: { numberRoute: 'invalid' } },
    ],
  ]);
});

describe('R3 card route, R8 certificate grace, R14 smartphone, R20 PIN', () => {
  table([
    [
      'card at an online clinic',
      { visitDate: '2026-01-20', presented: card },
      { verdict: 'insured', rules: ['R3'], copayBasis: 'online', onlineCheck: { cardRoute: 'valid', failure: null } },
    ],
    [
      'two current coverages → multiple, the most recent one',
      {
        visitDate: '2026-01-20',
        coverages: [
          KYOKAI_SINCE_2015,
          { id: 'c2', insurer: 'kumiai', insurerNumber: '06139877', acquiredOn: '2025-04-01' },
        ],
        presented: card,
      },
      { verdict: 'insured', coverage: 'c2', onlineCheck: { cardRoute: 'multiple' } },
    ],
    [
      'cert grace month-end: 2026-03-31 ok',
      { visitDate: '2026-03-31', myna: { ...MYNA_OK, certExpiresOn: '2025-12-10' }, presented: card },
      { verdict: 'insured', rules: ['R3', 'R8'], notes: ['cert-grace'] },
    ],
    [
      'cert grace month-end: 2026-04-01 fails → R9 declaration',
      { visitDate: '2026-04-01', myna: { ...MYNA_OK, certExpiresOn: '2025-12-10' }, presented: card },
      {
        verdict: 'insured-declaration',
        rules: ['R9', 'R8'],
        onlineCheck: { cardRoute: 'failed', failure: 'cert-expired' },
        documentsNeeded: ['declaration'],
      },
    ],
    [
      'cert grace expiry-date: 2026-03-10 ok',
      {
        visitDate: '2026-03-10',
        myna: { ...MYNA_OK, certExpiresOn: '2025-12-10' },
        presented: card,
        policy: { certGraceBasis: 'expiry-date' },
      },
      { verdict: 'insured', notes: ['cert-grace'] },
    ],
    [
      'cert grace expiry-date: 2026-03-11 fails',
      {
        visitDate: '2026-03-11',
        myna: { ...MYNA_OK, certExpiresOn: '2025-12-10' },
        presented: card,
        policy: { certGraceBasis: 'expiry-date' },
      },
      { onlineCheck: { failure: 'cert-expired' } },
    ],
    [
      'cert grace expiry-date clamps 11-30 → 02-28',
      {
        visitDate: '2026-02-28',
        myna: { ...MYNA_OK, certExpiresOn: '2025-11-30' },
        presented: card,
        policy: { certGraceBasis: 'expiry-date' },
      },
      { verdict: 'insured', notes: ['cert-grace'] },
    ],
    [
      'cert valid on its last day: no grace used',
      { visitDate: '2025-12-10', myna: { ...MYNA_OK, certExpiresOn: '2025-12-10' }, presented: card },
      { rules: ['R3'], notes: [] },
    ],
    [
      'smartphone with phone reader',
      { visitDate: '2026-01-20', phoneReader: true, presented: [{ kind: 'myna-smartphone', os: 'iphone' }] },
      { verdict: 'insured', rules: ['R3'] },
    ],
    [
      'smartphone before 2025-09-19',
      { visitDate: '2025-09-18', phoneReader: true, presented: [{ kind: 'myna-smartphone', os: 'android' }] },
      { verdict: 'self-pay', rules: ['R11', 'R14'], onlineCheck: { cardRoute: 'failed', failure: 'no-phone-reader' } },
    ],
    [
      'smartphone on 2025-09-19',
      { visitDate: '2025-09-19', phoneReader: true, presented: [{ kind: 'myna-smartphone', os: 'android' }] },
      { verdict: 'insured' },
    ],
    [
      'smartphone without phone reader',
      { visitDate: '2026-01-20', presented: [{ kind: 'myna-smartphone', os: 'iphone' }] },
      { verdict: 'self-pay', rules: ['R11', 'R14'], onlineCheck: { failure: 'no-phone-reader' } },
    ],
    [
      'smartphone has no certificate grace',
      {
        visitDate: '2026-02-20',
        phoneReader: true,
        myna: { ...MYNA_OK, certExpiresOn: '2026-01-05' },
        presented: [{ kind: 'myna-smartphone', os: 'android' }],
      },
      { verdict: 'self-pay', rules: ['R11', 'R8'], onlineCheck: { failure: 'cert-expired' } },
    ],
    [
      'card and smartphone together: only the card is used',
      {
        visitDate: '2026-02-20',
        phoneReader: true,
        myna: { ...MYNA_OK, certExpiresOn: '2026-01-05' },
        presented: [{ kind: 'myna-smartphone', os: 'android' }, { kind: 'myna-card' }],
      },
      { verdict: 'insured', rules: ['R3', 'R8'], notes: ['cert-grace'] },
    ],
    [
      'PIN locked: the check goes on (R20)',
      { visitDate: '2026-02-03', myna: { ...MYNA_OK, pinLocked: true }, presented: card },
      { verdict: 'insured', rules: ['R3', 'R20'] },
    ],
    [
      'unregistered card is registered at the desk',
      { visitDate: '2026-02-03', myna: { ...MYNA_OK, insuranceRegistered: false }, presented: card },
      { verdict: 'insured', rules: ['R3'] },
    ],
    [
      'unregistered card, patient declines registration',
      {
        visitDate: '2026-02-03',
        myna: { ...MYNA_OK, insuranceRegistered: false, registerAtDesk: false },
        presented: card,
      },
      { verdict: 'self-pay', onlineCheck: { cardRoute: 'failed', failure: 'not-registered' } },
    ],
  ]);
});

describe('R4 card + お知らせ / マイナポータル', () => {
  table([
    [
      'card + お知らせ, no online check',
      { visitDate: '2026-05-11', online: false, presented: [...card, oshirase] },
      { verdict: 'insured', rules: ['R4'], copayBasis: 'document' },
    ],
    [
      'card alone, no online check → self-pay',
      { visitDate: '2026-05-11', online: false, presented: card },
      { verdict: 'self-pay' },
    ],
    [
      'portal screen + card',
      { visitDate: '2026-05-11', online: false, presented: [...card, { kind: 'mynaportal', form: 'screen' }] },
      { verdict: 'insured', rules: ['R4'] },
    ],
    [
      'portal screen alone (no card)',
      { visitDate: '2026-05-11', online: false, presented: [{ kind: 'mynaportal', form: 'screen' }] },
      { verdict: 'self-pay' },
    ],
    [
      'portal screenshot rejected by default',
      { visitDate: '2026-05-11', online: false, presented: [...card, { kind: 'mynaportal', form: 'screenshot' }] },
      { verdict: 'self-pay' },
    ],
    [
      'portal screenshot accepted by policy',
      {
        visitDate: '2026-05-11',
        online: false,
        presented: [...card, { kind: 'mynaportal', form: 'screenshot' }],
        policy: { portalScreenshot: 'accept' },
      },
      { verdict: 'insured', rules: ['R4'] },
    ],
    [
      'portal screen needs an unexpired certificate; a PDF saved earlier works',
      {
        visitDate: '2026-05-11',
        online: false,
        myna: { ...MYNA_OK, certExpiresOn: '2026-04-01' },
        presented: [...card, { kind: 'mynaportal', form: 'pdf' }],
      },
      { verdict: 'insured', rules: ['R4'] },
    ],
    [
      'portal screen with an expired certificate',
      {
        visitDate: '2026-05-11',
        online: false,
        myna: { ...MYNA_OK, certExpiresOn: '2026-04-01' },
        presented: [...card, { kind: 'mynaportal', form: 'screen' }],
      },
      { verdict: 'self-pay' },
    ],
    [
      'cert expired beyond grace at an online clinic, card + お知らせ → R4',
      { visitDate: '2026-04-06', myna: { ...MYNA_OK, certExpiresOn: '2025-12-10' }, presented: [...card, oshirase] },
      {
        verdict: 'insured',
        rules: ['R4', 'R8'],
        onlineCheck: { cardRoute: 'failed', failure: 'cert-expired', numberRoute: 'valid' },
      },
    ],
    [
      'unregistered card + お知らせ without online check is not a マイナ保険証; the お知らせ alone is not enough',
      {
        visitDate: '2026-05-11',
        online: false,
        myna: { ...MYNA_OK, insuranceRegistered: false },
        presented: [...card, oshirase],
      },
      { verdict: 'self-pay' },
    ],
  ]);
});

describe('R5 資格確認書 and R12 lost coverage', () => {
  table([
    [
      'kakunin within validity, no online check',
      { visitDate: '2026-06-01', online: false, presented: [kakunin('2025-08-01', '2030-07-31')] },
      { verdict: 'insured', rules: ['R5'] },
    ],
    [
      'kakunin on its last day',
      { visitDate: '2030-07-31', online: false, presented: [kakunin('2025-08-01', '2030-07-31')] },
      { verdict: 'insured' },
    ],
    [
      'kakunin the day after',
      { visitDate: '2030-08-01', online: false, presented: [kakunin('2025-08-01', '2030-07-31')] },
      { verdict: 'self-pay' },
    ],
    [
      'kakunin before validFrom',
      {
        visitDate: '2025-07-31',
        online: false,
        presented: [kakunin('2025-07-01', '2030-06-30', { validFrom: '2025-08-01' })],
      },
      { verdict: 'self-pay' },
    ],
    [
      'kakunin after retirement, online check → 資格(無効)',
      {
        visitDate: '2026-02-05',
        coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2026-02-01' }],
        presented: [kakunin('2025-08-01', '2030-07-31')],
      },
      { verdict: 'self-pay', rules: ['R11', 'R12'], onlineCheck: { numberRoute: 'invalid' } },
    ],
    [
      'kakunin of the old coverage with a new one → invalid-new',
      {
        visitDate: '2026-02-05',
        coverages: [
          { ...KYOKAI_SINCE_2015, lostOn: '2026-02-01' },
          { id: 'c2', insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2026-02-01' },
        ],
        presented: [kakunin('2025-08-01', '2030-07-31', { coverage: 'c1' })],
      },
      { verdict: 'self-pay', rules: ['R11', 'R12'], onlineCheck: { numberRoute: 'invalid-new' } },
    ],
    [
      'kakunin after retirement without online check: accepted, insurer may reclaim',
      {
        visitDate: '2026-02-05',
        online: false,
        coverages: [{ ...KYOKAI_SINCE_2015, lostOn: '2026-02-01' }],
        presented: [kakunin('2025-08-01', '2030-07-31')],
      },
      { verdict: 'insured', rules: ['R5', 'R12'], notes: ['insurer-may-reclaim'] },
    ],
    [
      '国保 kakunin on the 75th birthday is void (desk knows from the birth date)',
      {
        visitDate: '2026-03-10',
        online: false,
        birthDate: '1951-03-10',
        coverages: [
          { ...KOKUHO, id: 'c1' },
          { ...KOUKI('2026-03-10'), id: 'c2' },
        ],
        presented: [kakunin('2025-08-01', '2026-07-31', { coverage: 'c1' })],
      },
      { verdict: 'self-pay', rules: ['R11', 'R6', 'R12'] },
    ],
    [
      '後期 kakunin mailed before the 75th birthday works from the birthday',
      {
        visitDate: '2026-03-10',
        online: false,
        birthDate: '1951-03-10',
        coverages: [{ ...KOKUHO }, KOUKI('2026-03-10', 20)],
        presented: [kakunin('2026-02-20', '2026-07-31', { coverage: 'c2' })],
      },
      { verdict: 'insured', rules: ['R5'], copayPercent: 20, coverage: 'c2' },
    ],
    [
      '後期 kakunin the day before the birthday proves nothing',
      {
        visitDate: '2026-03-09',
        online: false,
        birthDate: '1951-03-10',
        coverages: [{ ...KOKUHO }, KOUKI('2026-03-10', 20)],
        presented: [kakunin('2026-02-20', '2026-07-31', { coverage: 'c2' })],
      },
      { verdict: 'self-pay' },
    ],
    [
      'number route not-found does not void a kakunin (new hire)',
      {
        visitDate: '2026-04-28',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2026-04-20', filedOn: '2026-04-24' }],
        birthDate: '1998-01-01',
        presented: [kakunin('2026-04-25', '2026-06-25')],
      },
      { verdict: 'insured', rules: ['R5', 'R17'], onlineCheck: { numberRoute: 'not-found' } },
    ],
  ]);
});

describe('R6 後期 (2026-07-31 / 2026-08-01)', () => {
  const kouki = { birthDate: '1948-04-01', coverages: [KOUKI('2023-04-01')] };
  table([
    [
      '後期 card only, no online check, 2026-07-31 → R6',
      { ...kouki, visitDate: '2026-07-31', online: false, presented: card },
      { verdict: 'self-pay', rules: ['R11', 'R6'] },
    ],
    [
      '後期 card only, no online check, 2026-08-01 → no R6',
      { ...kouki, visitDate: '2026-08-01', online: false, presented: card },
      { verdict: 'self-pay', rules: ['R11'] },
    ],
    [
      '後期 お知らせ from 2026-08-01',
      { ...kouki, visitDate: '2026-09-01', online: false, presented: [...card, oshirase] },
      { verdict: 'insured', rules: ['R4'], copayPercent: 10 },
    ],
  ]);
  it('a 後期 お知らせ before 2026-08-01 is an input error', () => {
    const r = parseScenario(rawScenario({ ...kouki, visitDate: '2026-07-31', presented: [oshirase] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('presented[0].kind');
  });
});

describe('R7 高齢受給者証 and R15 ages', () => {
  const k72 = { birthDate: '1953-06-10', coverages: [{ ...KYOKAI_SINCE_2015, ratio: 20 }] };
  table([
    [
      '72, card online: no elderly card',
      { ...k72, visitDate: '2026-01-15', presented: card },
      { verdict: 'insured', copayPercent: 20, elderlyCardNeeded: false, rules: ['R3'] },
    ],
    [
      '72, card + お知らせ + elderly card, offline',
      {
        ...k72,
        visitDate: '2026-01-15',
        online: false,
        presented: [...card, oshirase, { kind: 'elderly-card', ratio: 20, validUntil: '2026-07-31' }],
      },
      {
        copayPercent: 20,
        copayBasis: 'elderly-card',
        elderlyCardNeeded: true,
        documentsNeeded: [],
        rules: ['R4', 'R7'],
      },
    ],
    [
      '72, card + お知らせ without elderly card → provisional 30%',
      { ...k72, visitDate: '2026-01-15', online: false, presented: [...card, oshirase] },
      {
        copayPercent: 30,
        copayBasis: 'provisional',
        copayProvisional: true,
        elderlyCardNeeded: true,
        documentsNeeded: ['elderly-card'],
      },
    ],
    [
      '72, expired elderly card does not count',
      {
        ...k72,
        visitDate: '2026-08-15',
        online: false,
        presented: [...card, oshirase, { kind: 'elderly-card', ratio: 20, validUntil: '2026-07-31' }],
      },
      { copayProvisional: true, documentsNeeded: ['elderly-card'] },
    ],
    [
      '72 kokuho (on-document): no elderly card',
      {
        birthDate: '1953-06-10',
        coverages: [{ ...KOKUHO, ratio: 20 }],
        visitDate: '2026-02-02',
        online: false,
        presented: [kakunin('2025-08-01', '2026-07-31', { showsRatio: true })],
      },
      { copayPercent: 20, copayBasis: 'document', elderlyCardNeeded: false },
    ],
    [
      '72 kokuho with elderlyCard separate',
      {
        birthDate: '1953-06-10',
        coverages: [{ ...KOKUHO, elderlyCard: 'separate' }],
        visitDate: '2026-02-02',
        online: false,
        presented: [kakunin('2025-08-01', '2026-07-31')],
      },
      { copayProvisional: true, documentsNeeded: ['elderly-card'], rules: ['R5', 'R7'] },
    ],
    [
      '70th birthday month (born 12-15): still 30%',
      { birthDate: '1955-12-15', visitDate: '2025-12-31', presented: card },
      { copayPercent: 30 },
    ],
    [
      'from the 1st of the next month: 20%',
      { birthDate: '1955-12-15', visitDate: '2026-01-01', presented: card },
      { copayPercent: 20 },
    ],
    [
      'born on the 1st: elderly from the birthday month',
      { birthDate: '1956-01-01', visitDate: '2026-01-01', presented: card },
      { copayPercent: 20 },
    ],
    [
      'born on the 1st: the day before is 30%',
      { birthDate: '1956-01-01', visitDate: '2025-12-31', presented: card },
      { copayPercent: 30 },
    ],
    [
      'born on the 2nd: elderly from the next month',
      { birthDate: '1956-01-02', visitDate: '2026-01-31', presented: card },
      { copayPercent: 30 },
    ],
    [
      'ratio 30 (現役並み) in the elderly period',
      {
        birthDate: '1954-08-20',
        coverages: [{ ...KYOKAI_SINCE_2015, ratio: 30 }],
        visitDate: '2026-04-15',
        presented: card,
      },
      { copayPercent: 30 },
    ],
    [
      'preschool: 31 March after reaching 6 (born 04-01)',
      {
        birthDate: '2019-04-01',
        coverages: [{ ...KOKUHO, acquiredOn: '2019-04-01' }],
        visitDate: '2025-03-31',
        presented: card,
      },
      { copayPercent: 20 },
    ],
    [
      'preschool ended (born 04-01)',
      {
        birthDate: '2019-04-01',
        coverages: [{ ...KOKUHO, acquiredOn: '2019-04-01' }],
        visitDate: '2025-04-01',
        presented: card,
      },
      { copayPercent: 30 },
    ],
    [
      'born 04-02: preschool until the next 31 March',
      {
        birthDate: '2019-04-02',
        coverages: [{ ...KOKUHO, acquiredOn: '2019-04-02' }],
        visitDate: '2026-03-31',
        presented: card,
      },
      { copayPercent: 20 },
    ],
    [
      'born 04-02: 2026-04-01 is 30%',
      {
        birthDate: '2019-04-02',
        coverages: [{ ...KOKUHO, acquiredOn: '2019-04-02' }],
        visitDate: '2026-04-01',
        presented: card,
      },
      { copayPercent: 30 },
    ],
    [
      'day before the 75th birthday: 国保, elderly 20%',
      {
        birthDate: '1951-03-10',
        coverages: [{ ...KOKUHO }, KOUKI('2026-03-10')],
        visitDate: '2026-03-09',
        presented: card,
      },
      { coverage: 'c1', copayPercent: 20 },
    ],
    [
      '75th birthday: 後期 10%',
      {
        birthDate: '1951-03-10',
        coverages: [{ ...KOKUHO }, KOUKI('2026-03-10')],
        visitDate: '2026-03-10',
        presented: card,
      },
      { coverage: 'c2', copayPercent: 10, onlineCheck: { cardRoute: 'valid' } },
    ],
    [
      'born 29 Feb: 75th birthday is 1 March in a common year',
      {
        birthDate: '1952-02-29',
        coverages: [{ ...KYOKAI_SINCE_2015 }, KOUKI('2027-03-01', 20)],
        visitDate: '2027-02-28',
        presented: card,
      },
      { coverage: 'c1', copayPercent: 20 },
    ],
    [
      'born 29 Feb: 後期 from 1 March',
      {
        birthDate: '1952-02-29',
        coverages: [{ ...KYOKAI_SINCE_2015 }, KOUKI('2027-03-01', 20)],
        visitDate: '2027-03-01',
        presented: card,
      },
      { coverage: 'c2', copayPercent: 20 },
    ],
    [
      'a non-後期 coverage without lostOn ends on the 75th birthday: card shows 資格(無効)',
      { birthDate: '1951-03-10', coverages: [{ ...KOKUHO }], visitDate: '2026-03-10', presented: card },
      {
        verdict: 'insured-declaration',
        billing: 'old-qualification',
        coverage: 'c1',
        copayPercent: 10,
        rules: ['R9', 'R10'],
      },
    ],
  ]);
});

describe('R9 / R10 / R17 online check failures and registration lag', () => {
  const newHire = (visitDate: string, filedOn: string, myNumberOnForm = true): ScenarioInput => ({
    visitDate,
    birthDate: '1998-06-01',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2026-04-20', filedOn, myNumberOnForm }],
    presented: card,
  });
  table([
    [
      'reader failure, first visit → declaration form',
      { visitDate: '2026-02-10', incident: 'reader-failure', presented: card },
      { verdict: 'insured-declaration', documentsNeeded: ['declaration'], billing: 'recheck', rules: ['R9'] },
    ],
    [
      'outage, return visit → oral, billing normal',
      { visitDate: '2026-02-10', incident: 'network-outage', visitType: 'return', presented: card },
      { verdict: 'insured-declaration', documentsNeeded: [], billing: 'normal', rules: ['R9'] },
    ],
    [
      'declaration already presented is not needed',
      { visitDate: '2026-02-10', incident: 'reader-failure', presented: [...card, { kind: 'declaration' }] },
      { documentsNeeded: [] },
    ],
    [
      '資格(無効): changed to 国保, not registered yet (registeredOn given) → old-qualification, R17 (v2)',
      {
        visitDate: '2026-03-02',
        birthDate: '1974-01-01',
        coverages: [
          { ...KYOKAI_SINCE_2015, lostOn: '2026-02-21' },
          { insurer: 'kokuho', acquiredOn: '2026-02-21', registeredOn: '2026-03-20' },
        ],
        presented: card,
      },
      {
        verdict: 'insured-declaration',
        billing: 'old-qualification',
        coverage: 'c1',
        rules: ['R9', 'R10', 'R17'],
        copayPercent: 30,
      },
    ],
    [
      'R17 Golden Week: filed Fri 04-24, 5 business days → known 05-07',
      newHire('2026-05-06', '2026-04-24'),
      { verdict: 'insured-declaration', onlineCheck: { cardRoute: 'not-found' }, rules: ['R9', 'R10', 'R17'] },
    ],
    ['R17 Golden Week: 05-07 valid', newHire('2026-05-07', '2026-04-24'), { verdict: 'insured', rules: ['R3'] }],
    [
      'R17 lagWithMyNumber 2 → 04-28',
      { ...newHire('2026-04-28', '2026-04-24'), policy: { lagWithMyNumber: 2 } },
      { verdict: 'insured' },
    ],
    [
      'R17 lagWithMyNumber 2 → 04-27 not yet',
      { ...newHire('2026-04-27', '2026-04-24'), policy: { lagWithMyNumber: 2 } },
      { verdict: 'insured-declaration' },
    ],
    [
      'R17 without My Number: 15 business days',
      newHire('2026-05-20', '2026-04-24', false),
      { verdict: 'insured-declaration', rules: ['R9', 'R10', 'R17'] },
    ],
    [
      'R17 without My Number: known on the 15th business day 05-21',
      newHire('2026-05-21', '2026-04-24', false),
      { verdict: 'insured' },
    ],
    [
      'R17 lagWithoutMyNumber 10',
      { ...newHire('2026-05-14', '2026-04-24', false), policy: { lagWithoutMyNumber: 10 } },
      { verdict: 'insured' },
    ],
    [
      'R17 September holidays: filed 2026-09-18 → 09-29 not yet',
      {
        visitDate: '2026-09-29',
        birthDate: '2000-10-01',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2026-09-16', filedOn: '2026-09-18' }],
        presented: card,
      },
      { verdict: 'insured-declaration', rules: ['R9', 'R10', 'R17'] },
    ],
    [
      'R17 year end: filed 2025-12-26 → known 2026-01-09',
      {
        visitDate: '2026-01-09',
        birthDate: '2000-10-01',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2025-12-22', filedOn: '2025-12-26' }],
        presented: card,
      },
      { verdict: 'insured' },
    ],
    [
      'R17 year end: 2026-01-08 not yet',
      {
        visitDate: '2026-01-08',
        birthDate: '2000-10-01',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2025-12-22', filedOn: '2025-12-26' }],
        presented: card,
      },
      { verdict: 'insured-declaration' },
    ],
    [
      'holiday data beyond its range is an estimate',
      {
        visitDate: '2051-01-20',
        birthDate: '2000-10-01',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2051-01-05', filedOn: '2051-01-06' }],
        presented: card,
      },
      { notes: ['holiday-data-estimate'] },
    ],
    [
      'unregistered card during an incident → not R9 (not a マイナ保険証)',
      {
        visitDate: '2026-02-10',
        incident: 'reader-failure',
        myna: { ...MYNA_OK, insuranceRegistered: false },
        presented: card,
      },
      { verdict: 'self-pay' },
    ],
    [
      'no card, nothing → self-pay, return visit discretion',
      { visitDate: '2026-02-10', visitType: 'return', presented: [] },
      { verdict: 'self-pay', notes: ['return-patient-discretion'], billing: 'none', coverage: null },
    ],
    [
      'uninsured patient, card read: 資格情報なし, declared copay by age',
      { visitDate: '2026-02-10', coverages: [], presented: card },
      { verdict: 'insured-declaration', coverage: null, copayPercent: 30, billing: 'recheck' },
    ],
  ]);
});

describe('R13 限度額', () => {
  table([
    [
      'card online: no certificate needed',
      { visitDate: '2026-03-03', needsLimit: true, presented: card },
      { documentsNeeded: [], rules: ['R3'] },
    ],
    [
      'kakunin offline without 認定証 → limit-cert',
      { visitDate: '2026-03-03', needsLimit: true, online: false, presented: [kakunin('2025-08-01', '2030-07-31')] },
      { documentsNeeded: ['limit-cert'], rules: ['R5', 'R13'] },
    ],
    [
      'kakunin online with consent → none',
      { visitDate: '2026-03-03', needsLimit: true, presented: [kakunin('2025-08-01', '2030-07-31')] },
      { documentsNeeded: [], rules: ['R5'] },
    ],
    [
      'kakunin online without consent → limit-cert',
      {
        visitDate: '2026-03-03',
        needsLimit: true,
        limitConsent: false,
        presented: [kakunin('2025-08-01', '2030-07-31')],
      },
      { documentsNeeded: ['limit-cert'] },
    ],
    [
      'kakunin showing the 区分',
      {
        visitDate: '2026-03-03',
        needsLimit: true,
        online: false,
        presented: [kakunin('2025-08-01', '2030-07-31', { showsLimit: true })],
      },
      { documentsNeeded: [] },
    ],
    [
      'valid limit-cert presented',
      {
        visitDate: '2026-03-03',
        needsLimit: true,
        online: false,
        presented: [
          kakunin('2025-08-01', '2030-07-31'),
          { kind: 'limit-cert', category: 'ウ', validUntil: '2026-07-31' },
        ],
      },
      { documentsNeeded: [] },
    ],
    [
      '後期 without 区分 → kakunin-with-limit',
      {
        visitDate: '2026-03-03',
        needsLimit: true,
        online: false,
        birthDate: '1944-01-01',
        coverages: [{ ...KOUKI('2019-01-01'), limitCategory: '低所得Ⅱ' }],
        presented: [kakunin('2025-07-01', '2026-07-31')],
      },
      { documentsNeeded: ['kakunin-with-limit'], rules: ['R5', 'R13'] },
    ],
    [
      '後期 一般: no certificate exists',
      {
        visitDate: '2026-03-03',
        needsLimit: true,
        online: false,
        birthDate: '1944-01-01',
        coverages: [{ ...KOUKI('2019-01-01'), limitCategory: '一般' }],
        presented: [kakunin('2025-07-01', '2026-07-31')],
      },
      { documentsNeeded: [] },
    ],
    [
      'self-pay never needs it',
      { visitDate: '2026-03-03', needsLimit: true, online: false, presented: [] },
      { documentsNeeded: [] },
    ],
  ]);
});

describe('input errors', () => {
  const bad = (i: ScenarioInput) => {
    const r = parseScenario(rawScenario(i));
    return r.ok ? [] : r.issues.map((x) => x.path);
  };
  it('legacy card of a coverage acquired on or after 2024-12-02', () => {
    expect(
      bad({
        visitDate: '2025-01-10',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2024-12-02' }],
        presented: [legacy(null, 'c1')],
      }),
    ).toEqual(['presented[0].coverage']);
    expect(
      bad({
        visitDate: '2025-01-10',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2024-12-01' }],
        presented: [legacy(null, 'c1')],
      }),
    ).toEqual([]);
  });
  it('kokuho legacy card without printedExpiry', () => {
    expect(bad({ visitDate: '2025-01-10', coverages: [KOKUHO], presented: [legacy(null)] })).toEqual([
      'presented[0].printedExpiry',
    ]);
  });
  it('kakunin issued before 2024-12-02 or valid more than 5 years', () => {
    expect(bad({ visitDate: '2025-01-10', presented: [kakunin('2024-12-01', '2025-12-01')] })).toEqual([
      'presented[0].issuedOn',
    ]);
    expect(bad({ visitDate: '2025-01-10', presented: [kakunin('2025-01-10', '2030-01-10')] })).toEqual([]);
    expect(bad({ visitDate: '2025-01-10', presented: [kakunin('2025-01-10', '2030-01-11')] })).toEqual([
      'presented[0].validUntil',
    ]);
  });
  it('coverage reference to no coverage', () => {
    expect(bad({ visitDate: '2025-01-10', presented: [{ kind: 'oshirase', coverage: 'c9' }] })).toEqual([
      'presented[0].coverage',
    ]);
  });
  it('bad check digit and 12 digits in 保険者番号', () => {
    expect(
      bad({ visitDate: '2025-01-10', coverages: [{ ...KYOKAI_SINCE_2015, insurerNumber: '01130013' }], presented: [] }),
    ).toEqual(['patient.coverages[0].insurerNumber']);
    const r = parseScenario(
      rawScenario({
        visitDate: '2025-01-10',
        coverages: [{ ...KYOKAI_SINCE_2015, insurerNumber: '123456789012' }],
        presented: [],
      }),
    );
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/123456789012/);
  });
  it('unknown field and unknown kind', () => {
    expect(bad({ visitDate: '2025-01-10', presented: [{ kind: 'paper-card' }] })).toEqual(['presented[0].kind']);
    const r = parseScenario({ ...rawScenario({ visitDate: '2025-01-10', presented: [] }), colour: 'red' });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['(root)']);
  });
  it('a 12-digit 記号・番号 is accepted with a warning', () => {
    const r = parseScenario(
      rawScenario({
        visitDate: '2025-01-10',
        coverages: [{ ...KYOKAI_SINCE_2015, number: '123456789012' }],
        presented: [],
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.path)).toEqual(['patient.coverages[0].number']);
  });
  it('和暦 in dates, including 平成32年 on document fields only', () => {
    const s = scenarioOf({ visitDate: '令和2年1月15日', online: false, presented: [legacy('平成32年3月31日')] });
    expect(s.visitDate).toBe('2020-01-15');
    expect(s.presented[0]).toMatchObject({ printedExpiry: '2020-03-31' });
    expect(bad({ visitDate: '平成32年1月15日', presented: [] })).toEqual(['visitDate']);
  });
});

describe('explanations name the date that decided', () => {
  it('an expired 後期 card is explained with its own end (2025-07-31), not 2025-12-01', () => {
    const d = decideInput({
      visitDate: '2025-09-01',
      online: false,
      birthDate: '1945-05-05',
      coverages: [KOUKI('2020-05-05')],
      presented: [legacy()],
    });
    expect(d.verdict).toBe('self-pay');
    expect(d.explanation).toContain('有効期限 (令和7年7月31日) を過ぎています');
  });
});

describe('decisions are complete', () => {
  it('every decision lists the policy as used and Japanese texts', () => {
    const d = decideInput({ visitDate: '2026-01-20', presented: card, policy: { interimEnd: '2026-03-31' } });
    expect(d.policy).toEqual({
      interimEnd: '2026-03-31',
      interimEmployeeFromExpiry: false,
      interimNeedsOnlineCheck: true,
      certGraceBasis: 'month-end',
      portalScreenshot: 'reject',
      lagWithMyNumber: 5,
      lagWithoutMyNumber: 15,
      rousaiWithoutForm: 'deposit',
    });
    expect(d.explanation).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(d.tellPatient).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});
