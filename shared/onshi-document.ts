// The national online check's result document (オンライン資格確認 照会結果) in its JSON form: the
// element names and code values of domain-research.md §7 — `XmlMsg` → `MessageHeader` and
// `MessageBody` with a `ResultList` of `{ ResultOfQualificationConfirmation }`. Dates are
// yyyyMMdd, times yyyyMMddHHmmss, every code a string; optional elements are left out (never
// null). Built by electron/backend/onshi/document.ts, shown by the desk's result panel: both read
// these types, so the screen needs no guard of its own on the fields.

import type { LimitCategory } from './enums';

/** OQSCD012 限度額適用区分: the category's code in LimitApplicationCertificateClassificationFlag. */
export const LIMIT_FLAG: Record<LimitCategory, string> = {
  ア: 'A01',
  イ: 'A02',
  ウ: 'A03',
  エ: 'A04',
  オ: 'A05',
  現役並みⅢ: 'B01',
  現役並みⅡ: 'B02',
  現役並みⅠ: 'B03',
  一般: 'B04',
  低所得Ⅱ: 'B05',
  低所得Ⅰ: 'B06',
};

/** OQSCD012: every 適用区分 → the rule book's 限度額区分; (境) and (老福) variants are their bracket. */
export const LIMIT_OF_FLAG: Readonly<Record<string, LimitCategory>> = {
  ...Object.fromEntries(Object.entries(LIMIT_FLAG).map(([category, flag]) => [flag, category as LimitCategory])),
  A06: 'オ', // オ(境)
  B07: '低所得Ⅰ', // 低所得Ⅰ(老福)
  B08: '低所得Ⅰ', // 低所得Ⅰ(境)
  B09: '一般', // 一般Ⅱ (後期)
  B10: '一般', // 一般Ⅰ (後期)
};

/** 資格喪失事由 (ReasonOfLoss) as the simulated system writes it: 03 医療保険等の資格取得, 99 その他. */
export const REASON_OF_LOSS_JA: Record<string, string> = { '03': '他の医療保険等の資格取得', '99': 'その他' };

/** OQSCD006 資格有効性: 1 有効, 2 無効, 3 無効 (新しい資格あり), 4 該当資格なし, 5 複数該当 */
export type QualificationValidityCode = '1' | '2' | '3' | '4' | '5';

interface ElderlyRecipientCertificateInfo {
  ElderlyRecipientCertificateDate: string;
  ElderlyRecipientValidStartDate: string;
  ElderlyRecipientValidEndDate: string;
  ElderlyRecipientContributionRatio: string;
}

interface LimitApplicationCertificateRelatedInfo {
  LimitApplicationCertificateClassification: string;
  LimitApplicationCertificateClassificationFlag: string;
  LimitApplicationCertificateDate: string;
  LimitApplicationCertificateValidStartDate: string;
  LimitApplicationCertificateValidEndDate: string;
}

export interface ResultOfQualificationConfirmation {
  InsuredCardClassification: string;
  Name: string;
  NameKana: string;
  /** 1 男, 2 女, 3 未設定 */
  Sex1: string;
  Birthdate: string;
  InsurerName: string;
  InsurerNumber: string;
  InsuredCardSymbol?: string;
  InsuredIdentificationNumber: string;
  InsuredBranchNumber?: string;
  /** 1 本人, 2 家族 */
  PersonalFamilyClassification: string;
  InsuredCardValidDate: string;
  InsuredCardExpirationDate?: string;
  /** per mille: 030 = 3割 */
  InsuredPartialContributionRatio: string;
  /** 1 未就学 */
  PreschoolClassification?: string;
  ReasonOfLoss?: string;
  ElderlyRecipientCertificateInfo?: ElderlyRecipientCertificateInfo;
  LimitApplicationCertificateRelatedConsFlg?: string;
  LimitApplicationCertificateRelatedConsTime?: string;
  LimitApplicationCertificateRelatedInfo?: LimitApplicationCertificateRelatedInfo;
}

export interface QualificationConfirmSearchInfo {
  InsurerNumber: string;
  InsuredCardSymbol?: string;
  InsuredIdentificationNumber: string;
  InsuredBranchNumber?: string;
  Birthdate: string;
  LimitApplicationCertificateRelatedConsFlg: string;
}

export interface OnshiDocument {
  XmlMsg: {
    MessageHeader: {
      ProcessExecutionTime: string;
      QualificationConfirmationDate: string;
      MedicalInstitutionCode: string;
      /** echoed from a 連携 folder request (医療機関ごとに使用できる任意の識別子) */
      ArbitraryFileIdentifier?: string;
      /** 1 マイナンバーカード, 2 被保険者証等の記号・番号 */
      ReferenceClassification: '1' | '2';
      SegmentOfResult: string;
      ErrorCode: string;
      ErrorMessage: string;
      CharacterCodeIdentifier: string;
    };
    MessageBody: {
      ProcessingResultStatus: string;
      QualificationValidity: QualificationValidityCode;
      ResultList: Array<{ ResultOfQualificationConfirmation: ResultOfQualificationConfirmation }>;
      QualificationConfirmSearchInfo?: QualificationConfirmSearchInfo;
    };
  };
}

/**
 * An error result (SegmentOfResult 9 異常終了): the header names the error, the body carries only
 * ProcessingResultStatus 2 (エラー). The 連携 folder's error codes are the simulator's own
 * (`SKD-…`, README): the national code table (処理結果コード) is not public.
 */
export interface OnshiErrorDocument {
  XmlMsg: {
    MessageHeader: Omit<OnshiDocument['XmlMsg']['MessageHeader'], 'SegmentOfResult'> & { SegmentOfResult: '9' };
    MessageBody: { ProcessingResultStatus: '2' };
  };
}

/** What the desk's query returned: which route reached the national system, and its document (null: none did). */
export interface OnlineResult {
  route: 'card' | 'number' | null;
  result: OnshiDocument | null;
}
