// The visit date the desk accepts (2000–2099) and the one-year warning around today.
import { describe, expect, it } from 'vitest';
import { fartherThanAYear, visitDateProblem } from './visit-date';

describe('visit date', () => {
  it.each(['1800-01-01', '1999-12-31', '2100-01-01', '9999-12-31'])('%s is refused as a typing slip', (d) => {
    expect(visitDateProblem(d)).toEqual({
      ja: `受診日は2000年から2099年までの日付にしてください: ${d}`,
      en: `the visit date must be in 2000-2099: ${d}`,
    });
  });

  it.each(['2000-01-01', '2026-02-02', '2099-12-31'])('%s is accepted', (d) => {
    expect(visitDateProblem(d)).toBeNull();
  });

  it('warns beyond a year either side of today, a year to the day is still near', () => {
    const today = '2026-02-02';
    expect(fartherThanAYear('2025-02-02', today)).toBe(false);
    expect(fartherThanAYear('2027-02-02', today)).toBe(false);
    expect(fartherThanAYear('2025-02-01', today)).toBe(true);
    expect(fartherThanAYear('2027-02-03', today)).toBe(true);
    // 29 February: a year later is the 28th (clamped), not 1 March
    expect(fartherThanAYear('2029-02-28', '2028-02-29')).toBe(false);
    expect(fartherThanAYear('2029-03-01', '2028-02-29')).toBe(true);
  });
});
