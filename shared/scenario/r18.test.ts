// R18 in the scenario and pack formats (issue 11): every spelling of a My Number in every text
// field a pack uses is refused, with the same message and without repeating it; only 記号・番号
// (a coverage's symbol, number, branch) are accepted with a warning that never repeats them.
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default-pack.json';
import deskMixPack from '../../packs/desk-mix-pack.json';
import { containsMyNumberLike, MY_NUMBER_REFUSAL } from '../identifiers';
import { MY_NUMBER_SPELLINGS } from '../testing/my-number-spellings';
import { schemaLeaves, withValueAt } from '../testing/schema-leaves';
import { parseScenarioDocument } from './pack';
import { packHeadSchema, scenarioFileSchema } from './schema';
import { PACK_FORMAT, SCENARIO_FORMAT } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every string leaf of a value, by path (a.b[2].c). */
function stringPaths(v: Json, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof v === 'string') out.set(path, v);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) stringPaths(x, path ? `${path}.${k}` : k, out);
  return out;
}

function setAt(v: Json, path: string, value: string): Json {
  const copy = structuredClone(v);
  const keys = [...path.matchAll(/[^.[\]]+/g)].map((m) => m[0]);
  let at = copy as Record<string, Json>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, Json>;
  at[keys.at(-1)!] = value;
  return copy;
}

/** One example scenario for each text field (path with indices generalised) the bundled packs use. */
const FIELDS = (() => {
  const seen = new Map<string, { scenario: Json; path: string }>();
  for (const pack of [defaultPack, deskMixPack] as unknown as Array<{ scenarios: Json[] }>) {
    for (const scenario of pack.scenarios) {
      for (const path of stringPaths(scenario).keys()) {
        const field = path.replace(/\[\d+\]/g, '[]');
        if (!seen.has(field)) seen.set(field, { scenario, path });
      }
    }
  }
  return [...seen.entries()];
})();
const CARD_TEXT = /^patient\.coverages\[\]\.(symbol|number|branch)$/;

describe('R18 in the scenario format: every text field × every spelling', () => {
  it('covers the free-text fields (id, title, story, …) and the 記号・番号', () => {
    const fields = FIELDS.map(([f]) => f);
    expect(fields).toEqual(expect.arrayContaining(['id', 'title', 'story', 'patient.coverages[].symbol']));
    expect(fields.length).toBeGreaterThanOrEqual(15);
  });

  it.each(FIELDS.filter(([f]) => !CARD_TEXT.test(f)))('%s: refused, never echoed', (_field, { scenario, path }) => {
    for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
      const r = parseScenarioDocument({ ...(setAt(scenario, path, spelling) as object), format: SCENARIO_FORMAT });
      expect(r.ok, `${path} ← ${what}`).toBe(false);
      if (r.ok) continue;
      expect(r.issues, `${path} ← ${what}`).toEqual([{ scenarioId: expect.any(String), path, ...MY_NUMBER_REFUSAL }]);
      expect(containsMyNumberLike(JSON.stringify(r)), `${path} ← ${what}`).toBe(false);
    }
  });

  it.each(FIELDS.filter(([f]) => CARD_TEXT.test(f)))(
    '%s (記号・番号): a warning, never echoed',
    (_f, { scenario, path }) => {
      for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
        const r = parseScenarioDocument({ ...(setAt(scenario, path, spelling) as object), format: SCENARIO_FORMAT });
        expect(r.ok, `${path} ← ${what}`).toBe(true);
        expect(r.warnings.map((w) => w.path)).toEqual([path]);
        expect(containsMyNumberLike(JSON.stringify(r.warnings)), what).toBe(false);
      }
    },
  );

  it("a pack's own title is refused too", () => {
    for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
      const r = parseScenarioDocument({ format: 'shikaku-pack/1', title: `研修 ${spelling}`, scenarios: [] });
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.issues).toEqual([{ scenarioId: null, path: 'title', ...MY_NUMBER_REFUSAL }]);
    }
  });
});

describe('R18 in every field the scenario and pack formats define (from their schemas)', () => {
  const base = FIELDS[0]![1].scenario;
  const card = /^patient\.coverages\[0\]\.(symbol|number|branch)$/;
  const fields = schemaLeaves(scenarioFileSchema).filter((f) => f !== 'format');
  const head = schemaLeaves(packHeadSchema).filter((f) => f !== 'format');

  it('finds every field: documents of each kind, the expected decision, the policy', () => {
    expect(fields).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'story',
        'visitDate',
        'clinic.incident',
        'patient.coverages[0].insurerNumber',
        'patient.myna.certExpiresOn',
        'presented[0].kind',
        'presented[0].validUntil',
        'expected.verdict',
      ]),
    );
    expect(fields.some((f) => f.startsWith('policy.'))).toBe(true);
    expect(fields.some((f) => f.startsWith('expected.') && f.includes('[0]'))).toBe(true);
    expect(fields.length).toBeGreaterThanOrEqual(40);
    expect(head).toEqual(['title']);
  });

  it(`${MY_NUMBER_SPELLINGS.length} spellings × every field but 記号・番号, in a scenario file and in a pack: refused with one message, never echoed`, () => {
    let refused = 0;
    for (const path of fields.filter((f) => !card.test(f))) {
      for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
        const scenario = withValueAt(base, path, spelling) as object;
        for (const [doc, at] of [
          [{ ...scenario, format: SCENARIO_FORMAT }, path],
          [{ format: PACK_FORMAT, title: '研修', scenarios: [scenario] }, `scenarios[0].${path}`],
        ] as const) {
          const r = parseScenarioDocument(doc);
          expect(r.ok, `${doc.format} ${path} ← ${what}`).toBe(false);
          if (r.ok) continue;
          expect(
            r.issues.map((i) => [i.path, i.ja, i.en]),
            `${doc.format} ${path} ← ${what}`,
          ).toEqual([[at, MY_NUMBER_REFUSAL.ja, MY_NUMBER_REFUSAL.en]]);
          expect(containsMyNumberLike(JSON.stringify(r)), `${path} ← ${what}`).toBe(false);
          refused += 1;
        }
      }
    }
    expect(refused).toBe((fields.length - 3) * MY_NUMBER_SPELLINGS.length * 2);
  });

  it('a pack head field (title) with any spelling is refused the same way', () => {
    for (const path of head)
      for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
        const r = parseScenarioDocument(
          withValueAt({ format: PACK_FORMAT, title: 't', scenarios: [base] }, path, spelling),
        );
        expect(r.ok, what).toBe(false);
        if (!r.ok) expect(r.issues).toEqual([{ scenarioId: null, path, ...MY_NUMBER_REFUSAL }]);
      }
  });
});
