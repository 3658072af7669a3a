// Business days of the insurers and government offices (RULES.md R17): not Saturday, Sunday,
// a national holiday (振替休日 and 国民の休日 included, from the maintained @holiday-jp data),
// nor 29 December – 3 January (行政機関の休日に関する法律 第1条).
import holidayJp from '@holiday-jp/holiday_jp';
import { type IsoDate, dayNumber, fromDayNumber, weekday } from './dates';
import { HOLIDAYS_ANNOUNCED_UNTIL } from './timeline';

const holidays: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));
const years = [...holidays].map((d) => Number(d.slice(0, 4)));
/** The calendar years the holiday data covers. */
const HOLIDAY_DATA_RANGE = { first: Math.min(...years), last: Math.max(...years) } as const;

export function isNationalHoliday(iso: IsoDate): boolean {
  return holidays.has(iso);
}

export function isYearEndClosure(iso: IsoDate): boolean {
  const md = iso.slice(5);
  return md >= '12-29' || md <= '01-03';
}

/**
 * Whether the holidays of this date are announced (R17): up to HOLIDAYS_ANNOUNCED_UNTIL and inside
 * the package's data. Beyond, the package computes them by rule (春分・秋分 are fixed only a year
 * ahead), so a business day counted there is an estimate.
 */
function holidayDataCovers(iso: IsoDate): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= HOLIDAY_DATA_RANGE.first && y <= HOLIDAY_DATA_RANGE.last && iso <= HOLIDAYS_ANNOUNCED_UNTIL;
}

export function isBusinessDay(iso: IsoDate): boolean {
  const wd = weekday(iso);
  return wd !== 0 && wd !== 6 && !isYearEndClosure(iso) && !holidays.has(iso);
}

const lagCache = new Map<string, { date: IsoDate; estimate: boolean }>();

/**
 * The N-th business day after `from` (the day itself is not counted). `estimate` is true when a
 * day beyond the holiday data was crossed. Memoized: the same filing dates recur.
 */
export function nthBusinessDayAfter(from: IsoDate, n: number): { date: IsoDate; estimate: boolean } {
  const key = `${from}+${n}`;
  const hit = lagCache.get(key);
  if (hit) return hit;
  let day = dayNumber(from);
  let d = from;
  let estimate = !holidayDataCovers(from) && n === 0;
  let count = 0;
  while (count < n) {
    day += 1;
    d = fromDayNumber(day);
    if (!holidayDataCovers(d)) estimate = true;
    const wd = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
    if (wd !== 0 && wd !== 6 && !isYearEndClosure(d) && !holidays.has(d)) count += 1;
  }
  const out = { date: d, estimate };
  if (lagCache.size > 10_000) lagCache.clear();
  lagCache.set(key, out);
  return out;
}
