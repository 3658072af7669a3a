// Japanese words for the engine's codes: ONE table per enumeration of shared/enums.ts, for every
// place that shows them — the explanations, the screens (renderer/src/labels.ts adds only
// presentation: keys, hints, symbols, longer sentences), the history and progress CSV exports.
// Pure TypeScript.
import type { IsoDate } from './dates';
import {
  type BackupKind,
  type Billing,
  type CardRouteResult,
  type CertGraceBasis,
  type CheckFailure,
  type CopayBasis,
  type DocumentKind,
  type ElderlyCardHandling,
  type Incident,
  type Insurer,
  type NeededDocument,
  type Note,
  type NumberRouteResult,
  type PhoneOs,
  type PolicyKey,
  type PortalForm,
  type PortalScreenshotOption,
  type Sex,
  type Verdict,
  type VisitType,
  CERT_GRACE_BASES,
  PORTAL_SCREENSHOT_OPTIONS,
} from './enums';
import { DEFAULT_POLICY, LAG_LIMITS, type Policy } from './timeline';
import { formatWareki } from './wareki';

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
  recheck: '後日あらためて資格確認してから請求',
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

/** 本日の障害 (the clinic's situation). */
export const INCIDENT_JA: Record<Incident, string> = {
  none: 'なし',
  'reader-failure': 'カードリーダー故障',
  'network-outage': 'ネットワーク障害',
};

/** 保険者の種別. */
export const INSURER_JA: Record<Insurer, string> = {
  kyokai: '協会けんぽ',
  kumiai: '健康保険組合',
  kyosai: '共済組合',
  senin: '船員保険',
  kokuho: '国民健康保険',
  kouki: '後期高齢者医療',
};

export const VISIT_TYPE_JA: Record<VisitType, string> = { first: '初診', return: '再診 (記録あり)' };

export const PORTAL_FORM_JA: Record<PortalForm, string> = {
  screen: 'スマホでログインした画面',
  pdf: '前に保存した PDF',
  screenshot: 'スクリーンショット・印刷',
};

export const PHONE_OS_JA: Record<PhoneOs, string> = { iphone: 'iPhone', android: 'Android' };

/** Where the 70–74 ratio is printed (R7). */
export const ELDERLY_CARD_JA: Record<ElderlyCardHandling, string> = {
  separate: '別に交付',
  'on-document': '保険証などに印字',
};

export const SEX_JA: Record<Sex, string> = { male: '男', female: '女', unspecified: '—' };

/** はい / いいえ, for yes-or-no settings. */
export const YES_NO_JA = { true: 'はい', false: 'いいえ' } as const;

export const CERT_GRACE_BASIS_JA: Record<CertGraceBasis, string> = {
  'month-end': '有効期限の月末から3か月',
  'expiry-date': '有効期限日から3か月',
};

export const PORTAL_SCREENSHOT_JA: Record<PortalScreenshotOption, string> = { reject: '認めない', accept: '認める' };

/** The alternatives RULES.md section P names for `interimEnd`, the default first. */
const INTERIM_END_CHOICES: readonly IsoDate[] = ['2026-07-31', '2026-03-31'];

/** What each policy setting switches, for the settings screen and trainers (RULES.md section P). */
export const POLICY_INFO: Record<PolicyKey, { ja: string; why: string }> = {
  interimEnd: {
    ja: '暫定的な取扱いの終了日',
    why: '厚労省事務連絡(2025-11-12)は2026-03-31。2026-03-19に大臣が2026-07-31までの延長を表明(報道のみ。お知らせのみの患者も対象かは未確認)。',
  },
  interimEmployeeFromExpiry: {
    ja: '被用者保険の保険証: 印字の有効期限の翌日から暫定取扱い',
    why: '6/27のQ&Aは期限切れの保険証一般を扱い、11/12の通知は被用者保険を2025-12-02からとしている。',
  },
  interimNeedsOnlineCheck: {
    ja: '暫定取扱いにオンライン資格確認が必要',
    why: '暫定取扱いの「照会するなど」は、オン資のない医療機関での扱いがあいまい。既定は慎重な読み方。いいえ: 保険者への照会などで確認したものとします。',
  },
  certGraceBasis: {
    ja: '電子証明書の期限切れ後の猶予 (3か月) の起点',
    why: '厚労省は「有効期限から3か月」、協会けんぽは「有効期限の月末から3か月」と説明している。',
  },
  portalScreenshot: {
    ja: 'マイナポータルのスクリーンショット・印刷',
    why: '公式に認められているのは「画面 (PDF含む)」のみ。スクリーンショットや印刷物は医療機関の判断。',
  },
  lagWithMyNumber: {
    ja: '資格取得届から登録までの営業日数 (マイナンバー記載あり)',
    why: '協会けんぽのリーフレット: マイナンバーを記載した資格取得届の受理後、2〜5営業日程度。',
  },
  lagWithoutMyNumber: {
    ja: '資格取得届から登録までの営業日数 (マイナンバー記載なし)',
    why: 'リーフレットは「時間を要する」とのみ記載。日数は未確認。',
  },
};

/** One policy value in words: 「はい」「有効期限の月末から3か月」「令和8年7月31日」「5営業日」. */
export function policyValueJa<K extends PolicyKey>(key: K, value: Policy[K]): string {
  switch (key) {
    case 'interimEnd':
      return formatWareki(value as IsoDate);
    case 'certGraceBasis':
      return CERT_GRACE_BASIS_JA[value as CertGraceBasis];
    case 'portalScreenshot':
      return PORTAL_SCREENSHOT_JA[value as PortalScreenshotOption];
    case 'lagWithMyNumber':
    case 'lagWithoutMyNumber':
      return `${String(value)}営業日`;
    default:
      return YES_NO_JA[String(value) as 'true' | 'false'];
  }
}

/** The choices of a setting in words, the default first and marked 「(既定)」. */
export function policyChoicesJa(key: PolicyKey): string {
  const d = DEFAULT_POLICY[key];
  const words: string[] =
    key === 'interimEnd'
      ? INTERIM_END_CHOICES.map(formatWareki)
      : key === 'certGraceBasis'
        ? CERT_GRACE_BASES.map((v) => CERT_GRACE_BASIS_JA[v])
        : key === 'portalScreenshot'
          ? PORTAL_SCREENSHOT_OPTIONS.map((v) => PORTAL_SCREENSHOT_JA[v])
          : key === 'lagWithMyNumber' || key === 'lagWithoutMyNumber'
            ? [`${LAG_LIMITS[key].min}〜${LAG_LIMITS[key].max}営業日`]
            : [YES_NO_JA.true, YES_NO_JA.false];
  const byDefault = policyValueJa(key, d);
  return [`${byDefault} (既定)`, ...words.filter((w) => w !== byDefault)].join(' / ');
}

/** How a backup came to be, for the restore screen and the settings. */
export const BACKUP_KIND_JA: Record<BackupKind, string> = {
  daily: '毎日の自動バックアップ',
  'pre-migration': 'アプリ更新前の自動バックアップ',
  manual: '手動で作成したバックアップ',
};
