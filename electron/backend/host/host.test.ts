// The backend in its worker thread, as both shells run it: the built dist/backend.cjs (npm test
// builds first). Ordering, not wall time: a desk decision is answered while a 20 MB pack import is
// still running (its latency is measured in `npm run bench -- worker`).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/contract/kernel';
import type { ImportOutcome } from '../../../shared/trainer/contract';
import { tempDir } from '../testing/temp-dir';
import { requestXml } from '../oqs/testing';
import { bigPackText } from '../trainer/big-pack';
import { type BackendHost, startBackend } from './client';

const SCRIPT = path.join(__dirname, '../../../dist/backend.cjs');
const DEFAULT_PACK = path.join(__dirname, '../../../packs/default-pack.json');

const hosts: BackendHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});
async function start() {
  const h = await startBackend({ script: SCRIPT, dataDir: tempDir(), shell: 'browser' });
  hosts.push(h);
  return h;
}

const decideWalkIn = (h: BackendHost) =>
  h.call('desk.decide', {
    patient: { walkIn: { birthDate: '1981-05-10', insurer: 'kyokai' } },
    presented: ['myna-card'],
    visitDate: '2026-01-20',
    clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
    visitType: 'first',
    needsLimit: false,
  });

describe('the backend worker', () => {
  it('answers calls by name, parsed by the contract there; errors are values', async () => {
    const h = await start();
    expect(await h.call('app.info', {})).toMatchObject({ ok: true, value: { shell: 'browser' } });
    expect(await decideWalkIn(h)).toMatchObject({ ok: true, value: { decision: { verdict: 'insured' } } });
    expect(await h.call('history.query', { from: 'いつか' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await h.call('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('a data directory that cannot be opened: the start fails with both languages', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const err = await startBackend({ script: SCRIPT, dataDir: file, shell: 'browser' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: expect.any(String), ja: expect.stringContaining(file) });
  });

  it('serves the 連携フォルダ setting: a request in req/ is answered into res/, a card check writes face/', async () => {
    const h = await start();
    const dir = tempDir('shikaku-renkei-');
    expect(await h.call('settings.update', { oqsFolder: dir })).toMatchObject({ ok: true });
    fs.writeFileSync(
      path.join(dir, 'req', 'OQSsiquc01req_w.xml'),
      requestXml({ date: '20260115', insurerNumber: '01130012', number: '9999', birthDate: '19010101' }),
    );
    const result = path.join(dir, 'res', 'OQSsiquc01res_w.xml');
    await expect.poll(() => fs.existsSync(result), { timeout: 10_000, interval: 20 }).toBe(true);
    expect(fs.readFileSync(result, 'utf8')).toContain('<QualificationValidity>4</QualificationValidity>'); // nobody
    expect(await decideWalkIn(h)).toMatchObject({ ok: true, value: { online: { route: 'card' } } });
    expect(fs.readdirSync(path.join(dir, 'face'))).toEqual([
      expect.stringMatching(/^OQSsiquc01res_face_\d+_\d{14}\.xml$/),
    ]);
  });

  it('after close, a call is answered with an error instead of hanging', async () => {
    const h = await startBackend({ script: SCRIPT, dataDir: tempDir(), shell: 'browser' });
    await h.close();
    expect(await h.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'backend-closed' } });
  });

  /** Uploads a pack's text in the chunks the screen sends; returns the upload id. */
  async function upload(h: BackendHost, text: string): Promise<string> {
    const begin = await h.call('trainer.importBegin', { fileName: 'big.json', size: Buffer.byteLength(text) });
    if (!begin.ok) throw new Error(begin.error.en);
    const { uploadId, chunkChars } = begin.value as { uploadId: string; chunkChars: number };
    for (let i = 0, at = 0; at < text.length; i += 1, at += chunkChars) {
      const r = await h.call('trainer.importChunk', { uploadId, index: i, text: text.slice(at, at + chunkChars) });
      expect(r.ok).toBe(true);
    }
    return uploadId;
  }

  /** Starts the import and decides while it runs; the order in which the answers arrived. */
  async function decideDuringImport(h: BackendHost, uploadId: string) {
    const events: string[] = [];
    const finish = h.call('trainer.importFinish', { uploadId }).then((r) => {
      events.push('import finished');
      return r as ApiResult<ImportOutcome>;
    });
    do {
      expect((await decideWalkIn(h)).ok).toBe(true);
      events.push('decided');
    } while (!events.includes('import finished'));
    return { events, outcome: await finish };
  }

  const defaultPack = () => JSON.parse(fs.readFileSync(DEFAULT_PACK, 'utf8')) as Parameters<typeof bigPackText>[0];

  it('while a 20 MB pack import runs, desk.decide is answered before the import completes', async () => {
    const h = await start();
    const { text, scenarios } = bigPackText(defaultPack());
    expect(scenarios).toBeGreaterThan(10_000);
    const { events, outcome } = await decideDuringImport(h, await upload(h, text));
    expect(events[0]).toBe('decided');
    expect(outcome.ok && outcome.value.pack?.scenarioCount).toBe(scenarios);
  });

  it('the check of a 20 MB pack (parse, validation, the engine on every scenario) runs beside the desk', async () => {
    // a pack whose last scenario is wrong: no row is ever stored, so the whole import is the check
    const h = await start();
    const pack = defaultPack();
    const last = { ...pack.scenarios[0]!, visitDate: '2026-02-30' };
    const { text } = bigPackText({ ...pack, scenarios: [...pack.scenarios] });
    const broken = text.replace(/\n\s*\]\s*\}\s*$/, `,\n${JSON.stringify({ ...last, id: 'broken-last' })}\n]}`);
    const { events, outcome } = await decideDuringImport(h, await upload(h, broken));
    expect(events[0]).toBe('decided');
    expect(outcome.ok && outcome.value.issues.map((i) => i.scenarioId)).toEqual(['broken-last']);
  });
});
