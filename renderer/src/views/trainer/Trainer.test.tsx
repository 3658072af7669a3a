// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackScenarioRow } from '../../../../shared/trainer/contract';
import { createAppStore, StoreProvider } from '../../store';
import { fakeBridge } from '../../testing/fake-bridge';
import v2Pack from '../../../../packs/v2-rules-pack.json';
import { decideScenario } from '../../../../shared/engine';
import { parseScenario } from '../../../../shared/scenario';
import { askedItems } from '../../../../shared/trainer/grade';
import { buildQuestion, type Question } from '../../../../shared/trainer/question';
import { AnswerForm } from './AnswerForm';
import { NumberEntryForm } from './NumberEntryForm';
import { PacksView } from './PacksView';
import { TrainerView } from './TrainerView';
import { filterScenarios, NO_FILTER, type ScenarioFilter } from './scenario-filter';

const copay = (name: string) => within(screen.getByRole('group', { name: /窓口負担/ })).getByRole('radio', { name });
const pays = (name: string) => within(screen.getByTestId('answer-pays')).getByRole('radio', { name });

/** A question of the bundled v2 pack as the backend builds it (number entry on). */
function question(id: string): Question {
  const p = parseScenario(
    (v2Pack.scenarios as { id: string }[]).find((s) => s.id === id),
    { inPack: true },
  );
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return buildQuestion(p.scenario, decideScenario(p.scenario), askedItems(p.scenario, { numberEntry: true }));
}
const V1_QUESTION = { ...question('v2-traffic-myna'), items: question('v2-traffic-myna').items.slice(0, 4) };

afterEach(cleanup);

describe('AnswerForm', () => {
  it('asks for every group, sets 10割 with 自費, and sends the answer', () => {
    const onAnswer = vi.fn();
    render(<AnswerForm q={V1_QUESTION} entry={null} busy={false} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('button', { name: /回答する/ }));
    expect(screen.getByRole('alert').textContent).toBe('判定・窓口負担・高齢受給者証を選んでください');
    expect(onAnswer).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('radio', { name: '自費 (10割)' }));
    expect((screen.getByRole('radio', { name: '10割 (自費)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: '不要' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '被保険者資格申立書 (窓口で記入)' }));
    fireEvent.click(screen.getByRole('button', { name: /回答する/ }));
    expect(onAnswer).toHaveBeenCalledWith({
      verdict: 'self-pay',
      copayPercent: 100,
      elderlyCardNeeded: false,
      documentsNeeded: ['declaration'],
    });
  });

  it('starts empty again for the next patient (SessionView keys it by the question), with the focus on the first choice', () => {
    const { rerender } = render(
      <AnswerForm key="1:1" q={V1_QUESTION} entry={null} busy={false} onAnswer={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('radio', { name: '保険で受付' }));
    rerender(<AnswerForm key="1:2" q={V1_QUESTION} entry={null} busy={false} onAnswer={() => undefined} />);
    const first = screen.getByRole('radio', { name: '保険で受付' }) as HTMLInputElement;
    expect(first.checked).toBe(false);
    expect(document.activeElement).toBe(first);
  });
});

describe('AnswerForm: version-2 questions', () => {
  it('a version-1 question shows neither what the patient pays nor the programmes', () => {
    render(<AnswerForm q={V1_QUESTION} entry={null} busy={false} onAnswer={() => undefined} />);
    expect(screen.queryByTestId('answer-pays')).toBeNull();
    expect(screen.queryByTestId('answer-programs')).toBeNull();
  });

  it('asks what the patient pays and which programmes apply, and sends them with the typed numbers', () => {
    const onAnswer = vi.fn();
    const q = question('v2-ikusei-kakunin-number-query');
    const entry = { insurerNumber: '32130023', symbol: '2051', number: '4417', branch: '02' };
    render(<AnswerForm q={q} entry={entry} busy={false} onAnswer={onAnswer} />);
    expect(screen.getByTestId('answer-entry').textContent).toContain('保険者番号 32130023');
    fireEvent.click(screen.getByRole('radio', { name: '保険で受付' }));
    fireEvent.click(copay('3割'));
    fireEvent.click(screen.getByRole('radio', { name: '不要' }));
    fireEvent.click(screen.getByRole('button', { name: /回答する/ }));
    expect(screen.getByRole('alert').textContent).toBe('患者さんが払う額を選んでください');
    fireEvent.click(screen.getByRole('checkbox', { name: '自立支援医療 (育成医療)' }));
    fireEvent.click(pays('1割'));
    fireEvent.change(screen.getByRole('textbox', { name: /月額の上限/ }), { target: { value: '５，０００' } });
    fireEvent.click(screen.getByRole('button', { name: /回答する/ }));
    expect(onAnswer).toHaveBeenCalledWith({
      verdict: 'insured',
      copayPercent: 30,
      elderlyCardNeeded: false,
      documentsNeeded: [],
      patientPays: { percent: 10, perVisitYen: null, monthlyCapYen: 5000, capReached: false, deposit: false },
      publicExpense: ['ikusei'],
      numberEntry: entry,
    });
  });

  it('1回の定額 needs the amount in yen', () => {
    const onAnswer = vi.fn();
    render(<AnswerForm q={question('v2-disability-per-visit')} entry={null} busy={false} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('radio', { name: '保険で受付' }));
    fireEvent.click(copay('3割'));
    fireEvent.click(screen.getByRole('radio', { name: '不要' }));
    fireEvent.click(pays('1回の定額'));
    fireEvent.click(screen.getByRole('button', { name: /回答する/ }));
    expect(screen.getByRole('alert').textContent).toContain('1回の定額を円で入力してください');
    fireEvent.change(screen.getByRole('textbox', { name: /1回の額/ }), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: /回答する/ }));
    expect(onAnswer.mock.calls[0]![0]).toMatchObject({
      patientPays: { percent: 0, perVisitYen: 500, monthlyCapYen: null, capReached: false, deposit: false },
      publicExpense: [],
    });
  });
});

describe('NumberEntryForm', () => {
  it('needs the 保険者番号, refuses a 12-digit number, then hands the typed numbers over as typed', () => {
    const onQuery = vi.fn();
    render(<NumberEntryForm onQuery={onQuery} />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '保険者番号' }));
    fireEvent.click(screen.getByRole('button', { name: /照会する/ }));
    expect(screen.getByRole('alert').textContent).toBe('保険者番号を入力してください');
    fireEvent.change(screen.getByRole('textbox', { name: '保険者番号' }), { target: { value: '３２１３００２３' } });
    fireEvent.change(screen.getByRole('textbox', { name: '番号' }), { target: { value: '1234-5678-9012' } });
    fireEvent.click(screen.getByRole('button', { name: /照会する/ }));
    expect(screen.getByRole('alert').textContent).toContain('個人番号');
    expect(onQuery).not.toHaveBeenCalled();
    fireEvent.change(screen.getByRole('textbox', { name: '番号' }), { target: { value: '44-17' } });
    fireEvent.click(screen.getByRole('button', { name: /照会する/ }));
    expect(onQuery).toHaveBeenCalledWith({
      insurerNumber: '３２１３００２３',
      symbol: '',
      number: '44-17',
      branch: '',
    });
  });
});

describe('pack import in the store', () => {
  it('checks the size first, then sends the text in order, chunk by chunk', async () => {
    const chunks: string[] = [];
    const bridge = fakeBridge({
      'trainer.importBegin': () => ({ uploadId: 'u-12345678', chunkChars: 10, maxBytes: 100 }),
      'trainer.importChunk': (c) => {
        expect(c.index).toBe(chunks.length);
        chunks.push(c.text);
        return { receivedBytes: chunks.join('').length };
      },
      'trainer.importFinish': () => ({
        pack: null,
        issues: [{ scenarioId: 'a', path: 'scenarios[0].id', ja: '重複', en: 'dup' }],
        warnings: [],
      }),
    });
    const store = createAppStore(bridge.api, '2026-01-20');
    const text = '{"format":"shikaku-pack/1","title":"t","scenarios":[]}';
    const out = await store.getState().importPackFile(new File([text], 'p.json', { type: 'application/json' }));
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBe(Math.ceil(text.length / 10));
    expect(out?.issues).toHaveLength(1);
    expect(store.getState().importOutcome).toMatchObject({ fileName: 'p.json', pack: null });
    expect(store.getState().importProgress).toBeNull();
  });

  it('a refused size never reads or sends the file', async () => {
    const bridge = fakeBridge({
      'trainer.importBegin': () => ({
        ok: false,
        error: { code: 'invalid-input', ja: 'ファイルが大きすぎます (50.0 MB)', en: 'too large' },
      }),
    });
    const store = createAppStore(bridge.api, '2026-01-20');
    await store.getState().importPackFile(new File(['{}'], 'big.json'));
    expect(bridge.calls.map((c) => c.name)).toEqual(['trainer.importBegin']);
    expect(store.getState().importOutcome?.issues[0]?.ja).toBe('ファイルが大きすぎます (50.0 MB)');
  });
});

describe('finding the scenarios of a pack', () => {
  const row = (id: string, over: Partial<PackScenarioRow>): PackScenarioRow => ({
    scenarioId: id,
    position: 0,
    title: null,
    visitDate: '2026-01-20',
    visitType: 'first',
    verdict: 'insured',
    copayPercent: 30,
    rules: ['R3'],
    expectedMatches: null,
    mismatches: [],
    ...over,
  });
  const rows = [
    row('card-ok', { position: 0, title: 'マイナ保険証で受付', rules: ['R3'] }),
    row('lapsed', {
      position: 1,
      title: '資格喪失後の保険証',
      verdict: 'self-pay',
      copayPercent: 100,
      rules: ['R11'],
      visitDate: '2025-12-10',
    }),
    row('elderly', {
      position: 2,
      title: '高齢受給者証 (70歳)',
      verdict: 'insured',
      rules: ['R5', 'R7'],
      visitDate: '2026-08-03',
    }),
  ];
  const ids = (f: Partial<ScenarioFilter>) => {
    const r = filterScenarios(rows, { ...NO_FILTER, ...f });
    return r.ok ? r.rows.map((s) => s.scenarioId) : r.error;
  };

  it('by rule, verdict, date range (和暦 too) and word (kana forms ignored)', () => {
    expect(ids({})).toEqual(['card-ok', 'lapsed', 'elderly']);
    expect(ids({ rule: 'R7' })).toEqual(['elderly']);
    expect(ids({ verdict: 'self-pay' })).toEqual(['lapsed']);
    expect(ids({ from: 'R8.1.1' })).toEqual(['card-ok', 'elderly']);
    expect(ids({ from: '2026-01-01', to: '令和8年7月31日' })).toEqual(['card-ok']);
    expect(ids({ word: 'まいな' })).toEqual(['card-ok']);
    expect(ids({ word: 'LAPSED' })).toEqual(['lapsed']);
    expect(ids({ rule: 'R3', verdict: 'self-pay' })).toEqual([]);
    expect(ids({ to: 'R8.2.30' })).toBe('受診日 (まで): 存在しない日付です: R8.2.30');
  });

  it('in the pack view: the filter keeps the matching rows and says how many', async () => {
    const bridge = fakeBridge({
      'trainer.listPacks': () => [
        {
          id: 1,
          title: 'パック',
          source: 'authored',
          fileName: null,
          scenarioCount: 3,
          mismatchCount: 0,
          createdAt: '',
          updatedAt: '',
        },
      ],
      'trainer.getPack': () => ({
        pack: {
          id: 1,
          title: 'パック',
          source: 'authored',
          fileName: null,
          scenarioCount: 3,
          mismatchCount: 0,
          createdAt: '',
          updatedAt: '',
        },
        scenarios: rows,
      }),
    });
    const store = createAppStore(bridge.api, '2026-01-20');
    render(
      <StoreProvider store={store}>
        <PacksView />
      </StoreProvider>,
    );
    await store.getState().openPack(1);
    await screen.findByText('マイナ保険証で受付');
    expect(screen.getAllByTestId('scenario-row')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('ルール'), { target: { value: 'R11' } });
    expect(screen.getAllByTestId('scenario-row').map((r) => r.getAttribute('data-scenario'))).toEqual(['lapsed']);
    expect(screen.getByTestId('scenario-count').textContent).toBe('1 問 / 3 問');
    fireEvent.change(screen.getByLabelText('ルール'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('語 (題名・ID)'), { target: { value: '高齢' } });
    expect(screen.getAllByTestId('scenario-row').map((r) => r.getAttribute('data-scenario'))).toEqual(['elderly']);
    expect(screen.getByText('令和8年8月3日')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('受診日 (から)'), { target: { value: 'R8.13.1' } });
    expect(screen.getByRole('alert').textContent).toContain('受診日 (から)');
  });
});

describe('「苦手なルールだけ練習」', () => {
  it('from a trainee’s per-rule record to a practice with only those rules', async () => {
    const pack = {
      id: 1,
      title: 'パック',
      source: 'bundled' as const,
      fileName: null,
      scenarioCount: 9,
      mismatchCount: 0,
      createdAt: '',
      updatedAt: '',
    };
    const trainee = {
      id: 4,
      name: '山本',
      createdAt: '',
      sessions: 1,
      answers: 9,
      percent: 60,
      lastAt: null,
      lastExam: null,
    };
    const bridge = fakeBridge({
      'trainer.progress': (q) => ({
        trainees: [trainee],
        traineeId: q.traineeId ?? null,
        days: [],
        sessions: [],
        rules:
          q.traineeId === 4
            ? [
                { rule: 'R3', answers: 5, correct: 5, percent: 100 },
                { rule: 'R7', answers: 3, correct: 1, percent: 33 },
                { rule: 'R11', answers: 4, correct: 3, percent: 75 },
              ]
            : [],
      }),
      'trainer.listPacks': () => [pack],
      'trainer.listTrainees': () => [trainee],
      'trainer.getSettings': () => ({ passMark: 80, examSize: 20 }),
      'trainer.startSession': () => ({ ok: false, error: { code: 'x', ja: '止めておく', en: 'stop' } }),
    });
    const store = createAppStore(bridge.api, '2026-01-20');
    store.getState().setTrainerTab('progress');
    render(
      <StoreProvider store={store}>
        <TrainerView />
      </StoreProvider>,
    );
    fireEvent.change(await screen.findByRole('combobox', { name: '研修生' }), { target: { value: '4' } });
    const weak = await screen.findByTestId('weak-rules');
    expect(weak.textContent).toContain('R7');
    expect(weak.textContent).toContain('R11');
    expect(weak.textContent).not.toContain('R3 ');
    fireEvent.click(screen.getByRole('button', { name: '苦手なルールだけ練習' }));
    await vi.waitFor(() => expect(store.getState().trainerTab).toBe('practice'));
    expect((await screen.findByTestId('weak-rules')).textContent).toContain('山本 さんの苦手なルールだけ練習します');
    expect((screen.getByRole('combobox', { name: '研修生の名前' }) as HTMLInputElement).value).toBe('山本');
    fireEvent.click(screen.getByRole('button', { name: /練習を始める|始める/ }));
    await vi.waitFor(() => expect(bridge.calls.some((c) => c.name === 'trainer.startSession')).toBe(true));
    expect(bridge.calls.find((c) => c.name === 'trainer.startSession')!.input).toMatchObject({
      traineeName: '山本',
      mode: 'practice',
      rules: ['R7', 'R11'],
    });
  });
});
