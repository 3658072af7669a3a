// The truth of a scenario as the insurers and the national system see it on day D:
// which coverages are current, which are known to the online system (R17), and R15 age periods.
import { type IsoDate, addMonthsClamped, birthday, endOfMonth, firstOfNextMonth, reachesAge } from '../dates';
import { nthBusinessDayAfter } from '../business-days';
import type { Coverage } from '../scenario';
import type { Policy } from '../timeline';

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

/** Where a coverage stands on D, in truth and for the online system. */
export interface CoverageState {
  coverage: Coverage;
  /** 資格喪失日 in truth: lostOn, or the 75th birthday for a non-後期 coverage (R12), whichever is first */
  lostOn: IsoDate | null;
  /** the day the online system knows it (R17) */
  registeredOn: IsoDate;
  /** registeredOn was derived from filedOn through the business-day lag */
  lagDerived: boolean;
  /** the lag crossed days beyond the holiday data */
  estimate: boolean;
  current: boolean;
  lost: boolean;
  known: boolean;
}

export function coverageStates(
  coverages: readonly Coverage[],
  birthDate: IsoDate,
  D: IsoDate,
  policy: Policy,
): CoverageState[] {
  const b75 = agePeriods(birthDate).birthday75;
  return coverages.map((c) => {
    let lostOn = c.lostOn;
    if (c.insurer !== 'kouki' && (lostOn === null || b75 < lostOn)) lostOn = b75;
    let registeredOn = c.registeredOn ?? c.acquiredOn;
    let lagDerived = false;
    let estimate = false;
    if (c.registeredOn === null && c.filedOn !== null) {
      const lag = nthBusinessDayAfter(c.filedOn, c.myNumberOnForm ? policy.lagWithMyNumber : policy.lagWithoutMyNumber);
      registeredOn = lag.date;
      lagDerived = true;
      estimate = lag.estimate;
    }
    const lost = lostOn !== null && lostOn <= D;
    return {
      coverage: c,
      lostOn,
      registeredOn,
      lagDerived,
      estimate,
      current: c.acquiredOn <= D && !lost,
      lost,
      known: registeredOn <= D,
    };
  });
}

/** Most recently acquired first; ties by id so the order never depends on the input order. */
export function byMostRecent(a: { coverage: Coverage }, b: { coverage: Coverage }): number {
  const x = a.coverage;
  const y = b.coverage;
  if (x.acquiredOn !== y.acquiredOn) return x.acquiredOn < y.acquiredOn ? 1 : -1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The last day of the e-certificate grace (R8, card route step 4). */
export function certGraceEnd(certExpiresOn: IsoDate, basis: Policy['certGraceBasis']): IsoDate {
  if (basis === 'month-end') {
    // the last day of the 3rd month after the expiry month
    let d = certExpiresOn;
    for (let i = 0; i < 3; i += 1) d = firstOfNextMonth(d);
    return endOfMonth(d);
  }
  // the same day 3 months later, clamped to the month's end
  return addMonthsClamped(certExpiresOn, 3);
}
