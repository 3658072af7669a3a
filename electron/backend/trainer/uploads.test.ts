// Imports running in several tabs at once (issue 11): a new one never drops a running one; when too
// many run, the new one is refused with a message; only an abandoned one (silent for STALE_MS) goes.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { MAX_OPEN, STALE_MS, UploadStore } from './uploads';

describe('pack uploads from several tabs', () => {
  it('a second import does not evict a running one; one too many is refused with a message', () => {
    let now = 0;
    const store = new UploadStore(() => now);
    const running = Array.from({ length: MAX_OPEN }, (_, i) => store.begin(`tab${i}.json`, 10).uploadId);
    now += 1000;
    let refused: unknown;
    try {
      store.begin('one-more.json', 10);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('busy');
    expect((refused as AppError).ja).toContain('ほかの画面でパックを');
    // every running import goes on to the end
    for (const id of running) {
      expect(store.chunk(id, 0, '{"x":1}').receivedBytes).toBe(7);
      expect(store.take(id).text).toBe('{"x":1}');
    }
  });

  it('an abandoned import (silent for STALE_MS) makes room; a slow but living one does not', () => {
    let now = 0;
    const store = new UploadStore(() => now);
    const ids = Array.from({ length: MAX_OPEN }, (_, i) => store.begin(`tab${i}.json`, 10).uploadId);
    now += STALE_MS - 1000;
    store.chunk(ids[0]!, 0, 'a'); // this one is still sending
    now += 2000; // the others have been silent for longer than STALE_MS
    const fresh = store.begin('new.json', 10).uploadId;
    expect(store.chunk(ids[0]!, 1, 'b').receivedBytes).toBe(2);
    expect(() => store.chunk(ids[1]!, 0, 'a')).toThrow(/choose the file again/);
    expect(store.chunk(fresh, 0, 'c').receivedBytes).toBe(1);
  });
});
