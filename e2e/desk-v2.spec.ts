// The desk through the version-2 cases with the keyboard (issue 9 item 7): a work injury by the
// cause key, a child's 医療証, a 生活保護 patient, a 難病 patient with a cap — at 1366×768 and at
// 1024×600, the verdict (with what the patient pays) always in view. Screenshots of what the
// receptionist sees.
import type { Page } from '@playwright/test';
import { choosePatient, expectVerdictInView, pressKeys, savePatient, verdictOf, viewShot } from './desk-helpers';
import { expect, test } from './fixtures';

const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x600', width: 1024, height: 600 },
] as const;

test.beforeAll(async ({ server }) => {
  await savePatient(server, {
    name: '工藤 健',
    kana: 'クドウ ケン',
    birthDate: '1980-04-12',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: '01130012', symbol: '12', number: '34' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-04-12' },
    holdings: [],
  });
});

const cause = (page: Page) =>
  page.getByRole('radiogroup', { name: 'お仕事中・通勤中のけがですか' }).getByRole('radio', { checked: true });

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a work injury: G answers 仕事中, then 1 and Enter → 労災保険, 10割 as a deposit until the form', async ({
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
      const copay = page.getByTestId('verdict-copay');
      await expect(copay.locator('strong')).toHaveText('10割');
      await expect(copay).toContainText('預かり金として');
      await expectVerdictInView(page);
      await expect(page.getByTestId('documents-needed')).toContainText('労災の請求書');
      await viewShot(page, testInfo, `desk-v2-${size.name}-workers-comp-deposit`);
    });
  });
}
