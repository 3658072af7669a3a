// No stale answers (issue 10, S1 item 1): with a slow backend, an answer that no longer matches
// what is on the screen — another patient, other documents — is dropped, and Enter in the search
// chooses only from the results of the text shown. The bridge is slowed by a Playwright route that
// holds /api/desk.decide (or one search) before letting it through.
import type { Page, Route } from '@playwright/test';
import { savePatient } from './desk-helpers';
import { expect, test } from './fixtures';

const SEARCH = '氏名・カナ・生年月日で検索';

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '甲斐 一郎',
    kana: 'カイ イチロウ',
    birthDate: '1980-02-14',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2010-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-02-14' },
    holdings: [],
  });
  await savePatient(server, {
    name: '乙部 二郎',
    kana: 'オトベ ジロウ',
    birthDate: '1979-07-07',
    sex: 'male',
    coverages: [{ insurer: 'kokuho', acquiredOn: '2015-04-01', insurerNumber: '138156' }],
    myna: null,
    holdings: [],
  });
});

/** Holds every request to `url` until `release()` is called; resolves `seen` when one arrived. */
async function holdRequests(page: Page, url: string, only: (body: string) => boolean = () => true) {
  const held: Route[] = [];
  let arrived: () => void = () => {};
  const seen = new Promise<void>((r) => (arrived = r));
  await page.route(url, async (route) => {
    if (!only(route.request().postData() ?? '')) return route.continue();
    held.push(route);
    arrived();
  });
  return {
    seen,
    release: async () => {
      const finished = held.map(() => page.waitForEvent('requestfinished'));
      for (const r of held.splice(0)) await r.continue();
      await Promise.all(finished);
      // the page has the answer: give it the frames to (not) show it
      await page.evaluate(
        () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))),
      );
    },
  };
}

async function choose(page: Page, query: string, name: string) {
  const search = page.getByRole('combobox', { name: SEARCH });
  await search.fill(query);
  await expect(page.getByRole('option').first()).toContainText(name);
  await search.press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText(name);
}

test('a decision still in flight never lands on the next patient', async ({ page, server, requests }) => {
  void requests;
  await page.goto(server.url);
  await choose(page, 'かいいちろう', '甲斐 一郎');
  const decide = await holdRequests(page, '**/api/desk.decide');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await decide.seen;
  await page.keyboard.press('Escape');
  await choose(page, 'おとべ', '乙部 二郎');
  await decide.release();
  // 甲斐's answer arrived while 乙部 is at the counter: nothing is shown for 乙部
  await expect(page.getByTestId('patient-name')).toContainText('乙部 二郎');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.getByTestId('online-status')).toHaveCount(0);
  await page.unrouteAll();
  // 乙部's own answer: no マイナンバーカード, only the 申立書 → 自費
  await page.getByRole('button', { name: '確認する' }).focus();
  await page.keyboard.press('9');
  await page.keyboard.press('Enter');
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'self-pay');
});

test('an answer for documents that were changed meanwhile is dropped', async ({ page, server, requests }) => {
  void requests;
  await page.goto(server.url);
  await choose(page, 'かいいちろう', '甲斐 一郎');
  const decide = await holdRequests(page, '**/api/desk.decide');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await decide.seen;
  await page.keyboard.press('9'); // 被保険者資格申立書 added while the answer for マイナ保険証 alone is on its way
  await decide.release();
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '確認する' })).toBeEnabled();
});

test('Enter in the search chooses only from the results of the text shown', async ({ page, server, requests }) => {
  void requests;
  await page.goto(server.url);
  const search = page.getByRole('combobox', { name: SEARCH });
  await search.fill('かいいちろう');
  await expect(page.getByRole('option').first()).toContainText('甲斐 一郎');
  const slow = await holdRequests(page, '**/api/registry.search', (body) => body.includes('おとべ'));
  await search.fill('おとべ');
  await slow.seen;
  await search.press('Enter'); // the list still holds 甲斐 (the previous text's results)
  await slow.release();
  await expect(page.getByTestId('patient-name')).toHaveCount(0);
  await expect(page.getByRole('option').first()).toContainText('乙部 二郎');
  await search.press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText('乙部 二郎');
});
