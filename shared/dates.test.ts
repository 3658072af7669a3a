import { describe, expect, it } from 'vitest';
import { addMonthsClamped, ageOn, birthday, reachesAge, todayInJapan, weekday } from './dates';
import { isBusinessDay, nthBusinessDayAfter } from './business-days';
import { certGraceEnd } from './engine/documents';

describe('calendar arithmetic', () => {
  it('birthdays on 29 February fall on 1 March in common years', () => {
    expect(birthday('1952-02-29', 75)).toBe('2027-03-01');
    expect(birthday('1952-02-29', 72)).toBe('2024-02-29');
    expect(reachesAge('1952-02-29', 75)).toBe('2027-02-28');
  });
  it('age on a date', () => {
    expect(ageOn('1951-03-10', '2026-03-09')).toBe(74);
    expect(ageOn('1951-03-10', '2026-03-10')).toBe(75);
  });
  it('weekday', () => {
    expect(weekday('2026-09-18')).toBe(5);
    expect(weekday('2026-11-27')).toBe(5);
  });
  it('months clamp to the month end', () => {
    expect(addMonthsClamped('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsClamped('2023-11-30', 3)).toBe('2024-02-29');
  });
  it('certificate grace ends (R8)', () => {
    expect(certGraceEnd('2025-12-10', 'month-end')).toBe('2026-03-31');
    expect(certGraceEnd('2025-11-30', 'expiry-date')).toBe('2026-02-28');
    expect(certGraceEnd('2025-12-10', 'expiry-date')).toBe('2026-03-10');
  });
  it("today in Japan does not depend on the machine's time zone", () => {
    expect(todayInJapan(new Date('2026-11-26T15:00:00Z'))).toBe('2026-11-27');
    expect(todayInJapan(new Date('2026-11-26T14:59:59Z'))).toBe('2026-11-26');
  });
});

describe('business days (R17)', () => {
  it('excludes weekends, holidays, 振替休日, 国民の休日 and 29 Dec – 3 Jan', () => {
    expect(isBusinessDay('2026-05-06')).toBe(false); // 振替休日
    expect(isBusinessDay('2026-09-22')).toBe(false); // 国民の休日
    expect(isBusinessDay('2025-12-29')).toBe(false);
    expect(isBusinessDay('2026-01-05')).toBe(true);
    expect(isBusinessDay('2025-12-26')).toBe(true);
  });
  it.each([
    ['2026-04-24', 2, '2026-04-28'],
    ['2026-04-24', 5, '2026-05-07'],
    ['2025-12-26', 2, '2026-01-06'],
    ['2025-12-26', 5, '2026-01-09'],
    ['2026-09-18', 2, '2026-09-25'],
    ['2026-09-18', 5, '2026-09-30'],
  ])('%s + %i business days = %s (domain research worked examples)', (from, n, to) => {
    expect(nthBusinessDayAfter(from, n)).toEqual({ date: to, estimate: false });
  });
  it('flags dates beyond the holiday data as estimates', () => {
    expect(nthBusinessDayAfter('2050-12-28', 5).estimate).toBe(true);
  });
});
