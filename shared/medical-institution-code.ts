// 医療機関コード (the clinic's 10-digit code, printed on the national result document): its check,
// used where a code enters (the contract's settings.update), and the demo clinic's fictional code.
import { checkDigitOf } from './identifiers';

/** 点数表番号: 1 医科, 3 歯科, 4 調剤 (薬局), 6 訪問看護 — the facilities that do online checks. */
const SCORE_TABLES = new Set(['1', '3', '4', '6']);

/**
 * 医療機関コード: 10 digits = 都道府県番号 (2, 01–47) + 点数表番号 (1) + 医療機関番号 (7), whose
 * last digit is a check digit computed by the R19 algorithm over the other 6.
 */
export function checkMedicalInstitutionCode(code: string): { ok: true } | { ok: false; ja: string; en: string } {
  if (!/^\d{10}$/.test(code))
    return { ok: false, ja: '医療機関コードは10桁の数字です', en: 'a medical institution code has 10 digits' };
  const pref = Number(code.slice(0, 2));
  if (pref < 1 || pref > 47) {
    return {
      ok: false,
      ja: '医療機関コードの先頭2桁 (都道府県番号) は01〜47です',
      en: 'the first two digits (prefecture) must be 01–47',
    };
  }
  if (!SCORE_TABLES.has(code[2]!)) {
    return {
      ok: false,
      ja: '医療機関コードの3桁目 (点数表番号) は1 (医科)・3 (歯科)・4 (調剤)・6 (訪問看護) のいずれかです',
      en: 'the third digit (score table) must be 1, 3, 4 or 6',
    };
  }
  const body = code.slice(3, 9);
  const expected = checkDigitOf(body);
  if (Number(code[9]) !== expected) {
    return {
      ok: false,
      ja: `医療機関コードの検証番号 (最後の桁) が正しくありません (正しくは ${code.slice(0, 9)}${expected})`,
      en: `bad check digit in the medical institution code (expected ${code.slice(0, 9)}${expected})`,
    };
  }
  return { ok: true };
}

/** A fictional code for the demo clinic (東京都・医科・9999996): valid, and obviously not a real clinic's. */
export const DEMO_MEDICAL_INSTITUTION_CODE = `131999999${checkDigitOf('999999')}`;
