import { describe, expect, it } from 'vitest';
import { formatDateJa, formatStampJa, formatWareki, parseDate } from './wareki';

const ok = (s: string, documentField = false) => {
  const r = parseDate(s, { documentField });
  return r.ok ? r.value : `ERR ${r.error.en}`;
};

describe('和暦 parsing', () => {
  it.each([
    ['2026-07-31', '2026-07-31'],
    ['令和8年7月31日', '2026-07-31'],
    ['令和８年７月３１日', '2026-07-31'],
    ['R8.7.31', '2026-07-31'],
    ['R08.07.31', '2026-07-31'],
    ['r8/7/31', '2026-07-31'],
    ['令8/7/31', '2026-07-31'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['S28.6.10', '1953-06-10'],
    ['大正15年12月24日', '1926-12-24'],
    ['昭和元年12月25日', '1926-12-25'],
    ['明治45年7月29日', '1912-07-29'],
    ['Ｒ８．７．３１', '2026-07-31'],
    ['令和 8 年 7 月 31 日', '2026-07-31'],
  ])('%s → %s', (input, iso) => expect(ok(input)).toBe(iso));

  it.each([
    '平成31年5月1日',
    '令和元年4月30日',
    '昭和64年1月8日',
    '平成32年1月1日',
    '大正15年12月25日',
    '令和8年2月30日',
    '2026-02-30',
    '2026/07/31',
    'X8.7.31',
    '令和0年5月1日',
    '',
  ])('%s is an error', (input) => expect(ok(input)).toMatch(/^ERR /));

  it('document fields accept 平成31年5月1日 and later 平成 years', () => {
    expect(ok('平成31年5月1日', true)).toBe('2019-05-01');
    expect(ok('平成32年3月31日', true)).toBe('2020-03-31');
    expect(ok('平成37年7月31日', true)).toBe('2025-07-31');
    expect(ok('令和元年4月30日', true)).toMatch(/^ERR/);
  });
});

describe('和暦 formatting via Intl', () => {
  it('formats with the era and 元年', () => {
    expect(formatWareki('2026-07-31')).toBe('令和8年7月31日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatDateJa('2026-07-31')).toBe('令和8年7月31日 (2026-07-31)');
  });
  it("formats a file's Japan-time stamp with the hour unpadded", () => {
    expect(formatStampJa('2026-03-01 09:05:00')).toBe('令和8年3月1日 9:05');
    expect(formatStampJa('2019-05-01 23:59:59')).toBe('令和元年5月1日 23:59');
  });
  it('round-trips every day of a span', () => {
    for (let d = Date.UTC(1988, 0, 1); d < Date.UTC(2031, 0, 1); d += 86_400_000 * 7) {
      const iso = new Date(d).toISOString().slice(0, 10);
      expect(ok(formatWareki(iso))).toBe(iso);
    }
  });
});
