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
  PublicExpenseBasis,
  PublicExpenseProgram,
  PublicExpenseReason,
  RuleId,
  Verdict,
  WelfareRouteResult,
} from './enums';
import type { Policy } from './timeline';

/** One public programme (R21–R24) as the decision reports it: applied or not, and why. */
export interface PublicExpense {
  program: PublicExpenseProgram;
  /** the programme's id in the scenario (`patient.kohi`); null for 医療扶助 */
  kohi: string | null;
  /** 公費負担者番号; null for 医療扶助 (or not known to the desk) */
  payerNumber: string | null;
  applied: boolean;
  /** how it was confirmed; null when not applied */
  basis: PublicExpenseBasis | null;
  /** why not applied (the first that holds); null when applied */
  reason: PublicExpenseReason | null;
}

/** What the patient pays at the desk after the public shares. */
export interface PatientPays {
  percent: number;
  /** a fixed amount per visit (R22), kept only when that programme gives the lowest percent */
  perVisitYen: number | null;
  /** the lowest monthly cap of the applied national programmes (R21) */
  monthlyCapYen: number | null;
  /** a national programme's monthly cap is reached: nothing more this month */
  capReached: boolean;
  /** a 10割 deposit until a document arrives (R25) */
  deposit: boolean;
}

export interface Decision {
  id: string;
  verdict: Verdict;
  coverage: string | null;
  copayPercent: CopayPercent;
  copayBasis: CopayBasis;
  copayProvisional: boolean;
  elderlyCardNeeded: boolean;
  documentsNeeded: NeededDocument[];
  onlineCheck: {
    cardRoute: CardRouteResult;
    numberRoute: NumberRouteResult;
    failure: CheckFailure | null;
    welfareRoute: WelfareRouteResult;
  };
  billing: Billing;
  rules: RuleId[];
  notes: Note[];
  publicExpense: PublicExpense[];
  patientPays: PatientPays;
  policy: Policy;
  explanation: string;
  tellPatient: string;
}

export type ExpectedDecision = Partial<Omit<Decision, 'onlineCheck' | 'policy' | 'patientPays'>> & {
  onlineCheck?: Partial<Decision['onlineCheck']>;
  patientPays?: Partial<PatientPays>;
  policy?: Partial<Policy>;
};
