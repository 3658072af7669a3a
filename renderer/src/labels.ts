// Japanese words the screen uses for the engine's codes. One table per code list.
import type { CardRouteResult, CheckFailure, CopayBasis, DocumentKind, NeededDocument, Note, NumberRouteResult, Verdict } from '../../shared/scenario';

export interface DocumentLabel {
  /** the accessible name of the button: the document's Japanese name */
  name: string;
  /** a second line on the button */
  hint: string;
  /** keyboard shortcut (a single key) */
  key: string;
}

/** One button per document kind (RULES.md "Documents and what each proves"), in shortcut order. */
export const DOCUMENTS: Record<DocumentKind, DocumentLabel> = {
  'myna-card': { name: 'マイナ保険証', hint: 'マイナンバーカード', key: '1' },
  'myna-smartphone': { name: 'スマホのマイナ保険証', hint: 'iPhone・Android', key: '2' },
  'kakunin-sho': { name: '資格確認書', hint: '2024年12月以降に交付', key: '3' },
  'legacy-card': { name: '健康保険証', hint: '2024年12月1日までに発行', key: '4' },
  oshirase: { name: '資格情報のお知らせ', hint: 'マイナ保険証と一緒に', key: '5' },
  mynaportal: { name: 'マイナポータルの資格情報画面', hint: 'スマホの画面・PDF', key: '6' },
  'elderly-card': { name: '高齢受給者証', hint: '70〜74歳の負担割合', key: '7' },
  'limit-cert': { name: '限度額適用認定証', hint: '高額療養費の上限', key: '8' },
  declaration: { name: '被保険者資格申立書', hint: '窓口で記入', key: '9' },
};

export const DOCUMENT_ORDER = Object.keys(DOCUMENTS) as DocumentKind[];

export interface VerdictLabel {
  /** the verdict in words (never color alone) */
  title: string;
  /** what it means for the receptionist, one line */
  sub: string;
  /** a symbol that differs in shape per verdict */
  symbol: string;
}

export const VERDICT_LABELS: Record<Verdict, VerdictLabel> = {
  insured: { title: '保険で受付', sub: '通常どおり保険診療で受け付けます', symbol: '○' },
  'insured-interim': { title: '保険で受付 (暫定)', sub: '暫定的な取扱いで保険診療。次回はマイナ保険証か資格確認書を案内', symbol: '△' },
  'insured-declaration': { title: '保険で受付 (申立て)', sub: '資格は未確認。患者の申立てにより通常の負担割合', symbol: '◇' },
  'self-pay': { title: '自費 (10割)', sub: '資格を確認できないため全額自己負担', symbol: '×' },
};

export const NEEDED_LABELS: Record<NeededDocument, string> = {
  'elderly-card': '高齢受給者証',
  declaration: '被保険者資格申立書 (窓口で記入)',
  'limit-cert': '限度額適用認定証',
  'kakunin-with-limit': '限度区分が記載された資格確認書',
};

/** What the patient should bring next time (the printable slip). */
export const BRING_NEXT_TIME: Partial<Record<NeededDocument, string>> = {
  'elderly-card': '高齢受給者証',
  'limit-cert': '限度額適用認定証',
  'kakunin-with-limit': '限度区分が記載された資格確認書',
};

export const COPAY_BASIS_LABELS: Record<CopayBasis, string> = {
  online: 'オンライン資格確認の結果による',
  document: '提示された書類による',
  'elderly-card': '高齢受給者証による',
  declared: '患者の申立てによる',
  provisional: '高齢受給者証の確認まで仮に3割 (提示されたら差額を精算)',
  'self-pay': '全額自己負担',
};

/** The online check's result screen wording (資格有効 / 資格(無効) / 資格情報なし / 照会できません). */
export type OnlineStatus = 'valid' | 'invalid' | 'not-found' | 'unavailable' | 'none';
export const ONLINE_STATUS_LABELS: Record<OnlineStatus, string> = {
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

export const FAILURE_LABELS: Record<CheckFailure, string> = {
  'reader-failure': '顔認証付きカードリーダーの故障',
  'network-outage': 'ネットワーク障害',
  'no-phone-reader': 'スマホ用の汎用カードリーダーがない',
  'not-registered': 'マイナ保険証の利用登録がない',
  'cert-expired': '電子証明書の有効期限切れ',
};

export const NOTE_LABELS: Record<Note, string> = {
  'insurer-may-reclaim': '資格喪失後の受診だった場合、保険者が給付分 (7〜9割) を患者に請求することがあります。',
  'return-patient-discretion': '再診の患者には、医療機関の判断で通常の負担割合とすることもできます (患者は後で療養費を請求できます)。',
  'cert-grace': '電子証明書の期限切れ後の猶予期間のため資格確認できました。更新を案内してください。',
  'holiday-data-estimate': '祝日データの範囲外の日付を含むため、営業日の計算は推定です。',
};

export const BILLING_LABELS = {
  normal: '通常の請求',
  'old-qualification': '旧資格で請求',
  recheck: '後日あらためて資格確認してから請求',
  none: '保険請求なし',
} as const;

export const INCIDENT_LABELS = {
  none: 'なし',
  'reader-failure': 'カードリーダー故障',
  'network-outage': 'ネットワーク障害',
} as const;

export const SEX_LABELS = { male: '男', female: '女', unspecified: '—' } as const;
