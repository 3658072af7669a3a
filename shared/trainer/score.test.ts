import { describe, expect, it } from 'vitest';
import { accuracyByDay, neededToPass, passed, ruleAccuracy, type ScoredAnswer, scoreOf } from './score';

const a = (
  day: string,
  rules: ScoredAnswer['rules'],
  correctItems: number,
  timeMs = 10_000,
  totalItems = 4,
): ScoredAnswer => ({
  day,
  rules,
  correctItems,
  totalItems,
  allCorrect: correctItems === totalItems,
  timeMs,
});

describe('scoreOf and passed', () => {
  it('counts unanswered questions as wrong', () => {
    const s = scoreOf([a('2026-01-10', ['R3'], 4), a('2026-01-10', ['R5'], 2)], 4, 8);
    expect(s).toEqual({
      questions: 4,
      answered: 2,
      correct: 1,
      itemsCorrect: 6,
      itemsTotal: 16,
      percent: 25,
      itemPercent: 37,
    });
  });

  it('counts the items each question asked (version-2 questions ask up to seven)', () => {
    // a version-1 question (4 items, all right), a 医療証 question (6 items, 5 right), one unanswered of 7
    const s = scoreOf([a('d', ['R3'], 4), a('d', ['R22'], 5, 1000, 6)], 3, 7);
    expect(s).toMatchObject({ correct: 1, itemsCorrect: 9, itemsTotal: 17, itemPercent: 52 });
  });

  it('the pass mark is inclusive and exact in integers', () => {
    expect(passed({ correct: 16, questions: 20 }, 80)).toBe(true);
    expect(passed({ correct: 15, questions: 20 }, 80)).toBe(false);
    // 2 of 3 = 66.66…%: passes 66, fails 67
    expect(passed({ correct: 2, questions: 3 }, 66)).toBe(true);
    expect(passed({ correct: 2, questions: 3 }, 67)).toBe(false);
    expect(passed({ correct: 0, questions: 0 }, 1)).toBe(false);
    expect(passed({ correct: 7, questions: 7 }, 100)).toBe(true);
  });

  it('neededToPass is the smallest passing count', () => {
    for (const [q, m] of [
      [20, 80],
      [3, 66],
      [3, 67],
      [7, 100],
      [11, 50],
    ] as const) {
      const n = neededToPass(q, m);
      expect(passed({ correct: n, questions: q }, m)).toBe(true);
      expect(passed({ correct: n - 1, questions: q }, m)).toBe(false);
    }
  });

  it('percent rounds down, never a fail up to a pass', () => {
    expect(scoreOf([a('d', [], 4), a('d', [], 4)], 3).percent).toBe(66);
  });
});

describe('ruleAccuracy', () => {
  it('a scenario counts once for each of its rules, in rule order', () => {
    const r = ruleAccuracy([a('d', ['R4', 'R7'], 4), a('d', ['R4'], 3), a('d', ['R13', 'R7', 'R7'], 1)]);
    expect(r).toEqual([
      { rule: 'R4', answers: 2, correct: 1, percent: 50 },
      { rule: 'R7', answers: 2, correct: 1, percent: 50 },
      { rule: 'R13', answers: 1, correct: 0, percent: 0 },
    ]);
  });
  it('is empty without answers', () => expect(ruleAccuracy([])).toEqual([]));
});

describe('accuracyByDay', () => {
  it('groups by day, oldest first, with per-rule percentages and mean time', () => {
    const days = accuracyByDay([
      a('2026-02-02', ['R3'], 4, 20_000),
      a('2026-02-01', ['R3'], 2, 30_000),
      a('2026-02-01', ['R9', 'R10'], 4, 10_000),
    ]);
    expect(days.map((d) => d.day)).toEqual(['2026-02-01', '2026-02-02']);
    expect(days[0]).toEqual({
      day: '2026-02-01',
      answers: 2,
      correct: 1,
      percent: 50,
      itemPercent: 75,
      meanSeconds: 20,
      rules: { R3: 0, R9: 100, R10: 100 },
    });
    expect(days[1]).toMatchObject({ answers: 1, percent: 100, rules: { R3: 100 } });
  });
});
