// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario, type Scenario } from '../../../../shared/scenario';
import { App } from '../../App';
import { createAppStore, StoreProvider } from '../../store';
import { deskResult, fakeBridge } from '../../testing/fake-bridge';
import { WhatIfSection } from './WhatIfSection';
import { WhatIfTimeline } from './WhatIfTimeline';

/** A 協会けんぽ 保険証 alone (no card): R1 until 2025-12-01, interim to 2026-07-31, then 自費. */
function legacyCase(visitDate = '2026-01-20', extra: Record<string, unknown>[] = []): Scenario {
  const r = parseScenario(
    {
      id: 'legacy',
      visitDate,
      clinic: { onlineCheck: true },
      patient: { birthDate: '1976-08-08', coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2000-04-01' }] },
      presented: [{ kind: 'legacy-card' }, ...extra],
    },
    { inPack: true },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

afterEach(cleanup);

/** Opens 「日付を変えると？」 (happy-dom fires `toggle` after the click: wait for it inside act). */
async function openSection() {
  await act(async () => {
    fireEvent.click(screen.getByText('日付を変えると？'));
    await new Promise((r) => setTimeout(r, 20));
  });
}

describe('what-if timeline', () => {
  it('draws the runs in their verdicts, numbers the change days and lists them with the rules', () => {
    render(<WhatIfTimeline scenario={legacyCase()} selected="2026-01-20" onChoose={() => {}} chooseLabel="選ぶ" />);
    const runs = [...document.querySelectorAll('.whatif-run')].map((e) => [
      e.getAttribute('data-from'),
      e.getAttribute('data-to'),
      e.getAttribute('data-verdict'),
    ]);
    expect(runs).toEqual([
      ['2024-12-01', '2025-12-01', 'insured'],
      ['2025-12-02', '2026-07-31', 'insured-interim'],
      ['2026-08-01', '2027-12-31', 'self-pay'],
    ]);
    expect(document.querySelector('.whatif-run.tone-interim')).not.toBeNull();
    const items = within(screen.getByTestId('whatif-changes')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('令和7年12月2日 (2025-12-02)');
    expect(items[0]!.textContent).toContain('従来の保険証の経過措置期間の終わり');
    expect(items[0]!.textContent).toContain('保険で受付 ・ 3割 → 保険で受付 (暫定) ・ 3割');
    expect(items[0]!.getAttribute('data-rules')).toBe('R1 R2');
    expect(items[1]!.textContent).toContain('令和8年8月1日 (2026-08-01)');
    expect(items[1]!.textContent).toContain('自費 (10割)');
    // legend in words for what the strip shows
    const legend = screen.getByRole('list', { name: '凡例' }).textContent!;
    expect(legend).toContain('保険で受付 (暫定)');
    expect(legend).toContain('判定が変わる日');
  });

  it('is a slider over days: arrows move a day, Shift+arrow jumps to a change, Enter loads the day', () => {
    const onChoose = vi.fn();
    render(<WhatIfTimeline scenario={legacyCase()} selected="2026-01-20" onChoose={onChoose} chooseLabel="選ぶ" />);
    const strip = screen.getByRole('slider', { name: /日付ごとの判定/ });
    expect(strip.getAttribute('aria-valuetext')).toContain('令和8年1月20日 (2026-01-20) 保険で受付 (暫定) ・ 3割');
    fireEvent.keyDown(strip, { key: 'ArrowRight' });
    expect(strip.getAttribute('data-cursor')).toBe('2026-01-21');
    fireEvent.keyDown(strip, { key: 'Shift' });
    fireEvent.keyDown(strip, { key: 'ArrowLeft', shiftKey: true });
    expect(strip.getAttribute('data-cursor')).toBe('2025-12-02');
    expect(strip.getAttribute('aria-valuetext')).toContain('変わる日: 従来の保険証の経過措置期間の終わり');
    fireEvent.keyDown(strip, { key: 'ArrowLeft' });
    expect(strip.getAttribute('aria-valuetext')).toContain('令和7年12月1日 (2025-12-01) 保険で受付 ・ 3割');
    expect(screen.getByTestId('whatif-readout').textContent).toContain('2025-12-01');
    fireEvent.keyDown(strip, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith('2025-12-01');
    fireEvent.keyDown(strip, { key: 'End' });
    expect(strip.getAttribute('data-cursor')).toBe('2027-12-31');
    fireEvent.keyDown(strip, { key: 'ArrowRight' });
    expect(strip.getAttribute('data-cursor')).toBe('2027-12-31');
    fireEvent.keyDown(strip, { key: 'PageDown' });
    expect(strip.getAttribute('data-cursor')).toBe('2027-11-30');
  });

  it('a change’s button loads its day', () => {
    const onChoose = vi.fn();
    render(<WhatIfTimeline scenario={legacyCase()} selected="2026-01-20" onChoose={onChoose} chooseLabel="選ぶ" />);
    fireEvent.click(screen.getByRole('button', { name: '選ぶ (令和8年8月1日)' }));
    expect(onChoose).toHaveBeenCalledWith('2026-08-01');
  });

  it('days before a document existed are neutral and cannot be loaded', () => {
    const onChoose = vi.fn();
    const s = legacyCase('2026-01-20', [
      { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-06-01', validUntil: '2030-05-31' },
    ]);
    render(<WhatIfTimeline scenario={s} selected="2026-01-20" onChoose={onChoose} chooseLabel="選ぶ" />);
    const first = document.querySelector('.whatif-run')!;
    expect(first.getAttribute('data-verdict')).toBe('none');
    expect(first.className).toContain('whatif-none');
    const strip = screen.getByRole('slider');
    fireEvent.keyDown(strip, { key: 'Home' });
    expect(strip.getAttribute('aria-valuetext')).toContain('この日は書類がまだありません');
    fireEvent.keyDown(strip, { key: 'Enter' });
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('the range accepts 和暦; a reversed range is refused with a message and keeps the strip', () => {
    render(<WhatIfTimeline scenario={legacyCase()} selected="2026-01-20" onChoose={() => {}} chooseLabel="選ぶ" />);
    const from = screen.getByLabelText('期間の始まり');
    const to = screen.getByLabelText('期間の終わり');
    fireEvent.change(from, { target: { value: '令和7年11月1日' } });
    fireEvent.change(to, { target: { value: 'R7.12.31' } });
    fireEvent.keyDown(to, { key: 'Enter' });
    expect((from as HTMLInputElement).value).toBe('2025-11-01');
    const runs = [...document.querySelectorAll('.whatif-run')].map((e) => e.getAttribute('data-from'));
    expect(runs).toEqual(['2025-11-01', '2025-12-02']);
    expect(screen.getByRole('slider').getAttribute('data-cursor')).toBe('2025-11-01'); // visit date outside
    fireEvent.change(from, { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '表示' }));
    expect(screen.getByRole('alert').textContent).toContain('終わりの日は始まりの日以後にしてください');
    expect(document.querySelectorAll('.whatif-run')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '既定の期間に戻す' }));
    expect(document.querySelectorAll('.whatif-run')).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when nothing changes in the range', () => {
    render(<WhatIfTimeline scenario={legacyCase()} selected="2026-01-20" onChoose={() => {}} chooseLabel="選ぶ" />);
    const to = screen.getByLabelText('期間の終わり');
    fireEvent.change(screen.getByLabelText('期間の始まり'), { target: { value: '2026-01-01' } });
    fireEvent.change(to, { target: { value: '2026-02-01' } });
    fireEvent.keyDown(to, { key: 'Enter' });
    expect(screen.getByTestId('whatif-nochange').textContent).toContain('保険で受付 (暫定) ・ 3割');
  });
});

describe('what-if section', () => {
  it('fetches its case when first opened, and without a load action only shows the day', async () => {
    const load = vi.fn(() => Promise.resolve(legacyCase()));
    render(<WhatIfSection scenario={load} selected="2026-01-20" selectedLabel="この例題の受診日" />);
    expect(load).not.toHaveBeenCalled();
    await openSection();
    const strip = await screen.findByRole('slider', { name: /日付ごとの判定/ });
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('whatif-readout').textContent).toContain('(この例題の受診日)');
    fireEvent.keyDown(strip, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(strip, { key: 'Enter' });
    expect(strip.getAttribute('data-cursor')).toBe('2025-12-02');
    expect(within(screen.getByTestId('whatif-changes')).queryAllByRole('button')).toEqual([]);
    await openSection(); // closed and opened again: not fetched again
    expect(screen.queryByRole('slider')).toBeNull();
    await openSection();
    await screen.findByRole('slider');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the case cannot be fetched', async () => {
    render(<WhatIfSection scenario={() => Promise.resolve(null)} selected="2026-01-20" />);
    await openSection();
    expect(await screen.findByText('この例題を読み込めませんでした。')).toBeTruthy();
  });
});

describe('what-if on the desk', () => {
  it('opens under the answer, and a day chosen on it is decided at the desk (the strip stays)', async () => {
    const bridge = fakeBridge({
      'desk.decide': (input) => {
        const r = deskResult({ verdict: 'insured', rules: ['R1'] });
        return { ...r, scenario: legacyCase(String(input.visitDate)) };
      },
    });
    const store = createAppStore(bridge.api, '2025-11-10');
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    const search = screen.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
    fireEvent.change(search, { target: { value: 'やまだ' } });
    await screen.findByRole('option', { name: /山田 太郎/ });
    fireEvent.keyDown(search, { key: 'Enter' });
    await screen.findByTestId('patient-name');
    expect(screen.queryByTestId('whatif-section')).toBeNull(); // nothing decided yet
    fireEvent.keyDown(window, { key: '1' }); // a document handed over (the desk asks before deciding on nothing)
    fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    const section = await screen.findByTestId('whatif-section');
    fireEvent.click(within(section).getByText('日付を変えると？'));
    const strip = await screen.findByRole('slider', { name: /日付ごとの判定/ });
    expect(strip.getAttribute('data-cursor')).toBe('2025-11-10');
    fireEvent.keyDown(strip, { key: 'ArrowRight', shiftKey: true });
    expect(strip.getAttribute('data-cursor')).toBe('2025-12-02');
    fireEvent.keyDown(strip, { key: 'Enter' });
    await waitFor(() => expect(bridge.calls.filter((c) => c.name === 'desk.decide')).toHaveLength(2));
    expect((bridge.calls.at(-1)!.input as { visitDate: string }).visitDate).toBe('2025-12-02');
    await waitFor(() => expect(screen.getByTestId('whatif-selected')).toBeTruthy());
    expect(screen.getByRole('slider')).toBe(strip); // the same element: focus and place kept
    expect((screen.getByLabelText('受診日') as HTMLInputElement).value).toBe('2025-12-02');
    // another document handed over: the strip belonged to the old case and goes
    fireEvent.keyDown(window, { key: '3' });
    expect(screen.queryByTestId('whatif-section')).toBeNull();
  });
});
