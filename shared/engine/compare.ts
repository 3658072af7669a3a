// Pack `expected` vs a decision (SCENARIO.md): only the fields listed are compared; arrays compare
// as sets (objects inside them field by field, whatever their key order); objects compare field by
// field.
import type { Decision, ExpectedDecision } from '../decision';

export interface Mismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** A value as text with every object's keys sorted: equal values, whatever their key order, give equal text. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const x = new Set(a.map(canonicalJson));
  const y = new Set(b.map(canonicalJson));
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function compareValue(path: string, expected: unknown, actual: unknown, out: Mismatch[]): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || !sameSet(expected, actual)) out.push({ field: path, expected, actual });
  } else if (expected !== null && typeof expected === 'object') {
    const act = (actual ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) {
      if (v !== undefined) compareValue(`${path}.${k}`, v, act[k], out);
    }
  } else if (expected !== actual) {
    out.push({ field: path, expected, actual });
  }
}

export function compareExpected(expected: ExpectedDecision, decision: Decision): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [k, v] of Object.entries(expected)) {
    if (v !== undefined) compareValue(k, v, (decision as unknown as Record<string, unknown>)[k], out);
  }
  return out;
}
