import { describe, expect, it } from 'vitest';
import {
  hiraganaToKatakana,
  isKatakanaReading,
  normalizeForSearch,
  normalizeKanaReading,
  toHalfWidthKatakana,
} from './kana';

describe('normalizeForSearch', () => {
  it('makes ｶﾅ, カナ and かな equal', () => {
    const forms = ['ヤマダ タロウ', 'やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞﾀﾛｳ', 'やまだ　たろう', ' ヤマダ\tタロウ '];
    for (const f of forms) expect(normalizeForSearch(f)).toBe('ヤマダタロウ');
  });
  it('joins half-width voiced marks and handles ヴ, ー and small kana', () => {
    expect(normalizeForSearch('ｳﾞｨｰﾅｽ')).toBe('ヴィーナス');
    expect(normalizeForSearch('ゔぃーなす')).toBe('ヴィーナス');
    expect(normalizeForSearch('ﾊﾟｯﾁｮ')).toBe('パッチョ');
  });
  it('folds full-width letters and digits, and case', () => {
    expect(normalizeForSearch('ＡＢＣ１２')).toBe('abc12');
    expect(normalizeForSearch('山田　太郎')).toBe('山田太郎');
  });
});

describe('readings', () => {
  it('normalises to full-width katakana with single spaces', () => {
    expect(normalizeKanaReading('ｻｸﾗ  ﾊﾅｺ')).toBe('サクラ ハナコ');
    expect(normalizeKanaReading('さくら　はなこ')).toBe('サクラ ハナコ');
    expect(isKatakanaReading('サクラ ハナコ')).toBe(true);
    expect(isKatakanaReading('サクラ 花子')).toBe(false);
    expect(isKatakanaReading('サクラ  ハナコ')).toBe(false);
  });
  it('hiragana → katakana leaves other text alone', () => {
    expect(hiraganaToKatakana('あ山ゞa')).toBe('ア山ヾa');
  });
  it('half-width katakana for NameKana', () => {
    expect(toHalfWidthKatakana('ヤマダ タロウ')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(toHalfWidthKatakana('パッチョ・ヴィー')).toBe('ﾊﾟｯﾁｮ･ｳﾞｨｰ');
    expect(normalizeForSearch(toHalfWidthKatakana('ガギグゲゴ'))).toBe('ガギグゲゴ');
  });
});
