import { describe, expect, it } from 'vitest';
import { getIn, setIn } from './draft';

describe('the draft, by path', () => {
  const draft = { patient: { coverages: [{ id: 'c1' }, { id: 'c2' }] }, id: 'x' };

  it('reads a value, or undefined where the path leads nowhere', () => {
    expect(getIn(draft, ['patient', 'coverages', 1, 'id'])).toBe('c2');
    expect(getIn(draft, ['patient', 'coverages', 5, 'id'])).toBeUndefined();
    expect(getIn(draft, ['id', 'deeper'])).toBeUndefined();
  });

  it('writes a copy: arrays and objects on the way are new, the original is untouched', () => {
    const next = setIn(draft, ['patient', 'coverages', 0, 'insurer'], 'kokuho') as typeof draft;
    expect(next.patient.coverages[0]).toEqual({ id: 'c1', insurer: 'kokuho' });
    expect(Array.isArray(next.patient.coverages)).toBe(true);
    expect(next.patient.coverages[1]).toBe(draft.patient.coverages[1]);
    expect(draft.patient.coverages[0]).toEqual({ id: 'c1' });
  });

  it('creates the objects a path needs, and undefined removes the key', () => {
    expect(setIn({}, ['clinic', 'onlineCheck'], true)).toEqual({ clinic: { onlineCheck: true } });
    expect(setIn({ title: 't', id: 'x' }, ['title'], undefined)).toEqual({ id: 'x' });
  });
});
