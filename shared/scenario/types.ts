// The scenario and pack formats of SCENARIO.md, normalized: what validation (./parse.ts) returns
// and the simulation (shared/engine/observe.ts) reads — every default filled in, every date ISO,
// every document's coverage resolved. A public contract: names and values are kept exactly.
// This is the TRUTH of a scenario: the rule book (engine/decide.ts) never imports it.
import type { IsoDate } from '../dates';
import type { ExpectedDecision } from '../decision';
import type {
  Cause,
  CoverageRatio,
  CoverageRole,
  ElderlyCardHandling,
  ElderlyRatio,
  Insurer,
  LimitCategory,
  PhoneOs,
  PortalForm,
  VisitType,
} from '../enums';
import type { Clinic } from '../clinic';
import type { Programme } from '../kohi';
import type { Policy } from '../timeline';

export const SCENARIO_FORMAT = 'shikaku-scenario/1';
export const PACK_FORMAT = 'shikaku-pack/1';

export interface Coverage {
  id: string;
  insurer: Insurer;
  insurerNumber: string | null;
  symbol: string | null;
  number: string | null;
  branch: string | null;
  acquiredOn: IsoDate;
  lostOn: IsoDate | null;
  registeredOn: IsoDate | null;
  filedOn: IsoDate | null;
  /** when the online system learns of lostOn (null → lostOn; R17, claim-may-be-returned) */
  lossRegisteredOn: IsoDate | null;
  /** the insurer has a 限度額区分 on file (R13) */
  limitOnFile: boolean;
  /** 本人 or 被扶養者 (R26) */
  role: CoverageRole;
  /** a dependent's insured person's birth date: their 75th birthday ends the coverage (R26) */
  holderBirthDate: IsoDate | null;
  /** a dependent's lostOn is the insured person's loss (退職・死亡) (R26) */
  lostWithHolder: boolean;
  myNumberOnForm: boolean;
  ratio: CoverageRatio | null;
  elderlyCard: ElderlyCardHandling | null;
  limitCategory: LimitCategory | null;
}

/** A programme the patient is enrolled in (R21, R22), and whether PMH knows it (R23). */
export interface ScenarioProgramme extends Programme {
  validFrom: IsoDate;
  validUntil: IsoDate;
  payerNumber: string;
  pmhRegistered: boolean;
}

/** 生活保護 (R24): from … until (the last day on 生活保護, inclusive; null: ongoing). */
export interface Welfare {
  from: IsoDate;
  until: IsoDate | null;
  /** the 福祉事務所 has registered this month's 医療券 for this clinic (the online check answers valid) */
  ticketRegistered: boolean;
}

export interface Myna {
  insuranceRegistered: boolean;
  registerAtDesk: boolean;
  certExpiresOn: IsoDate;
  pinLocked: boolean;
}

export type PresentedDocument =
  | { kind: 'myna-card' }
  | { kind: 'myna-smartphone'; os: PhoneOs | null }
  | { kind: 'legacy-card'; coverage: string; printedExpiry: IsoDate | null }
  | {
      kind: 'kakunin-sho';
      coverage: string;
      issuedOn: IsoDate;
      validFrom: IsoDate | null;
      validUntil: IsoDate;
      showsRatio: boolean;
      showsLimit: boolean;
    }
  | { kind: 'oshirase'; coverage: string }
  | { kind: 'mynaportal'; form: PortalForm; savedOn: IsoDate | null }
  | { kind: 'elderly-card'; ratio: ElderlyRatio; validFrom: IsoDate | null; validUntil: IsoDate | null }
  | { kind: 'limit-cert'; category: LimitCategory; validUntil: IsoDate | null }
  | { kind: 'declaration' }
  | { kind: 'kohi-cert'; kohi: string }
  | { kind: 'medical-ticket'; month: string; forThisClinic: boolean }
  | { kind: 'rousai-form' };

export type DocOf<K extends PresentedDocument['kind']> = Extract<PresentedDocument, { kind: K }>;

export interface Scenario {
  id: string;
  title: string | null;
  story: string | null;
  visitDate: IsoDate;
  visitType: VisitType;
  needsLimit: boolean;
  limitConsent: boolean;
  cause: Cause;
  clinic: Clinic;
  patient: {
    birthDate: IsoDate;
    coverages: Coverage[];
    myna: Myna | null;
    kohi: ScenarioProgramme[];
    welfare: Welfare | null;
  };
  presented: PresentedDocument[];
  /** only the overrides given in the scenario; the engine merges them over the clinic's policy */
  policy: Partial<Policy>;
  expected?: ExpectedDecision;
}
