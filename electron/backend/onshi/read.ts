// Reading a real result file: the national-format `XmlMsg` a 資格確認端末 writes after a
// face-recognition check (照会区分 1) or a number query (照会区分 2) → what the terminal showed, as
// the card-route or number-route part of an observation (shared/observation/terminal.ts).
//
//   1. The bytes are read as ./xml.ts reads anything from outside (size cap, UTF-8 or Shift_JIS,
//      no DOCTYPE, well-formed).
//   2. The header must say 正常終了 (SegmentOfResult 1) and the body ProcessingResultStatus 1;
//      otherwise the terminal's own ErrorCode and ErrorMessage are reported.
//   3. QualificationValidity and the number of results must fit the route: card — 1 有効 (one),
//      2 無効 (at most one), 4 該当資格なし (none), 5 複数該当 (two or more); number — 1, 2, 3 無効
//      (新しい資格あり) (one), 4 (none). Anything else is an error that names the element.
//   4. Of each result: the insurer type from the 保険者番号 (法別番号), 資格取得年月日 (or, without
//      it, 被保険者証有効開始年月日), the ratio where the rule book takes it from the system (後期:
//      一部負担金割合; 70–74: 高齢受給者証の割合), the 限度額区分, 保険者名称, 本人/家族, the last day.
//      Names, 記号・番号・枝番, addresses and every other element are not read.
// Unknown or damaged files raise one AppError naming the element, in Japanese and English;
// nothing is returned in part.
import { type IsoDate, isIsoDate } from '../../../shared/dates';
import type { CoverageRatio } from '../../../shared/enums';
import { insurerOfNumber, normalizeInsurerNumber } from '../../../shared/identifiers';
import type {
  ObservedCoverage,
  ShownCoverage,
  TerminalAnswer,
  TerminalCardResult,
  TerminalNumberResult,
} from '../../../shared/observation';
import { AppError } from '../errors';
import { LIMIT_OF_FLAG } from '../../../shared/onshi-document';
import { decodeXml, parseXml } from './xml';

/** A result file is a few kilobytes; a 複数該当 with every optional list stays far below this. */
export const RESULT_MAX_BYTES = 512 * 1024;

const RESULT_PATH = 'XmlMsg.MessageBody.ResultList.ResultOfQualificationConfirmation';

/** The Japanese names of the elements read (外部インターフェイス仕様 as public clinic software labels them). */
const ELEMENT_JA: Record<string, string> = {
  XmlMsg: 'XmlMsg',
  MessageHeader: 'ヘッダー',
  MessageBody: 'ボディ',
  QualificationConfirmationDate: '資格確認日',
  ReferenceClassification: '照会区分',
  SegmentOfResult: '処理結果区分',
  ProcessingResultStatus: '処理結果状況',
  QualificationValidity: '資格有効性',
  ResultList: '資格確認結果リスト',
  InsurerNumber: '保険者番号',
  Birthdate: '生年月日',
  QualificationDate: '資格取得年月日',
  InsuredCardValidDate: '被保険者証有効開始年月日',
  InsuredCardExpirationDate: '被保険者証有効終了年月日',
  InsuredPartialContributionRatio: '一部負担金割合',
  ElderlyRecipientContributionRatio: '高齢受給者証一部負担金割合',
  LimitApplicationCertificateClassificationFlag: '限度額適用認定証適用区分',
  PersonalFamilyClassification: '本人・家族の別',
  InsurerName: '保険者名称',
  QualificationConfirmSearchInfo: '資格確認照会用情報',
};

const CARD_RESULT: Readonly<Record<string, TerminalCardResult>> = {
  '1': 'valid',
  '2': 'invalid',
  '4': 'not-found',
  '5': 'multiple',
};
const NUMBER_RESULT: Readonly<Record<string, TerminalNumberResult>> = {
  '1': 'valid',
  '2': 'invalid',
  '3': 'invalid-new',
  '4': 'not-found',
};

type Tree = Record<string, unknown>;

class Damaged extends Error {
  constructor(
    readonly path: string[],
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const jaPath = (path: string[]) =>
  path
    .map((p) => {
      const [, name, index] = /^(.*?)(?:\[(\d+)\])?$/.exec(p)!;
      return `${ELEMENT_JA[name!] ?? name}${index !== undefined ? ` ${Number(index) + 1}件目` : ''}`;
    })
    .join(' › ');

function object(parent: Tree, key: string, path: string[]): Tree {
  const v = parent[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Damaged([...path, key], 'がありません', 'is missing');
  return v as Tree;
}

function optional(parent: Tree, key: string, path: string[]): string | null {
  const v = parent[key];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string') throw new Damaged([...path, key], 'は1つの値のはずです', 'must be a single value');
  return v;
}

function required(parent: Tree, key: string, path: string[]): string {
  const v = optional(parent, key, path);
  if (v === null) throw new Damaged([...path, key], 'がありません', 'is missing');
  return v;
}

function oneOf<T>(parent: Tree, key: string, path: string[], table: Readonly<Record<string, T>>): T {
  const v = required(parent, key, path);
  if (!Object.hasOwn(table, v))
    throw new Damaged([...path, key], `の値「${v}」は想定外です`, `has an unexpected value "${v}"`);
  return table[v]!;
}

function date(parent: Tree, key: string, path: string[], need = false): IsoDate | null {
  const v = need ? required(parent, key, path) : optional(parent, key, path);
  if (v === null) return null;
  const iso = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  if (!/^\d{8}$/.test(v) || !isIsoDate(iso))
    throw new Damaged(
      [...path, key],
      `の値「${v}」は日付 (yyyyMMdd) ではありません`,
      `"${v}" is not a date (yyyyMMdd)`,
    );
  return iso;
}

function insurer(parent: Tree, path: string[]): Pick<ObservedCoverage, 'insurer' | 'insurerNumber'> {
  const number = normalizeInsurerNumber(required(parent, 'InsurerNumber', path));
  const type = insurerOfNumber(number);
  if (type === null)
    throw new Damaged(
      [...path, 'InsurerNumber'],
      `「${number}」は健康保険の保険者番号ではありません (医療扶助・公費の結果は読み込めません。画面の表示を手で入力してください)`,
      `"${number}" is not a health insurer's number (医療扶助 and 公費 results cannot be read: enter what the screen shows by hand)`,
    );
  return { insurer: type, insurerNumber: number };
}

const RATIO: Readonly<Record<string, CoverageRatio>> = { '010': 10, '020': 20, '030': 30 };

function coverage(r: Tree, index: number, path: string[]): { coverage: ObservedCoverage; shown: ShownCoverage } {
  const id = `t${index + 1}`;
  const ins = insurer(r, path);
  const kouki = ins.insurer === 'kouki' ? oneOf(r, 'InsuredPartialContributionRatio', path, RATIO) : null;
  const elderlyInfo = r.ElderlyRecipientCertificateInfo;
  const elderly =
    typeof elderlyInfo === 'object' && elderlyInfo !== null
      ? oneOf(elderlyInfo as Tree, 'ElderlyRecipientContributionRatio', [...path, 'ElderlyRecipientCertificateInfo'], {
          '020': 20,
          '030': 30,
        } as const)
      : null;
  const limitInfo = r.LimitApplicationCertificateRelatedInfo;
  const limitCategory =
    typeof limitInfo === 'object' && limitInfo !== null
      ? oneOf(
          limitInfo as Tree,
          'LimitApplicationCertificateClassificationFlag',
          [...path, 'LimitApplicationCertificateRelatedInfo'],
          LIMIT_OF_FLAG,
        )
      : null;
  const family = optional(r, 'PersonalFamilyClassification', path);
  if (family !== null && family !== '1' && family !== '2')
    throw new Damaged(
      [...path, 'PersonalFamilyClassification'],
      `の値「${family}」は想定外です`,
      `has an unexpected value "${family}"`,
    );
  return {
    coverage: {
      id,
      ...ins,
      symbol: null,
      number: null,
      branch: null,
      acquiredOn: date(r, 'QualificationDate', path) ?? date(r, 'InsuredCardValidDate', path),
      ratio: kouki ?? elderly,
      elderlyCard: null,
      limitCategory,
      // the result does not say that the insurer has no 限度額区分 on file (R13): assumed on file
      limitOnFile: true,
      role: family === null ? null : family === '1' ? 'insured' : 'dependent',
      filedOn: null,
      myNumberOnForm: true,
    },
    shown: {
      id,
      insurerName: optional(r, 'InsurerName', path),
      personalFamily: family === null ? null : (Number(family) as 1 | 2),
      lastDay: date(r, 'InsuredCardExpirationDate', path),
    },
  };
}

function answer(tree: Tree, source: string): TerminalAnswer {
  const msg = object(tree, 'XmlMsg', []);
  const header = object(msg, 'MessageHeader', ['XmlMsg']);
  const hp = ['MessageHeader'];
  const segment = required(header, 'SegmentOfResult', hp);
  if (segment !== '1') {
    const code = optional(header, 'ErrorCode', hp) ?? '';
    const message = optional(header, 'ErrorMessage', hp) ?? '';
    const what = [code, message].filter((x) => x !== '').join(': ');
    throw new AppError(
      'invalid-input',
      `${source}: 資格確認端末はこの照会をエラーとしました (${segment === '2' ? '処理中' : '異常終了'}${what ? `、${what}` : ''})。画面の表示を手で入力してください`,
      `${source}: the terminal reported this query as failed (SegmentOfResult ${segment}${what ? `, ${what}` : ''}); enter what its screen showed by hand`,
      { element: 'MessageHeader.SegmentOfResult', errorCode: code },
    );
  }
  const route = oneOf(header, 'ReferenceClassification', hp, { '1': 'card', '2': 'number' } as const);
  const visitDate = date(header, 'QualificationConfirmationDate', hp, true)!;
  const body = object(msg, 'MessageBody', ['XmlMsg']);
  const bp = ['MessageBody'];
  const status = required(body, 'ProcessingResultStatus', bp);
  if (status !== '1')
    throw new Damaged([...bp, 'ProcessingResultStatus'], `がエラー (${status}) です`, `reports an error (${status})`);
  const validity = required(body, 'QualificationValidity', bp);

  const listed = body.ResultList;
  const items: Tree[] =
    listed === undefined || listed === ''
      ? []
      : ((object(body, 'ResultList', bp).ResultOfQualificationConfirmation as Tree[] | undefined) ?? []);
  const read = items.map((r, i) => {
    if (typeof r !== 'object' || r === null)
      throw new Damaged([...bp, `ResultList[${i}]`], 'が読めません', 'cannot be read');
    return coverage(r, i, [...bp, `ResultList[${i}]`]);
  });
  const birthDate = items.length > 0 ? date(items[0]!, 'Birthdate', [...bp, 'ResultList[0]'], true) : null;

  const count = (ok: boolean) => {
    if (!ok)
      throw new Damaged(
        [...bp, 'ResultList'],
        `の件数 (${items.length}件) が資格有効性 (${validity}) に合いません`,
        `has ${items.length} entries, which does not fit QualificationValidity ${validity}`,
      );
  };
  if (route === 'card') {
    if (validity === '3' || validity === '6' || !Object.hasOwn(CARD_RESULT, validity))
      throw new Damaged(
        [...bp, 'QualificationValidity'],
        `の値「${validity}」はマイナンバーカードでの照会の結果として想定外です`,
        `"${validity}" is not an answer of a card query`,
      );
    const result = CARD_RESULT[validity]!;
    const n = items.length;
    count(result === 'valid' ? n === 1 : result === 'multiple' ? n >= 2 : result === 'invalid' ? n <= 1 : n === 0);
    return {
      route,
      visitDate,
      birthDate,
      coverages: read.map((x) => x.coverage),
      shown: read.map((x) => x.shown),
      cardResult: result,
      numberResult: null,
    };
  }

  if (validity === '5')
    throw new Damaged(
      [...bp, 'QualificationValidity'],
      'が複数該当です。枝番を入れて照会し直してください',
      'is 複数該当 (several matches): query again with the 枝番',
    );
  if (!Object.hasOwn(NUMBER_RESULT, validity))
    throw new Damaged(
      [...bp, 'QualificationValidity'],
      `の値「${validity}」は番号での照会の結果として想定外です`,
      `"${validity}" is not an answer of a number query`,
    );
  const result = NUMBER_RESULT[validity]!;
  count(result === 'not-found' ? items.length === 0 : items.length === 1);
  const searchInfo = body.QualificationConfirmSearchInfo;
  const search = typeof searchInfo === 'object' && searchInfo !== null ? (searchInfo as Tree) : null;
  const sp = [...bp, 'QualificationConfirmSearchInfo'];
  if (result === 'not-found' && search !== null) {
    // the queried coverage, as the query echo names it
    const queried: ObservedCoverage = {
      id: 't1',
      ...insurer(search, sp),
      symbol: null,
      number: null,
      branch: null,
      acquiredOn: null,
      ratio: null,
      elderlyCard: null,
      limitCategory: null,
      limitOnFile: true,
      role: null,
      filedOn: null,
      myNumberOnForm: true,
    };
    return {
      route,
      visitDate,
      birthDate: date(search, 'Birthdate', sp),
      coverages: [queried],
      shown: [{ id: 't1', insurerName: null, personalFamily: null, lastDay: null }],
      cardResult: null,
      numberResult: result,
    };
  }
  return {
    route,
    visitDate,
    birthDate: birthDate ?? (search ? date(search, 'Birthdate', sp) : null),
    coverages: read.map((x) => x.coverage),
    shown: read.map((x) => x.shown),
    cardResult: null,
    numberResult: result,
  };
}

/**
 * A result file's bytes → what the terminal showed. `source` names the file in errors. Throws
 * AppError('invalid-input') naming the element; returns nothing in part.
 */
export function readResultFile(bytes: Uint8Array, source: string): TerminalAnswer {
  const limits = { source, maxBytes: RESULT_MAX_BYTES, lists: [RESULT_PATH] };
  const tree = parseXml(decodeXml(bytes, limits), limits);
  try {
    return answer(tree, source);
  } catch (e) {
    if (!(e instanceof Damaged)) throw e;
    const at = e.path.join('.');
    throw new AppError(
      'invalid-input',
      `${source}: 照会結果の「${jaPath(e.path)}」${e.ja}`,
      `${source}: ${at} ${e.en}`,
      { element: at },
    );
  }
}
