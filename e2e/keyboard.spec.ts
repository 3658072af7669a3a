// Keyboard only: the common case (known patient, マイナ保険証, online check) in two
// keystrokes after the patient is chosen; Esc starts the next patient; the tab order reaches every
// control with a visible focus ring.
import { todayInJapan } from '../shared/dates';
import { savePatient } from './desk-helpers';
import { expect, shot, test } from './fixtures';

const PATIENT = {
  name: '鍵盤 花子',
  kana: 'ケンバン ハナコ',
  birthDate: '1985-04-12',
  sex: 'female' as const,
  note: 'キーボード操作の確認用',
  coverages: [
    { insurer: 'kyokai' as const, acquiredOn: '2012-04-01', insurerNumber: '01130012', symbol: '1234', number: '56' },
  ],
  myna: { insuranceRegistered: true, certExpiresOn: '2031-04-12' },
  holdings: [],
};

test.beforeAll(async ({ server }) => {
  await savePatient(server, PATIENT);
});

test('known patient + マイナ保険証 + online check: 2 keystrokes after choosing, Esc = next patient', async ({
  page,
  server,
}, testInfo) => {
  await page.goto(server.url);
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await expect(search).toBeFocused();
  await expect(page.getByTestId('visit-date-shown')).toContainText(todayInJapan());
  await page.keyboard.type('けんばん');
  await expect(page.getByRole('option').first()).toContainText('鍵盤 花子');
  await page.keyboard.press('Enter'); // chooses the patient

  // ---- from here: the keystrokes the issue counts ----
  let keystrokes = 0;
  const press = async (key: string) => {
    keystrokes += 1;
    await page.keyboard.press(key);
  };
  await expect(page.getByRole('button', { name: '確認する' })).toBeFocused();
  await press('1'); // マイナ保険証
  await expect(page.getByRole('button', { name: 'マイナ保険証', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await press('Enter'); // 確認する
  const verdict = page.locator('[role=status][data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'insured');
  await expect(verdict).toContainText('保険で受付');
  expect(keystrokes).toBe(2);
  await expect(page.getByTestId('online-status')).toContainText('資格有効');
  await shot(page, testInfo, 'keyboard-after-two-keys');

  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
});

test('typed 和暦 visit date and birth-date search', async ({ page, server }) => {
  await page.goto(server.url);
  const date = page.getByLabel('受診日', { exact: true });
  await date.fill('令和８年１月２０日');
  await date.press('Enter');
  await expect(page.getByTestId('visit-date-shown')).toHaveText('令和8年1月20日 (2026-01-20)');
  await date.fill('R8.2.30');
  await date.press('Enter');
  await expect(page.getByTestId('visit-date-shown')).toContainText('存在しない日付');
  await date.fill('R8.1.20');
  await date.press('Enter');
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('S60.4.12');
  await expect(page.getByRole('option').first()).toContainText('鍵盤 花子');
});

test('tab order reaches every document button and 確認する, with a visible focus ring', async ({ page, server }) => {
  await page.goto(server.url);
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('鍵盤');
  await expect(page.getByRole('option').first()).toBeVisible();
  await search.press('Enter');
  await page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' }).waitFor({ state: 'detached' });
  // From the top of the page, Tab until every document button and 確認する have had the focus.
  await page.locator('body').focus();
  const wanted = new Set([
    'myna-card',
    'myna-smartphone',
    'kakunin-sho',
    'legacy-card',
    'oshirase',
    'mynaportal',
    'elderly-card',
    'limit-cert',
    'declaration',
    'decide',
  ]);
  const reached = new Set<string>();
  for (let i = 0; i < 60 && reached.size < wanted.size; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const name = el.dataset.kind ?? (el.classList.contains('btn-decide') ? 'decide' : '');
      const cs = getComputedStyle(el);
      return { name, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    });
    if (info && wanted.has(info.name)) {
      expect(info.outline, `focus ring on ${info.name}`).toBe(true);
      reached.add(info.name);
    }
  }
  expect([...reached].sort()).toEqual([...wanted].sort());
});

test('walk-in: 和暦 birth date + insurer, then マイナ保険証', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
  await page.getByText('登録のない患者 (飛び込み) を受け付ける').click();
  await page.getByLabel('生年月日 (和暦可)').fill('平成2年4月1日');
  await page.getByLabel('加入している保険').selectOption({ label: '国民健康保険' });
  await page.getByLabel('生年月日 (和暦可)').press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText('飛び込み');
  await expect(page.getByRole('button', { name: '確認する' })).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'insured');
  await expect(page.getByTestId('copay')).toContainText('3割');
});

test('a 12-digit search is refused (R18) without echoing the number', async ({ page, server }) => {
  await page.goto(server.url);
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('123456789012');
  await expect(page.getByRole('alert')).toContainText('12桁の番号は個人番号');
  await expect(page.getByRole('alert')).not.toContainText('123456789012');
});
