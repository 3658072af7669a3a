// The desk flow for scenarios of the bundled training pack: the patient is put in the registry,
// then a receptionist's keystrokes and clicks reproduce the visit; the verdict on screen
// (data-verdict) must equal the engine's decideScenario() on the pack's own scenario, and the pack's
// expected verdict. Only scenarios the desk can reproduce are used (no policy of their own, the
// patient agrees to share 限度額 information, マイナポータル shown as a screen); 16 of them, spread
// over the pack.
import { readFileSync } from 'node:fs';
import { decideScenario } from '../shared/engine';
import { elderlyCardState } from '../shared/engine/explain';
import { DOCUMENT_JA, PORTAL_FORM_JA } from '../shared/labels';
import { parsePack } from '../shared/scenario';
import { DOCUMENTS } from '../renderer/src/labels';
import {
  choosePatient,
  openApp,
  patientFromScenario,
  savePatient,
  setSituation,
  setVisitDate,
  verdictOf,
} from './desk-helpers';
import { expect, shot, test } from './fixtures';

const parsed = parsePack(JSON.parse(readFileSync('packs/default-pack.json', 'utf8')));
if (!parsed.ok) throw new Error(`the bundled pack does not validate: ${JSON.stringify(parsed.issues[0])}`);
const reproducible = parsed.scenarios.filter(
  (s) =>
    Object.keys(s.policy).length === 0 &&
    s.limitConsent &&
    s.presented.every((d) => d.kind !== 'mynaportal' || d.form === 'screen'),
);
const step = Math.max(1, Math.floor(reproducible.length / 16));
const SCENARIOS = reproducible.filter((_s, i) => i % step === 0).slice(0, 16);

const FAMILY = [
  ['青木', 'アオキ'],
  ['石田', 'イシダ'],
  ['上野', 'ウエノ'],
  ['江口', 'エグチ'],
  ['大森', 'オオモリ'],
  ['加藤', 'カトウ'],
  ['木村', 'キムラ'],
  ['工藤', 'クドウ'],
  ['小池', 'コイケ'],
  ['佐野', 'サノ'],
  ['清水', 'シミズ'],
  ['須田', 'スダ'],
  ['関口', 'セキグチ'],
  ['曽根', 'ソネ'],
  ['高橋', 'タカハシ'],
  ['千葉', 'チバ'],
  ['津田', 'ツダ'],
  ['手塚', 'テヅカ'],
] as const;

test.describe('desk flow: the bundled pack', () => {
  SCENARIOS.forEach((scenario, i) => {
    test(`${scenario.id}`, async ({ page, server }, testInfo) => {
      const [family, familyKana] = FAMILY[i % FAMILY.length]!;
      const name = `${family} 例題${i + 1}`;
      await savePatient(server, patientFromScenario(scenario, name, `${familyKana} レイダイ`));
      const expected = decideScenario(scenario);

      await openApp(page, server);
      await setVisitDate(page, scenario.visitDate);
      await setSituation(page, scenario.clinic);
      await choosePatient(page, name, name);
      if (scenario.visitType === 'return') await page.getByRole('radio', { name: '再診' }).check();
      if (scenario.needsLimit) await page.getByRole('checkbox', { name: /限度額の適用が必要/ }).check();
      await page.getByRole('button', { name: '確認する' }).focus();
      for (const d of scenario.presented) {
        if (scenario.presented.findIndex((x) => x.kind === d.kind) !== scenario.presented.indexOf(d)) continue;
        await page.keyboard.press(DOCUMENTS[d.kind].key);
        // the マイナポータル key asks which form was shown; two of a kind ask which one (here: all of them)
        const chooser = page.getByTestId('chooser');
        if (d.kind === 'mynaportal') await chooser.getByRole('button', { name: PORTAL_FORM_JA[d.form] }).click();
        else if (scenario.presented.filter((x) => x.kind === d.kind).length > 1)
          await chooser.getByRole('button', { name: /^(両方|すべて)$/ }).click();
      }
      for (const d of scenario.presented) {
        await expect(
          page.getByRole('button', {
            name: DOCUMENT_JA[d.kind],
            exact: true,
          }),
        ).toHaveAttribute('aria-pressed', 'true');
      }
      await page.keyboard.press('Enter');

      expect(await verdictOf(page)).toBe(expected.verdict);
      if (scenario.expected?.verdict) expect(expected.verdict).toBe(scenario.expected.verdict);
      const copay = expected.copayPercent === 100 ? '10割' : `${expected.copayPercent / 10}割`;
      await expect(page.getByTestId('copay')).toContainText(copay);
      await expect(page.getByTestId('elderly-card')).toContainText(elderlyCardState(expected).text);
      for (const r of expected.rules) await expect(page.locator(`[data-rule="${r}"]`)).toBeVisible();
      if (i < 4 || scenario.visitType === 'return') {
        await shot(page, testInfo, `desk-${scenario.id}`);
      }
    });
  });
});
