// Property-based tests over generated scenarios (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../timeline';
import { LISTED_RULES } from '../rules';
import { type Scenario, parsePack, parseScenario } from '../scenario';
import { decideScenario } from './observe';
import { arbRawScenario } from './testing/arbitrary';

const arbScenario = arbRawScenario
  .map((raw) => parseScenario(raw))
  .filter((r): r is Extract<typeof r, { ok: true }> => r.ok)
  .map((r) => r.scenario);

const RUNS = { numRuns: 1500 };

describe('generated valid scenarios', () => {
  it('the generator produces mostly valid scenarios (so the properties test something)', () => {
    const raws = fc.sample(arbRawScenario, { numRuns: 500, seed: 42 });
    const valid = raws.filter((r) => parseScenario(r).ok).length;
    expect(valid).toBeGreaterThan(450);
  });

  it('decide never throws and is deterministic', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        expect(decideScenario(s)).toEqual(decideScenario(structuredClone(s)));
      }),
      RUNS,
    );
  });

  it('gives the same decision whatever the order of presented', () => {
    fc.assert(
      fc.property(arbScenario, fc.infiniteStream(fc.nat()), (s, randoms) => {
        const shuffled = [...s.presented]
          .map((d) => ({ d, k: randoms.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.d);
        expect(decideScenario({ ...s, presented: shuffled })).toEqual(decideScenario(s));
      }),
      RUNS,
    );
  });

  it('never lists a document that was presented and valid in documentsNeeded', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        const D = s.visitDate;
        for (const doc of s.presented) {
          if (doc.kind === 'declaration') expect(d.documentsNeeded).not.toContain('declaration');
          if (
            doc.kind === 'elderly-card' &&
            (doc.validFrom === null || doc.validFrom <= D) &&
            (doc.validUntil === null || doc.validUntil >= D)
          )
            expect(d.documentsNeeded).not.toContain('elderly-card');
          if (doc.kind === 'limit-cert' && (doc.validUntil === null || doc.validUntil >= D))
            expect(d.documentsNeeded).not.toContain('limit-cert');
          if (doc.kind === 'rousai-form') expect(d.documentsNeeded).not.toContain('rousai-form');
          if (doc.kind === 'medical-ticket' && doc.month === D.slice(0, 7) && doc.forThisClinic)
            expect(d.documentsNeeded).not.toContain('medical-ticket');
        }
        // a certificate of every programme valid on D presented: no kohi-cert needed
        const certified = new Set(s.presented.flatMap((x) => (x.kind === 'kohi-cert' ? [x.kohi] : [])));
        if (s.patient.kohi.every((k) => certified.has(k.id) && k.validFrom <= D && D <= k.validUntil))
          expect(d.documentsNeeded).not.toContain('kohi-cert');
      }),
      RUNS,
    );
  });

  it('never says insured with 100%, and self-pay is always 100% with no coverage', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        if (d.verdict === 'self-pay') {
          expect(d).toMatchObject({
            copayPercent: 100,
            copayBasis: 'self-pay',
            coverage: null,
            billing: 'none',
            documentsNeeded: [],
          });
        } else {
          expect(d.copayPercent).not.toBe(100);
        }
      }),
      RUNS,
    );
  });

  it('patientPays: never above the insurance copay; equal to it without an applied programme', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        expect(d.patientPays.percent).toBeLessThanOrEqual(d.copayPercent);
        if (!d.publicExpense.some((p) => p.applied)) expect(d.patientPays.percent).toBe(d.copayPercent);
        if (d.patientPays.perVisitYen !== null) expect(d.patientPays.percent).toBe(0);
        if (d.patientPays.deposit) expect(d.verdict).toBe('workers-comp');
      }),
      RUNS,
    );
  });

  it('workers-comp never bills health insurance; a work injury never runs the online check', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        if (d.verdict === 'workers-comp')
          expect(d).toMatchObject({ coverage: null, copayPercent: 0, billing: 'workers-comp', rules: ['R25'] });
        if (s.cause === 'work' || s.cause === 'commute') {
          expect(['workers-comp', 'self-pay']).toContain(d.verdict);
          expect(d.onlineCheck).toEqual({
            cardRoute: 'not-run',
            numberRoute: 'not-run',
            failure: null,
            welfareRoute: 'not-run',
          });
          expect(d.publicExpense.every((p) => !p.applied)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('public-assistance is never 10割, never R9 or 旧資格, and always reports 医療扶助', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        if (d.verdict !== 'public-assistance') return;
        expect(d).toMatchObject({ copayPercent: 0, coverage: null, billing: 'public-assistance' });
        expect(d.patientPays.percent).toBe(0);
        expect(d.rules[0]).toBe('R24');
        expect(d.rules).not.toContain('R9');
        expect(d.publicExpense.filter((p) => p.program === 'welfare' && p.applied)).toHaveLength(1);
      }),
      RUNS,
    );
  });

  it('at most one of claim-may-be-returned and insurer-may-reclaim; R20 only after a card read', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        expect(d.notes.includes('claim-may-be-returned') && d.notes.includes('insurer-may-reclaim')).toBe(false);
        if (d.rules.includes('R20'))
          expect(['valid', 'multiple', 'invalid', 'not-found']).toContain(d.onlineCheck.cardRoute);
        if (d.rules.includes('R10')) expect(d.rules[0]).toBe('R9');
      }),
      RUNS,
    );
  });

  it('the generator reaches every version-2 outcome (so the properties test something)', () => {
    const decisions = fc.sample(arbScenario, { numRuns: 3000, seed: 9 }).map((s) => decideScenario(s));
    const seen = (f: (d: (typeof decisions)[number]) => boolean) => decisions.filter(f).length;
    expect(seen((d) => d.verdict === 'workers-comp')).toBeGreaterThan(20);
    expect(seen((d) => d.verdict === 'public-assistance')).toBeGreaterThan(20);
    expect(seen((d) => d.publicExpense.some((p) => p.applied && p.program !== 'welfare'))).toBeGreaterThan(20);
    expect(seen((d) => d.publicExpense.some((p) => p.basis === 'pmh'))).toBeGreaterThan(0);
    expect(seen((d) => d.patientPays.perVisitYen !== null)).toBeGreaterThan(0);
    expect(seen((d) => d.patientPays.capReached)).toBeGreaterThan(0);
    expect(seen((d) => d.notes.includes('claim-may-be-returned'))).toBeGreaterThan(0);
    expect(seen((d) => d.rules.includes('R26'))).toBeGreaterThan(0);
  });

  it('never accepts お知らせ alone after interimEnd', () => {
    // every generated patient, with only an お知らせ of their latest coverage handed over
    const onlyOshirase = arbRawScenario
      .map(({ cause: _c, ...raw }) => {
        const { welfare: _w, ...patient } = raw.patient;
        const latest = patient.coverages.filter((c) => c.insurer !== 'kouki').slice(-1);
        return { ...raw, patient, presented: latest.map((c) => ({ kind: 'oshirase', coverage: c.id })) };
      })
      .map((raw) => parseScenario(raw))
      .filter((r): r is Extract<typeof r, { ok: true }> => r.ok && r.scenario.presented.length > 0)
      .map((r) => r.scenario);
    fc.assert(
      fc.property(onlyOshirase, (s) => {
        const end = s.policy.interimEnd ?? DEFAULT_POLICY.interimEnd;
        fc.pre(s.visitDate > end);
        expect(decideScenario(s).verdict).toBe('self-pay');
      }),
      { numRuns: 300 },
    );
  });

  it('rules start with the deciding rule, in RULES.md order, never R15/R16/R18/R19', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = decideScenario(s);
        expect(['R1', 'R2', 'R3', 'R4', 'R5', 'R9', 'R11', 'R24', 'R25']).toContain(d.rules[0]);
        const rest = d.rules.slice(1).map((r) => Number(r.slice(1)));
        expect(rest).toEqual([...rest].sort((a, b) => a - b));
        for (const r of d.rules) expect(LISTED_RULES).toContain(r);
        expect(new Set(d.rules).size).toBe(d.rules.length);
        expect(d.explanation.length).toBeGreaterThan(0);
        expect(d.tellPatient.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

// --- invalid inputs: always a validation error naming a field, never an exception

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths to every value in a JSON tree. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(root) as Json;
  let cur = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) cur = cur[p] as unknown as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy;
}

const BAD_VALUES: Json[] = ['not-a-date', '令和元年4月30日', -1, 1.5, true, { nested: 1 }, [1, 2], '123456789012', ''];

describe('generated invalid inputs', () => {
  it('a wrong value at a typed field gives an error naming a field, never an exception or a 12-digit echo', () => {
    fc.assert(
      fc.property(arbRawScenario, fc.nat(), fc.constantFrom(...BAD_VALUES), (raw, pick, bad) => {
        const all = paths(raw as unknown as Json).filter(
          (p) =>
            p.length > 0 && !['title', 'story', 'id', 'symbol', 'number', 'branch'].includes(String(p[p.length - 1])),
        );
        const path = all[pick % all.length]!;
        const mutated = setAt(raw as unknown as Json, path, bad);
        let r: ReturnType<typeof parseScenario>;
        try {
          r = parseScenario(mutated);
        } catch (e) {
          throw new Error(`threw at ${path.join('.')}: ${String(e)}`, { cause: e });
        }
        // Some replacements can be valid (e.g. true for a boolean); when rejected, a field is named.
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(i.path.length).toBeGreaterThan(0);
            expect(i.ja.length).toBeGreaterThan(0);
            expect(JSON.stringify(i)).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
          }
        }
      }),
      RUNS,
    );
  });

  it('an unknown field anywhere is refused and named', () => {
    fc.assert(
      fc.property(arbRawScenario, fc.nat(), (raw, pick) => {
        const objects = paths(raw as unknown as Json).filter((p) => {
          let v: unknown = raw;
          for (const k of p) v = (v as Record<string | number, unknown>)[k];
          return v !== null && typeof v === 'object' && !Array.isArray(v) && p[p.length - 1] !== 'policy';
        });
        const at = objects[pick % objects.length]!;
        const mutated = setAt(raw as unknown as Json, [...at, 'surprise'], 1);
        const r = parseScenario(mutated);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.issues.some((i) => /surprise/.test(i.ja))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a pack with a duplicate id or a bad scenario lists every bad scenario and returns none', () => {
    fc.assert(
      fc.property(fc.array(arbRawScenario, { minLength: 2, maxLength: 6 }), (raws) => {
        const scenarios = raws.map((r, i) => ({ ...r, id: i === raws.length - 1 ? 'dup' : i === 0 ? 'dup' : `s${i}` }));
        const r = parsePack({ format: 'shikaku-pack/1', title: 't', scenarios });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.issues.some((i) => i.path === `scenarios[${raws.length - 1}].id`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseScenario(v);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

export type { Scenario };
