// History export for Excel: UTF-8 with a BOM (so Excel detects the encoding), CRLF line ends,
// Japanese headers, RFC 4180 quoting, and a guard against formula injection (a cell that starts
// with = + - @ is prefixed with an apostrophe). The streaming version writes page by page to a
// temporary file and renames it at the end: never a partial export under the final name.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
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

/** One CSV cell: quoted when needed, formula-looking text neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const copayJa = (p: number, provisional: boolean) =>
  copayWari(p) + (p === 100 ? ' (自費)' : provisional ? ' (仮)' : '');

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

export const historyCsvHeader = () => BOM + HISTORY_CSV_HEADERS.map(csvCell).join(',') + EOL;

function* counted(
  repo: HistoryRepository,
  filter: HistoryFilter,
  chunkRows: number,
): Generator<{ text: string; rows: number }> {
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
export function* historyCsvChunks(
  repo: HistoryRepository,
  filter: HistoryFilter = {},
  chunkRows = 500,
): Generator<string> {
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
export async function writeHistoryCsv(
  repo: HistoryRepository,
  filter: HistoryFilter,
  file: string,
): Promise<{ rows: number; bytes: number }> {
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
