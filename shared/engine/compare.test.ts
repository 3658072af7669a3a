// `check`'s comparison of a pack's `expected` with a decision (SCENARIO.md).
import { describe, expect, it } from 'vitest';
import type { ExpectedDecision } from '../decision';
import { compareExpected } from './compare';
import { decideInput } from './testing/build';

const decision = decideInput({
  visitDate: '2026-05-14',
  kohi: [
    {
      program: 'nanbyo',
      payerNumber: '54130174',
      recipientNumber: '1357912',
      validFrom: '2026-04-01',
      validUntil: '2026-09-30',
    },
  ],
  presented: [{ kind: 'myna-card' }, { kind: 'kohi-cert' }],
});

describe('compareExpected', () => {
  it('objects inside arrays compare field by field, whatever their key order', () => {
    const reordered = {
      publicExpense: [
        { reason: null, basis: 'document', applied: true, payerNumber: '54130174', kohi: 'k1', program: 'nanbyo' },
      ],
    } as ExpectedDecision;
    expect(compareExpected(reordered, decision)).toEqual([]);
  });

  it('arrays compare as sets, and a different field inside an object is a mismatch', () => {
    expect(compareExpected({ rules: ['R21', 'R3'] }, decision)).toEqual([]);
    const wrong = {
      publicExpense: [
        { program: 'nanbyo', kohi: 'k1', payerNumber: '54130174', applied: true, basis: 'pmh', reason: null },
      ],
    } as ExpectedDecision;
    expect(compareExpected(wrong, decision).map((m) => m.field)).toEqual(['publicExpense']);
  });

  it('only the listed fields of an object are compared (patientPays partial)', () => {
    expect(compareExpected({ patientPays: { percent: 20 } }, decision)).toEqual([]);
    expect(compareExpected({ patientPays: { percent: 30 } }, decision).map((m) => m.field)).toEqual([
      'patientPays.percent',
    ]);
  });
});
