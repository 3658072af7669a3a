// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../store';
import { fakeBridge } from '../../testing/fake-bridge';
import { AnswerForm } from './AnswerForm';

afterEach(cleanup);

describe('AnswerForm', () => {
  it('asks for every group, sets 10割 with 自費, and sends the answer', () => {
    const onAnswer = vi.fn();
    render(<AnswerForm busy={false} onAnswer={onAnswer} />);
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
    const { rerender } = render(<AnswerForm key="1:1" busy={false} onAnswer={() => undefined} />);
    fireEvent.click(screen.getByRole('radio', { name: '保険で受付' }));
    rerender(<AnswerForm key="1:2" busy={false} onAnswer={() => undefined} />);
    const first = screen.getByRole('radio', { name: '保険で受付' }) as HTMLInputElement;
    expect(first.checked).toBe(false);
    expect(document.activeElement).toBe(first);
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
