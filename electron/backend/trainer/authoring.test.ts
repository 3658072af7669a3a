// Authoring: create, edit, duplicate, reorder, delete; the same validation as an import; the desk
// case saved as a scenario.
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario';
import { dumpDatabase, openTrainer, scenarioJson } from './testing';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

async function setup() {
  const t = await openTrainer();
  closers.push(t.close);
  const pack = t.trainer.packs.create('自作パック');
  return { ...t, packId: pack.id };
}

const order = (t: Awaited<ReturnType<typeof setup>>) =>
  t.trainer.packs.get(t.packId).scenarios.map((s) => s.scenarioId);

describe('authoring', () => {
  it('create, edit (even the id), duplicate next to the original, reorder, delete', async () => {
    const t = await setup();
    const { packs } = t.trainer;
    for (const id of ['a', 'b', 'c']) expect(packs.saveScenario(t.packId, scenarioJson(id)).issues).toEqual([]);
    expect(order(t)).toEqual(['a', 'b', 'c']);

    const edited = packs.saveScenario(t.packId, scenarioJson('b2', { title: '書き直した例題', presented: [] }), 'b');
    expect(edited.row).toMatchObject({
      scenarioId: 'b2',
      position: 1,
      title: '書き直した例題',
      verdict: 'self-pay',
      expectedMatches: false,
    });
    expect(order(t)).toEqual(['a', 'b2', 'c']);

    const copy = packs.duplicate(t.packId, 'a');
    expect(copy).toMatchObject({ scenarioId: 'a-copy', title: '例題 a (コピー)', position: 1 });
    expect(packs.duplicate(t.packId, 'a').scenarioId).toBe('a-copy-2');
    expect(order(t)).toEqual(['a', 'a-copy-2', 'a-copy', 'b2', 'c']);

    expect(packs.move(t.packId, 'c', 0).scenarios.map((s) => s.scenarioId)).toEqual([
      'c',
      'a',
      'a-copy-2',
      'a-copy',
      'b2',
    ]);
    expect(packs.move(t.packId, 'c', 99).scenarios.map((s) => [s.scenarioId, s.position])).toEqual([
      ['a', 0],
      ['a-copy-2', 1],
      ['a-copy', 2],
      ['b2', 3],
      ['c', 4],
    ]);
    expect(packs.deleteScenario(t.packId, 'a-copy-2')).toBe(true);
    expect(packs.get(t.packId).scenarios.map((s) => s.position)).toEqual([0, 1, 2, 3]);
    expect(packs.summary(t.packId).scenarioCount).toBe(4);
  });

  it('an invalid scenario lists its problems and changes nothing', async () => {
    const t = await setup();
    t.trainer.packs.saveScenario(t.packId, scenarioJson('a'));
    const before = dumpDatabase(t.db);
    const bad = t.trainer.packs.saveScenario(
      t.packId,
      scenarioJson('Bad Id', { visitDate: '平成31年5月1日', presented: [{ kind: 'fax' }] }),
    );
    expect(bad.row).toBeNull();
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['id', 'presented[0].kind', 'visitDate']);
    const dup = t.trainer.packs.saveScenario(t.packId, scenarioJson('a'));
    expect(dup.issues).toEqual([
      expect.objectContaining({ path: 'id', ja: 'このパックには同じ id のシナリオがすでにあります: a' }),
    ]);
    const my = t.trainer.packs.saveScenario(t.packId, scenarioJson('z', { story: '番号 123456789012' }));
    expect(my.issues).toEqual([expect.objectContaining({ path: 'story' })]);
    expect(JSON.stringify(my)).not.toContain('123456789012');
    expect(dumpDatabase(t.db)).toBe(before);
  });

  it('what is stored reads back as the same scenario (和暦 input is kept as its ISO date)', async () => {
    const t = await setup();
    t.trainer.packs.saveScenario(t.packId, scenarioJson('w', { visitDate: '令和8年1月15日' }));
    const json = t.trainer.packs.scenarioJson(t.packId, 'w');
    expect(json.visitDate).toBe('2026-01-15');
    const direct = parseScenario(scenarioJson('w', { visitDate: '2026-01-15' }), { inPack: true });
    expect(t.trainer.packs.scenarios(t.packId)).toEqual([direct.ok && direct.scenario]);
  });

  it('saves a desk case (the desk scenario, with a new id, title and story), into a new pack if asked', async () => {
    const t = await setup();
    const desk = parseScenario(scenarioJson('desk-abc', { title: undefined, story: undefined, expected: undefined }), {
      inPack: true,
    });
    if (!desk.ok) throw new Error('fixture');
    const out = t.trainer.saveDeskCase({
      packId: null,
      newPackTitle: '窓口の事例',
      scenario: desk.scenario,
      id: 'desk-case-1',
      title: '窓口で迷った例',
      story: '患者さんが…',
    });
    expect(out.issues).toEqual([]);
    expect(out.row).toMatchObject({
      scenarioId: 'desk-case-1',
      title: '窓口で迷った例',
      verdict: 'insured',
      expectedMatches: null,
    });
    expect(t.trainer.packs.summary(out.packId!)).toMatchObject({
      title: '窓口の事例',
      source: 'authored',
      scenarioCount: 1,
    });
    // a bad id: nothing is created, not even the new pack
    const before = dumpDatabase(t.db);
    const bad = t.trainer.saveDeskCase({
      packId: null,
      newPackTitle: 'もう一つ',
      scenario: desk.scenario,
      id: 'Not Valid',
      title: 'x',
    });
    expect(bad.row).toBeNull();
    expect(bad.issues[0]).toMatchObject({ path: 'id' });
    expect(dumpDatabase(t.db)).toBe(before);
  });
});
