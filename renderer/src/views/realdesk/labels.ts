// 受付ナビ's words and keys, keyed by the enumerations of shared/real-desk/form.ts (the shared
// label tables of shared/labels.ts where they exist). The letter keys are the desk's where they
// mean the same (date, today, 初診/再診, 限度額, incident, copy, print) and distinct from them.
import type { CheckFailure } from '../../../../shared/enums';
import { FAILURE_JA, NUMBER_ROUTE_JA, ONLINE_STATUS_JA } from '../../../../shared/labels';
import type { AgeBand, ChangeAnswer, QueryAnswer, CardScreen } from '../../../../shared/real-desk/form';
import { DESK_KEYS } from '../../labels';

export const REAL_DESK_KEYS = {
  ...DESK_KEYS,
  /** the birth date field */
  birth: 'b',
  /** the age band, in turn */
  ageBand: 'a',
  /** 保険の変更: 聞いていない → 変わっていない → 変わった */
  changed: 'v',
  /** いまの保険's type */
  insurer: 'h',
  /** a terminal's result file (XML): the file dialog */
  resultFile: 'x',
} as const;

/** What the terminal showed: its words, and the key that chooses it. */
export const TERMINAL_LABELS: Record<CardScreen, { ja: string; key: string | null }> = {
  valid: { ja: ONLINE_STATUS_JA.valid, key: 'y' },
  invalid: { ja: ONLINE_STATUS_JA.invalid, key: 'm' },
  'not-found': { ja: ONLINE_STATUS_JA['not-found'], key: 'n' },
  multiple: { ja: '複数該当', key: 'f' },
  'reader-failure': { ja: 'カードリーダー故障', key: 'k' },
  'network-outage': { ja: FAILURE_JA['network-outage'], key: 's' },
  'cert-expired': { ja: '電子証明書の期限切れ', key: 'e' },
  'not-registered': { ja: '利用登録なし', key: 'u' },
  'no-phone-reader': { ja: 'スマホ用のリーダーなし', key: null },
};

/** The failures a reader reports (読み取れない・照会できない). */
export const isFailure = (t: CardScreen): t is CheckFailure =>
  !['valid', 'invalid', 'not-found', 'multiple'].includes(t);

export const terminalOfKey = (key: string): CardScreen | undefined =>
  (Object.keys(TERMINAL_LABELS) as CardScreen[]).find((t) => TERMINAL_LABELS[t].key === key);

export const QUERY_JA: Record<QueryAnswer, string> = {
  none: '照会していない',
  valid: NUMBER_ROUTE_JA.valid,
  invalid: NUMBER_ROUTE_JA.invalid,
  'invalid-new': NUMBER_ROUTE_JA['invalid-new'],
  'not-found': NUMBER_ROUTE_JA['not-found'],
};

export const AGE_BAND_JA: Record<AgeBand, string> = {
  preschool: '小学校入学前',
  under70: '小学生〜69歳',
  elderly: '70〜74歳',
  over75: '75歳以上',
};

export const CHANGE_JA: Record<ChangeAnswer, string> = {
  unknown: '聞いていない',
  no: '変わっていない',
  yes: '変わった',
};
