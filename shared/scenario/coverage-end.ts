// When a coverage ends in truth (RULES.md R12, R15, R26), for the validation (./normalize.ts) and
// the simulation (shared/engine/truth.ts): one definition.
import { birthday, type IsoDate } from '../dates';
import type { Coverage } from './types';

/**
 * 資格喪失日 in truth: the coverage's lostOn (a dependent's is already cut to its insured person's
 * 75th birthday by ./normalize.ts), and every coverage but 後期 ends on the patient's 75th birthday.
 */
export function coverageEnd(c: Pick<Coverage, 'insurer' | 'lostOn'>, birthday75: IsoDate): IsoDate | null {
  if (c.insurer === 'kouki') return c.lostOn;
  return c.lostOn === null || birthday75 < c.lostOn ? birthday75 : c.lostOn;
}

/** The insured person's 75th birthday, which ends a dependent's coverage (R26: 後期 has no dependents). */
export function holderEnd(c: Pick<Coverage, 'role' | 'holderBirthDate'>): IsoDate | null {
  return c.role === 'dependent' && c.holderBirthDate !== null ? birthday(c.holderBirthDate, 75) : null;
}

/** R26: a dependent's coverage that ends (by `end`) with its insured person's loss or 75th birthday. */
export function endsWithHolder(
  c: Pick<Coverage, 'role' | 'holderBirthDate' | 'lostWithHolder' | 'lostOn'>,
  end: IsoDate | null,
): boolean {
  if (c.role !== 'dependent' || end === null) return false;
  return (c.lostWithHolder && end === c.lostOn) || end === holderEnd(c);
}
