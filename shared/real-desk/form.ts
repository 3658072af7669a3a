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
  CHECK_FAILURES,
  type CheckFailure,
  type CoverageRatio,
  type ElderlyRatio,
  type Incident,
  type Insurer,
  type LimitCategory,
  NUMBER_ROUTE_RESULTS,
  type NumberRouteResult,
  type PortalForm,
  type VisitType,
} from '../enums';
import { OBSERVATION_FORMAT, type Observation } from '../observation/types';
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
  | { kind: 'declaration' };
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
  /** what the terminal showed for the マイナ保険証; null: not chosen yet */
  terminal: CardScreen | null;
  /** as handed over, at most one of each kind */
  documents: FormDocument[];
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
    terminal: null,
    documents: [],
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
    default:
      return { kind };
  }
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

const DOC_NAME: Record<'kakunin-sho' | 'legacy-card' | 'oshirase' | 'elderly-card' | 'limit-cert', string> = {
  'kakunin-sho': '資格確認書',
  'legacy-card': '健康保険証',
  oshirase: '資格情報のお知らせ',
  'elderly-card': '高齢受給者証',
  'limit-cert': '限度額適用認定証',
};

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
  if (device !== null && online && f.terminal === null)
    problems.push({ field: 'terminal', ja: '資格確認端末に出た結果を選んでください' });

  const documents: Observation['documents'] = [];
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
        documents.push({ kind: d.kind, form: d.form, shows: d.showsInsurance ? ['current'] : [] });
        break;
      case 'elderly-card':
        documents.push({
          kind: d.kind,
          ratio: d.ratio,
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
    }
  }
  if (problems.length > 0 || visitDate === null) return { ok: false, problems };

  const route = device !== null && online && f.terminal !== null ? cardRoute(f.terminal) : null;
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

  return {
    ok: true,
    observation: {
      format: OBSERVATION_FORMAT,
      id: 'real-desk',
      visitDate,
      visitType: f.visitType,
      needsLimit: f.needsLimit,
      limitConsent: true,
      clinic: { ...f.clinic },
      patient: { birthDate, insurance: f.changed === 'unknown' ? null : ['current'] },
      coverages,
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
            },
      documents,
      hindsight: null,
    },
  };
}
