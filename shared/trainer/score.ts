// Scores, the pass mark, and accuracy per rule and over time (issue 5 items 4 and 5).
// A scenario's rules are the rules of the engine's decision for it: getting a case right or wrong
// counts for every rule that decided or changed it.
import type { RuleId } from '../enums';
import { LISTED_RULES } from '../rules';

export const DEFAULT_PASS_MARK = 80;

/** One graded answer, as far as scoring needs it. */
export interface ScoredAnswer {
  /** calendar date in Japan when it was answered (YYYY-MM-DD) */
  day: string;
  rules: readonly RuleId[];
  correctItems: number;
  totalItems: number;
  allCorrect: boolean;
  timeMs: number;
}

export interface Score {
  /** questions in the session (answered or not) */
  questions: number;
  answered: number;
  /** questions with every item right */
  correct: number;
  itemsCorrect: number;
  /** items of all questions (unanswered questions count as wrong) */
  itemsTotal: number;
  /** correct / questions, 0–100, rounded down to a whole number (never rounds a fail up to a pass) */
  percent: number;
  itemPercent: number;
}

/**
 * The session's score; unanswered questions count as wrong. Questions ask different numbers of items
 * (grade.ts): the answered ones count theirs, `unansweredItems` is the items of the questions not answered.
 */
export function scoreOf(answers: readonly ScoredAnswer[], questions: number, unansweredItems = 0): Score {
  const correct = answers.filter((a) => a.allCorrect).length;
  const itemsCorrect = answers.reduce((n, a) => n + a.correctItems, 0);
  const itemsTotal = answers.reduce((n, a) => n + a.totalItems, 0) + unansweredItems;
  return {
    questions,
    answered: answers.length,
    correct,
    itemsCorrect,
    itemsTotal,
    percent: questions === 0 ? 0 : Math.floor((correct * 100) / questions),
    itemPercent: itemsTotal === 0 ? 0 : Math.floor((itemsCorrect * 100) / itemsTotal),
  };
}

/**
 * Passed when correct / questions ≥ passMark %. Compared in integers (correct × 100 ≥ passMark ×
 * questions) so 16 of 20 at a pass mark of 80 passes exactly, with no floating-point doubt.
 */
export function passed(score: Pick<Score, 'correct' | 'questions'>, passMark: number): boolean {
  if (score.questions === 0) return false;
  return score.correct * 100 >= passMark * score.questions;
}

/** Questions needed to pass: the smallest n with n × 100 ≥ passMark × questions. */
export function neededToPass(questions: number, passMark: number): number {
  return Math.ceil((passMark * questions) / 100);
}

export interface RuleAccuracy {
  rule: RuleId;
  answers: number;
  correct: number;
  /** 0–100 (whole number), null when no answer involved the rule */
  percent: number | null;
}

const pct = (correct: number, total: number): number | null =>
  total === 0 ? null : Math.floor((correct * 100) / total);

/** Per rule: how many answered scenarios involved it and how many of those were fully right. */
/** A rule is weak below this accuracy (the progress chart's green starts here). */
export const WEAK_BELOW = 80;

/** The rules a trainee answered and got right less often than WEAK_BELOW percent, weakest first. */
export function weakRules(rules: readonly RuleAccuracy[]): RuleId[] {
  return rules
    .filter((r) => r.percent !== null && r.percent < WEAK_BELOW)
    .sort((a, b) => a.percent! - b.percent! || a.rule.localeCompare(b.rule, 'en', { numeric: true }))
    .map((r) => r.rule);
}

export function ruleAccuracy(answers: readonly ScoredAnswer[]): RuleAccuracy[] {
  const tally = new Map<RuleId, { answers: number; correct: number }>();
  for (const a of answers) {
    for (const r of new Set(a.rules)) {
      const t = tally.get(r) ?? { answers: 0, correct: 0 };
      t.answers += 1;
      if (a.allCorrect) t.correct += 1;
      tally.set(r, t);
    }
  }
  return LISTED_RULES.filter((r) => tally.has(r)).map((rule) => {
    const t = tally.get(rule)!;
    return { rule, answers: t.answers, correct: t.correct, percent: pct(t.correct, t.answers) };
  });
}

export interface DayPoint {
  day: string;
  answers: number;
  correct: number;
  percent: number;
  itemPercent: number;
  /** mean time per answer, in seconds (one decimal) */
  meanSeconds: number;
  /** per rule on that day: percent correct (only rules seen that day) */
  rules: Partial<Record<RuleId, number>>;
}

/** Accuracy per calendar day, oldest first. */
export function accuracyByDay(answers: readonly ScoredAnswer[]): DayPoint[] {
  const byDay = new Map<string, ScoredAnswer[]>();
  for (const a of answers) {
    const list = byDay.get(a.day) ?? [];
    list.push(a);
    byDay.set(a.day, list);
  }
  return [...byDay.keys()].sort().map((day) => {
    const list = byDay.get(day)!;
    const correct = list.filter((a) => a.allCorrect).length;
    const items = list.reduce((n, a) => n + a.correctItems, 0);
    const itemsTotal = list.reduce((n, a) => n + a.totalItems, 0);
    const rules: Partial<Record<RuleId, number>> = {};
    for (const r of ruleAccuracy(list)) if (r.percent !== null) rules[r.rule] = r.percent;
    const ms = list.reduce((n, a) => n + a.timeMs, 0) / list.length;
    return {
      day,
      answers: list.length,
      correct,
      percent: pct(correct, list.length) ?? 0,
      itemPercent: pct(items, itemsTotal) ?? 0,
      meanSeconds: Math.round(ms / 100) / 10,
      rules,
    };
  });
}
