// zod schemas of calendar dates: what people type (ISO or 和暦, RULES.md "Dates shown to and typed
// by people"), normalised to ISO, and what the backend returns (ISO only).
import * as z from 'zod';
import { isIsoDate } from './dates';
import { type ParseDateOptions, parseDate } from './wareki';

/** A date as people type it: ISO `YYYY-MM-DD` or 和暦, normalised to ISO (in place: no pipe, it is hot). */
export function dateInput(opts: ParseDateOptions = {}) {
  return z
    .string()
    .max(40)
    .check((ctx) => {
      const r = parseDate(ctx.value, opts);
      if (r.ok) ctx.value = r.value;
      else ctx.issues.push({ code: 'custom', message: r.error.en, params: r.error, input: ctx.value });
    });
}

/** A calendar date as the backend returns it: ISO only. */
export const isoDate = z.string().refine(isIsoDate, {
  message: 'not an ISO date (YYYY-MM-DD)',
  params: { ja: '日付は西暦 (例: 2026-07-31) で指定してください', en: 'not an ISO date (YYYY-MM-DD)' },
});
