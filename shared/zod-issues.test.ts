import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { parseIssues } from './zod-issues';

const schema = z.strictObject({
  visitType: z.enum(['first', 'return']),
  online: z.boolean(),
  count: z.number().int().min(2),
  kind: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('a') }),
    z.strictObject({ kind: z.literal('b') }),
  ]),
  code: z.string().refine((s) => s.length === 3, { params: { ja: '3文字にしてください', en: 'three characters' } }),
});
const good = { visitType: 'first', online: true, count: 2, kind: { kind: 'a' }, code: 'abc' };
const issueAt = (input: unknown, path: string) => {
  const r = parseIssues(schema, input);
  if (r.ok) throw new Error('expected issues');
  return r.issues.find((i) => i.path === path);
};

describe('issueFromZod: one translator of zod issues', () => {
  it('accepts valid input', () => {
    expect(parseIssues(schema, good)).toEqual({ ok: true, value: good });
  });

  it('tells a missing field from one of the wrong type', () => {
    const { online: _o, ...missing } = good;
    expect(issueAt(missing, 'online')).toEqual({
      path: 'online',
      ja: '必須のフィールドがありません',
      en: 'required field is missing',
    });
    expect(issueAt({ ...good, online: 'yes' }, 'online')).toMatchObject({
      ja: '型が違います (true か false で指定してください)',
    });
  });

  it('names unknown fields and unknown document kinds', () => {
    expect(issueAt({ ...good, extra: 1 }, '(root)')).toMatchObject({ ja: '未知のフィールドです: extra' });
    expect(issueAt({ ...good, kind: { kind: 'c' } }, 'kind.kind')).toMatchObject({
      ja: '未知の書類の種類です (使える値: a, b)',
    });
  });

  it('keeps a schema’s own bilingual message', () => {
    expect(issueAt({ ...good, code: 'ab' }, 'code')).toEqual({
      path: 'code',
      ja: '3文字にしてください',
      en: 'three characters',
    });
  });

  it('uses zod’s Japanese locale for the other generic messages', () => {
    expect(issueAt({ ...good, visitType: 'later' }, 'visitType')!.ja).toBe(
      '無効な選択: "first"、"return"のいずれかである必要があります',
    );
  });

  it('says a size limit in its own words (zod’s locale names the type in English: 「stringは60文字以下」)', () => {
    expect(issueAt({ ...good, count: 1 }, 'count')!.ja).toBe('2以上にしてください');
    const text = z.strictObject({ q: z.string().min(1).max(60), a: z.array(z.number()).max(2) });
    expect(parseIssues(text, { q: 'あ'.repeat(61), a: [] })).toMatchObject({
      issues: [{ path: 'q', ja: '60文字以下にしてください' }],
    });
    expect(parseIssues(text, { q: '', a: [] })).toMatchObject({ issues: [{ path: 'q', ja: '空にはできません' }] });
    expect(parseIssues(text, { q: 'x', a: [1, 2, 3] })).toMatchObject({
      issues: [{ path: 'a', ja: '2件以下にしてください' }],
    });
  });

  it('never echoes a 12-digit number', () => {
    const r = parseIssues(z.strictObject({}), { '123456789018': 1 });
    expect(JSON.stringify(r)).not.toContain('123456789018');
  });
});
