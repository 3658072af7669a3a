// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POLICY_INFO } from '../../../../../shared/labels';
import { LAG_LIMITS } from '../../../../../shared/timeline';
import { createAppStore, StoreProvider } from '../../../store';
import { fakeBridge } from '../../../testing/fake-bridge';
import { newScenarioTemplate } from './draft';
import { ScenarioEditor } from './ScenarioEditor';

afterEach(cleanup);

function setup(onClose = vi.fn()) {
  const bridge = fakeBridge({
    'trainer.saveScenario': ({ scenario }) => ({
      row: { scenarioId: (scenario as { id: string }).id, title: null } as never,
      issues: [],
      warnings: [],
    }),
    'trainer.getPack': () => ({ pack: { id: 1 }, scenarios: [] }) as never,
    'trainer.listPacks': () => [],
  });
  render(
    <StoreProvider store={createAppStore(bridge.api, '2026-01-20')}>
      <ScenarioEditor packId={1} replaces={null} initial={newScenarioTemplate('2026-01-20')} onClose={onClose} />
    </StoreProvider>,
  );
  return { ...bridge, onClose };
}

describe('scenario editor', () => {
  it('checks the draft live: no problem and the engine’s answer; a bad date is shown at its field', () => {
    setup();
    expect(screen.getByTestId('editor-status').textContent).toBe('入力に問題はありません。');
    expect(screen.getByTestId('editor-decision').textContent).toContain('保険で受付');
    const date = screen.getByLabelText('受診日');
    fireEvent.change(date, { target: { value: '令和元年4月31日' } });
    expect(screen.getByTestId('editor-status').textContent).toContain('受診日: 存在しない日付です');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(date.getAttribute('aria-describedby')!);
    expect(message?.textContent).not.toBe('');
    expect(screen.getByRole('button', { name: '保存する' })).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('editor-decision')).toBeNull();
  });

  it('offers each policy with its default in words and the format’s limits for the lags', () => {
    setup();
    const lag = screen.getByLabelText((label) =>
      label.startsWith(POLICY_INFO.lagWithoutMyNumber.ja),
    ) as HTMLInputElement;
    expect([lag.min, lag.max]).toEqual([
      String(LAG_LIMITS.lagWithoutMyNumber.min),
      String(LAG_LIMITS.lagWithoutMyNumber.max),
    ]);
    fireEvent.change(lag, { target: { value: String(LAG_LIMITS.lagWithoutMyNumber.max + 1) } });
    expect(screen.getByTestId('editor-status').textContent).toContain('運用方針 › 資格取得届から登録までの営業日数');
    const grace = screen.getByLabelText(POLICY_INFO.certGraceBasis.ja) as HTMLSelectElement;
    expect(grace.options[0]!.textContent).toBe('既定 (有効期限の月末から3か月)');
  });

  it('adds a document with the fields its kind has, and names an unknown kind', () => {
    setup();
    fireEvent.change(screen.getByLabelText('追加する書類'), { target: { value: 'limit-cert' } });
    fireEvent.click(screen.getByRole('button', { name: '書類を追加' }));
    expect((screen.getByLabelText('適用区分') as HTMLSelectElement).value).toBe('"ウ"');
    fireEvent.click(screen.getByText('JSON で見る・編集する'));
    const json = screen.getByLabelText('例題の JSON');
    fireEvent.change(json, {
      target: { value: JSON.stringify({ ...newScenarioTemplate('2026-01-20'), presented: [{ kind: 'health-card' }] }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'JSON を反映' }));
    expect(screen.getByText('不明な書類 (health-card)')).toBeTruthy();
    expect(screen.getByTestId('editor-status').textContent).toContain('提示された書類 (1件目) › 種類');
  });

  it('refuses JSON that is not an object, keeping the draft', () => {
    setup();
    fireEvent.click(screen.getByText('JSON で見る・編集する'));
    fireEvent.change(screen.getByLabelText('例題の JSON'), { target: { value: '[1, 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'JSON を反映' }));
    expect(screen.getByRole('alert').textContent).toContain('JSON として読めません');
    expect(screen.getByTestId('editor-status').textContent).toBe('入力に問題はありません。');
  });

  it('saves the draft through the bridge, then closes', async () => {
    const { calls, onClose } = setup();
    fireEvent.change(screen.getByLabelText('題名 (研修生には答え合わせのときに表示)'), {
      target: { value: '保存の例' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存する' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const saved = calls.find((c) => c.name === 'trainer.saveScenario')!.input as {
      packId: number;
      scenario: { title: string };
    };
    expect(saved.packId).toBe(1);
    expect(saved.scenario.title).toBe('保存の例');
    expect(within(document.body).queryByRole('alert')).toBeNull();
  });
});
