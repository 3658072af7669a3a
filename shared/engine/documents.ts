// What each coverage document proves, by its printed dates (R1, R2, R5).
import { type IsoDate, addDays, minDate } from '../dates';
import type { Coverage, DocOf } from '../scenario';
import { interimStart, isEmployeeInsurance, KOUKI_LEGACY_END, LEGACY_LAST, type Policy } from '../timeline';

/** The effective last valid day of a legacy 保険証 (R1). */
export function legacyExpiry(doc: DocOf<'legacy-card'>, coverage: Coverage): IsoDate {
  const printed = doc.printedExpiry ?? (coverage.insurer === 'kouki' ? KOUKI_LEGACY_END : LEGACY_LAST);
  return minDate(printed, LEGACY_LAST);
}

/** The first day a 資格確認書 proves anything (R5). */
export function kakuninStart(doc: DocOf<'kakunin-sho'>, coverage: Coverage): IsoDate {
  const from = doc.validFrom ?? (doc.issuedOn > coverage.acquiredOn ? doc.issuedOn : coverage.acquiredOn);
  return from > coverage.acquiredOn ? from : coverage.acquiredOn;
}

/** R2: the window of the provisional handling for this document. */
export function interimWindow(
  doc: DocOf<'legacy-card'> | DocOf<'oshirase'>,
  coverage: Coverage,
  policy: Policy,
): [IsoDate, IsoDate] {
  let start = interimStart(coverage.insurer);
  if (doc.kind === 'legacy-card' && policy.interimEmployeeFromExpiry && isEmployeeInsurance(coverage.insurer)) {
    start = addDays(legacyExpiry(doc, coverage), 1);
  }
  return [start, policy.interimEnd];
}
