// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskResult, HistoryCheck, HistoryRow } from '../../../shared/contract';
import { POLICY_INFO } from '../../../shared/labels';
import { DEFAULT_POLICY } from '../../../shared/timeline';
import { App } from '../App';
import { httpBridge, takeToken } from '../bridge';
import { createAppStore, StoreProvider } from '../store';
import { deskResult, FAKE_PATIENT, FAKE_SETTINGS, fakeBridge, type FakeHandlers } from '../testing/fake-bridge';

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
afterEach(cleanup);

const row = (i: number): HistoryRow => ({
  id: i + 1,
  at: '2026-01-20T09:00:00.000+09:00',
  mode: 'desk',
  operator: null,
  patientId: '1',
  patientName: `患者${i}`,
  visitDate: '2026-01-20',
  verdict: i % 2 ? 'self-pay' : 'insured',
  copayPercent: i % 2 ? 100 : 30,
  copayProvisional: false,
  rules: i % 2 ? ['R11'] : ['R3'],
  scenarioId: `desk-${i}`,
});

/** A recorded check as history.get answers it, from a desk result and its row. */
const historyCheckOf = (r: DeskResult, row: HistoryRow): HistoryCheck => ({
  row,
  decision: r.decision,
  visitDate: r.scenario.visitDate,
  clinic: r.scenario.clinic,
  onlineDocument: r.online.result,
  slipName: r.patient.name,
});

describe('settings view', () => {
  it('shows every policy setting with its reason and saves changes through the bridge', async () => {
    const { calls } = setup();
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    for (const info of Object.values(POLICY_INFO)) expect(document.body.textContent).toContain(info.why);
    fireEvent.change(screen.getByLabelText('医療機関名'), { target: { value: 'さくら内科' } });
    fireEvent.change(screen.getByLabelText(POLICY_INFO.certGraceBasis.ja), { target: { value: 'expiry-date' } });
    expect(document.querySelector('[data-policy=certGraceBasis]')!.textContent).toContain('既定値から変更');
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'settings.update')).toBe(true));
    // only what the user changed: every other policy key keeps following the default
    expect(calls.find((c) => c.name === 'settings.update')!.input).toEqual({
      clinicName: 'さくら内科',
      policy: { certGraceBasis: 'expiry-date' },
    });
  });

  it("saves the clinic's facts of rule book version 2: the prefecture (or none), PMH, 医療扶助 online check, 労災指定", async () => {
    const { calls } = setup();
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    fireEvent.change(screen.getByLabelText('所在地の都道府県 (医療証が使える範囲)'), { target: { value: '13' } });
    fireEvent.click(screen.getByLabelText('PMH (公費の受給者証情報の連携) につながっている'));
    fireEvent.click(screen.getByLabelText('労災保険の指定医療機関である'));
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'settings.update')).toBe(true));
    expect(calls.find((c) => c.name === 'settings.update')!.input).toEqual({
      prefecture: '13',
      pmh: true,
      rousaiDesignated: false,
      policy: {},
    });
  });

  it('「既定値に戻す」 removes the clinic’s own choices instead of storing a copy of the defaults', async () => {
    const { calls } = setup({
      'settings.get': () => ({
        ...FAKE_SETTINGS,
        policy: { ...DEFAULT_POLICY, portalScreenshot: 'accept', lagWithMyNumber: DEFAULT_POLICY.lagWithMyNumber },
        // lagWithMyNumber: a stored choice equal to the default (as the old screen stored every key)
        policyOverrides: ['portalScreenshot', 'lagWithMyNumber'],
      }),
    });
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    fireEvent.click(screen.getByRole('button', { name: '運用方針を既定値に戻す' }));
    expect(document.querySelector('[data-policy=portalScreenshot]')!.textContent).not.toContain('既定値から変更');
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'settings.update')).toBe(true));
    expect(calls.find((c) => c.name === 'settings.update')!.input).toEqual({
      policy: { portalScreenshot: null, lagWithMyNumber: null },
    });
  });

  it('a value set back to the default by hand is no longer the clinic’s choice', async () => {
    const { calls } = setup({
      'settings.get': () => ({
        ...FAKE_SETTINGS,
        policy: { ...DEFAULT_POLICY, certGraceBasis: 'expiry-date' },
        policyOverrides: ['certGraceBasis'],
      }),
    });
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    fireEvent.change(screen.getByLabelText(POLICY_INFO.certGraceBasis.ja), {
      target: { value: DEFAULT_POLICY.certGraceBasis },
    });
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'settings.update')).toBe(true));
    expect(calls.find((c) => c.name === 'settings.update')!.input).toEqual({ policy: { certGraceBasis: null } });
  });

  it('refuses a malformed 医療機関コード before calling the backend', async () => {
    const { calls } = setup();
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    fireEvent.change(screen.getByLabelText('医療機関コード (10桁)'), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('10桁');
    expect(calls.some((c) => c.name === 'settings.update')).toBe(false);
  });

  it('unsaved edits are not dropped silently: leaving asks, staying keeps them, a save lets go', async () => {
    const { store } = setup();
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    // nothing edited: leave and come back freely
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.keyDown(window, { key: 'F1' });
    expect(store.getState().view).toBe('desk');
    expect(confirm).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: 'F3' });
    fireEvent.change(await screen.findByLabelText('医療機関名'), { target: { value: 'さくら内科' } });
    // the tab is closed or reloaded: the browser asks
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    // F1 → asked, and 「キャンセル」 stays with the edit
    fireEvent.keyDown(window, { key: 'F1' });
    expect(confirm).toHaveBeenCalledWith('保存していない設定の変更があります。変更を保存せずに移動しますか?');
    expect(store.getState().view).toBe('settings');
    expect((screen.getByLabelText('医療機関名') as HTMLInputElement).value).toBe('さくら内科');
    // saved: no question any more
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(store.getState().settings?.clinicName).toBe('さくら内科'));
    confirm.mockClear();
    fireEvent.keyDown(window, { key: 'F1' });
    expect(confirm).not.toHaveBeenCalled();
    expect(store.getState().view).toBe('desk');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    vi.unstubAllGlobals();
  });

  it('an edit discarded with OK is gone when the view opens again', async () => {
    const { store } = setup();
    fireEvent.keyDown(window, { key: 'F3' });
    const name = await screen.findByLabelText('医療機関名');
    const saved = store.getState().settings!.clinicName;
    fireEvent.change(name, { target: { value: 'どこか別の医院' } });
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    fireEvent.keyDown(window, { key: 'F2' });
    expect(store.getState().view).toBe('history');
    await waitFor(() => expect(screen.queryByLabelText('医療機関名')).toBeNull());
    expect(store.getState().leaveQuestion).toBeNull();
    fireEvent.keyDown(window, { key: 'F3' });
    expect(((await screen.findByLabelText('医療機関名')) as HTMLInputElement).value).toBe(saved);
    expect(saved).not.toBe('どこか別の医院');
    vi.unstubAllGlobals();
  });

  it('the error banner clears after a successful save', async () => {
    const { store } = setup();
    fireEvent.keyDown(window, { key: 'F3' });
    await screen.findByRole('button', { name: '設定を保存' });
    store.setState({ error: { code: 'internal', ja: 'バックアップを作成できませんでした', en: 'backup failed' } });
    expect((await screen.findByText('バックアップを作成できませんでした')).closest('.error-banner')).not.toBeNull();
    fireEvent.change(screen.getByLabelText('医療機関名'), { target: { value: 'さくら内科' } });
    fireEvent.click(screen.getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(document.querySelector('.error-banner')).toBeNull());
  });
});

describe('history view', () => {
  it('pages rows in from the bridge, filters by verdict, exports CSV', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => row(i));
    const { calls } = setup({
      'history.query': (q) => {
        const rows = all.filter((r) => !q.verdict || r.verdict === q.verdict);
        const offset = q.offset ?? 0;
        return { total: rows.length, offset, rows: rows.slice(offset, offset + (q.limit ?? 200)) };
      },
    });
    fireEvent.keyDown(window, { key: 'F2' });
    await waitFor(() => expect(screen.getByTestId('history-count').textContent).toBe('1,000 件'));
    // virtualised: far fewer row elements than rows
    expect(document.querySelectorAll('[data-testid=history-row]').length).toBeLessThan(100);
    fireEvent.change(screen.getByLabelText('判定'), { target: { value: 'self-pay' } });
    fireEvent.click(screen.getByRole('button', { name: '絞り込む' }));
    await waitFor(() => expect(screen.getByTestId('history-count').textContent).toBe('500 件'));
    const q = calls.filter((c) => c.name === 'history.query').at(-1)!.input as { verdict?: string; offset: number };
    expect(q.verdict).toBe('self-pay');
    expect(q.offset).toBe(0);
  });

  it('refuses a bad 和暦 filter date with a Japanese message', async () => {
    setup();
    fireEvent.keyDown(window, { key: 'F2' });
    fireEvent.change(await screen.findByLabelText('確認日 (から)'), { target: { value: '令和元年4月1日' } });
    fireEvent.click(screen.getByRole('button', { name: '絞り込む' }));
    expect((await screen.findByRole('alert')).textContent).toContain('期間外');
  });
});

describe('history: 和暦, (仮), patient filter, one check in full, the operator', () => {
  const provisional: HistoryRow = {
    ...row(0),
    id: 7,
    at: '2026-01-20T14:05:00.000+09:00',
    operator: '受付 一子',
    patientName: '仮負 花子',
    copayProvisional: true,
  };

  it('shows dates in 和暦 and a provisional copay as (仮)', async () => {
    setup({ 'history.query': (q) => ({ total: 1, offset: q.offset ?? 0, rows: [provisional] }) });
    fireEvent.keyDown(window, { key: 'F2' });
    const r = await screen.findByText('仮負 花子');
    const cells = [...r.closest('[role=row]')!.querySelectorAll('[role=cell]')].map((c) => c.textContent);
    expect(cells[0]).toBe('令和8年1月20日 14:05');
    expect(cells[1]).toBe('令和8年1月20日');
    expect(screen.getByTestId('history-copay').textContent).toBe('3割 (仮)');
    expect(cells[6]).toBe('受付 一子');
    expect(document.body.textContent).not.toMatch(/2026-01-20/);
  });

  it('filters by patient (name or reading) through the bridge', async () => {
    const { calls } = setup();
    fireEvent.keyDown(window, { key: 'F2' });
    fireEvent.change(await screen.findByLabelText('患者 (氏名・よみ)'), { target: { value: ' かりふ ' } });
    fireEvent.click(screen.getByRole('button', { name: '絞り込む' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'history.query').at(-1)!.input).toMatchObject({ patient: 'かりふ' }),
    );
  });

  it('a row opens the full check with the desk’s answer panel, reprints the slip, and goes back', async () => {
    const r = deskResult({ copayProvisional: true, copayBasis: 'provisional', rules: ['R4', 'R7'] });
    const check = historyCheckOf(r, provisional);
    const { calls } = setup({
      'history.query': (q) => ({ total: 1, offset: q.offset ?? 0, rows: [provisional] }),
      'history.get': () => check,
    });
    const printed: number[] = [];
    window.print = () => printed.push(1);
    fireEvent.keyDown(window, { key: 'F2' });
    fireEvent.click(await screen.findByRole('button', { name: '令和8年1月20日 14:05' }));
    const view = await screen.findByTestId('history-check');
    expect(calls.find((c) => c.name === 'history.get')!.input).toEqual({ id: 7 });
    expect(screen.getByTestId('history-verdict').textContent).toContain('保険で受付');
    expect(screen.getByTestId('history-verdict').textContent).toContain('(仮)');
    expect(await within(view).findByText(/オンライン資格確認 照会結果/)).toBeTruthy(); // the online result (its panel loads apart)
    expect(view.textContent).toContain('理由'); // the reasons with their rules
    expect(view.querySelector('[data-rule=R4]')).not.toBeNull();
    expect(view.textContent).toContain('受付 一子');
    expect(view.querySelector('.print-slip')!.textContent).toContain('令和8年1月20日'); // the slip, again
    fireEvent.click(screen.getByRole('button', { name: /お渡し用の紙を印刷/ }));
    expect(printed).toHaveLength(1);
    fireEvent.keyDown(window, { key: 'p' }); // the desk's key, here too
    expect(printed).toHaveLength(2);
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('history-check')).toBeNull());
    expect(screen.getByText('仮負 花子')).toBeTruthy();
  });

  it('「この患者の記録だけ表示」 keeps that patient’s rows, and says whose they are', async () => {
    const { calls } = setup({
      'history.query': (q) => ({ total: 1, offset: q.offset ?? 0, rows: [provisional] }),
      'history.get': () => historyCheckOf(deskResult(), provisional),
    });
    fireEvent.keyDown(window, { key: 'F2' });
    fireEvent.click(await screen.findByRole('button', { name: '令和8年1月20日 14:05' }));
    fireEvent.click(await screen.findByRole('button', { name: 'この患者の記録だけ表示' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'history.query').at(-1)!.input).toMatchObject({ patientId: '1' }),
    );
    expect(screen.getByTestId('history-only-patient').textContent).toContain('仮負 花子 さんの記録だけ');
    fireEvent.click(screen.getByRole('button', { name: 'すべての患者に戻す' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'history.query').at(-1)!.input).not.toHaveProperty('patientId'),
    );
  });

  it('the operator chosen once in the header is recorded with every desk check of the session', async () => {
    sessionStorage.clear();
    const { calls, store } = setup({ 'history.operators': () => ['受付 二子', '受付 一子'] });
    fireEvent.click(await screen.findByTestId('operator-chip'));
    fireEvent.click(await screen.findByRole('button', { name: '受付 一子' }));
    expect(screen.getByTestId('operator-chip').textContent).toBe('担当者: 受付 一子');
    store.getState().selectPatient(FAKE_PATIENT);
    store.getState().toggleDocument('myna-card');
    await store.getState().decide();
    expect(calls.find((c) => c.name === 'desk.decide')!.input).toMatchObject({ operator: '受付 一子' });
    // the same session (a reload of the window) keeps it
    expect(createAppStore(fakeBridge().api).getState().operator).toBe('受付 一子');
    sessionStorage.clear();
  });
});

describe('HTTP bridge', () => {
  it('sends each call to /api/<name> with the token header and JSON body', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: [] }), { headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const api = httpBridge('tok-123', fetchImpl);
    expect(await api['registry.search']({ query: 'やまだ' })).toEqual({ ok: true, value: [] });
    expect(seen[0]!.url).toBe('/api/registry.search');
    expect((seen[0]!.init.headers as Record<string, string>)['X-Shikaku-Token']).toBe('tok-123');
    expect(seen[0]!.init.method).toBe('POST');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ query: 'やまだ' });
  });

  it('turns a network failure into { ok: false } in Japanese', async () => {
    const api = httpBridge('t', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    const r = await api['app.info']({});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.ja).toContain('接続できません');
  });

  it('takes the token from the fragment, keeps it for the tab, and clears the address bar', () => {
    window.history.replaceState(null, '', '/#token=abcDEF_123-x');
    sessionStorage.clear();
    expect(takeToken(window.location, sessionStorage)).toBe('abcDEF_123-x');
    expect(window.location.hash).toBe('');
    expect(takeToken(window.location, sessionStorage)).toBe('abcDEF_123-x');
  });
});

describe('窓口の練習モード', () => {
  it('turned on in the trainer, marks the app (the desk’s CSS hides notes and hints) and says so in the header', async () => {
    const { store } = setup({ 'trainer.listPacks': () => [] });
    fireEvent.keyDown(window, { key: 'F4' });
    fireEvent.click(await screen.findByRole('checkbox', { name: /窓口の練習モード/ }));
    expect(store.getState().deskTraining).toBe(true);
    fireEvent.keyDown(window, { key: 'F1' });
    expect(document.querySelector('.app')!.getAttribute('data-desk-training')).toBe('true');
    fireEvent.click(screen.getByTestId('desk-training'));
    expect(document.querySelector('.app')!.hasAttribute('data-desk-training')).toBe(false);
  });
});
