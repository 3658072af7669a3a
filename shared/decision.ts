// The decision format of SCENARIO.md (a public contract: names and values are kept exactly), and
// a pack's `expected` (a partial decision). No scenario truth in here: the rule book imports it.
import type {
  Billing,
  CardRouteResult,
  CheckFailure,
  CopayBasis,
  CopayPercent,
  NeededDocument,
  Note,
  NumberRouteResult,
  RuleId,
  Verdict,
} from './enums';
import type { Policy } from './timeline';

export interface Decision {
  id: string;
  verdict: Verdict;
  coverage: string | null;
  copayPercent: CopayPercent;
  copayBasis: CopayBasis;
  copayProvisional: boolean;
  elderlyCardNeeded: boolean;
  documentsNeeded: NeededDocument[];
  onlineCheck: { cardRoute: CardRouteResult; numberRoute: NumberRouteResult; failure: CheckFailure | null };
  billing: Billing;
  rules: RuleId[];
  notes: Note[];
  policy: Policy;
  explanation: string;
  tellPatient: string;
}

export type ExpectedDecision = Partial<Omit<Decision, 'onlineCheck' | 'policy'>> & {
  onlineCheck?: Partial<Decision['onlineCheck']>;
  policy?: Partial<Policy>;
};
