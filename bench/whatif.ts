// The what-if timeline's budget (issue 10): a two-year strip drawn in under 100 ms. Two parts:
//   benchWhatIfCompute()       the engine once per day for a two-year range, in Node
//                              floor: the same day loop with a trivial function instead of the engine
//   measureWhatIfDraw(page)    in the browser, on the desk with the strip open: 表示 for a new
//                              two-year range → strip committed and the next frame painted
//                              floor: the same click with a range refused (only a message is drawn)
// Figures are medians of several runs (bench/harness.ts), printed by bench/ui.ts's formatFigures.
import type { Page } from 'playwright-core';
import { dayNumber, fromDayNumber } from '../shared/dates';
import { parseScenario, type Scenario } from '../shared/scenario';
import { changedParts, type DayAnswer, whatIf, type WhatIfRange } from '../shared/whatif';
import { summarise, wallMs } from './harness';
import type { UiFigure } from './ui';

const TWO_YEARS: WhatIfRange = { from: '2025-01-01', to: '2026-12-31' };
/** A second two-year range, so that each apply recomputes. */
const TWO_YEARS_B: WhatIfRange = { from: '2025-01-02', to: '2027-01-01' };

const round = (n: number) => Math.round(n * 100) / 100;

function scenario(raw: Record<string, unknown>): Scenario {
  const r = parseScenario(
    { id: 'bench', visitDate: '2025-11-10', clinic: { onlineCheck: true }, ...raw },
    { inPack: true },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const CASES: { name: string; s: Scenario }[] = [
  {
    name: '保険証のみ',
    s: scenario({
      patient: { birthDate: '1976-08-08', coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2000-04-01' }] },
      presented: [{ kind: 'legacy-card' }],
    }),
  },
  {
    name: 'マイナ保険証+資格確認書+お知らせ+高齢受給者証',
    s: scenario({
      needsLimit: true,
      patient: {
        birthDate: '1953-05-20',
        coverages: [
          { id: 'c1', insurer: 'kyokai', acquiredOn: '2000-04-01', lostOn: '2025-10-01' },
          { id: 'c2', insurer: 'kumiai', acquiredOn: '2025-10-01', filedOn: '2025-10-01', myNumberOnForm: true },
        ],
        myna: { insuranceRegistered: true, certExpiresOn: '2026-02-10' },
      },
      presented: [
        { kind: 'myna-card' },
        { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2024-12-02', validUntil: '2029-12-01' },
        { kind: 'oshirase', coverage: 'c2' },
        { kind: 'elderly-card', ratio: 20, validUntil: '2026-07-31' },
      ],
    }),
  },
];

const NOT_BORN: DayAnswer = { kind: 'unavailable', reason: 'not-born' };
const NOT_YET: DayAnswer = { kind: 'unavailable', reason: 'document-not-yet' };
const trivial = (s: Scenario): DayAnswer => (s.visitDate < s.patient.birthDate ? NOT_BORN : NOT_YET);

/** The same day loop as whatIf (a scenario per day, compared with the day before), with a trivial function in place of the engine. */
function trivialStrip(s: Scenario, range: WhatIfRange): number {
  let runs = 1;
  let prev = trivial({ ...s, visitDate: range.from });
  for (let n = dayNumber(range.from) + 1; n <= dayNumber(range.to); n += 1) {
    const cur = trivial({ ...s, visitDate: fromDayNumber(n) });
    if (changedParts(prev, cur).length > 0) runs += 1;
    prev = cur;
  }
  return runs;
}

export function benchWhatIfCompute(runs = 15): UiFigure[] {
  const days = dayNumber(TWO_YEARS.to) - dayNumber(TWO_YEARS.from) + 1;
  return CASES.map(({ name, s }) => {
    whatIf(s, TWO_YEARS); // warm-up (JIT, the holiday and age caches)
    const strip: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      strip.push(wallMs(() => whatIf(s, TWO_YEARS)));
      floor.push(wallMs(() => trivialStrip(s, TWO_YEARS)));
    }
    const t = summarise(strip);
    return {
      name: `what-if compute, ${days} days (${name}; min ${round(t.min)} ms)`,
      value: round(t.median),
      floor: round(summarise(floor).median),
      floorIs: 'the same day loop with a trivial function (Node)',
      unit: 'ms' as const,
      budget: 100,
      runs,
    };
  });
}

/**
 * On a desk page that is interactive: decides the demo patient with a 保険証 only, opens
 * 「日付を変えると？」 and times `runs` applies of a new two-year range, and as many refused ones.
 */
export async function measureWhatIfDraw(page: Page, runs = 15): Promise<UiFigure[]> {
  const date = page.getByLabel('受診日', { exact: true });
  await date.fill('2025-11-10');
  await date.press('Enter');
  const search = page.locator('#patient-search');
  await search.fill('S51.8.8'); // the demo patient with a 協会けんぽ 保険証 (R1 until 2025-12-01)
  await page.getByRole('option').first().waitFor();
  await search.press('Enter');
  await page.getByRole('button', { name: '健康保険証', exact: true }).click();
  await page.getByRole('button', { name: '確認する' }).click();
  await page.locator('[role=status][data-verdict]').waitFor();
  await page.getByText('日付を変えると？').click();
  await page.getByRole('slider').waitFor();
  const from = page.getByLabel('期間の始まり');
  const to = page.getByLabel('期間の終わり');

  /** Clicks 表示 and resolves after the DOM holds `until` and the next frame was painted. */
  const timeApply = (until: string) =>
    page.evaluate(
      (sel) =>
        new Promise<number>((resolve) => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === '表示')!;
          const t = performance.now();
          button.click();
          const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
          if (document.querySelector(sel)) return done();
          const obs = new MutationObserver(() => {
            if (document.querySelector(sel)) {
              obs.disconnect();
              done();
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, attributes: true });
        }),
      until,
    );

  const draw: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const r = i % 2 === 0 ? TWO_YEARS : TWO_YEARS_B;
    await from.fill(r.from);
    await to.fill(r.to);
    draw.push(await timeApply(`.whatif-run[data-from="${r.from}"]`));
    // the floor: the same click on a reversed range (a message, no strip)
    await from.fill(r.to);
    await to.fill(r.from);
    floor.push(await timeApply('.whatif-range [role=alert]'));
  }
  const days = dayNumber(TWO_YEARS.to) - dayNumber(TWO_YEARS.from) + 1;
  const t = summarise(draw);
  return [
    {
      name: `what-if draw, ${days} days (表示 → painted)`,
      value: round(t.median),
      floor: round(summarise(floor).median),
      floorIs: 'the same click on a refused range (a message is drawn)',
      unit: 'ms',
      budget: 100,
      runs,
    },
    {
      name: 'what-if draw, slowest run',
      value: round(t.max),
      floor: null,
      floorIs: '',
      unit: 'ms',
      budget: null,
      runs,
    },
  ];
}
