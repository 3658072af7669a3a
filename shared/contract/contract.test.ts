import { describe, expect, it } from 'vitest';
import { CONTRACT, parseRequest } from './index';
import { ApiFailure, CALL_NAMES, type Handlers } from './kernel';
import { dispatch } from './dispatch';

describe('API contract', () => {
  it('the kernel lists every call once, and each has exactly one definition with a request schema', () => {
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect(Object.keys(CONTRACT).sort()).toEqual([...CALL_NAMES].sort());
    for (const n of CALL_NAMES) expect(typeof CONTRACT[n].input.safeParse, n).toBe('function');
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
    expect(!r.ok && r.error.ja).toContain('重複');
    const unknownKey = parseRequest('settings.get', { x: 1 });
    expect(unknownKey.ok).toBe(false);
    const badDate = parseRequest('history.query', { from: '平成31年5月1日' });
    expect(!badDate.ok && badDate.error.ja).toContain('期間外');
  });

  it('settings.update: the 医療機関コード check digit and the policy are checked where they enter', () => {
    const tries: Array<[unknown, string]> = [
      [{ medicalInstitutionCode: '1312345670' }, 'medicalInstitutionCode'],
      [{ medicalInstitutionCode: '123456789012' }, 'medicalInstitutionCode'],
      [{ clinicName: '' }, 'clinicName'],
      [{ clinicName: 'クリニック 123456789012' }, 'clinicName'],
      [{ onlineCheck: 'yes' }, 'onlineCheck'],
      [{ policy: { lagWithMyNumber: 9 } }, 'policy.lagWithMyNumber'],
      [{ policy: { interimEnd: '2026-02-30' } }, 'policy.interimEnd'],
      [{ policy: { certGraceBasis: 'whenever' } }, 'policy.certGraceBasis'],
      [{ policy: { unknown: true } }, 'policy'],
      [{ color: 'blue' }, '(root)'],
    ];
    for (const [patch, field] of tries) {
      const r = parseRequest('settings.update', patch);
      expect(r.ok, field).toBe(false);
      expect(!r.ok && r.error.en, field).toContain(`settings.update: ${field}`);
      expect(JSON.stringify(r)).not.toContain('123456789012');
    }
    const wrongDigit = parseRequest('settings.update', { medicalInstitutionCode: '1319999990' });
    expect(!wrongDigit.ok && wrongDigit.error.ja).toContain('検証番号');
    expect(parseRequest('settings.update', { medicalInstitutionCode: '' }).ok).toBe(true);
    // null: the key follows the default again
    const reset = parseRequest('settings.update', { policy: { interimEnd: null, portalScreenshot: null } });
    expect(reset.ok && reset.value.policy).toEqual({ interimEnd: null, portalScreenshot: null });
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

  it('dispatch: unknown calls, thrown ApiFailure and unexpected errors become { ok: false }; a handler gets the parsed value', async () => {
    const seen: unknown[] = [];
    const handlers = {
      'settings.get': () => {
        throw new ApiFailure('x', 'ジャ', 'en');
      },
      'app.info': () => {
        throw new Error('boom 123456789012');
      },
      'history.query': (q: unknown) => {
        seen.push(q);
        return { total: 0, offset: 0, rows: [] };
      },
    } as unknown as Handlers;
    const call = (name: unknown, payload: unknown) => dispatch(parseRequest, handlers, name, payload);
    expect(await call('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await call('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await call('settings.get', {})).toEqual({ ok: false, error: { code: 'x', ja: 'ジャ', en: 'en' } });
    const internal = await call('app.info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('123456789012');
    expect(await call('history.query', { from: '令和8年1月1日' })).toMatchObject({ ok: true });
    expect(seen).toEqual([{ from: '2026-01-01' }]);
    expect(await call('history.query', { from: 'いつか' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(seen).toHaveLength(1);
  });
});

describe('Japanese messages name the field in Japanese', () => {
  it('no English field name or call name in a desk or search refusal', () => {
    const desk = {
      patient: { id: '1' },
      presented: ['myna-card'],
      visitDate: '1800-01-01',
      clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
    };
    const tries: Array<[ReturnType<typeof parseRequest>, string]> = [
      [parseRequest('desk.decide', desk), '受診日'],
      [parseRequest('desk.decide', { ...desk, visitDate: 'R8.2.30' }), '受診日'],
      [
        parseRequest('desk.decide', { ...desk, visitDate: '2026-01-20', presented: ['myna-card', 'myna-card'] }),
        '提示された書類',
      ],
      [parseRequest('registry.search', { query: 'あ'.repeat(61) }), '検索する文字'],
      [
        parseRequest('desk.decide', {
          ...desk,
          visitDate: '2026-01-20',
          patient: { walkIn: { birthDate: '1980-01-01', insurer: 'kyokai', insurerNumber: '0113' } },
        }),
        '保険者番号',
      ],
    ];
    for (const [r, field] of tries) {
      expect(r.ok, field).toBe(false);
      const ja = !r.ok ? r.error.ja : '';
      expect(ja, field).toMatch(new RegExp(`[(›] ?${field}\\)`));
      expect(ja, field).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
