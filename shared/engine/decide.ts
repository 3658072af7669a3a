// The decision at the desk (RULES.md "Decision (first match wins)") with R6–R20 on top.
import type { IsoDate } from '../dates';
import {
  type Billing,
  type CopayBasis,
  type CopayPercent,
  type CoverageRatio,
  DOCUMENT_KINDS,
  NEEDED_DOCUMENTS,
  type NeededDocument,
  type Note,
  NOTES,
  type NumberRouteResult,
  orderOf,
  type RuleId,
  type Verdict,
} from '../enums';
import type { Coverage, DocOf, PresentedDocument, Scenario } from '../scenario';
import type { Decision } from '../decision';
import { DEFAULT_POLICY, KOUKI_ALL_KAKUNIN_END, type Policy } from '../timeline';
import { interimWindow, kakuninStart, legacyExpiry } from './documents';
import { explain } from './explain';
import type { DocEval, Facts } from './facts';
import { type CoverageDoc, type OnlineCheck, runOnlineCheck } from './online';
import { type AgePeriods, type CoverageState, agePeriods, byMostRecent, coverageStates } from './truth';

export interface DecisionTrace extends OnlineCheck {
  policy: Policy;
  /** index into numberQueries of the deciding document's query, else null */
  decidingQuery: number | null;
  /** the coverage states on D (truth as the insurers know it) */
  states: CoverageState[];
}

const DOC_ORDER = orderOf(DOCUMENT_KINDS);

/** The order documents were handed over in never matters: sort them canonically first. */
function canonicalPresented(presented: readonly PresentedDocument[]): PresentedDocument[] {
  const out = [...presented];
  if (out.length < 2) return out;
  // Only documents of the same kind need their content compared (rare), so stringify lazily.
  const keys = new Map<PresentedDocument, string>();
  const key = (d: PresentedDocument) => {
    let k = keys.get(d);
    if (k === undefined) keys.set(d, (k = JSON.stringify(d)));
    return k;
  };
  out.sort((a, b) => {
    const byKind = DOC_ORDER[a.kind] - DOC_ORDER[b.kind];
    if (byKind !== 0) return byKind;
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return out;
}

/** R15: the copay for the coverage that qualified the visit (null: none, by age). */
export function copayPercent(periods: AgePeriods, D: IsoDate, coverage: Coverage | null): CoverageRatio {
  if (coverage?.insurer === 'kouki') return coverage.ratio ?? 10;
  if (D <= periods.preschoolEnd) return 20;
  if (D >= periods.elderlyStart && D < periods.birthday75) return coverage?.ratio === 30 ? 30 : 20;
  if (D >= periods.birthday75) return 10;
  return 30;
}

export function inElderlyPeriod(periods: AgePeriods, D: IsoDate): boolean {
  return D >= periods.elderlyStart && D < periods.birthday75;
}

export function mergePolicy(clinicPolicy: Partial<Policy> | undefined, scenarioPolicy: Partial<Policy>): Policy {
  const noClinic = clinicPolicy === undefined || Object.keys(clinicPolicy).length === 0;
  if (noClinic && Object.keys(scenarioPolicy).length === 0) return DEFAULT_POLICY; // frozen, shared
  return { ...DEFAULT_POLICY, ...clinicPolicy, ...scenarioPolicy };
}

const isRejection = (r: NumberRouteResult) => r === 'invalid' || r === 'invalid-new';

export function decideWithTrace(
  input: Scenario,
  clinicPolicy?: Partial<Policy>,
): { decision: Decision; trace: DecisionTrace } {
  const policy = mergePolicy(clinicPolicy, input.policy);
  const s: Scenario = { ...input, presented: canonicalPresented(input.presented) };
  const D = s.visitDate;
  const states = coverageStates(s.patient.coverages, s.patient.birthDate, D, policy);
  const periods = agePeriods(s.patient.birthDate);
  const online = runOnlineCheck(s, states, policy);
  const { card } = online;
  const past75 = D >= periods.birthday75;

  // Each coverage document, with its number route and what the desk knows about it.
  const evals: DocEval[] = [];
  s.presented.forEach((doc, index) => {
    if (doc.kind !== 'kakunin-sho' && doc.kind !== 'legacy-card' && doc.kind !== 'oshirase') return;
    const state = states.find((x) => x.coverage.id === doc.coverage)!;
    const query = online.numberQueries.find((q) => q.index === index) ?? null;
    const route = query ? query.result : 'not-run';
    evals.push({
      doc,
      state,
      query,
      route,
      voidKnown: isRejection(route) || (past75 && state.coverage.insurer !== 'kouki'),
    });
  });
  evals.sort((a, b) => byMostRecent(a.state, b.state)); // stable: canonical order on ties
  const ofKind = <K extends CoverageDoc['kind']>(kind: K) =>
    evals.filter((e): e is DocEval & { doc: DocOf<K> } => e.doc.kind === kind);

  const hasCard = s.presented.some((d) => d.kind === 'myna-card');
  const mynaHokensho = hasCard && card.registered; // マイナ保険証 for this visit
  const currentKnown = states.filter((x) => x.current && x.known).sort(byMostRecent);

  let rule: RuleId;
  let deciding: DocEval | null = null;
  let coverage: Coverage | null = null;
  let portal: DocOf<'mynaportal'> | null = null;
  let interim: [IsoDate, IsoDate] | null = null;

  const kakunin = ofKind('kakunin-sho').find(
    (e) => kakuninStart(e.doc, e.state.coverage) <= D && D <= e.doc.validUntil && !e.voidKnown,
  );
  const legacy = ofKind('legacy-card').find(
    (e) => e.state.coverage.acquiredOn <= D && D <= legacyExpiry(e.doc, e.state.coverage) && !e.voidKnown,
  );
  const confirmedForInterim = (e: DocEval) =>
    e.route === 'valid' || (!policy.interimNeedsOnlineCheck && e.query === null && e.state.current);

  if (card.result === 'valid' || card.result === 'multiple') {
    rule = 'R3';
    coverage = card.answered[0]!;
  } else if (kakunin) {
    rule = 'R5';
    deciding = kakunin;
  } else if (legacy) {
    rule = 'R1';
    deciding = legacy;
  } else {
    const oshiraseR4 = mynaHokensho
      ? ofKind('oshirase').find((e) => e.state.coverage.acquiredOn <= D && !e.voidKnown)
      : undefined;
    const portalDoc = mynaHokensho
      ? (s.presented.filter((d): d is DocOf<'mynaportal'> => d.kind === 'mynaportal') as DocOf<'mynaportal'>[]).find(
          (p) =>
            (p.form !== 'screenshot' || policy.portalScreenshot === 'accept') &&
            (p.form !== 'screen' || D <= s.patient.myna!.certExpiresOn) &&
            currentKnown.length > 0 &&
            card.result !== 'invalid' &&
            card.result !== 'not-found',
        )
      : undefined;
    const interimDoc = [...ofKind('legacy-card'), ...(mynaHokensho ? [] : ofKind('oshirase'))].find((e) => {
      if (e.state.coverage.acquiredOn > D) return false;
      if (e.doc.kind === 'legacy-card' && D <= legacyExpiry(e.doc, e.state.coverage)) return false;
      const [from, to] = interimWindow(e.doc as DocOf<'legacy-card'> | DocOf<'oshirase'>, e.state.coverage, policy);
      return from <= D && D <= to && confirmedForInterim(e);
    });
    if (oshiraseR4) {
      rule = 'R4';
      deciding = oshiraseR4;
    } else if (portalDoc) {
      rule = 'R4';
      portal = portalDoc;
      coverage = currentKnown[0]!.coverage;
    } else if (interimDoc) {
      rule = 'R2';
      deciding = interimDoc;
      interim = interimWindow(
        interimDoc.doc as DocOf<'legacy-card'> | DocOf<'oshirase'>,
        interimDoc.state.coverage,
        policy,
      );
    } else if (
      s.clinic.onlineCheck &&
      ((card.device === 'card' &&
        card.registered &&
        (card.failure === 'reader-failure' || card.failure === 'network-outage' || card.failure === 'cert-expired')) ||
        (card.read && (card.result === 'invalid' || card.result === 'not-found')))
    ) {
      rule = 'R9';
    } else {
      rule = 'R11';
    }
  }
  if (deciding) coverage = deciding.state.coverage;

  // --- verdict, billing, copay (R15, R7)
  const current = states.filter((x) => x.current).sort(byMostRecent)[0]?.coverage ?? null;
  const documentsNeeded = new Set<NeededDocument>();
  const notes = new Set<Note>();
  const presentedKinds = new Set(s.presented.map((d) => d.kind));
  let verdict: Verdict;
  let billing: Billing = 'normal';
  let copay: CopayPercent;
  let copayBasis: CopayBasis;
  let copayProvisional = false;
  let elderlyCardNeeded = false;
  let elderlyCard: DocOf<'elderly-card'> | null = null;
  let declarationForm = false;
  /** the coverage whose ratio and 限度額 apply (for R9 the declared, current one) */
  let payingCoverage: Coverage | null = coverage;

  if (rule === 'R11') {
    verdict = 'self-pay';
    billing = 'none';
    copay = 100;
    copayBasis = 'self-pay';
    coverage = null;
    payingCoverage = null;
    if (s.visitType === 'return') notes.add('return-patient-discretion');
  } else if (rule === 'R9') {
    verdict = 'insured-declaration';
    const technical = card.result === 'failed';
    if (s.visitType === 'return' && technical) {
      billing = 'normal';
    } else {
      declarationForm = true;
      if (!presentedKinds.has('declaration')) documentsNeeded.add('declaration');
      billing = card.result === 'invalid' ? 'old-qualification' : 'recheck';
    }
    coverage = billing === 'old-qualification' ? card.lost : current;
    payingCoverage = current;
    copay = copayPercent(periods, D, current);
    copayBasis = 'declared';
  } else {
    verdict = rule === 'R2' ? 'insured-interim' : 'insured';
    copay = copayPercent(periods, D, coverage);
    copayBasis = rule === 'R3' ? 'online' : 'document';
    if (rule !== 'R3' && coverage && coverage.insurer !== 'kouki' && inElderlyPeriod(periods, D)) {
      const handling = coverage.elderlyCard ?? (coverage.insurer === 'kokuho' ? 'on-document' : 'separate');
      if (handling === 'separate') {
        elderlyCardNeeded = true;
        const cards = s.presented.filter(
          (d): d is DocOf<'elderly-card'> => d.kind === 'elderly-card' && (d.validUntil === null || d.validUntil >= D),
        );
        // several: the one valid longest (no printed end counts as longest)
        elderlyCard = cards.sort((a, b) => ((a.validUntil ?? '9999') < (b.validUntil ?? '9999') ? 1 : -1))[0] ?? null;
        if (elderlyCard) {
          copay = elderlyCard.ratio;
          copayBasis = 'elderly-card';
        } else {
          documentsNeeded.add('elderly-card');
          copay = 30;
          copayBasis = 'provisional';
          copayProvisional = true;
        }
      }
    }
    if (deciding && deciding.state.lost && deciding.query === null) notes.add('insurer-may-reclaim');
  }

  // --- the number route reported: the deciding document's, else the first query that ran
  const decidingQuery = deciding?.query ? online.numberQueries.indexOf(deciding.query) : null;
  const numberRoute: NumberRouteResult = deciding ? deciding.route : (online.numberQueries[0]?.result ?? 'not-run');

  // --- R13 限度額
  let limitNeeded: NeededDocument | null = null;
  if (s.needsLimit && verdict !== 'self-pay') {
    const category = payingCoverage?.limitCategory ?? null;
    const covered =
      rule === 'R3' ||
      (numberRoute === 'valid' && s.limitConsent) ||
      evals.some(
        (e) =>
          e.doc.kind === 'kakunin-sho' &&
          e.doc.showsLimit &&
          !e.voidKnown &&
          kakuninStart(e.doc, e.state.coverage) <= D &&
          D <= e.doc.validUntil,
      ) ||
      s.presented.some((d) => d.kind === 'limit-cert' && (d.validUntil === null || d.validUntil >= D)) ||
      (D >= periods.elderlyStart && (category === '一般' || category === '現役並みⅢ'));
    if (!covered) {
      limitNeeded =
        payingCoverage?.insurer === 'kouki' || (payingCoverage === null && past75)
          ? 'kakunin-with-limit'
          : 'limit-cert';
      documentsNeeded.add(limitNeeded);
    }
  }

  // --- rules and notes (RULES.md "What rules and notes list")
  const kouki = states.some((x) => x.current && x.coverage.insurer === 'kouki');
  const r6 = verdict === 'self-pay' && kouki && D <= KOUKI_ALL_KAKUNIN_END;
  const r8 = card.graceUsed || card.failure === 'cert-expired';
  const r10 = rule === 'R9' && (card.result === 'invalid' || card.result === 'not-found');
  const r12 = evals.some((e) => e.voidKnown) || notes.has('insurer-may-reclaim');
  const r17 = states.some((x) => x.current && x.lagDerived && !x.known);
  if (card.graceUsed) notes.add('cert-grace');
  if (states.some((x) => x.lagDerived && x.estimate)) notes.add('holiday-data-estimate');

  const rules: RuleId[] = [rule];
  if (r6) rules.push('R6');
  if (elderlyCardNeeded) rules.push('R7');
  if (r8) rules.push('R8');
  if (r10) rules.push('R10');
  if (r12) rules.push('R12');
  if (limitNeeded) rules.push('R13');
  if (card.failure === 'no-phone-reader') rules.push('R14');
  if (r17) rules.push('R17');
  if (card.pinFallback) rules.push('R20');

  const facts: Facts = {
    s,
    policy,
    rule,
    rules,
    verdict,
    copay,
    copayBasis,
    coverage,
    payingCoverage,
    deciding,
    portal,
    interim,
    evals,
    online,
    states,
    periods,
    elderlyCardNeeded,
    elderlyCard,
    declarationForm,
    billing,
    limitNeeded,
    notes,
  };
  const { explanation, tellPatient } = explain(facts);

  const decision: Decision = {
    id: s.id,
    verdict,
    coverage: coverage?.id ?? null,
    copayPercent: copay,
    copayBasis,
    copayProvisional,
    elderlyCardNeeded,
    documentsNeeded: documentsNeeded.size === 0 ? [] : NEEDED_DOCUMENTS.filter((d) => documentsNeeded.has(d)),
    onlineCheck: { cardRoute: card.result, numberRoute, failure: card.failure },
    billing,
    rules,
    notes: notes.size === 0 ? [] : NOTES.filter((n) => notes.has(n)),
    policy,
    explanation,
    tellPatient,
  };
  const trace: DecisionTrace = {
    card: online.card,
    numberQueries: online.numberQueries,
    numberRouteAvailable: online.numberRouteAvailable,
    policy,
    decidingQuery,
    states,
  };
  return { decision, trace };
}

/** The engine: one scenario → one decision. Pure and deterministic. */
export function decide(scenario: Scenario, clinicPolicy?: Partial<Policy>): Decision {
  return decideWithTrace(scenario, clinicPolicy).decision;
}
