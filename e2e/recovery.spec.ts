// A damaged database restored from the app (issue 11), in browser mode: a backup made with
// 「バックアップを作成」 in the settings, the database file damaged, the next start shows the restore
// screen (what happened, the backups with dates and what they hold), and the chosen backup brings
// everything back.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, shot, startWebMode, stopChild, test } from './fixtures';

test('restores a corrupted database from the app', async ({ page, allowedOrigins }, testInfo) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-e2e-recovery-'));
  let web: Awaited<ReturnType<typeof startWebMode>> | null = null;
  try {
    // 1. a working desk with one patient of our own; 「バックアップを作成」 in the settings
    web = await startWebMode(dataDir);
    allowedOrigins.push(web.handle.origin);
    await web.handle.call('registry.save', {
      name: '復元 花子',
      kana: 'フクゲン ハナコ',
      birthDate: '1975-03-03',
      sex: 'female',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
    });
    await page.goto(web.handle.url);
    await page.getByRole('button', { name: /設定/ }).click();
    await page.getByRole('button', { name: 'バックアップを作成' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'バックアップを作成しました' })).toContainText('患者');
    await shot(page, testInfo, 'settings-backup');
    await stopChild(web.child);

    // 2. the database file is damaged while the app is closed
    writeFileSync(path.join(dataDir, 'shikaku.sqlite'), Buffer.alloc(64 * 1024, 0x5a));

    // 3. the next start shows the restore screen
    web = await startWebMode(dataDir);
    allowedOrigins.push(web.handle.origin);
    await page.goto(web.handle.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('データを元に戻してください');
    await expect(page.getByText('壊れていました')).toBeVisible();
    await expect(page.getByText(/保管したファイル: shikaku\.corrupt-\d{8}-\d{6}\.sqlite/)).toBeVisible();
    const choice = page.getByRole('radio').first();
    await expect(choice).toBeChecked();
    await expect(page.locator('.recovery-backup').first()).toContainText('手動で作成したバックアップ');
    await expect(page.locator('.recovery-backup').first()).toContainText(/令和\d+年\d+月\d+日 \d+:\d\d/);
    await expect(page.locator('.recovery-backup').first()).toContainText(/患者 \d+人・照会履歴 \d+件/);
    await shot(page, testInfo, 'recovery-screen');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
    await page.getByRole('button', { name: '空の状態で始める…' }).click();
    await expect(page.getByText('本当に空の状態で始めますか？')).toBeVisible();
    await shot(page, testInfo, 'recovery-start-empty-confirm');
    await page.getByRole('button', { name: 'やめる' }).click();

    // 4. restore the chosen backup: the app opens with the patient back
    await page.getByRole('button', { name: '選んだバックアップから元に戻す' }).click();
    await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeVisible();
    await page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' }).fill('フクゲン');
    await expect(page.getByText('復元 花子').first()).toBeVisible();
    await shot(page, testInfo, 'recovery-restored');
    await stopChild(web.child);

    // the damaged file is still there, untouched
    const damaged = readdirSync(dataDir).filter((f) => /^shikaku\.corrupt-.*\.sqlite$/.test(f));
    expect(damaged).toHaveLength(1);
    expect(statSync(path.join(dataDir, damaged[0]!)).size).toBe(64 * 1024);
  } finally {
    if (web) await stopChild(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('after a damage with no backup, each start asks again; starting empty loads no demo patients', async ({
  page,
  allowedOrigins,
}, testInfo) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-e2e-recovery-empty-'));
  let web: Awaited<ReturnType<typeof startWebMode>> | null = null;
  try {
    // a damaged file where the database should be, and no backup at all
    writeFileSync(path.join(dataDir, 'shikaku.sqlite'), Buffer.alloc(16 * 1024, 0x33));
    web = await startWebMode(dataDir);
    allowedOrigins.push(web.handle.origin);
    await page.goto(web.handle.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('データを元に戻してください');
    await expect(page.getByText('使えるバックアップがありません')).toBeVisible();
    await expect(page.getByRole('button', { name: '選んだバックアップから元に戻す' })).toHaveCount(0);
    await shot(page, testInfo, 'recovery-no-backup');
    await stopChild(web.child);
    // closing without choosing: nothing was created, the next start asks again
    expect(readdirSync(dataDir).filter((f) => f === 'shikaku.sqlite')).toEqual([]);
    web = await startWebMode(dataDir);
    allowedOrigins.push(web.handle.origin);
    await page.goto(web.handle.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('データを元に戻してください');

    await page.getByRole('button', { name: '空の状態で始める…' }).click();
    await page.getByRole('button', { name: '空の状態で始める', exact: true }).click();
    await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeVisible();
    expect(await web.handle.call('registry.search', { query: 'ア', limit: 200 })).toEqual([]);
    await stopChild(web.child);
    // and the start after that opens the (empty) desk, without seeding demo patients now
    web = await startWebMode(dataDir);
    allowedOrigins.push(web.handle.origin);
    expect(await web.handle.call('registry.search', { query: 'ア', limit: 200 })).toEqual([]);
    await page.goto(web.handle.url);
    await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeVisible();
    await stopChild(web.child);
  } finally {
    if (web) await stopChild(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
