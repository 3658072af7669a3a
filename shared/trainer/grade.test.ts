import { describe, expect, it } from 'vitest';
import { decideScenario } from '../engine';
import { parseScenario } from '../scenario';
import type { Decision } from '../decision';
import v2Pack from '../../packs/v2-rules-pack.json';
import type { Scenario } from '../scenario';
import {
  askedItems,
  askedOf,
  correctAnswer,
  gradeAnswer,
  normalizeEntry,
  programChoices,
  sortNeeded,
  type TraineeAnswer,
} from './grade';

// A 72-year-old 協会けんぽ patient at a clinic without online check, with マイナ保険証 + お知らせ
// and no 高齢受給者証: insured (R4), 30% provisional, elderly card needed and still missing (R7).
const raw = {
  id: 'kyokai-72-oshirase-no-online',
  visitDate: '2026-01-15',
  clinic: { onlineCheck: false },
  patient: {
    birthDate: '1953-06-10',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
  },
  presented: [{ kind: 'myna-card' }, { kind: 'oshirase' }],
};

function decision(): Decision {
  const r = parseScenario(raw, { inPack: true });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return decideScenario(r.scenario);
}

describe('gradeAnswer', () => {
  const d = decision();
  it('the engine decision is what the fixture says', () => {
    expect(d).toMatchObject({
      verdict: 'insured',
      copayPercent: 30,
      copayProvisional: true,
      elderlyCardNeeded: true,
      documentsNeeded: ['elderly-card'],
    });
  });

  it('the correct answer scores 4 of 4', () => {
    const g = gradeAnswer(correctAnswer(d), d);
    expect(g).toEqual({
      items: { verdict: true, copayPercent: true, elderlyCardNeeded: true, documentsNeeded: true },
      correctItems: 4,
      totalItems: 4,
      allCorrect: true,
    });
  });

  it('marks each wrong item, and only that item', () => {
    const right = correctAnswer(d);
    const cases: [Partial<TraineeAnswer>, keyof TraineeAnswer][] = [
      [{ verdict: 'self-pay' }, 'verdict'],
      [{ copayPercent: 20 }, 'copayPercent'],
      [{ elderlyCardNeeded: false }, 'elderlyCardNeeded'],
      [{ documentsNeeded: [] }, 'documentsNeeded'],
      [{ documentsNeeded: ['elderly-card', 'declaration'] }, 'documentsNeeded'],
    ];
    for (const [patch, wrong] of cases) {
      const g = gradeAnswer({ ...right, ...patch }, d);
      expect(g.items[wrong], JSON.stringify(patch)).toBe(false);
      expect(g.correctItems).toBe(3);
      expect(g.allCorrect).toBe(false);
    }
  });

  it('compares the documents as a set (order and repeats do not matter)', () => {
    const two: Decision = { ...d, documentsNeeded: ['limit-cert', 'elderly-card'] };
    expect(
      gradeAnswer({ ...correctAnswer(two), documentsNeeded: ['elderly-card', 'limit-cert'] }, two).items
        .documentsNeeded,
    ).toBe(true);
    expect(gradeAnswer({ ...correctAnswer(two), documentsNeeded: ['elderly-card'] }, two).items.documentsNeeded).toBe(
      false,
    );
  });

  it('all wrong scores 0', () => {
    const g = gradeAnswer(
      { verdict: 'self-pay', copayPercent: 100, elderlyCardNeeded: false, documentsNeeded: ['declaration'] },
      d,
    );
    expect(g.correctItems).toBe(0);
    expect(g.allCorrect).toBe(false);
  });

  it('sortNeeded gives one canonical order', () => {
    expect(sortNeeded(['kakunin-with-limit', 'elderly-card', 'elderly-card'])).toEqual([
      'elderly-card',
      'kakunin-with-limit',
    ]);
  });
});

function v2(id: string): Scenario {
  const raw = (v2Pack.scenarios as { id: string }[]).find((x) => x.id === id);
  const r = parseScenario(raw, { inPack: true });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('version-2 items: what the patient pays, which programmes apply, the number entry', () => {
  it('a version-1 scenario asks the four items only, with or without the number entry', () => {
    const s = parseScenario(raw, { inPack: true });
    if (!s.ok) throw new Error('fixture');
    expect(askedItems(s.scenario, { numberEntry: true })).toEqual([
      'verdict',
      'copayPercent',
      'elderlyCardNeeded',
      'documentsNeeded',
    ]);
  });

  it('asks each new item only where the scenario involves it', () => {
    // 育成医療 + 資格確認書 at a clinic with online check: all seven
    expect(askedItems(v2('v2-ikusei-kakunin-number-query'), { numberEntry: true })).toEqual([
      'verdict',
      'copayPercent',
      'elderlyCardNeeded',
      'documentsNeeded',
      'patientPays',
      'publicExpense',
      'numberEntry',
    ]);
    expect(askedItems(v2('v2-ikusei-kakunin-number-query'), { numberEntry: false })).not.toContain('numberEntry');
    // 労災 with no programme: what the patient pays, no programme to choose; no number query runs under R25
    expect(askedItems(v2('v2-work-injury-myna-and-kakunin-deposit'), { numberEntry: true }).slice(4)).toEqual([
      'patientPays',
    ]);
    // 生活保護: 医療扶助 is the choice
    expect(programChoices(v2('v2-welfare-ticket-not-registered'))).toEqual(['welfare']);
    expect(askedItems(v2('v2-welfare-ticket-not-registered'), { numberEntry: true }).slice(4)).toEqual([
      'patientPays',
      'publicExpense',
    ]);
    // a 資格確認書 at a clinic without online check: nothing to type
    expect(askedItems(v2('v2-nanbyo-kakunin-no-online'), { numberEntry: true })).not.toContain('numberEntry');
  });

  const s = v2('v2-ikusei-kakunin-number-query');
  const d = decideScenario(s);
  const asked = askedOf(s, askedItems(s, { numberEntry: true }));
  const right = correctAnswer(d, asked);

  it('the right answer gets all seven items', () => {
    expect(right.patientPays).toEqual({
      percent: 10,
      perVisitYen: null,
      monthlyCapYen: 5000,
      capReached: false,
      deposit: false,
    });
    expect(right.publicExpense).toEqual(['ikusei']);
    expect(right.numberEntry).toEqual({ insurerNumber: '32130023', symbol: '2051', number: '4417', branch: '02' });
    expect(gradeAnswer(right, d, asked)).toMatchObject({ correctItems: 7, totalItems: 7, allCorrect: true });
  });

  it('patientPays: a wrong charge is wrong, the same charge in another form is right', () => {
    const wrong = gradeAnswer({ ...right, patientPays: { ...right.patientPays!, percent: 30 } }, d, asked);
    expect(wrong.items.patientPays).toBe(false);
    expect(wrong.correctItems).toBe(6);
    expect(wrong.allCorrect).toBe(false);
    expect(
      gradeAnswer({ ...right, patientPays: { ...right.patientPays!, monthlyCapYen: null } }, d, asked).items
        .patientPays,
    ).toBe(false);
    expect(gradeAnswer({ ...right, patientPays: undefined }, d, asked).items.patientPays).toBe(false);
    // a reached cap is 0円 whatever percent the answer carries
    const w = v2('v2-nanbyo-cap-reached');
    const wd = decideScenario(w);
    const wa = askedOf(w, askedItems(w, { numberEntry: false }));
    const capReached = { percent: 20, perVisitYen: null, monthlyCapYen: 10000, capReached: true, deposit: false };
    expect(gradeAnswer({ ...correctAnswer(wd, wa), patientPays: capReached }, wd, wa).items.patientPays).toBe(true);
  });

  it('publicExpense: the applied programmes as a set; one too many or too few is wrong', () => {
    expect(gradeAnswer({ ...right, publicExpense: [] }, d, asked).items.publicExpense).toBe(false);
    expect(gradeAnswer({ ...right, publicExpense: ['ikusei', 'child'] }, d, asked).items.publicExpense).toBe(false);
    expect(gradeAnswer({ ...right, publicExpense: undefined }, d, asked).items.publicExpense).toBe(false);
    // not applied (not presented): the right answer is none
    const n = v2('v2-nanbyo-not-presented');
    const nd = decideScenario(n);
    const na = askedOf(n, askedItems(n, { numberEntry: true }));
    expect(correctAnswer(nd, na).publicExpense).toEqual([]);
    expect(gradeAnswer({ ...correctAnswer(nd, na), publicExpense: ['nanbyo'] }, nd, na).items.publicExpense).toBe(
      false,
    );
  });

  it('numberEntry: NFKC, hyphens and spaces tolerated; a wrong digit or a missing field is wrong', () => {
    const typed = { insurerNumber: '３２１３ ００２３', symbol: '２０５１', number: '44-17', branch: '０２' };
    expect(gradeAnswer({ ...right, numberEntry: typed }, d, asked).items.numberEntry).toBe(true);
    expect(gradeAnswer({ ...right, numberEntry: { ...typed, number: '4471' } }, d, asked).items.numberEntry).toBe(
      false,
    );
    expect(gradeAnswer({ ...right, numberEntry: { ...typed, branch: '' } }, d, asked).items.numberEntry).toBe(false);
    expect(gradeAnswer({ ...right, numberEntry: undefined }, d, asked).items.numberEntry).toBe(false);
    expect(normalizeEntry(' ｱｲ－１２ー３ ')).toBe('アイ123');
  });
});
