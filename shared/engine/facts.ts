// What the rule book established about one visit, for the texts (./explain.ts) to put in words.
import type { IsoDate } from '../dates';
import type {
  Billing,
  CopayBasis,
  CopayPercent,
  NeededDocument,
  Note,
  NumberRouteResult,
  RuleId,
  Verdict,
} from '../enums';
import type { Coverage, DocOf, Scenario } from '../scenario';
import type { Policy } from '../timeline';
import type { CoverageDoc, NumberQuery, OnlineCheck } from './online';
import type { AgePeriods, CoverageState } from './truth';

/** A coverage document (資格確認書, 保険証, お知らせ) with what the desk can learn about it. */
export interface DocEval {
  doc: CoverageDoc;
  state: CoverageState;
  query: NumberQuery | null;
  /** the number route's answer for this document, or not-run */
  route: NumberRouteResult;
  /** the desk knows the document is void (R12): number route invalid / invalid-new, or past 75 */
  voidKnown: boolean;
}

export interface Facts {
  s: Scenario;
  policy: Policy;
  rule: RuleId;
  rules: RuleId[];
  verdict: Verdict;
  copay: CopayPercent;
  copayBasis: CopayBasis;
  coverage: Coverage | null;
  payingCoverage: Coverage | null;
  deciding: DocEval | null;
  portal: DocOf<'mynaportal'> | null;
  interim: [IsoDate, IsoDate] | null;
  evals: DocEval[];
  online: OnlineCheck;
  states: CoverageState[];
  periods: AgePeriods;
  elderlyCardNeeded: boolean;
  elderlyCard: DocOf<'elderly-card'> | null;
  declarationForm: boolean;
  billing: Billing;
  limitNeeded: NeededDocument | null;
  notes: Set<Note>;
}
