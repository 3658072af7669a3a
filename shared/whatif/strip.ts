// The what-if strip (issue 10): one scenario decided on every day of a date range — the documents
// handed over stay as they are, only the visit date moves — as runs of equal answers, and the days
// on which the answer changes, each labelled by the dated events of ./events.ts that fall on it and
// by the rules that explain it. Pure: the engine runs once per day and never sees an impossible day
// (a day before birth or before a document existed is an input error in RULES.md: such days form
// a neutral run instead).
import { dayNumber, fromDayNumber, type IsoDate, isIsoDate } from '../dates';
import { decideScenario } from '../engine';
import { mergePolicy } from '../engine/observe';
import { type CopayPercent, type NeededDocument, orderOf, RULE_IDS, type RuleId, type Verdict } from '../enums';
import { copayWari, VERDICT_JA } from '../labels';
import type { Scenario } from '../scenario';
import { documentExistsOn } from '../scenario/exists';
import type { Policy } from '../timeline';
import { type DatedEvent, datedEvents } from './events';

export interface WhatIfRange {
  from: IsoDate;
  to: IsoDate;
}

/** 2024-12 to 2027-12: from the day before the reform to the last announced holiday (RULES.md T). */
export const DEFAULT_WHATIF_RANGE: Readonly<WhatIfRange> = Object.freeze({ from: '2024-12-01', to: '2027-12-31' });
/** At most ten years of days in one strip. */
export const WHATIF_MAX_DAYS = 3653;

/** Why a day has no decision: the scenario cannot happen on it. */
type UnavailableReason = 'not-born' | 'document-not-yet';
export const UNAVAILABLE_JA: Record<UnavailableReason, string> = {
  'not-born': 'この日は患者がまだ生まれていません',
  'document-not-yet': 'この日は書類がまだありません',
};

/** What the strip compares from one day to the next. */
export type DayAnswer =
  | {
      kind: 'decision';
      verdict: Verdict;
      copayPercent: CopayPercent;
      copayProvisional: boolean;
      rules: readonly RuleId[];
      documentsNeeded: readonly NeededDocument[];
    }
  | { kind: 'unavailable'; reason: UnavailableReason };

/** Days `from`..`to` (inclusive) with one answer. */
interface WhatIfRun {
  from: IsoDate;
  to: IsoDate;
  days: number;
  answer: DayAnswer;
}

/** What differs between two days, in the order changedParts lists it. */
type ChangedPart = 'availability' | 'verdict' | 'copay' | 'rules' | 'documents';

/** A day whose answer differs from the day before. */
interface WhatIfChange {
  on: IsoDate;
  before: DayAnswer;
  after: DayAnswer;
  changed: ChangedPart[];
  /** the dated events of this day (empty only if no rule-book date explains the change) */
  events: DatedEvent[];
  /** why, in Japanese: the events of the day */
  ja: string;
  /** the rules that explain the change, in RULES.md order */
  rules: RuleId[];
}

export interface WhatIf {
  from: IsoDate;
  to: IsoDate;
  days: number;
  runs: WhatIfRun[];
  changes: WhatIfChange[];
}

type RangeCheck = { ok: true; range: WhatIfRange; days: number } | { ok: false; ja: string; en: string };

/** A range the strip can draw: two real dates in order, at most WHATIF_MAX_DAYS days. */
export function checkRange(from: IsoDate, to: IsoDate): RangeCheck {
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, ja: '日付が正しくありません', en: 'not a date' };
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) return { ok: false, ja: '終わりの日は始まりの日以後にしてください', en: 'the end is before the start' };
  if (days > WHATIF_MAX_DAYS)
    return { ok: false, ja: '期間は10年以内にしてください', en: `at most ${WHATIF_MAX_DAYS} days (ten years)` };
  return { ok: true, range: { from, to }, days };
}

/** Why the scenario cannot happen on D, or null when it can. */
function unavailableOn(s: Scenario, D: IsoDate): UnavailableReason | null {
  if (D < s.patient.birthDate) return 'not-born';
  for (const doc of s.presented) {
    const insurer =
      doc.kind === 'oshirase' ? s.patient.coverages.find((c) => c.id === doc.coverage)?.insurer : undefined;
    if (!documentExistsOn(doc, insurer, D)) return 'document-not-yet';
  }
  return null;
}

/** The scenario's answer on day D (the engine, unless the day is impossible). */
export function answerOn(s: Scenario, D: IsoDate, clinicPolicy?: Partial<Policy>): DayAnswer {
  const reason = unavailableOn(s, D);
  if (reason !== null) return { kind: 'unavailable', reason };
  const d = decideScenario({ ...s, visitDate: D }, clinicPolicy);
  return {
    kind: 'decision',
    verdict: d.verdict,
    copayPercent: d.copayPercent,
    copayProvisional: d.copayProvisional,
    rules: d.rules,
    documentsNeeded: d.documentsNeeded,
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What differs between two answers (empty: the same answer). */
export function changedParts(a: DayAnswer, b: DayAnswer): ChangedPart[] {
  if (a.kind !== b.kind) return ['availability'];
  if (a.kind === 'unavailable') return a.reason === (b as typeof a).reason ? [] : ['availability'];
  const y = b as typeof a;
  const out: ChangedPart[] = [];
  if (a.verdict !== y.verdict) out.push('verdict');
  if (a.copayPercent !== y.copayPercent || a.copayProvisional !== y.copayProvisional) out.push('copay');
  if (!sameList(a.rules, y.rules)) out.push('rules');
  if (!sameList(a.documentsNeeded, y.documentsNeeded)) out.push('documents');
  return out;
}

const RULE_ORDER = orderOf(RULE_IDS);

/**
 * The events of a change day that bear on the change: those without a rule of their own (a
 * birth, an acquisition), a coverage's end, those whose rule either day lists, and the age events
 * (R15) when the copay changed. When none bears on it (a rule the decision does not list, e.g. R12 after a loss
 * the card route reports as 資格(無効)), all of the day's events.
 */
function relevantEvents(before: DayAnswer, after: DayAnswer, changed: ChangedPart[], events: DatedEvent[]) {
  const listed = new Set<RuleId>([
    ...(before.kind === 'decision' ? before.rules : []),
    ...(after.kind === 'decision' ? after.rules : []),
  ]);
  if (changed.includes('copay')) listed.add('R15');
  const kept = events.filter(
    (e) => e.rules.length === 0 || e.kind === 'coverage-lost' || e.rules.some((r) => listed.has(r)),
  );
  return kept.length > 0 ? kept : events;
}

/**
 * The rules behind a change: those of the day's events, the deciding rule on either side when it
 * changed, and R15 (the copay by age and coverage) when an insured copay changed. Failing those (an event
 * without a rule of its own): the rules that came or went, else the deciding rule.
 */
function changeRules(
  before: DayAnswer,
  after: DayAnswer,
  changed: readonly ChangedPart[],
  events: readonly DatedEvent[],
): RuleId[] {
  const rules = new Set<RuleId>(events.flatMap((e) => e.rules));
  const deciding = (a: DayAnswer) => (a.kind === 'decision' ? a.rules[0] : undefined);
  if (deciding(before) !== deciding(after)) {
    for (const r of [deciding(before), deciding(after)]) if (r) rules.add(r);
  }
  const insured = (a: DayAnswer) => a.kind === 'decision' && a.verdict !== 'self-pay';
  if (changed.includes('copay') && insured(before) && insured(after)) rules.add('R15');
  if (rules.size === 0 && before.kind === 'decision' && after.kind === 'decision') {
    for (const r of before.rules) if (!after.rules.includes(r)) rules.add(r);
    for (const r of after.rules) if (!before.rules.includes(r)) rules.add(r);
    if (rules.size === 0) rules.add(after.rules[0]!);
  }
  return [...rules].sort((a, b) => RULE_ORDER[a] - RULE_ORDER[b]);
}

/**
 * Decides the scenario on every day of the range. `clinicPolicy` is the clinic's policy (the desk
 * passes the policy its decision used); the scenario's own settings apply on top, as in `decide`.
 */
export function whatIf(s: Scenario, range: WhatIfRange, clinicPolicy?: Partial<Policy>): WhatIf {
  const checked = checkRange(range.from, range.to);
  if (!checked.ok) throw new RangeError(checked.en);
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const events = datedEvents(s, mergePolicy(clinicPolicy, s.policy));
  const runs: WhatIfRun[] = [];
  const changes: WhatIfChange[] = [];
  let runStart = range.from;
  let prev = answerOn(s, range.from, clinicPolicy);
  for (let n = first + 1; n <= last + 1; n += 1) {
    const D = n <= last ? fromDayNumber(n) : null;
    const cur = D === null ? null : answerOn(s, D, clinicPolicy);
    const changed = cur === null ? [] : changedParts(prev, cur);
    if (cur !== null && changed.length === 0) continue;
    runs.push({ from: runStart, to: fromDayNumber(n - 1), days: n - dayNumber(runStart), answer: prev });
    if (D === null || cur === null) break;
    const todays = relevantEvents(
      prev,
      cur,
      changed,
      events.filter((e) => e.on === D),
    );
    changes.push({
      on: D,
      before: prev,
      after: cur,
      changed,
      events: todays,
      ja: todays.length > 0 ? todays.map((e) => e.ja).join('・') : '判定が変わる日',
      rules: changeRules(prev, cur, changed, todays),
    });
    runStart = D;
    prev = cur;
  }
  return { from: range.from, to: range.to, days: checked.days, runs, changes };
}

/** The run that holds day D (binary search), or null outside the strip. */
export function runAt(w: WhatIf, D: IsoDate): WhatIfRun | null {
  let lo = 0;
  let hi = w.runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = w.runs[mid]!;
    if (D < r.from) hi = mid - 1;
    else if (D > r.to) lo = mid + 1;
    else return r;
  }
  return null;
}

/** An answer in words: 「保険で受付 (暫定) ・ 3割」「自費 (10割)」「この日は書類がまだありません」. */
export function answerJa(a: DayAnswer): string {
  if (a.kind === 'unavailable') return UNAVAILABLE_JA[a.reason];
  if (a.verdict === 'self-pay') return VERDICT_JA[a.verdict];
  return `${VERDICT_JA[a.verdict]} ・ ${copayWari(a.copayPercent)}${a.copayProvisional ? ' (仮)' : ''}`;
}
