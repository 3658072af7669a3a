// The what-if strip on hand-made cases: the runs and change points RULES.md gives, derived by hand.
import { describe, expect, it } from 'vitest';
import { scenarioOf, type ScenarioInput } from '../engine/testing/build';
import {
  answerJa,
  checkRange,
  DEFAULT_WHATIF_RANGE,
  type DayAnswer,
  runAt,
  whatIf,
  type WhatIf,
  WHATIF_MAX_DAYS,
} from '.';

/** Runs as [from, to, verdict or unavailable reason, copay %, deciding rule]. */
function runsOf(w: WhatIf) {
  return w.runs.map((r) => [r.from, r.to, ...brief(r.answer)]);
}
function brief(a: DayAnswer): (string | number | undefined)[] {
  return a.kind === 'unavailable' ? [a.reason] : [a.verdict, a.copayPercent, a.rules[0]];
}
function changeAt(w: WhatIf, on: string) {
  const c = w.changes.find((x) => x.on === on);
  if (!c) throw new Error(`no change on ${on}: ${w.changes.map((x) => x.on).join(', ')}`);
  return { kinds: c.events.map((e) => e.kind), rules: c.rules, changed: c.changed, ja: c.ja };
}

const strip = (i: Omit<ScenarioInput, 'visitDate'> & { visitDate?: string }, range = DEFAULT_WHATIF_RANGE) =>
  whatIf(scenarioOf({ visitDate: '2025-06-02', ...i }), range);

describe('what-if strip: the answers over time (RULES.md by hand)', () => {
  it('a 協会けんぽ 保険証 alone: R1 to 2025-12-01, R2 from 2025-12-02 to interimEnd, then 自費', () => {
    const w = strip({ myna: null, presented: [{ kind: 'legacy-card' }] });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2025-12-01', 'insured', 30, 'R1'],
      ['2025-12-02', '2026-07-31', 'insured-interim', 30, 'R2'],
      ['2026-08-01', '2027-12-31', 'self-pay', 100, 'R11'],
    ]);
    expect(changeAt(w, '2025-12-02')).toMatchObject({
      kinds: ['legacy-card-end', 'interim-start'],
      rules: ['R1', 'R2'],
      changed: ['verdict', 'rules'],
    });
    expect(changeAt(w, '2025-12-02').ja).toContain('令和7年12月1日まで有効');
    expect(changeAt(w, '2026-08-01')).toMatchObject({ kinds: ['interim-end'], rules: ['R2', 'R11'] });
  });

  it('interimEnd set to 2026-03-31 moves the end of the provisional handling', () => {
    const w = whatIf(
      scenarioOf({ visitDate: '2025-06-02', myna: null, presented: [{ kind: 'legacy-card' }] }),
      DEFAULT_WHATIF_RANGE,
      { interimEnd: '2026-03-31' },
    );
    expect(w.changes.map((c) => c.on)).toEqual(['2025-12-02', '2026-04-01']);
    expect(changeAt(w, '2026-04-01').ja).toContain('令和8年3月31日まで');
  });

  it('a 国保 保険証 printed to 2025-07-31: R1, then the 国保 interim from 2025-08-01', () => {
    const w = strip({
      coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2020-04-01' }],
      myna: null,
      presented: [{ kind: 'legacy-card', printedExpiry: '2025-07-31' }],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2025-07-31', 'insured', 30, 'R1'],
      ['2025-08-01', '2026-07-31', 'insured-interim', 30, 'R2'],
      ['2026-08-01', '2027-12-31', 'self-pay', 100, 'R11'],
    ]);
    expect(changeAt(w, '2025-08-01').kinds).toEqual(['legacy-card-end', 'interim-start']);
    expect(changeAt(w, '2025-08-01').ja).toContain('保険証の有効期限切れ (令和7年7月31日まで有効)');
  });

  it('the 75th birthday: マイナ保険証 2割 (70–74) → 後期 1割, labelled by the birthday (R12, R15)', () => {
    const w = strip({
      birthDate: '1951-03-10',
      coverages: [
        { insurer: 'kyokai', acquiredOn: '1990-04-01', lostOn: '2026-03-10' },
        { insurer: 'kouki', acquiredOn: '2026-03-10', ratio: 10 },
      ],
      presented: [{ kind: 'myna-card' }],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2026-03-09', 'insured', 20, 'R3'],
      ['2026-03-10', '2027-12-31', 'insured', 10, 'R3'],
    ]);
    expect(changeAt(w, '2026-03-10')).toMatchObject({
      kinds: ['birthday-75'], // the 後期 acquisition on the birthday is that event, not a second one
      rules: ['R12', 'R15'],
      changed: ['copay'],
    });
  });

  it('the elderly period starts on the 1st of the month after reaching 70: 3割 → 2割', () => {
    const w = strip({ birthDate: '1956-07-15', presented: [{ kind: 'myna-card' }] });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2026-07-31', 'insured', 30, 'R3'],
      ['2026-08-01', '2027-12-31', 'insured', 20, 'R3'],
    ]);
    expect(changeAt(w, '2026-08-01')).toMatchObject({ kinds: ['elderly-start'], rules: ['R7', 'R15'] });
  });

  it('preschool ends on the first 31 March after reaching 6: 2割 → 3割 on 1 April', () => {
    const w = strip({
      birthDate: '2019-06-01',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2019-06-01' }],
      presented: [{ kind: 'myna-card' }],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2026-03-31', 'insured', 20, 'R3'],
      ['2026-04-01', '2027-12-31', 'insured', 30, 'R3'],
    ]);
    expect(changeAt(w, '2026-04-01')).toMatchObject({ kinds: ['preschool-end'], rules: ['R15'] });
  });

  it('a new employee inside the registration lag: 申立て until the 5th business day, then R3 (R17)', () => {
    // filed Wed 2026-04-01 with My Number: business days Thu 2, Fri 3, Mon 6, Tue 7, Wed 8 → known 2026-04-08
    const w = strip(
      {
        coverages: [{ insurer: 'kyokai', acquiredOn: '2026-04-01', filedOn: '2026-04-01', myNumberOnForm: true }],
        presented: [{ kind: 'myna-card' }],
      },
      { from: '2026-03-25', to: '2026-04-30' },
    );
    expect(runsOf(w)).toEqual([
      ['2026-03-25', '2026-03-31', 'insured-declaration', 30, 'R9'],
      ['2026-04-01', '2026-04-07', 'insured-declaration', 30, 'R9'],
      ['2026-04-08', '2026-04-30', 'insured', 30, 'R3'],
    ]);
    // from the acquisition a current coverage is not yet known: R17 joins the rules
    expect(changeAt(w, '2026-04-01')).toMatchObject({
      kinds: ['coverage-acquired'],
      changed: ['rules'],
      rules: ['R17'],
      ja: '協会けんぽの資格取得日',
    });
    expect(changeAt(w, '2026-04-08')).toMatchObject({ kinds: ['registration-lag-end'], rules: ['R3', 'R9', 'R17'] });
  });

  it('the e-certificate: the grace (R8, note) from the day after expiry, then the card fails (申立て)', () => {
    const w = strip({
      myna: { insuranceRegistered: true, certExpiresOn: '2025-12-10' },
      presented: [{ kind: 'myna-card' }],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2025-12-10', 'insured', 30, 'R3'],
      ['2025-12-11', '2026-03-31', 'insured', 30, 'R3'],
      ['2026-04-01', '2027-12-31', 'insured-declaration', 30, 'R9'],
    ]);
    expect(changeAt(w, '2025-12-11')).toMatchObject({ kinds: ['cert-expired'], rules: ['R8'], changed: ['rules'] });
    expect(changeAt(w, '2026-04-01')).toMatchObject({ kinds: ['cert-grace-end'], rules: ['R3', 'R8', 'R9'] });
  });

  it('a 高齢受給者証 that runs out: 2割 by the card, then 3割 (仮) with the card needed (R7)', () => {
    const w = strip({
      birthDate: '1953-05-20',
      myna: null,
      presented: [
        { kind: 'kakunin-sho', issuedOn: '2024-12-02', validUntil: '2029-12-01' },
        { kind: 'elderly-card', ratio: 20, validUntil: '2025-07-31' },
      ],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2024-12-01', 'document-not-yet'],
      ['2024-12-02', '2025-07-31', 'insured', 20, 'R5'],
      ['2025-08-01', '2027-12-31', 'insured', 30, 'R5'],
    ]);
    expect(w.runs[2]!.answer).toMatchObject({ copayProvisional: true, documentsNeeded: ['elderly-card'] });
    expect(changeAt(w, '2025-08-01')).toMatchObject({
      kinds: ['elderly-card-end'],
      rules: ['R7', 'R15'],
      changed: ['copay', 'documents'], // R7 is listed on both sides: the card is needed (and shown, then not)
    });
  });

  it('a 限度額適用認定証 that runs out: from the next day the certificate is needed (R13)', () => {
    const w = strip({
      online: false,
      needsLimit: true,
      myna: null,
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', limitCategory: 'ウ' }],
      presented: [
        { kind: 'kakunin-sho', issuedOn: '2024-12-02', validUntil: '2029-12-01' },
        { kind: 'limit-cert', category: 'ウ', validUntil: '2025-07-31' },
      ],
    });
    expect(changeAt(w, '2025-08-01')).toMatchObject({
      kinds: ['limit-cert-end'],
      rules: ['R13'],
      changed: ['rules', 'documents'],
    });
  });

  it('the smartphone マイナ保険証 works from 2025-09-19 (R14)', () => {
    const w = strip({ phoneReader: true, presented: [{ kind: 'myna-smartphone', os: 'android' }] });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2025-09-18', 'self-pay', 100, 'R11'],
      ['2025-09-19', '2027-12-31', 'insured', 30, 'R3'],
    ]);
    expect(changeAt(w, '2025-09-19')).toMatchObject({ kinds: ['smartphone-start'], rules: ['R3', 'R11', 'R14'] });
  });

  it('only the events that bear on a change label it: a 後期 patient’s interim end is not R6', () => {
    // a 後期 member's お知らせ without a card, interim from 2025-08-01 (R2); R6 (後期 資格確認書 for all
    // until 2026-07-31) is not what ends it on 2026-08-01, though its period ends the same day
    const w = strip({
      visitDate: '2026-09-01',
      birthDate: '1945-05-05',
      myna: null,
      coverages: [{ insurer: 'kouki', acquiredOn: '2020-05-05' }],
      presented: [{ kind: 'legacy-card', printedExpiry: '2025-07-31' }],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2025-07-31', 'insured', 10, 'R1'],
      ['2025-08-01', '2026-07-31', 'insured-interim', 10, 'R2'],
      ['2026-08-01', '2027-12-31', 'self-pay', 100, 'R11'],
    ]);
    expect(changeAt(w, '2026-08-01')).toMatchObject({ kinds: ['interim-end'], rules: ['R2', 'R11'] });
  });

  it('a coverage that ends and one that starts change the declared copay (R9 after a reader failure)', () => {
    // a return patient of 72 whose card cannot be read: the copay is that of the coverage they declare —
    // 協会けんぽ 現役並み 3割 until it ends, then 国保 2割
    const w = strip(
      {
        birthDate: '1953-05-20',
        visitType: 'return',
        incident: 'reader-failure',
        coverages: [
          { insurer: 'kyokai', acquiredOn: '1990-04-01', lostOn: '2026-04-01', ratio: 30 },
          { insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2026-04-01' },
        ],
        presented: [{ kind: 'myna-card' }],
      },
      { from: '2026-03-01', to: '2026-04-30' },
    );
    expect(runsOf(w)).toEqual([
      ['2026-03-01', '2026-03-31', 'insured-declaration', 30, 'R9'],
      ['2026-04-01', '2026-04-30', 'insured-declaration', 20, 'R9'],
    ]);
    expect(changeAt(w, '2026-04-01')).toMatchObject({
      kinds: ['coverage-acquired', 'coverage-lost'],
      changed: ['copay'],
      rules: ['R12', 'R15'],
      ja: '国民健康保険の資格取得日・協会けんぽの資格喪失日',
    });
  });

  it('days before a 資格確認書 was issued are a neutral run, not a decision', () => {
    const w = strip({
      myna: null,
      presented: [{ kind: 'kakunin-sho', issuedOn: '2025-04-01', validUntil: '2026-03-31' }],
    });
    expect(runsOf(w)).toEqual([
      ['2024-12-01', '2025-03-31', 'document-not-yet'],
      ['2025-04-01', '2026-03-31', 'insured', 30, 'R5'],
      ['2026-04-01', '2027-12-31', 'self-pay', 100, 'R11'],
    ]);
    expect(answerJa(w.runs[0]!.answer)).toBe('この日は書類がまだありません');
    expect(changeAt(w, '2025-04-01')).toMatchObject({ kinds: ['kakunin-start'], changed: ['availability'] });
    expect(changeAt(w, '2026-04-01')).toMatchObject({ kinds: ['kakunin-end'], rules: ['R5', 'R11'] });
  });

  it('a 後期 お知らせ exists only from 2026-08-01 (R6): the days before are neutral', () => {
    const w = strip({
      visitDate: '2026-09-01',
      birthDate: '1945-05-05',
      coverages: [{ insurer: 'kouki', acquiredOn: '2020-05-05' }],
      presented: [{ kind: 'myna-card' }, { kind: 'oshirase' }],
    });
    expect(w.runs[0]).toMatchObject({ from: '2024-12-01', to: '2026-07-31', answer: { reason: 'document-not-yet' } });
    expect(changeAt(w, '2026-08-01').kinds).toContain('kouki-oshirase-start');
  });

  it('days before birth are a neutral run', () => {
    const w = strip({
      birthDate: '2025-03-05',
      coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2025-03-05' }],
      myna: null,
      presented: [],
    });
    expect(w.runs[0]).toMatchObject({ from: '2024-12-01', to: '2025-03-04', answer: { reason: 'not-born' } });
    expect(changeAt(w, '2025-03-05').kinds).toContain('birth');
    expect(answerJa(w.runs[0]!.answer)).toBe('この日は患者がまだ生まれていません');
  });

  it('answers in words: verdict and copay, provisional marked', () => {
    expect(
      answerJa({
        kind: 'decision',
        verdict: 'insured',
        copayPercent: 30,
        copayProvisional: true,
        rules: ['R1', 'R7'],
        documentsNeeded: ['elderly-card'],
      }),
    ).toBe('保険で受付 ・ 3割 (仮)');
    expect(
      answerJa({
        kind: 'decision',
        verdict: 'self-pay',
        copayPercent: 100,
        copayProvisional: false,
        rules: ['R11'],
        documentsNeeded: [],
      }),
    ).toBe('自費 (10割)');
  });
});

describe('what-if strip: rule book version 2 (programmes, 生活保護, 医療券)', () => {
  const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

  it('a 指定難病 certificate valid 2026-04-01 … 2026-09-30: its start and end are the change points (R21)', () => {
    const w = strip(
      {
        visitDate: '2026-06-01',
        kohi: [
          {
            program: 'nanbyo',
            payerNumber: '54130174',
            recipientNumber: '1357912',
            validFrom: '2026-04-01',
            validUntil: '2026-09-30',
            monthlyCapYen: 10000,
            paidThisMonthYen: 3000,
          },
        ],
        presented: [{ kind: 'myna-card' }, { kind: 'kohi-cert', kohi: 'k1' }],
      },
      YEAR_2026,
    );
    expect(w.changes.map((c) => c.on)).toEqual(['2026-04-01', '2026-10-01']);
    expect(changeAt(w, '2026-04-01')).toMatchObject({ kinds: ['programme-start'], rules: ['R21'] });
    expect(changeAt(w, '2026-10-01')).toMatchObject({ kinds: ['programme-end'], rules: ['R21'] });
    expect(changeAt(w, '2026-10-01').ja).toContain('令和8年9月30日まで有効');
  });

  it('生活保護 from the day 国保 is lost: 医療扶助 from that day, labelled by both events (R24)', () => {
    const w = strip(
      {
        visitDate: '2026-06-01',
        birthDate: '1963-07-07',
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', lostOn: '2026-05-01' }],
        welfare: { from: '2026-05-01', until: null },
        presented: [{ kind: 'myna-card' }],
      },
      YEAR_2026,
    );
    expect(runsOf(w)).toEqual([
      ['2026-01-01', '2026-04-30', 'insured', 30, 'R3'],
      ['2026-05-01', '2026-12-31', 'public-assistance', 0, 'R24'],
    ]);
    expect(changeAt(w, '2026-05-01').kinds).toEqual(['coverage-lost', 'welfare-start']);
    expect(changeAt(w, '2026-05-01').rules).toContain('R24');
  });

  it('a 医療券 for June at a clinic without the 医療扶助 online check: it counts only in June (R24)', () => {
    const w = strip(
      {
        visitDate: '2026-06-10',
        birthDate: '1963-07-07',
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', lostOn: '2023-10-01' }],
        welfare: { from: '2023-10-01', until: null },
        clinic: { welfareOnline: false },
        presented: [{ kind: 'myna-card' }, { kind: 'medical-ticket', month: '2026-06' }],
      },
      YEAR_2026,
    );
    expect(w.changes.map((c) => c.on)).toEqual(['2026-06-01', '2026-07-01']);
    expect(changeAt(w, '2026-06-01')).toMatchObject({ kinds: ['medical-ticket-start'], changed: ['documents'] });
    expect(changeAt(w, '2026-07-01')).toMatchObject({ kinds: ['medical-ticket-end'], changed: ['documents'] });
    expect(runAt(w, '2026-06-15')!.answer).toMatchObject({ verdict: 'public-assistance', documentsNeeded: [] });
    expect(runAt(w, '2026-07-15')!.answer).toMatchObject({ documentsNeeded: ['medical-ticket'] });
  });

  it('a マイナポータル PDF does not exist before the day it was saved', () => {
    const w = strip(
      { visitDate: '2026-06-01', presented: [{ kind: 'mynaportal', form: 'pdf', savedOn: '2026-05-20' }] },
      YEAR_2026,
    );
    expect(runsOf(w)[0]).toEqual(['2026-01-01', '2026-05-19', 'document-not-yet']);
    expect(changeAt(w, '2026-05-20').kinds).toEqual(['portal-pdf-saved']);
  });
});

describe('what-if ranges', () => {
  it('refuses ranges that are reversed, not dates, or longer than ten years; one day is fine', () => {
    expect(checkRange('2026-01-02', '2026-01-01')).toMatchObject({ ok: false });
    expect(checkRange('2026-02-30', '2026-03-01')).toMatchObject({ ok: false });
    expect(checkRange('2020-01-01', '2029-12-31')).toMatchObject({ ok: true, days: 3653 });
    expect(checkRange('2020-01-01', '2030-01-01')).toMatchObject({ ok: false });
    expect(WHATIF_MAX_DAYS).toBe(3653);
    const w = strip({ presented: [{ kind: 'myna-card' }] }, { from: '2026-01-01', to: '2026-01-01' });
    expect(w).toMatchObject({ days: 1, changes: [], runs: [{ from: '2026-01-01', to: '2026-01-01', days: 1 }] });
    expect(() => strip({ presented: [] }, { from: '2026-01-02', to: '2026-01-01' })).toThrow(RangeError);
  });

  it('finds the run of a day, and nothing outside the strip', () => {
    const w = strip({ myna: null, presented: [{ kind: 'legacy-card' }] });
    expect(runAt(w, '2025-12-01')?.from).toBe('2024-12-01');
    expect(runAt(w, '2025-12-02')?.from).toBe('2025-12-02');
    expect(runAt(w, '2027-12-31')?.from).toBe('2026-08-01');
    expect(runAt(w, '2024-11-30')).toBeNull();
    expect(runAt(w, '2028-01-01')).toBeNull();
  });
});
