// R18 in the observation format (what `observe` prints and `decide --observed` reads): a 12-digit
// number in any field — 記号・番号 included, since an observation is derived data the app never
// needs to hold them in — is refused with the one message and never repeated.
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default-pack.json';
import deskMixPack from '../../packs/desk-mix-pack.json';
import { observe } from '../engine/observe';
import { containsMyNumberLike, MY_NUMBER_REFUSAL } from '../identifiers';
import { parseScenario } from '../scenario';
import { MY_NUMBER_SPELLINGS } from '../testing/my-number-spellings';
import { withValueAt } from '../testing/schema-leaves';
import { observationJson, parseObservations } from '.';

/** Every scalar leaf (null included: a field left empty) of a value, by path. */
function leaves(v: unknown, at = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${at}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) leaves(x, at ? `${at}.${k}` : k, out);
  else if (typeof v !== 'boolean') out.set(at, at.replace(/\[\d+\]/g, '[]'));
  return out;
}

/** One observation for each field (indices generalised) the bundled packs' observations have. */
const FIELDS = (() => {
  const seen = new Map<string, { observation: unknown; path: string }>();
  for (const pack of [defaultPack, deskMixPack] as unknown as Array<{ scenarios: unknown[] }>) {
    for (const raw of pack.scenarios) {
      const r = parseScenario(raw, { inPack: true });
      if (!r.ok) throw new Error('bundled scenario does not parse');
      const observation = JSON.parse(JSON.stringify(observationJson(observe(r.scenario)))) as unknown;
      for (const [path, field] of leaves(observation)) if (!seen.has(field)) seen.set(field, { observation, path });
    }
  }
  seen.delete('format');
  return [...seen.entries()];
})();

describe('R18 in the observation format', () => {
  it('finds the fields: the visit, the card, the coverages (記号・番号 too), the documents', () => {
    const fields = FIELDS.map(([f]) => f);
    expect(fields).toEqual(
      expect.arrayContaining(['visitDate', 'coverages[].symbol', 'coverages[].number', 'documents[].kind']),
    );
    expect(fields.length).toBeGreaterThanOrEqual(25);
  });

  it.each(FIELDS)('%s: every spelling refused with the one message, never echoed', (_f, { observation, path }) => {
    for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
      const r = parseObservations(withValueAt(observation, path, spelling));
      expect(r.ok, `${path} ← ${what}`).toBe(false);
      if (r.ok) continue;
      expect(
        r.issues.map((i) => [i.path, i.ja, i.en]),
        `${path} ← ${what}`,
      ).toEqual([[path, MY_NUMBER_REFUSAL.ja, MY_NUMBER_REFUSAL.en]]);
      expect(containsMyNumberLike(JSON.stringify(r)), `${path} ← ${what}`).toBe(false);
    }
  });
});
