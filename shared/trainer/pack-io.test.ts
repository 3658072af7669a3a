import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default-pack.json';
import deskMixPack from '../../packs/desk-mix-pack.json';
import v2BoundariesPack from '../../packs/v2-boundaries-pack.json';
import v2RulesPack from '../../packs/v2-rules-pack.json';
import { parsePack } from '../scenario';
import { exportPackJson, toPackScenario } from './pack-io';

// every bundled pack, version 2's fields included (programmes, 生活保護, 労災, 被扶養者, the clinic's settings)
const packs: [string, unknown][] = [
  ['packs/default-pack.json', defaultPack],
  ['packs/desk-mix-pack.json', deskMixPack],
  ['packs/v2-rules-pack.json', v2RulesPack],
  ['packs/v2-boundaries-pack.json', v2BoundariesPack],
];

describe('exportPackJson round-trips through parsePack', () => {
  for (const [name, json] of packs) {
    it(name, () => {
      const first = parsePack(json);
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
      patient: {
        birthDate: '1985-04-01',
        coverages: [{ id: 'c1', insurer: 'kyokai', acquiredOn: '2010-04-01' }],
        myna: null,
      },
      presented: [{ kind: 'oshirase', coverage: 'c1' }],
    });
  });
});
