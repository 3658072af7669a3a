// axe-core over every view: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { savePatient } from './desk-helpers';
import { expect, shot, test } from './fixtures';

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('desk, answer, history and settings have no serious accessibility violations', async ({
  page,
  server,
}, testInfo) => {
  await savePatient(server, {
    name: '検査 三郎',
    kana: 'ケンサ サブロウ',
    birthDate: '1953-06-10',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2010-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
    holdings: [{ kind: 'oshirase', coverage: 'c1' }],
  });
  await page.goto(server.url);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, testInfo, 'desk-empty');

  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('けんさ');
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, testInfo, 'desk-search');
  await search.press('Enter');
  await page.getByRole('checkbox', { name: 'オンライン資格確認あり' }).uncheck();
  await page.getByRole('button', { name: 'マイナ保険証', exact: true }).click();
  await page.getByRole('button', { name: '資格情報のお知らせ', exact: true }).click();
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, testInfo, 'desk-answer');

  await page.emulateMedia({ media: 'print' });
  await shot(page, testInfo, 'print-slip');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: /履歴/ }).click();
  await expect(page.getByTestId('history-count')).toContainText('件');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /設定/ }).click();
  await expect(page.getByRole('button', { name: '設定を保存' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the version-2 verdicts (労災 ☆, 医療扶助 ◎) in their own colours and the cause question have no serious accessibility violations', async ({
  page,
  server,
}, testInfo) => {
  await savePatient(server, {
    name: '検査 労災',
    kana: 'ケンサ ロウサイ',
    birthDate: '1979-02-02',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2012-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-02-02' },
    holdings: [],
  });
  await savePatient(server, {
    name: '検査 扶助',
    kana: 'ケンサ フジョ',
    birthDate: '1956-05-05',
    sex: 'female',
    coverages: [],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-05-05' },
    welfare: { from: '2024-04-01', until: null, ticketRegistered: true },
    holdings: [],
  });
  await page.goto(server.url);
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('けんさ ろうさい');
  await expect(page.getByRole('option').first()).toContainText('検査 労災');
  await search.press('Enter');
  await expect(page.getByRole('button', { name: '確認する' })).toBeFocused();
  // 仕事中のけが (the cause question marked in the 労災 tone), マイナ保険証, Enter: 労災保険 ☆
  await page.keyboard.press('g');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="workers-comp"]')).toBeVisible();
  await expect(page.getByTestId('tell-patient')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, testInfo, 'desk-answer-workers-comp');

  // 生活保護 without health insurance: 医療扶助 ◎, the programme listed as applied
  await page.keyboard.press('Escape');
  await search.fill('けんさ ふじょ');
  await expect(page.getByRole('option').first()).toContainText('検査 扶助');
  await search.press('Enter');
  await expect(page.getByRole('button', { name: '確認する' })).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="public-assistance"]')).toBeVisible();
  await expect(page.getByTestId('public-expense')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, testInfo, 'desk-answer-public-assistance');
});
