// The what-if timeline on the desk (issue 10): a demo patient with a 協会けんぽ 保険証 only, whose
// answer changes when the transition ends (2025-12-02) and when the provisional handling ends
// (2026-08-01). The strip shows the labelled change days; a day clicked or chosen with the
// keyboard is decided at the desk. Screenshots at 1366×768 and 1024×600; the trainer's editor and
// practice feedback show the same timeline.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { setVisitDate } from './desk-helpers';
import { expect, SCREENSHOT_DIR, shot, test } from './fixtures';

async function openLegacyCase(page: Page, name: string) {
  await setVisitDate(page, '2025-11-10');
  const search = page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  await search.fill('S51.8.8');
  await expect(page.getByRole('option').first()).toContainText(name);
  await search.press('Enter');
  await page.getByRole('button', { name: '健康保険証', exact: true }).click();
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'insured');
  await page.getByText('日付を変えると？').click();
  await expect(page.getByRole('slider', { name: /日付ごとの判定/ })).toBeVisible();
}

test('the desk’s what-if strip: labelled change days, a clicked day and a keyboard-chosen day are decided', async ({
  page,
  server,
  requests,
}, testInfo) => {
  void requests;
  const [demo] = await server.call('registry.search', { query: '1976-08-08' });
  expect(demo!.note).toContain('従来の保険証');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await openLegacyCase(page, demo!.name);

  const changes = page.getByTestId('whatif-changes').getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('令和7年12月2日 (2025-12-02)');
  await expect(changes.nth(0)).toContainText('従来の保険証の経過措置期間の終わり (令和7年12月1日まで有効)');
  await expect(changes.nth(0)).toContainText('保険で受付 ・ 3割 → 保険で受付 (暫定) ・ 3割');
  await expect(changes.nth(0)).toHaveAttribute('data-rules', 'R1 R2');
  await expect(changes.nth(1)).toContainText('令和8年8月1日 (2026-08-01)');
  await expect(changes.nth(1)).toContainText('暫定的な取扱いの終わり');
  await expect(changes.nth(1)).toContainText('自費 (10割)');
  const r = await new AxeBuilder({ page }).include('[data-testid=whatif-section]').analyze();
  expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByTestId('whatif-section').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'whatif-desk-1366');
  await page.getByTestId('whatif').screenshot({ path: path.join(SCREENSHOT_DIR, 'whatif-strip-1366.png') });

  // a click in the middle of the provisional run loads that day into the desk
  const strip = page.getByRole('slider', { name: /日付ごとの判定/ });
  const interim = page.locator('.whatif-run[data-from="2025-12-02"]');
  const box = (await interim.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'insured-interim');
  const loaded = await page.getByLabel('受診日', { exact: true }).inputValue();
  expect(loaded >= '2025-12-02' && loaded <= '2026-07-31', loaded).toBe(true);
  await expect(page.getByTestId('visit-date-shown')).toContainText(loaded);
  await expect(page.getByTestId('whatif-selected')).toBeVisible();

  // keyboard: Shift+→ to the next change day, Enter decides it
  await strip.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(strip).toHaveAttribute('data-cursor', '2026-08-01');
  await expect(page.getByTestId('whatif-readout')).toContainText('令和8年8月1日 (2026-08-01) 自費 (10割)');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visit-date-shown')).toContainText('令和8年8月1日 (2026-08-01)');
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'self-pay');
  await expect(strip).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visit-date-shown')).toContainText('2026-07-31');
  await expect(page.locator('[role=status][data-verdict]')).toHaveAttribute('data-verdict', 'insured-interim');

  // a range typed in 和暦
  await page.getByLabel('期間の始まり').fill('令和7年10月1日');
  await page.getByLabel('期間の終わり').fill('R8.1.31');
  await page.getByLabel('期間の終わり').press('Enter');
  await expect(changes).toHaveCount(1);
  await expect(page.locator('.whatif-run').first()).toHaveAttribute('data-from', '2025-10-01');
});

test('the what-if strip at 1024×600 and in the trainer’s scenario editor', async ({
  page,
  server,
  requests,
}, testInfo) => {
  void requests;
  const [demo] = await server.call('registry.search', { query: '1976-08-08' });
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto(server.url);
  await openLegacyCase(page, demo!.name);
  await page.getByTestId('whatif-section').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'whatif-desk-1024');

  // the trainer: a scenario of a 75th birthday in a pack, in the authoring form; a change day becomes its visit date
  const pack = await server.call('trainer.createPack', { title: '日付で変わる例題 (E2E)' });
  await server.call('trainer.saveScenario', {
    packId: pack.id,
    scenario: {
      id: 'birthday-75',
      title: '75歳の誕生日をまたぐ受診',
      visitDate: '2026-03-02',
      clinic: { onlineCheck: true },
      patient: {
        birthDate: '1951-03-10',
        coverages: [
          { id: 'c1', insurer: 'kyokai', acquiredOn: '1990-04-01', lostOn: '2026-03-10' },
          { id: 'c2', insurer: 'kouki', acquiredOn: '2026-03-10', ratio: 10 },
        ],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-03-10' },
      },
      presented: [{ kind: 'myna-card' }],
    },
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('F4');
  await page.getByRole('button', { name: /^日付で変わる例題 \(E2E\) / }).click();
  await page.getByRole('button', { name: 'birthday-75 を編集' }).click();
  const editor = page.getByTestId('scenario-editor');
  await editor.getByText('日付を変えると？').click();
  const birthday = editor.getByTestId('whatif-changes').getByRole('listitem').filter({ hasText: '2026-03-10' });
  await expect(birthday).toContainText('75歳の誕生日');
  await expect(birthday).toContainText('保険で受付 ・ 2割 → 保険で受付 ・ 1割');
  await expect(birthday).toHaveAttribute('data-rules', 'R12 R15');
  await birthday.getByRole('button', { name: /この日を受診日にする/ }).click();
  await expect(editor.getByLabel('受診日')).toHaveValue('2026-03-10');
  await expect(page.getByTestId('editor-decision')).toContainText('1割');
  await birthday.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'whatif-trainer-editor');
  await editor.getByRole('button', { name: 'やめる' }).click();

  // practice: after the answer, the feedback opens the same timeline (look only)
  await page.getByRole('tab', { name: '練習' }).click();
  await page.getByLabel('研修生の名前').fill('日付 太郎');
  await page.getByLabel('パック', { exact: true }).selectOption({ label: '日付で変わる例題 (E2E) (1問)' });
  await page.getByRole('button', { name: '練習を始める' }).click();
  const form = page.getByRole('form', { name: '回答' });
  await form.getByRole('group', { name: '判定' }).getByRole('radio', { name: '保険で受付', exact: true }).check();
  await form.getByRole('group', { name: '窓口負担' }).getByRole('radio', { name: '2割', exact: true }).check();
  await form
    .getByRole('group', { name: '高齢受給者証の確認' })
    .getByRole('radio', { name: '不要', exact: true })
    .check();
  await form.getByRole('button', { name: /回答する/ }).click();
  const feedback = page.getByTestId('feedback');
  await expect(feedback.locator('[data-all-correct]')).toHaveAttribute('data-all-correct', 'true');
  await feedback.getByText('日付を変えると？').click();
  const change = feedback.getByTestId('whatif-changes').getByRole('listitem').filter({ hasText: '2026-03-10' });
  await expect(change).toContainText('75歳の誕生日');
  await expect(change.getByRole('button')).toHaveCount(0);
  await expect(feedback.getByTestId('whatif-readout')).toContainText('令和8年3月2日 (2026-03-02)');
  await expect(feedback.getByTestId('whatif-readout')).toContainText('(この例題の受診日)');
  await change.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'whatif-trainer-feedback');
});
