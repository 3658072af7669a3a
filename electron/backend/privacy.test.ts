import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { containsMyNumberLike } from '../../shared/identifiers';
import { assertNoMyNumber, assertNoMyNumberDeep, findMyNumberPath } from './privacy';

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
});
