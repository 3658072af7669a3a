// Japanese words for the engine's codes, one table per code list, for every place that shows them:
// the screen (renderer/src/labels.ts builds its longer wording from these), the history and
// progress CSV exports. Pure TypeScript.
import type {
  Billing,
  CardRouteResult,
  CheckFailure,
  CopayBasis,
  DocumentKind,
  NeededDocument,
  Note,
  NumberRouteResult,
  Verdict,
} from './scenario';

/** 負担割合 in 割 (30 → 3割, 100 → 10割). */
export const copayWari = (percent: number): string => `${percent / 10}割`;

/** 判定, in words. */
export const VERDICT_JA: Record<Verdict, string> = {
  insured: '保険で受付',
  'insured-interim': '保険で受付 (暫定)',
  'insured-declaration': '保険で受付 (申立て)',
  'self-pay': '自費 (10割)',
};

/** Each document's Japanese name (RULES.md "Documents and what each proves"). */
export const DOCUMENT_JA: Record<DocumentKind, string> = {
  'myna-card': 'マイナ保険証',
  'myna-smartphone': 'スマホのマイナ保険証',
  'kakunin-sho': '資格確認書',
  'legacy-card': '健康保険証',
  oshirase: '資格情報のお知らせ',
  mynaportal: 'マイナポータルの資格情報画面',
  'elderly-card': '高齢受給者証',
  'limit-cert': '限度額適用認定証',
  declaration: '被保険者資格申立書',
};

/** まだ必要な書類. */
export const NEEDED_JA: Record<NeededDocument, string> = {
  'elderly-card': DOCUMENT_JA['elderly-card'],
  declaration: DOCUMENT_JA.declaration,
  'limit-cert': DOCUMENT_JA['limit-cert'],
  'kakunin-with-limit': '限度区分が記載された資格確認書',
};

/** 負担割合の根拠, short (the screen adds 「による」). */
export const COPAY_BASIS_JA: Record<CopayBasis, string> = {
  online: 'オンライン資格確認の結果',
  document: '提示された書類',
  'elderly-card': '高齢受給者証',
  declared: '患者の申立て',
  provisional: '高齢受給者証の確認まで仮に3割',
  'self-pay': '全額自己負担',
};

/** 請求. */
export const BILLING_JA: Record<Billing, string> = {
  normal: '通常の請求',
  'old-qualification': '旧資格で請求',
  recheck: '後日資格を確認して請求',
  none: '保険請求なし',
};

/** The online check's result screen wording (資格有効 / 資格(無効) / 資格情報なし / 照会できません). */
export type OnlineStatus = 'valid' | 'invalid' | 'not-found' | 'unavailable' | 'none';
export const ONLINE_STATUS_JA: Record<OnlineStatus, string> = {
  valid: '資格有効',
  invalid: '資格(無効)',
  'not-found': '資格情報なし',
  unavailable: '照会できません',
  none: '照会なし',
};

export function cardRouteStatus(r: CardRouteResult): OnlineStatus {
  switch (r) {
    case 'valid':
    case 'multiple':
      return 'valid';
    case 'invalid':
      return 'invalid';
    case 'not-found':
      return 'not-found';
    case 'failed':
      return 'unavailable';
    case 'not-run':
      return 'none';
  }
}

export function numberRouteStatus(r: NumberRouteResult): OnlineStatus {
  switch (r) {
    case 'valid':
      return 'valid';
    case 'invalid':
    case 'invalid-new':
      return 'invalid';
    case 'not-found':
      return 'not-found';
    case 'not-run':
      return 'none';
  }
}

/** カードでの照会, in a record that tells every result apart (the history export). */
export const CARD_ROUTE_JA: Record<CardRouteResult, string> = {
  'not-run': ONLINE_STATUS_JA.none,
  valid: ONLINE_STATUS_JA.valid,
  multiple: `${ONLINE_STATUS_JA.valid} (複数該当)`,
  invalid: ONLINE_STATUS_JA.invalid,
  'not-found': ONLINE_STATUS_JA['not-found'],
  failed: '照会できず',
};

/** 番号での照会, in a record that tells every result apart (the history export). */
export const NUMBER_ROUTE_JA: Record<NumberRouteResult, string> = {
  'not-run': ONLINE_STATUS_JA.none,
  valid: ONLINE_STATUS_JA.valid,
  invalid: ONLINE_STATUS_JA.invalid,
  'invalid-new': '資格(無効・新しい資格あり)',
  'not-found': ONLINE_STATUS_JA['not-found'],
};

/** Why the online check could not be made. */
export const FAILURE_JA: Record<CheckFailure, string> = {
  'reader-failure': '顔認証付きカードリーダーの故障',
  'network-outage': 'ネットワーク障害',
  'no-phone-reader': 'スマホ用の汎用カードリーダーがない',
  'not-registered': 'マイナ保険証の利用登録がない',
  'cert-expired': '電子証明書の有効期限切れ',
};

/** 注記, short (the screen explains each in a sentence). */
export const NOTE_JA: Record<Note, string> = {
  'insurer-may-reclaim': '保険者が給付分を返還請求する可能性あり',
  'return-patient-discretion': '再診患者は医療機関の判断で通常負担も可',
  'cert-grace': '電子証明書の猶予期間で確認',
  'holiday-data-estimate': '祝日データの範囲外を含む推定',
};
