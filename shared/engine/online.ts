// The simulated オンライン資格確認 (RULES.md "Online check simulation"): the card route (照会区分 1),
// the number route (照会区分 2), the 医療扶助 online check (R24) and the programmes PMH returns
// (R23). The engine learns the truth only through these, the documents and the patient's declaration.
import type { IsoDate } from '../dates';
import {
  type CardRouteResult,
  type CheckFailure,
  COVERAGE_DOC_KINDS,
  type CoverageDocKind,
  type Device,
  type NumberRouteResult,
  orderOf,
  type WelfareRouteResult,
} from '../enums';
import { programmeValidOn } from '../kohi';
import type { Coverage, DocOf, Scenario } from '../scenario';
import { type Policy, SMARTPHONE_START, WELFARE_ONLINE_START } from '../timeline';
import { certGraceEnd } from './documents';
import { type CoverageState, byMostRecent } from './truth';

interface CardRoute {
  /** what was put on the reader: the physical card wins over the smartphone */
  device: Device | null;
  result: CardRouteResult;
  failure: CheckFailure | null;
  /** the route reached step 6 (the national system answered) */
  read: boolean;
  /** the card worked past its certificate's expiry thanks to the step-4 grace */
  graceUsed: boolean;
  /** the card was registered for insurance use at the desk's reader (step 3) */
  registeredAtDesk: boolean;
  /** the card is a マイナ保険証 for this visit (registered, or registered at the desk) */
  registered: boolean;
  /** registration at the desk was refused: the card's certificate had expired (step 3, R8) */
  registrationCertExpired: boolean;
  /** a physical card's PIN is locked and the route went on by face authentication or 目視確認モード (R20) */
  pinFallback: boolean;
  /** current, known coverages the system answered, most recent first */
  answered: Coverage[];
  /** the known lost coverage shown with `invalid` */
  lost: Coverage | null;
  /** the programmes PMH returned with a valid (or multiple) answer (R23) */
  programmes: string[];
  /** the last day of the certificate grace, when the certificate had expired */
  certGraceEnd: IsoDate | null;
}

type CoverageDoc = DocOf<CoverageDocKind>;

interface NumberQuery {
  /** index of the document in the (canonically ordered) presented list */
  index: number;
  kind: CoverageDocKind;
  doc: CoverageDoc;
  coverage: Coverage;
  result: NumberRouteResult;
  /** with invalid-new: the newer current coverage */
  newer: Coverage | null;
}

export interface OnlineCheck {
  card: CardRoute;
  /** the 医療扶助 online check (R24) */
  welfare: WelfareRouteResult;
  /** ordered 資格確認書, 保険証, お知らせ; most recently acquired coverage first */
  numberQueries: NumberQuery[];
  /** whether the number route could run at all (online check and no outage) */
  numberRouteAvailable: boolean;
}

const QUERY_ORDER = orderOf(COVERAGE_DOC_KINDS);

function runCardRoute(s: Scenario, states: readonly CoverageState[], policy: Policy): CardRoute {
  const D = s.visitDate;
  const myna = s.patient.myna;
  const hasCard = s.presented.some((d) => d.kind === 'myna-card');
  const hasPhone = s.presented.some((d) => d.kind === 'myna-smartphone');
  const device = hasCard ? 'card' : hasPhone ? 'smartphone' : null;
  const registeredBefore = myna?.insuranceRegistered === true;
  const route: CardRoute = {
    device,
    result: 'not-run',
    failure: null,
    read: false,
    graceUsed: false,
    registeredAtDesk: false,
    // Without a working reader the card cannot be registered at the desk (step 3).
    registered: registeredBefore,
    registrationCertExpired: false,
    pinFallback: false,
    answered: [],
    lost: null,
    programmes: [],
    certGraceEnd: null,
  };
  // R25: for a work or commuting injury the desk runs no online check at all
  const workInjury = s.cause === 'work' || s.cause === 'commute';
  if (device === null || myna === null || !s.clinic.onlineCheck || workInjury) return route;
  const fail = (failure: CheckFailure): CardRoute => {
    route.result = 'failed';
    route.failure = failure;
    return route;
  };

  // 1. incidents
  if (s.clinic.incident !== 'none') return fail(s.clinic.incident);
  // 2. smartphone needs a 汎用カードリーダー, and exists only from 2025-09-19 (R14)
  if (device === 'smartphone' && (!s.clinic.phoneReader || D < SMARTPHONE_START)) return fail('no-phone-reader');
  // 3. insurance registration, offered at the reader: the physical card with an unexpired certificate only
  if (!registeredBefore) {
    if (!myna.registerAtDesk || device === 'smartphone') return fail('not-registered');
    if (D > myna.certExpiresOn) {
      route.registrationCertExpired = true;
      return fail('not-registered');
    }
    route.registeredAtDesk = true;
    route.registered = true;
  }
  // 4. e-certificate: the physical card has a grace; the smartphone has none (R8)
  if (D > myna.certExpiresOn) {
    route.certGraceEnd = certGraceEnd(myna.certExpiresOn, policy.certGraceBasis);
    if (device === 'smartphone' || D > route.certGraceEnd) return fail('cert-expired');
    route.graceUsed = true;
  }
  // 5. the card's PIN locked: face authentication or 目視確認モード; the check goes on (R20). The
  //    smartphone has its own unlock.
  route.pinFallback = myna.pinLocked && device === 'card';
  // 6. the national system answers with what it shows
  route.read = true;
  const answered = states.filter((st) => st.shownCurrent).sort(byMostRecent);
  if (answered.length > 0) {
    route.result = answered.length > 1 ? 'multiple' : 'valid';
    route.answered = answered.map((st) => st.coverage);
    // R23: PMH returns the programmes registered in it with the result
    if (s.clinic.pmh)
      route.programmes = s.patient.kohi.filter((k) => k.pmhRegistered && programmeValidOn(k, D)).map((k) => k.id);
    return route;
  }
  const lost = states.filter((st) => st.knownLost).sort(byMostRecent)[0];
  route.result = lost ? 'invalid' : 'not-found';
  route.lost = lost ? lost.coverage : null;
  return route;
}

/**
 * R24: the 医療扶助 online check of a patient on 生活保護 — from WELFARE_ONLINE_START, at a clinic
 * using it, on the physical card (a smartphone alone is not used): the card route's steps 1–5,
 * then valid when the 福祉事務所 has registered this month's 医療券 for this clinic.
 */
function runWelfareRoute(s: Scenario, card: CardRoute): WelfareRouteResult {
  const D = s.visitDate;
  const w = s.patient.welfare;
  if (w === null || D < w.from || (w.until !== null && D > w.until) || card.result === 'not-run') return 'not-run';
  if (D < WELFARE_ONLINE_START || !s.clinic.onlineCheck || !s.clinic.welfareOnline || card.device !== 'card')
    return 'not-run';
  if (card.result === 'failed') return 'failed';
  return w.ticketRegistered ? 'valid' : 'not-found';
}

/** Number route on one coverage (照会区分 2). */
function numberRouteFor(
  coverageId: string,
  states: readonly CoverageState[],
): { result: NumberRouteResult; newer: Coverage | null } {
  const st = states.find((x) => x.coverage.id === coverageId)!;
  if (st.shownCurrent) return { result: 'valid', newer: null };
  if (st.knownLost) {
    const newer = states
      .filter((x) => x.shownCurrent && x.coverage.acquiredOn > st.coverage.acquiredOn)
      .sort(byMostRecent)[0];
    return newer ? { result: 'invalid-new', newer: newer.coverage } : { result: 'invalid', newer: null };
  }
  // never known, or not started yet: the same knowledge as the card route
  return { result: 'not-found', newer: null };
}

export function runOnlineCheck(s: Scenario, states: readonly CoverageState[], policy: Policy): OnlineCheck {
  const card = runCardRoute(s, states, policy);
  const numberRouteAvailable =
    s.clinic.onlineCheck && s.clinic.incident !== 'network-outage' && s.cause !== 'work' && s.cause !== 'commute';
  const numberQueries: NumberQuery[] = [];
  if (numberRouteAvailable) {
    s.presented.forEach((doc, index) => {
      if (doc.kind !== 'kakunin-sho' && doc.kind !== 'legacy-card' && doc.kind !== 'oshirase') return;
      const st = states.find((x) => x.coverage.id === doc.coverage)!;
      numberQueries.push({
        index,
        kind: doc.kind,
        doc,
        coverage: st.coverage,
        ...numberRouteFor(doc.coverage, states),
      });
    });
    numberQueries.sort((a, b) => QUERY_ORDER[a.kind] - QUERY_ORDER[b.kind] || byMostRecent(a, b) || a.index - b.index);
  }
  return { card, welfare: runWelfareRoute(s, card), numberQueries, numberRouteAvailable };
}
