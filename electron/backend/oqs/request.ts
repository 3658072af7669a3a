// A 連携 folder request (照会区分 2, a number query by 記号・番号): the `XmlMsg` a レセコン puts into
// `req/`, read and validated once, here. Element names as public clinic software writes them:
//   XmlMsg/MessageHeader: MedicalInstitutionCode, ArbitraryFileIdentifier (optional),
//                         QualificationConfirmationDate
//   XmlMsg/MessageBody/QualificationConfirmSearchInfo: InsurerNumber, InsuredCardSymbol (optional),
//     InsuredIdentificationNumber, InsuredBranchNumber (optional), Birthdate,
//     LimitApplicationCertificateRelatedConsFlg
// An empty element counts as absent (templates often carry <InsuredBranchNumber></InsuredBranchNumber>).
// Other elements are ignored. A 12-digit number anywhere refuses the whole request (R18).
import { type IsoDate, isIsoDate } from '../../../shared/dates';
import {
  findMyNumberPath,
  hasValidCheckDigit,
  insurerOfNumber,
  MY_NUMBER_REFUSAL,
  normalizeInsurerNumber,
} from '../../../shared/identifiers';
import { AppError } from '../errors';
import { checkMedicalInstitutionCode } from '../../../shared/medical-institution-code';
import type { QualificationConfirmSearchInfo } from '../../../shared/onshi-document';
import type { RequestEcho } from '../onshi/document';
import { decodeXml, parseXml } from '../onshi/xml';

/** A request is a few hundred bytes; anything past this is not one. */
const REQUEST_MAX_BYTES = 64 * 1024;

export interface OqsRequest {
  echo: RequestEcho;
  /** QualificationConfirmationDate: the day the coverage is asked about */
  date: IsoDate;
  birthDate: IsoDate;
  /** normalized (6 digits for 国保, 8 otherwise) */
  insurerNumber: string;
  symbol: string | null;
  number: string;
  branch: string | null;
  limitConsent: boolean;
  /** the search as sent (trimmed), echoed in the result */
  search: QualificationConfirmSearchInfo;
}

/** Why a request cannot be answered: the simulator's own error code (README) and a bilingual message. */
export interface RequestProblem {
  code: RequestErrorCode;
  ja: string;
  en: string;
  /** what of the header could be read, for the error result */
  echo: Partial<RequestEcho>;
}

/** The simulator's own error codes (the national 処理結果コード table is not public). */
export const REQUEST_ERROR_CODES = {
  unreadable: 'SKD-E01', // not XML, not UTF-8/Shift_JIS, a DOCTYPE, too large
  field: 'SKD-E02', // an element missing or not valid
  'my-number': 'SKD-E03', // a 12-digit number (R18)
  unsupported: 'SKD-E04', // another kind of request than 資格確認 (照会区分 2)
  internal: 'SKD-E99', // the simulator failed on this request
} as const;
export type RequestErrorCode = keyof typeof REQUEST_ERROR_CODES;

const ELEMENT_JA: Record<string, string> = {
  MedicalInstitutionCode: '医療機関コード',
  ArbitraryFileIdentifier: '任意のファイル識別子',
  QualificationConfirmationDate: '資格確認日',
  InsurerNumber: '保険者番号',
  InsuredCardSymbol: '被保険者証記号',
  InsuredIdentificationNumber: '被保険者証番号',
  InsuredBranchNumber: '被保険者証枝番',
  Birthdate: '生年月日',
  LimitApplicationCertificateRelatedConsFlg: '限度額適用認定証提供同意フラグ',
};

class FieldError extends Error {
  constructor(
    readonly element: string,
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const ymdToIso = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;

function obj(v: unknown, element: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new FieldError(element, 'がありません', 'is missing');
  return v as Record<string, unknown>;
}

/** A leaf's text: '' and absence are null; a repeated element is an error. */
function text(parent: Record<string, unknown>, element: string): string | null {
  const v = parent[element];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string') throw new FieldError(element, 'は1つの値で指定してください', 'must be a single value');
  return v;
}

function required(parent: Record<string, unknown>, element: string): string {
  const v = text(parent, element);
  if (v === null) throw new FieldError(element, 'がありません', 'is missing');
  return v;
}

function date8(parent: Record<string, unknown>, element: string): IsoDate {
  const v = required(parent, element);
  if (!/^\d{8}$/.test(v) || !isIsoDate(ymdToIso(v)))
    throw new FieldError(element, 'は yyyyMMdd の実在する日付で指定してください', 'must be a real date as yyyyMMdd');
  return ymdToIso(v);
}

function short(parent: Record<string, unknown>, element: string, max: number): string | null {
  const v = text(parent, element);
  if (v !== null && v.length > max)
    throw new FieldError(element, `は${max}文字以内で指定してください`, `must have at most ${max} characters`);
  return v;
}

/** The header fields that could be read, for an error result (each only when valid). */
function readableEcho(tree: Record<string, unknown>): Partial<RequestEcho> {
  const header = (tree.XmlMsg as { MessageHeader?: unknown } | undefined)?.MessageHeader;
  if (typeof header !== 'object' || header === null) return {};
  const h = header as Record<string, unknown>;
  const echo: Partial<RequestEcho> = {};
  const code = h.MedicalInstitutionCode;
  if (typeof code === 'string' && checkMedicalInstitutionCode(code).ok) echo.medicalInstitutionCode = code;
  const id = h.ArbitraryFileIdentifier;
  if (typeof id === 'string' && id.length <= 256 && findMyNumberPath(id) === null) echo.arbitraryFileIdentifier = id;
  const d = h.QualificationConfirmationDate;
  if (typeof d === 'string' && /^\d{8}$/.test(d) && isIsoDate(ymdToIso(d))) echo.confirmationDate = d;
  return echo;
}

function fields(tree: Record<string, unknown>): OqsRequest {
  const msg = obj(tree.XmlMsg, 'XmlMsg');
  const header = obj(msg.MessageHeader, 'MessageHeader');
  const search = obj(
    obj(msg.MessageBody, 'MessageBody').QualificationConfirmSearchInfo,
    'QualificationConfirmSearchInfo',
  );

  const medicalInstitutionCode = required(header, 'MedicalInstitutionCode');
  const mic = checkMedicalInstitutionCode(medicalInstitutionCode);
  if (!mic.ok) throw new FieldError('MedicalInstitutionCode', `: ${mic.ja}`, `: ${mic.en}`);
  const arbitraryFileIdentifier = short(header, 'ArbitraryFileIdentifier', 256);
  const date = date8(header, 'QualificationConfirmationDate');

  const insurerRaw = required(search, 'InsurerNumber');
  const insurerNumber = normalizeInsurerNumber(insurerRaw);
  if (insurerOfNumber(insurerNumber) === null || !hasValidCheckDigit(insurerNumber)) {
    throw new FieldError(
      'InsurerNumber',
      'は6桁 (国保) または8桁の、検証番号の正しい保険者番号で指定してください',
      'must be a 6-digit (国保) or 8-digit insurer number with a valid check digit',
    );
  }
  const symbol = short(search, 'InsuredCardSymbol', 40);
  const number = short(search, 'InsuredIdentificationNumber', 40);
  if (number === null) throw new FieldError('InsuredIdentificationNumber', 'がありません', 'is missing');
  const branch = text(search, 'InsuredBranchNumber');
  if (branch !== null && !/^\d{2}$/.test(branch))
    throw new FieldError('InsuredBranchNumber', 'は2桁の数字で指定してください', 'must have 2 digits');
  const birthDate = date8(search, 'Birthdate');
  const consent = required(search, 'LimitApplicationCertificateRelatedConsFlg');
  if (consent !== '0' && consent !== '1')
    throw new FieldError(
      'LimitApplicationCertificateRelatedConsFlg',
      'は 0 (未同意) か 1 (同意) で指定してください',
      'must be 0 (no consent) or 1 (consent)',
    );

  return {
    echo: { medicalInstitutionCode, arbitraryFileIdentifier, confirmationDate: date.replaceAll('-', '') },
    date,
    birthDate,
    insurerNumber,
    symbol,
    number,
    branch,
    limitConsent: consent === '1',
    search: {
      InsurerNumber: insurerRaw,
      ...(symbol !== null ? { InsuredCardSymbol: symbol } : {}),
      InsuredIdentificationNumber: number,
      ...(branch !== null ? { InsuredBranchNumber: branch } : {}),
      Birthdate: birthDate.replaceAll('-', ''),
      LimitApplicationCertificateRelatedConsFlg: consent,
    },
  };
}

/** A request file's bytes → the request, or the problem that stops it (never throws). */
export function parseRequest(bytes: Uint8Array): { ok: true; request: OqsRequest } | ({ ok: false } & RequestProblem) {
  let tree: Record<string, unknown>;
  try {
    const limits = { maxBytes: REQUEST_MAX_BYTES };
    tree = parseXml(decodeXml(bytes, limits), limits);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { ok: false, code: 'unreadable', ja: e.ja, en: e.en, echo: {} };
  }
  // R18 first: a 12-digit number anywhere refuses the request, and is never echoed
  const mn = findMyNumberPath(tree);
  if (mn !== null) {
    return {
      ok: false,
      code: 'my-number',
      ja: `${mn}: ${MY_NUMBER_REFUSAL.ja}`,
      en: `${mn}: ${MY_NUMBER_REFUSAL.en}`,
      echo: readableEcho(tree),
    };
  }
  try {
    return { ok: true, request: fields(tree) };
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    const ja = ELEMENT_JA[e.element];
    return {
      ok: false,
      code: 'field',
      ja: `${ja ? `${ja} (${e.element})` : e.element} ${e.ja}`.replace(' :', ':'),
      en: `${e.element} ${e.en}`.replace(' :', ':'),
      echo: readableEcho(tree),
    };
  }
}
