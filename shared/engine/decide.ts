// The rule book: what a desk decides from what it saw and heard (RULES.md "Decision (first match
// wins)" with R6–R20 on top). It reads an Observation only — never a scenario's truth: this module
// and everything it imports are checked by scripts/layers.test.ts to stay clear of the scenario
// types, the truth (./truth.ts), the simulated online check (./online.ts) and ./observe.ts.
// `hindsight` (trainer-only facts of the simulation) is used for `notes` and `rules` only.
import { nthBusinessDayAfter } from '../business-days';
import type { IsoDate } from '../dates';
import type { Decision } from '../decision';
import {
  type Billing,
  type CopayBasis,
  type CopayPercent,
  COVERAGE_DOC_KINDS,
  type CoverageDocKind,
  NEEDED_DOCUMENTS,
  type NeededDocument,
  type Note,
  NOTES,
  orderOf,
  type RuleId,
  type Verdict,
} from '../enums';
import type {
  ObservedCard,
  ObservedCoverage,
  ObservedDocOf,
  ObservedDocument,
  Observation,
} from '../observation/types';
import { KOUKI_ALL_KAKUNIN_END } from '../timeline';
import { agePeriods, copayPercent, inElderlyPeriod } from './age';
import { canonicalOrder, interimWindow, kakuninStart, legacyExpiry } from './documents';
import { explain } from './explain';
import type { DocEval, Facts } from './facts';

const QUERY_ORDER = orderOf(COVERAGE_DOC_KINDS);

/** Most recently acquired first (an unknown 資格取得日 last); ties by id, never by input order. */
function byMostRecent(x: ObservedCoverage, y: ObservedCoverage): number {
  if (x.acquiredOn !== y.acquiredOn) {
    if (x.acquiredOn === null) return 1;
    if (y.acquiredOn === null) return -1;
    return x.acquiredOn < y.acquiredOn ? 1 : -1;
  }
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The card route as the rule book reads it: no card on a reader is a route that did not run. */
const NO_CARD: ObservedCard = {
  device: 'card',
  registered: false,
  registeredAtDesk: false,
  certExpiresOn: null,
  result: 'not-run',
  failure: null,
  graceUsed: false,
  pinFallback: false,
  shows: [],
};

const isCoverageDoc = (d: ObservedDocument): d is ObservedDocOf<CoverageDocKind> =>
  d.kind === 'kakunin-sho' || d.kind === 'legacy-card' || d.kind === 'oshirase';

/** The rule book: one observation → one decision. Pure and deterministic. */
export function decide(observation: Observation): Decision {
  return rulebook(observation).decision;
}

/**
 * The decision, and which document decided (its index in the canonical order of the observation's
 * documents; null when none did) — the simulation uses it to show that document's query.
 */
export function rulebook(o: Observation): { decision: Decision; decidingDocument: number | null } {
  const { policy } = o;
  const documents = canonicalOrder(o.documents);
  const D = o.visitDate;
  const periods = agePeriods(o.patient.birthDate);
  const past75 = D >= periods.birthday75;
  const coverages = new Map(o.coverages.map((c) => [c.id, c]));
  const coverageOf = (id: string) => coverages.get(id)!;
  const started = (c: ObservedCoverage) => c.acquiredOn === null || c.acquiredOn <= D;
  const card = o.card ?? NO_CARD;
  const read = card.result !== 'not-run' && card.result !== 'failed';

  // Each coverage document, with its number route and what the desk knows about it.
  const evals: DocEval[] = [];
  documents.forEach((doc, index) => {
    if (!isCoverageDoc(doc)) return;
    const coverage = coverageOf(doc.coverage);
    const route = doc.numberQuery?.result ?? 'not-run';
    const rejected = route === 'invalid' || route === 'invalid-new';
    evals.push({ doc, index, coverage, route, voidKnown: rejected || (past75 && coverage.insurer !== 'kouki') });
  });
  evals.sort((a, b) => byMostRecent(a.coverage, b.coverage)); // stable: canonical order on ties
  const ofKind = <K extends CoverageDocKind>(kind: K) =>
    evals.filter((e): e is DocEval & { doc: ObservedDocOf<K> } => e.doc.kind === kind);
  // the number queries in the order RULES.md reports them: 資格確認書, 保険証, お知らせ; most recent coverage first
  const queried = evals
    .filter((e) => e.doc.numberQuery !== null)
    .sort(
      (a, b) =>
        QUERY_ORDER[a.doc.kind] - QUERY_ORDER[b.doc.kind] || byMostRecent(a.coverage, b.coverage) || a.index - b.index,
    );

  const hasCard = documents.some((d) => d.kind === 'myna-card');
  const mynaHokensho = hasCard && card.registered; // マイナ保険証 for this visit
  /** the patient's truthful answer: the insurance they hold now, most recent first */
  const declared = (o.patient.insurance ?? []).map(coverageOf).sort(byMostRecent);

  let rule: RuleId;
  let deciding: DocEval | null = null;
  let coverage: ObservedCoverage | null = null;
  let portal: ObservedDocOf<'mynaportal'> | null = null;
  let interim: [IsoDate, IsoDate] | null = null;

  const kakunin = ofKind('kakunin-sho').find(
    (e) => kakuninStart(e.doc, e.coverage) <= D && D <= e.doc.validUntil && !e.voidKnown,
  );
  const legacy = ofKind('legacy-card').find(
    (e) => started(e.coverage) && D <= legacyExpiry(e.doc, e.coverage) && !e.voidKnown,
  );
  const confirmedForInterim = (e: DocEval) =>
    e.route === 'valid' ||
    (!policy.interimNeedsOnlineCheck && e.doc.numberQuery === null && e.doc.confirmedByInsurer === true);

  if (card.result === 'valid' || card.result === 'multiple') {
    rule = 'R3';
    coverage = card.shows.map(coverageOf).sort(byMostRecent)[0] ?? null;
  } else if (kakunin) {
    rule = 'R5';
    deciding = kakunin;
  } else if (legacy) {
    rule = 'R1';
    deciding = legacy;
  } else {
    const oshiraseR4 = mynaHokensho ? ofKind('oshirase').find((e) => started(e.coverage) && !e.voidKnown) : undefined;
    const portalDoc = mynaHokensho
      ? documents
          .filter((d): d is ObservedDocOf<'mynaportal'> => d.kind === 'mynaportal')
          .find(
            (p) =>
              (p.form !== 'screenshot' || policy.portalScreenshot === 'accept') &&
              (p.form !== 'screen' || card.certExpiresOn === null || D <= card.certExpiresOn) &&
              p.shows.length > 0 &&
              card.result !== 'invalid' &&
              card.result !== 'not-found',
          )
      : undefined;
    const interimDoc = [...ofKind('legacy-card'), ...(mynaHokensho ? [] : ofKind('oshirase'))].find((e) => {
      if (!started(e.coverage)) return false;
      if (e.doc.kind === 'legacy-card' && D <= legacyExpiry(e.doc, e.coverage)) return false;
      const [from, to] = interimWindow(e.doc as ObservedDocOf<'legacy-card' | 'oshirase'>, e.coverage, policy);
      return from <= D && D <= to && confirmedForInterim(e);
    });
    if (oshiraseR4) {
      rule = 'R4';
      deciding = oshiraseR4;
    } else if (portalDoc) {
      rule = 'R4';
      portal = portalDoc;
      coverage = portalDoc.shows.map(coverageOf).sort(byMostRecent)[0]!;
    } else if (interimDoc) {
      rule = 'R2';
      deciding = interimDoc;
      interim = interimWindow(interimDoc.doc as ObservedDocOf<'legacy-card' | 'oshirase'>, interimDoc.coverage, policy);
    } else if (
      o.clinic.onlineCheck &&
      ((o.card?.device === 'card' &&
        card.registered &&
        (card.failure === 'reader-failure' || card.failure === 'network-outage' || card.failure === 'cert-expired')) ||
        (read && (card.result === 'invalid' || card.result === 'not-found')))
    ) {
      rule = 'R9';
    } else {
      rule = 'R11';
    }
  }
  if (deciding) coverage = deciding.coverage;

  // --- verdict, billing, copay (R15, R7)
  const current = declared[0] ?? null;
  const documentsNeeded = new Set<NeededDocument>();
  const notes = new Set<Note>();
  const presentedKinds = new Set(documents.map((d) => d.kind));
  let verdict: Verdict;
  let billing: Billing = 'normal';
  let copay: CopayPercent;
  let copayBasis: CopayBasis;
  let copayProvisional = false;
  let elderlyCardNeeded = false;
  let elderlyCard: ObservedDocOf<'elderly-card'> | null = null;
  let declarationForm = false;
  /** the coverage whose ratio and 限度額 apply (for R9 the declared, current one) */
  let payingCoverage: ObservedCoverage | null = coverage;

  if (rule === 'R11') {
    verdict = 'self-pay';
    billing = 'none';
    copay = 100;
    copayBasis = 'self-pay';
    coverage = null;
    payingCoverage = null;
    if (o.visitType === 'return') notes.add('return-patient-discretion');
  } else if (rule === 'R9') {
    verdict = 'insured-declaration';
    const technical = card.result === 'failed';
    if (o.visitType === 'return' && technical) {
      billing = 'normal';
    } else {
      declarationForm = true;
      if (!presentedKinds.has('declaration')) documentsNeeded.add('declaration');
      billing = card.result === 'invalid' ? 'old-qualification' : 'recheck';
    }
    coverage = billing === 'old-qualification' ? (card.shows.map(coverageOf).sort(byMostRecent)[0] ?? null) : current;
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
        const cards = documents.filter(
          (d): d is ObservedDocOf<'elderly-card'> =>
            d.kind === 'elderly-card' && (d.validUntil === null || d.validUntil >= D),
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
    // hindsight: a document of a coverage lost in truth, accepted without any query (R12)
    if (deciding && deciding.doc.numberQuery === null && o.hindsight?.lost.includes(deciding.coverage.id))
      notes.add('insurer-may-reclaim');
  }

  // --- the number route reported: the deciding document's, else the first query that ran
  const numberRoute = deciding ? deciding.route : (queried[0]?.route ?? 'not-run');

  // --- R13 限度額
  let limitNeeded: NeededDocument | null = null;
  if (o.needsLimit && verdict !== 'self-pay') {
    const category = payingCoverage?.limitCategory ?? null;
    const covered =
      rule === 'R3' ||
      (numberRoute === 'valid' && o.limitConsent) ||
      evals.some(
        (e) =>
          e.doc.kind === 'kakunin-sho' &&
          e.doc.showsLimit &&
          !e.voidKnown &&
          kakuninStart(e.doc, e.coverage) <= D &&
          D <= e.doc.validUntil,
      ) ||
      documents.some((d) => d.kind === 'limit-cert' && (d.validUntil === null || d.validUntil >= D)) ||
      (D >= periods.elderlyStart && (category === '一般' || category === '現役並みⅢ'));
    if (!covered) {
      limitNeeded =
        payingCoverage?.insurer === 'kouki' || (payingCoverage === null && past75)
          ? 'kakunin-with-limit'
          : 'limit-cert';
      documentsNeeded.add(limitNeeded);
    }
  }

  // --- R17: a coverage the patient holds was filed too recently to be registered yet
  const lagging =
    (o.patient.insurance ?? []).map(coverageOf).flatMap((c) => {
      if (c.filedOn === null || (c.acquiredOn !== null && c.acquiredOn > D)) return [];
      const lag = c.myNumberOnForm ? policy.lagWithMyNumber : policy.lagWithoutMyNumber;
      const registeredOn = nthBusinessDayAfter(c.filedOn, lag).date;
      return registeredOn > D ? [{ coverage: c, filedOn: c.filedOn, registeredOn }] : [];
    })[0] ?? null;

  // --- rules and notes (RULES.md "What rules and notes list")
  const kouki = declared.some((c) => c.insurer === 'kouki');
  const r6 = verdict === 'self-pay' && kouki && D <= KOUKI_ALL_KAKUNIN_END;
  const r8 = card.graceUsed || card.failure === 'cert-expired';
  const r10 = rule === 'R9' && (card.result === 'invalid' || card.result === 'not-found');
  const r12 = evals.some((e) => e.voidKnown) || notes.has('insurer-may-reclaim');
  if (card.graceUsed) notes.add('cert-grace');
  if (o.hindsight?.holidayEstimate) notes.add('holiday-data-estimate');

  const rules: RuleId[] = [rule];
  if (r6) rules.push('R6');
  if (elderlyCardNeeded) rules.push('R7');
  if (r8) rules.push('R8');
  if (r10) rules.push('R10');
  if (r12) rules.push('R12');
  if (limitNeeded) rules.push('R13');
  if (card.failure === 'no-phone-reader') rules.push('R14');
  if (lagging) rules.push('R17');
  if (card.pinFallback) rules.push('R20');

  const facts: Facts = {
    o,
    documents,
    card: o.card,
    rule,
    verdict,
    copay,
    copayBasis,
    coverage,
    deciding,
    portal,
    interim,
    evals,
    periods,
    elderlyCardNeeded,
    elderlyCard,
    declarationForm,
    billing,
    limitNeeded,
    lagging,
    r6,
    r8,
  };
  const { explanation, tellPatient } = explain(facts);

  const decision: Decision = {
    id: o.id,
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
  return { decision, decidingDocument: deciding?.index ?? null };
}
