// Wall-clock time in Japan (JST = UTC+9, no daylight saving time) for timestamps, file names and
// the national result document. Calendar dates come from shared/dates.ts.
import type { IsoDate } from '../../shared/dates';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface JstParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

function jstParts(now: Date): JstParts {
  const t = new Date(now.getTime() + 9 * 3_600_000);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
  };
}

/** 2026-01-20T09:30:12.345+09:00 */
export function jstIsoTimestamp(now: Date): string {
  const p = jstParts(now);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)}+09:00`;
}

/** The calendar date in Japan of an instant. */
export function jstDate(now: Date): IsoDate {
  const p = jstParts(now);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
}

/** 20260120-093012, for file names. */
export function jstFileStamp(now: Date): string {
  const p = jstParts(now);
  return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}-${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}

/** yyyyMMddHHmmss (the national result document's ProcessExecutionTime). */
export function jstCompact(now: Date): string {
  return jstFileStamp(now).replace('-', '');
}
