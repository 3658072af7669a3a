// What a real 資格確認端末 showed for one query, read from the national-format result file it
// writes (electron/backend/onshi/read.ts) — the third producer of observations — and how it joins
// the rest of an observation (`decide --observed OBS --result FILE`, the 受付ナビ screen).
//
// It carries no name, no 記号・番号・枝番 and no address of the patient: only what the rule book
// reads (the answer, the insurer, dates, ratios, 限度額区分) and what the result screen shows of
// each coverage besides (保険者名称, 本人/家族).
import type { IsoDate } from '../dates';
import type { CardRouteResult, NumberRouteResult } from '../enums';
import type { InputIssue } from '../issues';
import { observationJson, parseObservations } from './schema';
import type { ObservedCard, ObservedCoverage, ObservedDocument, Observation } from './types';

export type TerminalCardResult = Exclude<CardRouteResult, 'not-run' | 'failed'>;
export type TerminalNumberResult = Exclude<NumberRouteResult, 'not-run'>;

/** What the result screen shows of a coverage besides the observation's fields. */
export interface ShownCoverage {
  id: string;
  /** 保険者名称 */
  insurerName: string | null;
  /** 1 本人 (被保険者), 2 家族 (被扶養者) */
  personalFamily: 1 | 2 | null;
  /** 被保険者証有効終了年月日: the last day of a lost coverage */
  lastDay: IsoDate | null;
}

export interface TerminalAnswer {
  /** 照会区分: 1 マイナンバーカード (a face-recognition check: the card route), 2 記号・番号 (a number query) */
  route: 'card' | 'number';
  /** 資格確認日 */
  visitDate: IsoDate;
  /** the patient's birth date as the result shows it; null when it shows none */
  birthDate: IsoDate | null;
  /**
   * The coverages the result shows, ids t1, t2, … in the file's order. For a number query the
   * first is the queried one (for 該当資格なし: as the query echo names it, when it does).
   */
  coverages: ObservedCoverage[];
  shown: ShownCoverage[];
  /** the card route's answer (route card) */
  cardResult: TerminalCardResult | null;
  /** the number route's answer on the queried coverage (route number) */
  numberResult: TerminalNumberResult | null;
}

const COVERAGE_DOCS = new Set(['legacy-card', 'kakunin-sho', 'oshirase']);
type CoverageDoc = Extract<ObservedDocument, { numberQuery: unknown }>;
const isCoverageDoc = (d: ObservedDocument): d is CoverageDoc => COVERAGE_DOCS.has(d.kind);

/**
 * Joins a terminal's answer to an observation of the same visit:
 *   1. the day and the birth date must be the observation's, and the clinic must have online check;
 *   2. each coverage the result shows is the observation's coverage of the same 保険者番号 — or,
 *      where the observation gives none, its only coverage of that insurer type without one — and
 *      takes what the result shows; otherwise it is added (id t1, t2, …, or tN-2 on a clash);
 *   3. card route: the card's result and result screen become the terminal's (a card read that
 *      reached the national system was registered); without a マイナ保険証 among the documents a
 *      `myna-card` is added, since the result proves one was read;
 *   4. number route: the answer goes to a coverage document of the queried coverage (one without an
 *      answer first) — or to the only coverage document without an answer, or the only one;
 *   5. the result is validated as any observation is.
 */
export function mergeTerminalAnswer(
  o: Observation,
  a: TerminalAnswer,
): { ok: true; observation: Observation } | { ok: false; issues: InputIssue[] } {
  const fail = (path: string, ja: string, en: string) => ({ ok: false as const, issues: [{ path, ja, en }] });
  // 1.
  if (a.visitDate !== o.visitDate)
    return fail(
      'visitDate',
      `照会結果の資格確認日 (${a.visitDate}) が受診日 (${o.visitDate}) と違います`,
      `the result's confirmation date (${a.visitDate}) is not the visit date (${o.visitDate})`,
    );
  if (a.birthDate !== null && a.birthDate !== o.patient.birthDate)
    return fail(
      'patient.birthDate',
      `照会結果の生年月日 (${a.birthDate}) が患者の生年月日と違います`,
      `the result's birth date (${a.birthDate}) is not the patient's`,
    );
  if (!o.clinic.onlineCheck || o.clinic.incident === 'network-outage')
    return fail(
      'clinic',
      '照会結果がありますが、記録ではオンライン資格確認ができない状況です',
      'there is a result, but the observation says no online check could run',
    );

  // 2.
  const coverages = o.coverages.map((c) => ({ ...c }));
  const taken = new Set<string>();
  const matchOf = (t: ObservedCoverage) => {
    if (t.insurerNumber !== null) {
      const byNumber = coverages.find((c) => c.insurerNumber === t.insurerNumber);
      if (byNumber) return byNumber;
    }
    const unnumbered = coverages.filter((c) => c.insurerNumber === null && c.insurer === t.insurer && !taken.has(c.id));
    return unnumbered.length === 1 ? unnumbered[0] : undefined;
  };
  /** t joins coverage `into` (or is added); returns the id it has in the observation */
  const join = (t: ObservedCoverage, into: ObservedCoverage | undefined): string | InputIssue => {
    if (into === undefined) {
      let id = t.id;
      for (let n = 2; coverages.some((c) => c.id === id); n += 1) id = `${t.id}-${n}`;
      coverages.push({ ...t, id });
      taken.add(id);
      return id;
    }
    if (into.insurer !== t.insurer)
      return {
        path: `coverages[${coverages.indexOf(into)}].insurer`,
        ja: '照会結果の保険者の種別が、記録の保険と合いません',
        en: "the result's insurer type does not fit the observation's coverage",
      };
    into.insurerNumber = t.insurerNumber ?? into.insurerNumber;
    into.acquiredOn = t.acquiredOn ?? into.acquiredOn;
    into.ratio = t.ratio ?? into.ratio;
    into.limitCategory = t.limitCategory ?? into.limitCategory;
    taken.add(into.id);
    return into.id;
  };

  let documents = o.documents;
  let card: ObservedCard | null = o.card;
  if (a.route === 'card') {
    // 3.
    const shows: string[] = [];
    for (const t of a.coverages) {
      const id = join(t, matchOf(t));
      if (typeof id !== 'string') return { ok: false, issues: [id] };
      shows.push(id);
    }
    let device = documents.some((d) => d.kind === 'myna-card')
      ? ('card' as const)
      : documents.some((d) => d.kind === 'myna-smartphone')
        ? ('smartphone' as const)
        : null;
    if (device === null) {
      documents = [...documents, { kind: 'myna-card' }];
      device = 'card';
    }
    card = {
      device,
      registeredAtDesk: false,
      certExpiresOn: null,
      graceUsed: false,
      pinFallback: false,
      registrationCertExpired: false,
      programmes: [],
      ...o.card,
      registered: true,
      result: a.cardResult!,
      failure: null,
      shows,
    };
  } else {
    // 4.
    const queried = a.coverages[0];
    const match = queried ? matchOf(queried) : undefined;
    const candidates = documents.filter(isCoverageDoc);
    const unanswered = candidates.filter((d) => d.numberQuery === null);
    const ofMatch = match ? candidates.filter((d) => d.coverage === match.id) : [];
    const target =
      ofMatch.find((d) => d.numberQuery === null) ??
      ofMatch[0] ??
      (unanswered.length === 1 ? unanswered[0] : undefined) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (target === undefined)
      return fail(
        'documents',
        candidates.length === 0
          ? '番号で照会した書類 (保険証・資格確認書・資格情報のお知らせ) が記録にありません'
          : 'どの書類を番号で照会したか分かりません (保険の保険者番号を記録に入れてください)',
        candidates.length === 0
          ? 'the observation has no document a number query runs on (legacy-card, kakunin-sho, oshirase)'
          : 'cannot tell which document was queried (give the coverages their insurer numbers)',
      );
    if (queried) {
      const id = join(
        queried,
        coverages.find((c) => c.id === target.coverage),
      );
      if (typeof id !== 'string') return { ok: false, issues: [id] };
    }
    for (const t of a.coverages.slice(1)) {
      const id = join(t, matchOf(t));
      if (typeof id !== 'string') return { ok: false, issues: [id] };
    }
    documents = documents.map((d) =>
      d === target ? { ...target, numberQuery: { result: a.numberResult!, newer: null } } : d,
    );
  }

  // 5.
  const merged: Observation = { ...o, coverages, card, documents };
  const r = parseObservations(observationJson(merged));
  return r.ok ? { ok: true, observation: r.observations[0]! } : { ok: false, issues: r.issues };
}
