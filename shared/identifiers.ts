// 保険者番号・公費負担者番号・公費受給者番号 check digits (R19) and the My Number refusal (R18).
import type { Insurer } from './enums';
import { MAX_JSON_DEPTH } from './json-depth';

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

/*
 * THE R18 detector: a 12-digit 個人番号 (My Number) written in a text, however it is spelled.
 *
 * 1. Normalise. Every Unicode decimal digit (\p{Nd}: full-width, Arabic-Indic, Devanagari,
 *    mathematical …) counts as its value; characters whose compatibility form holds digits
 *    (①, ¹, ㋀ …) are NFKC-normalised first; format and other invisible characters (\p{Cf},
 *    default-ignorables such as zero-width spaces and Hangul fillers) and combining marks are
 *    removed, so they join what they separate; the long vowel mark ー (ｰ) counts as a dash.
 * 2. Group. A *digit run* is a maximal sequence of digit chunks joined by separators: any
 *    characters that are neither letters nor numbers — spaces of every kind, line breaks, - − ‐
 *    ‑ – — ー 〜 . / , ・ : ( ) and every other punctuation or symbol — in any number. Letters
 *    (kana, kanji, Latin …) end a run. Kanji numerals (一二三) are letters: out of scope.
 * 3. Dates (2026-01-20, 2026/1/20, 2026.01.20: a year 1868–2199, a month, a day, one
 *    separator) and times (9:30, 09:30:15) are what they look like: they split a run, and each
 *    part between them is judged on its own (desk-1234-2026-01-20 is an id and a date; 2026-01-20
 *    09:30 a date and a time). Each part is judged by its number of digits, separators not
 *    counted:
 *    - fewer than 12: not a My Number;
 *    - exactly 12, in any grouping (123456789012, 1234ー5678ー9012, 12 3456 789 012, 1234-5678
 *      9012): a My Number;
 *    - 13 or more: a My Number when a 12-digit part stands out as one number: a chunk of exactly
 *      12 digits written together (03-123456789012), or consecutive chunks joined by one and the
 *      same separator that make exactly 12 digits (1234-5678-9012 03-1234-5678,
 *      1234 5678 9012 3456). Otherwise not: a 13-digit code written together (4912345678904),
 *      two dates side by side (2025-12-01 2026-01-01), a date range, several phone numbers.
 * Known false positives, refused on purpose (R18 errs on the side of refusing): six two-digit
 * numbers in a row (10 20 30 40 50 60), an international phone number of 12 digits
 * (+81-90-1234-5678: write 090-1234-5678).
 */

/** Characters whose NFKC form may contain digits (other numbers, enclosed and squared symbols). */
const NFKC_DIGITS = /[\p{No}\p{So}]/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** Removed before grouping: they join what they separate. */
const INVISIBLE = /[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]/gu;
const LONG_VOWEL = /[ーｰ]/g;

/*
 * The fast path. Most texts (Japanese and English prose, JSON) hold only characters that need no
 * normalisation: no digit but 0-9, nothing NFKC turns into a digit, nothing invisible. For them
 * a plain regex with the letters spelled out finds the runs. Both ranges below are checked
 * against the runtime's own Unicode tables, code point by code point, by identifiers.test.ts.
 */
/** Non-ASCII characters that need no normalisation. */
export const PLAIN_RANGES =
  '\u00A0-\u00AC\u00AE-\u00B1\u00B4-\u00B8\u00BA\u00BB\u00BF-\u00FF\u2010-\u2029\u2030-\u205F\u2190-\u23FF' +
  '\u2500-\u26FF\u3000-\u3029\u3030-\u3098\u309B-\u30FF\u4E00-\u9FFF\uFF01-\uFF0F\uFF1A-\uFF9F';
/** Among them, the letters and numbers (\p{L}, \p{N}) except the long vowel marks ー ｰ: they end a run. */
export const PLAIN_LETTER_RANGES =
  '\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u3005-\u3007\u3021-\u3029\u3031-\u3035' +
  '\u3038-\u303C\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FD-\u30FF\u4E00-\u9FFF\uFF21-\uFF3A\uFF41-\uFF5A' +
  '\uFF66-\uFF6F\uFF71-\uFF9F';
const NEEDS_NORMALISING = new RegExp(`[^\\x00-\\x7F${PLAIN_RANGES}]`);

/** Digit chunks joined by separators; in JSON text a quote also ends a run (each string stands alone). */
const RUNS = {
  plain: new RegExp(`[0-9]+(?:[^A-Za-z0-9${PLAIN_LETTER_RANGES}]+[0-9]+)*`, 'g'),
  plainJson: new RegExp(`[0-9]+(?:[^A-Za-z0-9${PLAIN_LETTER_RANGES}"]+[0-9]+)*`, 'g'),
  normalised: /[0-9]+(?:[^\p{L}\p{N}]+[0-9]+)*/gu,
  normalisedJson: /[0-9]+(?:[^\p{L}\p{N}"]+[0-9]+)*/gu,
};

const zeroOf = new Map<number, number>();
/** The value of a decimal digit: Unicode encodes each set as ten consecutive code points, 0 to 9. */
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let zero = zeroOf.get(cp);
  if (zero === undefined) {
    // Adjacent sets (the mathematical digits) form spans of whole tens: walk to the span's start.
    let start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    zero = cp - ((cp - start) % 10);
    zeroOf.set(cp, zero);
  }
  return String(cp - zero);
}

/** Step 1 on one piece of text (the whole text, or one code point for the redaction's map). */
function normalise(text: string): string {
  let t = text;
  if (NFKC_DIGITS.test(t)) t = t.normalize('NFKC');
  return t.replace(NON_ASCII_DIGIT, digitValue).replace(INVISIBLE, '').replace(LONG_VOWEL, '-');
}

/** Chunks i, i+1, i+2 are a date: YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD (one separator, real ranges). */
function isDateAt(chunks: string[], gaps: string[], i: number): boolean {
  const [y, m, d] = [chunks[i], chunks[i + 1], chunks[i + 2]];
  if (y?.length !== 4 || !m || !d || m.length > 2 || d.length > 2) return false;
  if (gaps[i] !== gaps[i + 1] || !['-', '/', '.'].includes(gaps[i]!)) return false;
  return Number(y) >= 1868 && Number(y) <= 2199 && +m >= 1 && +m <= 12 && +d >= 1 && +d <= 31;
}

/** How many chunks from i make a time: H:MM or H:MM:SS (0 when none). */
function timeLengthAt(chunks: string[], gaps: string[], i: number): number {
  const [h, m, sec] = [chunks[i], chunks[i + 1], chunks[i + 2]];
  if (!h || h.length > 2 || +h > 23 || m?.length !== 2 || +m > 59 || gaps[i] !== ':') return 0;
  return sec?.length === 2 && +sec <= 59 && gaps[i + 1] === ':' ? 3 : 2;
}

/** Step 3 on the chunks of one run between dates and times. */
function isMyNumberPart(chunks: string[], gaps: string[]): boolean {
  let total = 0;
  for (const c of chunks) total += c.length;
  if (total < 12) return false;
  if (total === 12) return true;
  if (chunks.some((c) => c.length === 12)) return true;
  for (let i = 0; i < chunks.length; i += 1) {
    let sum = chunks[i]!.length;
    for (let j = i + 1; j < chunks.length && sum < 12 && gaps[j - 1] === gaps[i]; j += 1) sum += chunks[j]!.length;
    if (sum === 12) return true;
  }
  return false;
}

/** Steps 2–3 on one run of normalised text: dates and times split it, each part is judged. */
function isMyNumberRun(run: string): boolean {
  const chunks = run.split(/[^0-9]+/);
  const gaps = run.match(/[^0-9]+/g) ?? [];
  let from = 0;
  for (let i = 0; i <= chunks.length;) {
    const unit = i === chunks.length ? 0 : isDateAt(chunks, gaps, i) ? 3 : timeLengthAt(chunks, gaps, i);
    if (unit === 0 && i < chunks.length) {
      i += 1;
      continue;
    }
    if (isMyNumberPart(chunks.slice(from, i), gaps.slice(from, Math.max(from, i - 1)))) return true;
    i += unit === 0 ? 1 : unit;
    from = i;
  }
  return false;
}

function hasMyNumberRun(text: string, json: boolean): boolean {
  const plain = !NEEDS_NORMALISING.test(text);
  const t = plain ? text : normalise(text);
  const re = plain ? (json ? RUNS.plainJson : RUNS.plain) : json ? RUNS.normalisedJson : RUNS.normalised;
  re.lastIndex = 0;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) if (m[0].length >= 12 && isMyNumberRun(m[0])) return true;
  return false;
}

/** R18: whether a text holds a 12-digit My Number in any spelling (see above). */
export function containsMyNumberLike(text: string): boolean {
  if (text.length < 12 && !NFKC_DIGITS.test(text)) return false;
  return hasMyNumberRun(text, false);
}

/**
 * The same for the text of JSON.stringify(value): true when a key, string or number of the value
 * holds a My Number — one scan instead of a walk (it may also flag numbers side by side in an
 * array: walk the value to find which one).
 */
export function containsMyNumberInJson(json: string): boolean {
  // Escapes (\n, \", \u0007 …) stand for characters that join digits: make them a space.
  return hasMyNumberRun(json.includes('\\') ? json.replace(/\\(?:u[0-9a-fA-F]{4}|.)/g, ' ') : json, true);
}

/** What replaces a My Number in a message. */
export const MY_NUMBER_MASK = '************';

/**
 * THE redaction for messages (errors, logs, the command line): every digit run the detector
 * judges a My Number is replaced, with its separators, by MY_NUMBER_MASK — the value is never
 * echoed, in any spelling.
 */
export function redactMyNumber(text: string): string {
  if (!containsMyNumberLike(text)) return text;
  // Normalise code point by code point, remembering where each normalised character came from.
  let t = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const n = cp < 0x80 ? text[i]! : normalise(text.slice(i, i + size));
    for (let k = 0; k < n.length; k += 1) {
      from.push(i);
      to.push(i + size);
    }
    t += n;
    i += size;
  }
  let out = '';
  let last = 0;
  for (const m of t.matchAll(RUNS.normalised)) {
    if (m[0].length < 12 || !isMyNumberRun(m[0])) continue;
    const start = from[m.index!]!;
    out += text.slice(last, start) + MY_NUMBER_MASK;
    last = to[m.index! + m[0].length - 1]!;
  }
  out += text.slice(last);
  // The whole-text and the per-character normalisation agree on digits; should they ever not,
  // no digit survives.
  return containsMyNumberLike(out) ? out.replace(/[\p{Nd}\p{No}]/gu, '*') : out;
}

export const MY_NUMBER_REFUSAL = {
  ja: '12桁の番号は個人番号(マイナンバー)の可能性があるため入力できません (番号法第20条)',
  en: 'a 12-digit number may be a My Number (個人番号) and is refused (R18)',
} as const;

/** Validates an identifier; never repeats a 12-digit input back in its message (R18). */
export function checkNumber(value: string, kind: NumberKind): NumberCheck {
  if (containsMyNumberLike(value)) return { ok: false, code: 'my-number', ...MY_NUMBER_REFUSAL };
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

/** A value nested deeper than MAX_JSON_DEPTH: invalid input (never a stack overflow). */
export class TooDeepError extends Error {
  readonly ja: string;
  readonly en: string;
  constructor(readonly path: string) {
    const en = `nested too deeply (at most ${MAX_JSON_DEPTH} levels): ${path || '(root)'}`;
    super(en);
    this.name = 'TooDeepError';
    this.ja = `入れ子が深すぎます (${MAX_JSON_DEPTH} 段まで): ${path || '(最上位)'}`;
    this.en = en;
  }
}

/**
 * Walks a JSON-like value in document order, iteratively; the path of the first key or value
 * (string or number) holding a 12-digit number, or null. `skip`: values at these paths are not
 * judged (the 記号・番号 fields of the scenario format, which only warn). Throws TooDeepError
 * past MAX_JSON_DEPTH levels.
 */
export function findMyNumberPath(value: unknown, opts: { skip?: (path: string) => boolean } = {}): string | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string' || typeof v === 'number') {
      if (containsMyNumberLike(String(v)) && !opts.skip?.(path)) return path || '(root)';
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw new TooDeepError(path);
    const children: Array<{ v: unknown; path: string; depth: number }> = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => children.push({ v: item, path: `${path}[${i}]`, depth: depth + 1 }));
    } else {
      for (const [k, item] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (containsMyNumberLike(k)) return at;
        children.push({ v: item, path: at, depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return null;
}

/**
 * A 保険者番号 as a terminal or a レセコン writes it → its digits: surrounding spaces removed
 * (a 6-digit 国保 number may come right-aligned in 8 places, "  138156"), full-width digits made
 * ASCII, and a 国保 number written with "00" in front (as on the レセプト) back to its 6 digits.
 */
export function normalizeInsurerNumber(raw: string): string {
  const s = raw.normalize('NFKC').trim();
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
