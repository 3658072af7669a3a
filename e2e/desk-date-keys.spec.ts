// The visit date and the keys around the two (issue 10): a date more than a year from today is
// warned about and still decides; 1800 or 9999 is refused and nothing is decided on it; Ctrl+Enter
// decides from the date field (taking the date typed); Enter decides from a check box, a radio
// button or a document's button — none of which changes on that Enter.
import type { Page } from '@playwright/test';
import { choosePatient, savePatient } from './desk-helpers';
import { expect, test } from './fixtures';

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '日付 鍵男',
    kana: 'ヒヅケ カギオ',
    birthDate: '1979-04-04',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2010-04-01', insurerNumber: '01130012' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-04-04' },
    holdings: [],
  });
});

async function ready(page: Page, server: { url: string }) {
  await page.goto(server.url);
  await choosePatient(page, 'ひづけ', '日付 鍵男');
  await page.keyboard.press('1');
}

const verdict = (page: Page) => page.locator('[role=status][data-verdict]');

test('a date more than a year from today: a warning, and Ctrl+Enter in the date field decides on it', async ({
  page,
  server,
}) => {
  const { today } = await server.call('app.info', {});
  const far = `${Number(today.slice(0, 4)) - 2}-06-01`;
  await ready(page, server);
  await page.keyboard.press('d');
  const date = page.getByLabel('受診日', { exact: true });
  await expect(date).toBeFocused();
  await date.fill(far);
  await date.press('Control+Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  await expect(page.getByTestId('visit-date-shown')).toContainText(`(${far})`);
  await expect(page.locator('.visit-date-far')).toHaveText('今日から1年以上離れた日付です。入力を確かめてください');
  await expect(page.getByTestId('not-today')).toBeVisible();
  // the answer is for the date typed
  const { rows } = await server.call('history.query', { limit: 1 });
  expect(rows[0]!.visitDate).toBe(far);

  // today again: no warning
  await page.getByRole('button', { name: /今日/ }).click();
  await expect(page.locator('.visit-date-far')).toHaveCount(0);
});

for (const typo of ['1800-01-01', '9999-12-31']) {
  test(`${typo} is refused and nothing is decided on it`, async ({ page, server }) => {
    await ready(page, server);
    const date = page.getByLabel('受診日', { exact: true });
    await date.fill(typo);
    await date.press('Enter');
    await expect(page.getByTestId('visit-date-shown')).toHaveText(
      `受診日は2000年から2099年までの日付にしてください: ${typo}`,
    );
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await date.press('Control+Enter');
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page.getByTestId('visit-date-shown')).toContainText('2000年から2099年');
    await expect(verdict(page)).toHaveCount(0);
  });
}

test('Enter decides from a check box, a radio button and a document, changing none of them', async ({
  page,
  server,
}) => {
  await ready(page, server);
  const limit = page.getByRole('checkbox', { name: /限度額の適用が必要/ });
  await limit.focus();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  await expect(limit).not.toBeChecked();

  await page.keyboard.press('Escape'); // next patient
  await ready(page, server);
  const second = page.getByRole('radio', { name: '再診' });
  await second.check();
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  await expect(second).toBeChecked();

  await page.keyboard.press('Escape');
  await ready(page, server);
  const card = page.getByRole('button', { name: 'マイナ保険証', exact: true });
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  await expect(card).toHaveAttribute('aria-pressed', 'true');
});
