// History (virtualised table, filters, CSV export) and settings (clinic profile, policy settings
// with their reasons) through the screen.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POLICY_INFO } from '../shared/labels';
import { formatWareki } from '../shared/wareki';
import { choosePatient, openApp, savePatient, setVisitDate } from './desk-helpers';
import { expect, shot, test } from './fixtures';

test('history: rows, verdict filter, CSV export', async ({ page, server }, testInfo) => {
  const id = await savePatient(server, {
    name: '履歴 次郎',
    kana: 'リレキ ジロウ',
    birthDate: '1990-01-15',
    sex: 'male',
    coverages: [{ insurer: 'kumiai', acquiredOn: '2015-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2032-01-15' },
  });
  // Two decisions through the API (the desk records every decision): one insured, one self-pay.
  const clinic = { onlineCheck: true, phoneReader: false, incident: 'none' as const };
  await server.call('desk.decide', {
    patient: { id },
    presented: ['myna-card'],
    visitDate: '2026-02-02',
    clinic,
    visitType: 'first',
    needsLimit: false,
  });
  await server.call('desk.decide', {
    patient: { id },
    presented: [],
    visitDate: '2026-02-03',
    clinic,
    visitType: 'first',
    needsLimit: false,
  });

  await page.goto(server.url);
  await page.getByRole('button', { name: /履歴/ }).click();
  await expect(page.getByTestId('history-count')).toContainText('件');
  const rows = page.getByTestId('history-row');
  await expect(rows.first()).toContainText('履歴 次郎');
  await shot(page, testInfo, 'history');

  await page.getByLabel('判定').selectOption('self-pay');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page.locator('[role=cell][data-verdict]').first()).toHaveAttribute('data-verdict', 'self-pay');
  const verdicts = await page
    .locator('[role=cell][data-verdict]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  expect(new Set(verdicts)).toEqual(new Set(['self-pay']));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV に書き出す' }).click(),
  ]);
  const file = await download.path();
  const csv = readFileSync(file!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
  expect(csv).toContain('履歴 次郎');
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});

test('history: 300 rows are virtualised (few row elements) and reachable by scrolling', async ({ page, server }) => {
  const id = await savePatient(server, {
    name: '多数 記録',
    kana: 'タスウ キロク',
    birthDate: '1970-03-03',
    sex: 'female',
    coverages: [{ insurer: 'kokuho', acquiredOn: '2015-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2031-03-03' },
  });
  const clinic = { onlineCheck: true, phoneReader: false, incident: 'none' as const };
  const one = (visitDate: string) =>
    server.call('desk.decide', {
      patient: { id },
      presented: ['myna-card'],
      visitDate,
      clinic,
      visitType: 'first',
      needsLimit: false,
    });
  await one('2025-01-06');
  for (let i = 0; i < 300; i += 30) await Promise.all(Array.from({ length: 30 }, () => one('2026-03-02')));
  await page.goto(server.url);
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('history-row').first()).toContainText('多数 記録');
  const total = Number((await page.getByTestId('history-count').textContent())!.replace(/[^\d]/g, ''));
  expect(total).toBeGreaterThanOrEqual(301);
  expect(await page.getByTestId('history-row').count()).toBeLessThan(80);
  await page.getByTestId('history-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // the list's last row (the worker's server also holds other tests' checks): the oldest of all
  const last = (await server.call('history.query', { offset: total - 1, limit: 1 })).rows[0]!;
  const lastRow = page.locator(`[data-testid="history-row"][aria-rowindex="${total + 1}"]`);
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toContainText(formatWareki(last.visitDate));
  await expect(lastRow).toContainText(last.patientName ?? '');
  expect(await page.getByTestId('history-row').count()).toBeLessThan(80);
});

test('settings: clinic profile and policy settings with reasons, saved to the database', async ({
  page,
  server,
}, testInfo) => {
  await page.goto(server.url);
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
  await page.keyboard.press('F3');
  for (const info of Object.values(POLICY_INFO)) {
    await expect(page.getByText(info.why, { exact: false })).toBeVisible();
  }
  await shot(page, testInfo, 'settings');
  await page.getByLabel('医療機関名').fill('さくら内科 (架空)');
  await page.getByLabel(POLICY_INFO.portalScreenshot.ja).selectOption('accept');
  await page.getByRole('button', { name: '設定を保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '設定を保存しました' })).toBeVisible();
  const saved = await server.call('settings.get', {});
  expect(saved.clinicName).toBe('さくら内科 (架空)');
  expect(saved.policy.portalScreenshot).toBe('accept');
  // only the key that was changed is the clinic's own choice; the others follow the defaults
  expect(saved.policyOverrides).toEqual(['portalScreenshot']);
  await page.reload();
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
  await page.keyboard.press('F3');
  await expect(page.getByLabel('医療機関名')).toHaveValue('さくら内科 (架空)');
  await expect(page.locator('[data-policy=portalScreenshot]')).toContainText('既定値から変更');
  // 既定値に戻す removes the clinic's choices (it does not store a copy of the defaults)
  await page.getByRole('button', { name: '運用方針を既定値に戻す' }).click();
  await page.getByRole('button', { name: '設定を保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '設定を保存しました' })).toHaveCount(1);
  await expect.poll(async () => (await server.call('settings.get', {})).policyOverrides).toEqual([]);
  expect((await server.call('settings.get', {})).clinicName).toBe('さくら内科 (架空)');
});

test('settings: 連携フォルダ — a missing folder is refused at the field, an existing one is served', async ({
  page,
  server,
}, testInfo) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-e2e-renkei-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(server.url);
    await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
    await page.keyboard.press('F3');
    const field = page.getByLabel('連携フォルダ');
    await expect(field).toHaveValue('');
    const missing = path.join(dir, 'ない');
    await field.fill(missing);
    await page.getByRole('button', { name: '設定を保存' }).click();
    await expect(page.getByRole('alert')).toHaveText(`連携フォルダが見つかりません: ${missing}`);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect((await server.call('settings.get', {})).oqsFolder).toBe('');
    await shot(page, testInfo, 'settings-oqs-folder-missing-1366x768');
    await field.fill(dir);
    await expect(page.getByRole('alert')).toHaveCount(0); // an edit clears the refusal
    await page.getByRole('button', { name: '設定を保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: '設定を保存しました' })).toBeVisible();
    expect((await server.call('settings.get', {})).oqsFolder).toBe(dir);
    await expect(field).toHaveValue(dir);
    await shot(page, testInfo, 'settings-oqs-folder-1366x768');
    // the backend serves it: the folders for clinic software are there
    await expect.poll(() => ['req', 'res'].every((f) => readdirSync(dir).includes(f))).toBe(true);
  } finally {
    await server.call('settings.update', { oqsFolder: '' });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('history: the session’s operator is recorded; a row opens the full check (和暦, (仮)) and reprints the slip', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await savePatient(server, {
    name: '仮負 花子',
    kana: 'カリフ ハナコ',
    birthDate: '1953-06-10', // 72: 高齢受給者, a separate card for 組合 → 3割 (仮) without it
    sex: 'female',
    coverages: [{ insurer: 'kumiai', acquiredOn: '2015-04-01' }],
    myna: null,
    holdings: [{ kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-12-02', validUntil: '2030-12-01' }],
  });
  await openApp(page, server);
  // the operator, once for the session
  await page.getByTestId('operator-chip').click();
  await page.getByLabel(/担当者の名前/).fill('受付 一子');
  await page.getByLabel(/担当者の名前/).press('Enter');
  await expect(page.getByTestId('operator-chip')).toHaveText('担当者: 受付 一子');
  await page.getByRole('checkbox', { name: 'オンライン資格確認あり' }).setChecked(false);
  await setVisitDate(page, '2026-01-20');
  await choosePatient(page, 'かりふ', '仮負 花子');
  await page.keyboard.press('3'); // 資格確認書
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict-copay')).toContainText('(仮)');

  await page.keyboard.press('F2');
  await page.getByLabel('患者 (氏名・よみ)').fill('かりふ');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page.getByTestId('history-count')).toHaveText('1 件');
  const row = page.getByTestId('history-row').first();
  await expect(row).toContainText('令和8年1月20日');
  await expect(row).toContainText('3割 (仮)');
  await expect(row).toContainText('受付 一子');
  await shot(page, testInfo, 'history-list-1366');

  await row.getByRole('button').first().click();
  const check = page.getByTestId('history-check');
  await expect(check).toContainText('受付 一子');
  await expect(page.getByTestId('history-verdict')).toContainText('(仮)');
  await expect(check.getByTestId('online-status')).toBeVisible();
  await expect(check.getByRole('list', { name: '適用したルール' })).toBeVisible();
  await shot(page, testInfo, 'history-check-1366');
  // the slip, printed again: only the slip is on the page
  await page.emulateMedia({ media: 'print' });
  await expect(check.locator('.print-slip')).toBeVisible();
  await expect(page.getByTestId('history-verdict')).toBeHidden();
  await expect(page.locator('.history-list')).toBeHidden();
  await shot(page, testInfo, 'history-check-print');
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history-row').first()).toBeVisible();
});
