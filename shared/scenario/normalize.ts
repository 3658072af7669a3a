// Validation of one scenario: the shape (./schema.ts), then the checks that need several fields
// and the normalization (defaults, each document's coverage resolved) that give the engine a
// Scenario (./types.ts). Every problem is listed; nothing partial is returned.
import { addMonthsClamped, birthday, type IsoDate } from '../dates';
import { checkNumber, containsMyNumberLike, findMyNumberPath, MY_NUMBER_REFUSAL, TooDeepError } from '../identifiers';
import { type InputIssue, redactIssue } from '../issues';
import { parseIssues } from '../zod-issues';
import { KOUKI_OSHIRASE_START, REFORM } from '../timeline';
import { type RawScenario, scenarioFileSchema, scenarioInPackSchema } from './schema';
import type { Coverage, DocOf, PresentedDocument, Scenario } from './types';

/**
 * The checks of a patient's coverages that need several fields or the birth date — one place for
 * the scenario format and the registry (shared/contract/patient.ts). `path`: where the list is
 * (patient.coverages, coverages). Returns the coverages by id.
 */
export function checkCoverages(
  coverages: readonly Coverage[],
  birthDate: IsoDate,
  path: string,
  issues: InputIssue[],
  warnings: InputIssue[],
): Map<string, Coverage> {
  const byId = new Map<string, Coverage>();
  coverages.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (byId.has(c.id))
      issues.push({
        path: `${at}.id`,
        ja: `保険の id が重複しています: ${c.id}`,
        en: `duplicate coverage id: ${c.id}`,
      });
    byId.set(c.id, c);
    if (c.insurerNumber !== null) {
      const r = checkNumber(c.insurerNumber, c.insurer === 'kokuho' ? 'insurer-kokuho' : 'insurer');
      if (!r.ok) issues.push({ path: `${at}.insurerNumber`, ja: `保険者番号: ${r.ja}`, en: `insurer number: ${r.en}` });
    }
    for (const f of ['symbol', 'number', 'branch'] as const) {
      const v = c[f];
      if (v !== null && containsMyNumberLike(v)) {
        // R18: accepted with a warning that never repeats the value
        warnings.push({
          path: `${at}.${f}`,
          ja: '12桁の数字です。個人番号(マイナンバー)ではないことを確認してください',
          en: 'a 12-digit value: make sure it is not a My Number (R18)',
        });
      }
    }
    if (c.lostOn !== null && c.lostOn <= c.acquiredOn) {
      issues.push({
        path: `${at}.lostOn`,
        ja: '資格喪失日は資格取得日より後の日付にしてください',
        en: 'lostOn must be after acquiredOn',
      });
    }
    if (c.acquiredOn < birthDate) {
      issues.push({
        path: `${at}.acquiredOn`,
        ja: '資格取得日が生年月日より前です',
        en: 'acquiredOn is before the birth date',
      });
    }
    if (c.ratio === 10 && c.insurer !== 'kouki') {
      issues.push({
        path: `${at}.ratio`,
        ja: '1割負担は後期高齢者医療のみです',
        en: 'a ratio of 10 exists only for kouki',
      });
    }
    if (c.insurer === 'kouki' && c.elderlyCard !== null) {
      issues.push({
        path: `${at}.elderlyCard`,
        ja: '後期高齢者医療に高齢受給者証はありません',
        en: 'kouki has no elderly card',
      });
    }
  });
  return byId;
}

type CoverageDocument = DocOf<'legacy-card' | 'kakunin-sho' | 'oshirase'>;

/**
 * The checks of what is printed on a document of a coverage (保険証, 資格確認書) against that
 * coverage — one place for the scenario format and the registry. `at`: the document's path.
 */
export function checkCoverageDocument(doc: CoverageDocument, cov: Coverage, at: string, issues: InputIssue[]): void {
  if (doc.kind === 'legacy-card') {
    if (cov.acquiredOn >= REFORM) {
      issues.push({
        path: `${at}.coverage`,
        ja: '2024-12-02以降に取得した保険の保険証は発行されていません',
        en: 'no legacy card exists for a coverage acquired on or after 2024-12-02',
      });
    }
    if (cov.insurer === 'kokuho' && doc.printedExpiry === null) {
      issues.push({
        path: `${at}.printedExpiry`,
        ja: '国保の保険証には印字された有効期限が必要です',
        en: 'a kokuho legacy card needs printedExpiry',
      });
    }
  } else if (doc.kind === 'kakunin-sho') {
    if (doc.issuedOn < REFORM) {
      issues.push({
        path: `${at}.issuedOn`,
        ja: '資格確認書は2024-12-02より前には発行されていません',
        en: 'no kakunin-sho was issued before 2024-12-02',
      });
    }
    if (doc.validUntil > addMonthsClamped(doc.issuedOn, 60)) {
      issues.push({
        path: `${at}.validUntil`,
        ja: '資格確認書の有効期限は交付日から5年以内です',
        en: 'a kakunin-sho is valid for at most 5 years after issuedOn',
      });
    }
    if (doc.validFrom !== null && doc.validFrom > doc.validUntil) {
      issues.push({
        path: `${at}.validFrom`,
        ja: '有効開始日が有効期限より後です',
        en: 'validFrom is after validUntil',
      });
    }
  }
}

/** Cross-field checks and normalization that the shape schema cannot express. */
function normalize(raw: RawScenario, issues: InputIssue[], warnings: InputIssue[]): Scenario {
  const coverages: Coverage[] = raw.patient.coverages.map((c, i) => ({ ...c, id: c.id ?? `c${i + 1}` }));
  const byId = checkCoverages(coverages, raw.patient.birthDate, 'patient.coverages', issues, warnings);
  if (raw.visitDate < raw.patient.birthDate) {
    issues.push({ path: 'visitDate', ja: '受診日が生年月日より前です', en: 'visitDate is before the birth date' });
  }

  const D = raw.visitDate;
  const defaultCoverage = (legacy: boolean): Coverage | undefined => {
    const pool = legacy ? coverages.filter((c) => c.acquiredOn < REFORM) : coverages;
    const sorted = [...pool].sort((a, b) => (a.acquiredOn < b.acquiredOn ? 1 : a.acquiredOn > b.acquiredOn ? -1 : 0));
    // current on D in truth: a non-後期 coverage also ends on the 75th birthday (R12)
    const b75 = birthday(raw.patient.birthDate, 75);
    const lost = (c: Coverage) => (c.lostOn !== null && c.lostOn <= D) || (c.insurer !== 'kouki' && b75 <= D);
    return sorted.find((c) => c.acquiredOn <= D && !lost(c)) ?? sorted[0];
  };

  const presented: PresentedDocument[] = [];
  raw.presented.forEach((doc, i) => {
    const at = `presented[${i}]`;
    if (
      (doc.kind === 'myna-card' || doc.kind === 'myna-smartphone' || doc.kind === 'mynaportal') &&
      raw.patient.myna === null
    ) {
      issues.push({
        path: `${at}.kind`,
        ja: 'マイナンバーカードを持たない患者には出せない書類です',
        en: 'the patient has no My Number card (patient.myna is null)',
      });
    }
    if (doc.kind === 'legacy-card' || doc.kind === 'kakunin-sho' || doc.kind === 'oshirase') {
      let cov: Coverage | undefined;
      if (doc.coverage !== null) {
        cov = byId.get(doc.coverage);
        if (!cov)
          issues.push({
            path: `${at}.coverage`,
            ja: `存在しない保険を指しています: ${doc.coverage}`,
            en: `no such coverage: ${doc.coverage}`,
          });
      } else {
        cov = defaultCoverage(doc.kind === 'legacy-card');
        if (!cov) {
          issues.push({
            path: `${at}.coverage`,
            ja:
              doc.kind === 'legacy-card'
                ? '2024-12-02より前に取得した保険がないため保険証は存在しません'
                : '患者に保険がないため、この書類は存在しません',
            en:
              doc.kind === 'legacy-card'
                ? 'no coverage acquired before 2024-12-02 for a legacy card'
                : 'the patient has no coverage for this document',
          });
        }
      }
      if (!cov) return;
      checkCoverageDocument({ ...doc, coverage: cov.id }, cov, at, issues);
      if (doc.kind === 'oshirase' && cov.insurer === 'kouki' && D < KOUKI_OSHIRASE_START) {
        issues.push({
          path: `${at}.kind`,
          ja: '後期高齢者医療の資格情報のお知らせは2026-08-01から交付されます (R6)',
          en: 'a kouki oshirase exists only from 2026-08-01 (R6)',
        });
      }
      presented.push({ ...doc, coverage: cov.id });
      return;
    }
    presented.push(doc as PresentedDocument);
  });

  const out: Scenario = {
    id: raw.id,
    title: raw.title,
    story: raw.story,
    visitDate: raw.visitDate,
    visitType: raw.visitType,
    needsLimit: raw.needsLimit,
    limitConsent: raw.limitConsent,
    clinic: raw.clinic,
    patient: { birthDate: raw.patient.birthDate, coverages, myna: raw.patient.myna },
    presented,
    policy: raw.policy,
  };
  if (raw.expected !== undefined) out.expected = raw.expected;
  return out;
}

export type ScenarioParse =
  | { ok: true; scenario: Scenario; warnings: InputIssue[] }
  | { ok: false; issues: InputIssue[]; warnings: InputIssue[] };

/** 記号・番号・枝番 of a coverage: the only fields where 12 digits are accepted, with a warning (R18). */
const CARD_TEXT_PATH = /^patient\.coverages\[\d+\]\.(symbol|number|branch)$/;

/**
 * R18 before anything else: a 12-digit number in any field — id, title, story, every other text —
 * is refused (never echoed); only 記号・番号 warn (in normalize). Too deep a value is refused too.
 */
export function myNumberIssue(input: unknown, skip?: (path: string) => boolean): InputIssue | null {
  try {
    const path = findMyNumberPath(input, { skip });
    return path === null ? null : { path, ...MY_NUMBER_REFUSAL };
  } catch (e) {
    if (e instanceof TooDeepError) return { path: e.path || '(root)', ja: e.ja, en: e.en };
    throw e;
  }
}

/** Validates one scenario (a file needs `format`; inside a pack it is optional). */
export function parseScenario(input: unknown, opts: { inPack?: boolean } = {}): ScenarioParse {
  const r18 = myNumberIssue(input, (path) => CARD_TEXT_PATH.test(path));
  if (r18 !== null) return { ok: false, issues: [r18], warnings: [] };
  const schema = opts.inPack ? scenarioInPackSchema : scenarioFileSchema;
  const r = parseIssues(schema, input);
  const warnings: InputIssue[] = [];
  if (!r.ok) return { ok: false, issues: r.issues, warnings };
  const issues: InputIssue[] = [];
  const scenario = normalize(r.value, issues, warnings);
  return issues.length ? { ok: false, issues: issues.map(redactIssue), warnings } : { ok: true, scenario, warnings };
}
