// Age and copay (RULES.md R15): a patient's age milestones, and the copay of a coverage by age.
// Pure calendar arithmetic on the birth date, which the desk always knows.
import { type IsoDate, birthday, firstOfNextMonth, reachesAge } from '../dates';
import type { CoverageRatio, Insurer } from '../enums';

/** Age milestones of one patient (R15). */
export interface AgePeriods {
  /** last day of 未就学: the first 31 March on or after the day the child reaches 6 */
  preschoolEnd: IsoDate;
  /** first day of the elderly period (70–74) */
  elderlyStart: IsoDate;
  /** the 75th birthday: 後期 starts, every other coverage ends */
  birthday75: IsoDate;
}

const periodsCache = new Map<IsoDate, AgePeriods>();

export function agePeriods(birthDate: IsoDate): AgePeriods {
  let hit = periodsCache.get(birthDate);
  if (hit === undefined) {
    hit = computeAgePeriods(birthDate);
    if (periodsCache.size > 250_000) periodsCache.clear();
    periodsCache.set(birthDate, hit);
  }
  return hit;
}

function computeAgePeriods(birthDate: IsoDate): AgePeriods {
  const reach6 = reachesAge(birthDate, 6);
  const march31 = `${reach6.slice(0, 4)}-03-31`;
  const preschoolEnd = reach6 <= march31 ? march31 : `${Number(reach6.slice(0, 4)) + 1}-03-31`;
  return Object.freeze({
    preschoolEnd,
    elderlyStart: firstOfNextMonth(reachesAge(birthDate, 70)),
    birthday75: birthday(birthDate, 75),
  });
}

export function inElderlyPeriod(periods: AgePeriods, D: IsoDate): boolean {
  return D >= periods.elderlyStart && D < periods.birthday75;
}

/**
 * R15: the copay for the coverage that qualified the visit, from its insurer and its ratio (後期:
 * its ratio, default 10; 70–74: 30 for 現役並み, else 20); with no coverage, by age alone.
 */
export function copayPercent(
  periods: AgePeriods,
  D: IsoDate,
  coverage: { insurer: Insurer; ratio: CoverageRatio | null } | null,
): CoverageRatio {
  if (coverage?.insurer === 'kouki') return coverage.ratio ?? 10;
  if (D <= periods.preschoolEnd) return 20;
  if (inElderlyPeriod(periods, D)) return coverage?.ratio === 30 ? 30 : 20;
  if (D >= periods.birthday75) return 10;
  return 30;
}
