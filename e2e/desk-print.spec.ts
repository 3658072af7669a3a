// What the desk prints (issue 10): a 被保険者資格申立書 filled in with what the desk knows when the
// decision asks for it (R9), next to the slip's print button and on its own key; the patient's slip
// on A4 or on an 80 mm receipt printer, with the time of reception. Print media is emulated and
// window.print only records which sheet was asked for; the PDF's page size shows the @page rule.
import type { Page, TestInfo } from '@playwright/test';
import { INCIDENT_JA } from '../shared/labels';
import { choosePatient, openApp, savePatient, setVisitDate, viewShot } from './desk-helpers';
import { expect, test } from './fixtures';

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '印刷 花子',
    kana: 'インサツ ハナコ',
    birthDate: '1981-05-10',
    sex: 'female',
    coverages: [
      { insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: '01139013', symbol: '5012', number: '77' },
    ],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-05-10' },
    holdings: [],
  });
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: string[] }).printed = [];
    window.print = () => {
      (window as unknown as { printed: string[] }).printed.push(document.documentElement.dataset.print ?? '');
    };
  });
});

const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: string[] }).printed);

/** The first page's size in points, from the PDF Chromium prints with the page's own @page size. */
async function pdfPageSize(page: Page): Promise<[number, number]> {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const m = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  if (!m) throw new Error('no MediaBox in the PDF');
  return [Number(m[1]), Number(m[2])];
}

async function printShot(page: Page, info: TestInfo, name: string) {
  await page.emulateMedia({ media: 'print' });
  await viewShot(page, info, name);
}

async function readerFailure(page: Page, server: { url: string }) {
  await page.goto(server.url);
  await setVisitDate(page, '2026-02-02');
  await page.getByRole('radio', { name: INCIDENT_JA['reader-failure'], exact: true }).check();
  await choosePatient(page, 'いんさつ', '印刷 花子');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('documents-needed')).toContainText('被保険者資格申立書');
}

test('the 申立書, filled in with what the desk knows, prints on A4 from its button', async ({ page, server }, info) => {
  await readerFailure(page, server);
  await page.getByRole('button', { name: /申立書を印刷/ }).click();
  expect(await printed(page)).toEqual(['declaration']);

  await printShot(page, info, 'print-declaration');
  const form = page.getByTestId('print-declaration');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('print-slip')).toBeHidden();
  await expect(page.getByTestId('verdict')).toBeHidden();
  await expect(form.locator('h1')).toHaveText('被保険者資格申立書');
  // (the sheet is aria-hidden on the screen: found by its text, not by role)
  const line = (label: string) =>
    form
      .locator('tr')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('td');
  await expect(line('氏名')).toHaveText('印刷 花子');
  await expect(line('フリガナ')).toHaveText('インサツ ハナコ');
  await expect(line('生年月日')).toHaveText('昭和56年5月10日');
  await expect(line('保険者番号')).toHaveText('01139013');
  await expect(line('記号')).toHaveText('5012');
  await expect(line('番号')).toHaveText('77');
  await expect(line('記入日')).toHaveText('令和8年2月2日');
  // blank lines for what the patient writes
  for (const blank of ['住所', '電話番号', '勤務先 (事業所名)', '署名']) await expect(line(blank)).toHaveText('');
  await expect(form).toContainText('☑ 協会けんぽ');
  await expect(form).toContainText('令和8年2月2日現在、下記の医療保険の資格を有していることを申し立てます。');
  const [w, h] = await pdfPageSize(page);
  expect([Math.round(w), Math.round(h)]).toEqual([595, 842]); // A4
});

test('the 申立書 key prints it; without R9 asking, there is neither button nor key', async ({ page, server }) => {
  await readerFailure(page, server);
  await page.getByRole('button', { name: '確認する' }).focus();
  await page.keyboard.press('m');
  expect(await printed(page)).toEqual(['declaration']);

  await page.getByRole('radio', { name: INCIDENT_JA.none, exact: true }).check();
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'insured');
  await expect(page.getByTestId('tell-patient')).toBeVisible();
  await expect(page.getByRole('button', { name: /申立書を印刷/ })).toHaveCount(0);
  await page.getByRole('button', { name: '確認する' }).focus();
  await page.keyboard.press('m');
  expect(await printed(page)).toEqual(['declaration']);
});

test('the slip on an 80 mm receipt printer, with the time of reception', async ({ page, server }, info) => {
  await openApp(page, server);
  await setVisitDate(page, '2026-02-02');
  await choosePatient(page, 'いんさつ', '印刷 花子');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tell-patient')).toBeVisible();

  // A4 by default
  await page.keyboard.press('p');
  expect(await printed(page)).toEqual(['slip-a4']);
  await printShot(page, info, 'print-slip-a4');
  const slip = page.getByTestId('print-slip');
  await expect(slip).toBeVisible();
  await expect(slip).toContainText('印刷 花子 様受診日 令和8年2月2日 (2026-02-02)受付 ');
  await expect(slip.locator('.slip-who > span').last()).toHaveText(/^受付 \d{1,2}:\d\d$/);
  await expect(page.getByTestId('print-declaration')).toHaveCount(0);
  expect((await pdfPageSize(page)).map(Math.round)).toEqual([595, 842]);

  // the receipt printer, chosen once and remembered
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('radio', { name: 'レシート (80mm)' }).check();
  await page.getByRole('button', { name: /お渡し用の紙を印刷/ }).click();
  expect(await printed(page)).toEqual(['slip-a4', 'slip-receipt']);
  await printShot(page, info, 'print-slip-receipt');
  await expect(slip).toBeVisible();
  await expect(slip).toContainText('本日の受付について');
  await expect(slip).toContainText(/受付 \d{1,2}:\d\d/);
  const width = await slip.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual((80 / 25.4) * 96);
  const [w] = await pdfPageSize(page);
  expect(Math.round((w / 72) * 25.4)).toBe(80);

  await page.reload();
  await page.emulateMedia({ media: 'screen' });
  await setVisitDate(page, '2026-02-02');
  await choosePatient(page, 'いんさつ', '印刷 花子');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'レシート (80mm)' })).toBeChecked();
});
