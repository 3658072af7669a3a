// The national-format XML (the result documents, and the 連携 folder's requests), both ways.
//
// Writing: the JSON form lists results as `ResultList: [{ ResultOfQualificationConfirmation: … }]`;
// in XML that is one <ResultList> holding a <ResultOfQualificationConfirmation> per result. A result
// with no entry (該当資格なし, an error) has no <ResultList> at all: an empty element would reach a
// common XML reader as an empty string, not as an empty list.
//
// Reading, for files that come from outside (a terminal's result, a レセコン's request):
//   1. at most `maxBytes` bytes;
//   2. decoded as the XML declaration says: UTF-8 (the default, BOM allowed) or Shift_JIS
//      (CharacterCodeIdentifier 1 of the national format); any other encoding is refused;
//   3. no DOCTYPE and no entity declaration: refused before parsing, so no entity is ever expanded
//      (only the five predefined entities and character references are decoded);
//   4. well-formed (fast-xml-parser's validator, with the line of the first error);
//   5. parsed with every value kept as a trimmed string (leading zeros stay: 保険者番号, 枝番).
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors';
import type {
  OnshiDocument,
  OnshiErrorDocument,
  ResultOfQualificationConfirmation,
} from '../../../shared/onshi-document';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';
const RESULT_PATH = 'XmlMsg.MessageBody.ResultList.ResultOfQualificationConfirmation';

const builder = new XMLBuilder({ format: true, indentBy: '  ' });

export function toXml(doc: OnshiDocument | OnshiErrorDocument): string {
  const body = doc.XmlMsg.MessageBody;
  const xmlBody =
    'ResultList' in body
      ? (() => {
          const { ResultList, ...rest } = body;
          const list = ResultList.map((r) => r.ResultOfQualificationConfirmation);
          return {
            ProcessingResultStatus: rest.ProcessingResultStatus,
            QualificationValidity: rest.QualificationValidity,
            ...(list.length ? { ResultList: { ResultOfQualificationConfirmation: list } } : {}),
            ...(rest.QualificationConfirmSearchInfo
              ? { QualificationConfirmSearchInfo: rest.QualificationConfirmSearchInfo }
              : {}),
          };
        })()
      : body;
  const xmlShape = { XmlMsg: { MessageHeader: doc.XmlMsg.MessageHeader, MessageBody: xmlBody } };
  return `${XML_DECLARATION}\n${builder.build(xmlShape) as string}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface XmlReadOptions {
  /** names the input at the start of each error (a file name …); none: the caller names it */
  source?: string;
  maxBytes: number;
  /** element paths (dot-separated) that are lists even with one item */
  lists?: readonly string[];
}

function refuse(o: XmlReadOptions, ja: string, en: string, details: Record<string, unknown> = {}): AppError {
  const at = o.source ? `${o.source}: ` : '';
  return new AppError('invalid-input', `${at}${ja}`, `${at}${en}`, details);
}

const SHIFT_JIS_NAMES = new Set(['shift_jis', 'shift-jis', 'sjis', 'windows-31j', 'cp932', 'ms932', 'x-sjis']);

/** Bytes → text, by the XML declaration's encoding (steps 1–2). */
export function decodeXml(bytes: Uint8Array, o: XmlReadOptions): string {
  if (bytes.byteLength > o.maxBytes) {
    throw refuse(
      o,
      `ファイルが大きすぎます (${bytes.byteLength} バイト、上限 ${o.maxBytes} バイト)`,
      `the file is too large (${bytes.byteLength} bytes, at most ${o.maxBytes})`,
      { reason: 'too-large' },
    );
  }
  // the declaration is ASCII in every encoding we accept
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|ï»¿)?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  const encoding =
    declared === undefined || declared === 'utf-8' || declared === 'utf8'
      ? 'utf-8'
      : SHIFT_JIS_NAMES.has(declared)
        ? 'shift_jis'
        : null;
  if (encoding === null) {
    throw refuse(
      o,
      `文字コード ${declared} には対応していません (UTF-8 または Shift_JIS)`,
      `encoding ${declared} is not supported (UTF-8 or Shift_JIS)`,
      { reason: 'encoding' },
    );
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw refuse(
      o,
      `${encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'} として読めない文字があります`,
      `the text is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}`,
      { reason: 'encoding' },
    );
  }
}

/** Text → a tree of objects whose leaves are strings (steps 3–5). */
export function parseXml(text: string, o: XmlReadOptions): Record<string, unknown> {
  if (text.length > o.maxBytes) {
    throw refuse(
      o,
      `ファイルが大きすぎます (上限 ${o.maxBytes} バイト)`,
      `the file is too large (at most ${o.maxBytes} bytes)`,
      {
        reason: 'too-large',
      },
    );
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw refuse(
      o,
      'DOCTYPE や実体 (ENTITY) の宣言を含むXMLは受け付けません',
      'XML with a DOCTYPE or an entity declaration is refused',
      { reason: 'doctype' },
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw refuse(
      o,
      `XMLとして正しくありません: ${valid.err.msg} (${valid.err.line}行目)`,
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
      { reason: 'xml' },
    );
  }
  const lists = new Set(o.lists ?? []);
  const parser = new XMLParser({
    parseTagValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (_name, jpath) => lists.has(String(jpath)),
  });
  const tree = parser.parse(text) as unknown;
  if (typeof tree !== 'object' || tree === null) throw refuse(o, '要素がありません', 'no element');
  return tree as Record<string, unknown>;
}

/** Parses a result document's XML (UTF-8 text) into the JSON form, trusting its shape (round trips, tests). */
export function fromXml(xml: string): OnshiDocument {
  const tree = parseXml(xml, { source: '照会結果/result', maxBytes: Number.MAX_SAFE_INTEGER, lists: [RESULT_PATH] });
  const raw = tree as { XmlMsg?: { MessageHeader: unknown; MessageBody: Record<string, unknown> } };
  if (!raw.XmlMsg) throw new AppError('invalid-input', 'XmlMsg 要素がありません', 'no XmlMsg element');
  const { ResultList, ...body } = raw.XmlMsg.MessageBody;
  const items =
    typeof ResultList === 'object' && ResultList !== null
      ? ((ResultList as { ResultOfQualificationConfirmation?: ResultOfQualificationConfirmation[] })
          .ResultOfQualificationConfirmation ?? [])
      : [];
  return {
    XmlMsg: {
      MessageHeader: raw.XmlMsg.MessageHeader as OnshiDocument['XmlMsg']['MessageHeader'],
      MessageBody: {
        ...(body as Omit<OnshiDocument['XmlMsg']['MessageBody'], 'ResultList'>),
        ResultList: items.map((r) => ({ ResultOfQualificationConfirmation: r })),
      },
    },
  };
}
