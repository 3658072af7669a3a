// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../store';
import { fakeBridge } from '../../testing/fake-bridge';
import v2Pack from '../../../../packs/v2-rules-pack.json';
import { decideScenario } from '../../../../shared/engine';
import { parseScenario } from '../../../../shared/scenario';
import { askedItems } from '../../../../shared/trainer/grade';
import { buildQuestion, type Question } from '../../../../shared/trainer/question';
import { AnswerForm } from './AnswerForm';
import { NumberEntryForm } from './NumberEntryForm';

const copay = (name: string) =>
  within(screen.getByRole('group', { name: /窓口負担/ })).getByRole('radio', { name, exact: true });
const pays = (name: string) => within(screen.getByTestId('answer-pays')).getByRole('radio', { name, exact: true });

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
