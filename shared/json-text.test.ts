import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { jsonErrorAt, parseJsonText } from './json-text';

describe('parseJsonText', () => {
  it('reads JSON, skipping a byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('an empty file is told as such', () => {
    expect(parseJsonText(' \n')).toEqual({ ok: false, ja: 'ファイルが空です', en: 'the file is empty' });
  });

  it('a syntax error gives the line and column in Japanese and English, without quoting the text', () => {
    const r = parseJsonText('{\n  "number": "123456789018",\n  "title": \n}');
    expect(r).toEqual({
      ok: false,
      ja: 'JSON として読めません (4行 1列: 値が必要です)',
      en: 'not valid JSON (line 4, column 1: value expected)',
    });
  });

  it('a trailing comma and a missing comma are named', () => {
    expect(jsonErrorAt('{"a": 1,\n}')).toMatchObject({ line: 2, column: 1, en: 'property name expected' });
    expect(jsonErrorAt('[1 2]')).toMatchObject({ line: 1, column: 4, ja: 'カンマ (,) が必要です' });
    expect(jsonErrorAt('{"a": 1}')).toBeNull();
  });

  it('JSON nested deeper than MAX_JSON_DEPTH is refused where it is read, without overflowing the stack', () => {
    const deep = `{"scenarios": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(parseJsonText(deep)).toEqual({
      ok: false,
      ja: `入れ子 ([ や {) が深すぎます (${MAX_JSON_DEPTH} 段まで)`,
      en: `nested too deeply (at most ${MAX_JSON_DEPTH} levels of [ and {)`,
    });
    const fine = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseJsonText(fine).ok).toBe(true);
    expect(jsonDepthExceeds(JSON.parse(fine))).toBe(false);
    expect(jsonDepthExceeds(JSON.parse(`[${fine}]`))).toBe(true);
  });
});
