import { describe, expect, it } from 'vitest';
import { ApiFailure, CALL_NAMES, CONTRACT, dispatch, type Handlers, parseRequest } from './contract';

describe('API contract', () => {
  it('lists every call once, each with a request and a response schema', () => {
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect(CALL_NAMES).toEqual(
      expect.arrayContaining([
        'registry.search',
        'registry.get',
        'registry.save',
        'registry.delete',
        'registry.seedDemo',
        'desk.decide',
        'history.query',
        'history.exportCsv',
        'settings.get',
        'settings.update',
        'app.info',
      ]),
    );
    for (const n of CALL_NAMES) {
      expect(typeof CONTRACT[n].input.safeParse).toBe('function');
      expect(typeof CONTRACT[n].output.safeParse).toBe('function');
    }
  });

  it('normalises typed 和暦 dates to ISO', () => {
    const r = parseRequest('desk.decide', {
      patient: { walkIn: { birthDate: '昭和28年6月10日', insurer: 'kyokai' } },
      presented: ['myna-card'],
      visitDate: 'R8.1.20',
      clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.ok && r.value.visitDate).toBe('2026-01-20');
    expect(r.ok && 'walkIn' in r.value.patient && r.value.patient.walkIn.birthDate).toBe('1953-06-10');
  });

  it('refuses bad payloads with a Japanese and English message naming the field', () => {
    const r = parseRequest('desk.decide', {
      patient: { id: '1' },
      presented: ['myna-card', 'myna-card'],
      visitDate: '2026-01-20',
      clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.en).toContain('presented');
    const unknownKey = parseRequest('settings.get', { x: 1 });
    expect(unknownKey.ok).toBe(false);
    const badDate = parseRequest('history.query', { from: '平成31年5月1日' });
    expect(!badDate.ok && badDate.error.ja).toContain('期間外');
  });

  it('R18: a 12-digit number is refused and never echoed back', () => {
    for (const query of ['123456789012', '1234 5678 9012', '１２３４５６７８９０１２']) {
      const r = parseRequest('registry.search', { query });
      expect(r.ok, query).toBe(false);
      expect(JSON.stringify(r)).not.toMatch(/\d{12}/);
    }
    expect(parseRequest('registry.search', { query: '19530610' }).ok).toBe(true);
  });

  it('R18: free text uses the same detector as the database (full-width digits, a number beside other numbers)', () => {
    for (const query of ['メモ １２３４５６７８９０１２', '番号 123456789012 45', '𝟏𝟐𝟑𝟒 𝟓𝟔𝟕𝟖 𝟗𝟎𝟏𝟐']) {
      expect(parseRequest('registry.search', { query }).ok, query).toBe(false);
    }
    for (const query of ['2025-12-01 2026-01-01', '03-1234-5678', '1234567890123']) {
      expect(parseRequest('registry.search', { query }).ok, query).toBe(true);
    }
  });

  it('dispatch: unknown calls, thrown ApiFailure and unexpected errors become { ok: false }', async () => {
    const handlers = {
      'settings.get': () => {
        throw new ApiFailure({ code: 'x', ja: 'ジャ', en: 'en' });
      },
      'app.info': () => {
        throw new Error('boom 123456789012');
      },
    } as unknown as Handlers;
    expect(await dispatch(handlers, 'nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch(handlers, 'settings.get', {})).toEqual({
      ok: false,
      error: { code: 'x', ja: 'ジャ', en: 'en' },
    });
    const internal = await dispatch(handlers, 'app.info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('123456789012');
  });
});
