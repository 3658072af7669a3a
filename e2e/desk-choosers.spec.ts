// Every distinction the rules make can be entered at the desk (issue 10): when the patient holds
// two documents of one kind (a job changer's old and new お知らせ), the key opens a chooser labelled
// by insurer and dates; the マイナポータル key asks 画面 / PDF / スクリーンショット. The answer follows
// the choice: the old お知らせ or a screenshot (refused by the default policy) leads to the 申立書,
// the new one or the live screen to an ordinary acceptance. All by keyboard; screenshots at
// 1366×768 and 1024×600 of the chooser open.
import type { Page } from '@playwright/test';
import { choosePatient, savePatient, setSituation, setVisitDate, viewShot } from './desk-helpers';
import { expect, test } from './fixtures';

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '転職 二郎',
    kana: 'テンショク ジロウ',
    birthDate: '1985-05-05',
    sex: 'male',
    coverages: [
      {
        insurer: 'kumiai',
        insurerName: 'さくら電機健康保険組合',
        symbol: '12',
        number: '345',
        acquiredOn: '2015-04-01',
        lostOn: '2026-04-01',
      },
      {
        insurer: 'kyokai',
        insurerNumber: '01130012',
        symbol: '77',
        number: '8',
        acquiredOn: '2026-04-01',
      },
    ],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-05-05' },
    holdings: [
      { kind: 'oshirase', coverage: 'c1' },
      { kind: 'oshirase', coverage: 'c2' },
    ],
  });
});

const verdict = (page: Page) => page.locator('[role=status][data-verdict]');
const chooser = (page: Page) => page.getByTestId('chooser');
const decide = (page: Page) => page.getByRole('button', { name: '確認する' });

/** The reader is broken today: the マイナ保険証 needs evidence beside it (R4). */
async function atTheDesk(page: Page, url: string) {
  await page.goto(url);
  await setVisitDate(page, '2026-06-01');
  await setSituation(page, { onlineCheck: true, phoneReader: false, incident: 'reader-failure' });
  await choosePatient(page, 'てんしょく', '転職 二郎');
  await page.keyboard.press('1'); // マイナ保険証: no question, handed over at once
  await expect(page.locator('.doc[data-kind="myna-card"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(chooser(page)).toHaveCount(0);
}

test('two お知らせ: the key asks which one, and the answer follows the choice', async ({ page, server }, testInfo) => {
  await atTheDesk(page, server.url);
  await page.keyboard.press('5');
  const c = chooser(page);
  await expect(c).toBeVisible();
  await expect(c).toContainText('2枚お持ちです');
  const options = c.locator('.chooser-option');
  await expect(options).toHaveCount(4);
  await expect(options.nth(0)).toContainText('さくら電機健康保険組合');
  await expect(options.nth(0)).toContainText('令和8年4月1日 喪失');
  await expect(options.nth(1)).toContainText('協会けんぽ');
  await expect(options.nth(1)).toContainText('令和8年4月1日〜');
  await expect(options.nth(2)).toContainText('両方');
  await expect(options.nth(3)).toContainText('出していない');
  await expect(options.nth(0)).toBeFocused();
  await viewShot(page, testInfo, 'chooser-oshirase-1366');

  // the old one: its coverage was lost, the online system says so → 申立て
  await page.keyboard.press('1');
  await expect(c).toHaveCount(0);
  await expect(decide(page)).toBeFocused();
  await expect(page.locator('.doc[data-kind="oshirase"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.doc[data-kind="oshirase"]')).toContainText('さくら電機健康保険組合');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured-declaration');

  // the new one instead → an ordinary acceptance
  await page.keyboard.press('5');
  await expect(c.locator('.chooser-option.current')).toContainText('さくら電機健康保険組合');
  await page.keyboard.press('2');
  await expect(verdict(page)).toHaveCount(0); // the old answer went with the old choice
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  await expect(page.getByTestId('copay')).toContainText('3割');

  // 0 takes it back; Esc closes the chooser and changes nothing
  await page.keyboard.press('5');
  await expect(c).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(c).toHaveCount(0);
  await expect(page.locator('.doc[data-kind="oshirase"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('patient-name')).toContainText('転職 二郎'); // Esc did not start the next patient
  await page.keyboard.press('5');
  await page.keyboard.press('0');
  await expect(page.locator('.doc[data-kind="oshirase"]')).toHaveAttribute('aria-pressed', 'false');
});

test('マイナポータル: 画面 / PDF / スクリーンショット; a screenshot the policy rejects is refused', async ({
  page,
  server,
}, testInfo) => {
  await atTheDesk(page, server.url);
  await page.keyboard.press('6');
  const c = chooser(page);
  await expect(c).toBeVisible();
  const options = c.locator('.chooser-option');
  await expect(options).toHaveText([/画面/, /PDF/, /スクリーンショット.*認めない/, /出していない/]);
  await viewShot(page, testInfo, 'chooser-portal-1366');

  await page.keyboard.press('3'); // a screenshot: not official (portalScreenshot: reject) → 申立て
  await expect(decide(page)).toBeFocused();
  await expect(page.locator('.doc[data-kind="mynaportal"]')).toContainText('スクリーンショット');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured-declaration');
  await expect(page.getByTestId('documents-needed')).toContainText('申立書');

  await page.keyboard.press('6');
  await page.keyboard.press('1'); // the live screen → R4
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');

  await page.keyboard.press('6');
  await page.keyboard.press('2'); // a PDF saved earlier → R4 too
  await expect(page.locator('.doc[data-kind="mynaportal"]')).toContainText('PDF');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
});

for (const [w, h] of [
  [1366, 768],
  [1024, 600],
] as const) {
  test(`the chooser is in view at ${w}×${h}`, async ({ page, server }, testInfo) => {
    await page.setViewportSize({ width: w, height: h });
    await atTheDesk(page, server.url);
    await page.keyboard.press('5');
    const c = chooser(page);
    await expect(c).toBeInViewport({ ratio: 1 });
    await viewShot(page, testInfo, `chooser-oshirase-${w}x${h}`);
    await page.keyboard.press('2');
    await page.keyboard.press('6');
    await expect(c).toBeInViewport({ ratio: 1 });
    await viewShot(page, testInfo, `chooser-portal-${w}x${h}`);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(verdict(page)).toBeInViewport();
    await viewShot(page, testInfo, `chooser-decided-${w}x${h}`);
  });
}
