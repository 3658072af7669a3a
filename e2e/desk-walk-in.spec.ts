// Walk-ins (issue 10): name, kana, sex, the 記号・番号 and the printed validity of each document
// are entered at the desk — a walk-in's 保険証 is no longer assumed valid, and the online panel
// shows only what was typed (nothing invented) — and 「この患者を登録」 turns the walk-in into a
// registry patient who is found again by name and by the numbers on their card.
import type { Page } from '@playwright/test';
import { setVisitDate, viewShot } from './desk-helpers';
import { expect, test } from './fixtures';

const verdict = (page: Page) => page.locator('[role=status][data-verdict]');
const online = (page: Page) => page.locator('section.onshi');
const search = (page: Page) => page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });

/** A search that finds no one, Enter: the walk-in form opens with the text as the reading. */
async function walkInForm(page: Page, url: string, kana: string) {
  await page.goto(url);
  await setVisitDate(page, '2025-06-02');
  await search(page).fill(kana);
  await expect(page.getByText('該当する患者がいません')).toBeVisible();
  await search(page).press('Enter');
  await expect(page.getByLabel('生年月日 (和暦可)')).toBeFocused();
  await expect(page.getByLabel('フリガナ (任意)')).toHaveValue(kana);
}

test('a walk-in’s 保険証 is what it prints: an expired one is refused, the panel shows only what was typed', async ({
  page,
  server,
}, testInfo) => {
  await walkInForm(page, server.url, 'ヒトミ ハナ');
  await page.getByLabel('生年月日 (和暦可)').fill('昭和56年5月10日');
  await page.getByLabel('氏名 (任意)').fill('人見 花');
  await page.getByLabel('性別').selectOption({ label: '女' });
  await page.getByLabel('保険者番号').fill('01130012');
  await page.getByLabel('記号').fill('4321');
  await page.getByLabel('番号', { exact: true }).fill('65');
  await viewShot(page, testInfo, 'walk-in-form-1440');
  await page.getByLabel('番号', { exact: true }).press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText('人見 花');
  await expect(page.getByTestId('patient-name')).toContainText('ヒトミ ハナ');
  await expect(page.getByRole('button', { name: '確認する' })).toBeFocused();

  // 保険証: its key asks what it prints (an expiry in the past: not valid on the visit date)
  await page.keyboard.press('4');
  const form = page.getByTestId('chooser');
  await expect(form).toBeVisible();
  const until = form.getByLabel(/有効期限/);
  await expect(until).toBeFocused();
  await until.fill('令和7年3月31日');
  await until.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(page.locator('.doc[data-kind="legacy-card"]')).toContainText('令和7年3月31日まで');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'self-pay');

  // the same card with no expiry printed is valid (until 2025-12-01 for 協会けんぽ)
  await page.keyboard.press('4');
  await form.getByLabel(/有効期限/).fill('');
  await form.getByLabel(/有効期限/).press('Enter');
  await expect(page.locator('.doc[data-kind="legacy-card"]')).toContainText('有効期限の記載なし');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');

  // the panel: what was typed, and nothing the desk had to assume (資格取得日, 本人・家族 …)
  const panel = online(page);
  await expect(panel).toContainText('人見 花');
  await expect(panel).toContainText('4321');
  await expect(panel).not.toContainText('資格取得日');
  await expect(panel.getByTestId('online-assumed')).toBeVisible();
  await viewShot(page, testInfo, 'walk-in-decided-1440');
});

test('a walk-in without a name: the online panel invents none', async ({ page, server }) => {
  await page.goto(server.url);
  await setVisitDate(page, '2025-06-02');
  await page.getByText('登録のない患者 (飛び込み) を受け付ける').click();
  await page.getByLabel('生年月日 (和暦可)').fill('平成2年4月1日');
  await page.getByLabel('生年月日 (和暦可)').press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText('飛び込みの患者');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  const panel = online(page);
  await expect(panel).toContainText('生年月日');
  // (the items only: 「本人確認: 顔認証または暗証番号」 is how the card was read, not an item)
  for (const invented of ['氏名', '記号', '番号', '資格取得日'])
    await expect(panel.locator('.onshi-items dt'), invented).not.toContainText([invented]);
  for (const invented of ['トビコミ', '飛び込みの患者']) await expect(panel, invented).not.toContainText(invented);
});

test('「この患者を登録」: the walk-in becomes a registry patient, found by kana and by 記号・番号', async ({
  page,
  server,
}, testInfo) => {
  await walkInForm(page, server.url, 'カドノ ケイ');
  await page.getByLabel('生年月日 (和暦可)').fill('1990-02-03');
  await page.getByLabel('氏名 (任意)').fill('角野 圭');
  await page.getByLabel('加入している保険').selectOption({ label: '国民健康保険' });
  await page.getByLabel('保険者番号').fill('138156');
  await page.getByLabel('記号').fill('8877');
  await page.getByLabel('番号', { exact: true }).fill('12');
  await page.getByLabel('記号').press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');

  await page.getByRole('button', { name: 'この患者を登録' }).click();
  await expect(page.getByText(/角野 圭 さんを登録しました \(診察券番号 \d+\)/)).toBeVisible();
  await expect(page.getByTestId('patient-name')).toContainText('診察券');
  await expect(page.getByRole('button', { name: 'この患者を登録' })).toHaveCount(0);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured'); // the answer stays theirs
  await viewShot(page, testInfo, 'walk-in-registered-1440');

  await page.keyboard.press('Escape');
  for (const query of ['かどの', '8877・12']) {
    await search(page).fill(query);
    await expect(page.getByRole('option').first(), query).toContainText('角野 圭');
  }
});

test('a walk-in on 生活保護 without health insurance, and a 家族 with a 医療証 left at home; 「この患者を登録」 keeps them', async ({
  page,
  server,
}, testInfo) => {
  await walkInForm(page, server.url, 'ホゴ ヤスコ');
  await page.getByLabel('生年月日 (和暦可)').fill('昭和34年6月6日');
  await page.getByLabel('氏名 (任意)').fill('保護 康子');
  await page.getByLabel('加入している保険').selectOption({ label: 'なし (生活保護・無保険)' });
  await expect(page.getByLabel('保険者番号')).toHaveCount(0);
  await page.getByText('生活保護', { exact: true }).click();
  await page.getByLabel('生活保護を受けている (医療扶助)').check();
  await page.getByLabel('開始日 (和暦可)').fill('R7.4.1');
  await viewShot(page, testInfo, 'walk-in-welfare-1440');
  await page.getByLabel('開始日 (和暦可)').press('Enter');
  await expect(page.getByTestId('patient-name')).toContainText('保護 康子');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'public-assistance');
  await page.getByRole('button', { name: 'この患者を登録' }).click();
  await expect(page.getByText(/保護 康子 さんを登録しました/)).toBeVisible();
  const saved = await server.call('registry.search', { query: 'ホゴ ヤスコ' });
  const record = await server.call('registry.get', { id: saved[0]!.id });
  expect(record.welfare).toEqual({ from: '2025-04-01', until: null, ticketRegistered: true });
  expect(record.coverages).toEqual([]);

  // a child (家族) whose 医療証 is at home: insured, the 医療証 still needed
  await page.keyboard.press('Escape');
  await walkInForm(page, server.url, 'コドモ ヒナ');
  await page.getByLabel('生年月日 (和暦可)').fill('令和3年7月15日');
  await page.getByLabel('本人・家族').selectOption({ label: '家族 (被扶養者)' });
  await expect(page.getByLabel('被保険者の生年月日 (わかれば)')).toBeVisible();
  await page.getByText('公費・医療証 (受給者証)').click();
  await page.getByLabel('制度').selectOption({ label: '子ども医療費助成' });
  await page.getByLabel('公費負担者番号').fill('88131008');
  await page.getByLabel('有効期限 (和暦可)').fill('令和9年3月31日');
  await page.getByLabel('受給者証・医療証を持っている').uncheck();
  await viewShot(page, testInfo, 'walk-in-kohi-1440');
  await page.getByLabel('公費負担者番号').press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
  const result = await server.call('history.query', { limit: 1 });
  expect(result.rows[0]!.rules).toEqual(['R3', 'R22']);
});

for (const [w, h] of [
  [1366, 768],
  [1024, 600],
] as const) {
  test(`the walk-in form and a document's printed validity at ${w}×${h}`, async ({ page, server }, testInfo) => {
    await page.setViewportSize({ width: w, height: h });
    await walkInForm(page, server.url, 'ヒトミ ハナ');
    await viewShot(page, testInfo, `walk-in-form-${w}x${h}`);
    // the programme and 生活保護 fold away; opened, the form scrolls within the screen
    await page.getByText('公費・医療証 (受給者証)').click();
    await page.getByLabel('制度').selectOption({ label: '特定医療費 (指定難病)' });
    await page.getByText('生活保護', { exact: true }).click();
    await page.getByLabel('生活保護を受けている (医療扶助)').check();
    await page.getByLabel('今月の医療券が当院あてに登録済み').scrollIntoViewIfNeeded();
    await expect(page.getByLabel('今月の医療券が当院あてに登録済み')).toBeInViewport();
    await viewShot(page, testInfo, `walk-in-form-v2-${w}x${h}`);
    await page.getByLabel('制度').selectOption({ label: 'なし' });
    await page.getByLabel('生活保護を受けている (医療扶助)').uncheck();
    await page.getByLabel('生年月日 (和暦可)').focus();
    await page.getByLabel('生年月日 (和暦可)').fill('昭和56年5月10日');
    await page.getByLabel('生年月日 (和暦可)').press('Enter');
    await page.keyboard.press('3'); // 資格確認書: its validity is required
    const form = page.getByTestId('chooser');
    await expect(form).toBeInViewport({ ratio: 1 });
    await form.getByLabel(/有効期限/).press('Enter');
    await expect(form.getByRole('alert')).toContainText('有効期限を入力してください');
    await viewShot(page, testInfo, `walk-in-printed-${w}x${h}`);
    await form.getByLabel(/有効期限/).fill('R9.7.31');
    await form.getByLabel(/有効期限/).press('Enter');
    await page.keyboard.press('Enter');
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'insured');
    await expect(verdict(page)).toBeInViewport();
    await viewShot(page, testInfo, `walk-in-decided-${w}x${h}`);
  });
}
