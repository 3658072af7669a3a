// What is printed on each kind of document, as zod shapes: one definition for the two formats that
// carry documents — a scenario's `presented` (shared/scenario/schema.ts) and an observation's
// `documents` (shared/observation/schema.ts), which adds what the desk learned about each.
import * as z from 'zod';
import { dateInput } from './date-schema';
import { type DocumentKind, ELDERLY_RATIOS, LIMIT_CATEGORIES, PHONE_OS, PORTAL_FORMS } from './enums';

/** An optional value whose absence is null. */
export const nullable = <T extends z.ZodType>(t: T) => t.nullable().default(null);

/** An id (of a scenario, an observation, a coverage): a-z, 0-9 and -. */
export const idString = z.string().refine((v) => /^[a-z0-9-]+$/.test(v), {
  params: { ja: '半角英小文字・数字・ハイフンのみ使えます', en: 'only a-z, 0-9 and -' },
});

/** Document fields accept 平成31年5月1日 and later 平成 years, as printed before the era change. */
const docDate = dateInput({ documentField: true });

/** Each kind's printed fields; `coverage` names the coverage a 資格確認書, 保険証 or お知らせ is of. */
export function printedShapes<C extends z.ZodType>(coverage: C) {
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
    mynaportal: { form: z.enum(PORTAL_FORMS) },
    'elderly-card': { ratio: z.literal(ELDERLY_RATIOS), validUntil: nullable(docDate) },
    'limit-cert': { category: z.enum(LIMIT_CATEGORIES), validUntil: nullable(docDate) },
    declaration: {},
  } satisfies Record<DocumentKind, z.ZodRawShape>;
}
