// The verdict is never off-screen (issue 10, S1 item 2): at 1024×600, 1366×768, 1920×1080 and at
// 200 % zoom (1366×768 at device scale 2 = 683×384 CSS pixels), after choosing a patient the visit
// date and the clinic's situation (an ongoing outage) are in view, and after a decision the verdict
// block with the copay is in view too. No horizontal scrolling (WCAG 1.4.10 reflow). Screenshots of
// what the receptionist sees (the viewport, not the whole page) before and after the decision.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { savePatient, viewShot } from './desk-helpers';
import { expect, test } from './fixtures';

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '広瀬 三郎',
    kana: 'ヒロセ サブロウ',
    birthDate: '1975-03-03',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2011-04-01', insurerNumber: '01130012', symbol: '77', number: '3' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-03-03' },
    holdings: [],
  });
});

async function expectInView(page: Page, what: Locator, label: string) {
  await expect(what).toBeVisible();
  const box = (await what.boundingBox())!;
  const vp = page.viewportSize()!;
  const where = `${label}: ${JSON.stringify(box)} in ${vp.width}×${vp.height}`;
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, where).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height, where).toBeLessThanOrEqual(vp.height + 0.5);
}

async function noHorizontalScroll(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, 'page width (no horizontal scrolling)').toBeLessThanOrEqual(inner);
}

async function fontSize(l: Locator): Promise<number> {
  return l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Outage today, choose the patient, マイナ保険証 + Enter; checks what must stay in view. */
async function deskAtThisSize(page: Page, testInfo: TestInfo, name: string, serverUrl: string) {
  await page.goto(serverUrl);
  await page.getByRole('radio', { name: 'ネットワーク障害' }).check();
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('ひろせ');
  await expect(page.getByRole('option').first()).toContainText('広瀬 三郎');
  await search.press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText('広瀬 三郎');
  await expectInView(page, page.getByTestId('visit-date-shown'), 'visit date after choosing');
  await expectInView(page, page.locator('[data-incident="network-outage"]'), 'the outage after choosing');
  await noHorizontalScroll(page);
  await viewShot(page, testInfo, `layout-${name}-before`);

  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  const verdict = page.locator('[role=status][data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'insured-declaration');
  await expectInView(page, verdict, 'verdict');
  await expectInView(page, page.getByTestId('verdict-copay'), 'copay in the verdict block');
  await expect(page.getByTestId('verdict-copay')).toContainText('3割');
  await expectInView(page, page.getByTestId('visit-date-shown'), 'visit date after deciding');
  await expectInView(page, page.locator('[data-incident="network-outage"]'), 'the outage after deciding');
  // readable from 2 m: the words that tell 暫定 and 申立て apart, and the copay, as large as the verdict
  const title = await fontSize(verdict.locator('.verdict-title'));
  expect(await fontSize(verdict.locator('.verdict-kind'))).toBeGreaterThanOrEqual(title);
  expect(await fontSize(page.getByTestId('verdict-copay').locator('strong'))).toBeGreaterThanOrEqual(title);
  await noHorizontalScroll(page);
  await viewShot(page, testInfo, `layout-${name}-after`);
  return title;
}

test.describe('the desk at common sizes', () => {
  const sizes = [
    { name: '1024x600', width: 1024, height: 600 },
    { name: '1366x768', width: 1366, height: 768 },
    { name: '1920x1080', width: 1920, height: 1080 },
  ];
  for (const s of sizes) {
    test(`${s.name}: situation, verdict and copay in view`, async ({ page, server, requests }, testInfo) => {
      void requests;
      await page.setViewportSize({ width: s.width, height: s.height });
      const title = await deskAtThisSize(page, testInfo, s.name, server.url);
      if (s.width > 1024) {
        // the same answer on a smaller screen: smaller words (the block scales with the screen)
        await page.setViewportSize({ width: 1024, height: 600 });
        expect(await fontSize(page.locator('[data-verdict] .verdict-title'))).toBeLessThan(title);
      }
    });
  }
});

test.describe('200 % zoom of 1366×768', () => {
  test.use({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
  test('situation, verdict and copay in view, one column', async ({ page, server, requests }, testInfo) => {
    void requests;
    await deskAtThisSize(page, testInfo, 'zoom200', server.url);
  });
});

/** 受付ナビ (F5): the common case (マイナ保険証, 資格有効), then the verdict and the copay must be in view. */
async function realDeskAtThisSize(page: Page, testInfo: TestInfo, name: string, serverUrl: string) {
  await page.goto(serverUrl);
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('real-desk-notice')).toBeVisible();
  for (const key of ['1', 'y', 'Enter']) await page.keyboard.press(key);
  const verdict = page.locator('[role=status][data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'insured');
  await expect(page.getByTestId('tell-patient')).toBeVisible();
  await expectInView(page, verdict, '受付ナビ: verdict');
  await expectInView(page, page.getByTestId('verdict-copay'), '受付ナビ: copay in the verdict block');
  // what to tell the patient is reachable by scrolling, never hidden under the pinned verdict
  await page.getByTestId('tell-patient').scrollIntoViewIfNeeded();
  const tell = (await page.getByTestId('tell-patient').boundingBox())!;
  const pinned = (await verdict.boundingBox())!;
  expect(
    tell.y + tell.height <= pinned.y || tell.y >= pinned.y + pinned.height,
    '患者さんへの説明 not under the verdict',
  ).toBe(true);
  await expectInView(page, verdict, '受付ナビ: verdict after scrolling');
  await noHorizontalScroll(page);
  await viewShot(page, testInfo, `layout-realdesk-${name}-after`);
}

test.describe('受付ナビ keeps the verdict in view', () => {
  for (const s of [
    { name: '1024x600', width: 1024, height: 600 },
    { name: '1366x768', width: 1366, height: 768 },
  ]) {
    test(`${s.name}: verdict and copay in view after a decision`, async ({ page, server, requests }, testInfo) => {
      void requests;
      await page.setViewportSize({ width: s.width, height: s.height });
      await realDeskAtThisSize(page, testInfo, s.name, server.url);
    });
  }
});

test.describe('受付ナビ at 200 % zoom of 1366×768', () => {
  test.use({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
  test('verdict and copay in view after a decision', async ({ page, server, requests }, testInfo) => {
    void requests;
    await realDeskAtThisSize(page, testInfo, 'zoom200', server.url);
  });
});
