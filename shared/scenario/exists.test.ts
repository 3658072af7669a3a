import { describe, expect, it } from 'vitest';
import { documentExistsOn } from './exists';

describe('documentExistsOn (RULES.md input errors)', () => {
  it('a 資格確認書 exists from its issuedOn', () => {
    const k = { kind: 'kakunin-sho', issuedOn: '2025-04-01' };
    expect(documentExistsOn(k, 'kyokai', '2025-03-31')).toBe(false);
    expect(documentExistsOn(k, 'kyokai', '2025-04-01')).toBe(true);
  });
  it('a 後期 お知らせ exists from 2026-08-01; other お知らせ and documents always', () => {
    expect(documentExistsOn({ kind: 'oshirase' }, 'kouki', '2026-07-31')).toBe(false);
    expect(documentExistsOn({ kind: 'oshirase' }, 'kouki', '2026-08-01')).toBe(true);
    expect(documentExistsOn({ kind: 'oshirase' }, 'kokuho', '2025-01-01')).toBe(true);
    expect(documentExistsOn({ kind: 'legacy-card' }, 'kouki', '2024-01-01')).toBe(true);
  });
});
