// @vitest-environment happy-dom
// The desk's version-2 inputs and answers (issue 9 item 7): the cause question and its key, the
// keys of 受給者証・医療証 / 医療券 / 労災の様式, what the patient pays in words, each public
// programme applied or not, and the two new verdicts in their own tones.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskResult } from '../../../shared/contract';
import { App } from '../App';
import { createAppStore, StoreProvider } from '../store';
import { deskResult, fakeBridge, type FakeHandlers } from '../testing/fake-bridge';

function setup(handlers: FakeHandlers = {}) {
  const bridge = fakeBridge(handlers);
  const store = createAppStore(bridge.api, '2026-01-20');
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return { ...bridge, store };
}

async function choose() {
  const search = screen.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
  fireEvent.change(search, { target: { value: 'やまだ' } });
  await screen.findByRole('option', { name: /山田 太郎/ });
  fireEvent.keyDown(search, { key: 'Enter' });
  await screen.findByTestId('patient-name');
}

async function decided(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: '確認する' }));
  return waitFor(() => {
    const el = document.querySelector<HTMLElement>('[role=status][data-verdict]');
    expect(el).not.toBeNull();
    return el!;
  });
}

const NO_SHARE = { percent: 30, perVisitYen: null, monthlyCapYen: null, capReached: false, deposit: false };

afterEach(cleanup);

describe('the desk, version 2', () => {
  it('the cause key (G) cycles いいえ → 仕事中 → 通勤中 → 交通事故 → いいえ; only an answer other than いいえ is sent', async () => {
    const { calls } = setup();
    await choose();
    const group = screen.getByRole('radiogroup', { name: 'お仕事中・通勤中のけがですか' });
    const checked = () => within(group).getByRole('radio', { checked: true }).parentElement!.textContent;
    expect(checked()).toBe('いいえ');
    fireEvent.keyDown(window, { key: '1' });
    await decided();
    const sent = () => calls.filter((c) => c.name === 'desk.decide').at(-1)!.input as Record<string, unknown>;
    expect('cause' in sent()).toBe(false); // the common case: no extra key, nothing extra sent

    fireEvent.keyDown(window, { key: 'g' });
    expect(checked()).toBe('仕事中');
    expect(document.querySelector('[data-verdict]')).toBeNull(); // the answer for いいえ is gone
    await decided();
    expect(sent().cause).toBe('work');
    for (const next of ['通勤中', '交通事故', 'いいえ']) {
      fireEvent.keyDown(window, { key: 'G' });
      expect(checked()).toBe(next);
    }
    // a new patient starts at いいえ again
    fireEvent.keyDown(window, { key: 'g' });
    fireEvent.keyDown(window, { key: 'Escape' });
    await choose();
    expect(checked()).toBe('いいえ');
  });

  it('0, - and ^ (or = on a US keyboard) hand over 受給者証・医療証, 医療券 and 労災の様式', async () => {
    const { calls } = setup();
    await choose();
    const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');
    fireEvent.keyDown(window, { key: '0' });
    fireEvent.keyDown(window, { key: '-' });
    fireEvent.keyDown(window, { key: '^' });
    expect(pressed('受給者証・医療証')).toBe('true');
    expect(pressed('医療券')).toBe('true');
    expect(pressed('労災の請求書 (様式第5号・第16号の3)')).toBe('true');
    fireEvent.keyDown(window, { key: '=' });
    expect(pressed('労災の請求書 (様式第5号・第16号の3)')).toBe('false');
    fireEvent.keyDown(window, { key: '=' });
    expect(pressed('労災の請求書 (様式第5号・第16号の3)')).toBe('true');
    expect(screen.getByRole('button', { name: '医療券' }).getAttribute('aria-keyshortcuts')).toBe('-');
    expect(
      screen.getByRole('button', { name: '労災の請求書 (様式第5号・第16号の3)' }).getAttribute('aria-keyshortcuts'),
    ).toBe('^ =');
    await decided();
    const input = calls.find((c) => c.name === 'desk.decide')!.input as { presented: string[] };
    expect(input.presented).toEqual(['kohi-cert', 'medical-ticket', 'rousai-form']);
  });

  it.each<[string, Partial<DeskResult['decision']>, string[], string]>([
    [
      'a child’s 医療証 with a per-visit amount',
      { copayPercent: 20, patientPays: { ...NO_SHARE, percent: 0, perVisitYen: 200 } },
      ['1回200円', '保険 2割'],
      '1回200円',
    ],
    [
      'a 難病 patient under the monthly cap',
      { copayPercent: 30, patientPays: { ...NO_SHARE, percent: 20, monthlyCapYen: 10000 } },
      ['2割', '月額上限 10,000円まで', '保険 3割'],
      '2割 (月額上限 10,000円まで)',
    ],
    [
      'a work injury without its form (deposit)',
      { verdict: 'workers-comp', copayPercent: 0, patientPays: { ...NO_SHARE, percent: 0, deposit: true } },
      ['10割', '預かり金として'],
      '10割 (預かり金として)',
    ],
  ])('the verdict block says what %s pays, as large as the verdict', async (_case, decision, words, fact) => {
    setup({ 'desk.decide': () => deskResult(decision) });
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    const verdict = await decided();
    const copay = within(verdict).getByTestId('verdict-copay');
    for (const w of words) expect(copay.textContent).toContain(w);
    expect(copay.querySelector('strong')!.textContent).toBe(words[0]);
    expect((await screen.findByTestId('patient-pays')).textContent).toBe(fact);
  });

  it('the insurance copay alone: the bare 割, no 「本日のお支払い」 line', async () => {
    setup();
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    const verdict = await decided();
    expect(within(verdict).getByTestId('verdict-copay').textContent).toBe('窓口負担3割');
    await screen.findByTestId('copay');
    expect(screen.queryByTestId('patient-pays')).toBeNull();
    expect(screen.queryByTestId('public-expense')).toBeNull();
  });

  it('each programme is shown applied or not, with how it was confirmed or why not', async () => {
    setup({
      'desk.decide': () =>
        deskResult({
          copayPercent: 20,
          patientPays: { ...NO_SHARE, percent: 0 },
          publicExpense: [
            { program: 'child', kohi: 'k1', payerNumber: '88136015', applied: true, basis: 'document', reason: null },
            {
              program: 'nanbyo',
              kohi: 'k2',
              payerNumber: '54136014',
              applied: false,
              basis: null,
              reason: 'not-designated',
            },
            { program: 'shoman', kohi: 'k3', payerNumber: '52136016', applied: true, basis: 'pmh', reason: null },
          ],
        }),
    });
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    await decided();
    const items = within(await screen.findByTestId('public-expense')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '○子ども医療費助成適用受給者証・医療証で確認',
      '×特定医療費 (指定難病)適用しない指定医療機関ではない',
      '○小児慢性特定疾病適用PMH で確認 (紙は不要)',
    ]);
  });

  it('医療扶助 and 労災 have their own symbol, words and tone', async () => {
    const seen = new Set<string>();
    for (const [verdict, symbol, words] of [
      ['public-assistance', '◎', '医療扶助 (生活保護)'],
      ['workers-comp', '☆', '労災保険'],
      ['insured', '○', '保険で受付'],
    ] as const) {
      cleanup();
      setup({ 'desk.decide': () => deskResult({ verdict, copayPercent: verdict === 'insured' ? 30 : 0 }) });
      await choose();
      fireEvent.keyDown(window, { key: '1' });
      const el = await decided();
      expect(el.getAttribute('data-verdict')).toBe(verdict);
      expect(el.querySelector('.verdict-symbol')!.textContent).toBe(symbol);
      expect(el.textContent).toContain(words);
      const tone = [...el.classList].find((c) => c.startsWith('tone-'))!;
      expect(seen.has(tone), tone).toBe(false);
      seen.add(tone);
    }
  });
});
