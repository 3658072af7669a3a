// What the rule book (./decide.ts) established about one visit, for the texts (./explain.ts) to
// put in words. Built from the observation only: nothing here comes from a scenario's truth or
// from the observation's hindsight.
import type { IsoDate } from '../dates';
import type {
  Billing,
  CopayBasis,
  CopayPercent,
  CoverageDocKind,
  NeededDocument,
  NumberRouteResult,
  RuleId,
  Verdict,
} from '../enums';
import type {
  ObservedCard,
  ObservedCoverage,
  ObservedDocOf,
  ObservedDocument,
  Observation,
} from '../observation/types';
import type { AgePeriods } from './age';

/** A coverage document (資格確認書, 保険証, お知らせ) with what the desk can learn about it. */
export interface DocEval {
  doc: ObservedDocOf<CoverageDocKind>;
  /** its index in the canonical order of the documents */
  index: number;
  coverage: ObservedCoverage;
  /** the number route's answer for this document, or not-run */
  route: NumberRouteResult;
  /** the desk knows the document is void (R12): number route invalid / invalid-new, or past 75 */
  voidKnown: boolean;
}

export interface Facts {
  o: Observation;
  /** the documents in canonical order */
  documents: ObservedDocument[];
  card: ObservedCard | null;
  rule: RuleId;
  verdict: Verdict;
  copay: CopayPercent;
  copayBasis: CopayBasis;
  coverage: ObservedCoverage | null;
  deciding: DocEval | null;
  portal: ObservedDocOf<'mynaportal'> | null;
  interim: [IsoDate, IsoDate] | null;
  evals: DocEval[];
  periods: AgePeriods;
  elderlyCardNeeded: boolean;
  elderlyCard: ObservedDocOf<'elderly-card'> | null;
  declarationForm: boolean;
  billing: Billing;
  limitNeeded: NeededDocument | null;
  /** R17: a coverage the patient holds, not yet registered (from its filing date and the policy's lag) */
  lagging: { coverage: ObservedCoverage; filedOn: IsoDate; registeredOn: IsoDate } | null;
  /** R6: a 後期 patient turned away on or before 2026-07-31 */
  r6: boolean;
  /** R8: the expired e-certificate mattered */
  r8: boolean;
}
