// R18 in the scenario and pack formats (issue 11): every spelling of a My Number in every text
// field a pack uses is refused, with the same message and without repeating it; only 記号・番号
// (a coverage's symbol, number, branch) are accepted with a warning that never repeats them.
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default-pack.json';
import deskMixPack from '../../packs/desk-mix-pack.json';
import { containsMyNumberLike, MY_NUMBER_REFUSAL } from '../identifiers';
import { MY_NUMBER_SPELLINGS } from '../testing/my-number-spellings';
import { parseScenarioDocument } from './pack';
import { SCENARIO_FORMAT } from './types';

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
