// Trainer mode through the cases of rule book version 2 (issue 9 item 8, issue 10): the bundled v2
// packs are there on a fresh database; a practice drawn from the bundled v2 pack asks what the
// patient pays and which programmes apply only where the scenario involves them, makes the trainee
// type the 資格確認書's 保険者番号・記号・番号 before the number query answers, grades each item right
// and wrong, and the progress report lists R21–R26. Screenshots at 1366×768 and 1024×600.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { PatientPays } from '../shared/decision';
import { decideScenario } from '../shared/engine';
import { type PROGRAM_JA } from '../shared/labels';
import { parsePack, type Scenario } from '../shared/scenario';
import { askedItems, askedOf, correctAnswer, type NumberEntry, type TraineeAnswer } from '../shared/trainer/grade';
import { toPackScenario } from '../shared/trainer/pack-io';
import { fillCommonItems } from './trainer-helpers';
import { expect, shot, test } from './fixtures';

const parsed = parsePack(JSON.parse(readFileSync('packs/v2-rules-pack.json', 'utf8')));
if (!parsed.ok) throw new Error('the v2 pack does not validate');
const byId = (id: string): Scenario => parsed.scenarios.find((s) => s.id === id)!;

/** One scenario per new rule R21–R26, two of them 資格確認書 queried by number. */
const IDS = [
  'v2-ikusei-kakunin-number-query', // R21 育成医療, 資格確認書 → the number entry
  'v2-disability-per-visit', // R22 医療証 1回500円
  'v2-pmh-smartphone-child', // R23 PMH
  'v2-welfare-ticket-not-registered', // R24 医療扶助
  'v2-commute-no-form-deposit', // R25 通勤災害, 10割 deposit
  'v2-dependent-holder-retired-kakunin-query', // R26 被扶養者, 資格確認書 → the number entry
] as const;
const SCENARIOS = IDS.map(byId);
const PACK_TITLE = '第2版の練習 (E2E)';

function payChoice(p: PatientPays): { name: string; perVisit?: number; cap?: number } {
  if (p.deposit) return { name: '10割を預かり金として' };
  if (p.capReached) return { name: '今月の上限額に達した (0円)' };
  if (p.percent === 0)
    return p.perVisitYen !== null ? { name: '1回の定額', perVisit: p.perVisitYen } : { name: '負担なし (0円)' };
  if (p.percent === 100) return { name: '10割' };
  return { name: `${p.percent / 10}割`, ...(p.monthlyCapYen !== null ? { cap: p.monthlyCapYen } : {}) };
}

/** Types the number query with the keyboard and presses Enter. */
async function typeNumbers(page: Page, e: NumberEntry): Promise<void> {
  const form = page.getByRole('form', { name: '保険者番号等で照会' });
  await expect(form.getByLabel('保険者番号')).toBeFocused();
  await page.keyboard.type(e.insurerNumber);
  for (const [label, value] of [
    ['記号', e.symbol],
    ['番号', e.number],
    ['枝番', e.branch],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(form.getByLabel(label, { exact: true })).toBeFocused();
    if (value) await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
}

async function answerOnScreen(page: Page, a: TraineeAnswer): Promise<void> {
  const form = await fillCommonItems(page, a);
  if (a.publicExpense) {
    const group = form.getByTestId('answer-programs');
    for (const box of await group.getByRole('checkbox').all()) {
      const value = (await box.getAttribute('value')) as keyof typeof PROGRAM_JA;
      await box.setChecked(a.publicExpense.includes(value));
    }
  } else await expect(form.getByTestId('answer-programs')).toHaveCount(0);
  if (a.patientPays) {
    const c = payChoice(a.patientPays);
    await form.getByTestId('answer-pays').getByRole('radio', { name: c.name, exact: true }).check();
    if (c.perVisit !== undefined) await form.getByLabel('1回の額 (円)').fill(String(c.perVisit));
    if (c.cap !== undefined) await form.getByLabel(/月額の上限/).fill(String(c.cap));
  } else await expect(form.getByTestId('answer-pays')).toHaveCount(0);
  await form.getByRole('button', { name: /回答する/ }).click();
}

test('trainer v2: bundled v2 packs; a practice asks what the patient pays, the programmes and the typed 記号・番号; progress lists R21–R26', async ({
  page,
  server,
}, testInfo) => {
  // a fresh database holds every bundled pack, the v2 ones included
  const packs = await server.call('trainer.listPacks', {});
  const files = packs.filter((p) => p.source === 'bundled').map((p) => p.fileName);
  expect(files).toEqual(
    expect.arrayContaining(['packs/default-pack.json', 'packs/v2-rules-pack.json', 'packs/v2-boundaries-pack.json']),
  );
  // the six cases of the bundled v2 pack, put into a pack of their own
  const pack = await server.call('trainer.createPack', { title: PACK_TITLE });
  for (const s of SCENARIOS) {
    const out = await server.call('trainer.saveScenario', { packId: pack.id, scenario: toPackScenario(s) });
    expect(out.issues).toEqual([]);
  }

  for (const size of [
    { width: 1366, height: 768, tag: '1366' },
    { width: 1024, height: 600, tag: '1024' },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const trainee = `第2版 ${size.tag}`;
    await page.goto('about:blank'); // a fresh start of the app for each screen size
    await page.goto(server.url);
    await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
    await page.keyboard.press('F4');
    await page.getByRole('tab', { name: '練習' }).click();
    await page.getByLabel('研修生の名前').fill(trainee);
    await page.getByLabel('パック', { exact: true }).selectOption(String(pack.id));
    // the number entry is a session option, on by default
    await expect(
      page.getByRole('checkbox', { name: /番号 \(保険者番号・記号・番号\) を入力して照会する練習/ }),
    ).toBeChecked();
    await shot(page, testInfo, `trainer-v2-start-${size.tag}`);
    await page.getByRole('button', { name: '練習を始める' }).click();

    for (const [i, s] of SCENARIOS.entries()) {
      await expect(page.getByRole('heading', { name: `患者 ${i + 1} / ${SCENARIOS.length}` })).toBeVisible();
      const items = askedItems(s, { numberEntry: true });
      const asked = askedOf(s, items);
      const right = correctAnswer(decideScenario(s), asked);
      let given: TraineeAnswer = right;
      if (asked.entry) {
        // the number query's answer shows only after the numbers are typed
        await expect(page.getByTestId('question-number-route')).toContainText('番号を入力して照会してください');
        await expect(page.getByRole('form', { name: '回答' })).toHaveCount(0);
        if (i === 0) await shot(page, testInfo, `trainer-v2-number-entry-${size.tag}`);
        // the first typed in full width with hyphens (right); the R26 one with a wrong 番号
        const typed: NumberEntry =
          i === 0
            ? { ...asked.entry, insurerNumber: '３２１３−００２３', number: '44-17' }
            : { ...asked.entry, number: asked.entry.number + '9' };
        await typeNumbers(page, typed);
        await expect(page.getByTestId('question-number-route')).not.toContainText('番号を入力して');
        await expect(page.getByTestId('answer-entry')).toContainText('保険者番号');
        given = { ...given, numberEntry: typed };
      } else await expect(page.getByRole('form', { name: '保険者番号等で照会' })).toHaveCount(0);
      // wrong on purpose: the 育成医療 charge (3割 instead of 1割 up to 5,000円); the 医療証's programme left out
      if (s.id === 'v2-ikusei-kakunin-number-query')
        given = { ...given, patientPays: { ...given.patientPays!, percent: 30, monthlyCapYen: null } };
      if (s.id === 'v2-disability-per-visit') given = { ...given, publicExpense: [] };
      if (i === 0) await shot(page, testInfo, `trainer-v2-question-${size.tag}`);
      await answerOnScreen(page, given);

      const feedback = page.getByTestId('feedback');
      await expect(feedback).toBeVisible();
      for (const k of items) {
        const wrong =
          (s.id === 'v2-ikusei-kakunin-number-query' && k === 'patientPays') ||
          (s.id === 'v2-disability-per-visit' && k === 'publicExpense') ||
          (s.id === 'v2-dependent-holder-retired-kakunin-query' && k === 'numberEntry');
        await expect(feedback.locator(`tr[data-item="${k}"]`)).toHaveAttribute('data-correct', String(!wrong));
      }
      await expect(feedback.locator('tr[data-item]')).toHaveCount(items.length);
      if (s.id === 'v2-ikusei-kakunin-number-query') {
        await expect(feedback.locator('tr[data-item="patientPays"]')).toContainText('1割 (月額上限 5,000円まで)');
        await expect(feedback.locator('tr[data-item="numberEntry"]')).toContainText(
          '保険者番号 32130023 ・ 記号 2051 ・ 番号 4417 ・ 枝番 02',
        );
        await expect(feedback.getByTestId('feedback-programs')).toContainText('自立支援医療 (育成医療): 適用');
        await shot(page, testInfo, `trainer-v2-feedback-${size.tag}`);
      }
      if (s.id === 'v2-dependent-holder-retired-kakunin-query') {
        await expect(feedback.locator('tr[data-item="numberEntry"]')).toContainText(`番号 ${asked.entry!.number} `);
        await shot(page, testInfo, `trainer-v2-feedback-entry-wrong-${size.tag}`);
      }
      await page.keyboard.press('Enter'); // 次の患者へ / 結果を見る
    }

    const sheet = page.getByTestId('result-sheet');
    await expect(page.getByTestId('result-score')).toContainText(`${SCENARIOS.length} 問中 3 問正解`);
    await expect(sheet.getByRole('columnheader', { name: '患者さんが払う額' })).toBeVisible();
    await expect(sheet.getByRole('columnheader', { name: '照会で入力する番号' })).toBeVisible();
    await shot(page, testInfo, `trainer-v2-result-${size.tag}`);

    await page.getByRole('tab', { name: '成績' }).click();
    await page.getByRole('combobox', { name: '研修生' }).selectOption({ label: trainee });
    const progress = page.getByTestId('progress');
    for (const r of ['R21', 'R22', 'R23', 'R24', 'R25', 'R26'])
      await expect(progress.locator(`table tr[data-rule="${r}"]`).first()).toBeVisible();
    await expect(progress.locator('table tr[data-rule="R24"]').first()).toContainText('100%');
    await expect(progress.locator('table tr[data-rule="R26"]').first()).toContainText('0%');
    await shot(page, testInfo, `trainer-v2-progress-${size.tag}`);
  }
});
