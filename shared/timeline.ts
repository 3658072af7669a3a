// RULES.md section T (timeline constants) and section P (policy settings with their defaults).
import type { IsoDate } from './dates';

export const REFORM: IsoDate = '2024-12-02';
export const LEGACY_LAST: IsoDate = '2025-12-01';
export const KOUKI_LEGACY_END: IsoDate = '2025-07-31';
export const INTERIM_START_KOKUHO_KOUKI: IsoDate = '2025-08-01';
export const INTERIM_START_OTHERS: IsoDate = '2025-12-02';
export const KOUKI_ALL_KAKUNIN_END: IsoDate = '2026-07-31';
export const KOUKI_OSHIRASE_START: IsoDate = '2026-08-01';
export const SMARTPHONE_START: IsoDate = '2025-09-19';
/** 後期 限度額適用認定証 no longer issued from the reform (R13). */
export const KOUKI_LIMIT_CERT_END: IsoDate = REFORM;

export type Insurer = 'kyokai' | 'kumiai' | 'kyosai' | 'senin' | 'kokuho' | 'kouki';
export const INSURERS = ['kyokai', 'kumiai', 'kyosai', 'senin', 'kokuho', 'kouki'] as const;
export const INSURER_JA: Record<Insurer, string> = {
  kyokai: '協会けんぽ',
  kumiai: '健康保険組合',
  kyosai: '共済組合',
  senin: '船員保険',
  kokuho: '国民健康保険',
  kouki: '後期高齢者医療',
};
/** 被用者保険 (employee insurance). */
export function isEmployeeInsurance(insurer: Insurer): boolean {
  return insurer !== 'kokuho' && insurer !== 'kouki';
}

export function interimStart(insurer: Insurer): IsoDate {
  return insurer === 'kokuho' || insurer === 'kouki' ? INTERIM_START_KOKUHO_KOUKI : INTERIM_START_OTHERS;
}

export interface Policy {
  interimEnd: IsoDate;
  interimEmployeeFromExpiry: boolean;
  interimNeedsOnlineCheck: boolean;
  certGraceBasis: 'month-end' | 'expiry-date';
  portalScreenshot: 'reject' | 'accept';
  lagWithMyNumber: number;
  lagWithoutMyNumber: number;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  interimEnd: '2026-07-31',
  interimEmployeeFromExpiry: false,
  interimNeedsOnlineCheck: true,
  certGraceBasis: 'month-end',
  portalScreenshot: 'reject',
  lagWithMyNumber: 5,
  lagWithoutMyNumber: 15,
});

/** The business days each 資格情報の反映 lag may be set to (RULES.md section P). */
export const LAG_LIMITS = {
  lagWithMyNumber: { min: 2, max: 5 },
  lagWithoutMyNumber: { min: 0, max: 250 },
} as const satisfies Record<'lagWithMyNumber' | 'lagWithoutMyNumber', { min: number; max: number }>;

/** What each policy setting switches, for the settings screen and trainers (RULES.md section P). */
export const POLICY_INFO: Record<keyof Policy, { ja: string; why: string; options: string }> = {
  interimEnd: {
    ja: '暫定的な取扱いの終了日',
    why: '厚労省事務連絡(2025-11-12)は2026-03-31。2026-03-19に大臣が2026-07-31までの延長を表明(報道のみ。お知らせのみの患者も対象かは未確認)。',
    options: '2026-07-31 (既定) / 2026-03-31',
  },
  interimEmployeeFromExpiry: {
    ja: '被用者保険の保険証: 印字の有効期限の翌日から暫定取扱い',
    why: '6/27のQ&Aは期限切れの保険証一般を扱い、11/12の通知は被用者保険を2025-12-02からとしている。',
    options: 'いいえ (既定) / はい',
  },
  interimNeedsOnlineCheck: {
    ja: '暫定取扱いにオンライン資格確認が必要',
    why: '暫定取扱いの「照会するなど」は、オン資のない医療機関での扱いがあいまい。既定は慎重な読み方。',
    options: 'はい (既定) / いいえ (保険者への照会などで確認)',
  },
  certGraceBasis: {
    ja: '電子証明書の期限切れ後の猶予 (3か月) の起点',
    why: '厚労省は「有効期限から3か月」、協会けんぽは「有効期限の月末から3か月」と説明している。',
    options: '月末から (既定) / 有効期限日から',
  },
  portalScreenshot: {
    ja: 'マイナポータルのスクリーンショット・印刷',
    why: '公式に認められているのは「画面 (PDF含む)」のみ。スクリーンショットや印刷物は医療機関の判断。',
    options: '認めない (既定) / 認める',
  },
  lagWithMyNumber: {
    ja: '資格取得届から登録までの営業日数 (マイナンバー記載あり)',
    why: '協会けんぽのリーフレット: マイナンバーを記載した資格取得届の受理後、2〜5営業日程度。',
    options: '5 (既定)、2〜5',
  },
  lagWithoutMyNumber: {
    ja: '資格取得届から登録までの営業日数 (マイナンバー記載なし)',
    why: 'リーフレットは「時間を要する」とのみ記載。日数は未確認。',
    options: '15 (既定)',
  },
};
