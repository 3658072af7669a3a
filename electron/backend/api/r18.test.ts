// R18 everywhere (issue 11): every spelling of a My Number × every text field of every call of
// the contract — and of the scenarios they carry — is refused with the one message, naming the
// call and the field, never the value. Imported packs are refused whole. Afterwards nothing of it
// is anywhere: not in the database file, the CSV and pack exports, or the logs.
import { pathJa } from '../../../shared/field-names';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultPack from '../../../packs/default-pack.json';
import { CONTRACT } from '../../../shared/contract';
import { CALL_NAMES } from '../../../shared/contract/kernel';
import { MY_NUMBER_REFUSAL } from '../../../shared/identifiers';
import { MY_NUMBER_SPELLINGS } from '../../../shared/testing/my-number-spellings';
import { type ApiInstance, createApi } from './index';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const SCENARIO = (defaultPack as unknown as { scenarios: Json[] }).scenarios.find((s) =>
  JSON.stringify(s).includes('"story"'),
)!;

/**
 * Sample requests that hold a text in every string field a call's schema has (one sample per
 * option of a union); `z.unknown()` fields (scenarios) get a scenario of the bundled pack.
 */
function samples(schema: z.ZodType): Json[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (k: string) => samples(def[k] as z.ZodType);
  switch (def.type) {
    case 'string':
      return ['x'];
    case 'number':
      return [1];
    case 'boolean':
      return [true];
    case 'enum':
      return [Object.values(def.entries as Record<string, string>)[0]!];
    case 'literal':
      return [(def.values as Json[])[0]!];
    case 'unknown':
      return [SCENARIO];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'array':
      return inner('element').map((e) => [e]);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => samples(o));
    case 'object': {
      let out: Array<Record<string, Json>> = [{}];
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const vs = samples(v);
        out = out.flatMap((o) => vs.map((x) => ({ ...o, [k]: x })));
        if (out.length > 50) out = out.slice(0, 50);
      }
      return out;
    }
    default:
      return [];
  }
}

function stringPaths(v: Json, at = '', out: string[] = []): string[] {
  if (typeof v === 'string') out.push(at);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, `${at}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) stringPaths(x, at ? `${at}.${k}` : k, out);
  return out;
}

function setAt(v: Json, at: string, value: string): Json {
  const copy = structuredClone(v);
  const keys = [...at.matchAll(/[^.[\]]+/g)].map((m) => m[0]);
  let node = copy as Record<string, Json>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, Json>;
  node[keys.at(-1)!] = value;
  return copy;
}

/** Every (call, request, text field) of the contract, each field once. */
const FIELDS = CALL_NAMES.flatMap((name) => {
  const def = CONTRACT[name] as { input: z.ZodType; r18Later?: readonly string[] };
  const seen = new Set<string>();
  return samples(def.input).flatMap((payload) =>
    stringPaths(payload)
      .filter((p) => !(def.r18Later ?? []).includes(p))
      .filter((p) => {
        const field = p.replace(/\[\d+\]/g, '[]');
        return seen.has(field) ? false : (seen.add(field), true);
      })
      .map((p) => ({ name, payload, path: p })),
  );
});

let api: ApiInstance;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shikaku-r18-'));
  api = await createApi({ dataDir: dir, shell: 'browser' });
});
afterAll(() => {
  api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The digits of the spellings' number, and each spelling as written: none may appear anywhere. */
const NEEDLES = ['123456789012', ...MY_NUMBER_SPELLINGS.map(([, s]) => s)];
const leaks = (text: string) => NEEDLES.filter((n) => n.length >= 8 && text.includes(n));

describe('R18 in every call of the API', () => {
  it('finds the text fields of every call (names, notes, insurer names, 記号・番号, clinic, operator, trainees, titles, scenarios …)', () => {
    const fields = new Set(FIELDS.map((f) => `${f.name} ${f.path.replace(/\[\d+\]/g, '[]')}`));
    for (const f of [
      'registry.save name',
      'registry.save note',
      'registry.save coverages[].insurerName',
      'registry.save coverages[].symbol',
      'registry.search query',
      'registry.get id',
      'desk.decide operator',
      'settings.update clinicName',
      'trainer.startSession traineeName',
      'trainer.createPack title',
      'trainer.importBegin fileName',
      'trainer.saveScenario scenario.title',
      'trainer.saveScenario scenario.story',
      'trainer.saveScenario scenario.id',
      'trainer.saveDeskCase story',
    ])
      expect(fields, f).toContain(f);
    expect(fields.size).toBeGreaterThanOrEqual(60);
    expect(new Set(FIELDS.map((f) => f.name)).size).toBeGreaterThanOrEqual(15);
  });

  it(`refuses ${MY_NUMBER_SPELLINGS.length} spellings × every text field with one message, never repeating it`, async () => {
    let refused = 0;
    for (const { name, payload, path: at } of FIELDS) {
      for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
        const r = await api.call(name, setAt(payload, at, `メモ ${spelling}`));
        const where = `${name} ${at} ← ${what}`;
        expect(r.ok, where).toBe(false);
        if (r.ok) continue;
        expect(r.error.code, where).toBe('my-number');
        expect(r.error.ja, where).toBe(`${MY_NUMBER_REFUSAL.ja} (${pathJa(at)})`);
        expect(r.error.en, where).toBe(`${MY_NUMBER_REFUSAL.en} (${name}: ${at})`);
        expect(leaks(JSON.stringify(r)), where).toEqual([]);
        refused += 1;
      }
    }
    expect(refused).toBe(FIELDS.length * MY_NUMBER_SPELLINGS.length);
  });

  it('an imported pack with a My Number anywhere is refused whole, with the same message', async () => {
    const before = (await api.call('trainer.listPacks', {})) as { ok: true; value: unknown[] };
    for (const [what, spelling] of MY_NUMBER_SPELLINGS) {
      const pack = {
        format: 'shikaku-pack/1',
        title: '研修',
        scenarios: [{ ...(SCENARIO as object), story: spelling }],
      };
      const text = JSON.stringify(pack);
      const begin = (await api.call('trainer.importBegin', { fileName: 'p.json', size: Buffer.byteLength(text) })) as {
        ok: true;
        value: { uploadId: string };
      };
      const { uploadId } = begin.value;
      // cut through the number: each chunk alone holds only part of it
      const cut = text.indexOf(spelling) + 3;
      await api.call('trainer.importChunk', { uploadId, index: 0, text: text.slice(0, cut) });
      await api.call('trainer.importChunk', { uploadId, index: 1, text: text.slice(cut) });
      const r = (await api.call('trainer.importFinish', { uploadId })) as {
        ok: true;
        value: { pack: unknown; issues: Array<{ ja: string; path: string }> };
      };
      expect(r.value.pack, what).toBeNull();
      expect(
        r.value.issues.map((i) => i.ja),
        what,
      ).toEqual([MY_NUMBER_REFUSAL.ja]);
      expect(leaks(JSON.stringify(r)), what).toEqual([]);
    }
    expect(((await api.call('trainer.listPacks', {})) as { ok: true; value: unknown[] }).value).toEqual(before.value);
  });

  it('afterwards none of it is in the database file, the CSV and pack exports, or the logs', async () => {
    // ordinary work first, so the files have content to search
    const search = (await api.call('registry.search', { query: 'ア', limit: 1 })) as {
      ok: true;
      value: Array<{ id: string }>;
    };
    const decided = await api.call('desk.decide', {
      patient: { id: search.value[0]!.id },
      presented: ['myna-card'],
      visitDate: '2026-01-20',
      clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
      visitType: 'first',
      needsLimit: false,
      operator: '受付 一郎',
    });
    expect(decided.ok).toBe(true);
    const outputs: string[] = [];
    const csv = (await api.call('history.exportCsv', {})) as { ok: true; value: { csv: string } };
    outputs.push(csv.value.csv);
    const packs = (await api.call('trainer.listPacks', {})) as { ok: true; value: Array<{ id: number }> };
    expect(packs.value.length).toBeGreaterThan(0);
    for (const p of packs.value) {
      const out = (await api.call('trainer.exportPack', { packId: p.id })) as { ok: true; value: { json: string } };
      outputs.push(out.value.json);
    }
    const progress = await api.call('trainer.exportProgressCsv', {});
    outputs.push(JSON.stringify(progress));
    api.close();
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.some((f) => f.endsWith('shikaku.sqlite'))).toBe(true);
    for (const f of files) expect(leaks(fs.readFileSync(f).toString('utf8')), f).toEqual([]);
    for (const o of outputs) expect(leaks(o)).toEqual([]);
    api = await createApi({ dataDir: dir, shell: 'browser' });
  });
});
