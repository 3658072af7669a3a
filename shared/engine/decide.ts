// The rule book: what a desk decides from what it saw and heard (RULES.md "Decision (first match
// wins)": the two questions R25 and R24 first, then R3, R5, R1, R4, R2, R9/R10, R11, with R6–R26
// on top, and the public shares). It reads an Observation only — never a scenario's truth: this
// module and everything it imports are checked by scripts/layers.test.ts to stay clear of the
// scenario types, the truth (./truth.ts), the simulated online check (./online.ts) and
// ./observe.ts. `hindsight` (trainer-only facts of the simulation) is used for `notes` and `rules`
// only.
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
  type NumberRouteResult,
  orderOf,
  RULE_IDS,
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
import type { DocEval, Facts, LimitCover, VoidBy } from './facts';
import { publicShares } from './public-expense';

const QUERY_ORDER = orderOf(COVERAGE_DOC_KINDS);
const RULE_ORDER = orderOf(RULE_IDS);

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
  registrationCertExpired: false,
  programmes: [],
};

const isCoverageDoc = (d: ObservedDocument): d is ObservedDocOf<CoverageDocKind> =>
  d.kind === 'kakunin-sho' || d.kind === 'legacy-card' || d.kind === 'oshirase';
const rejects = (r: NumberRouteResult) => r === 'invalid' || r === 'invalid-new';
const unanswered = (r: NumberRouteResult) => r === 'invalid' || r === 'invalid-new' || r === 'not-found';

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
  /** R25: a work or commuting injury — no health insurance, no online check, no document evaluated */
  const workInjury = o.cause === 'work' || o.cause === 'commute';
  const card = !workInjury && o.card ? o.card : NO_CARD;
  const read = card.result !== 'not-run' && card.result !== 'failed';
  const hasCard = documents.some((d) => d.kind === 'myna-card');
  const mynaHokensho = hasCard && card.registered; // マイナ保険証 for this visit
  const certValid = card.certExpiresOn === null || D <= card.certExpiresOn;
  /** the patient's truthful answer: the insurance they hold now, most recent first */
  const declared = (o.patient.insurance ?? []).map(coverageOf).sort(byMostRecent);
  const presentedKinds = new Set(documents.map((d) => d.kind));

  // --- R12: the coverage documents and what the desk knows about them
  const raw = workInjury
    ? []
    : documents.flatMap((doc, index) => {
        if (!isCoverageDoc(doc)) return [];
        const route: NumberRouteResult = doc.numberQuery?.result ?? 'not-run';
        return [{ doc, index, coverage: coverageOf(doc.coverage), route }];
      });
  /** "The newest coverage wins": the latest 資格取得日, on or before D, the desk holds evidence of */
  const evidenceOf = (c: ObservedCoverage) => (c.acquiredOn !== null && c.acquiredOn <= D ? c.acquiredOn : null);
  const latest = (dates: (IsoDate | null)[]) =>
    dates.reduce<IsoDate | null>((m, d) => (d !== null && (m === null || d > m) ? d : m), null);
  const voidBy = (c: ObservedCoverage, newest: IsoDate | null, route: NumberRouteResult): VoidBy | null =>
    rejects(route) || raw.some((e) => e.coverage.id === c.id && rejects(e.route))
      ? 'query'
      : past75 && c.insurer !== 'kouki'
        ? 'age'
        : newest !== null && c.acquiredOn !== null && c.acquiredOn < newest
          ? 'newer'
          : null;
  const newestFromDocs = latest(raw.map((e) => evidenceOf(e.coverage)));
  /** R4: a マイナポータル that counts, with the coverage it shows (most recently acquired) */
  const portals = documents.flatMap((p) => {
    if (p.kind !== 'mynaportal' || !mynaHokensho) return [];
    if (p.form === 'screenshot' && policy.portalScreenshot !== 'accept') return [];
    if (p.form === 'screen' && !certValid) return []; // no login with an expired certificate (R8)
    if (card.result === 'invalid' || card.result === 'not-found') return [];
    const shown = p.shows.map(coverageOf).sort(byMostRecent)[0];
    if (!shown || !started(shown) || voidBy(shown, newestFromDocs, 'not-run') !== null) return [];
    return [{ portal: p, coverage: shown }];
  });
  const newest = latest([newestFromDocs, ...portals.map((x) => evidenceOf(x.coverage))]);
  const evals: DocEval[] = raw.map((e) => {
    const by = voidBy(e.coverage, newest, e.route);
    return { ...e, voidKnown: by !== null, voidBy: by };
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

  // --- the deciding rule
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

  if (workInjury) {
    rule = 'R25';
  } else if (o.patient.onWelfare === true && declared.length === 0) {
    rule = 'R24';
  } else if (card.result === 'valid' || card.result === 'multiple') {
    rule = 'R3';
    // with `multiple` the patient says which coverage applies: the one current on D; if none or several, the most recent
    const shown = card.shows.map(coverageOf).sort(byMostRecent);
    coverage = shown.find((c) => declared.includes(c)) ?? shown[0] ?? null;
  } else if (kakunin) {
    rule = 'R5';
    deciding = kakunin;
  } else if (legacy) {
    rule = 'R1';
    deciding = legacy;
  } else {
    const oshiraseR4 = mynaHokensho ? ofKind('oshirase').find((e) => started(e.coverage) && !e.voidKnown) : undefined;
    const interimDoc = [...ofKind('legacy-card'), ...(mynaHokensho ? [] : ofKind('oshirase'))].find((e) => {
      if (!started(e.coverage) || e.voidKnown) return false;
      if (e.doc.kind === 'legacy-card' && D <= legacyExpiry(e.doc, e.coverage)) return false;
      const [from, to] = interimWindow(e.doc as ObservedDocOf<'legacy-card' | 'oshirase'>, e.coverage, policy);
      return from <= D && D <= to && confirmedForInterim(e);
    });
    if (oshiraseR4) {
      rule = 'R4';
      deciding = oshiraseR4;
    } else if (portals[0]) {
      rule = 'R4';
      portal = portals[0].portal;
      coverage = portals[0].coverage;
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
  let verdict: Verdict;
  let billing: Billing = 'normal';
  let copay: CopayPercent;
  let copayBasis: CopayBasis;
  let copayProvisional = false;
  let elderlyCardNeeded = false;
  let elderlyCard: ObservedDocOf<'elderly-card'> | null = null;
  let declarationForm = false;
  let deposit = false;
  /** the coverage whose ratio and 限度額 apply (for R9 the declared, current one) */
  let payingCoverage: ObservedCoverage | null = coverage;
  /** R9: the online system answered 資格(無効) / 資格情報なし on either route */
  const unconfirmed =
    card.result === 'invalid' || card.result === 'not-found' || evals.some((e) => unanswered(e.route));

  if (rule === 'R25') {
    payingCoverage = null;
    if (o.clinic.rousaiDesignated) {
      verdict = 'workers-comp';
      billing = 'workers-comp';
      copay = 0;
      copayBasis = 'workers-comp';
      if (!presentedKinds.has('rousai-form')) {
        documentsNeeded.add('rousai-form');
        deposit = policy.rousaiWithoutForm === 'deposit';
      }
    } else {
      // not a 労災指定医療機関: self-pay as under R11; the patient claims from the 労働基準監督署
      verdict = 'self-pay';
      billing = 'none';
      copay = 100;
      copayBasis = 'self-pay';
      notes.add('workers-comp-refund');
    }
  } else if (rule === 'R24') {
    verdict = 'public-assistance';
    billing = 'public-assistance';
    copay = 0;
    copayBasis = 'public-assistance';
    payingCoverage = null;
  } else if (rule === 'R11') {
    verdict = 'self-pay';
    billing = 'none';
    copay = 100;
    copayBasis = 'self-pay';
    coverage = null;
    payingCoverage = null;
    if (o.visitType === 'return') notes.add('return-patient-discretion');
  } else if (rule === 'R9') {
    verdict = 'insured-declaration';
    if (o.visitType === 'return' && card.result === 'failed' && !evals.some((e) => unanswered(e.route))) {
      billing = 'normal'; // a return visit after a technical failure: the records stand
    } else {
      declarationForm = true;
      if (!presentedKinds.has('declaration')) documentsNeeded.add('declaration');
      // 旧資格請求 on the lost coverage the online system showed (the most recently acquired)
      const shownLost = [
        ...(card.result === 'invalid' ? card.shows.map(coverageOf) : []),
        ...evals.filter((e) => rejects(e.route)).map((e) => e.coverage),
      ].sort(byMostRecent);
      billing = shownLost.length > 0 ? 'old-qualification' : 'recheck';
      if (shownLost[0]) coverage = shownLost[0];
    }
    if (billing !== 'old-qualification') coverage = current;
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
            d.kind === 'elderly-card' &&
            (d.validFrom === null || d.validFrom <= D) &&
            (d.validUntil === null || d.validUntil >= D),
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
    // a coverage lost in truth by D was accepted (hindsight): the claim comes back, or the insurer reclaims
    if (coverage && o.hindsight?.lost.includes(coverage.id)) {
      const id = coverage.id;
      const shownCurrent =
        ((card.result === 'valid' || card.result === 'multiple') && card.shows.includes(id)) ||
        evals.some((e) => e.coverage.id === id && e.route === 'valid') ||
        documents.some((d) => d.kind === 'mynaportal' && d.form === 'screen' && d.shows.includes(id));
      notes.add(shownCurrent ? 'claim-may-be-returned' : 'insurer-may-reclaim');
    }
  }
  const insured = verdict === 'insured' || verdict === 'insured-interim' || verdict === 'insured-declaration';

  // --- the number route reported: the deciding document's, else the first query that ran
  const numberRoute = deciding ? deciding.route : (queried[0]?.route ?? 'not-run');

  // --- R13 限度額 (the insured… verdicts only)
  let limitNeeded: NeededDocument | null = null;
  let limitCovered: LimitCover | null = null;
  const category = payingCoverage?.limitCategory ?? null;
  if (o.needsLimit && insured) {
    const kouki = payingCoverage?.insurer === 'kouki' || (payingCoverage === null && past75);
    // 一般 and 現役並みⅢ (70–74 and 後期) have no certificate: the desk asks, the patient answers truthfully
    const noCertificateBracket =
      (inElderlyPeriod(periods, D) || payingCoverage?.insurer === 'kouki') &&
      (category === '一般' || category === '現役並みⅢ');
    const kakuninWithLimit = evals.some(
      (e) =>
        e.doc.kind === 'kakunin-sho' &&
        e.doc.showsLimit &&
        !e.voidKnown &&
        kakuninStart(e.doc, e.coverage) <= D &&
        D <= e.doc.validUntil,
    );
    const limitCert = documents.some((d) => d.kind === 'limit-cert' && (d.validUntil === null || d.validUntil >= D));
    // what made the document unnecessary (the first that holds), for the explanation
    limitCovered = noCertificateBracket
      ? 'bracket'
      : payingCoverage?.limitOnFile === false // no 区分 on file: no query can give it
        ? limitCert
          ? 'cert'
          : kouki && kakuninWithLimit
            ? 'kakunin'
            : null
        : rule === 'R3'
          ? 'online'
          : numberRoute === 'valid' && o.limitConsent
            ? 'consent'
            : kakuninWithLimit
              ? 'kakunin'
              : limitCert
                ? 'cert'
                : null;
    if (limitCovered === null) {
      limitNeeded = kouki ? 'kakunin-with-limit' : 'limit-cert';
      documentsNeeded.add(limitNeeded);
    }
  }

  // --- R17: the online system was asked while a registration (or a loss) was not yet known
  const asked = read || queried.length > 0;
  const lagging =
    (o.patient.insurance ?? []).map(coverageOf).flatMap((c) => {
      if (c.filedOn === null || (c.acquiredOn !== null && c.acquiredOn > D)) return [];
      const lag = c.myNumberOnForm ? policy.lagWithMyNumber : policy.lagWithoutMyNumber;
      const registeredOn = nthBusinessDayAfter(c.filedOn, lag).date;
      return registeredOn > D ? [{ coverage: c, filedOn: c.filedOn, registeredOn }] : [];
    })[0] ?? null;
  const r17 =
    asked &&
    (lagging !== null ||
      (o.hindsight !== null && (o.hindsight.unregistered.length > 0 || o.hindsight.lossUnregistered.length > 0)));

  // --- the public shares (R21–R24)
  const shares = publicShares(
    o,
    documents,
    verdict,
    copay,
    card.result === 'valid' || card.result === 'multiple',
    deposit,
  );
  shares.needed.forEach((d) => documentsNeeded.add(d));
  shares.notes.forEach((n) => notes.add(n));

  // --- rules and notes (RULES.md "What rules and notes list")
  const kouki = declared.some((c) => c.insurer === 'kouki');
  const r6 = rule === 'R11' && kouki && D <= KOUKI_ALL_KAKUNIN_END;
  const screenRefused =
    mynaHokensho && !certValid && documents.some((d) => d.kind === 'mynaportal' && d.form === 'screen');
  const r8 = card.graceUsed || card.failure === 'cert-expired' || card.registrationCertExpired || screenRefused;
  const r10 = rule === 'R9' && unconfirmed;
  const r12 = evals.some((e) => e.voidKnown) || notes.has('insurer-may-reclaim');
  const withHolder = new Set(o.hindsight?.lostWithHolder ?? []);
  const r26 =
    (coverage !== null && withHolder.has(coverage.id)) ||
    evals.some((e) => e.voidKnown && withHolder.has(e.coverage.id));
  if (card.graceUsed) notes.add('cert-grace');
  if (o.hindsight?.holidayEstimate && rule !== 'R25') notes.add('holiday-data-estimate');
  if (o.cause === 'traffic') notes.add('third-party-notice');

  const listed = new Set<RuleId>();
  if (rule !== 'R25') {
    if (r6) listed.add('R6');
    if (elderlyCardNeeded) listed.add('R7');
    if (r8) listed.add('R8');
    if (r10) listed.add('R10');
    if (r12) listed.add('R12');
    if (limitNeeded) listed.add('R13');
    if (card.failure === 'no-phone-reader') listed.add('R14');
    if (r17) listed.add('R17');
    if (card.pinFallback && card.device === 'card' && read) listed.add('R20');
    shares.rules.forEach((r) => listed.add(r));
    if (o.cause === 'traffic') listed.add('R25');
    if (r26) listed.add('R26');
  }
  listed.delete(rule);
  const rules: RuleId[] = [rule, ...[...listed].sort((a, b) => RULE_ORDER[a] - RULE_ORDER[b])];

  const onlineCheck: Decision['onlineCheck'] = workInjury
    ? { cardRoute: 'not-run', numberRoute: 'not-run', failure: null, welfareRoute: 'not-run' }
    : { cardRoute: card.result, numberRoute, failure: card.failure, welfareRoute: o.welfareRoute };

  const facts: Facts = {
    o,
    documents,
    card: workInjury ? null : o.card,
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
    limitCovered,
    limitCategory: category,
    lagging: asked ? lagging : null,
    r6,
    r8,
    screenRefused,
    shares,
    deposit,
    rousaiFormNeeded: documentsNeeded.has('rousai-form'),
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
    onlineCheck,
    billing,
    rules,
    notes: notes.size === 0 ? [] : NOTES.filter((n) => notes.has(n)),
    publicExpense: shares.publicExpense,
    patientPays: shares.patientPays,
    policy,
    explanation,
    tellPatient,
  };
  return { decision, decidingDocument: deciding?.index ?? null };
}
