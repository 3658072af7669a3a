// The desk slice without a screen: answers belong to the inputs they were asked with; the desk asks
// before deciding on nothing or after a double tap; an answer on screen is never asked for twice.
import { describe, expect, it } from 'vitest';
import type { ApiResult, CallOutput } from '../../../shared/contract/kernel';
import { deskResult, FAKE_PATIENT, fakeBridge } from '../testing/fake-bridge';
import { createAppStore } from '.';

/** A bridge whose desk.decide answers only when the test says so. */
function heldBridge() {
  const pending: Array<(r: ApiResult<CallOutput<'desk.decide'>>) => void> = [];
  const bridge = fakeBridge();
  bridge.api['desk.decide'] = (input) => {
    bridge.calls.push({ name: 'desk.decide', input });
    return new Promise((resolve) => pending.push(resolve));
  };
  const answer = (i: number, verdict: 'insured' | 'self-pay' = 'insured') =>
    pending[i]!({ ok: true, value: deskResult({ verdict }) });
  return { ...bridge, pending, answer };
}

const decides = (calls: { name: string }[]) => calls.filter((c) => c.name === 'desk.decide').length;

describe('desk slice', () => {
  it('drops an answer that arrives for another patient', async () => {
    const b = heldBridge();
    const store = createAppStore(b.api, '2026-01-20');
    const s = () => store.getState();
    s().selectPatient(FAKE_PATIENT);
    s().toggleDocument('myna-card');
    const asked = s().decide();
    expect(s().deciding).toBe(true);
    s().nextPatient();
    s().selectPatient({ ...FAKE_PATIENT, id: '2', name: '別の 患者' });
    b.answer(0);
    await asked;
    expect(s().result).toBeNull();
    expect(s().deciding).toBe(false);
  });

  it('drops an answer for documents changed meanwhile, and keeps one for inputs changed back', async () => {
    const b = heldBridge();
    const store = createAppStore(b.api, '2026-01-20');
    const s = () => store.getState();
    s().selectPatient(FAKE_PATIENT);
    s().toggleDocument('myna-card');
    const first = s().decide();
    s().toggleDocument('oshirase');
    b.answer(0);
    await first;
    expect(s().result).toBeNull();
    // the same inputs again (another order): an answer for them is theirs
    const second = s().decide();
    s().toggleDocument('myna-card');
    s().toggleDocument('myna-card');
    s().setVisitType('return');
    s().setVisitType('first');
    b.answer(1);
    await second;
    expect(s().result?.decision.verdict).toBe('insured');
  });

  it('asks before deciding on nothing, and after a key pressed twice', async () => {
    const b = fakeBridge();
    const store = createAppStore(b.api, '2026-01-20');
    const s = () => store.getState();
    s().selectPatient(FAKE_PATIENT);
    await s().decide();
    expect(s().question).toEqual({ reason: 'nothing-presented' });
    expect(decides(b.calls)).toBe(0);
    s().toggleDocument('myna-card');
    s().toggleDocument('myna-card');
    s().toggleDocument('kakunin-sho'); // another key in between: not a double tap
    await s().decide();
    expect(s().question).toBeNull();
    expect(decides(b.calls)).toBe(1);
    s().toggleDocument('oshirase');
    s().toggleDocument('oshirase');
    await s().decide();
    expect(s().question).toEqual({ reason: 'double-tap', kind: 'oshirase' });
    expect(decides(b.calls)).toBe(1);
    await s().decide({ confirmed: true });
    expect(s().question).toBeNull();
    expect(decides(b.calls)).toBe(2);
  });

  it('does not ask again for the answer on screen (one history row per answer)', async () => {
    const b = fakeBridge();
    const store = createAppStore(b.api, '2026-01-20');
    const s = () => store.getState();
    s().selectPatient(FAKE_PATIENT);
    s().toggleDocument('myna-card');
    await s().decide();
    await s().decide();
    await s().decide();
    expect(decides(b.calls)).toBe(1);
    s().setNeedsLimit(true);
    await s().decide();
    expect(decides(b.calls)).toBe(2);
  });

  it('refuses visit dates of another century, and keeps today for 今日', () => {
    const store = createAppStore(fakeBridge().api, '2026-01-20');
    const s = () => store.getState();
    s().setVisitDateText('1800-01-01');
    expect(s().commitVisitDate()).toBe(false);
    expect(s().visitDateError).toContain('2000年から2099年');
    s().setVisitDateText('9999-12-31');
    expect(s().commitVisitDate()).toBe(false);
    s().setVisitDateText('R8.7.31');
    expect(s().commitVisitDate()).toBe(true);
    expect(s().visitDate).toBe('2026-07-31');
    s().setVisitDateToday();
    expect(s().visitDate).toBe('2026-01-20');
  });

  it('knows which text the search results answer', async () => {
    const store = createAppStore(fakeBridge().api, '2026-01-20');
    const s = () => store.getState();
    const pending = s().search('やまだ');
    expect(s().resultsFor).toBeNull();
    await pending;
    expect(s().resultsFor).toBe('やまだ');
  });
});
