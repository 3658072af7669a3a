// Test helpers: build a scenario from a few fields, validate it as the CLI would, and decide it.
import type { Decision, ExpectedDecision } from '../../decision';
import type { Cause, Incident, VisitType } from '../../enums';
import { type Scenario, parseScenario } from '../../scenario';
import { compareExpected } from '../compare';
import { decideScenario } from '../observe';

export interface ScenarioInput {
  id?: string;
  visitDate: string;
  visitType?: VisitType;
  needsLimit?: boolean;
  limitConsent?: boolean;
  online?: boolean;
  phoneReader?: boolean;
  incident?: Incident;
  birthDate?: string;
  coverages?: Record<string, unknown>[];
  myna?: Record<string, unknown> | null;
  presented: Record<string, unknown>[];
  policy?: Record<string, unknown>;
  /** version 2: the 労災 question, the clinic's other settings, programmes and 生活保護 */
  cause?: Cause;
  clinic?: Record<string, unknown>;
  kohi?: Record<string, unknown>[];
  welfare?: Record<string, unknown> | null;
}

export const KYOKAI_SINCE_2015 = { insurer: 'kyokai', insurerNumber: '01130012', acquiredOn: '2015-04-01' };
export const MYNA_OK = { insuranceRegistered: true, certExpiresOn: '2030-05-10', pinLocked: false };

export function rawScenario(i: ScenarioInput): Record<string, unknown> {
  return {
    format: 'shikaku-scenario/1',
    id: i.id ?? 'case',
    visitDate: i.visitDate,
    visitType: i.visitType ?? 'first',
    needsLimit: i.needsLimit ?? false,
    limitConsent: i.limitConsent ?? true,
    ...(i.cause ? { cause: i.cause } : {}),
    clinic: {
      onlineCheck: i.online ?? true,
      phoneReader: i.phoneReader ?? false,
      incident: i.incident ?? 'none',
      ...i.clinic,
    },
    patient: {
      birthDate: i.birthDate ?? '1981-05-10',
      coverages: i.coverages ?? [KYOKAI_SINCE_2015],
      myna: i.myna === undefined ? MYNA_OK : i.myna,
      ...(i.kohi ? { kohi: i.kohi } : {}),
      ...(i.welfare ? { welfare: i.welfare } : {}),
    },
    presented: i.presented,
    ...(i.policy ? { policy: i.policy } : {}),
  };
}

export function scenarioOf(i: ScenarioInput): Scenario {
  const r = parseScenario(rawScenario(i));
  if (!r.ok) throw new Error(`invalid test scenario: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}

export function decideInput(i: ScenarioInput): Decision {
  return decideScenario(scenarioOf(i));
}

/** Mismatches between a partial expected decision and the engine's decision (empty = agree). */
export function mismatches(i: ScenarioInput, expected: ExpectedDecision) {
  return compareExpected(expected, decideInput(i));
}
