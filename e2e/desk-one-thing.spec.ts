// The desk says one thing at a time (issue 10): beside the verdict, what to do next (the ladder
// before the 申立書 after a reader failure, which coverage after 複数該当, why 資格有効 still ends
// in 自費); 高齢受給者証 確認済み once shown; and the result panel carries what the document does
// (照会日時, every candidate, 本人・家族, 有効終了日 with the reason of the loss, 限度額 and consent,
// how the holder was identified, the e-certificate alert).
import type { Page } from '@playwright/test';
import type { PatientInput } from '../shared/contract/patient';
import { INCIDENT_JA } from '../shared/labels';
import { DOCUMENTS } from '../renderer/src/labels';
import { choosePatient, openApp, savePatient, setVisitDate, verdictOf } from './desk-helpers';
import { expect, shot, test } from './fixtures';

const kyokai = { insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: '01139013' } as const;
const myna = { insuranceRegistered: true, certExpiresOn: '2031-05-10' };

const PATIENTS: Record<string, Omit<PatientInput, 'name' | 'kana' | 'sex'>> = {
  読取: { birthDate: '1981-05-10', coverages: [kyokai], myna, holdings: [] },
  複数: {
    birthDate: '1986-06-30',
    coverages: [
      { insurer: 'kokuho', acquiredOn: '2015-04-01', insurerNumber: '139345' },
      { insurer: 'kyokai', acquiredOn: '2026-01-05', insurerNumber: '01279025' },
    ],
    myna,
    holdings: [],
  },
  期限: {
    birthDate: '1981-05-10',
    coverages: [kyokai],
    myna: null,
    holdings: [{ kind: 'legacy-card', coverage: 'c1', printedExpiry: null }],
  },
  高齢: {
    birthDate: '1953-06-10',
    coverages: [{ ...kyokai, acquiredOn: '2013-04-01', ratio: 20 }],
    myna: null,
    holdings: [
      { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-08-01', validFrom: null, validUntil: '2029-07-31' },
      { kind: 'elderly-card', ratio: 20, validFrom: null, validUntil: '2026-07-31' },
    ],
  },
  喪失: {
    birthDate: '1986-06-30',
    coverages: [
      { insurer: 'kokuho', acquiredOn: '2015-04-01', insurerNumber: '139345', lostOn: '2026-01-05' },
      { insurer: 'kyokai', acquiredOn: '2026-01-05', insurerNumber: '01279025' },
    ],
    myna: null,
    holdings: [{ kind: 'legacy-card', coverage: 'c1', printedExpiry: '2026-07-31' }],
  },
  猶予: {
    birthDate: '1981-05-10',
    coverages: [{ ...kyokai, limitCategory: 'ウ' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2025-12-10', pinLocked: true },
    holdings: [],
  },
};
const KANA: Record<string, string> = {
  読取: 'ヨミトリ',
  複数: 'フクスウ',
  期限: 'キゲン',
  高齢: 'コウレイ',
  喪失: 'ソウシツ',
  猶予: 'ユウヨ',
};
const nameOf = (k: string) => `${k} 一件`;

test.beforeAll(async ({ server }) => {
  for (const [k, p] of Object.entries(PATIENTS))
    await savePatient(server, { ...p, name: nameOf(k), kana: `${KANA[k]} イッケン`, sex: 'female' });
});

/** Opens the desk on the date, chooses the patient and hands over the documents by their keys, then Enter. */
async function decide(page: Page, who: string, date: string, keys: string[], opts: { limit?: boolean } = {}) {
  await setVisitDate(page, date);
  await choosePatient(page, nameOf(who), nameOf(who));
  if (opts.limit) await page.getByRole('checkbox', { name: /限度額の適用が必要/ }).check();
  await page.getByRole('button', { name: '確認する' }).focus();
  for (const k of keys) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('copay')).toBeVisible();
}

const key = (kind: keyof typeof DOCUMENTS) => DOCUMENTS[kind].key;

test('after a reader failure: the ladder before the 申立書 beside the verdict', async ({ page, server }, info) => {
  await openApp(page, server);
  await page.getByRole('radio', { name: INCIDENT_JA['reader-failure'], exact: true }).check();
  await decide(page, '読取', '2026-02-02', [key('myna-card')]);
  expect(await verdictOf(page)).toBe('insured-declaration');
  const steps = page.getByTestId('next-steps');
  await expect(steps).toContainText('申立ての前に次のどれかをお持ちでないか確認してください');
  await expect(steps).toContainText('マイナンバーカードと資格情報のお知らせ');
  await expect(steps).toContainText('スマホのマイナポータルの資格情報画面');
  await expect(steps).toContainText('どれもないときは、被保険者資格申立書に記入していただきます。');
  await shot(page, info, 'one-thing-reader-failure');
});

test('複数該当: which coverage, and every candidate with 照会日時 and 本人・家族', async ({ page, server }, info) => {
  await openApp(page, server);
  await decide(page, '複数', '2026-01-20', [key('myna-card')]);
  await expect(page.getByTestId('next-steps')).toHaveText(
    '複数の保険が該当しました。どの保険で受診するか患者さんに確認してください。',
  );
  const candidates = page.getByTestId('online-candidate');
  await expect(candidates).toHaveCount(2);
  await expect(candidates.nth(0)).toContainText('候補 1 / 2');
  await expect(candidates.filter({ hasText: '国民健康保険' })).toHaveCount(1);
  await expect(candidates.filter({ hasText: '全国健康保険協会' })).toContainText('本人・家族本人');
  await expect(page.getByTestId('online-when')).toHaveText(/照会日時: 令和\d+年\d+月\d+日 \d\d:\d\d$/);
  await expect(page.getByTestId('online-identity')).toHaveText('本人確認: 顔認証または暗証番号');
  await shot(page, info, 'one-thing-multiple');
});

test('資格有効 beside 自費: the line beside the verdict says the document is the problem', async ({ page, server }) => {
  await openApp(page, server);
  await decide(page, '期限', '2026-08-01', [key('legacy-card')]);
  expect(await verdictOf(page)).toBe('self-pay');
  await expect(page.getByTestId('online-status')).toContainText('資格有効');
  await expect(page.getByTestId('next-steps')).toContainText(
    '照会では資格有効ですが、提示された書類は本日は使えないため自費 (10割) です。',
  );
});

test('高齢受給者: why the online ratio is not enough, then 確認済み once the card is shown', async ({
  page,
  server,
}, info) => {
  await openApp(page, server);
  await decide(page, '高齢', '2026-02-02', [key('kakunin-sho')]);
  await expect(page.getByTestId('verdict-copay')).toContainText('(仮)');
  await expect(page.getByTestId('elderly-card')).toHaveText('必要 (未提示)');
  await expect(page.locator('.onshi-item', { hasText: '高齢受給者 負担割合' })).toBeVisible();
  await expect(page.getByTestId('online-elderly-note')).toContainText(
    '照会結果にも高齢受給者の負担割合は表示されますが、マイナ保険証以外で受け付けたときは保険者が高齢受給者証の提示を求めています。',
  );
  await shot(page, info, 'one-thing-elderly-missing');

  await page.getByRole('button', { name: '確認する' }).focus();
  await page.keyboard.press(key('elderly-card'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('elderly-card')).toHaveText('確認済み (2割)');
  await expect(page.getByTestId('verdict-copay')).not.toContainText('(仮)');
  await expect(page.getByTestId('online-elderly-note')).toHaveCount(0);
});

test('a lost coverage: 有効終了日 (the last valid day) and the reason of the loss', async ({ page, server }) => {
  await openApp(page, server);
  await decide(page, '喪失', '2026-01-20', [key('legacy-card')]);
  const panel = page.locator('.onshi');
  await expect(panel.locator('.onshi-item', { hasText: '有効終了日' })).toContainText('令和8年1月4日');
  await expect(panel.locator('.onshi-item', { hasText: '喪失事由' })).toContainText('他の医療保険等の資格取得');
  await expect(panel).not.toContainText('資格喪失日');
});

test('identity check, the e-certificate alert, 限度額 and the consent', async ({ page, server }, info) => {
  await openApp(page, server);
  await decide(page, '猶予', '2026-03-31', [key('myna-card')], { limit: true });
  expect(await verdictOf(page)).toBe('insured');
  await expect(page.getByTestId('online-identity')).toHaveText('本人確認: 顔認証または目視確認 (暗証番号はロック中)');
  await expect(page.getByTestId('online-cert-alert')).toContainText('電子証明書の有効期限が切れています (猶予期間中');
  const panel = page.locator('.onshi');
  await expect(panel.locator('.onshi-item', { hasText: '限度額情報の提供' })).toContainText('同意あり');
  await expect(panel.locator('.onshi-item', { hasText: '限度額適用区分' })).toContainText('ウ');
  await shot(page, info, 'one-thing-identity-cert');
});
