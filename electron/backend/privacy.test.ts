import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { containsMyNumberLike } from '../../shared/identifiers';
import { MAX_JSON_DEPTH } from '../../shared/json-depth';
import { assertNoMyNumber, assertNoMyNumberDeep, findMyNumberPath } from './privacy';
import { MY_NUMBER_SPELLINGS } from '../../shared/testing/my-number-spellings';

describe('R18: 12-digit numbers in text', () => {
  it('finds a My Number written in any usual way', () => {
    for (const s of [
      '123456789012',
      'メモ: 123456789012 です',
      '1234 5678 9012',
      '1234-5678-9012',
      '１２３４５６７８９０１２',
      '１２３４　５６７８　９０１２',
      '𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟐',
      '12-3456-789012',
      '"symbol":"123456789012"',
    ]) {
      expect(containsMyNumberLike(s), s).toBe(true);
    }
  });

  it('does not flag dates, times, phone numbers, insurer numbers or longer runs', () => {
    for (const s of [
      '2025-12-01 2026-01-01',
      '20260115100203',
      '2026-01-15T10:00:00.000+09:00',
      '03-1234-5678',
      '01130012',
      '1234567890123',
      '12345678901',
      '{"visitDate":"2026-01-15","acquiredOn":"2015-04-01"}',
      '令和8年1月15日',
    ]) {
      expect(containsMyNumberLike(s), s).toBe(false);
    }
  });

  it('errors name the field and never repeat the number', () => {
    expect(() => assertNoMyNumber('ok', 'x')).not.toThrow();
    try {
      assertNoMyNumber('番号 1234 5678 9012', 'coverages[0].symbol');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('my-number');
      expect(err.en).toContain('coverages[0].symbol');
      expect(err.ja).toContain('個人番号');
      expect(JSON.stringify(err) + err.message).not.toMatch(/1234/);
    }
    expect(findMyNumberPath({ a: [{ b: 'x' }, { c: 123456789012 }] })).toBe('a[1].c');
    expect(() =>
      assertNoMyNumberDeep({ a: { b: '123456789012' } }, 'scenario', JSON.stringify({ a: { b: '123456789012' } })),
    ).toThrow(/scenario\.a\.b/);
  });

  it('the one-scan fast path finds every spelling in any string of a value (escapes included)', () => {
    for (const [what, text] of MY_NUMBER_SPELLINGS) {
      const value = { id: 'x', list: ['2026-01-01', { note: text }], n: 30 };
      expect(() => assertNoMyNumberDeep(value, 'scenario', JSON.stringify(value)), what).toThrow(
        /scenario\.list\[1\]\.note/,
      );
    }
    const key = { ['1234ー5678ー9012']: 1 };
    expect(() => assertNoMyNumberDeep(key, 'x', JSON.stringify(key))).toThrow(AppError);
    // numbers side by side in an array are not one number
    const list = { ratios: [10, 20, 30, 40, 50, 60], dates: ['2025-12-01', '2026-01-01'] };
    expect(() => assertNoMyNumberDeep(list, 'x', JSON.stringify(list))).not.toThrow();
  });

  it('deeply nested JSON is invalid input, not a stack overflow', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    try {
      findMyNumberPath(deep);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('invalid-input');
      expect((e as AppError).ja).toContain(`${MAX_JSON_DEPTH} 段`);
    }
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i += 1) ok = [ok];
    expect(findMyNumberPath(ok)).toBeNull();
  });
});
