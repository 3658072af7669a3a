// The trainer calls through the real API object and the contract's dispatcher (the path both
// shells take, through the backend's worker): wiring, validation, errors as values.
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../shared/contract/kernel';
import { tempDir } from '../testing/temp-dir';
import { createApi, type ApiInstance } from './index';

const apis: ApiInstance[] = [];
afterEach(() => apis.splice(0).forEach((a) => a.close()));

async function api() {
  const a = await createApi({ dataDir: tempDir(), shell: 'browser', now: () => new Date('2026-03-02T01:00:00Z') });
  apis.push(a);
  return a.call;
}

describe('trainer calls', () => {
  it('every trainer.* call of the contract has a handler', async () => {
    const a = await createApi({ dataDir: tempDir(), shell: 'browser' });
    apis.push(a);
    for (const n of CALL_NAMES.filter((c) => c.startsWith('trainer.')))
      expect(typeof a.handlers[n], n).toBe('function');
  });

  it('the bundled packs are there on the first start; a practice answer comes back graded', async () => {
    const call = await api();
    const packs = await call('trainer.listPacks', {});
    expect(packs.ok).toBe(true);
    const list = (packs as { value: { id: number; source: string; scenarioCount: number; fileName: string }[] }).value;
    expect(list.map((p) => [p.fileName, p.source])).toEqual([
      ['packs/default-pack.json', 'bundled'],
      ['packs/desk-mix-pack.json', 'bundled'],
      ['packs/v2-rules-pack.json', 'bundled'],
      ['packs/v2-boundaries-pack.json', 'bundled'],
    ]);
    expect(list[0]!.scenarioCount).toBeGreaterThanOrEqual(40);
    const st = await call('trainer.startSession', {
      traineeName: '研修 花子',
      packId: list[0]!.id,
      mode: 'practice',
      count: 1,
    });
    expect(st.ok).toBe(true);
    const out = await call('trainer.answer', {
      sessionId: (st as { value: { session: { id: number } } }).value.session.id,
      position: 1,
      answer: { verdict: 'insured', copayPercent: 30, elderlyCardNeeded: false, documentsNeeded: [] },
      timeMs: 12_345,
    });
    expect(out).toMatchObject({ ok: true, value: { feedback: { timeMs: 12_345 } } });
  });

  it('errors are values with Japanese and English, never a 12-digit number', async () => {
    const call = await api();
    const big = await call('trainer.importBegin', { fileName: 'big.json', size: 50 * 1024 * 1024 });
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((big as { error: { ja: string } }).error.ja).toContain('ファイルが大きすぎます (50.0 MB)');
    const name = await call('trainer.startSession', { traineeName: '123456789012', packId: 1, mode: 'exam' });
    expect(name).toMatchObject({ ok: false, error: { code: 'my-number' } });
    expect(JSON.stringify(name)).not.toContain('123456789012');
    const missing = await call('trainer.getPack', { packId: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const badAnswer = await call('trainer.answer', {
      sessionId: 1,
      position: 1,
      answer: { verdict: 'maybe' },
      timeMs: 1,
    });
    expect(badAnswer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
