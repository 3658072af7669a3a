// Trainer mode in the browser mode, as a trainer and a trainee would use it: a pack is imported
// (file dialog), a refused pack lists its problems (drag-and-drop), then a whole practice session
// with feedback, a whole exam with a seed and the pass mark from the settings, the result sheet
// (printed to PDF), the progress report with its charts, and the CSV export.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { decideScenario } from '../shared/engine';
import type { Decision } from '../shared/decision';
import { parsePack, type Scenario } from '../shared/scenario';
import { correctAnswer, type TraineeAnswer } from '../shared/trainer/grade';
import { packMix } from '../shared/trainer/mix';
import { seededShuffle } from '../shared/trainer/order';
import { toPackScenario } from '../shared/trainer/pack-io';
import { choosePatient, openApp, savePatient, setVisitDate } from './desk-helpers';
import { fillCommonItems, verdictName } from './trainer-helpers';
import { expect, SCREENSHOT_DIR, shot, test } from './fixtures';

const raw = JSON.parse(readFileSync('packs/default-pack.json', 'utf8')) as unknown;
const parsed = parsePack(raw);
if (!parsed.ok) throw new Error(`the default pack does not validate: ${JSON.stringify(parsed.issues[0])}`);

/** Six scenarios of the bundled pack that between them need every kind of answer. */
function pickVaried(all: Scenario[]): Scenario[] {
  const wants: ((d: Decision) => boolean)[] = [
    (d) => d.verdict === 'insured' && !d.elderlyCardNeeded && d.documentsNeeded.length === 0,
    (d) => d.verdict === 'insured' && d.documentsNeeded.includes('elderly-card'),
    (d) => d.verdict === 'insured-interim',
    (d) => d.verdict === 'insured-declaration' && d.documentsNeeded.includes('declaration'),
    (d) => d.verdict === 'self-pay',
    (d) => d.copayPercent === 20,
  ];
  const chosen: Scenario[] = [];
  for (const want of wants) {
    const s = all.find((x) => !chosen.includes(x) && want(decideScenario(x)));
    if (s) chosen.push(s);
  }
  return chosen;
}
const SCENARIOS = pickVaried(parsed.scenarios);
const PACK_TITLE = '新人研修 2026年4月 (E2E)';
const PACK_TEXT = JSON.stringify(
  { format: 'shikaku-pack/1', title: PACK_TITLE, scenarios: SCENARIOS.map(toPackScenario) },
  null,
  2,
);
const answerOf = (s: Scenario) => correctAnswer(decideScenario(s));

async function answerOnScreen(page: Page, a: TraineeAnswer): Promise<void> {
  const form = await fillCommonItems(page, a);
  await form.getByRole('button', { name: /回答する/ }).click();
}

/** axe-core: no serious or critical violation on the trainer screens (same bar as a11y.spec.ts). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, where).toEqual([]);
}

async function openTrainer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' })).toBeFocused();
  await page.keyboard.press('F4');
  await expect(page.getByRole('tab', { name: 'パックと例題' })).toHaveAttribute('aria-selected', 'true');
}

test.describe.configure({ mode: 'serial' });

test('trainer: a refused pack lists every problem (drag-and-drop); a good pack imports (file dialog)', async ({
  page,
  server,
}, testInfo) => {
  expect(SCENARIOS.length).toBeGreaterThanOrEqual(5);
  await openTrainer(page, server.url);
  await expect(page.getByTestId('pack-item').first()).toContainText('同梱');

  // A bad pack: a duplicate id, an unknown document kind and a 12-digit number — dropped on the zone.
  const bad = JSON.parse(PACK_TEXT) as { scenarios: Record<string, unknown>[] };
  bad.scenarios[1]!.id = bad.scenarios[0]!.id;
  (bad.scenarios[2]!.presented as unknown[]).push({ kind: 'insurance-card' });
  bad.scenarios[3]!.story = '患者さんが 1234 5678 9012 と書いた紙を出しました。';
  const before = await server.call('trainer.listPacks', {});
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'bad-pack.json', { type: 'application/json' }));
    return d;
  }, JSON.stringify(bad));
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dt });
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('bad-pack.json は読み込めませんでした。次の 3 件の問題があります');
  await expect(page.getByTestId('import-issue')).toHaveCount(3);
  await expect(outcome).toContainText('例題の ID が重複しています');
  await expect(outcome).toContainText('未知の書類の種類です');
  await expect(outcome).toContainText('個人番号(マイナンバー)');
  await expect(outcome).not.toContainText('9012');
  expect(await server.call('trainer.listPacks', {})).toEqual(before);
  await expectAccessible(page, 'import refused');
  await shot(page, testInfo, 'trainer-import-refused');
  await outcome.getByRole('button', { name: '閉じる' }).click();

  // The good pack through the file dialog.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'ファイルを選ぶ' }).click(),
  ]);
  await chooser.setFiles({
    name: 'shinjin-2026-04.json',
    mimeType: 'application/json',
    buffer: Buffer.from(PACK_TEXT),
  });
  await expect(page.getByTestId('import-outcome')).toContainText(
    `「${PACK_TITLE}」を読み込みました (${SCENARIOS.length} 問)`,
  );
  await expect(page.getByTestId('scenario-row')).toHaveCount(SCENARIOS.length);
  // the pack's mix: scenarios per visit type and per rule the engine lists for them
  const mix = packMix(SCENARIOS.map((s) => ({ rules: decideScenario(s).rules, visitType: s.visitType })));
  await expect(page.getByTestId('pack-mix-visits')).toHaveText(
    `初診 ${mix.visitTypes.first} 問 ・ 再診 (記録あり) ${mix.visitTypes.return} 問`,
  );
  await page.getByTestId('pack-mix').locator('summary').click();
  for (const r of mix.rules)
    await expect(page.getByTestId('pack-mix').locator(`tr[data-rule="${r.rule}"] td`).last()).toHaveText(
      String(r.scenarios),
    );
  expect(mix.rules.some((r) => r.scenarios > 0)).toBe(true);
  await expectAccessible(page, 'pack imported');
  await shot(page, testInfo, 'trainer-pack-imported');

  // Authoring: open the first scenario in the form; the engine's answer shows live.
  await page.getByRole('button', { name: `${SCENARIOS[0]!.id} を編集` }).click();
  const editor = page.getByTestId('scenario-editor');
  await expect(page.getByTestId('editor-status')).toHaveText('入力に問題はありません。');
  await expect(page.getByTestId('editor-decision')).toContainText(verdictName(answerOf(SCENARIOS[0]!).verdict));
  await editor.getByLabel('受診日').fill('令和元年4月30日');
  await expect(page.getByTestId('editor-status')).toContainText('受診日: 令和の期間外の日付です');
  await expectAccessible(page, 'authoring form');
  await shot(page, testInfo, 'trainer-editor-error');
  await editor.getByRole('button', { name: 'やめる' }).click();

  // Export: the same pack comes back as shikaku-pack/1.
  const item = page.getByTestId('pack-item').filter({ hasText: PACK_TITLE });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('button', { name: /JSON に書き出す/ }).click(),
  ]);
  const exported = parsePack(JSON.parse(readFileSync((await download.path())!, 'utf8')));
  expect(exported.ok && exported.scenarios).toEqual(SCENARIOS);
});

test('trainer: a whole practice session with feedback after each patient', async ({ page, server }, testInfo) => {
  await openTrainer(page, server.url);
  await page.getByRole('tab', { name: '練習' }).click();
  await page.getByLabel('研修生の名前').fill('受付 花子');
  await page.getByLabel('パック', { exact: true }).selectOption({ label: `${PACK_TITLE} (${SCENARIOS.length}問)` });
  await page.getByRole('button', { name: '練習を始める' }).click();

  for (const [i, s] of SCENARIOS.entries()) {
    await expect(page.getByRole('heading', { name: `患者 ${i + 1} / ${SCENARIOS.length}` })).toBeVisible();
    if (s.story) await expect(page.getByTestId('question-story')).toHaveText(s.story);
    await expect(page.getByRole('radio', { name: '保険で受付', exact: true })).toBeFocused();
    if (i === 0) {
      await expectAccessible(page, 'practice question');
      await shot(page, testInfo, 'trainer-practice-question');
    }
    const right = answerOf(s);
    // the second patient: the trainee forgets what the elderly card / documents require
    const given: TraineeAnswer =
      i === 1 ? { ...right, elderlyCardNeeded: !right.elderlyCardNeeded, documentsNeeded: [] } : right;
    await answerOnScreen(page, given);
    const fb = page.getByTestId('feedback');
    await expect(fb).toBeVisible();
    await expect(fb.locator('[data-all-correct]')).toHaveAttribute('data-all-correct', String(i !== 1));
    const d = decideScenario(s);
    await expect(page.getByTestId('feedback-tell')).toHaveText(d.tellPatient);
    for (const r of d.rules) await expect(fb.locator(`[data-rule="${r}"]`)).toContainText('出典');
    if (i === 1) {
      await expect(fb.locator('[data-item="elderlyCardNeeded"]')).toHaveAttribute('data-correct', 'false');
      await expect(fb.locator('[data-item="verdict"]')).toHaveAttribute('data-correct', 'true');
      await expectAccessible(page, 'practice feedback');
      await shot(page, testInfo, 'trainer-practice-feedback-wrong');
    }
    if (i === 0) await shot(page, testInfo, 'trainer-practice-feedback-right');
    await page.keyboard.press('Enter'); // 次の患者へ / 結果を見る has the focus
  }
  const sheet = page.getByTestId('result-sheet');
  await expect(sheet).toContainText('練習の結果 — 受付 花子 さん');
  await expect(page.getByTestId('result-score')).toContainText(
    `${SCENARIOS.length} 問中 ${SCENARIOS.length - 1} 問正解`,
  );
  await expect(page.getByTestId('result-row')).toHaveCount(SCENARIOS.length);
  await shot(page, testInfo, 'trainer-practice-result');
});

test('trainer: a whole exam — seeded order, no feedback, pass mark from the settings, printed result, progress and CSV', async ({
  page,
  server,
}, testInfo) => {
  const SEED = 20260401;
  const packs = await server.call('trainer.listPacks', {});
  const pack = packs.find((p) => p.title === PACK_TITLE)!;
  const order = seededShuffle(SCENARIOS, SEED);

  await openTrainer(page, server.url);
  await page.getByRole('tab', { name: '試験' }).click();
  // the trainer sets the pass mark: 4 of 6 needed at 60%
  await expect(page.getByLabel('合格点 (%)')).toHaveValue(/\d+/); // the settings have arrived
  await page.getByLabel('合格点 (%)').fill('60');
  await page.getByRole('button', { name: '設定を保存' }).click();
  await expect(page.getByText('合格点: 60%')).toBeVisible();
  await page.getByLabel('研修生の名前').fill('受付 花子');
  await page.getByLabel('パック', { exact: true }).selectOption(String(pack.id));
  await page.getByLabel('問題数', { exact: true }).fill(String(SCENARIOS.length));
  await page.getByLabel('出題順のシード (任意)').fill(String(SEED));
  await expectAccessible(page, 'exam start');
  await shot(page, testInfo, 'trainer-exam-start');
  await page.getByRole('button', { name: '試験を始める' }).click();

  for (const [i, s] of order.entries()) {
    await expect(page.getByRole('heading', { name: `患者 ${i + 1} / ${order.length}` })).toBeVisible();
    // the seeded order is the one shown: the story on screen is this scenario's
    if (s.story) await expect(page.getByTestId('question-story')).toHaveText(s.story);
    const right = answerOf(s);
    const given: TraineeAnswer =
      i === 2 ? { ...right, verdict: right.verdict === 'self-pay' ? 'insured' : 'self-pay' } : right;
    if (i === 0) await shot(page, testInfo, 'trainer-exam-question');
    await answerOnScreen(page, given);
    await expect(page.getByTestId('feedback')).toHaveCount(0);
  }
  const sheet = page.getByTestId('result-sheet');
  await expect(sheet).toContainText('試験の結果 — 受付 花子 さん');
  await expect(page.getByTestId('result-seed')).toHaveText(String(SEED));
  await expect(page.getByTestId('result-score')).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('result-score')).toContainText(`合格`);
  await expect(page.getByTestId('result-score')).toContainText(`${order.length} 問中 ${order.length - 1} 問正解`);
  await expect(sheet).toContainText('まちがえた問題の解説');
  await expectAccessible(page, 'exam result');
  await shot(page, testInfo, 'trainer-exam-result');
  await page.emulateMedia({ media: 'print' });
  await shot(page, testInfo, 'trainer-exam-result-print');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.pdf({ path: path.join(SCREENSHOT_DIR, 'trainer-exam-result.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // the progress report: charts drawn, per rule, CSV for Excel
  await page.getByRole('tab', { name: '成績' }).click();
  const progress = page.getByTestId('progress');
  await page.getByRole('combobox', { name: '研修生' }).selectOption({ label: '受付 花子' });
  await expect(progress.getByRole('heading', { name: '成績の報告 — 受付 花子 さん' })).toBeVisible();
  await expect(progress.getByRole('img', { name: /の正答率の折れ線グラフ/ })).toBeVisible();
  await expect(progress.locator('.chart-svg .chart-line')).toHaveCount(2);
  await expect(progress.getByRole('img', { name: /ルール別の正答率の棒グラフ/ })).toBeVisible();
  await expect(progress.locator('.chart-bar').first()).toBeVisible();
  for (const r of new Set(SCENARIOS.flatMap((s) => decideScenario(s).rules)))
    await expect(progress.locator(`tr[data-rule="${r}"]`)).toBeVisible();
  await expectAccessible(page, 'progress report');
  await shot(page, testInfo, 'trainer-progress');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '回答の一覧を CSV に' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split('\r\n')[0]).toContain('回答日時,研修生,区分');
  expect(csv.split('\r\n').filter((l) => l.includes('受付 花子')).length).toBe(SCENARIOS.length * 2);
  writeFileSync(path.join(SCREENSHOT_DIR, 'trainer-answers.csv'), csv);
  await page.emulateMedia({ media: 'print' });
  await shot(page, testInfo, 'trainer-progress-print');
  await page.pdf({ path: path.join(SCREENSHOT_DIR, 'trainer-progress.pdf'), format: 'A4', printBackground: true });
});

test('desk: "save this desk case as a scenario" puts the case into a pack for trainees', async ({
  page,
  server,
}, testInfo) => {
  await savePatient(server, {
    name: '事例 四郎',
    kana: 'ジレイ シロウ',
    birthDate: '1953-06-10',
    sex: 'male',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2010-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
    holdings: [{ kind: 'oshirase', coverage: 'c1' }],
  });
  await openApp(page, server);
  await setVisitDate(page, '2026-01-15');
  await page.getByRole('checkbox', { name: 'オンライン資格確認あり' }).uncheck();
  await choosePatient(page, '事例', '事例 四郎');
  await page.keyboard.press('1');
  await page.keyboard.press('5');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'insured');

  await page.getByText('この事例を研修用の例題として保存').click();
  await page.getByRole('combobox', { name: '保存先のパック' }).selectOption('new');
  await page.getByLabel('新しいパックの名前').fill('窓口で迷った事例');
  await page.getByLabel('例題の id (半角英小文字・数字・ハイフン)').fill('desk-72-oshirase');
  await page
    .getByLabel(/窓口でのできごと/)
    .fill('72歳の患者さんがマイナンバーカードとお知らせを出しました。高齢受給者証は持っていません。');
  await page.getByRole('button', { name: '例題として保存' }).click();
  await expect(page.getByText('保存しました: desk-72-oshirase')).toBeVisible();
  await shot(page, testInfo, 'trainer-desk-case-saved');

  const packs = await server.call('trainer.listPacks', {});
  const saved = packs.find((p) => p.title === '窓口で迷った事例');
  expect(saved).toMatchObject({ source: 'authored', scenarioCount: 1 });
  const detail = await server.call('trainer.getPack', { packId: saved!.id });
  expect(detail.scenarios[0]).toMatchObject({
    scenarioId: 'desk-72-oshirase',
    verdict: 'insured',
    copayPercent: 30,
    rules: ['R4', 'R7'],
  });
});

test('trainer: a pack near the 20 MB limit imports with a progress bar; a 50 MB file is refused before it is read', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(180_000);
  // the bundled scenarios repeated with new ids, up to just under 20 MB
  const scenarios: Record<string, unknown>[] = [];
  const base = SCENARIOS.map(toPackScenario);
  let text: string;
  for (let round = 0; ; round += 1) {
    for (const s of base) scenarios.push({ ...s, id: `${String(s.id)}-r${round}` });
    if (round % 50 === 49) {
      text = JSON.stringify({ format: 'shikaku-pack/1', title: '大きなパック (E2E)', scenarios }, null, 2);
      if (Buffer.byteLength(text) > 19 * 1024 * 1024) break;
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-e2e-big-'));
  const bigFile = path.join(dir, 'big-pack.json');
  writeFileSync(bigFile, text);
  await openTrainer(page, server.url);
  const started = Date.now();
  await page.getByTestId('pack-file').setInputFiles(bigFile);
  await expect(page.locator('#import-bar')).toBeVisible();
  await shot(page, testInfo, 'trainer-import-progress');
  await expect(page.getByTestId('import-outcome')).toContainText(
    `「大きなパック (E2E)」を読み込みました (${scenarios.length} 問)`,
    { timeout: 120_000 },
  );
  testInfo.annotations.push({
    type: 'measured',
    description: `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB, ${scenarios.length} scenarios imported through the browser in ${Date.now() - started} ms`,
  });

  // 50 MB: refused at once, nothing sent
  const hugeFile = path.join(dir, 'huge.json');
  writeFileSync(hugeFile, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/trainer.importChunk')) chunks.push(r.url());
  });
  await page.getByTestId('pack-file').setInputFiles(hugeFile);
  await expect(page.getByTestId('import-outcome')).toContainText(
    'ファイルが大きすぎます (50.0 MB)。読み込めるパックは 20.0 MB までです',
  );
  expect(chunks).toEqual([]);
  await shot(page, testInfo, 'trainer-import-too-large');
  rmSync(dir, { recursive: true, force: true });
});

test('窓口の練習モード: the desk hides the patient’s note and which documents the patient holds', async ({
  page,
  server,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await savePatient(server, {
    name: '練習 花子',
    kana: 'レンシュウ ハナコ',
    birthDate: '1980-04-01',
    sex: 'female',
    note: '正解: マイナ保険証だけ持っている',
    coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-04-01' },
  });
  await openApp(page, server);
  await choosePatient(page, 'れんしゅう', '練習 花子');
  // the ordinary desk: the note and 「この患者は持っていません」 are shown
  await expect(page.locator('.patient-note')).toBeVisible();
  await expect(page.getByText('この患者は持っていません').first()).toBeVisible();

  await page.keyboard.press('F4');
  await page.getByRole('checkbox', { name: /窓口の練習モード/ }).check();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('desk-training')).toBeVisible();
  await expect(page.getByTestId('patient-name')).toContainText('練習 花子'); // the desk kept the patient
  await expect(page.locator('.patient-note')).toBeHidden();
  await expect(page.getByText('この患者は持っていません').first()).toBeHidden();
  // every document button looks alike
  const styles = await page
    .locator('button.doc')
    .evaluateAll(
      (els) => new Set(els.map((e) => getComputedStyle(e).borderStyle + getComputedStyle(e).backgroundColor)).size,
    );
  expect(styles).toBe(1);
  await shot(page, testInfo, 'desk-training-1366');
  // and back to the ordinary desk from the badge
  await page.getByTestId('desk-training').click();
  await expect(page.locator('.patient-note')).toBeVisible();
});
