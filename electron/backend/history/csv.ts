// History export for Excel: UTF-8 with a BOM (so Excel detects the encoding), CRLF line ends,
// Japanese headers, RFC 4180 quoting, and a guard against formula injection (a cell that starts
// with = + - @ is prefixed with an apostrophe). The records are read page by page (keyset).
import {
  BILLING_JA,
  copayWari,
  CARD_ROUTE_JA,
  COPAY_BASIS_JA,
  failureJa,
  NEEDED_JA,
  NOTE_JA,
  NUMBER_ROUTE_JA,
  VERDICT_JA,
} from '../../../shared/labels';
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

const MODE_JA: Record<HistoryMode, string> = { desk: '窓口', trainer: '研修', 'real-desk': '受付ナビ (実際の受付)' };

/** One CSV cell: quoted when needed, formula-looking text neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const copayJa = (p: number, provisional: boolean) =>
  copayWari(p) + (p === 100 ? ' (自費)' : provisional ? ' (仮)' : '');

function historyCsvRow(r: HistoryRecord): string {
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
    COPAY_BASIS_JA[d.copayBasis] ?? d.copayBasis,
    BILLING_JA[d.billing] ?? d.billing,
    CARD_ROUTE_JA[d.onlineCheck.cardRoute] ?? d.onlineCheck.cardRoute,
    NUMBER_ROUTE_JA[d.onlineCheck.numberRoute] ?? d.onlineCheck.numberRoute,
    d.onlineCheck.failure ? (failureJa(d.onlineCheck.failure, r.visitDate) ?? d.onlineCheck.failure) : '',
    d.rules.join(' '),
    d.documentsNeeded.map((x) => NEEDED_JA[x] ?? x).join('・'),
    d.notes.map((x) => NOTE_JA[x] ?? x).join('・'),
    r.scenarioId,
    d.explanation,
  ];
  return cells.map(csvCell).join(',') + EOL;
}

const historyCsvHeader = () => BOM + HISTORY_CSV_HEADERS.map(csvCell).join(',') + EOL;

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
