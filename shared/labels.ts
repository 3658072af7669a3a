// Japanese words for the engine's codes: ONE table per enumeration of shared/enums.ts, for every
// place that shows them — the explanations, the screens (renderer/src/labels.ts adds only
// presentation: keys, hints, symbols, longer sentences), the history and progress CSV exports.
// Pure TypeScript.
import type { IsoDate } from './dates';
import type { PatientPays } from './decision';
import {
  type BackupKind,
  type Billing,
  type CardRouteResult,
  type Cause,
  type CertGraceBasis,
  type CheckFailure,
  type CopayBasis,
  type CoverageRole,
  type DocumentKind,
  type ElderlyCardHandling,
  type Incident,
  type Insurer,
  type LimitCategory,
  type NeededDocument,
  type Note,
  type NumberRouteResult,
  type PhoneOs,
  type PolicyKey,
  type PortalForm,
  type PortalScreenshotOption,
  type PrefectureCode,
  type PublicExpenseBasis,
  type PublicExpenseProgram,
  type PublicExpenseReason,
  type RousaiWithoutFormOption,
  type Sex,
  type Verdict,
  type VisitType,
  type WelfareRouteResult,
  CERT_GRACE_BASES,
  PORTAL_SCREENSHOT_OPTIONS,
  ROUSAI_WITHOUT_FORM_OPTIONS,
} from './enums';
import { DEFAULT_POLICY, LAG_LIMITS, type Policy, SMARTPHONE_START } from './timeline';
import { formatWareki } from './wareki';

/** 負担割合 in 割 (30 → 3割, 100 → 10割, 0 → 負担なし). */
export const copayWari = (percent: number): string => (percent === 0 ? '負担なし' : `${percent / 10}割`);

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** What the patient pays at the desk, in words: 「窓口負担 0円」「1回200円」「2割 (月額上限 10,000円まで)」「10割を預かり金として」. */
export function patientPaysJa(p: PatientPays): string {
  if (p.deposit) return '10割を預かり金として';
  if (p.capReached) return '今月の上限額に達しているため窓口負担 0円';
  if (p.percent === 0) return p.perVisitYen !== null ? `1回${yen(p.perVisitYen)}` : '窓口負担 0円';
  const cap = p.monthlyCapYen !== null ? ` (月額上限 ${yen(p.monthlyCapYen)}まで)` : '';
  return `${copayWari(p.percent)}${cap}`;
}

/** 判定, in words. */
export const VERDICT_JA: Record<Verdict, string> = {
  insured: '保険で受付',
  'insured-interim': '保険で受付 (暫定)',
  'insured-declaration': '保険で受付 (申立て)',
  'self-pay': '自費 (10割)',
  'public-assistance': '医療扶助 (生活保護)',
  'workers-comp': '労災保険',
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
  'kohi-cert': '受給者証・医療証',
  'medical-ticket': '医療券',
  'rousai-form': '労災の請求書 (様式第5号・第16号の3)',
};

/**
 * The 限度額 certificate's name for a 区分: the 住民税非課税 brackets (オ, 低所得Ⅱ, 低所得Ⅰ) hold a
 * 限度額適用・標準負担額減額認定証 (it also lowers the meal cost), everyone else a 限度額適用認定証.
 */
export function limitCertJa(category: LimitCategory | null): string {
  return category === 'オ' || category === '低所得Ⅱ' || category === '低所得Ⅰ'
    ? '限度額適用・標準負担額減額認定証'
    : DOCUMENT_JA['limit-cert'];
}

/** まだ必要な書類. */
export const NEEDED_JA: Record<NeededDocument, string> = {
  'elderly-card': DOCUMENT_JA['elderly-card'],
  declaration: DOCUMENT_JA.declaration,
  'limit-cert': DOCUMENT_JA['limit-cert'],
  'kakunin-with-limit': '限度区分が記載された資格確認書',
  'kohi-cert': DOCUMENT_JA['kohi-cert'],
  'medical-ticket': DOCUMENT_JA['medical-ticket'],
  'rousai-form': DOCUMENT_JA['rousai-form'],
};

/** 負担割合の根拠, short (the screen adds 「による」). */
export const COPAY_BASIS_JA: Record<CopayBasis, string> = {
  online: 'オンライン資格確認の結果',
  document: '提示された書類',
  'elderly-card': '高齢受給者証',
  declared: '患者の申立て',
  provisional: '高齢受給者証の確認まで仮に3割',
  'self-pay': '全額自己負担',
  'public-assistance': '医療扶助',
  'workers-comp': '労災保険',
};

/** 請求. */
export const BILLING_JA: Record<Billing, string> = {
  normal: '通常の請求',
  'old-qualification': '旧資格で請求',
  recheck: '後日あらためて資格確認してから請求',
  none: '保険請求なし',
  'public-assistance': '医療扶助として請求',
  'workers-comp': '労災保険に請求',
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

/** 医療扶助のオンライン資格確認 (R24), in a record that tells every result apart. */
export const WELFARE_ROUTE_JA: Record<WelfareRouteResult, string> = {
  'not-run': ONLINE_STATUS_JA.none,
  valid: '医療券情報あり',
  'not-found': '医療券情報なし (未登録)',
  failed: '照会できず',
};

/** Why the online check could not be made (`no-phone-reader` before 2025-09-19: see failureJa). */
export const FAILURE_JA: Record<CheckFailure, string> = {
  'reader-failure': '顔認証付きカードリーダーの故障',
  'network-outage': 'ネットワーク障害',
  'no-phone-reader': 'スマホ用の汎用カードリーダーがない',
  'not-registered': 'マイナ保険証の利用登録がない',
  'cert-expired': '電子証明書の有効期限切れ',
};

/**
 * Why the online check could not be made on a visit day. R14's `no-phone-reader` has two causes:
 * before SMARTPHONE_START the smartphone マイナ保険証 cannot be used at all, whatever the reader.
 */
export function failureJa(failure: CheckFailure, visitDate: IsoDate): string {
  if (failure === 'no-phone-reader' && visitDate < SMARTPHONE_START)
    return `スマホのマイナ保険証は${formatWareki(SMARTPHONE_START)}から利用開始`;
  return FAILURE_JA[failure];
}

/** 注記, short (the screen explains each in a sentence). */
export const NOTE_JA: Record<Note, string> = {
  'insurer-may-reclaim': '保険者が給付分を返還請求する可能性あり',
  'return-patient-discretion': '再診患者は医療機関の判断で通常負担も可',
  'cert-grace': '電子証明書の猶予期間で確認',
  'holiday-data-estimate': '祝日データの範囲外を含む推定',
  'claim-may-be-returned': '資格喪失の登録前: 請求が返戻される可能性あり',
  'workers-comp-refund': '労働基準監督署に療養の費用を請求',
  'third-party-notice': '第三者行為による傷病届を保険者へ',
  'call-welfare-office': '福祉事務所に連絡して医療券を確認',
  'kohi-refund': '医療証の分は市区町村に払い戻しを申請',
};

/** 「お仕事中・通勤中のけがですか」 (R25), as the receptionist asks it. */
export const CAUSE_JA: Record<Cause, string> = {
  illness: 'いいえ',
  work: '仕事中のけが',
  commute: '通勤中のけが',
  traffic: '交通事故のけが',
};

/** 本人・家族の別 (R26). */
export const COVERAGE_ROLE_JA: Record<CoverageRole, string> = { insured: '本人', dependent: '家族 (被扶養者)' };

/** Each public programme's name (R21, R22; 医療扶助 R24). */
export const PROGRAM_JA: Record<PublicExpenseProgram, string> = {
  nanbyo: '特定医療費 (指定難病)',
  shoman: '小児慢性特定疾病',
  seishin: '自立支援医療 (精神通院)',
  kousei: '自立支援医療 (更生医療)',
  ikusei: '自立支援医療 (育成医療)',
  child: '子ども医療費助成',
  'single-parent': 'ひとり親家庭等医療費助成',
  disability: '重度心身障害者医療費助成',
  welfare: '医療扶助 (生活保護)',
};

/** How a public share was confirmed. */
export const PUBLIC_EXPENSE_BASIS_JA: Record<PublicExpenseBasis, string> = {
  document: '受給者証・医療証で確認',
  pmh: 'PMH で確認 (紙は不要)',
  online: 'オンライン資格確認で確認',
  pending: '福祉事務所に確認中',
};

/** Why a programme was not applied. */
export const PUBLIC_EXPENSE_REASON_JA: Record<PublicExpenseReason, string> = {
  'not-valid': '有効期間外',
  'not-designated': '指定医療機関ではない',
  'other-prefecture': '都道府県外では使えない',
  'not-presented': '受給者証・医療証の提示なし',
  'not-insured': '保険診療ではない',
};

/** The 47 prefectures by JIS X 0401 code (R22: a 医療証 is used inside its prefecture). */
export const PREFECTURE_JA: Record<PrefectureCode, string> = {
  '01': '北海道',
  '02': '青森県',
  '03': '岩手県',
  '04': '宮城県',
  '05': '秋田県',
  '06': '山形県',
  '07': '福島県',
  '08': '茨城県',
  '09': '栃木県',
  '10': '群馬県',
  '11': '埼玉県',
  '12': '千葉県',
  '13': '東京都',
  '14': '神奈川県',
  '15': '新潟県',
  '16': '富山県',
  '17': '石川県',
  '18': '福井県',
  '19': '山梨県',
  '20': '長野県',
  '21': '岐阜県',
  '22': '静岡県',
  '23': '愛知県',
  '24': '三重県',
  '25': '滋賀県',
  '26': '京都府',
  '27': '大阪府',
  '28': '兵庫県',
  '29': '奈良県',
  '30': '和歌山県',
  '31': '鳥取県',
  '32': '島根県',
  '33': '岡山県',
  '34': '広島県',
  '35': '山口県',
  '36': '徳島県',
  '37': '香川県',
  '38': '愛媛県',
  '39': '高知県',
  '40': '福岡県',
  '41': '佐賀県',
  '42': '長崎県',
  '43': '熊本県',
  '44': '大分県',
  '45': '宮崎県',
  '46': '鹿児島県',
  '47': '沖縄県',
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

export const ROUSAI_WITHOUT_FORM_JA: Record<RousaiWithoutFormOption, string> = {
  deposit: '10割を預かり金として受け取る',
  'no-charge': '様式が届くまで請求しない',
};

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
  rousaiWithoutForm: {
    ja: '労災の様式がまだない患者の窓口負担',
    why: '多くの医療機関は10割を預かり金として受け取り、様式が届いたら返す。様式を待って請求しない医療機関もある。',
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
    case 'rousaiWithoutForm':
      return ROUSAI_WITHOUT_FORM_JA[value as RousaiWithoutFormOption];
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
          : key === 'rousaiWithoutForm'
            ? ROUSAI_WITHOUT_FORM_OPTIONS.map((v) => ROUSAI_WITHOUT_FORM_JA[v])
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
