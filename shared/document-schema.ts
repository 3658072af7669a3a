// What is printed on each kind of document, as zod shapes: one definition for the two formats that
// carry documents — a scenario's `presented` (shared/scenario/schema.ts) and an observation's
// `documents` (shared/observation/schema.ts), which adds what the desk learned about each.
import * as z from 'zod';
import { dateInput } from './date-schema';
import { type DocumentKind, ELDERLY_RATIOS, LIMIT_CATEGORIES, PHONE_OS, PORTAL_FORMS } from './enums';
import { containsMyNumberLike, MY_NUMBER_REFUSAL } from './identifiers';

/** An optional value whose absence is null. */
export const nullable = <T extends z.ZodType>(t: T) => t.nullable().default(null);

/** An id (of a scenario, an observation, a coverage, a programme): a-z, 0-9 and -, never a My Number (R18). */
export const idString = z
  .string()
  .refine((v) => /^[a-z0-9-]+$/.test(v), {
    params: { ja: '半角英小文字・数字・ハイフンのみ使えます', en: 'only a-z, 0-9 and -' },
  })
  .refine((v) => !containsMyNumberLike(v), { params: MY_NUMBER_REFUSAL });

/** 医療券's month: YYYY-MM. */
const month = z.string().refine((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), {
  params: { ja: '月は YYYY-MM で指定してください (例: 2026-05)', en: 'month must be YYYY-MM (e.g. 2026-05)' },
});

/** Document fields accept 平成31年5月1日 and later 平成 years, as printed before the era change. */
const docDate = dateInput({ documentField: true });

/**
 * Each kind's printed fields; `coverage` names the coverage a 資格確認書, 保険証 or お知らせ is of,
 * `kohi` the programme a 受給者証・医療証 is of, `ticketMonth` the month a 医療券 is for.
 */
export function printedShapes<C extends z.ZodType, K extends z.ZodType, M extends z.ZodType>(
  coverage: C,
  kohi: K,
  ticketMonth: (month: z.ZodType<string, string>) => M,
) {
  return {
    'myna-card': {},
    'myna-smartphone': { os: nullable(z.enum(PHONE_OS)) },
    'kakunin-sho': {
      coverage,
      issuedOn: docDate,
      validFrom: nullable(docDate),
      validUntil: docDate,
      showsRatio: z.boolean().optional().default(false),
      showsLimit: z.boolean().optional().default(false),
    },
    'legacy-card': { coverage, printedExpiry: nullable(docDate) },
    oshirase: { coverage },
    /** a pdf was saved on `savedOn` (SCENARIO.md: only a pdf carries it) */
    mynaportal: { form: z.enum(PORTAL_FORMS), savedOn: nullable(dateInput()) },
    'elderly-card': { ratio: z.literal(ELDERLY_RATIOS), validFrom: nullable(docDate), validUntil: nullable(docDate) },
    'limit-cert': { category: z.enum(LIMIT_CATEGORIES), validUntil: nullable(docDate) },
    declaration: {},
    'kohi-cert': { kohi },
    'medical-ticket': { month: ticketMonth(month), forThisClinic: z.boolean().optional().default(true) },
    'rousai-form': {},
  } satisfies Record<DocumentKind, z.ZodRawShape>;
}
