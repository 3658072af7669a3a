// Keyboard integrity at the desk (issue 10, S1 items 3 and 4): the IME's confirming Enter
// (isComposing, or keyCode 229 from IMEs that do not set it) never chooses a patient or accepts a
// walk-in; the focus is never lost after a decision.
import type { Locator } from '@playwright/test';
import { savePatient } from './desk-helpers';
import { expect, test } from './fixtures';

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '入江 四郎',
    kana: 'イリエ シロウ',
    birthDate: '1970-10-10',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2009-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-10-10' },
    holdings: [],
  });
});

/** An Enter keydown as an IME sends it while confirming a conversion. */
async function imeEnter(field: Locator, how: 'isComposing' | 'keyCode229') {
  await field.evaluate((el, how) => {
    const init: KeyboardEventInit & { keyCode?: number } = {
      key: 'Enter',
      code: 'Enter',
      bubbles: true,
      cancelable: true,
    };
    if (how === 'isComposing') init.isComposing = true;
    else init.keyCode = 229;
    el.dispatchEvent(new KeyboardEvent('keydown', init));
  }, how);
}

for (const how of ['isComposing', 'keyCode229'] as const) {
  test(`the IME's Enter (${how}) does not choose a patient`, async ({ page, server, requests }) => {
    void requests;
    await page.goto(server.url);
    const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
    await search.fill('いりえ');
    await expect(page.getByRole('option').first()).toContainText('入江 四郎');
    await imeEnter(search, how);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page.getByTestId('patient-name')).toHaveCount(0);
    await expect(search).toBeFocused();
    await search.press('Enter'); // a real Enter after the conversion chooses
    await expect(page.getByTestId('patient-name')).toContainText('入江 四郎');
  });

  test(`the IME's Enter (${how}) does not accept a walk-in`, async ({ page, server, requests }) => {
    void requests;
    await page.goto(server.url);
    await page.getByText('登録のない患者 (飛び込み) を受け付ける').click();
    const birth = page.getByLabel('生年月日 (和暦可)');
    await birth.fill('平成2年4月1日');
    await imeEnter(birth, how);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page.getByTestId('patient-name')).toHaveCount(0);
  });
}

test('the focus stays on 確認する after a decision (never lost to the page)', async ({ page, server, requests }) => {
  void requests;
  await page.goto(server.url);
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('いりえ');
  await expect(page.getByRole('option').first()).toContainText('入江 四郎');
  await search.press('Enter');
  const decide = page.getByRole('button', { name: '確認する' });
  await expect(decide).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'insured');
  await expect(decide).toBeFocused();
  // and the keys still work from there: one more document, a new answer
  await page.keyboard.press('9');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'insured');
  await expect(decide).toBeFocused();
});
