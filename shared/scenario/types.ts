// The scenario and pack formats of SCENARIO.md, normalized: what validation (./parse.ts) returns
// and the simulation (shared/engine/observe.ts) reads — every default filled in, every date ISO,
// every document's coverage resolved. A public contract: names and values are kept exactly.
// This is the TRUTH of a scenario: the rule book (engine/decide.ts) never imports it.
import type { IsoDate } from '../dates';
import type { ExpectedDecision } from '../decision';
import type {
  CoverageRatio,
  ElderlyCardHandling,
  ElderlyRatio,
  Incident,
  Insurer,
  LimitCategory,
  PhoneOs,
  PortalForm,
  VisitType,
} from '../enums';
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
  myNumberOnForm: boolean;
  ratio: CoverageRatio | null;
  elderlyCard: ElderlyCardHandling | null;
  limitCategory: LimitCategory | null;
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
  | { kind: 'mynaportal'; form: PortalForm }
  | { kind: 'elderly-card'; ratio: ElderlyRatio; validUntil: IsoDate | null }
  | { kind: 'limit-cert'; category: LimitCategory; validUntil: IsoDate | null }
  | { kind: 'declaration' };

export type DocOf<K extends PresentedDocument['kind']> = Extract<PresentedDocument, { kind: K }>;

export interface Scenario {
  id: string;
  title: string | null;
  story: string | null;
  visitDate: IsoDate;
  visitType: VisitType;
  needsLimit: boolean;
  limitConsent: boolean;
  clinic: { onlineCheck: boolean; phoneReader: boolean; incident: Incident };
  patient: { birthDate: IsoDate; coverages: Coverage[]; myna: Myna | null };
  presented: PresentedDocument[];
  /** only the overrides given in the scenario; the engine merges them over the clinic's policy */
  policy: Partial<Policy>;
  expected?: ExpectedDecision;
}
