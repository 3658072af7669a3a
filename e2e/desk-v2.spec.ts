// The desk through the version-2 cases with the keyboard (issue 9 item 7): a child's 医療証, a
// 生活保護 patient, a 難病 patient under the monthly cap, a work injury by the cause key — at
// 1366×768 and at 1024×600, the verdict with what the patient pays always in view. Screenshots of
// what the receptionist sees after each decision.
import type { Page } from '@playwright/test';
import {
  choosePatient,
  expectVerdictInView,
  pressKeys,
  savePatient,
  setVisitDate,
  verdictOf,
  viewShot,
} from './desk-helpers';
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
    holdings: [{ kind: 'rousai-form' }],
  });
  // a pre-school child with the 子ども医療証 of the clinic's prefecture (R22: share none)
  await savePatient(server, {
    name: '小池 ひなた',
    kana: 'コイケ ヒナタ',
    birthDate: '2021-07-15',
    sex: 'female',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2021-07-15' }],
    myna: card,
    kohi: [
      {
        program: 'child',
        payerNumber: '88138243',
        recipientNumber: '2468023',
        validFrom: '2025-04-01',
        validUntil: '2027-03-31',
        prefecture: '13',
        share: 'none',
      },
    ],
    holdings: [{ kind: 'kohi-cert', kohi: 'k1' }],
  });
  // two certificates: 小児慢性特定疾病 (R21) and the 子ども医療証 (R22)
  await savePatient(server, {
    name: '二宮 そら',
    kana: 'ニノミヤ ソラ',
    birthDate: '2019-03-03',
    sex: 'male',
    coverages: [{ insurer: 'kokuho', acquiredOn: '2019-03-03' }],
    myna: card,
    kohi: [
      {
        program: 'shoman',
        payerNumber: '52130176',
        recipientNumber: '1357912',
        validFrom: '2025-04-01',
        validUntil: '2027-03-31',
        monthlyCapYen: 5000,
        paidThisMonthYen: 0,
      },
      {
        program: 'child',
        payerNumber: '88138243',
        recipientNumber: '2468023',
        validFrom: '2025-04-01',
        validUntil: '2027-03-31',
        prefecture: '13',
        share: 'none',
      },
    ],
    holdings: [
      { kind: 'kohi-cert', kohi: 'k1' },
      { kind: 'kohi-cert', kohi: 'k2' },
    ],
  });
  // 生活保護 without health insurance, this month's 医療券 registered (R24: the 医療扶助 online check)
  await savePatient(server, {
    name: '福田 一郎',
    kana: 'フクダ イチロウ',
    birthDate: '1958-09-01',
    sex: 'male',
    coverages: [],
    myna: card,
    welfare: { from: '2024-06-01', until: null, ticketRegistered: true },
    holdings: [],
  });
  // 指定難病 at the designated clinic: 2割 up to the monthly cap of 10,000円 (R21)
  await savePatient(server, {
    name: '難波 さくら',
    kana: 'ナンバ サクラ',
    birthDate: '1976-11-11',
    sex: 'female',
    coverages: [{ insurer: 'kyokai', acquiredOn: '1999-04-01' }],
    myna: card,
    kohi: [
      {
        program: 'nanbyo',
        payerNumber: '54130174',
        recipientNumber: '1357912',
        validFrom: '2025-10-01',
        validUntil: '2026-09-30',
        monthlyCapYen: 10000,
        paidThisMonthYen: 3000,
      },
    ],
    holdings: [{ kind: 'kohi-cert', kohi: 'k1' }],
  });
});

const cause = (page: Page) =>
  page.getByRole('radiogroup', { name: 'お仕事中・通勤中のけがですか' }).getByRole('radio', { checked: true });
const pays = (page: Page) => page.getByTestId('verdict-copay');

test('two 受給者証・医療証: 0 asks which; 3 both → 0円, both applied; 1 the 小児慢性 alone → the 医療証 not presented', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await setVisitDate(page, '2026-02-04');
  await choosePatient(page, 'にのみや', '二宮 そら');
  await pressKeys(page, '1', '0');
  const chooser = page.getByTestId('chooser');
  await expect(chooser).toContainText('2枚お持ちです');
  await expect(chooser.getByRole('button', { name: /小児慢性特定疾病/ })).toBeVisible();
  await expect(chooser.getByRole('button', { name: /子ども医療費助成/ })).toBeVisible();
  await viewShot(page, testInfo, 'desk-v2-1366x768-two-kohi-chooser');
  await pressKeys(page, '3', 'Enter');
  expect(await verdictOf(page)).toBe('insured');
  await expect(pays(page).locator('strong')).toHaveText('0円');
  const items = page.getByTestId('public-expense').getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: '適用しない' })).toHaveCount(0);

  await pressKeys(page, '0', '1', 'Enter');
  await expect(items.filter({ hasText: '子ども医療費助成' })).toContainText('受給者証・医療証の提示なし');
  await expect(items.filter({ hasText: '小児慢性特定疾病' })).not.toContainText('適用しない');
  await expectVerdictInView(page);
  await viewShot(page, testInfo, 'desk-v2-1366x768-two-kohi-one-shown');
});

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a child’s 医療証: 1, 0, Enter → 保険で受付, 窓口負担 0円 (保険 2割), 子ども医療費助成 applied', async ({
      page,
      server,
    }, testInfo) => {
      await page.goto(server.url);
      await setVisitDate(page, '2026-02-04');
      await choosePatient(page, 'こいけ', '小池 ひなた');
      await pressKeys(page, '1', '0', 'Enter');
      expect(await verdictOf(page)).toBe('insured');
      await expect(pays(page).locator('strong')).toHaveText('0円');
      await expect(pays(page)).toContainText('保険 2割');
      await expectVerdictInView(page);
      const programme = page.getByTestId('public-expense').getByRole('listitem');
      await expect(programme).toHaveCount(1);
      await expect(programme).toContainText('子ども医療費助成');
      await expect(programme).toContainText('適用');
      await expect(programme).toContainText('受給者証・医療証で確認');
      await viewShot(page, testInfo, `desk-v2-${size.name}-child-kohi`);

      // the 医療証 left at home: the insurance copay, the programme not applied and why
      await pressKeys(page, '0', 'Enter');
      await expect(pays(page).locator('strong')).toHaveText('2割');
      await expect(programme).toContainText('適用しない');
      await expect(programme).toContainText('受給者証・医療証の提示なし');
      await expect(page.getByTestId('documents-needed')).toContainText('受給者証・医療証');
      await expectVerdictInView(page);
    });

    test('生活保護: 1, Enter → 医療扶助 ◎, 窓口負担 0円, confirmed online', async ({ page, server }, testInfo) => {
      await page.goto(server.url);
      await setVisitDate(page, '2026-02-16');
      await choosePatient(page, 'ふくだ', '福田 一郎');
      await pressKeys(page, '1', 'Enter');
      expect(await verdictOf(page)).toBe('public-assistance');
      await expect(page.locator('[data-verdict] .verdict-symbol')).toHaveText('◎');
      await expect(pays(page).locator('strong')).toHaveText('0円');
      await expectVerdictInView(page);
      const programme = page.getByTestId('public-expense').getByRole('listitem');
      await expect(programme).toContainText('医療扶助 (生活保護)');
      await expect(programme).toContainText('オンライン資格確認で確認');
      await viewShot(page, testInfo, `desk-v2-${size.name}-public-assistance`);
    });

    test('指定難病 under the cap: 1, 0, Enter → 2割 with 月額上限 10,000円まで (保険 3割)', async ({
      page,
      server,
    }, testInfo) => {
      await page.goto(server.url);
      await setVisitDate(page, '2026-03-10');
      await choosePatient(page, 'なんば', '難波 さくら');
      await pressKeys(page, '1', '0', 'Enter');
      expect(await verdictOf(page)).toBe('insured');
      await expect(pays(page).locator('strong')).toHaveText('2割');
      await expect(pays(page)).toContainText('月額上限 10,000円まで');
      await expect(pays(page)).toContainText('保険 3割');
      await expectVerdictInView(page);
      await expect(page.getByTestId('patient-pays')).toHaveText('2割 (月額上限 10,000円まで)');
      await expect(page.getByTestId('public-expense')).toContainText('特定医療費 (指定難病)');
      await viewShot(page, testInfo, `desk-v2-${size.name}-nanbyo-cap`);
    });

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

      // the form arrives: nothing to pay at the desk (^ on a Japanese keyboard, = on a US one)
      await pressKeys(page, size.name === '1024x600' ? '=' : '^', 'Enter');
      await expect(pays(page).locator('strong')).toHaveText('0円');
      expect(await verdictOf(page)).toBe('workers-comp');
      await expect(page.getByRole('button', { name: /労災の請求書/ })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('documents-needed')).toContainText('なし');
      await expectVerdictInView(page);
      await viewShot(page, testInfo, `desk-v2-${size.name}-workers-comp-form`);

      // a traffic accident keeps health insurance (the third-party notice); the form goes back
      await pressKeys(page, '^', 'g', 'g', 'Enter');
      await expect(cause(page)).toHaveAccessibleName('交通事故');
      expect(await verdictOf(page)).toBe('insured');
      await expect(pays(page).locator('strong')).toHaveText('3割');
      await expect(page.locator('.notes')).toContainText('第三者行為による傷病届');
    });
  });
}
