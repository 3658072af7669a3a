import { describe, expect, it } from 'vitest';
import { decideScenario } from '../engine';
import { parseScenario } from '../scenario';
import type { Decision } from '../decision';
import { correctAnswer, gradeAnswer, sortNeeded, type TraineeAnswer } from './grade';

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
