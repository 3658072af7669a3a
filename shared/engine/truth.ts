// The truth of a scenario as the insurers and the national system see it on a day: which
// coverages are current, which the online system knows, and which it still shows as current after
// their loss (R17, lossRegisteredOn). Only the simulation (./observe.ts, ./online.ts) reads it; the
// rule book never does.
import type { IsoDate } from '../dates';
import { nthBusinessDayAfter } from '../business-days';
import type { Coverage } from '../scenario';
import { coverageEnd, endsWithHolder } from '../scenario/coverage-end';
import type { Policy } from '../timeline';
import { agePeriods } from './age';

/** Where a coverage stands on a day, in truth and for the online system. */
export interface CoverageState {
  coverage: Coverage;
  /** 資格喪失日 in truth: lostOn (a dependent's cut to its insured person's 75th birthday), or the 75th birthday for a non-後期 coverage, whichever is first */
  lostOn: IsoDate | null;
  /** the day the online system knows it (R17) */
  registeredOn: IsoDate;
  /** the day the online system learns of its loss (lossRegisteredOn, default lostOn) */
  lossRegisteredOn: IsoDate | null;
  /** registeredOn was derived from filedOn through the business-day lag */
  lagDerived: boolean;
  /** the lag counted days beyond the announced holidays (R17) */
  estimate: boolean;
  current: boolean;
  lost: boolean;
  known: boolean;
  /** the online system shows it as current: known, started, and not lost — or lost, but the loss not registered yet */
  shownCurrent: boolean;
  /** known, lost, and the loss registered: the online system answers 資格(無効) */
  knownLost: boolean;
  /** lost with its insured person (R26: 退職・死亡, or their 75th birthday) */
  lostWithHolder: boolean;
}

export function coverageStates(
  coverages: readonly Coverage[],
  birthDate: IsoDate,
  D: IsoDate,
  policy: Policy,
): CoverageState[] {
  const b75 = agePeriods(birthDate).birthday75;
  return coverages.map((c) => {
    const lostOn = coverageEnd(c, b75);
    let registeredOn = c.registeredOn ?? c.acquiredOn;
    let lagDerived = false;
    let estimate = false;
    if (c.registeredOn === null && c.filedOn !== null) {
      const lag = nthBusinessDayAfter(c.filedOn, c.myNumberOnForm ? policy.lagWithMyNumber : policy.lagWithoutMyNumber);
      registeredOn = lag.date;
      lagDerived = true;
      estimate = lag.estimate;
    }
    const lossRegisteredOn = lostOn === null ? null : (c.lossRegisteredOn ?? lostOn);
    const lost = lostOn !== null && lostOn <= D;
    const known = registeredOn <= D;
    const lossKnown = lost && lossRegisteredOn !== null && lossRegisteredOn <= D;
    return {
      coverage: c,
      lostOn,
      registeredOn,
      lossRegisteredOn,
      lagDerived,
      estimate,
      current: c.acquiredOn <= D && !lost,
      lost,
      known,
      shownCurrent: known && c.acquiredOn <= D && !lossKnown,
      knownLost: known && lossKnown,
      lostWithHolder: lost && endsWithHolder(c, lostOn),
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
