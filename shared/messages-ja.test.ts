// No English field names or parser jargon in a Japanese message (issue 10): the Japanese label
// tables, and what the issue translators answer for broken input — every request of the API
// contract, every scenario of the bundled pack with each field removed, of the wrong type, null,
// too long or unknown, broken JSON text, and dates that are not dates — are scanned for field
// names of the formats (visitDate, presented …), camelCase identifiers, 「YYYY-MM-DD」 and parser
// codes (PropertyNameExpected …). Every key of those schemas has a Japanese name (field-names.ts).
import { describe, expect, it } from 'vitest';
import defaultPack from '../packs/default-pack.json';
import deskMixPack from '../packs/desk-mix-pack.json';
import { CONTRACT, parseRequest } from './contract';
import { CALL_NAMES } from './contract/kernel';
import { isoDate } from './date-schema';
import { FIELD_JA, pathJa } from './field-names';
import { observationSchema } from './observation/schema';
import { parseJsonText } from './json-text';
import * as labels from './labels';
import { parsePack, parseScenarioDocument, SCENARIO_FORMAT } from './scenario';
import { packHeadSchema, scenarioFileSchema } from './scenario/schema';
import { parseDate } from './wareki';

/** Every key of an object schema, however deep (through arrays, unions, optionals, pipes …). */
function keysOf(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(k);
      keysOf(v, out, seen);
    }
  }
  for (const k of ['innerType', 'element', 'in', 'out', 'left', 'right', 'valueType'])
    if (def[k]) keysOf(def[k], out, seen);
  for (const k of ['options', 'items']) for (const o of (def[k] as unknown[] | undefined) ?? []) keysOf(o, out, seen);
  return out;
}

const formatKeys = (() => {
  const keys = keysOf(scenarioFileSchema);
  keysOf(packHeadSchema, keys);
  keysOf(observationSchema, keys); // 受付ナビ (realdesk.decide parses it inside a transform)
  for (const c of Object.values(CONTRACT)) keysOf(c.input, keys);
  return keys;
})();

/** What a Japanese message must not contain. */
const JARGON: [string, RegExp][] = [
  ['a date pattern', /YYYY|MM-DD/],
  ['a parser code', /[A-Z][a-z]+(Expected|Symbol|Format|Character|String|Token)\b/],
  ['a camelCase identifier', /(?<![\w-])(?!iPhone)[a-z]+[A-Z][A-Za-z]*(?![\w-])/],
  ['a type name', /(?<![\w-])(string|boolean|object|array|undefined|null|NaN|bigint)(?![\w-])/],
  [
    'a field name of the formats',
    // (a value in quotes is what to write, not a field's name)
    new RegExp(
      `(?<![\\w"-])(${[...formatKeys].filter((k) => /^[a-z]+$/.test(k) && k.length > 2).join('|')})(?![\\w"-])`,
    ),
  ],
];

function jargonIn(ja: string): string | null {
  for (const [what, re] of JARGON) {
    const m = re.exec(ja);
    if (m) return `${what} 「${m[0]}」 in 「${ja}」`;
  }
  return null;
}

/** Every string inside a value (label tables are records of strings or of objects of strings). */
function* stringsIn(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* stringsIn(x);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) yield* stringsIn(x);
}

/** The value with the field at `path` changed (undefined: removed). */
function withField(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = withField(copy[head as number], rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && next === undefined) delete copy[head as string];
  else copy[head as string] = withField(copy[head as string], rest, next);
  return copy;
}

function* pathsOf(v: unknown, at: (string | number)[] = []): Generator<(string | number)[]> {
  if (at.length > 0) yield at;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* pathsOf(v[i], [...at, i]);
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* pathsOf(x, [...at, k]);
}

/** Broken versions of a valid value: each field removed, of another type, null, far too long; an unknown field. */
const ALL_BREAKS = [undefined, null, 12, 'x', true, [], {}, 'あ'.repeat(3000), '2026-02-30', 'R8.13.1'];

function* broken(valid: unknown, breaks: readonly unknown[] = ALL_BREAKS): Generator<unknown> {
  yield undefined;
  yield 'x';
  yield withField(valid, ['余分な項目'], 1);
  for (const p of pathsOf(valid)) for (const next of breaks) yield withField(valid, p, next);
}

const deskRequest = {
  patient: { walkIn: { birthDate: '1981-05-10', insurer: 'kyokai' } },
  presented: ['myna-card'],
  visitDate: '2026-01-20',
  clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
  visitType: 'first',
  needsLimit: false,
  operator: '受付',
};

describe('Japanese messages', () => {
  it('every field of the formats and the requests has a Japanese name', () => {
    const missing = [...formatKeys].filter((k) => !(k in FIELD_JA));
    expect(missing, 'add these keys to FIELD_JA in shared/field-names.ts').toEqual([]);
    expect(pathJa('patient.coverages[0].insurerNumber')).toBe('患者 › 保険 (1件目) › 保険者番号');
    expect(pathJa('[2].visitDate')).toBe('3件目 › 受診日');
  });

  it('the label tables speak Japanese only', () => {
    const bad = [...stringsIn(labels)].map(jargonIn).filter((x) => x !== null);
    expect(bad).toEqual([]);
  });

  it('every request of the contract, broken in every field, is refused in Japanese without field names', () => {
    const seen = new Set<string>();
    const samples: Record<string, unknown> = { 'desk.decide': deskRequest };
    for (const name of CALL_NAMES) {
      const base =
        samples[name] ??
        Object.fromEntries([...keysOf(CONTRACT[name].input)].map((k) => [k, 'x'] as const).slice(0, 12));
      for (const payload of broken(base)) {
        const r = parseRequest(name, payload);
        if (!r.ok) seen.add(r.error.ja);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].map(jargonIn).filter((x) => x !== null)).toEqual([]);
    // the path in Japanese, the call's name never
    const r = parseRequest('desk.decide', { ...deskRequest, visitDate: 'いつか' });
    expect(!r.ok && r.error.ja).toMatch(/\(受診日\)$/);
    expect(!r.ok && r.error.en).toContain('desk.decide: visitDate');
  });

  it('every scenario of the bundled pack, broken in every field, is refused in Japanese without field names', () => {
    const seen = new Set<string>();
    // every third scenario of both bundled packs (every kind of document and of insurance is among them)
    const scenarios = [defaultPack, deskMixPack].flatMap((p) =>
      (p as { scenarios: unknown[] }).scenarios.filter((_, i) => i % 3 === 0),
    );
    for (const s of scenarios) {
      for (const doc of broken({ format: SCENARIO_FORMAT, ...(s as object) }, [undefined, null, 'x', 'R8.13.1'])) {
        const r = parseScenarioDocument(doc);
        for (const i of r.ok ? r.warnings : r.issues) seen.add(i.ja);
      }
    }
    for (const doc of broken({ ...defaultPack, scenarios: scenarios.slice(0, 2), title: 'x' })) {
      const r = parsePack(doc);
      for (const i of r.ok ? r.warnings : r.issues) seen.add(i.ja);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].map(jargonIn).filter((x) => x !== null)).toEqual([]);
  });

  it('broken JSON text and dates that are not dates are told in Japanese without parser codes', () => {
    const texts = [
      '{',
      '{"a":}',
      '{"a" 1}',
      '{,}',
      '[1,]',
      '{"a":1,}',
      '"abc',
      '{"a":"\\q"}',
      '{} x',
      '{a:1}',
      '[1 2]',
      '01',
      '{"a":tru}',
    ];
    const seen = texts.map((t) => parseJsonText(t)).map((r) => (r.ok ? '' : r.ja));
    for (const d of ['2026-02-30', 'R8.13.1', '平成31年5月1日', 'いつか', '2026/1/1/1', '']) {
      const r = parseDate(d);
      if (!r.ok) seen.push(r.error.ja);
    }
    const iso = isoDate.safeParse('R8.1.1');
    seen.push(...(iso.error?.issues ?? []).map((i) => String((i as { params?: { ja?: string } }).params?.ja)));
    expect(seen.filter((s) => s !== '').length).toBeGreaterThan(15);
    expect(seen.map(jargonIn).filter((x) => x !== null)).toEqual([]);
  });
});
