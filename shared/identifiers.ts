// 保険者番号・公費負担者番号・公費受給者番号 check digits (R19) and the My Number refusal (R18).
import type { Insurer } from './enums';

/**
 * R19: multiply the digits other than the last by 2,1,2,1… from the rightmost, add the digits of
 * each product; check = (10 − sum mod 10) mod 10.
 */
export function checkDigitOf(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i -= 1, w = w === 2 ? 1 : 2) {
    const p = (body.charCodeAt(i) - 48) * w;
    sum += p >= 10 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(num: string): boolean {
  if (!/^\d{2,}$/.test(num)) return false;
  return checkDigitOf(num.slice(0, -1)) === Number(num[num.length - 1]);
}

export type NumberKind = 'insurer' | 'insurer-kokuho' | 'kohi-futansha' | 'kohi-jukyusha';
const LENGTHS: Record<NumberKind, number> = {
  insurer: 8,
  'insurer-kokuho': 6,
  'kohi-futansha': 8,
  'kohi-jukyusha': 7,
};

export type NumberCheck =
  { ok: true } | { ok: false; code: 'my-number' | 'not-digits' | 'length' | 'check-digit'; ja: string; en: string };

/** Characters that NFKC may turn into a digit or a space (full-width, circled, super/subscript, math). */
const DIGIT_LIKE = /[\uFF10-\uFF19\u2460-\u24FF\u2070-\u209F\u2000-\u200B\u3000]|\uD835[\uDFCE-\uDFFF]/;
/** NFKC only when needed: history rows carry kilobytes of JSON and the R18 check runs on every insert. */
const nfkc = (s: string) => (DIGIT_LIKE.test(s) ? s.normalize('NFKC') : s);

/** A value that is, as a whole, the 12-digit 個人番号 shape (R18). Spaces and hyphens are ignored; full-width digits count. */
export function looksLikeMyNumber(s: string): boolean {
  return /^\d{12}$/.test(nfkc(s).replace(/[\s-]/g, ''));
}

/**
 * A 12-digit run anywhere in the text, after NFKC (full-width digits count), written plainly or
 * in the 4-4-4 grouping with spaces or hyphens (1234 5678 9012). A run of 13 or more digits is
 * not a My Number; two ISO dates side by side (2025-12-01 2026-01-01) are not either.
 */
const MY_NUMBER_IN_TEXT = /(?<![\d])(?:\d{12}|\d{4}[\s-]\d{4}[\s-]\d{4})(?![\d])/u;

/**
 * THE R18 detector for text (every stored, logged or accepted free text goes through it): a My
 * Number written in the text in any usual way, or a short text that is one with other spacing.
 */
export function containsMyNumberLike(text: string): boolean {
  const t = nfkc(text);
  return MY_NUMBER_IN_TEXT.test(t) || (t.length <= 64 && looksLikeMyNumber(t));
}

/** The same shapes as the detector, in ASCII or full-width digits, for masking a message. */
const MY_NUMBER_MASK =
  /(?<![\d０-９])(?:[\d０-９]{12}|[\d０-９]{4}[\s\-－][\d０-９]{4}[\s\-－][\d０-９]{4})(?![\d０-９])/gu;

/** Masks anything shaped like a My Number in a message, so it is never echoed back (R18). */
export function redactMyNumber(s: string): string {
  return s.replace(MY_NUMBER_MASK, '************');
}

export const MY_NUMBER_REFUSAL = {
  ja: '12桁の番号は個人番号(マイナンバー)の可能性があるため入力できません (番号法第20条)',
  en: 'a 12-digit number may be a My Number (個人番号) and is refused (R18)',
} as const;

/** Validates an identifier; never repeats a 12-digit input back in its message (R18). */
export function checkNumber(value: string, kind: NumberKind): NumberCheck {
  if (looksLikeMyNumber(value)) return { ok: false, code: 'my-number', ...MY_NUMBER_REFUSAL };
  if (!/^\d+$/.test(value))
    return { ok: false, code: 'not-digits', ja: '数字のみで入力してください', en: 'digits only' };
  const len = LENGTHS[kind];
  if (value.length !== len) {
    return { ok: false, code: 'length', ja: `${len}桁で入力してください`, en: `must have ${len} digits` };
  }
  if (!hasValidCheckDigit(value)) {
    const expected = checkDigitOf(value.slice(0, -1));
    return {
      ok: false,
      code: 'check-digit',
      ja: `検証番号(最後の桁)が正しくありません (正しくは ${value.slice(0, -1)}${expected})`,
      en: `bad check digit (expected ${value.slice(0, -1)}${expected})`,
    };
  }
  return { ok: true };
}

/** Walks a JSON-like value; the path of the first string holding a 12-digit number, or null. */
export function findMyNumberPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string' || typeof value === 'number')
    return containsMyNumberLike(String(value)) ? path || '(root)' : null;
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

/**
 * A 保険者番号 as a terminal or a レセコン writes it → its digits: surrounding spaces removed
 * (a 6-digit 国保 number may come right-aligned in 8 places, "  138156"), full-width digits made
 * ASCII, and a 国保 number written with "00" in front (as on the レセプト) back to its 6 digits.
 */
export function normalizeInsurerNumber(raw: string): string {
  const s = nfkc(raw).trim();
  return /^00\d{6}$/.test(s) ? s.slice(2) : s;
}

/** 法別番号 (the first two of 8 digits) → insurer type (domain-research.md §6.1). */
const INSURER_OF_HOUBETSU: Readonly<Record<string, Insurer>> = {
  '01': 'kyokai', // 協会けんぽ
  '02': 'senin', // 船員保険
  '03': 'kyokai', // 日雇特例 (協会けんぽ)
  '04': 'kyokai',
  '06': 'kumiai', // 組合健保
  '07': 'kyosai', // 自衛官等
  '31': 'kyosai', // 国家公務員共済
  '32': 'kyosai', // 地方公務員共済
  '33': 'kyosai', // 警察共済
  '34': 'kyosai', // 公立学校共済・私学共済
  '39': 'kouki', // 後期高齢者医療
  '63': 'kumiai', // 特例退職 (健保組合)
  '67': 'kokuho', // 退職者医療 (国保)
  '72': 'kyosai', // 特例退職 (共済)
  '73': 'kyosai',
  '74': 'kyosai',
  '75': 'kyosai',
};

/** The insurer type of a normalized 保険者番号: 6 digits are 国保; null when the 法別番号 is not an insurer's. */
export function insurerOfNumber(num: string): Insurer | null {
  if (/^\d{6}$/.test(num)) return 'kokuho';
  if (/^\d{8}$/.test(num)) return INSURER_OF_HOUBETSU[num.slice(0, 2)] ?? null;
  return null;
}
