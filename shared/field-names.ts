// The Japanese name of every field of the public formats (scenario, pack, decision — SCENARIO.md)
// and of the API contract's requests, so a Japanese message names a field in Japanese
// (「受診日」, not 「visitDate」). The English message keeps the path as written in the file.
// shared/field-names.test.ts checks that every key of those schemas has its name here.
import { POLICY_INFO } from './labels';

export const FIELD_JA: Readonly<Record<string, string>> = {
  // scenario and pack (SCENARIO.md)
  format: '形式',
  id: 'ID',
  title: '題名',
  story: '状況の説明',
  scenarios: '例題',
  visitDate: '受診日',
  visitType: '初診・再診',
  needsLimit: '限度額の確認',
  limitConsent: '限度額情報の提供への同意',
  clinic: '医療機関の状況',
  onlineCheck: 'オンライン資格確認',
  phoneReader: 'スマホ用の汎用カードリーダー',
  incident: '本日の障害',
  patient: '患者',
  birthDate: '生年月日',
  coverages: '保険',
  coverage: '保険',
  insurer: '保険者の種別',
  insurerNumber: '保険者番号',
  insurerName: '保険者名',
  symbol: '記号',
  number: '番号',
  branch: '枝番',
  personalFamily: '本人・家族',
  acquiredOn: '資格取得日',
  lostOn: '資格喪失日',
  registeredOn: 'オンライン資格確認への登録日',
  filedOn: '届出日',
  myNumberOnForm: '届出へのマイナンバーの記載',
  ratio: '負担割合',
  elderlyCard: '高齢受給者証の扱い',
  limitCategory: '限度額区分',
  myna: 'マイナンバーカード',
  insuranceRegistered: '保険証利用登録',
  registerAtDesk: '窓口での利用登録',
  certExpiresOn: '電子証明書の有効期限',
  pinLocked: '暗証番号のロック',
  presented: '提示された書類',
  holdings: '持っている書類',
  kind: '種類',
  os: 'スマホの種類',
  form: '表示の形 (画面・PDF・スクリーンショット)',
  issuedOn: '交付日',
  validFrom: '有効開始日',
  validUntil: '有効期限',
  printedExpiry: '印字された有効期限',
  showsRatio: '負担割合の記載',
  showsLimit: '限度区分の記載',
  category: '区分',
  policy: '運用方針',
  // decision (expected)
  expected: '期待する判定',
  verdict: '判定',
  copayPercent: '負担割合',
  copayBasis: '負担割合の根拠',
  copayProvisional: '仮の負担割合',
  elderlyCardNeeded: '高齢受給者証の要否',
  documentsNeeded: 'まだ必要な書類',
  cardRoute: 'カードでの照会',
  numberRoute: '番号での照会',
  failure: '照会できなかった理由',
  billing: '請求',
  rules: '適用ルール',
  notes: '注記',
  explanation: '説明',
  tellPatient: '患者さんへの説明',
  // registry, desk, history, settings
  name: '氏名',
  kana: 'フリガナ',
  sex: '性別',
  note: 'メモ',
  query: '検索する文字',
  limit: '件数',
  walkIn: '登録のない患者',
  operator: '担当者',
  patientId: '患者ID',
  patientName: '患者の氏名',
  from: '開始日',
  to: '終了日',
  offset: '開始位置',
  replace: '入れ替え',
  clinicName: '医療機関名',
  medicalInstitutionCode: '医療機関コード',
  backup: 'バックアップ',
  // trainer
  packId: 'パック',
  newPackTitle: '新しいパックの名前',
  scenario: '例題',
  scenarioId: '例題のID',
  replaces: '置き換える例題',
  position: '位置',
  index: '位置',
  uploadId: '読み込み中のファイル',
  fileName: 'ファイル名',
  size: '大きさ',
  text: '内容',
  count: '件数',
  traineeId: '研修生',
  traineeName: '研修生の名前',
  sessionId: '練習・試験',
  mode: '区分',
  seed: '出題順の番号',
  shuffle: '出題順を混ぜる',
  examSize: '出題数',
  passMark: '合格点',
  answer: '解答',
  timeMs: '解答にかかった時間',
  ...Object.fromEntries(Object.entries(POLICY_INFO).map(([k, v]) => [k, v.ja])),
};

/**
 * A field's path (patient.coverages[0].insurerNumber, as zod-issues and the validators write it)
 * in Japanese: 「患者 › 保険 (1件目) › 保険者番号」. A key not in the formats (an unknown field the
 * file itself spells) is kept as written.
 */
export function pathJa(path: string): string {
  if (path === '' || path === '(root)') return '全体';
  const parts: string[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) {
      const i = Number(m[2]) + 1;
      if (parts.length === 0) parts.push(`${i}件目`);
      else parts[parts.length - 1] += ` (${i}件目)`;
    } else parts.push(FIELD_JA[m[1]!] ?? m[1]!);
  }
  return parts.join(' › ');
}
