// 和暦 (Japanese era dates): parsing what people type and what documents print, and formatting
// with Intl's Japanese calendar (RULES.md "Dates shown to and typed by people").
import { type IsoDate, isIsoDate, isValidYmd, toIso, ymd } from './dates';

interface Era {
  name: string;
  short: string;
  latin: string;
  start: IsoDate;
  /** last day of the era, or null for the current one */
  end: IsoDate | null;
}

const ERAS: readonly Era[] = [
  // 明治 began 1868-10-23 but was applied retroactively to the whole year (irrelevant for patients).
  { name: '明治', short: '明', latin: 'M', start: '1868-01-01', end: '1912-07-29' },
  { name: '大正', short: '大', latin: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', short: '昭', latin: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', short: '平', latin: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', short: '令', latin: 'R', start: '2019-05-01', end: null },
];

export type DateParseResult = { ok: true; value: IsoDate } | { ok: false; error: { ja: string; en: string } };

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const WAREKI_RE =
  /^(明治|大正|昭和|平成|令和|明|大|昭|平|令|[MTSHRmtshr])\s*(元|\d{1,2})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$/;

export interface ParseDateOptions {
  /**
   * Document fields (issuedOn, validFrom, validUntil, printedExpiry) accept 平成31年5月1日 and later
   * 平成 years, as printed before the era change (平成32年 = 2020).
   */
  documentField?: boolean;
}

/** ISO `YYYY-MM-DD` or 和暦 in the forms of RULES.md. */
export function parseDate(input: string, opts: ParseDateOptions = {}): DateParseResult {
  // NFKC (full-width digits, letters and punctuation to ASCII, 全角 spaces to spaces, ㍻ → 平成),
  // unless the date is plain ISO already (the common case, and the fast one)
  const plainIso = ISO_SHAPE.test(input);
  const s = plainIso ? input : input.normalize('NFKC').trim();
  if (plainIso || ISO_SHAPE.test(s)) {
    return isIsoDate(s)
      ? { ok: true, value: s }
      : { ok: false, error: { ja: `存在しない日付です: ${s}`, en: `not a real calendar date: ${s}` } };
  }
  const m = WAREKI_RE.exec(s);
  if (!m) {
    return {
      ok: false,
      error: {
        ja: '日付は西暦 (例: 2026-07-31) か和暦 (例: 令和8年7月31日, R8.7.31) で入力してください',
        en: 'a date must be YYYY-MM-DD or a Japanese era date (e.g. 令和8年7月31日, R8.7.31)',
      },
    };
  }
  const token = m[1]!;
  const era = ERAS.find((e) => e.name === token || e.short === token || e.latin === token.toUpperCase())!;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const year = Number(era.start.slice(0, 4)) + eraYear - 1;
  if (eraYear < 1 || !isValidYmd(year, month, day)) {
    return { ok: false, error: { ja: `存在しない日付です: ${input}`, en: `not a real calendar date: ${input}` } };
  }
  const iso = toIso(year, month, day);
  const afterEnd = era.end !== null && iso > era.end;
  const allowedPrinted = afterEnd && opts.documentField === true && era.name === '平成';
  if (iso < era.start || (afterEnd && !allowedPrinted)) {
    return {
      ok: false,
      error: {
        ja: `${era.name}の期間外の日付です: ${input}`,
        en: `date outside the ${era.latin} (${era.name}) era: ${input}`,
      },
    };
  }
  return { ok: true, value: iso };
}

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'Asia/Tokyo',
});
const warekiCache = new Map<IsoDate, string>();

/** 令和8年7月31日 — Intl's Japanese calendar, in Japan's time zone. */
export function formatWareki(iso: IsoDate): string {
  let out = warekiCache.get(iso);
  if (out === undefined) {
    const [y, m, d] = ymd(iso);
    // Noon in Japan on that calendar day, so no time zone can move it to another day.
    out = warekiFormat.format(new Date(Date.UTC(y, m - 1, d, 3))).replace(/^(\D+)1年/, '$1元年');
    if (warekiCache.size > 50_000) warekiCache.clear();
    warekiCache.set(iso, out);
  }
  return out;
}

/** 令和8年7月31日 (2026-07-31), as documents and the UI show dates. */
export function formatDateJa(iso: IsoDate): string {
  return `${formatWareki(iso)} (${iso})`;
}

/** 令和8年3月1日 9:10 — a Japan-time stamp as files carry it (2026-03-01 09:10:00), for people. */
export function formatStampJa(stamp: string): string {
  return `${formatWareki(stamp.slice(0, 10))} ${Number(stamp.slice(11, 13))}:${stamp.slice(14, 16)}`;
}
