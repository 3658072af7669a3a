// The visit date the desk accepts: a real day of this era of the reform (2000–2099; 1800 or 9999 is
// a typing slip, refused where the date enters — the desk's field and the desk.decide call), and
// how far it is from today (the desk warns beyond a year: probably a slip too, but allowed).
import { addMonthsClamped, type IsoDate } from './dates';

const VISIT_DATE_FIRST: IsoDate = '2000-01-01';
const VISIT_DATE_LAST: IsoDate = '2099-12-31';

/** Why a visit date is refused, or null. */
export function visitDateProblem(d: IsoDate): { ja: string; en: string } | null {
  if (d >= VISIT_DATE_FIRST && d <= VISIT_DATE_LAST) return null;
  return {
    ja: `受診日は2000年から2099年までの日付にしてください: ${d}`,
    en: `the visit date must be in 2000-2099: ${d}`,
  };
}

/** The visit date is more than a year before or after today. */
export const fartherThanAYear = (d: IsoDate, today: IsoDate): boolean =>
  d < addMonthsClamped(today, -12) || d > addMonthsClamped(today, 12);
