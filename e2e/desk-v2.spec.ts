// The desk through the version-2 cases with the keyboard (issue 9 item 7): a work injury by the
// cause key — at
// 1366×768 and at 1024×600, the verdict with what the patient pays always in view. Screenshots of
// what the receptionist sees after each decision.
import type { Page } from '@playwright/test';
import { choosePatient, expectVerdictInView, pressKeys, savePatient, verdictOf, viewShot } from './desk-helpers';
import { expect, test } from './fixtures';

const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x600', width: 1024, height: 600 },
] as const;

const card = { insuranceRegistered: true, certExpiresOn: '2031-04-12' };

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '工藤 健',
    kana: 'クドウ ケン',
    birthDate: '1980-04-12',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: '01130012', symbol: '12', number: '34' }],
    myna: card,
    holdings: [],
  });
});

const cause = (page: Page) =>
  page.getByRole('radiogroup', { name: 'お仕事中・通勤中のけがですか' }).getByRole('radio', { checked: true });
const pays = (page: Page) => page.getByTestId('verdict-copay');

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a work injury: G answers 仕事中, then 1 and Enter → 労災保険 ☆, 10割 as a deposit until the form', async ({
      page,
      server,
    }, testInfo) => {
      await page.goto(server.url);
      await choosePatient(page, 'くどう', '工藤 健');
      await expect(cause(page)).toHaveAccessibleName('いいえ');
      await pressKeys(page, 'g');
      await expect(cause(page)).toHaveAccessibleName('仕事中');
      await pressKeys(page, '1', 'Enter');
      expect(await verdictOf(page)).toBe('workers-comp');
      await expect(page.locator('[data-verdict] .verdict-symbol')).toHaveText('☆');
      await expect(pays(page).locator('strong')).toHaveText('10割');
      await expect(pays(page)).toContainText('預かり金として');
      await expectVerdictInView(page);
      await expect(page.getByTestId('documents-needed')).toContainText('労災の請求書');
      await viewShot(page, testInfo, `desk-v2-${size.name}-workers-comp-deposit`);

      // a traffic accident keeps health insurance (the third-party notice)
      await pressKeys(page, 'g', 'g', 'Enter');
      await expect(cause(page)).toHaveAccessibleName('交通事故');
      expect(await verdictOf(page)).toBe('insured');
      await expect(pays(page).locator('strong')).toHaveText('3割');
      await expect(page.locator('.notes')).toContainText('第三者行為による傷病届');
    });
  });
}
