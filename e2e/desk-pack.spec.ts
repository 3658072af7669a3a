// The desk flow for every scenario of the public example pack: the patient is put in the registry,
// then a receptionist's keystrokes and clicks reproduce the visit; the verdict on screen
// (data-verdict) must equal the engine's decide() on the pack's own scenario, and the pack's
// expected verdict.
import { readFileSync } from 'node:fs';
import { decide } from '../shared/engine';
import { parseScenarioDocument } from '../shared/scenario';
import {
  choosePatient,
  DOC_KEYS,
  openApp,
  patientFromScenario,
  savePatient,
  setSituation,
  setVisitDate,
  verdictOf,
} from './desk-helpers';
import { expect, shot, test } from './fixtures';

const PACK = process.env.SHIKAKU_SPEC_DIR
  ? `${process.env.SHIKAKU_SPEC_DIR}/examples/leaflet-pack.json`
  : '../shared/spec/examples/leaflet-pack.json';
const parsed = parseScenarioDocument(JSON.parse(readFileSync(PACK, 'utf8')));
if (!parsed.ok) throw new Error(`example pack does not validate: ${JSON.stringify(parsed.issues[0])}`);

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

test.describe('desk flow: public example pack', () => {
  parsed.scenarios.forEach((scenario, i) => {
    test(`${scenario.id}`, async ({ page, server, requests }, testInfo) => {
      void requests;
      const [family, familyKana] = FAMILY[i % FAMILY.length]!;
      const name = `${family} 例題${i + 1}`;
      await savePatient(server, patientFromScenario(scenario, name, `${familyKana} レイダイ`));
      const expected = decide(scenario);

      await openApp(page, server);
      await setVisitDate(page, scenario.visitDate);
      await setSituation(page, scenario.clinic);
      await choosePatient(page, name, name);
      if (scenario.visitType === 'return') await page.getByRole('radio', { name: '再診' }).check();
      if (scenario.needsLimit) await page.getByRole('checkbox', { name: /限度額の適用が必要/ }).check();
      await page.getByRole('button', { name: '確認する' }).focus();
      for (const d of scenario.presented) await page.keyboard.press(DOC_KEYS[d.kind]);
      for (const d of scenario.presented) {
        await expect(
          page.getByRole('button', {
            name: {
              'myna-card': 'マイナ保険証',
              'myna-smartphone': 'スマホのマイナ保険証',
              'kakunin-sho': '資格確認書',
              'legacy-card': '健康保険証',
              oshirase: '資格情報のお知らせ',
              mynaportal: 'マイナポータルの資格情報画面',
              'elderly-card': '高齢受給者証',
              'limit-cert': '限度額適用認定証',
              declaration: '被保険者資格申立書',
            }[d.kind],
            exact: true,
          }),
        ).toHaveAttribute('aria-pressed', 'true');
      }
      await page.keyboard.press('Enter');

      expect(await verdictOf(page)).toBe(expected.verdict);
      if (scenario.expected?.verdict) expect(expected.verdict).toBe(scenario.expected.verdict);
      const copay = expected.copayPercent === 100 ? '10割' : `${expected.copayPercent / 10}割`;
      await expect(page.getByTestId('copay')).toContainText(copay);
      await expect(page.getByTestId('elderly-card')).toContainText(expected.elderlyCardNeeded ? '必要' : '不要');
      for (const r of expected.rules) await expect(page.locator(`[data-rule="${r}"]`)).toBeVisible();
      if (
        i < 4 ||
        [
          'interim-legacy-kyokai',
          'new-hire-lag',
          'reader-broken-first-visit',
          'leaflet-elderly-no-online',
          'interim-over',
        ].includes(scenario.id)
      ) {
        await shot(page, testInfo, `desk-${scenario.id}`);
      }
    });
  });
});
