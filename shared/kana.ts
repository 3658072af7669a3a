// Kana normalisation for search (SQLite has no ICU): ｶﾅ, カナ and かな, full- and half-width
// forms, and spacing all compare equal once normalised. Also the half-width katakana that the
// national online check prints in NameKana.

/** ぁ (U+3041) … ゖ (U+3096), ゝ ゞ: hiragana that have a katakana twin 0x60 above. */
const HIRAGANA_RE = /[\u3041-\u3096\u309D\u309E]/g;

export function hiraganaToKatakana(s: string): string {
  return s.replace(HIRAGANA_RE, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * The search form of a name or a reading: NFKC (half-width katakana → full-width, full-width
 * letters and digits → ASCII, ㈱-style compatibility characters expanded), hiragana → katakana,
 * Latin letters lower-cased, and every space (ASCII, 全角, tabs) removed.
 */
export function normalizeForSearch(s: string): string {
  return hiraganaToKatakana(s.normalize('NFKC')).toLowerCase().replace(/\s+/gu, '');
}

/**
 * A reading as the registry stores and shows it: full-width katakana, one ASCII space between
 * words, trimmed (ｻｸﾗ ﾊﾅｺ / さくら　はなこ → サクラ ハナコ).
 */
export function normalizeKanaReading(s: string): string {
  return hiraganaToKatakana(s.normalize('NFKC')).replace(/\s+/gu, ' ').trim();
}

/** Full-width katakana, the prolonged sound mark, the middle dot and single spaces only. */
export function isKatakanaReading(s: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB]+(?: [\u30A1-\u30FA\u30FC\u30FB]+)*$/.test(s);
}

// Full-width katakana → half-width (JIS X 0201) for NameKana. Voiced and semi-voiced letters
// become two characters (ガ → ｶﾞ, パ → ﾊﾟ).
const HALF_BASE: Record<string, string> = {};
{
  const full =
    'ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー・ヮヵヶ';
  const half = 'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ･ﾜｶｹ';
  for (let i = 0; i < full.length; i += 1) HALF_BASE[full[i]!] = half[i]!;
}

export function toHalfWidthKatakana(s: string): string {
  let out = '';
  // NFD splits ガ into カ + U+3099 (combining voiced mark); map both halves.
  for (const c of s.normalize('NFD')) {
    if (c === '\u3099') out += 'ﾞ';
    else if (c === '\u309A') out += 'ﾟ';
    else if (c === '\u3000') out += ' ';
    else out += HALF_BASE[c] ?? c;
  }
  return out;
}
