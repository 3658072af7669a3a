// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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

afterEach(cleanup);

describe('desk screen', () => {
  it('known patient + マイナ保険証: "1" then Enter gives the verdict in a live region with data-verdict', async () => {
    const { calls } = setup();
    await choose();
    const decideButton = screen.getByRole('button', { name: '確認する' });
    await waitFor(() => expect(document.activeElement).toBe(decideButton));
    fireEvent.keyDown(decideButton, { key: '1' });
    expect(screen.getByRole('button', { name: 'マイナ保険証' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(decideButton); // what Enter does on the focused button
    const verdict = await waitFor(() => {
      const el = document.querySelector('[role=status][data-verdict]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(verdict.getAttribute('data-verdict')).toBe('insured');
    expect(verdict.textContent).toContain('保険で受付');
    const decideCall = calls.find((c) => c.name === 'desk.decide')!.input as {
      patient: unknown;
      presented: string[];
      visitDate: string;
    };
    expect(decideCall.patient).toEqual({ id: '1' });
    expect(decideCall.presented).toEqual(['myna-card']);
    expect(decideCall.visitDate).toBe('2026-01-20');
    // the details follow the verdict (a deferred render)
    expect((await screen.findByTestId('online-status')).textContent).toContain('資格有効');
    expect(screen.getByText('R3')).toBeTruthy();
  });

  it('digits typed into the search box stay text, not shortcuts', async () => {
    setup();
    const search = screen.getByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
    fireEvent.keyDown(search, { key: '1' });
    expect(screen.queryByRole('button', { name: 'マイナ保険証', pressed: true })).toBeNull();
  });

  it('Esc starts the next patient: search cleared and focused, answer gone', async () => {
    setup();
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    await waitFor(() => expect(document.querySelector('[data-verdict]')).not.toBeNull());
    fireEvent.keyDown(window, { key: 'Escape' });
    const search = await screen.findByRole('combobox', { name: '氏名・カナ・生年月日で検索' });
    expect((search as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(search));
    expect(document.querySelector('[data-verdict]')).toBeNull();
  });

  it('changing what was handed over clears a stale answer', async () => {
    setup();
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    await waitFor(() => expect(document.querySelector('[data-verdict]')).not.toBeNull());
    fireEvent.keyDown(window, { key: '3' });
    expect(document.querySelector('[data-verdict]')).toBeNull();
  });

  it('every verdict is shown in words and a symbol, not only by color', async () => {
    const labels = {
      insured: '保険で受付',
      'insured-interim': '保険で受付 (暫定)',
      'insured-declaration': '保険で受付 (申立て)',
      'self-pay': '自費 (10割)',
    } as const;
    for (const [verdict, words] of Object.entries(labels)) {
      cleanup();
      setup({
        'desk.decide': () =>
          deskResult({ verdict: verdict as keyof typeof labels, copayPercent: verdict === 'self-pay' ? 100 : 30 }),
      });
      await choose();
      fireEvent.keyDown(window, { key: '1' });
      fireEvent.click(screen.getByRole('button', { name: '確認する' }));
      const el = await waitFor(() => {
        const e = document.querySelector(`[data-verdict="${verdict}"]`);
        expect(e).not.toBeNull();
        return e!;
      });
      expect(el.textContent).toContain(words);
      expect(el.querySelector('.verdict-symbol')!.textContent!.trim()).not.toBe('');
    }
  });

  it('shows 高齢受給者証 needed, the documents still needed, and the online status words', async () => {
    setup({
      'desk.decide': () =>
        deskResult({
          verdict: 'insured-declaration',
          elderlyCardNeeded: true,
          documentsNeeded: ['declaration', 'elderly-card'],
          onlineCheck: { cardRoute: 'not-found', numberRoute: 'not-run', failure: null, welfareRoute: 'not-run' },
          rules: ['R9', 'R10', 'R17'],
          billing: 'recheck',
        }),
    });
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    await screen.findByTestId('documents-needed');
    expect(screen.getByTestId('elderly-card').textContent).toContain('必要');
    expect(screen.getByTestId('documents-needed').textContent).toContain('被保険者資格申立書');
    expect(screen.getByTestId('documents-needed').textContent).toContain('高齢受給者証');
    expect(screen.getByTestId('online-status').textContent).toContain('資格情報なし');
  });

  it('marks the documents the chosen patient does not carry', async () => {
    setup({
      'registry.get': () => ({
        id: '1',
        clinicNo: '1001',
        name: '山田 太郎',
        kana: 'ヤマダ タロウ',
        birthDate: '1981-05-10',
        sex: 'male',
        note: '',
        coverages: [],
        myna: { insuranceRegistered: true, registerAtDesk: true, certExpiresOn: '2030-05-10', pinLocked: false },
        kohi: [],
        welfare: null,
        holdings: [
          {
            kind: 'kakunin-sho',
            coverage: 'c1',
            issuedOn: '2026-02-01',
            validFrom: null,
            validUntil: '2030-01-31',
            showsRatio: false,
            showsLimit: false,
          },
        ],
        demoKey: null,
        createdAt: '',
        updatedAt: '',
      }),
    });
    await choose();
    await waitFor(() =>
      expect(document.querySelector('[data-kind="legacy-card"]')!.textContent).toContain('この患者は持っていません'),
    );
    expect(document.querySelector('[data-kind="myna-card"]')!.textContent).not.toContain('持っていません');
    // issued after the visit date (2026-01-20): not in hand yet
    expect(document.querySelector('[data-kind="kakunin-sho"]')!.textContent).toContain('持っていません');
    expect(document.querySelector('[data-kind="declaration"]')!.textContent).not.toContain('持っていません');
  });

  it('a backend error is shown in Japanese in an alert', async () => {
    setup({
      'desk.decide': () => ({
        ok: false,
        error: { code: 'not-found', ja: '患者が見つかりません: 1', en: 'no such patient' },
      }),
    });
    await choose();
    fireEvent.keyDown(window, { key: '1' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('患者が見つかりません');
  });

  it('walk-in: birth date in 和暦 + insurer', async () => {
    const { calls } = setup();
    fireEvent.click(screen.getByText('登録のない患者 (飛び込み) を受け付ける'));
    fireEvent.change(screen.getByLabelText('生年月日 (和暦可)'), { target: { value: '昭和28年6月10日' } });
    fireEvent.change(screen.getByLabelText('加入している保険'), { target: { value: 'kokuho' } });
    fireEvent.click(screen.getByRole('button', { name: 'この内容で受け付ける' }));
    expect(screen.getByTestId('patient-name').textContent).toContain('飛び込み');
    fireEvent.keyDown(window, { key: '1' });
    fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'desk.decide')).toBe(true));
    const input = calls.find((c) => c.name === 'desk.decide')!.input as { patient: unknown };
    expect(input.patient).toEqual({ walkIn: { birthDate: '1953-06-10', insurer: 'kokuho' } });
  });

  it("walk-in: a programme (公費・医療証), 生活保護 and a 家族's insured person are sent as typed; missing ones are named", async () => {
    const { calls } = setup();
    fireEvent.click(screen.getByText('登録のない患者 (飛び込み) を受け付ける'));
    const type = (label: string, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type('生年月日 (和暦可)', '令和3年7月15日');
    type('本人・家族', '2');
    type('被保険者の生年月日 (わかれば)', 'S26.2.20');
    type('制度', 'nanbyo');
    fireEvent.click(screen.getByRole('button', { name: 'この内容で受け付ける' }));
    expect(screen.getByText('公費負担者番号を入力してください')).toBeTruthy();
    expect(screen.getByText('受給者証・医療証の有効期限を入力してください')).toBeTruthy();
    type('公費負担者番号', '54131008');
    type('受給者番号', '１２３４５６６');
    type('有効期限 (和暦可)', 'R8.9.30');
    type('月額の上限 (円)', '10,000');
    type('今月の支払済み (円)', '3000円');
    fireEvent.click(screen.getByLabelText('当院は受給者証に書かれた指定医療機関'));
    fireEvent.click(screen.getByLabelText('生活保護を受けている (医療扶助)'));
    type('開始日 (和暦可)', '令和7年4月1日');
    fireEvent.click(screen.getByLabelText('今月の医療券が当院あてに登録済み'));
    fireEvent.click(screen.getByRole('button', { name: 'この内容で受け付ける' }));
    expect(screen.getByTestId('patient-name').textContent).toContain('飛び込み');
    fireEvent.keyDown(window, { key: '1' });
    fireEvent.click(screen.getByRole('button', { name: '確認する' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'desk.decide')).toBe(true));
    const input = calls.find((c) => c.name === 'desk.decide')!.input as { patient: unknown };
    expect(input.patient).toEqual({
      walkIn: {
        birthDate: '2021-07-15',
        insurer: 'kyokai',
        personalFamily: 2,
        holderBirthDate: '1951-02-20',
        kohi: [
          {
            program: 'nanbyo',
            payerNumber: '54131008',
            recipientNumber: '1234566',
            validUntil: '2026-09-30',
            monthlyCapYen: 10000,
            paidThisMonthYen: 3000,
            designatedHere: false,
          },
        ],
        welfare: { from: '2025-04-01', ticketRegistered: false },
      },
    });
  });

  it('typed 和暦 visit date is accepted and shown with the western date; a bad one is refused', async () => {
    setup();
    const date = screen.getByLabelText('受診日');
    fireEvent.change(date, { target: { value: 'R8.7.31' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(screen.getByTestId('visit-date-shown').textContent).toBe('令和8年7月31日 (2026-07-31)');
    fireEvent.change(date, { target: { value: '令和元年4月30日' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(screen.getByTestId('visit-date-shown').textContent).toContain('期間外');
  });
});
