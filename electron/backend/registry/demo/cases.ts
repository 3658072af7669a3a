// The demo registry's patients: deterministic and fictional, together exercising every rule
// R1–R26 around the 2025–2026 transition. Every insurer number carries a valid check digit (R19);
// no value has 12 digits (R18). Each patient has a Japanese note saying what they demonstrate, and
// a desk case (a day, what is handed over, the clinic) that shows it — demo.test.ts runs every
// case through the engine and checks the verdict and the rules listed here. Data only: the
// builder is ./builder.ts, the loading ./seed.ts.
import type { IsoDate } from '../../../../shared/dates';
import type { DocumentKind, Insurer, Sex } from '../../../../shared/enums';
import { INSURER_JA } from '../../../../shared/labels';
import { seededRandom } from '../../../../shared/random';
import { Builder, type DemoCase, type DemoPatient, pad, PREF_JA } from './builder';

// The patients. Each entry: what it shows (note), the person, one desk case.

type Def = (b: (sex: Sex, birthDate: IsoDate, note: string) => Builder) => { b: Builder; c: DemoCase };

const DEFS: Def[] = [
  // --- R3: マイナ保険証 and the online check
  (p) => {
    const b = p(
      'male',
      '1984-06-12',
      'R3: マイナ保険証でオンライン資格確認 (協会けんぽ・本人)。もっとも一般的な受付。',
    );
    b.cov('kyokai', '2012-04-01');
    b.myna();
    return {
      b,
      c: { visitDate: '2026-01-20', presented: ['myna-card'], verdict: 'insured', rules: ['R3'], copayPercent: 30 },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1991-09-03',
      'R3・R14: スマホのマイナ保険証 (iPhone)。汎用カードリーダーがある医療機関で確認できる。',
    );
    b.cov('kumiai', '2016-04-01', { pref: '14' });
    b.myna().phone('iphone');
    return {
      b,
      c: {
        visitDate: '2025-10-06',
        presented: ['myna-smartphone'],
        phoneReader: true,
        verdict: 'insured',
        rules: ['R3'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1988-02-17',
      'R14・R11: スマホのマイナ保険証 (Android) のみ。汎用カードリーダーがないと読めず、カードも持参していないため自費。',
    );
    b.cov('kyokai', '2013-04-01', { pref: '27' });
    b.myna().phone('android');
    return {
      b,
      c: {
        visitDate: '2025-11-12',
        presented: ['myna-smartphone'],
        phoneReader: false,
        verdict: 'self-pay',
        rules: ['R11', 'R14'],
        copayPercent: 100,
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1979-12-01',
      'R14: 2025年9月19日より前はスマホのマイナ保険証は使えない (リーダーがあっても)。',
    );
    b.cov('kyosai', '2003-04-01');
    b.myna().phone('iphone');
    return {
      b,
      c: {
        visitDate: '2025-09-10',
        presented: ['myna-smartphone'],
        phoneReader: true,
        verdict: 'self-pay',
        rules: ['R11', 'R14'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1969-03-25',
      'R20: 暗証番号ロック中のマイナ保険証。顔認証 (または目視確認モード) で確認を続けられる。',
    );
    b.cov('kyosai', '1992-04-01', { pref: '11' });
    b.myna({ pinLocked: true });
    return { b, c: { visitDate: '2026-02-09', presented: ['myna-card'], verdict: 'insured', rules: ['R3', 'R20'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1995-07-08',
      'R3: 保険証利用登録をしていないマイナンバーカード。受付の顔認証付きカードリーダーでその場で登録して確認できる。',
    );
    b.cov('kyokai', '2018-04-01');
    b.myna({ registered: false, registerAtDesk: true });
    return { b, c: { visitDate: '2026-01-26', presented: ['myna-card'], verdict: 'insured', rules: ['R3'] } };
  },
  (p) => {
    const b = p(
      'male',
      '1972-10-19',
      'R5: 利用登録をしていないカードで、その場の登録も希望しない。資格確認書で受け付ける。',
    );
    const c1 = b.cov('kumiai', '1995-04-01', { pref: '23' });
    b.myna({ registered: false, registerAtDesk: false }).kakunin(c1, '2025-11-20', '2030-11-19');
    return {
      b,
      c: { visitDate: '2026-01-14', presented: ['myna-card', 'kakunin-sho'], verdict: 'insured', rules: ['R5'] },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1986-05-30',
      'R11: 利用登録をしていないカードのみで、登録も希望しない。ほかに確認手段がなく自費。',
    );
    b.cov('kyokai', '2010-04-01');
    b.myna({ registered: false, registerAtDesk: false });
    return { b, c: { visitDate: '2026-02-03', presented: ['myna-card'], verdict: 'self-pay', rules: ['R11'] } };
  },
  (p) => {
    const b = p(
      'male',
      '1961-12-10',
      'R8: 電子証明書が2025-12-10に期限切れ。月末起算の猶予 (2026-03-31まで) の間はカードで確認できる。',
    );
    b.cov('kumiai', '1984-04-01');
    b.myna({ certExpiresOn: '2025-12-10' });
    return { b, c: { visitDate: '2026-02-16', presented: ['myna-card'], verdict: 'insured', rules: ['R3', 'R8'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1958-08-31',
      'R8・R9: 電子証明書が2025-08-31に期限切れで猶予も過ぎた。初診では被保険者資格申立書で受け付ける。',
    );
    b.cov('kyokai', '2015-04-01');
    b.myna({ certExpiresOn: '2025-08-31' });
    return {
      b,
      c: { visitDate: '2026-01-20', presented: ['myna-card'], verdict: 'insured-declaration', rules: ['R9', 'R8'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1963-04-30',
      'R8・R9: 電子証明書の猶予切れ。再診なら口頭で変更がないことを確認し、申立書なしで通常どおり請求。',
    );
    b.cov('kyosai', '1986-04-01');
    b.myna({ certExpiresOn: '2025-04-30' });
    return {
      b,
      c: {
        visitDate: '2025-12-15',
        presented: ['myna-card'],
        visitType: 'return',
        verdict: 'insured-declaration',
        rules: ['R9', 'R8'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1966-01-15',
      'R4・R8: 電子証明書の期限切れ。オンライン資格確認のない医療機関で、以前保存したマイナポータルのPDFとカードで確認。',
    );
    b.cov('kumiai', '1989-04-01', { pref: '14' });
    b.myna({ certExpiresOn: '2025-11-15' });
    return {
      b,
      c: {
        visitDate: '2026-01-22',
        presented: ['myna-card', 'mynaportal'],
        mynaportalForm: 'pdf',
        online: false,
        verdict: 'insured',
        rules: ['R4'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1980-11-11',
      'R3: 国保の脱退手続きがまだで、協会けんぽと国保が両方有効 (複数該当)。患者にどちらで受診するか確認する。',
    );
    b.cov('kokuho', '2019-06-01', { pref: '13' });
    b.cov('kyokai', '2025-10-01', { registeredOn: '2025-10-08' });
    b.myna();
    return { b, c: { visitDate: '2025-11-04', presented: ['myna-card'], verdict: 'insured', rules: ['R3'] } };
  },

  // --- R5: 資格確認書
  (p) => {
    const b = p('female', '1977-04-22', 'R5: マイナンバーカードを持たず、資格確認書 (協会けんぽ) で受診。');
    const c1 = b.cov('kyokai', '2001-04-01');
    b.kakunin(c1, '2025-11-10', '2030-11-09');
    return { b, c: { visitDate: '2026-01-19', presented: ['kakunin-sho'], verdict: 'insured', rules: ['R5'] } };
  },
  (p) => {
    const b = p(
      'male',
      '1947-05-05',
      'R5: 後期高齢者 (2割)。2026年7月31日までは後期の全員に資格確認書が交付されている。',
    );
    const c1 = b.cov('kouki', '2022-05-05', { ratio: 20 });
    b.myna().kakunin(c1, '2025-07-15', '2026-07-31', { showsRatio: true });
    return {
      b,
      c: { visitDate: '2026-03-09', presented: ['kakunin-sho'], verdict: 'insured', rules: ['R5'], copayPercent: 20 },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1970-10-02',
      'R5・R13: 限度額区分が記載された資格確認書 (区分ウ)。入院で限度額が必要でも認定証は不要。',
    );
    const c1 = b.cov('kumiai', '1993-04-01', { limitCategory: 'ウ' });
    b.kakunin(c1, '2025-09-01', '2030-08-31', { showsLimit: true });
    return {
      b,
      c: {
        visitDate: '2026-02-18',
        presented: ['kakunin-sho'],
        needsLimit: true,
        online: false,
        verdict: 'insured',
        rules: ['R5'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1965-03-03',
      'R13: 限度額が必要だが、オンライン資格確認のない医療機関で区分の記載がない資格確認書のみ。限度額適用認定証が必要。',
    );
    const c1 = b.cov('kyokai', '1988-04-01', { limitCategory: 'エ' });
    b.kakunin(c1, '2025-12-05', '2030-12-04');
    return {
      b,
      c: {
        visitDate: '2026-03-16',
        presented: ['kakunin-sho'],
        needsLimit: true,
        online: false,
        verdict: 'insured',
        rules: ['R5', 'R13'],
      },
    };
  },
  (p) => {
    const b = p('female', '1962-07-07', 'R5: 限度額適用認定証 (区分オ) を持参。限度額が必要な受診でも認定証で足りる。');
    const c1 = b.cov('kokuho', '2022-04-01', { pref: '27', limitCategory: 'オ' });
    b.kakunin(c1, '2025-07-20', '2027-07-31').limitCert('オ', '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2026-04-13',
        presented: ['kakunin-sho', 'limit-cert'],
        needsLimit: true,
        online: false,
        verdict: 'insured',
        rules: ['R5'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1974-01-28',
      'R11: 有効期限が切れた資格確認書 (2025-11-30まで)。期限切れの資格確認書は暫定的な取扱いの対象外。',
    );
    const c1 = b.cov('kyokai', '1996-04-01');
    b.kakunin(c1, '2024-12-02', '2025-11-30');
    return { b, c: { visitDate: '2026-01-13', presented: ['kakunin-sho'], verdict: 'self-pay', rules: ['R11'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1964-06-18',
      'R12・R16: 2025-09-30に退職 (10-01喪失) したが資格確認書 (有効期限内) を持参。オン資で資格(無効)と分かり使えない。資格確認書は返却が必要。',
    );
    const c1 = b.cov('kumiai', '1987-04-01', { lostOn: '2025-10-01' });
    b.kakunin(c1, '2025-03-01', '2030-02-28');
    return {
      b,
      c: { visitDate: '2025-11-17', presented: ['kakunin-sho'], verdict: 'self-pay', rules: ['R11', 'R12'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1963-11-05',
      'R12: 退職後の資格確認書。オンライン資格確認のない医療機関では受け付けるが、保険者が給付分を後で返還請求することがある。',
    );
    const c1 = b.cov('kyokai', '1986-04-01', { lostOn: '2025-12-01' });
    b.kakunin(c1, '2025-01-10', '2029-12-31');
    return {
      b,
      c: {
        visitDate: '2026-01-09',
        presented: ['kakunin-sho'],
        online: false,
        verdict: 'insured',
        rules: ['R5', 'R12'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1990-02-14',
      'R12: 転職で協会けんぽから健保組合へ。古い保険証を出すと「資格(無効)・新しい資格あり」。',
    );
    const c1 = b.cov('kyokai', '2012-04-01', { lostOn: '2025-09-01' });
    b.cov('kumiai', '2025-09-01', { pref: '13' });
    b.legacy(c1);
    return {
      b,
      c: { visitDate: '2025-10-20', presented: ['legacy-card'], verdict: 'self-pay', rules: ['R11', 'R12'] },
    };
  },

  // --- R1 / R2: 従来の保険証 and the provisional handling
  (p) => {
    const b = p('male', '1976-08-08', 'R1: 従来の保険証 (協会けんぽ) は2025年12月1日まで使える。');
    const c1 = b.cov('kyokai', '2000-04-01');
    b.legacy(c1);
    return { b, c: { visitDate: '2025-11-10', presented: ['legacy-card'], verdict: 'insured', rules: ['R1'] } };
  },
  (p) => {
    const b = p('female', '1982-03-19', 'R1: 国保の保険証は印字の有効期限 (2025-07-31) まで。期限内の受診。');
    const c1 = b.cov('kokuho', '2020-04-01', { pref: '13' });
    b.legacy(c1, '2025-07-31');
    return { b, c: { visitDate: '2025-07-15', presented: ['legacy-card'], verdict: 'insured', rules: ['R1'] } };
  },
  (p) => {
    const b = p(
      'male',
      '1957-09-09',
      'R2: 国保の保険証 (有効期限2025-07-31) が切れた後。2025-08-01からの暫定的な取扱いで、オン資で資格を照会して受け付ける。',
    );
    const c1 = b.cov('kokuho', '2017-10-01', { pref: '12' });
    b.legacy(c1, '2025-07-31');
    return { b, c: { visitDate: '2025-09-10', presented: ['legacy-card'], verdict: 'insured-interim', rules: ['R2'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1968-12-24',
      'R11: 国保の保険証 (有効期限2025-09-30) が切れ、オン資のない医療機関。暫定的な取扱いはオン資での照会が前提 (設定で変更可)。',
    );
    const c1 = b.cov('kokuho', '2021-04-01', { pref: '14' });
    b.legacy(c1, '2025-09-30');
    return {
      b,
      c: { visitDate: '2025-10-15', presented: ['legacy-card'], online: false, verdict: 'self-pay', rules: ['R11'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1983-05-16',
      'R2: 2025年12月2日以降の従来の保険証 (協会けんぽ)。暫定的な取扱いでオン資で照会して受け付ける。',
    );
    const c1 = b.cov('kyokai', '2006-04-01');
    b.legacy(c1);
    return { b, c: { visitDate: '2026-01-15', presented: ['legacy-card'], verdict: 'insured-interim', rules: ['R2'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1975-10-10',
      'R11: 保険証の印字の有効期限 (2025-03-31) が早い被用者保険。既定では被用者保険の暫定取扱いは2025-12-02から (設定で有効期限の翌日からにできる)。',
    );
    const c1 = b.cov('kumiai', '2022-04-01', { pref: '27' });
    b.legacy(c1, '2025-03-31');
    return { b, c: { visitDate: '2025-10-01', presented: ['legacy-card'], verdict: 'self-pay', rules: ['R11'] } };
  },
  (p) => {
    const b = p(
      'male',
      '1945-11-23',
      'R2: 後期高齢者の従来の保険証は2025-07-31で一斉に期限切れ。2025-08-01からの暫定的な取扱いで受け付ける。',
    );
    const c1 = b.cov('kouki', '2020-11-23', { pref: '13' });
    b.legacy(c1);
    return {
      b,
      c: {
        visitDate: '2025-09-01',
        presented: ['legacy-card'],
        verdict: 'insured-interim',
        rules: ['R2'],
        copayPercent: 10,
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1944-04-04',
      'R6: 後期高齢者が期限切れの保険証のみ (オン資なし)。自費となり、2026年7月31日まで全員に交付されている資格確認書の持参を案内。',
    );
    const c1 = b.cov('kouki', '2019-04-04', { pref: '11' });
    b.legacy(c1);
    return {
      b,
      c: {
        visitDate: '2026-03-02',
        presented: ['legacy-card'],
        online: false,
        verdict: 'self-pay',
        rules: ['R11', 'R6'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1950-10-10',
      'R12・R6: 2025-10-10に75歳。協会けんぽの保険証はその日から無効 (生年月日から分かる)。後期の資格確認書の持参を案内。',
    );
    const c1 = b.cov('kyokai', '2011-04-01', { lostOn: '2025-10-10' });
    const c2 = b.cov('kouki', '2025-10-10', { ratio: 10 });
    b.legacy(c1).kakunin(c2, '2025-09-25', '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2025-11-04',
        presented: ['legacy-card'],
        online: false,
        verdict: 'self-pay',
        rules: ['R11', 'R6', 'R12'],
      },
    };
  },

  // --- R4: マイナ保険証 + お知らせ / マイナポータル
  (p) => {
    const b = p('female', '1987-01-09', 'R4: オンライン資格確認のない医療機関で、マイナ保険証と資格情報のお知らせ。');
    const c1 = b.cov('kyokai', '2009-04-01');
    b.myna().oshirase(c1);
    return {
      b,
      c: {
        visitDate: '2026-05-11',
        presented: ['myna-card', 'oshirase'],
        online: false,
        verdict: 'insured',
        rules: ['R4'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1985-07-27',
      'R2: お知らせのみ (カードは家に置いてきた)。オン資で照会できれば暫定的な取扱いで受け付ける。',
    );
    const c1 = b.cov('kumiai', '2008-04-01');
    b.myna().oshirase(c1);
    return { b, c: { visitDate: '2026-02-02', presented: ['oshirase'], verdict: 'insured-interim', rules: ['R2'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1981-05-10',
      'R11: お知らせのみ、オン資のない医療機関。お知らせだけでは資格を確認できない。',
    );
    const c1 = b.cov('kyokai', '2015-04-01');
    b.myna().oshirase(c1);
    return {
      b,
      c: { visitDate: '2026-09-01', presented: ['oshirase'], online: false, verdict: 'self-pay', rules: ['R11'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1978-09-21',
      'R4: 顔認証付きカードリーダーの故障時に、マイナ保険証とマイナポータルの資格情報画面で確認。',
    );
    b.cov('kyosai', '2002-04-01', { pref: '40' });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-28',
        presented: ['myna-card', 'mynaportal'],
        incident: 'reader-failure',
        mynaportalForm: 'screen',
        verdict: 'insured',
        rules: ['R4'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1993-12-12',
      'R11: マイナポータルのスクリーンショットは既定では認めない (設定で変更可)。オン資のない医療機関。',
    );
    b.cov('kumiai', '2016-04-01');
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-03-05',
        presented: ['myna-card', 'mynaportal'],
        mynaportalForm: 'screenshot',
        online: false,
        verdict: 'self-pay',
        rules: ['R11'],
      },
    };
  },

  // --- R9 / R10 / R17: new hires and the registration lag
  (p) => {
    const b = p(
      'male',
      '1998-04-15',
      'R9・R10・R17: 国保から協会けんぽへ (2026-01-13入社、1-14に資格取得届)。登録待ちの間は旧資格 (国保) が資格(無効)と表示され、申立書で受け付けて旧資格で請求。',
    );
    b.cov('kokuho', '2020-04-01', { lostOn: '2026-01-13' });
    b.cov('kyokai', '2026-01-13', { filedOn: '2026-01-14' });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-16',
        presented: ['myna-card'],
        verdict: 'insured-declaration',
        rules: ['R9', 'R10', 'R17'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '2003-06-02',
      'R9・R10・R17: 新卒で初めての就職 (2026-04-01)。マイナンバーを書かずに資格取得届を出したため登録に時間がかかり、資格情報なし。後日確認して請求。',
    );
    b.cov('kumiai', '2026-04-01', { filedOn: '2026-04-03', myNumberOnForm: false });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-04-10',
        presented: ['myna-card'],
        verdict: 'insured-declaration',
        rules: ['R9', 'R10', 'R17'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '2002-10-30',
      'R3・R17: 新卒 (2026-04-01入社)。マイナンバー記載の資格取得届から5営業日が過ぎれば、マイナ保険証で確認できる。',
    );
    b.cov('kyokai', '2026-04-01', { filedOn: '2026-04-01' });
    b.myna();
    return { b, c: { visitDate: '2026-04-13', presented: ['myna-card'], verdict: 'insured', rules: ['R3'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1973-02-11',
      'R9: 回線障害でオンライン資格確認ができない。再診なので口頭で変更なしを確認し通常どおり請求。',
    );
    b.cov('kyokai', '1995-04-01');
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-02-24',
        presented: ['myna-card'],
        incident: 'network-outage',
        visitType: 'return',
        verdict: 'insured-declaration',
        rules: ['R9'],
      },
    };
  },
  (p) => {
    const b = p('male', '1989-08-19', 'R9: カードリーダーの故障。初診なので被保険者資格申立書に記入してもらう。');
    b.cov('kumiai', '2011-04-01', { pref: '23' });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-03-10',
        presented: ['myna-card'],
        incident: 'reader-failure',
        verdict: 'insured-declaration',
        rules: ['R9'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1992-03-08',
      'R9・R10: 退職して無保険の期間。マイナ保険証で資格(無効) (旧資格が表示される)。申立書で受け付け、国保加入を案内。',
    );
    b.cov('kyokai', '2014-04-01', { lostOn: '2026-02-01' });
    b.myna();
    return {
      b,
      c: { visitDate: '2026-02-20', presented: ['myna-card'], verdict: 'insured-declaration', rules: ['R9', 'R10'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1967-06-06',
      'R9: 回線障害中。マイナ保険証と期限切れの保険証。照会できないため申立書で受け付ける (初診)。',
    );
    const c1 = b.cov('kyokai', '1990-04-01');
    b.myna().legacy(c1);
    return {
      b,
      c: {
        visitDate: '2026-01-21',
        presented: ['myna-card', 'legacy-card'],
        incident: 'network-outage',
        verdict: 'insured-declaration',
        rules: ['R9'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1971-09-29',
      'R1・R12: 2025-10-21に退職したが保険証を持参。オン資のない医療機関では受け付け、保険者が後で返還請求することがある。',
    );
    const c1 = b.cov('kumiai', '1994-04-01', { lostOn: '2025-10-21' });
    b.legacy(c1);
    return {
      b,
      c: {
        visitDate: '2025-11-05',
        presented: ['legacy-card'],
        online: false,
        verdict: 'insured',
        rules: ['R1', 'R12'],
      },
    };
  },
  (p) => {
    const b = p('male', '1960-01-31', 'R5: 回線障害でも有効期限内の資格確認書なら受け付けられる。');
    const c1 = b.cov('kyosai', '1982-04-01');
    b.kakunin(c1, '2025-12-02', '2030-12-01');
    return {
      b,
      c: {
        visitDate: '2026-02-12',
        presented: ['kakunin-sho'],
        incident: 'network-outage',
        verdict: 'insured',
        rules: ['R5'],
      },
    };
  },

  // --- R15 ages and R7 高齢受給者証
  (p) => {
    const b = p('female', '2020-08-15', 'R15: 未就学児 (2割)。健保組合の家族 (被扶養者)。');
    b.cov('kumiai', '2020-08-15', { family: true, serial: 138 });
    b.myna();
    return {
      b,
      c: { visitDate: '2026-01-07', presented: ['myna-card'], verdict: 'insured', rules: ['R3'], copayPercent: 20 },
    };
  },
  (p) => {
    const b = p('male', '2019-04-02', 'R15: 2025-04-01に6歳に達した子。未就学の2割は2026-03-31まで。');
    const c1 = b.cov('kyokai', '2019-04-02', { family: true });
    b.kakunin(c1, '2025-12-02', '2030-12-01');
    return {
      b,
      c: { visitDate: '2026-03-30', presented: ['kakunin-sho'], verdict: 'insured', rules: ['R5'], copayPercent: 20 },
    };
  },
  (p) => {
    const b = p('female', '2019-04-01', 'R15: 2025-03-31に6歳に達した子。未就学は2025-03-31まで、以降は3割。');
    const c1 = b.cov('kokuho', '2019-04-01', { family: true, pref: '23' });
    b.kakunin(c1, '2025-07-20', '2027-07-31');
    return {
      b,
      c: { visitDate: '2025-10-20', presented: ['kakunin-sho'], verdict: 'insured', rules: ['R5'], copayPercent: 30 },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1955-11-15',
      'R7・R15: 2025-11-14に70歳に達し、2025-12-01から高齢受給者。協会けんぽは高齢受給者証が別なので、持参がなければ仮に3割。',
    );
    const c1 = b.cov('kyokai', '1978-04-01');
    b.kakunin(c1, '2025-12-02', '2030-11-30');
    return {
      b,
      c: {
        visitDate: '2025-12-03',
        presented: ['kakunin-sho'],
        verdict: 'insured',
        rules: ['R5', 'R7'],
        copayPercent: 30,
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1956-01-01',
      'R15: 1日生まれは誕生月から高齢受給者 (2026-01-01から2割)。マイナ保険証なら高齢受給者証は不要。',
    );
    b.cov('kumiai', '1978-04-01');
    b.myna();
    return {
      b,
      c: { visitDate: '2026-01-05', presented: ['myna-card'], verdict: 'insured', rules: ['R3'], copayPercent: 20 },
    };
  },
  (p) => {
    const b = p('male', '1953-06-10', 'R5・R7: 72歳 (協会けんぽ)。資格確認書と高齢受給者証 (2割)。');
    const c1 = b.cov('kyokai', '1976-04-01');
    b.kakunin(c1, '2025-08-01', '2030-07-31').elderly(20, '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2026-01-15',
        presented: ['kakunin-sho', 'elderly-card'],
        online: false,
        verdict: 'insured',
        rules: ['R5', 'R7'],
        copayPercent: 20,
      },
    };
  },
  (p) => {
    const b = p('female', '1954-02-20', 'R5・R7: 72歳・現役並み所得 (3割) の健保組合。高齢受給者証 (3割) を確認。');
    const c1 = b.cov('kumiai', '1976-04-01', { ratio: 30 });
    b.kakunin(c1, '2025-06-01', '2030-05-31').elderly(30, '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2026-02-05',
        presented: ['kakunin-sho', 'elderly-card'],
        verdict: 'insured',
        rules: ['R5', 'R7'],
        copayPercent: 30,
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1954-09-01',
      'R1・R7: 71歳の国保。国保の保険証は高齢受給者証を兼ねる (on-document) ため別の証は不要。',
    );
    const c1 = b.cov('kokuho', '2014-10-01', { pref: '13' });
    b.legacy(c1, '2026-07-31');
    return {
      b,
      c: { visitDate: '2025-11-10', presented: ['legacy-card'], verdict: 'insured', rules: ['R1'], copayPercent: 20 },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1951-03-10',
      'R3・R15: 2026-03-10に75歳で後期高齢者へ。協会けんぽはその日に喪失。マイナ保険証なら後期の資格で確認 (1割)。',
    );
    b.cov('kyokai', '1990-04-01', { lostOn: '2026-03-10', family: true });
    b.cov('kouki', '2026-03-10', { ratio: 10 });
    b.myna();
    return {
      b,
      c: { visitDate: '2026-03-12', presented: ['myna-card'], verdict: 'insured', rules: ['R3'], copayPercent: 10 },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1951-01-20',
      'R5・R12: 75歳到達後に古い協会けんぽの資格確認書と後期の資格確認書を両方持参。後期のものが有効で、古いものは無効。',
    );
    const c1 = b.cov('kyokai', '1975-04-01', { lostOn: '2026-01-20' });
    const c2 = b.cov('kouki', '2026-01-20', { ratio: 10 });
    b.kakunin(c1, '2025-04-01', '2030-03-31').kakunin(c2, '2026-01-05', '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2026-02-02',
        presented: ['kakunin-sho'],
        online: false,
        verdict: 'insured',
        rules: ['R5', 'R12'],
        copayPercent: 10,
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1956-02-29',
      'R7・R15: 2月29日生まれ。平年の誕生日は3月1日、70歳に達するのは2026-02-28で、高齢受給者は2026-03-01から。',
    );
    const c1 = b.cov('kyokai', '1978-04-01');
    b.kakunin(c1, '2025-09-01', '2030-08-31');
    return {
      b,
      c: {
        visitDate: '2026-03-02',
        presented: ['kakunin-sho'],
        verdict: 'insured',
        rules: ['R5', 'R7'],
        copayPercent: 30,
      },
    };
  },
  (p) => {
    const b = p('male', '1946-07-14', 'R3: 後期高齢者・現役並み所得 (3割)。マイナ保険証で確認。');
    b.cov('kouki', '2021-07-14', { ratio: 30, pref: '27' });
    b.myna();
    return {
      b,
      c: { visitDate: '2026-01-08', presented: ['myna-card'], verdict: 'insured', rules: ['R3'], copayPercent: 30 },
    };
  },

  // --- R13: 限度額
  (p) => {
    const b = p(
      'female',
      '1969-11-30',
      'R13: 限度額が必要な受診でも、マイナ保険証なら限度額適用認定証は不要 (区分イ)。',
    );
    b.cov('kumiai', '1992-04-01', { limitCategory: 'イ' });
    b.myna();
    return {
      b,
      c: { visitDate: '2026-02-10', presented: ['myna-card'], needsLimit: true, verdict: 'insured', rules: ['R3'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1948-12-03',
      'R13: 後期高齢者 (低所得Ⅱ) は2024-12-02以降、限度額適用認定証の新規交付がない。区分の記載がある資格確認書が必要。',
    );
    const c1 = b.cov('kouki', '2023-12-03', { ratio: 10, limitCategory: '低所得Ⅱ' });
    b.kakunin(c1, '2025-07-10', '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2026-02-25',
        presented: ['kakunin-sho'],
        needsLimit: true,
        online: false,
        verdict: 'insured',
        rules: ['R5', 'R13'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1949-08-08',
      'R13: 後期高齢者で区分 (低所得Ⅰ) が記載された資格確認書。限度額の書類はそろっている。',
    );
    const c1 = b.cov('kouki', '2024-08-08', { ratio: 10, limitCategory: '低所得Ⅰ' });
    b.kakunin(c1, '2025-07-10', '2026-07-31', { showsLimit: true });
    return {
      b,
      c: {
        visitDate: '2026-03-23',
        presented: ['kakunin-sho'],
        needsLimit: true,
        online: false,
        verdict: 'insured',
        rules: ['R5'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1953-04-12',
      'R7・R13: 72歳の区分「一般」には限度額の証がない (窓口で区分を確認)。高齢受給者証は必要。',
    );
    const c1 = b.cov('kyokai', '1976-04-01', { limitCategory: '一般' });
    b.kakunin(c1, '2025-08-01', '2030-07-31').elderly(20, '2026-07-31');
    return {
      b,
      c: {
        visitDate: '2026-01-29',
        presented: ['kakunin-sho', 'elderly-card'],
        needsLimit: true,
        online: false,
        verdict: 'insured',
        rules: ['R5', 'R7'],
        copayPercent: 20,
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1966-09-09',
      'R13: オン資で番号照会が有効なら、患者の同意で限度額情報を取得できるため認定証は不要 (区分エ)。',
    );
    const c1 = b.cov('kyokai', '1989-04-01', { limitCategory: 'エ' });
    b.kakunin(c1, '2025-10-01', '2030-09-30');
    return {
      b,
      c: { visitDate: '2026-02-17', presented: ['kakunin-sho'], needsLimit: true, verdict: 'insured', rules: ['R5'] },
    };
  },

  // --- R11 and walk-ins without documents
  (p) => {
    const b = p(
      'male',
      '1994-05-25',
      'R11: 何も持参していない初診の患者。自費 (10割) で、後で療養費を請求できると案内。',
    );
    b.cov('kyokai', '2017-04-01');
    return { b, c: { visitDate: '2026-01-30', presented: [], verdict: 'self-pay', rules: ['R11'] } };
  },
  (p) => {
    const b = p(
      'female',
      '1959-10-16',
      'R11: 何も持参していない再診の患者。医療機関の判断で通常の負担割合とすることもできる (注記)。',
    );
    b.cov('kokuho', '2019-11-01', { pref: '40' });
    return {
      b,
      c: { visitDate: '2026-02-27', presented: [], visitType: 'return', verdict: 'self-pay', rules: ['R11'] },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1997-01-03',
      'R9・R10: 保険に加入していない (無保険) 患者のマイナ保険証。資格情報なしと表示される。',
    );
    b.myna();
    return {
      b,
      c: { visitDate: '2026-03-03', presented: ['myna-card'], verdict: 'insured-declaration', rules: ['R9', 'R10'] },
    };
  },
  (p) => {
    const b = p('female', '1952-12-22', 'R3: 船員保険の被保険者の家族。マイナ保険証で確認。');
    b.cov('senin', '2001-04-01', { family: true });
    b.myna();
    return {
      b,
      c: { visitDate: '2025-11-20', presented: ['myna-card'], verdict: 'insured', rules: ['R3'], copayPercent: 20 },
    };
  },
];

// Rule book version 2 (R21–R26 and the online system's lag in learning of a loss): patients added
// after the ordinary ones, keyed demo-2NN, so a database seeded before keeps every patient it has
// and gets these when the demo is seeded again. Where a case needs a desk answer (the cause) or a
// clinic setting (prefecture, PMH, 労災指定), the note says so and the case records it.
const V2_DEFS: Def[] = [
  // --- R22: 医療証 of a municipality
  (p) => {
    const b = p(
      'female',
      '2021-07-15',
      'R22: 東京都の子ども医療証 (負担なし) を持つ未就学児。都内の医療機関 (設定: 都道府県 東京都) では窓口負担 0円。',
    );
    b.cov('kyokai', '2021-07-15', { family: true });
    const k = b.kohi('child', { pref: '13', validFrom: '2025-04-01', validUntil: '2027-03-31', share: 'none' });
    b.myna().kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-02-04',
        presented: ['myna-card', 'kohi-cert'],
        clinic: { prefecture: '13' },
        verdict: 'insured',
        rules: ['R3', 'R22'],
        copayPercent: 20,
        patientPays: { percent: 0, perVisitYen: null },
        publicExpense: [{ program: 'child', applied: true, basis: 'document', reason: null }],
        notes: [],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '2017-10-02',
      'R22: 埼玉県の子ども医療証で東京都の医療機関 (設定: 都道府県 東京都) を受診。県外では使えず3割を支払い、市役所で払い戻しを申請。',
    );
    b.cov('kyokai', '2017-10-02', { family: true, pref: '11' });
    const k = b.kohi('child', { pref: '11', validFrom: '2025-10-01', validUntil: '2026-09-30', share: 'none' });
    b.myna().kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-02-09',
        presented: ['myna-card', 'kohi-cert'],
        clinic: { prefecture: '13' },
        verdict: 'insured',
        rules: ['R3', 'R22'],
        copayPercent: 30,
        patientPays: { percent: 30 },
        publicExpense: [{ program: 'child', applied: false, basis: null, reason: 'other-prefecture' }],
        notes: ['kohi-refund'],
        documentsNeeded: [],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '2019-05-20',
      'R22: 子ども医療証を家に忘れた。本日は2割を支払い、医療証を持って払い戻しを申請 (次回は医療証を)。',
    );
    b.cov('kumiai', '2019-05-20', { family: true });
    const k = b.kohi('child', { pref: '13', validFrom: '2025-04-01', validUntil: '2026-03-31', share: 'none' });
    b.myna().kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-02-12',
        presented: ['myna-card'],
        verdict: 'insured',
        rules: ['R3', 'R22'],
        copayPercent: 20,
        patientPays: { percent: 20 },
        publicExpense: [{ program: 'child', applied: false, reason: 'not-presented' }],
        notes: ['kohi-refund'],
        documentsNeeded: ['kohi-cert'],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1990-03-08',
      'R22・R5: ひとり親家庭の医療証 (1回200円)。資格確認書と医療証で、窓口負担は1回200円。',
    );
    const c1 = b.cov('kokuho', '2022-06-01');
    const k = b.kohi('single-parent', {
      pref: '13',
      validFrom: '2025-07-01',
      validUntil: '2026-06-30',
      share: { perVisitYen: 200 },
    });
    b.kakunin(c1, '2025-08-01', '2026-07-31').kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-03-05',
        presented: ['kakunin-sho', 'kohi-cert'],
        verdict: 'insured',
        rules: ['R5', 'R22'],
        copayPercent: 30,
        patientPays: { percent: 0, perVisitYen: 200 },
        publicExpense: [{ program: 'single-parent', applied: true, basis: 'document' }],
      },
    };
  },

  // --- R21: national programmes (指定難病), R23: PMH
  (p) => {
    const b = p(
      'female',
      '1976-11-11',
      'R21: 指定難病の受給者証 (当院が指定医療機関)。上限額管理票で今月3,000円支払済み、月額上限10,000円まで2割。',
    );
    b.cov('kyokai', '1999-04-01');
    const k = b.kohi('nanbyo', {
      validFrom: '2025-10-01',
      validUntil: '2026-09-30',
      monthlyCapYen: 10000,
      paidThisMonthYen: 3000,
    });
    b.myna().kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-01-22',
        presented: ['myna-card', 'kohi-cert'],
        verdict: 'insured',
        rules: ['R3', 'R21'],
        copayPercent: 30,
        patientPays: { percent: 20, monthlyCapYen: 10000, capReached: false },
        publicExpense: [{ program: 'nanbyo', applied: true, basis: 'document' }],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1962-04-30',
      'R21: 指定難病で今月の自己負担上限額 (20,000円) に達している。上限額管理票を確認し、今月の窓口負担は 0円。',
    );
    b.cov('kumiai', '1985-04-01', { pref: '14' });
    const k = b.kohi('nanbyo', {
      pref: '14',
      validFrom: '2025-12-01',
      validUntil: '2026-11-30',
      monthlyCapYen: 20000,
      paidThisMonthYen: 20000,
    });
    b.myna().kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-02-19',
        presented: ['myna-card', 'kohi-cert'],
        verdict: 'insured',
        rules: ['R3', 'R21'],
        patientPays: { percent: 0, monthlyCapYen: 20000, capReached: true },
        publicExpense: [{ program: 'nanbyo', applied: true }],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1983-01-25',
      'R21: 指定難病の受給者証だが、当院は受給者証に記載された指定医療機関ではない。公費は使えず3割。',
    );
    b.cov('kyosai', '2005-04-01');
    const k = b.kohi('nanbyo', {
      validFrom: '2025-10-01',
      validUntil: '2026-09-30',
      monthlyCapYen: 5000,
      paidThisMonthYen: 0,
      designatedHere: false,
    });
    b.myna().kohiCert(k);
    return {
      b,
      c: {
        visitDate: '2026-03-10',
        presented: ['myna-card', 'kohi-cert'],
        verdict: 'insured',
        rules: ['R3', 'R21'],
        patientPays: { percent: 30, monthlyCapYen: null, capReached: false },
        publicExpense: [{ program: 'nanbyo', applied: false, reason: 'not-designated' }],
        documentsNeeded: [],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '2014-08-08',
      'R21・R23: 小児慢性特定疾病。PMH に登録済みで、PMH につながる医療機関 (設定: PMH あり) ならマイナ保険証だけで受給者証の紙は不要。',
    );
    b.cov('kyokai', '2014-08-08', { family: true });
    b.kohi('shoman', {
      validFrom: '2025-08-01',
      validUntil: '2026-07-31',
      monthlyCapYen: 5000,
      paidThisMonthYen: 0,
      pmhRegistered: true,
    });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-27',
        presented: ['myna-card'],
        clinic: { pmh: true },
        verdict: 'insured',
        rules: ['R3', 'R21', 'R23'],
        copayPercent: 30,
        patientPays: { percent: 20, monthlyCapYen: 5000 },
        publicExpense: [{ program: 'shoman', applied: true, basis: 'pmh' }],
      },
    };
  },

  // --- R24: 生活保護 医療扶助
  (p) => {
    const b = p(
      'male',
      '1968-09-19',
      'R24: 生活保護 (医療扶助)。国保は保護開始で喪失。マイナンバーカードで医療扶助のオンライン資格確認 (医療券の登録あり)。',
    );
    b.cov('kokuho', '2012-04-01', { lostOn: '2025-04-01' });
    b.welfare('2025-04-01', { ticketRegistered: true });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-21',
        presented: ['myna-card'],
        verdict: 'public-assistance',
        rules: ['R24'],
        copayPercent: 0,
        patientPays: { percent: 0 },
        publicExpense: [{ program: 'welfare', applied: true, basis: 'online' }],
        notes: [],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1959-06-06',
      'R24: 生活保護で、福祉事務所が今月の医療券をまだ登録していない。福祉事務所に電話で確認 (10割にはしない)。',
    );
    b.cov('kokuho', '2019-04-01', { lostOn: '2025-11-01' });
    b.welfare('2025-11-01', { ticketRegistered: false });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-02-16',
        presented: ['myna-card'],
        verdict: 'public-assistance',
        rules: ['R24'],
        copayPercent: 0,
        publicExpense: [{ program: 'welfare', applied: true, basis: 'pending' }],
        notes: ['call-welfare-office'],
        documentsNeeded: ['medical-ticket'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1950-12-12',
      'R24: 生活保護で、マイナンバーカードを持たず紙の医療券 (当月・当院あて) を持参。',
    );
    b.welfare('2024-10-01', { ticketRegistered: false }).ticket();
    return {
      b,
      c: {
        visitDate: '2026-03-04',
        presented: ['medical-ticket'],
        verdict: 'public-assistance',
        rules: ['R24'],
        publicExpense: [{ program: 'welfare', applied: true, basis: 'document' }],
        notes: [],
        documentsNeeded: [],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1980-02-02',
      'R24: 勤務先の健康保険 (協会けんぽ) に加入したまま生活保護を受けている。保険が先に使われ、自己負担分を医療扶助が負担 (窓口 0円)。',
    );
    b.cov('kyokai', '2018-04-01');
    b.welfare('2025-09-01', { ticketRegistered: true });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-28',
        presented: ['myna-card'],
        verdict: 'insured',
        rules: ['R3', 'R24'],
        copayPercent: 30,
        patientPays: { percent: 0 },
        publicExpense: [{ program: 'welfare', applied: true }],
      },
    };
  },

  // --- R25: 労災・通勤災害・交通事故 (the desk asks 「お仕事中・通勤中のけがですか」)
  (p) => {
    const b = p(
      'male',
      '1985-05-05',
      'R25: 仕事中のけが (受付で「仕事中」)。労災の様式第5号を持参。健康保険は使わず、窓口負担なし。',
    );
    b.cov('kyokai', '2008-04-01');
    b.myna().rousaiForm();
    return {
      b,
      c: {
        visitDate: '2026-02-03',
        presented: ['myna-card', 'rousai-form'],
        cause: 'work',
        verdict: 'workers-comp',
        rules: ['R25'],
        copayPercent: 0,
        patientPays: { percent: 0, deposit: false },
        documentsNeeded: [],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1993-12-24',
      'R25: 通勤途中のけが (受付で「通勤中」)。様式第16号の3はまだない。10割を預かり金としていただき、様式が届いたら返金。',
    );
    b.cov('kumiai', '2016-04-01', { pref: '27' });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-02-24',
        presented: ['myna-card'],
        cause: 'commute',
        verdict: 'workers-comp',
        rules: ['R25'],
        patientPays: { percent: 0, deposit: true },
        documentsNeeded: ['rousai-form'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1977-07-21',
      'R25: 仕事中のけがで、当院は労災指定医療機関ではない (設定: 労災指定なし)。10割を支払い、労働基準監督署に請求してもらう。',
    );
    b.cov('kyosai', '2000-04-01');
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-03-11',
        presented: ['myna-card'],
        cause: 'work',
        clinic: { rousaiDesignated: false },
        verdict: 'self-pay',
        rules: ['R25'],
        copayPercent: 100,
        notes: ['workers-comp-refund'],
        documentsNeeded: [],
      },
    };
  },
  (p) => {
    const b = p(
      'female',
      '1988-04-14',
      'R25: 交通事故のけが (受付で「交通事故」)。健康保険は使えるが、保険者に第三者行為による傷病届を出すよう案内。',
    );
    b.cov('kyokai', '2011-04-01');
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-16',
        presented: ['myna-card'],
        cause: 'traffic',
        verdict: 'insured',
        rules: ['R3', 'R25'],
        copayPercent: 30,
        notes: ['third-party-notice'],
      },
    };
  },

  // --- R26: 被扶養者, and the online system learning of a loss late (R17)
  (p) => {
    const b = p(
      'female',
      '1957-07-07',
      'R26: 夫 (被保険者) が2026年2月20日に75歳になり、妻の被扶養者資格もその日に終了。国保への加入が必要。',
    );
    const c1 = b.cov('kumiai', '2017-04-01', {
      family: true,
      dependentOf: { holderBirthDate: '1951-02-20' },
    });
    b.myna().kakunin(c1, '2025-10-01', '2030-09-30');
    return {
      b,
      c: {
        visitDate: '2026-03-02',
        presented: ['myna-card'],
        verdict: 'insured-declaration',
        rules: ['R9', 'R10', 'R26'],
        documentsNeeded: ['declaration'],
      },
    };
  },
  (p) => {
    const b = p(
      'male',
      '1991-10-10',
      'R17・R3: 転職。前の協会けんぽは1月1日に喪失したが、喪失の登録が遅れオンライン資格確認ではまだ有効と表示される (請求が返戻されるおそれ)。',
    );
    b.cov('kyokai', '2014-04-01', { lostOn: '2026-01-01', lossRegisteredOn: '2026-01-26' });
    b.cov('kumiai', '2026-01-01', { registeredOn: '2026-01-23' });
    b.myna();
    return {
      b,
      c: {
        visitDate: '2026-01-19',
        presented: ['myna-card'],
        verdict: 'insured',
        rules: ['R3', 'R17'],
        notes: ['claim-may-be-returned'],
      },
    };
  },
];

// Ordinary patients (volume for search and practice): a typical coverage and one way to show it.
interface Ordinary {
  sex: Sex;
  birthDate: IsoDate;
  insurer: Insurer;
  how: 'myna' | 'kakunin' | 'phone';
  family?: boolean;
  pref: string;
}

/** 42 of them, drawn from a seeded PRNG (the same on every machine). */
function ordinaryPeople(): Ordinary[] {
  const rnd = seededRandom(20260101);
  const insurers: Insurer[] = ['kyokai', 'kyokai', 'kyokai', 'kumiai', 'kumiai', 'kyosai', 'kokuho', 'kokuho', 'kouki'];
  const prefs = Object.keys(PREF_JA);
  return Array.from({ length: 42 }, (): Ordinary => {
    const insurer = insurers[Math.floor(rnd() * insurers.length)]!;
    const year = insurer === 'kouki' ? 1935 + Math.floor(rnd() * 15) : 1958 + Math.floor(rnd() * 47);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const r = rnd();
    return {
      sex: rnd() < 0.5 ? 'male' : 'female',
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      insurer,
      how: r < 0.6 ? 'myna' : r < 0.9 ? 'kakunin' : 'phone',
      family: year >= 2008 || rnd() < 0.25,
      pref: prefs[Math.floor(rnd() * prefs.length)]!,
    };
  });
}

function ordinary(o: Ordinary, i: number, used: Set<string>): DemoPatient {
  const key = `demo-${pad(DEFS.length + i + 1, 3)}`;
  const way = { myna: 'マイナ保険証', kakunin: '資格確認書', phone: 'スマホのマイナ保険証' }[o.how];
  const b = new Builder(
    key,
    o.sex,
    o.birthDate,
    `一般的な患者: ${INSURER_JA[o.insurer]}${o.family && o.insurer !== 'kouki' ? '・家族' : ''}。${way}で受診。`,
  );
  const acquired =
    o.insurer === 'kouki'
      ? `${Number(o.birthDate.slice(0, 4)) + 75}${o.birthDate.slice(4)}`
      : o.family
        ? o.birthDate
        : `${Math.min(Math.max(Number(o.birthDate.slice(0, 4)) + 22, 2000), 2024)}-04-01`;
  const c1 = b.cov(o.insurer, acquired, {
    pref: o.pref,
    family: o.family && o.insurer !== 'kouki',
    ...(o.insurer === 'kouki' ? { ratio: 10 as const } : {}),
  });
  const visitDate = `2026-${pad(1 + (i % 6), 2)}-${pad(5 + (i % 20), 2)}`;
  let presented: DocumentKind[];
  if (o.how === 'kakunin') {
    b.kakunin(c1, '2025-07-15', o.insurer === 'kouki' ? '2026-07-31' : '2030-07-14');
    presented = ['kakunin-sho'];
  } else {
    b.myna();
    if (o.how === 'phone') b.phone(i % 2 ? 'android' : 'iphone');
    presented = o.how === 'phone' ? ['myna-smartphone'] : ['myna-card'];
  }
  return b.build(
    DEFS.length + i + 7,
    {
      visitDate,
      presented,
      phoneReader: o.how === 'phone',
      verdict: 'insured',
      rules: o.how === 'kakunin' ? ['R5'] : ['R3'],
    },
    used,
  );
}

/** The demo patients, in a fixed order (deterministic: the same list on every machine). */
export function demoPatients(): DemoPatient[] {
  const used = new Set<string>();
  const cases = DEFS.map((def, i) => {
    const key = `demo-${pad(i + 1, 3)}`;
    const { b, c } = def((sex, birthDate, note) => new Builder(key, sex, birthDate, note));
    return b.build(i + 1, c, used);
  });
  const v1 = [...cases, ...ordinaryPeople().map((o, i) => ordinary(o, i, used))];
  const v2 = V2_DEFS.map((def, i) => {
    const key = `demo-${pad(201 + i, 3)}`;
    const { b, c } = def((sex, birthDate, note) => new Builder(key, sex, birthDate, note));
    return b.build(201 + i, c, used);
  });
  return [...v1, ...v2];
}
