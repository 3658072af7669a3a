// What the screen adds to the shared names of shared/labels.ts, keyed by the same enumerations:
// button hints and shortcuts, a line and a symbol under the verdict, longer sentences. No name
// table of its own.
import {
  type CopayBasis,
  DOCUMENT_KINDS,
  type DocumentKind,
  type NeededDocument,
  type Note,
  type Verdict,
} from '../../shared/enums';
import { COPAY_BASIS_JA, DOCUMENT_JA, NEEDED_JA, VERDICT_JA } from '../../shared/labels';

export interface DocumentLabel {
  /** the accessible name of the button: the document's Japanese name */
  name: string;
  /** a second line on the button */
  hint: string;
  /** keyboard shortcut (a single key) */
  key: string;
}

/** A second line on each document's button. */
const DOCUMENT_HINTS: Record<DocumentKind, string> = {
  'myna-card': 'マイナンバーカード',
  'myna-smartphone': 'iPhone・Android',
  'kakunin-sho': '2024年12月以降に交付',
  'legacy-card': '2024年12月1日までに発行',
  oshirase: 'マイナ保険証と一緒に',
  mynaportal: 'スマホの画面・PDF',
  'elderly-card': '70〜74歳の負担割合',
  'limit-cert': '高額療養費の上限',
  declaration: '窓口で記入',
  'kohi-cert': '難病・小児慢性・子ども医療証など',
  'medical-ticket': '生活保護 (福祉事務所から)',
  'rousai-form': '様式第5号・第16号の3',
};

/**
 * The documents the desk offers as buttons, in the canonical order, keys 1–9. The version-2
 * documents (受給者証・医療証, 医療券, 労災の様式) get their buttons with the desk's next step.
 */
export const DESK_DOCUMENT_KINDS = DOCUMENT_KINDS.slice(0, 9);

/** Each document kind's name and hint; a desk button's shortcut is its position (1–9), else none. */
export const DOCUMENTS = Object.fromEntries(
  DOCUMENT_KINDS.map((k, i) => [
    k,
    { name: DOCUMENT_JA[k], hint: DOCUMENT_HINTS[k], key: i < DESK_DOCUMENT_KINDS.length ? String(i + 1) : '' },
  ]),
) as Record<DocumentKind, DocumentLabel>;

/** The document a key hands over (its shortcut), if any. */
export const documentOfKey = (key: string): DocumentKind | undefined =>
  DESK_DOCUMENT_KINDS.find((k) => DOCUMENTS[k].key === key);

/**
 * The desk's letter keys (pressed while no text field has the focus; shown beside their controls):
 * one key each for the visit's other inputs and the answer's actions.
 */
export const DESK_KEYS = {
  /** the visit date field */
  date: 'd',
  /** the visit date = today */
  today: 't',
  /** 初診 ⇄ 再診 */
  visitType: 'r',
  /** 限度額の適用 on / off */
  limit: 'l',
  /** today's incident: なし → カードリーダー故障 → ネットワーク障害 → なし */
  incident: 'i',
  /** the walk-in form */
  walkIn: 'w',
  /** copy what to tell the patient */
  copy: 'c',
  /** print the patient's slip */
  print: 'p',
  /** print the 被保険者資格申立書 filled in with what the desk knows (when the decision asks for it) */
  declaration: 'm',
} as const;

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
  'public-assistance': {
    title: VERDICT_JA['public-assistance'],
    sub: '生活保護の医療扶助で受付。窓口負担なし',
    symbol: '◎',
  },
  'workers-comp': { title: VERDICT_JA['workers-comp'], sub: '仕事中・通勤中のけが。健康保険は使わない', symbol: '☆' },
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
  'public-assistance': basedOn('public-assistance'),
  'workers-comp': basedOn('workers-comp'),
};

export const NOTE_LABELS: Record<Note, string> = {
  'insurer-may-reclaim': '資格喪失後の受診だった場合、保険者が給付分 (7〜9割) を患者に請求することがあります。',
  'return-patient-discretion':
    '再診の患者には、医療機関の判断で通常の負担割合とすることもできます (患者は後で療養費を請求できます)。',
  'cert-grace': '電子証明書の期限切れ後の猶予期間のため資格確認できました。更新を案内してください。',
  'holiday-data-estimate': '祝日データの範囲外の日付を含むため、営業日の計算は推定です。',
  'claim-may-be-returned':
    '資格喪失の登録前でオンライン資格確認は有効と表示しましたが、実際には喪失済みでした。請求が返戻され、新しい保険者に請求し直すことがあります。',
  'workers-comp-refund': '労災指定医療機関ではないため、患者は労働基準監督署に療養の費用を請求します。',
  'third-party-notice':
    '交通事故など第三者の行為によるけがです。保険者への「第三者行為による傷病届」を案内してください。',
  'call-welfare-office':
    '医療券を確認できないため、福祉事務所に連絡してください (医療扶助なので窓口負担はありません)。',
  'kohi-refund': '医療証を使えなかった分は、患者が市区町村に払い戻しを申請できます。',
};
