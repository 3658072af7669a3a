// Validation of one scenario: the shape (./schema.ts), then the checks that need several fields
// and the normalization (defaults, each document's coverage and programme resolved) that give the
// engine a Scenario (./types.ts). Every problem is listed; nothing partial is returned.
import { addMonthsClamped, birthday, type IsoDate, maxDate, minDate } from '../dates';
import { checkNumber, containsMyNumberLike, findMyNumberPath, MY_NUMBER_REFUSAL, TooDeepError } from '../identifiers';
import { type InputIssue, redactIssue } from '../issues';
import { checkProgramme, type RawProgramme } from '../kohi';
import { isEmployeeInsurance, KOUKI_LEGACY_END, KOUKI_OSHIRASE_START, REFORM } from '../timeline';
import { parseIssues } from '../zod-issues';
import { coverageEnd, holderEnd } from './coverage-end';
import { type RawScenario, scenarioFileSchema, scenarioInPackSchema } from './schema';
import type { Coverage, DocOf, PresentedDocument, Scenario, ScenarioProgramme, Welfare } from './types';

/** R26: the insured person's 75th birthday ends a dependent's coverage (lostOn defaults to it; a later one is cut). */
export function withHolderEnd<C extends Coverage>(c: C): C {
  const holder75 = holderEnd(c);
  return holder75 !== null && (c.lostOn === null || holder75 < c.lostOn) ? { ...c, lostOn: holder75 } : c;
}

/** A coverage's own checks, and its R26 default: a dependent's lostOn ends with the insured person's 75th birthday. */
function checkCoverage(
  raw: Coverage,
  at: string,
  birthDate: IsoDate,
  issues: InputIssue[],
  warnings: InputIssue[],
): Coverage {
  const add = (field: string, ja: string, en: string) => issues.push({ path: `${at}.${field}`, ja, en });
  const dependent = raw.role === 'dependent';
  if (raw.insurerNumber !== null) {
    const r = checkNumber(raw.insurerNumber, raw.insurer === 'kokuho' ? 'insurer-kokuho' : 'insurer');
    if (!r.ok) add('insurerNumber', `保険者番号: ${r.ja}`, `insurer number: ${r.en}`);
  }
  for (const f of ['symbol', 'number', 'branch'] as const) {
    const v = raw[f];
    if (v !== null && containsMyNumberLike(v)) {
      // R18: accepted with a warning that never repeats the value
      warnings.push({
        path: `${at}.${f}`,
        ja: '12桁の数字です。個人番号(マイナンバー)ではないことを確認してください',
        en: 'a 12-digit value: make sure it is not a My Number (R18)',
      });
    }
  }
  if (raw.acquiredOn < birthDate)
    add('acquiredOn', '資格取得日が生年月日より前です', 'acquiredOn is before the birth date');
  if (raw.insurer === 'kouki' && raw.acquiredOn < birthday(birthDate, 65))
    add(
      'acquiredOn',
      '後期高齢者医療は65歳 (障害認定) からです。65歳の誕生日より前には加入できません',
      'kouki starts at 65 at the earliest (障害認定): acquiredOn is before the 65th birthday',
    );
  if (raw.ratio === 10 && raw.insurer !== 'kouki')
    add('ratio', '1割負担は後期高齢者医療のみです', 'a ratio of 10 exists only for kouki');
  if (raw.insurer === 'kouki' && raw.elderlyCard !== null)
    add('elderlyCard', '後期高齢者医療に高齢受給者証はありません', 'kouki has no elderly card');
  if (dependent && !isEmployeeInsurance(raw.insurer))
    add(
      'role',
      '被扶養者は被用者保険 (協会けんぽ・健保組合・共済・船員) だけです',
      'a dependent exists only in employee insurance (kyokai, kumiai, kyosai, senin)',
    );
  if (!dependent && raw.holderBirthDate !== null)
    add(
      'holderBirthDate',
      'holderBirthDate は被扶養者 (role: dependent) だけに指定します',
      'holderBirthDate is for a dependent only',
    );
  if (!dependent && raw.lostWithHolder === true)
    add(
      'lostWithHolder',
      'lostWithHolder は被扶養者 (role: dependent) だけに指定します',
      'lostWithHolder is for a dependent only',
    );

  const { lostOn } = withHolderEnd(raw);
  if (lostOn !== null && lostOn <= raw.acquiredOn)
    add(
      lostOn === raw.lostOn ? 'lostOn' : 'holderBirthDate',
      lostOn === raw.lostOn
        ? '資格喪失日は資格取得日より後の日付にしてください'
        : '被保険者の75歳の誕生日 (資格喪失日) が資格取得日より前です',
      lostOn === raw.lostOn
        ? 'lostOn must be after acquiredOn'
        : "the insured person's 75th birthday is not after acquiredOn",
    );
  if (raw.lostWithHolder === true && lostOn === null)
    add('lostWithHolder', 'lostWithHolder には資格喪失日 (lostOn) が必要です', 'lostWithHolder requires lostOn');
  if (raw.lossRegisteredOn !== null && lostOn === null)
    add('lossRegisteredOn', 'lossRegisteredOn には資格喪失日 (lostOn) が必要です', 'lossRegisteredOn requires lostOn');

  return { ...raw, lostOn };
}

/**
 * The checks of a patient's coverages that need several fields or the birth date — one place for
 * the scenario format and the registry (shared/contract/patient.ts). `path`: where the list is
 * (patient.coverages, coverages). Returns the coverages by id, normalized (R26: a dependent's
 * lostOn cut to the insured person's 75th birthday).
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
    byId.set(c.id, checkCoverage(c, at, birthDate, issues, warnings));
  });
  return byId;
}

type CoverageDocument = DocOf<'legacy-card' | 'kakunin-sho' | 'oshirase'>;

/**
 * The checks of what is printed on a document of a coverage (保険証, 資格確認書) against that
 * coverage — one place for the scenario format and the registry. `at`: the document's path.
 */
export function checkCoverageDocument(doc: CoverageDocument, cov: Coverage, at: string, issues: InputIssue[]): void {
  const add = (field: string, ja: string, en: string) => issues.push({ path: `${at}.${field}`, ja, en });
  if (doc.kind === 'legacy-card') {
    if (cov.acquiredOn >= REFORM)
      add(
        'coverage',
        '2024-12-02以降に取得した保険の保険証は発行されていません',
        'no legacy card exists for a coverage acquired on or after 2024-12-02',
      );
    if (cov.insurer === 'kokuho' && doc.printedExpiry === null)
      add('printedExpiry', '国保の保険証には印字された有効期限が必要です', 'a kokuho legacy card needs printedExpiry');
    if (cov.insurer === 'kouki' && doc.printedExpiry !== null && doc.printedExpiry > KOUKI_LEGACY_END)
      add(
        'printedExpiry',
        '後期高齢者医療の保険証はすべて2025-07-31で有効期限が切れています',
        'every kouki legacy card expired on 2025-07-31',
      );
  } else if (doc.kind === 'kakunin-sho') {
    if (doc.issuedOn < REFORM)
      add(
        'issuedOn',
        '資格確認書は2024-12-02より前には発行されていません',
        'no kakunin-sho was issued before 2024-12-02',
      );
    if (cov.lostOn !== null && doc.issuedOn >= cov.lostOn)
      add(
        'issuedOn',
        '資格喪失日以後に資格確認書は交付されません',
        "a kakunin-sho is not issued on or after its coverage's lostOn",
      );
    if (doc.validUntil > addMonthsClamped(doc.issuedOn, 60))
      add(
        'validUntil',
        '資格確認書の有効期限は交付日から5年以内です',
        'a kakunin-sho is valid for at most 5 years after issuedOn',
      );
    if (doc.validFrom !== null && doc.validFrom > doc.validUntil)
      add('validFrom', '有効開始日が有効期限より後です', 'validFrom is after validUntil');
  }
}

/**
 * 生活保護 (R24): the dates in order, and a household on it has left 国保 and 後期 — no such
 * coverage is current on a day of `during` (the scenario format: the visit day; the registry: the
 * whole period on 生活保護). `path`: where `welfare` and `coverages` are (patient, or '' at the top).
 */
export function checkWelfare(
  welfare: Welfare,
  coverages: readonly Coverage[],
  birthDate: IsoDate,
  path: string,
  issues: InputIssue[],
  during: { from: IsoDate; until: IsoDate | null },
): void {
  const at = path === '' ? '' : `${path}.`;
  if (welfare.until !== null && welfare.until < welfare.from)
    issues.push({
      path: `${at}welfare.until`,
      ja: '生活保護の終了日が開始日より前です',
      en: 'welfare.until is before welfare.from',
    });
  const birthday75 = birthday(birthDate, 75);
  const from = maxDate(welfare.from, during.from);
  const until =
    welfare.until === null
      ? during.until
      : during.until === null
        ? welfare.until
        : minDate(welfare.until, during.until);
  if (until !== null && until < from) return;
  const visitDay = during.from === during.until;
  coverages.forEach((c, i) => {
    const end = coverageEnd(c, birthday75);
    if (
      (c.insurer === 'kokuho' || c.insurer === 'kouki') &&
      (until === null || c.acquiredOn <= until) &&
      (end === null || from < end)
    )
      issues.push({
        path: `${at}coverages[${i}].insurer`,
        ja: `生活保護を受けている間は国保・後期高齢者医療に加入していません (${visitDay ? '受診日' : '生活保護の期間'}に有効な国保・後期があります)`,
        en: `a patient on welfare has left kokuho and kouki (this coverage is current ${visitDay ? 'on the visit day' : 'while on welfare'})`,
      });
  });
}

/** The patient's programmes (R21, R22): each checked (shared/kohi.ts), ids defaulted (k1, k2, …) and unique. */
export function checkProgrammes(
  raw: readonly (RawProgramme & { pmhRegistered: boolean })[],
  path: string,
  issues: InputIssue[],
): ScenarioProgramme[] {
  const ids = new Set<string>();
  return raw.map((rk, i) => {
    const at = `${path}[${i}]`;
    const id = rk.id ?? `k${i + 1}`;
    if (ids.has(id))
      issues.push({
        path: `${at}.id`,
        ja: `公費の番号付け (k1 など) が重複しています: ${id}`,
        en: `duplicate programme id: ${id}`,
      });
    ids.add(id);
    return {
      ...checkProgramme(rk, id, at, issues, { strict: true }),
      // required by the schema (programmeShape({ required: true }))
      payerNumber: rk.payerNumber as string,
      validFrom: rk.validFrom as IsoDate,
      validUntil: rk.validUntil as IsoDate,
      pmhRegistered: rk.pmhRegistered,
    };
  });
}

/** Cross-field checks and normalization that the shape schema cannot express. */
function normalize(raw: RawScenario, issues: InputIssue[], warnings: InputIssue[]): Scenario {
  const D = raw.visitDate;
  const birthDate = raw.patient.birthDate;
  const birthday75 = birthday(birthDate, 75);
  const given: Coverage[] = raw.patient.coverages.map((c, i) => ({
    ...c,
    id: c.id ?? `c${i + 1}`,
    lostWithHolder: c.lostWithHolder ?? false,
  }));
  const byId = checkCoverages(given, birthDate, 'patient.coverages', issues, warnings);
  const coverages = given.map((c) => byId.get(c.id)!);
  if (D < birthDate) {
    issues.push({ path: 'visitDate', ja: '受診日が生年月日より前です', en: 'visitDate is before the birth date' });
  }
  /** current on D in truth (R12: a non-後期 coverage also ends on the 75th birthday) */
  const currentOn = (c: Coverage) => {
    const end = coverageEnd(c, birthday75);
    return c.acquiredOn <= D && (end === null || D < end);
  };

  const welfare: Welfare | null = raw.patient.welfare;
  if (welfare !== null) checkWelfare(welfare, coverages, birthDate, 'patient', issues, { from: D, until: D });
  const kohi = checkProgrammes(raw.patient.kohi, 'patient.kohi', issues);
  const kohiIds = new Set(kohi.map((k) => k.id));

  const defaultCoverage = (legacy: boolean): Coverage | undefined => {
    const pool = legacy ? coverages.filter((c) => c.acquiredOn < REFORM) : coverages;
    const sorted = [...pool].sort((a, b) => (a.acquiredOn < b.acquiredOn ? 1 : a.acquiredOn > b.acquiredOn ? -1 : 0));
    return sorted.find(currentOn) ?? sorted[0];
  };

  const presented: PresentedDocument[] = [];
  raw.presented.forEach((doc, i) => {
    const at = `presented[${i}]`;
    const add = (field: string, ja: string, en: string) => issues.push({ path: `${at}.${field}`, ja, en });
    if (
      (doc.kind === 'myna-card' || doc.kind === 'myna-smartphone' || doc.kind === 'mynaportal') &&
      raw.patient.myna === null
    ) {
      add(
        'kind',
        'マイナンバーカードを持たない患者には出せない書類です',
        'the patient has no My Number card (patient.myna is null)',
      );
    }
    switch (doc.kind) {
      case 'legacy-card':
      case 'kakunin-sho':
      case 'oshirase': {
        let cov: Coverage | undefined;
        if (doc.coverage !== null) {
          cov = byId.get(doc.coverage);
          if (!cov)
            add('coverage', `存在しない保険を指しています: ${doc.coverage}`, `no such coverage: ${doc.coverage}`);
        } else {
          cov = defaultCoverage(doc.kind === 'legacy-card');
          if (!cov)
            add(
              'coverage',
              doc.kind === 'legacy-card'
                ? '2024-12-02より前に取得した保険がないため保険証は存在しません'
                : '患者に保険がないため、この書類は存在しません',
              doc.kind === 'legacy-card'
                ? 'no coverage acquired before 2024-12-02 for a legacy card'
                : 'the patient has no coverage for this document',
            );
        }
        if (!cov) return;
        checkCoverageDocument({ ...doc, coverage: cov.id }, cov, at, issues);
        if (doc.kind === 'kakunin-sho' && doc.issuedOn > D)
          add(
            'issuedOn',
            '交付日より前には提示できません (交付日が受診日より後です)',
            'issuedOn is after the visit date',
          );
        if (doc.kind === 'oshirase' && cov.insurer === 'kouki' && D < KOUKI_OSHIRASE_START)
          add(
            'kind',
            '後期高齢者医療の資格情報のお知らせは2026-08-01から交付されます (R6)',
            'a kouki oshirase exists only from 2026-08-01 (R6)',
          );
        presented.push({ ...doc, coverage: cov.id });
        return;
      }
      case 'mynaportal':
        if (doc.savedOn !== null && doc.form !== 'pdf')
          add('savedOn', 'savedOn は PDF (form: "pdf") だけに指定します', 'savedOn is for a pdf only');
        if (doc.savedOn !== null && doc.savedOn > D)
          add('savedOn', 'PDF の保存日が受診日より後です', 'savedOn is after the visit date');
        presented.push({ ...doc, savedOn: doc.form === 'pdf' ? (doc.savedOn ?? D) : null });
        return;
      case 'elderly-card':
        if (doc.validFrom !== null && doc.validUntil !== null && doc.validFrom > doc.validUntil)
          add('validFrom', '発効期日が有効期限より後です', 'validFrom is after validUntil');
        presented.push(doc);
        return;
      case 'kohi-cert': {
        const ref = doc.kohi ?? (kohi.length === 1 ? kohi[0]!.id : null);
        if (ref === null)
          add(
            'kohi',
            kohi.length === 0
              ? '公費・医療証に登録のない患者です (patient.kohi が空です)'
              : 'どの公費の受給者証か kohi で指定してください',
            kohi.length === 0
              ? 'the patient is enrolled in no programme (patient.kohi is empty)'
              : 'name the programme (kohi)',
          );
        else if (!kohiIds.has(ref))
          add('kohi', `登録のない公費を指しています: ${ref}`, `no such programme in patient.kohi: ${ref}`);
        if (ref !== null) presented.push({ kind: 'kohi-cert', kohi: ref });
        return;
      }
      case 'medical-ticket':
        presented.push({ ...doc, month: doc.month ?? D.slice(0, 7) });
        return;
      default:
        presented.push(doc);
    }
  });

  const out: Scenario = {
    id: raw.id,
    title: raw.title,
    story: raw.story,
    visitDate: D,
    visitType: raw.visitType,
    needsLimit: raw.needsLimit,
    limitConsent: raw.limitConsent,
    cause: raw.cause,
    clinic: raw.clinic,
    patient: { birthDate, coverages, myna: raw.patient.myna, kohi, welfare },
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
