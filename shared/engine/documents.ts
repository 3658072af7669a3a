// What a document proves by the dates printed on it (R1, R2, R5, R8), and the canonical order of
// documents. Structural types: the simulation passes a scenario's documents and coverages, the rule
// book the observed ones.
import { type IsoDate, addDays, addMonthsClamped, endOfMonth, firstOfNextMonth, minDate } from '../dates';
import { type CertGraceBasis, DOCUMENT_KINDS, type DocumentKind, type Insurer, orderOf } from '../enums';
import { interimStart, isEmployeeInsurance, KOUKI_LEGACY_END, LEGACY_LAST, type Policy } from '../timeline';

/** What a coverage document prints about its coverage (資格取得日 may be unknown to a real desk). */
interface PrintedCoverage {
  insurer: Insurer;
  acquiredOn: IsoDate | null;
}

/** The effective last valid day of a legacy 保険証 (R1). */
export function legacyExpiry(doc: { printedExpiry: IsoDate | null }, coverage: PrintedCoverage): IsoDate {
  const printed = doc.printedExpiry ?? (coverage.insurer === 'kouki' ? KOUKI_LEGACY_END : LEGACY_LAST);
  return minDate(printed, LEGACY_LAST);
}

/** The first day a 資格確認書 proves anything (R5): its validFrom, issuedOn or 資格取得日, whichever is last. */
export function kakuninStart(
  doc: { issuedOn: IsoDate; validFrom: IsoDate | null },
  coverage: PrintedCoverage,
): IsoDate {
  const acquired = coverage.acquiredOn ?? doc.issuedOn;
  const from = doc.validFrom ?? (doc.issuedOn > acquired ? doc.issuedOn : acquired);
  return from > acquired ? from : acquired;
}

/** R2: the window of the provisional handling for a legacy 保険証 or an お知らせ. */
export function interimWindow(
  doc: { kind: 'legacy-card'; printedExpiry: IsoDate | null } | { kind: 'oshirase' },
  coverage: PrintedCoverage,
  policy: Policy,
): [IsoDate, IsoDate] {
  let start = interimStart(coverage.insurer);
  if (doc.kind === 'legacy-card' && policy.interimEmployeeFromExpiry && isEmployeeInsurance(coverage.insurer)) {
    start = addDays(legacyExpiry(doc, coverage), 1);
  }
  return [start, policy.interimEnd];
}

/** The last day of the e-certificate grace (R8, card route step 4), from the expiry on the card. */
export function certGraceEnd(certExpiresOn: IsoDate, basis: CertGraceBasis): IsoDate {
  if (basis === 'month-end') {
    // the last day of the 3rd month after the expiry month
    let d = certExpiresOn;
    for (let i = 0; i < 3; i += 1) d = firstOfNextMonth(d);
    return endOfMonth(d);
  }
  // the same day 3 months later, clamped to the month's end
  return addMonthsClamped(certExpiresOn, 3);
}

const DOC_ORDER = orderOf(DOCUMENT_KINDS);

/**
 * The order documents were handed over in never matters: they are read in the canonical order —
 * by kind (shared/enums.ts DOCUMENT_KINDS), then by content. A list already in order is returned
 * as it is (the simulation hands the rule book ordered lists).
 */
export function canonicalOrder<D extends { kind: DocumentKind }>(documents: D[]): D[] {
  let ordered = true;
  for (let i = 1; i < documents.length && ordered; i += 1)
    ordered = DOC_ORDER[documents[i - 1]!.kind] < DOC_ORDER[documents[i]!.kind];
  if (ordered) return documents;
  // Only documents of the same kind need their content compared (rare), so stringify lazily.
  const keys = new Map<D, string>();
  const key = (d: D) => {
    let k = keys.get(d);
    if (k === undefined) keys.set(d, (k = JSON.stringify(d)));
    return k;
  };
  return [...documents].sort((a, b) => {
    const byKind = DOC_ORDER[a.kind] - DOC_ORDER[b.kind];
    if (byKind !== 0) return byKind;
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
