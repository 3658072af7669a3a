// Properties of the what-if strip over generated scenarios and ranges (fast-check): the runs tile
// the range, and a change point exists exactly where the day-by-day answer changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber } from '../dates';
import { parseScenario } from '../scenario';
import { arbRawScenario } from '../engine/testing/arbitrary';
import { answerOn, changedParts, DEFAULT_WHATIF_RANGE, runAt, whatIf } from '.';

const arbScenario = arbRawScenario
  .map((raw) => parseScenario(raw))
  .filter((r): r is Extract<typeof r, { ok: true }> => r.ok)
  .map((r) => r.scenario);

/** A range of 1–500 days somewhere between 2024-01-01 and 2028-06-30. */
const arbRange = fc
  .tuple(fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2028-06-30') }), fc.integer({ min: 0, max: 499 }))
  .map(([start, len]) => ({ from: fromDayNumber(start), to: fromDayNumber(start + len) }));

const RUNS = { numRuns: 120 };

describe('what-if strip: generated scenarios', () => {
  it('the runs cover the range without gaps or overlaps, and neighbours differ', () => {
    fc.assert(
      fc.property(arbScenario, arbRange, (s, range) => {
        const w = whatIf(s, range);
        expect(w.runs[0]!.from).toBe(range.from);
        expect(w.runs.at(-1)!.to).toBe(range.to);
        let total = 0;
        w.runs.forEach((r, i) => {
          expect(r.from <= r.to).toBe(true);
          expect(r.days).toBe(dayNumber(r.to) - dayNumber(r.from) + 1);
          total += r.days;
          if (i > 0) {
            const prev = w.runs[i - 1]!;
            expect(r.from).toBe(addDays(prev.to, 1));
            expect(changedParts(prev.answer, r.answer).length).toBeGreaterThan(0);
          }
        });
        expect(total).toBe(w.days);
        expect(w.changes.map((c) => c.on)).toEqual(w.runs.slice(1).map((r) => r.from));
      }),
      RUNS,
    );
  });

  it('a change point exists exactly where the day-by-day answer changes, and every day has its run’s answer', () => {
    fc.assert(
      fc.property(arbScenario, arbRange, (s, range) => {
        const w = whatIf(s, range);
        const expected: string[] = [];
        let prev = answerOn(s, range.from);
        expect(runAt(w, range.from)!.answer).toEqual(prev);
        for (let n = dayNumber(range.from) + 1; n <= dayNumber(range.to); n += 1) {
          const D = fromDayNumber(n);
          const cur = answerOn(s, D);
          expect(runAt(w, D)!.answer).toEqual(cur);
          if (changedParts(prev, cur).length > 0) expected.push(D);
          prev = cur;
        }
        expect(w.changes.map((c) => c.on)).toEqual(expected);
        for (const c of w.changes) {
          expect(c.changed).toEqual(changedParts(c.before, c.after));
          expect(c.changed.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every change point is explained by a dated event of the rule book, and names a rule', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        for (const c of whatIf(s, DEFAULT_WHATIF_RANGE).changes) {
          expect(
            c.events.length,
            `${s.id} ${c.on} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`,
          ).toBeGreaterThan(0);
          expect(c.ja).not.toBe('');
          if (c.before.kind === 'decision' && c.after.kind === 'decision') expect(c.rules.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
