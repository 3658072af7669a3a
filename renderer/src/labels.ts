// The screen's words for the engine's codes: the shared names (shared/labels.ts) with what the
// screen adds (button hints and shortcuts, a line under the verdict, longer sentences).
import { BILLING_JA, COPAY_BASIS_JA, DOCUMENT_JA, NEEDED_JA, VERDICT_JA } from '../../shared/labels';
import type { CopayBasis, DocumentKind, NeededDocument, Note, Verdict } from '../../shared/scenario';

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
  'myna-card': { name: DOCUMENT_JA['myna-card'], hint: 'マイナンバーカード', key: '1' },
  'myna-smartphone': { name: DOCUMENT_JA['myna-smartphone'], hint: 'iPhone・Android', key: '2' },
  'kakunin-sho': { name: DOCUMENT_JA['kakunin-sho'], hint: '2024年12月以降に交付', key: '3' },
  'legacy-card': { name: DOCUMENT_JA['legacy-card'], hint: '2024年12月1日までに発行', key: '4' },
  oshirase: { name: DOCUMENT_JA.oshirase, hint: 'マイナ保険証と一緒に', key: '5' },
  mynaportal: { name: DOCUMENT_JA.mynaportal, hint: 'スマホの画面・PDF', key: '6' },
  'elderly-card': { name: DOCUMENT_JA['elderly-card'], hint: '70〜74歳の負担割合', key: '7' },
  'limit-cert': { name: DOCUMENT_JA['limit-cert'], hint: '高額療養費の上限', key: '8' },
  declaration: { name: DOCUMENT_JA.declaration, hint: '窓口で記入', key: '9' },
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
  insured: { title: VERDICT_JA.insured, sub: '通常どおり保険診療で受け付けます', symbol: '○' },
  'insured-interim': {
    title: VERDICT_JA['insured-interim'],
    sub: '暫定的な取扱いで保険診療。次回はマイナ保険証か資格確認書を案内',
    symbol: '△',
  },
  'insured-declaration': {
    title: VERDICT_JA['insured-declaration'],
    sub: '資格は未確認。患者の申立てにより通常の負担割合',
    symbol: '◇',
  },
  'self-pay': { title: VERDICT_JA['self-pay'], sub: '資格を確認できないため全額自己負担', symbol: '×' },
};

export const NEEDED_LABELS: Record<NeededDocument, string> = {
  ...NEEDED_JA,
  declaration: `${NEEDED_JA.declaration} (窓口で記入)`,
};

/** What the patient should bring next time (the printable slip). */
export const BRING_NEXT_TIME: Partial<Record<NeededDocument, string>> = {
  'elderly-card': NEEDED_JA['elderly-card'],
  'limit-cert': NEEDED_JA['limit-cert'],
  'kakunin-with-limit': NEEDED_JA['kakunin-with-limit'],
};

const basedOn = (b: CopayBasis) => `${COPAY_BASIS_JA[b]}による`;
export const COPAY_BASIS_LABELS: Record<CopayBasis, string> = {
  online: basedOn('online'),
  document: basedOn('document'),
  'elderly-card': basedOn('elderly-card'),
  declared: basedOn('declared'),
  provisional: `${COPAY_BASIS_JA.provisional} (提示されたら差額を精算)`,
  'self-pay': COPAY_BASIS_JA['self-pay'],
};

export const NOTE_LABELS: Record<Note, string> = {
  'insurer-may-reclaim': '資格喪失後の受診だった場合、保険者が給付分 (7〜9割) を患者に請求することがあります。',
  'return-patient-discretion':
    '再診の患者には、医療機関の判断で通常の負担割合とすることもできます (患者は後で療養費を請求できます)。',
  'cert-grace': '電子証明書の期限切れ後の猶予期間のため資格確認できました。更新を案内してください。',
  'holiday-data-estimate': '祝日データの範囲外の日付を含むため、営業日の計算は推定です。',
};

export const BILLING_LABELS = { ...BILLING_JA, recheck: '後日あらためて資格確認してから請求' };

export const INCIDENT_LABELS = {
  none: 'なし',
  'reader-failure': 'カードリーダー故障',
  'network-outage': 'ネットワーク障害',
} as const;

export const SEX_LABELS = { male: '男', female: '女', unspecified: '—' } as const;
