// The app's 「連携フォルダ」 setting on the backend the shells run (createApi with oqsFolder, as
// host/worker.ts starts it): requests in DIR/req are answered into DIR/res while the setting names
// the folder, each マイナ保険証 check at the desk leaves one result in DIR/face, and with the
// setting empty nothing is answered or written.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/kernel';
import { createApi, type ApiInstance } from '../api';
import { printedIdentifiers } from '../onshi/document';
import { readResultFile } from '../onshi/read';
import { tempDir } from '../testing/temp-dir';
import type { OqsEvent } from './watcher';
import { faceName } from './folder';
import { requestXml } from './testing';

const apis: ApiInstance[] = [];
afterEach(() => {
  for (const a of apis.splice(0)) a.close();
});

async function start(dataDir: string, events: OqsEvent[] = []) {
  const api = await createApi({ dataDir, shell: 'browser', bundledPacks: [], oqsFolder: (e) => events.push(e) });
  apis.push(api);
  return async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const r = await api.call(name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.en), r.error);
    return r.value as CallOutput<K>;
  };
}
type Call = Awaited<ReturnType<typeof start>>;

/** A request for the first demo patient (as clinic software would write it) on 2026-01-15. */
async function requestFor(call: Call) {
  const found = await call('registry.search', { query: '', limit: 1 });
  const person = await call('registry.get', { id: found[0]!.id });
  const ids = printedIdentifiers(person.coverages[0]!, 0);
  return requestXml({
    date: '20260115',
    insurerNumber: ids.insurerNumber,
    symbol: ids.symbol ?? null,
    number: ids.number,
    branch: ids.branch ?? null,
    birthDate: person.birthDate.replaceAll('-', ''),
    arbitraryFileIdentifier: 'app-0001',
  });
}

const deskCheck = (call: Call, presented: CallInput<'desk.decide'>['presented']) =>
  call('desk.decide', {
    patient: {
      walkIn: {
        birthDate: '1981-05-10',
        insurer: 'kyokai',
        // a walk-in's 保険証 is taken as printed: this one prints no expiry
        ...(presented.includes('legacy-card') ? { documents: { 'legacy-card': { printedExpiry: null } } } : {}),
      },
    },
    presented,
    visitDate: '2026-01-20',
    clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
    visitType: 'first',
    needsLimit: false,
  });

const waitForFile = (path: string) => expect.poll(() => existsSync(path), { timeout: 10_000, interval: 20 }).toBe(true);

describe('the 連携フォルダ setting', () => {
  it('refuses a folder that does not exist or a relative path, naming it; nothing is stored', async () => {
    const call = await start(tempDir());
    const missing = join(tempDir(), 'no-such-folder');
    await expect(call('settings.update', { oqsFolder: missing })).rejects.toMatchObject({
      code: 'oqs-folder',
      ja: `連携フォルダが見つかりません: ${missing}`,
    });
    await expect(call('settings.update', { oqsFolder: 'renkei' })).rejects.toMatchObject({
      code: 'oqs-folder',
      ja: expect.stringContaining('絶対パス'),
    });
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await expect(call('settings.update', { oqsFolder: file })).rejects.toMatchObject({ code: 'oqs-folder' });
    expect((await call('settings.get', {})).oqsFolder).toBe('');
  });

  it('on: a request dropped in req/ is answered into res/, also after a restart; a card check writes face/', async () => {
    const dataDir = tempDir();
    const dir = tempDir('shikaku-renkei-');
    const events: OqsEvent[] = [];
    const call = await start(dataDir, events);
    expect((await call('settings.update', { oqsFolder: dir })).oqsFolder).toBe(dir);
    const request = await requestFor(call);
    writeFileSync(join(dir, 'req', 'OQSsiquc01req_a.xml'), request);
    await waitForFile(join(dir, 'res', 'OQSsiquc01res_a.xml'));
    const answered = readResultFile(readFileSync(join(dir, 'res', 'OQSsiquc01res_a.xml')), 'a');
    expect(answered).toMatchObject({ route: 'number', visitDate: '2026-01-15', numberResult: 'valid' });
    expect(readFileSync(join(dir, 'res', 'OQSsiquc01res_a.xml'), 'utf8')).toContain(
      '<ArbitraryFileIdentifier>app-0001</ArbitraryFileIdentifier>',
    );

    // a マイナ保険証 check: one result in face/, named by the check's number and when it was answered
    const checked = await deskCheck(call, ['myna-card']);
    expect(checked.online.route).toBe('card');
    const faces = readdirSync(join(dir, 'face'));
    expect(faces).toHaveLength(1);
    const stamp = checked.online.result!.XmlMsg.MessageHeader.ProcessExecutionTime;
    expect(faces[0]).toBe(faceName(checked.historyId, stamp));
    expect(faces[0]).toMatch(/^OQSsiquc01res_face_\d+_\d{14}\.xml$/);
    const face = readResultFile(readFileSync(join(dir, 'face', faces[0]!)), faces[0]!);
    expect(face).toMatchObject({ route: 'card', visitDate: '2026-01-20', cardResult: 'valid' });
    // a check without the card (a number query at the desk) writes nothing into face/
    expect((await deskCheck(call, ['legacy-card'])).online.route).not.toBe('card');
    expect(readdirSync(join(dir, 'face'))).toHaveLength(1);

    // the app starts again with the setting on: the folder is served at once
    apis.splice(0).forEach((a) => a.close());
    await start(dataDir, events);
    writeFileSync(join(dir, 'req', 'OQSsiquc01req_b.xml'), request);
    await waitForFile(join(dir, 'res', 'OQSsiquc01res_b.xml'));
    expect(readdirSync(join(dir, 'req')).filter((n) => n.endsWith('.xml'))).toEqual([]);
    expect(events.filter((e) => e.kind !== 'answered')).toEqual([]);
  });

  it('off: nothing is answered and nothing is written', async () => {
    const dir = tempDir('shikaku-renkei-');
    const call = await start(tempDir());
    await call('settings.update', { oqsFolder: dir });
    const other = tempDir('shikaku-renkei-');
    await call('settings.update', { oqsFolder: other }); // moved: the first folder is no longer served
    expect((await call('settings.update', { oqsFolder: '' })).oqsFolder).toBe('');
    const request = await requestFor(call);
    for (const d of [dir, other]) writeFileSync(join(d, 'req', 'OQSsiquc01req_off.xml'), request);
    await deskCheck(call, ['myna-card']);
    // longer than the watcher's scan interval (1 s): a running watcher would have answered by now
    await new Promise((r) => setTimeout(r, 1500));
    for (const d of [dir, other]) {
      expect(readdirSync(join(d, 'res'))).toEqual([]);
      expect(existsSync(join(d, 'req', 'OQSsiquc01req_off.xml'))).toBe(true);
      expect(existsSync(join(d, 'face'))).toBe(false);
    }
  });
});
