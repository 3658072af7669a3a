// The one translator of zod issues into InputIssues (./issues.ts): our field-specific bilingual
// messages where a schema gives them (`params: { ja, en }`), our own wording for unknown and
// missing fields, wrong types and unknown document kinds, zod's bundled Japanese locale for the
// other generic messages. Never a 12-digit number (R18).
import type * as z from 'zod';
import ja from 'zod/v4/locales/ja.js';
import { formatPath, type InputIssue, redactIssue } from './issues';

const localeJa = ja().localeError;

/** How to write a value of each JSON type, for a value of the wrong type. */
const TYPE_JA: Record<string, string> = {
  string: '文字列で',
  number: '数値で',
  int: '整数で',
  boolean: 'true か false で',
  object: '{ … } の形で',
  array: '[ … ] の形で',
  null: 'null で',
};

/** The unit of a size limit, by what is limited (a number has none). */
const SIZE_JA: Record<string, string> = { string: '文字', array: '件', set: '件', file: 'バイト' };

/**
 * One zod issue in Japanese and English. Parse with `{ reportInput: true }` (parseIssues does) so
 * that a missing field is told apart from one of the wrong type; the input itself is never shown.
 */
function issueFromZod(issue: z.core.$ZodIssue): InputIssue {
  const path = formatPath(issue.path);
  const params = (issue as { params?: { ja?: string; en?: string } }).params;
  if (params?.ja && params.en) return redactIssue({ path, ja: params.ja, en: params.en });
  switch (issue.code) {
    case 'unrecognized_keys':
      return redactIssue({
        path,
        ja: `未知のフィールドです: ${issue.keys.join(', ')}`,
        en: `unknown field: ${issue.keys.join(', ')}`,
      });
    case 'invalid_type':
      if (issue.input === undefined)
        return { path, ja: '必須のフィールドがありません', en: 'required field is missing' };
      return {
        path,
        ja: `型が違います (${TYPE_JA[issue.expected] ?? `${issue.expected} で`}指定してください)`,
        en: `wrong type (expected ${issue.expected})`,
      };
    case 'invalid_union': {
      const d = issue as { note?: string; discriminator?: string; options?: unknown[] };
      if (d.note === 'No matching discriminator') {
        // `kind` tells the documents (presented, holdings) apart
        const allowed = (d.options ?? []).map(String).join(', ');
        const name = d.discriminator === 'kind' ? { ja: '書類の種類', en: 'document kind' } : null;
        return redactIssue({
          path: issue.path[issue.path.length - 1] === d.discriminator ? path : formatPath([...issue.path, 'kind']),
          ja: `未知の${name?.ja ?? '値'}です (使える値: ${allowed})`,
          en: `unknown ${name?.en ?? 'value'} (allowed: ${allowed})`,
        });
      }
      // The most specific failure among the alternatives.
      const first = issue.errors.flat()[0];
      if (first) return issueFromZod({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue);
      break;
    }
    case 'too_big':
    case 'too_small': {
      // our own words: zod's locale names the type in English (「stringは60文字以下」)
      const big = issue.code === 'too_big';
      const n = Number(big ? issue.maximum : issue.minimum);
      const unit = SIZE_JA[issue.origin] ?? '';
      const ja =
        !big && n === 1 && (issue.origin === 'string' || issue.origin === 'array')
          ? '空にはできません'
          : `${n}${unit}${big ? '以下' : '以上'}にしてください`;
      return redactIssue({ path, ja, en: issue.message });
    }
    default:
      break;
  }
  const ja = localeJa(issue as Parameters<typeof localeJa>[0]);
  return redactIssue({
    path,
    ja: typeof ja === 'string' ? ja : (ja?.message ?? '値が正しくありません'),
    en: issue.message,
  });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/**
 * Validates with a schema and translates every issue (the input is never echoed). Only a failure
 * parses again with the input reported (which is slower) to tell a missing field from a wrong one.
 */
export function parseIssues<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const again = schema.safeParse(input, { reportInput: true });
  return { ok: false, issues: (again.error ?? r.error).issues.map(issueFromZod) };
}
