// What the rule book (./decide.ts) established about one visit, for the texts (./explain.ts) to
// put in words. Built from the observation only: nothing here comes from a scenario's truth or
// from the observation's hindsight.
import type { IsoDate } from '../dates';
import type {
  Billing,
  CopayBasis,
  CopayPercent,
  CoverageDocKind,
  LimitCategory,
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
import type { PublicShares } from './public-expense';

/** How the desk knows a document is void (R12): a number query, the birth date (75), or a later coverage's evidence. */
export type VoidBy = 'query' | 'age' | 'newer';

/**
 * Why R13 needs no document: the online check (R3), a number query with the patient's consent, a
 * 資格確認書 printing the 区分, a valid 限度額適用認定証, or a 区分 that has no certificate (一般, 現役並みⅢ).
 */
export type LimitCover = 'online' | 'consent' | 'kakunin' | 'cert' | 'bracket';

/** A coverage document (資格確認書, 保険証, お知らせ) with what the desk can learn about it. */
export interface DocEval {
  doc: ObservedDocOf<CoverageDocKind>;
  /** its index in the canonical order of the documents */
  index: number;
  coverage: ObservedCoverage;
  /** the number route's answer for this document, or not-run */
  route: NumberRouteResult;
  /** the desk knows the document is void (R12) */
  voidKnown: boolean;
  voidBy: VoidBy | null;
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
  /** R13: why no 限度額 document is needed for a visit that needs the ceiling; null otherwise */
  limitCovered: LimitCover | null;
  /** the 限度額区分 of the coverage that pays (as shown, printed or said); null: not known */
  limitCategory: LimitCategory | null;
  /** R17: a coverage the patient holds, not yet registered (from its filing date and the policy's lag) */
  lagging: { coverage: ObservedCoverage; filedOn: IsoDate; registeredOn: IsoDate } | null;
  /** R6: a 後期 patient turned away on or before 2026-07-31 */
  r6: boolean;
  /** R8: the expired e-certificate mattered */
  r8: boolean;
  /** a マイナポータル screen could not be shown: the certificate had expired (R8) */
  screenRefused: boolean;
  /** the public shares (R21–R24) */
  shares: PublicShares;
  /** R25: a 10割 deposit until the 労災 form arrives */
  deposit: boolean;
  /** R25: the 労災 form is still needed */
  rousaiFormNeeded: boolean;
}
