// The simulation: from a scenario's truth, what a desk could see and hear (RULES.md "the simulation
// principle"). It runs the simulated online check (./online.ts) on the truth (./truth.ts) and
// hands the rule book (./decide.ts) only the answers: the card route's result screen (with the
// programmes PMH returns), each number query's answer, the 医療扶助 check's answer, the documents
// as printed, the patient's truthful answers (the insurance they hold, 生活保護, the programmes they
// are enrolled in, the cause of an injury), and — where a rule allows it — the insurer's answer by
// phone. What only the simulation knows goes into `hindsight`.
import type { IsoDate } from '../dates';
import type { Decision } from '../decision';
import { type Programme, programmeValidOn } from '../kohi';
import type { NumberAnswer, ObservedCard, ObservedCoverage, ObservedDocument, Observation } from '../observation/types';
import type { Coverage, Scenario } from '../scenario';
import { DEFAULT_POLICY, type Policy } from '../timeline';
import { rulebook } from './decide';
import { canonicalOrder } from './documents';
import { type OnlineCheck, runOnlineCheck } from './online';
import { type CoverageState, byMostRecent, coverageStates } from './truth';

/** The defaults as a plain object: spreading a frozen object is several times slower. */
const DEFAULTS: Policy = { ...DEFAULT_POLICY };

export function mergePolicy(clinicPolicy: Partial<Policy> | undefined, scenarioPolicy: Partial<Policy>): Policy {
  const noClinic = clinicPolicy === undefined || Object.keys(clinicPolicy).length === 0;
  if (noClinic && Object.keys(scenarioPolicy).length === 0) return DEFAULT_POLICY; // frozen, shared
  return { ...DEFAULTS, ...clinicPolicy, ...scenarioPolicy };
}

/** The simulation's own record of a visit: the online check on the truth (the result documents use it). */
export interface DecisionTrace extends OnlineCheck {
  policy: Policy;
  /** index into numberQueries of the deciding document's query, else null */
  decidingQuery: number | null;
  /** the coverage states on D (truth as the insurers know it) */
  states: CoverageState[];
}

/** The observation of a scenario, and the simulation behind it. */
function simulate(
  input: Scenario,
  clinicPolicy?: Partial<Policy>,
): { observation: Observation; online: OnlineCheck; states: CoverageState[] } {
  const policy = mergePolicy(clinicPolicy, input.policy);
  const s: Scenario = { ...input, presented: canonicalOrder(input.presented) };
  const D = s.visitDate;
  const { birthDate, myna } = s.patient;
  const states = coverageStates(s.patient.coverages, birthDate, D, policy);
  const online = runOnlineCheck(s, states, policy);
  const stateOf = (id: string) => states.find((x) => x.coverage.id === id)!;
  const seen = new Set<string>();
  const see = (c: Coverage | null) => {
    if (c) seen.add(c.id);
    return c?.id ?? null;
  };

  // the card route's answer, and the result screen
  const { card } = online;
  const observedCard: ObservedCard | null =
    card.device === null
      ? null
      : {
          device: card.device,
          registered: card.registered,
          registeredAtDesk: card.registeredAtDesk,
          certExpiresOn: myna?.certExpiresOn ?? null,
          result: card.result,
          failure: card.failure,
          graceUsed: card.graceUsed,
          pinFallback: card.pinFallback,
          shows: (card.result === 'invalid' ? [card.lost!] : card.answered).map((c) => see(c)!),
          registrationCertExpired: card.registrationCertExpired,
          programmes: card.programmes,
        };

  /** what the マイナポータル 資格情報 shows as current on a day (a pdf: the day it was saved) */
  const portalShows = (on: IsoDate) =>
    (on === D ? states : coverageStates(s.patient.coverages, birthDate, on, policy))
      .filter((x) => x.shownCurrent)
      .sort(byMostRecent)
      .map((x) => see(x.coverage)!);
  // a `screen` needs the patient to log in with an unexpired certificate (R4)
  const loggedIn = myna !== null && D <= myna.certExpiresOn;

  // the documents as printed, each coverage document with its number query's answer
  const documents = s.presented.map((doc, index): ObservedDocument => {
    switch (doc.kind) {
      case 'kakunin-sho':
      case 'legacy-card':
      case 'oshirase': {
        see(stateOf(doc.coverage).coverage);
        const query = online.numberQueries.find((q) => q.index === index);
        const numberQuery: NumberAnswer | null = query
          ? { result: query.result as NumberAnswer['result'], newer: see(query.newer) }
          : null;
        // "confirmed by other means" (R2): where the policy lets a clinic that cannot query ask the insurer
        const confirmedByInsurer =
          !policy.interimNeedsOnlineCheck && numberQuery === null ? stateOf(doc.coverage).current : null;
        return { ...doc, numberQuery, confirmedByInsurer };
      }
      case 'mynaportal':
        return {
          ...doc,
          shows: doc.form === 'screen' && !loggedIn ? [] : portalShows(doc.savedOn ?? D),
        };
      default:
        return doc;
    }
  });

  // the patient's truthful answers: the insurance they hold now, 生活保護, the programmes they are enrolled in
  const insurance = states.filter((x) => x.current).map((x) => see(x.coverage)!);
  const w = s.patient.welfare;
  const onWelfare = w !== null && w.from <= D && (w.until === null || D <= w.until);
  const certified = new Set(s.presented.flatMap((d) => (d.kind === 'kohi-cert' ? [d.kohi] : [])));
  const programmes: Programme[] = s.patient.kohi
    .filter((k) => programmeValidOn(k, D) || certified.has(k.id))
    .map(({ pmhRegistered: _pmh, ...k }) => k);

  // hindsight: the truth behind the trainer-only notes and rules
  const lossUnregistered = states.filter((x) => x.lost && x.shownCurrent).map((x) => see(x.coverage)!);
  const lagging = new Set(states.filter((x) => x.current && x.lagDerived).map((x) => x.coverage.id));

  const coverages = s.patient.coverages
    .filter((c) => seen.has(c.id))
    .map((c): ObservedCoverage => ({
      id: c.id,
      insurer: c.insurer,
      insurerNumber: c.insurerNumber,
      symbol: c.symbol,
      number: c.number,
      branch: c.branch,
      acquiredOn: c.acquiredOn,
      ratio: c.ratio,
      elderlyCard: c.elderlyCard,
      limitCategory: c.limitCategory,
      limitOnFile: c.limitOnFile,
      role: c.role,
      // the patient says when the 資格取得届 was filed (the registration is counted from it, R17)
      filedOn: lagging.has(c.id) ? c.filedOn : null,
      myNumberOnForm: lagging.has(c.id) ? c.myNumberOnForm : true,
    }));

  const observation: Observation = {
    id: s.id,
    visitDate: D,
    visitType: s.visitType,
    needsLimit: s.needsLimit,
    limitConsent: s.limitConsent,
    cause: s.cause,
    clinic: s.clinic,
    policy,
    patient: { birthDate, insurance, onWelfare },
    coverages,
    programmes,
    card: observedCard,
    welfareRoute: online.welfare,
    documents,
    hindsight: {
      lost: coverages.filter((c) => stateOf(c.id).lost).map((c) => c.id),
      holidayEstimate: states.some((x) => x.lagDerived && x.estimate),
      unregistered: states.filter((x) => x.current && !x.known).map((x) => x.coverage.id),
      lossUnregistered,
      lostWithHolder: coverages.filter((c) => stateOf(c.id).lostWithHolder).map((c) => c.id),
    },
  };
  return { observation, online, states };
}

/** What a desk could see and hear of a scenario. */
export function observe(scenario: Scenario, clinicPolicy?: Partial<Policy>): Observation {
  return simulate(scenario, clinicPolicy).observation;
}

/** The engine on a scenario: the rule book applied to what the simulation lets a desk see. */
export function decideScenario(scenario: Scenario, clinicPolicy?: Partial<Policy>): Decision {
  return rulebook(simulate(scenario, clinicPolicy).observation).decision;
}

/** The decision and the simulation behind it (the national-format result documents use both). */
export function decideWithTrace(
  scenario: Scenario,
  clinicPolicy?: Partial<Policy>,
): { decision: Decision; trace: DecisionTrace } {
  const { observation, online, states } = simulate(scenario, clinicPolicy);
  const { decision, decidingDocument } = rulebook(observation);
  const q = decidingDocument === null ? -1 : online.numberQueries.findIndex((x) => x.index === decidingDocument);
  const trace: DecisionTrace = {
    card: online.card,
    welfare: online.welfare,
    numberQueries: online.numberQueries,
    numberRouteAvailable: online.numberRouteAvailable,
    policy: observation.policy,
    decidingQuery: q < 0 ? null : q,
    states,
  };
  return { decision, trace };
}
