// zod schemas of calendar dates: what people type (ISO or 和暦, RULES.md "Dates shown to and typed
// by people"), normalised to ISO, and what the backend returns (ISO only).
import { z } from 'zod';
import { isIsoDate } from './dates';
import { type ParseDateOptions, parseDate } from './wareki';

/** A date as people type it: ISO `YYYY-MM-DD` or 和暦, normalised to ISO. */
export function dateInput(opts: ParseDateOptions = {}) {
  return z
    .string()
    .max(40)
    .transform((s, ctx) => {
      const r = parseDate(s, opts);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.error.en, params: r.error });
        return z.NEVER;
      }
      return r.value;
    });
}

/** A calendar date as the backend returns it: ISO only. */
export const isoDate = z.string().refine(isIsoDate, {
  message: 'not an ISO date (YYYY-MM-DD)',
  params: { ja: '日付は YYYY-MM-DD で指定してください', en: 'not an ISO date (YYYY-MM-DD)' },
});
