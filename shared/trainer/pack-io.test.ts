import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../scenario';
import { exportPackJson, toPackScenario } from './pack-io';

const packs = ['../../packs/default-pack.json', '../../../shared/spec/examples/leaflet-pack.json'];

describe('exportPackJson round-trips through parsePack', () => {
  for (const rel of packs) {
    const url = new URL(rel, import.meta.url);
    let text: string | null = null;
    try {
      text = readFileSync(url, 'utf8');
    } catch {
      text = null;
    }
    it.skipIf(text === null)(`${rel}`, () => {
      const first = parsePack(JSON.parse(text!));
      if (!first.ok) throw new Error(JSON.stringify(first.issues.slice(0, 3)));
      const exported = exportPackJson(first.title ?? '', first.scenarios);
      const second = parsePack(JSON.parse(exported));
      if (!second.ok) throw new Error(JSON.stringify(second.issues.slice(0, 3)));
      expect(second.scenarios).toEqual(first.scenarios);
      expect(second.title).toBe(first.title);
      // and exporting again gives the same text
      expect(exportPackJson(second.title ?? '', second.scenarios)).toBe(exported);
    });
  }

  it('leaves out what the reader fills in by default', () => {
    const r = parsePack({
      format: 'shikaku-pack/1',
      title: 't',
      scenarios: [
        {
          id: 'a',
          visitDate: '令和8年1月15日',
          clinic: { onlineCheck: true },
          patient: { birthDate: 'S60.4.1', coverages: [{ insurer: 'kyokai', acquiredOn: '2010-04-01' }], myna: null },
          presented: [{ kind: 'oshirase' }],
        },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(toPackScenario(r.scenarios[0]!)).toEqual({
      id: 'a',
      visitDate: '2026-01-15',
      visitType: 'first',
      clinic: { onlineCheck: true },
      patient: { birthDate: '1985-04-01', coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2010-04-01' }], myna: null },
      presented: [{ kind: 'oshirase', coverage: 'c1' }],
    });
  });
});
