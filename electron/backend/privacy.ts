// R18: no 12-digit individual number (個人番号) is ever stored. Every text that reaches the
// database passes through here.
import { AppError } from './errors';
import { MY_NUMBER_REFUSAL, looksLikeMyNumber } from '../../shared/identifiers';

/**
 * A 12-digit run anywhere in the text, after NFKC (full-width digits count), written plainly or
 * in the 4-4-4 grouping with spaces or hyphens (1234 5678 9012). A run of 13 or more digits is
 * not a My Number; two ISO dates side by side (2025-12-01 2026-01-01) are not either.
 */
const MY_NUMBER_IN_TEXT = /(?<![\d])(?:\d{12}|\d{4}[\s-]\d{4}[\s-]\d{4})(?![\d])/u;

/** Characters that NFKC may turn into a digit or a space (full-width, circled, super/subscript, math). */
const DIGIT_LIKE = /[\uFF10-\uFF19\u2460-\u24FF\u2070-\u209F\u2000-\u200B\u3000]|\uD835[\uDFCE-\uDFFF]/;

export function containsMyNumberLike(text: string): boolean {
  // NFKC only when needed: history rows carry kilobytes of JSON and this runs on every insert.
  const t = DIGIT_LIKE.test(text) ? text.normalize('NFKC') : text;
  return MY_NUMBER_IN_TEXT.test(t) || (t.length <= 64 && looksLikeMyNumber(t));
}

/** Throws AppError('my-number') naming the field (never the value). */
export function assertNoMyNumber(text: string | null | undefined, field: string): void {
  if (text != null && containsMyNumberLike(text)) {
    throw new AppError('my-number', `${field}: ${MY_NUMBER_REFUSAL.ja}`, `${field}: ${MY_NUMBER_REFUSAL.en}`, { field });
  }
}

/** Walks a JSON-like value; the path of the first string holding a 12-digit number, or null. */
export function findMyNumberPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string' || typeof value === 'number') return containsMyNumberLike(String(value)) ? path || '(root)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const p = findMyNumberPath(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = findMyNumberPath(v, path ? `${path}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}

export function assertNoMyNumberDeep(value: unknown, field: string, serialized?: string): void {
  // Fast path: one scan of the serialized form; the walk only runs to name the field.
  if (serialized !== undefined && !containsMyNumberLike(serialized)) return;
  const p = findMyNumberPath(value) ?? (serialized !== undefined ? '(json)' : null);
  if (p !== null) {
    const at = `${field}.${p}`;
    throw new AppError('my-number', `${at}: ${MY_NUMBER_REFUSAL.ja}`, `${at}: ${MY_NUMBER_REFUSAL.en}`, { field: at });
  }
}
