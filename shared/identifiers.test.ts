import { describe, expect, it } from 'vitest';
import {
  checkNumber,
  containsMyNumberInJson,
  containsMyNumberLike,
  hasValidCheckDigit,
  MY_NUMBER_MASK,
  PLAIN_LETTER_RANGES,
  PLAIN_RANGES,
  redactMyNumber,
} from './identifiers';
import { MY_NUMBER_SPELLINGS, NOT_MY_NUMBERS } from './testing/my-number-spellings';

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

/** The digits of a text, whatever their script (for checking that a message holds none of them). */
const digitsOf = (s: string) =>
  [...s.normalize('NFKC')]
    .filter((c) => /\p{Nd}/u.test(c))
    .map((c) => String(((c.codePointAt(0)! - 0x30) % 16) % 10))
    .join('');

describe('R18 detector: every spelling of a My Number', () => {
  it('has at least 20 spellings', () => expect(MY_NUMBER_SPELLINGS.length).toBeGreaterThanOrEqual(20));

  it.each(MY_NUMBER_SPELLINGS)('%s', (_what, text) => {
    expect(containsMyNumberLike(text)).toBe(true);
    expect(containsMyNumberLike(`メモ: ${text} (確認済み)`)).toBe(true);
  });

  it.each(NOT_MY_NUMBERS.map((t) => [t]))('not a My Number: %s', (text) => {
    expect(containsMyNumberLike(text)).toBe(false);
    expect(redactMyNumber(text)).toBe(text);
  });

  it.each(MY_NUMBER_SPELLINGS)('the redaction never echoes it: %s', (_what, text) => {
    const message = `患者メモ「${text}」は保存できません / note "${text}" refused`;
    const out = redactMyNumber(message);
    expect(containsMyNumberLike(out)).toBe(false);
    expect(out).toContain(MY_NUMBER_MASK);
    expect(out).toContain('は保存できません / note "');
    expect(out.replace(/[^0-9]/g, '')).not.toContain('5678');
    expect(digitsOf(out)).not.toContain('5678');
  });

  it('masks only the run, keeps the text around it', () => {
    expect(redactMyNumber('no 123456789018 here')).toBe(`no ${MY_NUMBER_MASK} here`);
    expect(redactMyNumber('a 1234ー5678ー9018 b 2026-07-31')).toBe(`a ${MY_NUMBER_MASK} b 2026-07-31`);
    expect(redactMyNumber('全角 １２３４５６７８９０１８。')).toBe(`全角 ${MY_NUMBER_MASK}。`);
    expect(redactMyNumber('2026-07-31 and 1234567890123')).toBe('2026-07-31 and 1234567890123');
  });

  it('refuses 12 digits as an identifier without echoing them', () => {
    const r = checkNumber('123456789018', 'insurer');
    expect(r).toMatchObject({ ok: false, code: 'my-number' });
    expect(JSON.stringify(r)).not.toContain('123456789018');
    expect(checkNumber('1234ー5678ー9018', 'insurer')).toMatchObject({ code: 'my-number' });
  });

  it('is linear on long inputs (no catastrophic backtracking)', () => {
    const long = `${'1 '.repeat(200_000)}a${' '.repeat(200_000)}9`;
    expect(containsMyNumberLike(long)).toBe(true);
    expect(containsMyNumberLike(`${'12345-'.repeat(100_000)}x`)).toBe(false);
  });
});

describe('R18 detector: the fast path agrees with the Unicode tables', () => {
  const ranges = (spec: string) =>
    [...spec.matchAll(/(.)(?:-(.))?/gsu)].map((m) => [m[1]!.codePointAt(0)!, (m[2] ?? m[1]!).codePointAt(0)!] as const);
  const inRanges = (cp: number, r: ReadonlyArray<readonly [number, number]>) => r.some(([a, b]) => cp >= a && cp <= b);

  it('every plain character needs no normalisation, and the letters are exactly \\p{L} and \\p{N} but ー ｰ', () => {
    const plain = ranges(PLAIN_RANGES);
    const letters = ranges(PLAIN_LETTER_RANGES);
    const wrong: string[] = [];
    for (const [a, b] of plain) {
      for (let cp = a; cp <= b; cp += 1) {
        const c = String.fromCodePoint(cp);
        if (/[\p{Nd}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]/u.test(c) || /\p{Nd}/u.test(c.normalize('NFKC')))
          wrong.push(`U+${cp.toString(16)} needs normalising`);
        const letter = /[\p{L}\p{N}]/u.test(c) && c !== 'ー' && c !== 'ｰ';
        if (letter !== inRanges(cp, letters)) wrong.push(`U+${cp.toString(16)} letter=${letter}`);
      }
    }
    for (const [a, b] of letters) if (!inRanges(a, plain) || !inRanges(b, plain)) wrong.push(`letters ${a}-${b}`);
    expect(wrong).toEqual([]);
  });

  it('JSON text: a spelling in any string is found in one scan; escapes join like the characters they stand for', () => {
    for (const [what, text] of MY_NUMBER_SPELLINGS) {
      expect(containsMyNumberInJson(JSON.stringify({ a: '2026-01-20', b: [1, { c: text }] })), what).toBe(true);
    }
    for (const text of NOT_MY_NUMBERS) {
      expect(containsMyNumberInJson(JSON.stringify({ a: '2026-01-20', b: [text, '12 3456'] })), text).toBe(false);
    }
    expect(containsMyNumberInJson(JSON.stringify({ n: 123456789012 }))).toBe(true);
  });
});
