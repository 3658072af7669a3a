// Reading a JSON file's text: a UTF-8 byte order mark is skipped, an empty file and a syntax error
// are told in Japanese and English with the line and column (JSON.parse does not always say where),
// never quoting the text (it may hold a 12-digit number, R18).
import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';

export type JsonText = { ok: true; value: unknown } | { ok: false; ja: string; en: string };

/** What is wrong at the error's position, in words. */
const WHAT: Partial<Record<ReturnType<typeof printParseErrorCode>, { ja: string; en: string }>> = {
  InvalidSymbol: { ja: '使えない文字があります', en: 'invalid symbol' },
  InvalidNumberFormat: { ja: '数値の書き方が正しくありません', en: 'invalid number' },
  PropertyNameExpected: {
    ja: '項目名 ("…") が必要です (最後の項目の後のカンマは使えません)',
    en: 'property name expected',
  },
  ValueExpected: { ja: '値が必要です', en: 'value expected' },
  ColonExpected: { ja: 'コロン (:) が必要です', en: 'colon expected' },
  CommaExpected: { ja: 'カンマ (,) が必要です', en: 'comma expected' },
  CloseBraceExpected: { ja: '閉じ括弧 } が必要です', en: 'closing brace expected' },
  CloseBracketExpected: { ja: '閉じ括弧 ] が必要です', en: 'closing bracket expected' },
  EndOfFileExpected: { ja: '余分な文字が続いています', en: 'end of file expected' },
  UnexpectedEndOfString: { ja: '文字列が閉じていません', en: 'unterminated string' },
  InvalidEscapeCharacter: { ja: '使えないエスケープ (\\) があります', en: 'invalid escape' },
  InvalidCharacter: { ja: '文字列の中に使えない文字があります', en: 'invalid character in a string' },
};

/** Line and column (1-based) of the first JSON syntax error, and what is wrong there. */
export function jsonErrorAt(text: string): { line: number; column: number; ja: string; en: string } | null {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  const before = text.slice(0, first.offset);
  const what = WHAT[printParseErrorCode(first.error)] ?? { ja: 'JSON の書き方が正しくありません', en: 'syntax error' };
  return { line: before.split('\n').length, column: first.offset - before.lastIndexOf('\n'), ...what };
}

/** Parses a file's text as JSON. */
export function parseJsonText(text: string): JsonText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, ja: 'ファイルが空です', en: 'the file is empty' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const at = jsonErrorAt(body);
    const where = (s: string, w: string) => (at ? ` (${s}: ${w})` : '');
    return {
      ok: false,
      ja: `JSON として読めません${where(`${at?.line}行 ${at?.column}列`, at?.ja ?? '')}`,
      en: `not valid JSON${where(`line ${at?.line}, column ${at?.column}`, at?.en ?? '')}`,
    };
  }
  if (jsonDepthExceeds(value)) {
    return {
      ok: false,
      ja: `入れ子 ([ や {) が深すぎます (${MAX_JSON_DEPTH} 段まで)`,
      en: `nested too deeply (at most ${MAX_JSON_DEPTH} levels of [ and {)`,
    };
  }
  return { ok: true, value };
}
