// The engine in two stages: observe (truth → what a desk could see) and decide (the rule book).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../decision';
import { observationJson, parseObservations } from '../observation';
import type { Observation } from '../observation';
import { parseScenario } from '../scenario';
import { decide } from './decide';
import { decideScenario, observe } from './observe';
import { arbRawScenario } from './testing/arbitrary';
import { scenarioOf } from './testing/build';

const arbScenario = arbRawScenario
  .map((raw) => parseScenario(raw))
  .filter((r): r is Extract<typeof r, { ok: true }> => r.ok)
  .map((r) => r.scenario);

const RUNS = { numRuns: 1500 };

/** Everything of a decision but the fields hindsight may change. */
const deskPart = ({ notes: _n, rules: _r, ...rest }: Decision) => rest;

describe('decide sees the visit only as a desk would', () => {
  it('removing hindsight changes nothing but notes and rules', () => {
    let differed = 0;
    fc.assert(
      fc.property(arbScenario, (s) => {
        const o = observe(s);
        const withHindsight = decide(o);
        const without = decide({ ...o, hindsight: null });
        expect(deskPart(without)).toEqual(deskPart(withHindsight));
        if (JSON.stringify(without) !== JSON.stringify(withHindsight)) differed += 1;
      }),
      RUNS,
    );
    // the property is not vacuous: hindsight does change notes and rules in some generated cases
    expect(differed).toBeGreaterThan(0);
  });

  it('a document of a coverage lost in truth, accepted without a query: only hindsight knows (note and R12)', () => {
    const s = scenarioOf({
      visitDate: '2026-01-15',
      online: false,
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', lostOn: '2026-01-01' }],
      presented: [{ kind: 'kakunin-sho', issuedOn: '2025-08-01', validUntil: '2030-07-31' }],
    });
    const o = observe(s);
    expect(o.hindsight).toEqual({
      lost: ['c1'],
      holidayEstimate: false,
      unregistered: [],
      lossUnregistered: [],
      lostWithHolder: [],
    });
    expect(decide(o)).toMatchObject({ verdict: 'insured', rules: ['R5', 'R12'], notes: ['insurer-may-reclaim'] });
    expect(decide({ ...o, hindsight: null })).toMatchObject({ verdict: 'insured', rules: ['R5'], notes: [] });
  });

  it('the observation holds no truth: no loss or registration dates, no current flags', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const keys = new Set<string>();
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v !== null && typeof v === 'object')
            for (const [k, x] of Object.entries(v)) {
              keys.add(k);
              walk(x);
            }
        };
        const { hindsight: _h, ...desk } = observe(s);
        walk(desk);
        for (const k of ['lostOn', 'registeredOn', 'current', 'known', 'lost', 'states']) expect(keys).not.toContain(k);
      }),
      { numRuns: 300 },
    );
  });

  it('decideScenario = decide ∘ observe, and an observation survives its JSON format', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const o = observe(s);
        const parsed = parseObservations(JSON.parse(JSON.stringify(observationJson(o))));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
        expect(parsed.observations[0]).toEqual(o);
        expect(decide(parsed.observations[0]!)).toEqual(decideScenario(s));
      }),
      RUNS,
    );
  });
});

describe('the observation format (shikaku-observation/1)', () => {
  const base = (): Record<string, unknown> =>
    observationJson(
      observe(scenarioOf({ visitDate: '2026-01-20', presented: [{ kind: 'myna-card' }, { kind: 'oshirase' }] })),
    );
  const issuesOf = (input: unknown) => {
    const r = parseObservations(input);
    if (r.ok) throw new Error('expected issues');
    return r.issues.map((i) => `${i.path}: ${i.ja}`);
  };

  it('fields a real desk may not know can be left out; decide handles their absence', () => {
    const minimal = {
      format: 'shikaku-observation/1',
      id: 'walk-in',
      visitDate: '令和8年1月20日',
      clinic: { onlineCheck: true },
      patient: { birthDate: '1981-05-10' },
      coverages: [{ id: 'k', insurer: 'kyokai' }],
      documents: [{ kind: 'kakunin-sho', coverage: 'k', issuedOn: '2025-08-01', validUntil: '2030-07-31' }],
    };
    const r = parseObservations(minimal);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const o: Observation = r.observations[0]!;
    expect(o).toMatchObject({ visitDate: '2026-01-20', visitType: 'first', card: null, hindsight: null });
    expect(decide(o)).toMatchObject({ verdict: 'insured', coverage: 'k', copayPercent: 30, rules: ['R5'] });
  });

  it('a file may hold an array of observations (what observe prints)', () => {
    const r = parseObservations([base(), { ...base(), id: 'second' }]);
    expect(r.ok && r.observations.map((o) => o.id)).toEqual(['case', 'second']);
  });

  it('names the field of every problem', () => {
    expect(issuesOf({ ...base(), surprise: 1 })).toEqual(['(root): 未知のフィールドです: surprise']);
    expect(issuesOf({ ...base(), patient: { birthDate: '1981-05-10', insurance: ['nope'] } })).toEqual([
      'patient.insurance[0]: coverages にない保険を指しています: nope',
    ]);
    expect(issuesOf({ ...base(), card: null })).toEqual([
      'card: マイナ保険証を出した患者のカードの結果 (card) がありません',
    ]);
    const card = (base().card ?? {}) as Record<string, unknown>;
    expect(issuesOf({ ...base(), card: { ...card, result: 'failed' } })[0]).toMatch(/^card\.failure: /);
    expect(issuesOf([base(), { ...base(), visitDate: '2026-02-30' }])).toEqual([
      '[1].visitDate: 存在しない日付です: 2026-02-30',
    ]);
  });

  it('R18: a 12-digit number anywhere is refused and never echoed; R19: insurer numbers need their check digit', () => {
    const coverages = [{ id: 'c1', insurer: 'kyokai', number: '123456789018' }];
    const r = parseObservations({ ...base(), coverages });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('123456789018');
    expect(issuesOf({ ...base(), coverages: [{ id: 'c1', insurer: 'kyokai', insurerNumber: '01130013' }] })[0]).toMatch(
      /^coverages\[0\]\.insurerNumber: 保険者番号: /,
    );
  });

  it('decides the same whatever the order of the documents', () => {
    const o = observe(
      scenarioOf({
        visitDate: '2026-01-20',
        coverages: [
          { insurer: 'kyokai', acquiredOn: '2015-04-01', lostOn: '2025-12-01' },
          { insurer: 'kokuho', acquiredOn: '2025-12-01' },
        ],
        presented: [
          { kind: 'oshirase', coverage: 'c2' },
          { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-08-01', validUntil: '2030-07-31' },
          { kind: 'myna-card' },
        ],
      }),
    );
    expect(decide({ ...o, documents: [...o.documents].reverse() })).toEqual(decide(o));
  });
});
