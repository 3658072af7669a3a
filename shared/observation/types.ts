// The observation format `shikaku-observation/1`: what a desk could see and hear at one visit —
// the visit, the clinic's situation, the policy in force, the online check's answers (the card
// route's result screen, each number query), the documents with what is printed on them, and the
// patient's truthful answers. The rule book (shared/engine/decide.ts) reads only this: it has no
// truth in it (no 資格喪失日, no registration dates, no "current" flags).
//
// Three producers: the simulation (shared/engine/observe.ts, from a scenario's truth), a
// receptionist typing what a real terminal showed, a national-format result file. Whatever a real
// desk may not know is nullable, and the rule book handles its absence.
import type { IsoDate } from '../dates';
import type { Clinic } from '../clinic';
import type {
  CardRouteResult,
  Cause,
  CheckFailure,
  CoverageRatio,
  CoverageRole,
  Device,
  ElderlyCardHandling,
  ElderlyRatio,
  Insurer,
  LimitCategory,
  NumberRouteResult,
  PhoneOs,
  PortalForm,
  VisitType,
  WelfareRouteResult,
} from '../enums';
import type { Programme } from '../kohi';
import type { Policy } from '../timeline';

export const OBSERVATION_FORMAT = 'shikaku-observation/1';

/**
 * One health insurance the desk learned of — printed on a document, shown on a result screen, or
 * named by the patient — with what was printed, shown or said. `id` is a label that documents,
 * screens and answers refer to (the simulation uses the scenario's coverage ids).
 */
export interface ObservedCoverage {
  id: string;
  insurer: Insurer;
  insurerNumber: string | null;
  symbol: string | null;
  number: string | null;
  branch: string | null;
  /** 資格取得日; null: not known (the coverage counts as started) */
  acquiredOn: IsoDate | null;
  /** 負担割合 as printed, shown or said (後期; 70–74: 20 or 30); null: by age (R15) */
  ratio: CoverageRatio | null;
  /** where the 70–74 ratio is printed (R7); null: the insurer's usual way */
  elderlyCard: ElderlyCardHandling | null;
  /** 限度額区分 as the screen shows it or the patient says when asked (R13) */
  limitCategory: LimitCategory | null;
  /** the insurer has a 限度額区分 on file: false when the online system shows none (R13) */
  limitOnFile: boolean;
  /** 本人・家族の別 as printed or shown (R26); null: not known */
  role: CoverageRole | null;
  /** the patient says when the 資格取得届 was filed (R17: registration takes business days) */
  filedOn: IsoDate | null;
  /** ... and whether the My Number was written on it */
  myNumberOnForm: boolean;
}

/** A number query's answer (照会区分 2) for one document. */
export interface NumberAnswer {
  result: Exclude<NumberRouteResult, 'not-run'>;
  /** with invalid-new: the newer coverage the screen shows */
  newer: string | null;
}

/** What the desk learned about a coverage document besides its print. */
interface CoverageDocAnswers {
  /** the number query on this document; null: none ran */
  numberQuery: NumberAnswer | null;
  /**
   * "Confirmed by other means" (R2 with interimNeedsOnlineCheck: false): the insurer answered by
   * phone whether this coverage is current on the visit day; null: not asked.
   */
  confirmedByInsurer: boolean | null;
}

/** A document handed over, with what is printed on it (the same names as SCENARIO.md). */
export type ObservedDocument =
  | { kind: 'myna-card' }
  | { kind: 'myna-smartphone'; os: PhoneOs | null }
  | ({ kind: 'legacy-card'; coverage: string; printedExpiry: IsoDate | null } & CoverageDocAnswers)
  | ({
      kind: 'kakunin-sho';
      coverage: string;
      issuedOn: IsoDate;
      validFrom: IsoDate | null;
      validUntil: IsoDate;
      showsRatio: boolean;
      showsLimit: boolean;
    } & CoverageDocAnswers)
  | ({ kind: 'oshirase'; coverage: string } & CoverageDocAnswers)
  /**
   * `shows`: the coverages the マイナポータル 資格情報 shows as current — on the visit day for a
   * `screen` (none when the patient could not log in), on `savedOn` for a `pdf`
   */
  | { kind: 'mynaportal'; form: PortalForm; savedOn: IsoDate | null; shows: string[] }
  | { kind: 'elderly-card'; ratio: ElderlyRatio; validFrom: IsoDate | null; validUntil: IsoDate | null }
  | { kind: 'limit-cert'; category: LimitCategory; validUntil: IsoDate | null }
  | { kind: 'declaration' }
  /** a 受給者証・医療証 of one of `programmes` (R21, R22) */
  | { kind: 'kohi-cert'; kohi: string }
  /** a 医療券 (R24): the month it is for (YYYY-MM), and whether it names this clinic */
  | { kind: 'medical-ticket'; month: string; forThisClinic: boolean }
  /** 労災の請求書 (R25) */
  | { kind: 'rousai-form' };

export type ObservedDocOf<K extends ObservedDocument['kind']> = Extract<ObservedDocument, { kind: K }>;

/** The card route (照会区分 1): the マイナ保険証 (card, or smartphone) on the reader. */
export interface ObservedCard {
  device: Device;
  /** a マイナ保険証 for this visit: registered for insurance use, or registered at the desk's reader */
  registered: boolean;
  /** registered at the face-recognition reader today (step 3) */
  registeredAtDesk: boolean;
  /** the 利用者証明用電子証明書's last valid day, as written on the card; null: not known */
  certExpiresOn: IsoDate | null;
  result: CardRouteResult;
  failure: CheckFailure | null;
  /** the card worked past its certificate's expiry thanks to the grace (R8) */
  graceUsed: boolean;
  /** PIN locked: face authentication or 目視確認モード (R20) */
  pinFallback: boolean;
  /** the coverages on the result screen: the current ones (valid, multiple) or the lost one (invalid) */
  shows: string[];
  /** the reader refused registration at the desk: the card's certificate had expired (step 3, R8) */
  registrationCertExpired: boolean;
  /** the programmes PMH returned with the result (R23; ids of `programmes`) */
  programmes: string[];
}

/**
 * Trainer-only facts that the simulation knows and a desk cannot (the decision's `notes` and the
 * trainer-facing `rules` may use them; nothing else does): which coverages were lost in truth on
 * the visit day, and whether a registration lag counted days beyond the holiday data.
 */
interface Hindsight {
  lost: string[];
  holidayEstimate: boolean;
  /** coverages current on the visit day that the online system did not know yet (R17) */
  unregistered: string[];
  /** coverages lost on the visit day that the online system still showed as current (R17) */
  lossUnregistered: string[];
  /** coverages lost on the visit day with their insured person (退職・死亡・75歳, R26) */
  lostWithHolder: string[];
}

export interface Observation {
  id: string;
  visitDate: IsoDate;
  visitType: VisitType;
  needsLimit: boolean;
  limitConsent: boolean;
  /** the patient's answer to 「お仕事中・通勤中のけがですか」 (R25) */
  cause: Cause;
  clinic: Clinic;
  /** the policy settings in force (RULES.md section P) */
  policy: Policy;
  patient: {
    birthDate: IsoDate;
    /** the patient's answer to "which insurance do you have now?" (coverage ids); null: not asked */
    insurance: string[] | null;
    /** 生活保護を受けていますか (R24): from the registry or the patient; null: not asked */
    onWelfare: boolean | null;
  };
  coverages: ObservedCoverage[];
  /**
   * The public programmes the desk learned of (R21, R22): by a 受給者証・医療証, through PMH, or the
   * patient saying they are enrolled (a programme they did not bring today).
   */
  programmes: Programme[];
  /** null: no マイナ保険証 was put on a reader */
  card: ObservedCard | null;
  /** the 医療扶助 online check's answer (R24) */
  welfareRoute: WelfareRouteResult;
  documents: ObservedDocument[];
  hindsight: Hindsight | null;
}
