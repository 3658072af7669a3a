// 受付ナビ (the real-desk view): what a receptionist facing a real patient types — only what they
// see and hear — and the one function that turns it into an observation (shikaku-observation/1)
// for the rule book. Nothing of the person is asked: no name, no 記号・番号, no insurer number.
//
// How the form maps to the observation (the issue is silent; chosen so that every answer a
// real terminal gives has one place):
// - two insurances at most: 「いまの保険」 (id `current`: the one the patient holds now, or the
//   only one the desk knows of) and, when the patient says the insurance changed, 「前の保険」
//   (id `previous`). Each 資格確認書・保険証・お知らせ says which of the two it is. 資格取得日 is
//   unknown (null) for both, so `current` counts as the more recent (decide.ts: ties by id).
// - the terminal's answer for the マイナ保険証 → the card route: 資格有効 shows `current`,
//   資格(無効) shows the insurance it named (前の保険 when the patient said it changed),
//   複数該当 shows both (a second insurance of the same type when no change was said).
// - 負担割合 and 限度額区分 shown on the terminal (or printed on the 資格確認書) → `current`.
// - no birth date typed: the age band chosen stands for it (a day in the middle of the band), so
//   the age rules of R15 and R7 apply; near a birthday that matters the date must be typed.
import type { IsoDate } from '../dates';
import {
  CARD_ROUTE_RESULTS,
  type CardRouteResult,
  type Cause,
  CHECK_FAILURES,
  type CheckFailure,
  type CoverageRatio,
  type ElderlyRatio,
  type Incident,
  type Insurer,
  type KohiProgram,
  type LimitCategory,
  NUMBER_ROUTE_RESULTS,
  type NumberRouteResult,
  type PortalForm,
  type PrefectureCode,
  type VisitType,
} from '../enums';
import { isNationalProgram } from '../kohi';
import { mergeTerminalAnswer, type TerminalAnswer } from '../observation';
import { OBSERVATION_FORMAT, type Observation } from '../observation/types';
import { DEFAULT_POLICY } from '../timeline';
import { parseDate } from '../wareki';

/** The age band that stands for the birth date when none is typed. */
export const AGE_BANDS = ['preschool', 'under70', 'elderly', 'over75'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The age, on the visit day, that stands for each band (well inside it). */
const BAND_AGE: Record<AgeBand, number> = { preschool: 3, under70: 40, elderly: 72, over75: 80 };

/** What the terminal showed for a マイナ保険証: its answer, or why it could not read the card. */
export const CARD_SCREENS = [
  ...(CARD_ROUTE_RESULTS.filter((r) => r !== 'not-run' && r !== 'failed') as Exclude<
    CardRouteResult,
    'not-run' | 'failed'
  >[]),
  ...CHECK_FAILURES,
] as const;
export type CardScreen = Exclude<CardRouteResult, 'not-run' | 'failed'> | CheckFailure;

/** A number query's answer on one document, or 照会しない. */
export const QUERY_ANSWERS = [
  'none',
  ...(NUMBER_ROUTE_RESULTS.filter((r) => r !== 'not-run') as Exclude<NumberRouteResult, 'not-run'>[]),
] as const;
export type QueryAnswer = 'none' | Exclude<NumberRouteResult, 'not-run'>;

/** 保険が変わりましたか: 聞いていない / 変わっていない / 変わった. */
export const CHANGE_ANSWERS = ['unknown', 'no', 'yes'] as const;
export type ChangeAnswer = (typeof CHANGE_ANSWERS)[number];

/** How a 医療証 (地方単独) prints the patient's share. */
export const LOCAL_SHARE_KINDS = ['none', 'percent', 'per-visit'] as const;
export type LocalShareKind = (typeof LOCAL_SHARE_KINDS)[number];

/** Which insurance a document is of. */
export type Whose = 'current' | 'previous';

/** A document as the form holds it: dates as typed (ISO or 和暦), empty when not printed/known. */
export type FormDocument =
  | { kind: 'myna-card' }
  | { kind: 'myna-smartphone' }
  | {
      kind: 'kakunin-sho';
      of: Whose;
      issuedOn: string;
      validUntil: string;
      showsRatio: boolean;
      showsLimit: boolean;
      query: QueryAnswer;
    }
  | { kind: 'legacy-card'; of: Whose; printedExpiry: string; query: QueryAnswer }
  | { kind: 'oshirase'; of: Whose; query: QueryAnswer }
  | { kind: 'mynaportal'; form: PortalForm; showsInsurance: boolean }
  | { kind: 'elderly-card'; ratio: ElderlyRatio; validUntil: string }
  | { kind: 'limit-cert'; category: LimitCategory; validUntil: string }
  | { kind: 'declaration' }
  /**
   * a 受給者証・医療証: its programme, the prefecture of a 医療証 (地方単独), 有効期限, and for a
   * national programme whether this clinic is printed as the 指定医療機関
   */
  | {
      kind: 'kohi-cert';
      program: KohiProgram;
      prefecture: PrefectureCode | null;
      /** a 医療証's share as printed: none, a percentage, or yen per visit (`shareAmount`, as typed) */
      share: LocalShareKind;
      shareAmount: string;
      validUntil: string;
      designatedHere: boolean;
    }
  /** a 医療券: the month it is for (as typed: 2026-05, R8.5), and whether it names this clinic */
  | { kind: 'medical-ticket'; month: string; forThisClinic: boolean }
  | { kind: 'rousai-form' };
export type FormDocumentKind = FormDocument['kind'];

export interface RealDeskForm {
  /** as typed (ISO or 和暦) */
  visitDate: string;
  clinic: { onlineCheck: boolean; phoneReader: boolean; incident: Incident };
  visitType: VisitType;
  /** as typed; empty: the age band stands for it */
  birthDate: string;
  ageBand: AgeBand;
  /** いまの保険's type */
  insurer: Insurer;
  /** 負担割合 as the terminal shows it (or the 資格確認書 prints it); null: not shown */
  ratio: CoverageRatio | null;
  /** 限度額区分 as the terminal shows it; null: not shown */
  limitCategory: LimitCategory | null;
  /** the patient's answer: has the insurance changed? */
  changed: ChangeAnswer;
  /** 前の保険's type (used when `changed` is yes) */
  previousInsurer: Insurer;
  /** 限度額の適用 asked for (R13) */
  needsLimit: boolean;
  /** the patient's answer to 「お仕事中・通勤中のけがですか」 (R25) */
  cause: Cause;
  /** the patient's answer to 「生活保護を受けていますか」 (R24); null: not asked */
  onWelfare: boolean | null;
  /** what the terminal showed for the マイナ保険証; null: not chosen yet */
  terminal: CardScreen | null;
  /** as handed over, at most one of each kind */
  documents: FormDocument[];
  /**
   * A result file the terminal wrote, as the backend read it (realdesk.readResult): its answer
   * joins the observation the way `decide --observed --result` joins it (mergeTerminalAnswer) —
   * for a マイナ保険証 check it is the terminal's answer, for a number query the document's.
   */
  resultFile: { name: string; answer: TerminalAnswer } | null;
}

/** A new patient at the counter: today, the clinic's situation, nothing handed over. */
export function emptyForm(today: IsoDate, clinic: RealDeskForm['clinic']): RealDeskForm {
  return {
    visitDate: today,
    clinic,
    visitType: 'first',
    birthDate: '',
    ageBand: 'under70',
    insurer: 'kyokai',
    ratio: null,
    limitCategory: null,
    changed: 'unknown',
    previousInsurer: 'kyokai',
    needsLimit: false,
    cause: 'illness',
    onWelfare: null,
    terminal: null,
    documents: [],
    resultFile: null,
  };
}

/** A document just handed over, with nothing printed on it typed yet. */
export function newDocument(kind: FormDocumentKind): FormDocument {
  switch (kind) {
    case 'kakunin-sho':
      return { kind, of: 'current', issuedOn: '', validUntil: '', showsRatio: false, showsLimit: false, query: 'none' };
    case 'legacy-card':
      return { kind, of: 'current', printedExpiry: '', query: 'none' };
    case 'oshirase':
      return { kind, of: 'current', query: 'none' };
    case 'mynaportal':
      return { kind, form: 'screen', showsInsurance: true };
    case 'elderly-card':
      return { kind, ratio: 20, validUntil: '' };
    case 'limit-cert':
      return { kind, category: 'ウ', validUntil: '' };
    case 'kohi-cert':
      return {
        kind,
        program: 'child',
        prefecture: null,
        share: 'none',
        shareAmount: '',
        validUntil: '',
        designatedHere: true,
      };
    case 'medical-ticket':
      return { kind, month: '', forThisClinic: true };
    default:
      return { kind };
  }
}

/**
 * The form with a result file's answer: the file's day and birth date (the join requires them), and
 * for a マイナ保険証 check the card handed over and the answer, insurer type, ratio and 限度額区分 it
 * shows, so the form says what the file said.
 */
export function withResultFile(f: RealDeskForm, name: string, answer: TerminalAnswer): RealDeskForm {
  const next: RealDeskForm = {
    ...f,
    visitDate: answer.visitDate,
    birthDate: answer.birthDate ?? f.birthDate,
    resultFile: { name, answer },
  };
  if (answer.route !== 'card' || answer.cardResult === null) return next;
  const device = f.documents.some((d) => d.kind === 'myna-card' || d.kind === 'myna-smartphone');
  const shown = answer.coverages[0];
  const current = shown !== undefined && (answer.cardResult === 'valid' || answer.cardResult === 'multiple');
  return {
    ...next,
    documents: device ? f.documents : [...f.documents, newDocument('myna-card')],
    terminal: answer.cardResult,
    ...(current ? { insurer: shown.insurer, ratio: shown.ratio, limitCategory: shown.limitCategory } : {}),
  };
}

/** What a desk hands the contract: the observation as a file holds it (no policy: the clinic's applies). */
export type ObservationInput = { format: typeof OBSERVATION_FORMAT } & Omit<Observation, 'policy'>;

/** A field the receptionist must fix, in Japanese; `field` names the input (for focus and tests). */
export interface FormProblem {
  field: string;
  ja: string;
}

export type FormResult = { ok: true; observation: ObservationInput } | { ok: false; problems: FormProblem[] };

/** The terminal's answer as the card route's result and failure. */
function cardRoute(t: CardScreen): { result: CardRouteResult; failure: CheckFailure | null } {
  return (CHECK_FAILURES as readonly string[]).includes(t)
    ? { result: 'failed', failure: t as CheckFailure }
    : { result: t as CardRouteResult, failure: null };
}

const DOC_NAME: Record<'kakunin-sho' | 'legacy-card' | 'oshirase', string> = {
  'kakunin-sho': '資格確認書',
  'legacy-card': '健康保険証',
  oshirase: '資格情報のお知らせ',
};

/** A 医療券's month as typed: 2026-05, 2026/5, R8.5, 令和8年5月 → YYYY-MM; null when unreadable. */
function ticketMonth(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const iso = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (iso) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 ? `${iso[1]}-${iso[2]!.padStart(2, '0')}` : null;
  const r = parseDate(`${t.replace(/月$/, '')}${/年/.test(t) ? '月1日' : '.1'}`);
  return r.ok ? r.value.slice(0, 7) : null;
}

/**
 * The observation of what the form holds, or the problems to fix first (every one, each naming
 * its field). Pure: the same form gives the same observation.
 */
export function observationOfForm(f: RealDeskForm): FormResult {
  const problems: FormProblem[] = [];
  const date = (field: string, label: string, text: string, required: boolean, document = true): IsoDate | null => {
    if (text.trim() === '') {
      if (required) problems.push({ field, ja: `${label}を入力してください` });
      return null;
    }
    const r = parseDate(text, { documentField: document });
    if (!r.ok) {
      problems.push({ field, ja: `${label}: ${r.error.ja}` });
      return null;
    }
    return r.value;
  };

  const visitDate = date('visitDate', '受診日', f.visitDate, true, false);
  const typedBirth = date('birthDate', '生年月日', f.birthDate, false, false);
  if (visitDate !== null && typedBirth !== null && typedBirth > visitDate)
    problems.push({ field: 'birthDate', ja: '生年月日が受診日より後です' });

  const online = f.clinic.onlineCheck;
  const canQuery = online && f.clinic.incident !== 'network-outage';
  const has = (k: FormDocumentKind) => f.documents.some((d) => d.kind === k);
  const device = has('myna-card') ? 'card' : has('myna-smartphone') ? 'smartphone' : null;
  const fileCard = f.resultFile?.answer.route === 'card';
  if (device !== null && online && f.terminal === null && !fileCard)
    problems.push({ field: 'terminal', ja: '資格確認端末に出た結果を選んでください' });

  const documents: Observation['documents'] = [];
  const programmes: Observation['programmes'] = [];
  for (const d of f.documents) {
    const at = `documents.${d.kind}`;
    const numberQuery = (q: QueryAnswer, of: Whose) => {
      if (q === 'none') return null;
      if (!canQuery)
        problems.push({
          field: `${at}.query`,
          ja: `${DOC_NAME[d.kind as 'kakunin-sho']}: オンライン資格確認ができない状況では番号での照会はできません`,
        });
      return { result: q, newer: q === 'invalid-new' && of === 'previous' ? 'current' : null };
    };
    switch (d.kind) {
      case 'myna-card':
      case 'declaration':
        documents.push({ kind: d.kind });
        break;
      case 'myna-smartphone':
        documents.push({ kind: d.kind, os: null });
        break;
      case 'kakunin-sho': {
        const issuedOn = date(`${at}.issuedOn`, '資格確認書の交付日', d.issuedOn, true);
        const validUntil = date(`${at}.validUntil`, '資格確認書の有効期限', d.validUntil, true);
        if (issuedOn !== null && validUntil !== null)
          documents.push({
            kind: d.kind,
            coverage: d.of,
            issuedOn,
            validFrom: null,
            validUntil,
            showsRatio: d.showsRatio,
            showsLimit: d.showsLimit,
            numberQuery: numberQuery(d.query, d.of),
            confirmedByInsurer: null,
          });
        break;
      }
      case 'legacy-card':
        documents.push({
          kind: d.kind,
          coverage: d.of,
          printedExpiry: date(`${at}.printedExpiry`, '保険証の有効期限', d.printedExpiry, false),
          numberQuery: numberQuery(d.query, d.of),
          confirmedByInsurer: null,
        });
        break;
      case 'oshirase':
        documents.push({
          kind: d.kind,
          coverage: d.of,
          numberQuery: numberQuery(d.query, d.of),
          confirmedByInsurer: null,
        });
        break;
      case 'mynaportal':
        documents.push({ kind: d.kind, form: d.form, savedOn: null, shows: d.showsInsurance ? ['current'] : [] });
        break;
      case 'elderly-card':
        documents.push({
          kind: d.kind,
          ratio: d.ratio,
          validFrom: null,
          validUntil: date(`${at}.validUntil`, '高齢受給者証の有効期限', d.validUntil, false),
        });
        break;
      case 'limit-cert':
        documents.push({
          kind: d.kind,
          category: d.category,
          validUntil: date(`${at}.validUntil`, '限度額適用認定証の有効期限', d.validUntil, false),
        });
        break;
      case 'kohi-cert': {
        const national = isNationalProgram(d.program);
        if (!national && d.prefecture === null)
          problems.push({ field: `${at}.prefecture`, ja: '医療証を交付した都道府県を選んでください' });
        const amount = Number(d.shareAmount.normalize('NFKC').trim());
        const amountOk =
          d.share === 'none' ||
          (/^\d+$/.test(d.shareAmount.normalize('NFKC').trim()) && (d.share === 'per-visit' || amount <= 100));
        if (!national && !amountOk)
          problems.push({
            field: `${at}.shareAmount`,
            ja:
              d.share === 'percent'
                ? '医療証の負担の割合を % (0〜100) で入力してください'
                : '医療証の1回あたりの負担額を円で入力してください',
          });
        const share =
          national || !amountOk
            ? null
            : d.share === 'none'
              ? ('none' as const)
              : d.share === 'percent'
                ? { percent: amount }
                : { perVisitYen: amount };
        programmes.push({
          id: 'kohi',
          program: d.program,
          payerNumber: null,
          recipientNumber: null,
          validFrom: null,
          validUntil: date(`${at}.validUntil`, '受給者証・医療証の有効期限', d.validUntil, false),
          prefecture: national ? null : d.prefecture,
          share,
          monthlyCapYen: null,
          paidThisMonthYen: null,
          designatedHere: national ? d.designatedHere : null,
        });
        documents.push({ kind: d.kind, kohi: 'kohi' });
        break;
      }
      case 'medical-ticket': {
        const month = ticketMonth(d.month);
        if (month === null)
          problems.push({
            field: `${at}.month`,
            ja:
              d.month.trim() === ''
                ? '医療券の月を入力してください'
                : '医療券の月: 例 R8.5 か 2026-05 で入力してください',
          });
        else documents.push({ kind: d.kind, month, forThisClinic: d.forThisClinic });
        break;
      }
      case 'rousai-form':
        documents.push({ kind: d.kind });
        break;
    }
  }
  if (problems.length > 0 || visitDate === null) return { ok: false, problems };

  const route = device !== null && online && f.terminal !== null && !fileCard ? cardRoute(f.terminal) : null;
  const changed = f.changed === 'yes';
  const usesPrevious = changed || f.documents.some((d) => 'of' in d && d.of === 'previous');
  const multiple = route?.result === 'multiple';
  const coverage = (id: string, insurer: Insurer, shown: boolean): Observation['coverages'][number] => ({
    id,
    insurer,
    insurerNumber: null,
    symbol: null,
    number: null,
    branch: null,
    acquiredOn: null,
    ratio: shown ? f.ratio : null,
    elderlyCard: null,
    limitCategory: shown ? f.limitCategory : null,
    limitOnFile: true,
    role: null,
    filedOn: null,
    myNumberOnForm: true,
  });
  const coverages = [coverage('current', f.insurer, true)];
  if (usesPrevious) coverages.push(coverage('previous', f.previousInsurer, false));
  else if (multiple) coverages.push(coverage('other', f.insurer, false));
  const second = coverages[1]?.id ?? null;

  const shows =
    route === null
      ? []
      : route.result === 'valid'
        ? ['current']
        : route.result === 'multiple'
          ? ['current', second!]
          : route.result === 'invalid'
            ? [changed ? 'previous' : 'current']
            : [];

  const bandBirth = `${Number(visitDate.slice(0, 4)) - BAND_AGE[f.ageBand]}${visitDate.slice(4)}`;
  const birthDate = typedBirth ?? bandBirth.replace(/-02-29$/, '-02-28');

  const observation: ObservationInput = {
    format: OBSERVATION_FORMAT,
    id: 'real-desk',
    visitDate,
    visitType: f.visitType,
    needsLimit: f.needsLimit,
    limitConsent: true,
    cause: f.cause,
    // what the form does not ask takes the format's defaults (no PMH, the 医療扶助 check in use,
    // a 労災指定医療機関)
    clinic: { ...f.clinic, prefecture: null, pmh: false, welfareOnline: true, rousaiDesignated: true },
    patient: { birthDate, insurance: f.changed === 'unknown' ? null : ['current'], onWelfare: f.onWelfare },
    coverages,
    programmes,
    card:
      device === null
        ? null
        : {
            device,
            registered: route?.failure !== 'not-registered',
            registeredAtDesk: false,
            certExpiresOn: null,
            result: route?.result ?? 'not-run',
            failure: route?.failure ?? null,
            graceUsed: false,
            pinFallback: false,
            shows,
            registrationCertExpired: false,
            programmes: [],
          },
    welfareRoute: 'not-run',
    documents,
    hindsight: null,
  };
  if (f.resultFile === null) return { ok: true, observation };
  const { format, ...typed } = observation;
  const merged = mergeTerminalAnswer({ ...typed, policy: DEFAULT_POLICY }, f.resultFile.answer);
  if (!merged.ok)
    return {
      ok: false,
      problems: merged.issues.map((i) => ({ field: 'resultFile', ja: `結果ファイル ${f.resultFile!.name}: ${i.ja}` })),
    };
  const { policy: _policy, ...joined } = merged.observation;
  return { ok: true, observation: { format, ...joined } };
}
