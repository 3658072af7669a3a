import { describe, expect, it } from 'vitest';
import { checkNumber, hasValidCheckDigit } from './identifiers';

describe('R19 check digits', () => {
  it.each([
    ['01130012', true],
    ['138156', true],
    ['88134457', true],
    ['88134458', false],
    ['138157', false],
    ['77777779', true],
    ['77777777', false],
    ['01130013', false],
  ])('%s → %s', (n, valid) => expect(hasValidCheckDigit(n)).toBe(valid));

  it('checks lengths by kind', () => {
    expect(checkNumber('138156', 'insurer-kokuho')).toEqual({ ok: true });
    expect(checkNumber('138156', 'insurer')).toMatchObject({ ok: false, code: 'length' });
    expect(checkNumber('88134457', 'kohi-futansha')).toEqual({ ok: true });
  });
});

describe('R18 My Number refusal', () => {
  it('refuses 12 digits without echoing them', () => {
    const r = checkNumber('123456789018', 'insurer');
    expect(r).toMatchObject({ ok: false, code: 'my-number' });
    expect(JSON.stringify(r)).not.toContain('123456789018');
    expect(checkNumber('1234 5678 9018', 'insurer')).toMatchObject({ code: 'my-number' });
  });
});

describe('R18 masking in messages', () => {
  it('masks plain, grouped and full-width 12-digit numbers but not dates or longer runs', async () => {
    const { redactMyNumber } = await import('./identifiers');
    expect(redactMyNumber('no 123456789018 here')).toBe('no ************ here');
    expect(redactMyNumber('a 1234-5678-9018 b')).toBe('a ************ b');
    expect(redactMyNumber('全角 １２３４５６７８９０１８')).toBe('全角 ************');
    expect(redactMyNumber('2026-07-31 and 1234567890123')).toBe('2026-07-31 and 1234567890123');
  });
});
