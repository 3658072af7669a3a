// The truth of a scenario as the insurers and the national system see it on day D:
// which coverages are current and which are known to the online system (R17). Only the
// simulation (./observe.ts, ./online.ts) reads it; the rule book never does.
import type { IsoDate } from '../dates';
import { nthBusinessDayAfter } from '../business-days';
import type { Coverage } from '../scenario';
import type { Policy } from '../timeline';
import { agePeriods } from './age';

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
