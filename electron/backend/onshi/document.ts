// The simulated national online check's result document (オンライン資格確認 照会結果; its types:
// shared/onshi-document.ts). Built from the engine's decision and trace: the document shows only what the simulated
// system knows, and its QualificationValidity always agrees with the decision's onlineCheck.
import { addDays, type IsoDate, minDate } from '../../../shared/dates';
import { agePeriods, copayPercent, type DecisionTrace, decideWithTrace } from '../../../shared/engine';
import { checkDigitOf, containsMyNumberLike } from '../../../shared/identifiers';
import { normalizeKanaReading, toHalfWidthKatakana } from '../../../shared/kana';
import type { Decision } from '../../../shared/decision';
import type { CardRouteResult, Insurer, LimitCategory, NumberRouteResult, Sex } from '../../../shared/enums';
import {
  LIMIT_FLAG,
  type OnlineResult,
  type OnshiDocument,
  type OnshiErrorDocument,
  type QualificationConfirmSearchInfo,
  type QualificationValidityCode,
  type ResultOfQualificationConfirmation,
} from '../../../shared/onshi-document';
import type { Coverage, Scenario } from '../../../shared/scenario';
import type { Policy } from '../../../shared/timeline';
import { AppError } from '../errors';
import { DEMO_MEDICAL_INSTITUTION_CODE } from '../../../shared/medical-institution-code';
import { jstCompact } from '../time';

// ---------------------------------------------------------------------------------------------
/** The CLI's answer for one scenario (issue 3 item 4): the desk's `OnlineResult` with the scenario id. */
export interface OnshiAnswer extends OnlineResult {
  id: string;
}

// ---------------------------------------------------------------------------------------------
// Code tables (OQSCD006 資格有効性, OQSCD012 限度額適用区分)

type Answered = Exclude<CardRouteResult, 'not-run' | 'failed'> | Exclude<NumberRouteResult, 'not-run'>;
export const QUALIFICATION_VALIDITY: Record<Answered, QualificationValidityCode> = {
  valid: '1',
  invalid: '2',
  'invalid-new': '3',
  'not-found': '4',
  multiple: '5',
};

/** 住民税非課税 (オ, 低所得): 限度額適用・標準負担額減額認定証 (02); otherwise 限度額適用認定証 (01). */
const LIMIT_CLASSIFICATION = (c: LimitCategory) => (c === 'オ' || c.startsWith('低所得') ? '02' : '01');

/** Placeholder insurer numbers (valid check digits) for scenarios that give none. */
const PLACEHOLDER_INSURER: Record<Insurer, string> = {
  kyokai: `0113001${checkDigitOf('0113001')}`,
  kumiai: `0613999${checkDigitOf('0613999')}`,
  kyosai: `3213999${checkDigitOf('3213999')}`,
  senin: `0213901${checkDigitOf('0213901')}`,
  kokuho: `13999${checkDigitOf('13999')}`,
  kouki: `3913999${checkDigitOf('3913999')}`,
};

interface OnshiPerson {
  name?: string | null;
  kana?: string | null;
  sex?: Sex | 1 | 2 | 3 | null;
}

/** Registry details the scenario format does not carry. */
interface CoverageExtras {
  insurerName?: string | null;
  personalFamily?: 1 | 2;
}

export interface OnshiOptions {
  /** scenarios carry no names: without a person, fictional placeholders are used */
  person?: OnshiPerson | null;
  /** per coverage id: printed insurer name, 本人/家族 */
  coverageExtras?: Record<string, CoverageExtras>;
  medicalInstitutionCode?: string | null;
  /** when the query ran (default: 09:00 Japan time on the visit date, so output is reproducible) */
  executedAt?: Date;
  /** the clinic's policy settings, passed to the engine */
  clinicPolicy?: Partial<Policy>;
  /** a 連携 folder request's ArbitraryFileIdentifier, echoed in the header */
  arbitraryFileIdentifier?: string | null;
  /** a 連携 folder request's search, echoed as sent (default: the queried coverage's identifiers) */
  searchInfo?: QualificationConfirmSearchInfo;
}

/** 保険者名称 when the registry gives none (the formal names the national system prints). */
const INSURER_NAME: Record<Insurer, string> = {
  kyokai: '全国健康保険協会',
  kumiai: '健康保険組合',
  kyosai: '共済組合',
  senin: '全国健康保険協会 船員保険部',
  kokuho: '国民健康保険',
  kouki: '後期高齢者医療広域連合',
};

export const PLACEHOLDER_PERSON = { name: '架空 患者', kana: 'カクウ カンジャ', sex: '3' } as const;

const ymd = (d: IsoDate) => d.replaceAll('-', '');
const ratio3 = (p: number) => String(p).padStart(3, '0');
/** R18: a 記号・番号 that looks like a My Number is never echoed. */
const safeId = (s: string | null) => (s === null || s === '' || containsMyNumberLike(s) ? undefined : s);

/**
 * The identifiers the simulated system knows a coverage by (printed on its documents): the
 * scenario's, or — where the scenario gives none — a placeholder insurer number of its type and
 * 番号 1001, 1002, … by position. One place for the result documents and the 連携 folder's search.
 */
export function printedIdentifiers(
  c: Coverage,
  index: number,
): { insurerNumber: string; symbol?: string; number: string; branch?: string } {
  const symbol = safeId(c.symbol);
  const branch = safeId(c.branch);
  return {
    insurerNumber: c.insurerNumber ?? PLACEHOLDER_INSURER[c.insurer],
    ...(symbol !== undefined ? { symbol } : {}),
    number: safeId(c.number) ?? String(1001 + index),
    ...(branch !== undefined ? { branch } : {}),
  };
}

function sexCode(sex: OnshiPerson['sex']): string {
  if (sex === 'male' || sex === 1) return '1';
  if (sex === 'female' || sex === 2) return '2';
  return '3';
}

/** The Aug 1 – Jul 31 year (高齢受給者証 and 限度額 certificates run on it) that contains D. */
function certYear(D: IsoDate): [IsoDate, IsoDate] {
  const y = Number(D.slice(0, 4));
  const start = D >= `${y}-08-01` ? `${y}-08-01` : `${y - 1}-08-01`;
  return [start, `${Number(start.slice(0, 4)) + 1}-07-31`];
}

interface Ctx {
  s: Scenario;
  trace: DecisionTrace;
  opts: OnshiOptions;
  route: 'card' | 'number';
  executedAt: string;
}

function resultFor(c: Coverage, ctx: Ctx): ResultOfQualificationConfirmation {
  const { s, trace, opts } = ctx;
  const D = s.visitDate;
  const state = trace.states.find((x) => x.coverage.id === c.id)!;
  const periods = agePeriods(s.patient.birthDate);
  const lastDay = state.lostOn !== null ? addDays(state.lostOn, -1) : null;
  /** the day the document describes: D, or the coverage's last day when it was lost */
  const ref = state.lost && lastDay !== null ? minDate(D, lastDay) : D;
  const extras = opts.coverageExtras?.[c.id] ?? {};
  const person = opts.person ?? null;
  const index = s.patient.coverages.findIndex((x) => x.id === c.id);

  // element order as in the national format
  const ids = printedIdentifiers(c, index);
  const ordered: ResultOfQualificationConfirmation = {
    InsuredCardClassification: '01', // 被保険者証（一般）
    Name: person?.name || PLACEHOLDER_PERSON.name,
    NameKana: toHalfWidthKatakana(normalizeKanaReading(person?.kana || PLACEHOLDER_PERSON.kana)),
    Sex1: person ? sexCode(person.sex) : PLACEHOLDER_PERSON.sex,
    Birthdate: ymd(s.patient.birthDate),
    InsurerName: extras.insurerName || INSURER_NAME[c.insurer],
    InsurerNumber: ids.insurerNumber,
    ...(ids.symbol !== undefined ? { InsuredCardSymbol: ids.symbol } : {}),
    InsuredIdentificationNumber: ids.number,
    ...(ids.branch !== undefined ? { InsuredBranchNumber: ids.branch } : {}),
    PersonalFamilyClassification: String(extras.personalFamily ?? 1),
    InsuredCardValidDate: ymd(c.acquiredOn),
    ...(lastDay !== null && (state.lost || c.lostOn !== null) ? { InsuredCardExpirationDate: ymd(lastDay) } : {}),
    InsuredPartialContributionRatio: ratio3(copayPercent(periods, ref, c)),
  };
  if (ref <= periods.preschoolEnd) ordered.PreschoolClassification = '1';
  if (state.lost) {
    const newer = s.patient.coverages.some((x) => x.id !== c.id && x.acquiredOn >= c.acquiredOn && x.acquiredOn <= D);
    ordered.ReasonOfLoss = newer ? '03' : '99';
  }
  // 高齢受給者証情報: 70–74, every insurer but 後期
  if (c.insurer !== 'kouki' && ref >= periods.elderlyStart && ref < periods.birthday75) {
    const [ys, ye] = certYear(ref);
    const start = [periods.elderlyStart, c.acquiredOn, ys].reduce((a, b) => (a > b ? a : b));
    const end = [addDays(periods.birthday75, -1), ye, ...(lastDay ? [lastDay] : [])].reduce((a, b) => (a < b ? a : b));
    ordered.ElderlyRecipientCertificateInfo = {
      ElderlyRecipientCertificateDate: ymd(start),
      ElderlyRecipientValidStartDate: ymd(start),
      ElderlyRecipientValidEndDate: ymd(end),
      ElderlyRecipientContributionRatio: ratio3(c.ratio === 30 ? 30 : 20),
    };
  }
  // 限度額: the card route shares it (no consent screen since 2024-10-07); a number query with the
  // patient's oral consent. 70+ 一般 and 現役並みⅢ have no certificate.
  const consent = ctx.route === 'card' || s.limitConsent;
  ordered.LimitApplicationCertificateRelatedConsFlg = consent ? '1' : '0';
  if (consent) ordered.LimitApplicationCertificateRelatedConsTime = ctx.executedAt;
  const cat = c.limitCategory;
  if (consent && cat !== null && !(ref >= periods.elderlyStart && (cat === '一般' || cat === '現役並みⅢ'))) {
    const [ys, ye] = certYear(ref);
    const start = c.acquiredOn > ys ? c.acquiredOn : ys;
    const end = lastDay !== null && lastDay < ye ? lastDay : ye;
    ordered.LimitApplicationCertificateRelatedInfo = {
      LimitApplicationCertificateClassification: LIMIT_CLASSIFICATION(cat),
      LimitApplicationCertificateClassificationFlag: LIMIT_FLAG[cat],
      LimitApplicationCertificateDate: ymd(start),
      LimitApplicationCertificateValidStartDate: ymd(start),
      LimitApplicationCertificateValidEndDate: ymd(end),
    };
  }
  return ordered;
}

function document(
  ctx: Ctx,
  validity: QualificationValidityCode,
  listed: Coverage[],
  search: Coverage | null,
): OnshiDocument {
  const { s, opts } = ctx;
  const body: OnshiDocument['XmlMsg']['MessageBody'] = {
    ProcessingResultStatus: '1', // 正常終了
    QualificationValidity: validity,
    ResultList: listed.map((c) => ({ ResultOfQualificationConfirmation: resultFor(c, ctx) })),
  };
  if (search) {
    const ids = printedIdentifiers(
      search,
      s.patient.coverages.findIndex((x) => x.id === search.id),
    );
    body.QualificationConfirmSearchInfo = opts.searchInfo ?? {
      InsurerNumber: ids.insurerNumber,
      ...(ids.symbol !== undefined ? { InsuredCardSymbol: ids.symbol } : {}),
      InsuredIdentificationNumber: ids.number,
      ...(ids.branch !== undefined ? { InsuredBranchNumber: ids.branch } : {}),
      Birthdate: ymd(s.patient.birthDate),
      LimitApplicationCertificateRelatedConsFlg: s.limitConsent ? '1' : '0',
    };
  }
  return {
    XmlMsg: {
      MessageHeader: {
        ProcessExecutionTime: ctx.executedAt,
        QualificationConfirmationDate: ymd(s.visitDate),
        MedicalInstitutionCode: opts.medicalInstitutionCode || DEMO_MEDICAL_INSTITUTION_CODE,
        ...(opts.arbitraryFileIdentifier ? { ArbitraryFileIdentifier: opts.arbitraryFileIdentifier } : {}),
        ReferenceClassification: ctx.route === 'card' ? '1' : '2',
        SegmentOfResult: '1', // 正常終了
        ErrorCode: '',
        ErrorMessage: '',
        CharacterCodeIdentifier: '0', // UTF-8
      },
      MessageBody: body,
    },
  };
}

function mismatch(s: Scenario, what: string): AppError {
  return new AppError(
    'internal',
    `照会結果と判定が一致しません (シナリオ ${s.id}: ${what})`,
    `the result document disagrees with the decision (scenario ${s.id}: ${what})`,
  );
}

/**
 * The answer for a scenario already decided: the card route's document when the card query
 * reached the national system; else the number route's document for the deciding document's
 * query (or the first query that ran); else null (no online check, an outage, a card problem
 * that stopped the card route and no number query).
 */
export function onshiFromTrace(
  s: Scenario,
  decision: Decision,
  trace: DecisionTrace,
  opts: OnshiOptions = {},
): OnshiAnswer {
  const executedAt = jstCompact(opts.executedAt ?? new Date(`${s.visitDate}T09:00:00+09:00`));
  const card = trace.card;
  if (card.read) {
    const result = card.result;
    if (result === 'not-run' || result === 'failed') throw mismatch(s, `card route read but ${result}`);
    if (result !== decision.onlineCheck.cardRoute)
      throw mismatch(s, `cardRoute ${decision.onlineCheck.cardRoute} vs ${result}`);
    const ctx: Ctx = { s, trace, opts, route: 'card', executedAt };
    const listed =
      result === 'valid'
        ? card.answered.slice(0, 1)
        : result === 'multiple'
          ? card.answered
          : result === 'invalid' && card.lost
            ? [card.lost]
            : [];
    return { id: s.id, route: 'card', result: document(ctx, QUALIFICATION_VALIDITY[result], listed, null) };
  }
  const q = trace.decidingQuery !== null ? trace.numberQueries[trace.decidingQuery] : trace.numberQueries[0];
  if (q) {
    if (q.result === 'not-run' || q.result !== decision.onlineCheck.numberRoute)
      throw mismatch(s, `numberRoute ${decision.onlineCheck.numberRoute} vs ${q.result}`);
    const ctx: Ctx = { s, trace, opts, route: 'number', executedAt };
    const listed = q.result === 'not-found' ? [] : [q.coverage];
    return { id: s.id, route: 'number', result: document(ctx, QUALIFICATION_VALIDITY[q.result], listed, q.coverage) };
  }
  if (decision.onlineCheck.numberRoute !== 'not-run') throw mismatch(s, 'a number route result without a query');
  return { id: s.id, route: null, result: null };
}

/** Runs the engine on a scenario and builds its result document (the CLI's `onshi`). */
export function onshiForScenario(s: Scenario, opts: OnshiOptions = {}): OnshiAnswer {
  return decideWithOnshi(s, opts).answer;
}

/** The decision and the result document together (the desk: one engine run for both). */
export function decideWithOnshi(
  s: Scenario,
  opts: OnshiOptions = {},
): { decision: Decision; trace: DecisionTrace; answer: OnshiAnswer } {
  const { decision, trace } = decideWithTrace(s, opts.clinicPolicy);
  return { decision, trace, answer: onshiFromTrace(s, decision, trace, opts) };
}

// ---------------------------------------------------------------------------------------------
// Documents without a scenario: the 連携 folder's answers to a request that matched nobody, that
// matched several people, or that could not be read.

/** What a document's header takes from a 連携 folder request. */
export interface RequestEcho {
  medicalInstitutionCode: string;
  arbitraryFileIdentifier: string | null;
  /** yyyyMMdd */
  confirmationDate: string;
}

function echoHeader(echo: RequestEcho, executedAt: Date) {
  return {
    ProcessExecutionTime: jstCompact(executedAt),
    QualificationConfirmationDate: echo.confirmationDate,
    MedicalInstitutionCode: echo.medicalInstitutionCode,
    ...(echo.arbitraryFileIdentifier ? { ArbitraryFileIdentifier: echo.arbitraryFileIdentifier } : {}),
    ReferenceClassification: '2' as const,
  };
}

/** 該当資格なし: a number query for a person or coverage the system does not know (no ResultList). */
export function notFoundDocument(
  echo: RequestEcho,
  search: QualificationConfirmSearchInfo,
  executedAt: Date,
): OnshiDocument {
  return {
    XmlMsg: {
      MessageHeader: {
        ...echoHeader(echo, executedAt),
        SegmentOfResult: '1',
        ErrorCode: '',
        ErrorMessage: '',
        CharacterCodeIdentifier: '0',
      },
      MessageBody: {
        ProcessingResultStatus: '1',
        QualificationValidity: QUALIFICATION_VALIDITY['not-found'],
        ResultList: [],
        QualificationConfirmSearchInfo: search,
      },
    },
  };
}

/** 複数該当: one number query that matched several people (e.g. twins queried without 枝番). */
export function multipleDocument(answers: readonly OnshiDocument[]): OnshiDocument {
  const first = answers[0]!.XmlMsg;
  return {
    XmlMsg: {
      MessageHeader: first.MessageHeader,
      MessageBody: {
        ...first.MessageBody,
        QualificationValidity: QUALIFICATION_VALIDITY.multiple,
        ResultList: answers.flatMap((a) => a.XmlMsg.MessageBody.ResultList),
      },
    },
  };
}

/** An error result: SegmentOfResult 9 with the simulator's own ErrorCode and a bilingual ErrorMessage. */
export function errorDocument(echo: RequestEcho, code: string, message: string, executedAt: Date): OnshiErrorDocument {
  return {
    XmlMsg: {
      MessageHeader: {
        ...echoHeader(echo, executedAt),
        SegmentOfResult: '9',
        ErrorCode: code,
        ErrorMessage: message,
        CharacterCodeIdentifier: '0',
      },
      MessageBody: { ProcessingResultStatus: '2' },
    },
  };
}
