// History export for Excel: UTF-8 with a BOM (so Excel detects the encoding), CRLF line ends,
// Japanese headers, RFC 4180 quoting, and a guard against formula injection (a cell that starts
// with = + - @ is prefixed with an apostrophe). The streaming version writes page by page to a
// temporary file and renames it at the end: never a partial export under the final name.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Billing, CardRouteResult, CheckFailure, CopayBasis, NeededDocument, Note, NumberRouteResult, Verdict } from '../../../shared/scenario';
import { fromSystemError } from '../errors';
import type { HistoryFilter, HistoryMode, HistoryRecord, HistoryRepository } from './repository';

export const BOM = '\uFEFF';
const EOL = '\r\n';

export const HISTORY_CSV_HEADERS = [
  '日時',
  '受診日',
  '区分',
  '担当者',
  '患者ID',
  '患者',
  '判定',
  '負担割合',
  '負担割合の根拠',
  '請求',
  'カードでの照会',
  '番号での照会',
  '照会できなかった理由',
  '適用ルール',
  '必要な書類',
  '注記',
  'シナリオID',
  '説明',
] as const;

const MODE_JA: Record<HistoryMode, string> = { desk: '窓口', trainer: '研修' };
const VERDICT_JA: Record<Verdict, string> = {
  insured: '保険で受付',
  'insured-interim': '保険で受付 (暫定)',
  'insured-declaration': '保険で受付 (申立て)',
  'self-pay': '自費 (10割)',
};
const BASIS_JA: Record<CopayBasis, string> = {
  online: 'オンライン資格確認の結果',
  document: '提示された書類',
  'elderly-card': '高齢受給者証',
  declared: '患者の申立て',
  provisional: '高齢受給者証の確認まで仮に3割',
  'self-pay': '全額自己負担',
};
const BILLING_JA: Record<Billing, string> = {
  normal: '通常の請求',
  'old-qualification': '旧資格で請求',
  recheck: '後日資格を確認して請求',
  none: '保険請求なし',
};
const CARD_ROUTE_JA: Record<CardRouteResult, string> = {
  'not-run': '照会なし',
  valid: '資格有効',
  multiple: '資格有効 (複数該当)',
  invalid: '資格(無効)',
  'not-found': '資格情報なし',
  failed: '照会できず',
};
const NUMBER_ROUTE_JA: Record<NumberRouteResult, string> = {
  'not-run': '照会なし',
  valid: '資格有効',
  invalid: '資格(無効)',
  'invalid-new': '資格(無効・新しい資格あり)',
  'not-found': '資格情報なし',
};
const FAILURE_JA: Record<CheckFailure, string> = {
  'reader-failure': '顔認証付きカードリーダーの故障',
  'network-outage': '回線の障害',
  'no-phone-reader': 'スマホ用の汎用カードリーダーがない',
  'not-registered': '保険証の利用登録がされていない',
  'cert-expired': '電子証明書の有効期限切れ',
};
const NEEDED_JA: Record<NeededDocument, string> = {
  'elderly-card': '高齢受給者証',
  declaration: '被保険者資格申立書',
  'limit-cert': '限度額適用認定証',
  'kakunin-with-limit': '限度区分が記載された資格確認書',
};
const NOTE_JA: Record<Note, string> = {
  'insurer-may-reclaim': '保険者が給付分を返還請求する可能性あり',
  'return-patient-discretion': '再診患者は医療機関の判断で通常負担も可',
  'cert-grace': '電子証明書の猶予期間で確認',
  'holiday-data-estimate': '祝日データの範囲外を含む推定',
};

/** One CSV cell: quoted when needed, formula-looking text neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const copayJa = (p: number, provisional: boolean) => (p === 100 ? '10割 (自費)' : `${p / 10}割${provisional ? ' (仮)' : ''}`);

export function historyCsvRow(r: HistoryRecord): string {
  const d = r.decision;
  const cells = [
    r.at.slice(0, 19).replace('T', ' '),
    r.visitDate,
    MODE_JA[r.mode],
    r.operator,
    r.patientId,
    r.patientName,
    VERDICT_JA[d.verdict] ?? d.verdict,
    copayJa(d.copayPercent, d.copayProvisional),
    BASIS_JA[d.copayBasis] ?? d.copayBasis,
    BILLING_JA[d.billing] ?? d.billing,
    CARD_ROUTE_JA[d.onlineCheck.cardRoute] ?? d.onlineCheck.cardRoute,
    NUMBER_ROUTE_JA[d.onlineCheck.numberRoute] ?? d.onlineCheck.numberRoute,
    d.onlineCheck.failure ? (FAILURE_JA[d.onlineCheck.failure] ?? d.onlineCheck.failure) : '',
    d.rules.join(' '),
    d.documentsNeeded.map((x) => NEEDED_JA[x] ?? x).join('・'),
    d.notes.map((x) => NOTE_JA[x] ?? x).join('・'),
    r.scenarioId,
    d.explanation,
  ];
  return cells.map(csvCell).join(',') + EOL;
}

export const historyCsvHeader = () => BOM + HISTORY_CSV_HEADERS.map(csvCell).join(',') + EOL;

function* counted(repo: HistoryRepository, filter: HistoryFilter, chunkRows: number): Generator<{ text: string; rows: number }> {
  yield { text: historyCsvHeader(), rows: 0 };
  let buf: string[] = [];
  for (const r of repo.records(filter)) {
    buf.push(historyCsvRow(r));
    if (buf.length >= chunkRows) {
      yield { text: buf.join(''), rows: buf.length };
      buf = [];
    }
  }
  if (buf.length) yield { text: buf.join(''), rows: buf.length };
}

/** The export as chunks of text: the BOM and header first, then `chunkRows` rows per chunk. */
export function* historyCsvChunks(repo: HistoryRepository, filter: HistoryFilter = {}, chunkRows = 500): Generator<string> {
  for (const c of counted(repo, filter, chunkRows)) yield c.text;
}

/** The whole export in memory (for the API call that returns the text). */
export function historyCsv(repo: HistoryRepository, filter: HistoryFilter = {}): { csv: string; rows: number } {
  let rows = 0;
  const parts: string[] = [historyCsvHeader()];
  for (const r of repo.records(filter)) {
    parts.push(historyCsvRow(r));
    rows += 1;
  }
  return { csv: parts.join(''), rows };
}

/** `shikaku-history-20260120.csv` style name for downloads. */
export function historyCsvFileName(filter: HistoryFilter, today: string): string {
  const range = filter.from || filter.to ? `${filter.from ?? ''}_${filter.to ?? ''}` : today;
  return `shikaku-history-${range.replace(/[^0-9_]/g, '')}.csv`;
}

/**
 * Streams the export to a file: writes to `<file>.partial` with back-pressure, yielding to the
 * event loop between chunks, then renames. Returns the number of rows and bytes.
 */
export async function writeHistoryCsv(repo: HistoryRepository, filter: HistoryFilter, file: string): Promise<{ rows: number; bytes: number }> {
  const partial = `${file}.partial`;
  let rows = 0;
  let bytes = 0;
  const out = fs.createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    for (const { text, rows: n } of counted(repo, filter, 500)) {
      rows += n;
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
      else await new Promise((r) => setImmediate(r));
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    return { rows, bytes };
  } catch (e) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw fromSystemError(e, path.resolve(file));
  }
}
