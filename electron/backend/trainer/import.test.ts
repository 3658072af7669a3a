// Pack import: every bad input of issue 5 item 6 gives a clear error that names the scenario and
// the field, never echoes a 12-digit number, and leaves the database byte-for-byte as it was
// (compared as a full dump of every table).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePack } from '../../../shared/scenario';
import { MAX_PACK_BYTES } from '../../../shared/trainer/contract';
import { dbPathOf } from '../db/data-dir';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-dir';
import type { ImportOutcome } from '../../../shared/trainer/contract';
import { preparePack } from './pack-file';
import { dumpDatabase, openTrainer, packJson, scenarioJson } from './testing';
import type { BundledPack } from './index';

const bundled = (file: string): BundledPack => ({
  file,
  pack: JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')),
});
const BUNDLED = [
  'packs/default-pack.json',
  'packs/desk-mix-pack.json',
  'packs/v2-rules-pack.json',
  'packs/v2-boundaries-pack.json',
];
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

async function withBaseline() {
  const t = await openTrainer({ bundledPacks: [bundled('packs/default-pack.json')] });
  closers.push(t.close);
  t.trainer.loadBundledPacks();
  // some trainee history too, so "unchanged" covers every table
  const packId = t.trainer.packs.list()[0]!.id;
  const st = t.trainer.sessions.start({ traineeName: '研修 太郎', packId, mode: 'practice', count: 2 });
  t.trainer.sessions.answer(
    st.session.id,
    1,
    { verdict: 'insured', copayPercent: 30, elderlyCardNeeded: false, documentsNeeded: [] },
    5000,
  );
  return { ...t, before: dumpDatabase(t.db) };
}

function expectRefused(out: ImportOutcome, db: Parameters<typeof dumpDatabase>[0], before: string) {
  expect(out.pack).toBeNull();
  expect(out.issues.length).toBeGreaterThan(0);
  expect(dumpDatabase(db)).toBe(before);
  for (const i of out.issues) {
    expect(i.ja).not.toBe('');
    expect(i.en).not.toBe('');
    expect(JSON.stringify(i)).not.toMatch(/\d{12}/);
  }
}

describe('pack import: bad input → clear error, nothing imported, database unchanged', () => {
  it('malformed JSON: says where (line and column)', async () => {
    const { trainer, db, before } = await withBaseline();
    const text = '{\n  "format": "shikaku-pack/1",\n  "title": "壊れたパック",\n  "scenarios": [ { "id": "a", } ]\n}\n';
    const out = await trainer.importText(text, 'broken.json');
    expectRefused(out, db, before);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]!.ja).toMatch(/^JSON として読めません \(4行 \d+列/);
    expect(out.issues[0]!.en).toMatch(/line 4, column \d+/);
  });

  it('empty file and a JSON value that is not an object', async () => {
    const { trainer, db, before } = await withBaseline();
    expectRefused(await trainer.importText('', 'empty.json'), db, before);
    expectRefused(await trainer.importText('[1,2]', 'array.json'), db, before);
  });

  it('a wrong format version names the version this app reads', async () => {
    const { trainer, db, before } = await withBaseline();
    const out = await trainer.importText(
      JSON.stringify({ ...packJson([scenarioJson('a')]), format: 'shikaku-pack/2' }),
      'v2.json',
    );
    expectRefused(out, db, before);
    expect(out.issues[0]).toMatchObject({ path: 'format', scenarioId: null });
    expect(out.issues[0]!.ja).toContain('"shikaku-pack/2"');
    expect(out.issues[0]!.ja).toContain('"shikaku-pack/1"');
    // a single scenario file is pointed out as such
    const single = await trainer.importText(
      JSON.stringify({ format: 'shikaku-scenario/1', ...scenarioJson('b') }),
      'one.json',
    );
    expectRefused(single, db, before);
    expect(single.issues[0]!.ja).toContain('1件のシナリオ');
  });

  it('an unknown document kind names the scenario and the field', async () => {
    const { trainer, db, before } = await withBaseline();
    const out = await trainer.importText(
      JSON.stringify(
        packJson([
          scenarioJson('ok-1'),
          scenarioJson('bad-kind', { presented: [{ kind: 'myna-card' }, { kind: 'passport' }] }),
        ]),
      ),
      'kind.json',
    );
    expectRefused(out, db, before);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ scenarioId: 'bad-kind', path: 'scenarios[1].presented[1].kind' });
    expect(out.issues[0]!.ja).toContain('未知の書類の種類');
  });

  it('a 12-digit number anywhere is refused and never echoed', async () => {
    const { trainer, db, before } = await withBaseline();
    const my = '123456789012';
    const text = JSON.stringify(
      packJson([
        scenarioJson('num-insurer', {
          patient: {
            ...(scenarioJson('x').patient as object),
            coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: my }],
          },
        }),
        scenarioJson('num-symbol', {
          patient: {
            ...(scenarioJson('x').patient as object),
            coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', symbol: my }],
          },
        }),
        scenarioJson('num-story', { story: `個人番号 ${my.slice(0, 4)} ${my.slice(4, 8)} ${my.slice(8)} を控えた` }),
        scenarioJson('fine'),
      ]),
    );
    const out = await trainer.importText(text, 'mynumber.json');
    expectRefused(out, db, before);
    expect(out.issues.map((i) => [i.scenarioId, i.path])).toEqual([
      ['num-insurer', 'scenarios[0].patient.coverages[0].insurerNumber'],
      ['num-symbol', 'scenarios[1].patient.coverages[0].symbol'],
      ['num-story', 'scenarios[2].story'],
    ]);
    expect(JSON.stringify(out)).not.toContain(my);
    expect(out.issues[0]!.ja).toContain('個人番号');
  });

  it('a 50 MB file is refused before it is parsed (from disk, at upload start, and by counting chunks)', async () => {
    const { trainer, db, before } = await withBaseline();
    const dir = tempDir();
    const big = path.join(dir, 'big.json');
    const fd = fs.openSync(big, 'w');
    // valid-looking JSON start, then 50 MB of padding: a parse would fail differently (and slowly)
    fs.writeSync(fd, '{"format":"shikaku-pack/1","title":"big","scenarios":[');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const out = await trainer.importFile(big, 'big.json');
    expectRefused(out, db, before);
    expect(out.issues[0]!.ja).toBe(
      'ファイルが大きすぎます (50.0 MB)。読み込めるパックは 20.0 MB までです。パックを分けてください',
    );
    expect(out.issues[0]!.en).toContain('too large (50.0 MB)');

    expect(() => trainer.uploads.begin('big.json', 50 * 1024 * 1024)).toThrowError(AppError);
    try {
      trainer.uploads.begin('big.json', 50 * 1024 * 1024);
    } catch (e) {
      expect((e as AppError).ja).toContain('50.0 MB');
    }
    // a client that under-declares the size is stopped once the chunks pass the limit
    const { uploadId, chunkChars } = trainer.uploads.begin('liar.json', 10);
    const chunk = 'x'.repeat(chunkChars);
    let refusedAt = -1;
    for (let i = 0; i < 400; i += 1) {
      try {
        trainer.uploads.chunk(uploadId, i, chunk);
      } catch (e) {
        expect((e as AppError).ja).toContain('ファイルが大きすぎます');
        refusedAt = i;
        break;
      }
    }
    expect(refusedAt).toBe(Math.floor(MAX_PACK_BYTES / chunkChars));
    expect(() => trainer.importUpload(uploadId)).toThrowError(/no such upload/);
    expect(dumpDatabase(db)).toBe(before);
  });

  it('duplicate scenario ids name both places', async () => {
    const { trainer, db, before } = await withBaseline();
    const out = await trainer.importText(
      JSON.stringify(packJson([scenarioJson('same'), scenarioJson('other'), scenarioJson('same')])),
      'dup.json',
    );
    expectRefused(out, db, before);
    expect(out.issues).toEqual([
      expect.objectContaining({
        scenarioId: 'same',
        path: 'scenarios[2].id',
        ja: '例題の ID が重複しています (1件目の例題と同じ)',
      }),
    ]);
  });

  it('lists every bad scenario, in file order, and imports none of the good ones', async () => {
    const { trainer, db, before } = await withBaseline();
    const out = await trainer.importText(
      JSON.stringify(
        packJson([
          scenarioJson('good-1'),
          scenarioJson('bad-date', { visitDate: '令和元年4月30日' }),
          scenarioJson('good-2'),
          scenarioJson('bad-field', { colour: 'blue' }),
          scenarioJson('bad-check-digit', {
            patient: {
              ...(scenarioJson('x').patient as object),
              coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', insurerNumber: '88134458' }],
            },
          }),
        ]),
      ),
      'many.json',
    );
    expectRefused(out, db, before);
    expect(out.issues.map((i) => `${i.scenarioId} ${i.path}`)).toEqual([
      'bad-date scenarios[1].visitDate',
      'bad-field scenarios[3]',
      'bad-check-digit scenarios[4].patient.coverages[0].insurerNumber',
    ]);
  });

  it('a good pack imports in one go, and exports back to shikaku-pack/1 that reads the same', async () => {
    const { trainer } = await withBaseline();
    const text = fs.readFileSync('packs/default-pack.json', 'utf8');
    const out = await trainer.importText(text, 'default-pack.json');
    expect(out.issues).toEqual([]);
    const original = parsePack(JSON.parse(text));
    if (!original.ok) throw new Error('default pack does not validate');
    expect(out.pack).toMatchObject({
      source: 'import',
      fileName: 'default-pack.json',
      scenarioCount: original.scenarios.length,
      mismatchCount: 0,
    });
    const exported = trainer.packs.exportJson(out.pack!.id);
    const again = parsePack(JSON.parse(exported.json));
    if (!again.ok) throw new Error(JSON.stringify(again.issues.slice(0, 2)));
    expect(again.scenarios).toEqual(original.scenarios);
    expect(again.title).toBe(original.title);
  });

  it('with a UTF-8 BOM, through chunks', async () => {
    const { trainer } = await withBaseline();
    const text = `\uFEFF${JSON.stringify(packJson([scenarioJson('bom-1'), scenarioJson('bom-2')]))}`;
    const { uploadId } = trainer.uploads.begin('bom.json', Buffer.byteLength(text));
    trainer.uploads.chunk(uploadId, 0, text.slice(0, 50));
    trainer.uploads.chunk(uploadId, 1, text.slice(50));
    const out = await trainer.importUpload(uploadId);
    expect(out.issues).toEqual([]);
    expect(out.pack?.scenarioCount).toBe(2);
  });

  it('reports scenarios whose expected disagrees with the engine (imported, flagged)', async () => {
    const { trainer } = await withBaseline();
    const out = await trainer.importText(
      JSON.stringify(
        packJson([
          scenarioJson('agree'),
          scenarioJson('disagree', { expected: { verdict: 'self-pay' }, visitType: 'return' }),
        ]),
      ),
      'x.json',
    );
    expect(out.pack?.mismatchCount).toBe(1);
    const detail = trainer.packs.get(out.pack!.id);
    // each row also carries its visit type, for the pack's mix (初診・再診)
    expect(detail.scenarios.map((s) => [s.scenarioId, s.expectedMatches, s.mismatches, s.visitType])).toEqual([
      ['agree', true, [], 'first'],
      ['disagree', false, ['verdict'], 'return'],
    ]);
  });
});

describe('the bundled packs', () => {
  it('every pack in packs/ is bundled, and a fresh database gets them all on the first start, once', async () => {
    expect(
      fs
        .readdirSync('packs')
        .filter((f) => f.endsWith('.json'))
        .map((f) => `packs/${f}`)
        .sort(),
    ).toEqual([...BUNDLED].sort());
    const t = await openTrainer({ bundledPacks: BUNDLED.map(bundled) });
    closers.push(t.close);
    const first = t.trainer.loadBundledPacks();
    expect(first.map((p) => [p.fileName, p.source])).toEqual(BUNDLED.map((f) => [f, 'bundled']));
    const v2 = first.find((p) => p.fileName === 'packs/v2-rules-pack.json')!;
    expect(v2.scenarioCount).toBe(96);
    expect(v2.mismatchCount).toBe(0);
    expect(t.trainer.loadBundledPacks()).toEqual([]);
    expect(t.trainer.packs.list()).toHaveLength(4);
  });

  it('an existing database (default pack only) gets the missing packs once; deleted or edited packs are left alone', async () => {
    // a database of the previous version: the default pack loaded under the old key
    const old = await openTrainer({ bundledPacks: [bundled('packs/default-pack.json')] });
    const [def] = old.trainer.loadBundledPacks();
    expect(old.db.prepare("SELECT key FROM app_meta WHERE key LIKE 'trainer.bundled-pack%'").all()).toHaveLength(1);
    old.db.prepare("UPDATE app_meta SET key = 'trainer.bundled-pack' WHERE key LIKE 'trainer.bundled-pack%'").run();
    // the trainer renamed the default pack and deleted one of its scenarios
    old.trainer.packs.rename(def!.id, '当院の標準パック');
    const firstId = old.trainer.packs.get(def!.id).scenarios[0]!.scenarioId;
    old.trainer.packs.deleteScenario(def!.id, firstId);
    old.close();

    const t = await openTrainer({ bundledPacks: BUNDLED.map(bundled), dataDir: old.dataDir });
    const added = t.trainer.loadBundledPacks();
    expect(added.map((p) => p.fileName)).toEqual(BUNDLED.slice(1));
    const edited = t.trainer.packs.summary(def!.id);
    expect(edited.title).toBe('当院の標準パック');
    expect(edited.scenarioCount).toBe(def!.scenarioCount - 1);
    // a deleted bundled pack does not come back on the next start
    t.trainer.packs.delete(added[0]!.id);
    t.close();
    const again = await openTrainer({ bundledPacks: BUNDLED.map(bundled), dataDir: old.dataDir });
    closers.push(again.close);
    expect(again.trainer.loadBundledPacks()).toEqual([]);
    expect(again.trainer.packs.list().map((p) => p.fileName)).toEqual([
      'packs/default-pack.json',
      'packs/v2-rules-pack.json',
      'packs/v2-boundaries-pack.json',
    ]);
  });

  it('a pack the trainer already imported by hand is not imported a second time', async () => {
    const t = await openTrainer({ bundledPacks: [bundled('packs/v2-rules-pack.json')] });
    closers.push(t.close);
    const mine = await t.trainer.importText(fs.readFileSync('packs/v2-rules-pack.json', 'utf8'), 'v2-rules-pack.json');
    expect(t.trainer.loadBundledPacks()).toEqual([]);
    expect(t.trainer.packs.list().map((p) => [p.id, p.source])).toEqual([[mine.pack!.id, 'import']]);
  });

  it('a bundled pack that does not validate is reported and not loaded (and tried again next start); the others load', async () => {
    const lines: string[] = [];
    const t = await openTrainer({
      bundledPacks: [
        { file: 'packs/bad.json', pack: packJson([scenarioJson('a'), scenarioJson('a')]) },
        { file: 'packs/good.json', pack: packJson([scenarioJson('a')], '良いパック') },
      ],
      log: (l) => lines.push(l),
    });
    closers.push(t.close);
    expect(t.trainer.loadBundledPacks().map((p) => p.title)).toEqual(['良いパック']);
    expect(lines[0]).toContain('duplicate scenario id');
    expect(lines[0]).toContain('packs/bad.json');
    expect(t.db.prepare("SELECT key FROM app_meta WHERE key LIKE 'trainer.bundled-pack%' ORDER BY key").all()).toEqual([
      { key: 'trainer.bundled-pack:packs/good.json' },
    ]);
  });
});

describe('a large import is written in turns, all or nothing', () => {
  const rowsOf = (n: number) => {
    const p = preparePack(JSON.stringify(packJson(Array.from({ length: n }, (_, i) => scenarioJson(`s-${i}`)))));
    if (!p.ok) throw new Error(JSON.stringify(p.issues[0]));
    return p.rows;
  };

  it('other work runs between its transactions, and the pack appears only at the end, whole', async () => {
    const { trainer, db } = await withBaseline();
    const packs = trainer.packs.list();
    const importing = trainer.packs.importInTurns('段階', rowsOf(1_600), 'import', 'big.json');
    let turns = 0;
    let done = false;
    void importing.then(() => (done = true));
    while (!done) {
      // what every other call sees meanwhile: the packs as they were
      expect(trainer.packs.list()).toEqual(packs);
      turns += 1;
      await new Promise((r) => setImmediate(r));
    }
    expect(turns).toBeGreaterThan(3);
    const pack = await importing;
    expect(pack.scenarioCount).toBe(1_600);
    expect(trainer.packs.get(pack.id).scenarios.map((s) => s.position)).toEqual([...Array(1_600).keys()]);
    expect(db.prepare('SELECT count(*) AS n FROM trainer_import').get()).toEqual({ n: 0 });
  });

  it('a pack still being imported cannot be read, changed or deleted by id', async () => {
    const { trainer } = await withBaseline();
    const importing = trainer.packs.importInTurns('段階', rowsOf(1_200), 'import', 'big.json');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const id = Math.max(...trainer.packs.list().map((p) => p.id)) + 1;
    expect(() => trainer.packs.get(id)).toThrowError(AppError);
    expect(() => trainer.packs.scenariosById(id, ['s-0'])).toThrowError(AppError);
    expect(() => trainer.packs.duplicate(id, 's-0')).toThrowError(AppError);
    expect(() => trainer.packs.move(id, 's-0', 3)).toThrowError(AppError);
    expect(trainer.packs.delete(id)).toBe(false);
    expect((await importing).id).toBe(id);
  });

  it('a failure half-way (a full disk) leaves the database as it was', async () => {
    const { trainer, db, before } = await withBaseline();
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 40}`);
    const err = await trainer.packs
      .importInTurns('満杯', rowsOf(3_000), 'import', 'full.json')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('disk-full');
    expect(dumpDatabase(db)).toBe(before);
  });

  it('an import the app could not finish (it stopped) is deleted on the next start', async () => {
    const t = await openTrainer({});
    t.trainer.packs.importInTurns('途中', rowsOf(1_200), 'import', 'cut.json').catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    t.close(); // the app stops half-way: later turns fail on the closed database
    const half = new Database(dbPathOf(t.dataDir));
    expect(half.prepare('SELECT count(*) AS n FROM trainer_import').get()).toEqual({ n: 1 });
    expect((half.prepare('SELECT count(*) AS n FROM trainer_pack_scenario').get() as { n: number }).n).toBeGreaterThan(
      0,
    );
    half.close();
    const again = await openTrainer({ dataDir: t.dataDir });
    closers.push(again.close);
    expect(again.trainer.packs.list()).toEqual([]);
    expect(again.db.prepare('SELECT count(*) AS n FROM trainer_pack_scenario').get()).toEqual({ n: 0 });
    expect(again.db.prepare('SELECT count(*) AS n FROM trainer_pack').get()).toEqual({ n: 0 });
  });
});
