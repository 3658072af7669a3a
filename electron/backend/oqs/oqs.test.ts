import type { Database } from 'better-sqlite3';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../shared/dates';
import { observe } from '../../../shared/engine';
import type { Patient } from '../../../shared/contract';
import { patientInput } from '../../../shared/contract/patient';
import { containsMyNumberLike } from '../../../shared/identifiers';
import type { ObservedDocument } from '../../../shared/observation';
import { openDatabase } from '../db/open';
import { buildScenario } from '../desk/build-scenario';
import { printedIdentifiers, QUALIFICATION_VALIDITY } from '../onshi/document';
import { fromXml } from '../onshi/xml';
import { demoPatients } from '../registry/demo/cases';
import { seedDemo } from '../registry/demo/seed';
import { RegistryRepository } from '../registry/repository';
import { tempDir } from '../testing/temp-dir';
import { oqsPaths } from './folder';
import { startOqsService } from './service';
import { readXmlFiles, requestXml, TEST_INSTITUTION_CODE } from './testing';
import type { OqsEvent, OqsWatcher } from './watcher';

const ymd = (d: IsoDate) => d.replaceAll('-', '');

let db: Database;
let registry: RegistryRepository;
let root: string;
let events: OqsEvent[];
let watcher: OqsWatcher | null;

beforeEach(async () => {
  db = (await openDatabase({ dataDir: tempDir() })).db;
  seedDemo(db);
  registry = new RegistryRepository(db);
  root = tempDir('shikaku-oqs-');
  events = [];
  watcher = null;
});
afterEach(async () => {
  await watcher?.stop();
  db.close();
});

function start(settleMs = 300): OqsWatcher {
  watcher = startOqsService(db, { root, pollMs: 100, settleMs, onEvent: (e) => events.push(e) });
  return watcher;
}

const paths = () => oqsPaths(root);
const people = (): Patient[] => registry.search('', { limit: 1000 }).items.map((p) => registry.get(p.id)!);

/**
 * The test's own oracle: what `decide` sees for a number query on coverage `c` of `p` on day D —
 * the desk hands over a document of that coverage the person holds (buildScenario), and the
 * observation's numberQuery on it is the answer. null: the person holds no such document that day.
 */
function expectedValidity(p: Patient, coverageId: string, D: IsoDate): string | null {
  for (const kind of ['kakunin-sho', 'legacy-card', 'oshirase'] as const) {
    if (!p.holdings.some((h) => h.kind === kind && h.coverage === coverageId)) continue;
    let scenario;
    try {
      scenario = buildScenario({
        patient: p,
        presented: [kind],
        clinic: { onlineCheck: true, phoneReader: false },
        visitDate: D,
      });
    } catch {
      continue; // the document does not exist yet on D
    }
    const doc = observe(scenario).documents.find(
      (d): d is Extract<ObservedDocument, { numberQuery: unknown }> =>
        d.kind === kind && 'coverage' in d && d.coverage === coverageId,
    );
    if (doc?.numberQuery) return QUALIFICATION_VALIDITY[doc.numberQuery.result];
  }
  return null;
}

interface Query {
  person: Patient;
  coverageId: string;
  date: IsoDate;
  expected: string;
  fields: Parameters<typeof requestXml>[0];
}

/** Number queries on the demo registry whose identifiers name exactly one person. */
function demoQueries(): Query[] {
  const all = people();
  const key = (birth: string, ids: ReturnType<typeof printedIdentifiers>) =>
    [birth, ids.insurerNumber, ids.symbol ?? '', ids.number].join('|');
  const count = new Map<string, number>();
  for (const p of all)
    p.coverages.forEach((c, i) => {
      const k = key(p.birthDate, printedIdentifiers(c, i));
      count.set(k, (count.get(k) ?? 0) + 1);
    });
  const visitDay = new Map(demoPatients().map((d) => [d.key, d.case.visitDate]));
  const out: Query[] = [];
  for (const p of all) {
    const base = visitDay.get(p.demoKey!)!;
    p.coverages.forEach((c, i) => {
      const ids = printedIdentifiers(c, i);
      if (count.get(key(p.birthDate, ids)) !== 1) return;
      for (const offset of [-400, -30, 0, 1, 30, 200]) {
        const date = addDays(base, offset);
        const expected = expectedValidity(p, c.id, date);
        if (expected === null) continue;
        out.push({
          person: p,
          coverageId: c.id,
          date,
          expected,
          fields: {
            date: ymd(date),
            insurerNumber: ids.insurerNumber,
            symbol: ids.symbol ?? null,
            number: ids.number,
            branch: ids.branch ?? null,
            birthDate: ymd(p.birthDate),
            consent: out.length % 2 === 0 ? '1' : '0',
          },
        });
      }
    });
  }
  return out;
}

describe('連携 folder mode (oqs serve)', () => {
  it('answers 1,000 requests dropped at once, each as decide sees the same person and day', async () => {
    const queries = demoQueries();
    expect(new Set(queries.map((q) => q.expected))).toEqual(new Set(['1', '2', '3', '4']));
    start();
    const sent = new Map<string, Query>();
    for (let i = 0; i < 1000; i += 1) {
      const q = queries[i % queries.length]!;
      const name = `OQSsiquc01req_${String(i).padStart(5, '0')}.xml`;
      sent.set(name.replace('req_', 'res_'), q);
      writeFileSync(join(paths().req, name), requestXml({ ...q.fields, arbitraryFileIdentifier: `AFI-${i}` }));
    }
    await watcher!.drain();

    const results = readXmlFiles(paths().res);
    expect(results.size).toBe(1000);
    expect(readdirSync(paths().req).filter((n) => n.endsWith('.xml'))).toEqual([]);
    expect(readdirSync(paths().reqError)).toEqual([]);
    for (const [name, xml] of results) {
      const q = sent.get(name)!;
      const doc = fromXml(xml);
      const { MessageHeader: h, MessageBody: b } = doc.XmlMsg;
      const i = Number(name.slice(-9, -4));
      expect(h.ArbitraryFileIdentifier, name).toBe(`AFI-${i}`);
      expect(h.MedicalInstitutionCode).toBe(TEST_INSTITUTION_CODE);
      expect(h.QualificationConfirmationDate).toBe(q.fields.date);
      expect(h.ReferenceClassification).toBe('2');
      expect(h.SegmentOfResult).toBe('1');
      expect(b.QualificationValidity, `${name} ${q.person.demoKey} ${q.coverageId} ${q.date}`).toBe(q.expected);
      expect(b.QualificationConfirmSearchInfo?.InsuredIdentificationNumber).toBe(q.fields.number);
      if (q.expected === '4') {
        expect(b.ResultList).toEqual([]);
        expect(xml).not.toContain('<ResultList');
      } else {
        expect(b.ResultList).toHaveLength(1);
        const r = b.ResultList[0]!.ResultOfQualificationConfirmation;
        expect(r.Name).toBe(q.person.name);
        expect(r.InsurerNumber).toBe(q.fields.insurerNumber);
        expect(r.LimitApplicationCertificateRelatedConsFlg).toBe(q.fields.consent);
      }
      expect(containsMyNumberLike(xml)).toBe(false);
    }
    expect(events.filter((e) => e.kind === 'answered')).toHaveLength(1000);
  }, 120_000);

  it('a person or coverage not in the registry: 該当資格なし, without a ResultList', async () => {
    start();
    writeFileSync(
      join(paths().req, 'OQSsiquc01req_nobody.xml'),
      requestXml({ date: '20260115', insurerNumber: '01130012', symbol: '999', number: '999', birthDate: '19000101' }),
    );
    await watcher!.drain();
    const xml = readFileSync(join(paths().res, 'OQSsiquc01res_nobody.xml'), 'utf8');
    const doc = fromXml(xml);
    expect(doc.XmlMsg.MessageBody.QualificationValidity).toBe('4');
    expect(doc.XmlMsg.MessageBody.ResultList).toEqual([]);
    expect(xml).not.toContain('ResultList');
  });

  it('twins queried without 枝番: 複数該当 listing both; with 枝番: the one', async () => {
    const twin = (name: string, branch: string) =>
      registry.create(
        patientInput.parse({
          name,
          kana: 'フタゴ',
          birthDate: '2010-05-05',
          sex: 'female',
          coverages: [
            {
              insurer: 'kyokai',
              insurerNumber: '01130012',
              symbol: '77',
              number: '88',
              branch,
              acquiredOn: '2015-04-01',
            },
          ],
          myna: null,
          holdings: [],
        }),
      );
    twin('双子 姉', '01');
    twin('双子 妹', '02');
    start();
    const base = { date: '20260115', insurerNumber: '01130012', symbol: '77', number: '88', birthDate: '20100505' };
    writeFileSync(join(paths().req, 'OQSsiquc01req_both.xml'), requestXml(base));
    writeFileSync(join(paths().req, 'OQSsiquc01req_one.xml'), requestXml({ ...base, branch: '02' }));
    await watcher!.drain();
    const both = fromXml(readFileSync(join(paths().res, 'OQSsiquc01res_both.xml'), 'utf8')).XmlMsg.MessageBody;
    expect(both.QualificationValidity).toBe('5');
    expect(both.ResultList.map((r) => r.ResultOfQualificationConfirmation.Name)).toEqual(['双子 姉', '双子 妹']);
    const one = fromXml(readFileSync(join(paths().res, 'OQSsiquc01res_one.xml'), 'utf8')).XmlMsg.MessageBody;
    expect(one.QualificationValidity).toBe('1');
    expect(one.ResultList.map((r) => r.ResultOfQualificationConfirmation.Name)).toEqual(['双子 妹']);
  });

  it('malformed requests: an error result each, the request moved to req/error, the watcher goes on', async () => {
    start();
    const ok = { date: '20260115', insurerNumber: '01130012', number: '1', birthDate: '19800101' };
    const bad: Record<string, string | Buffer> = {
      garbage: 'this is not XML at all',
      doctype: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><XmlMsg>&a;</XmlMsg>`,
      missing: requestXml(ok).replace(/<Birthdate>.*<\/Birthdate>/, ''),
      baddate: requestXml({ ...ok, date: '20260230' }),
      checkdigit: requestXml({ ...ok, insurerNumber: '01130013' }),
      mynumber: requestXml({ ...ok, number: '123456789018' }),
      institution: requestXml({ ...ok, medicalInstitutionCode: '1310000001' }),
      consent: requestXml({ ...ok, consent: '2' as '1' }),
      big: Buffer.alloc(70 * 1024, 0x20),
    };
    for (const [k, v] of Object.entries(bad)) writeFileSync(join(paths().req, `OQSsiquc01req_${k}.xml`), v);
    writeFileSync(join(paths().req, 'OQSsiquc01req_123456789018.xml'), requestXml(ok));
    writeFileSync(join(paths().req, 'OQSsiimm01req_register.xml'), requestXml(ok));
    writeFileSync(join(paths().req, 'OQSsiquc01req_good.xml'), requestXml(ok));
    writeFileSync(join(paths().req, 'notes.txt'), 'not a request');
    await watcher!.drain();

    const results = readXmlFiles(paths().res);
    const errorCode = (n: string) => /<ErrorCode>(.*)<\/ErrorCode>/.exec(results.get(n) ?? '')?.[1];
    const expected: Record<string, string> = {
      garbage: 'SKD-E01',
      doctype: 'SKD-E01',
      missing: 'SKD-E02',
      baddate: 'SKD-E02',
      checkdigit: 'SKD-E02',
      mynumber: 'SKD-E03',
      institution: 'SKD-E02',
      consent: 'SKD-E02',
      big: 'SKD-E01',
    };
    for (const [k, code] of Object.entries(expected)) {
      const name = `OQSsiquc01res_${k}.xml`;
      expect(errorCode(name), k).toBe(code);
      expect(results.get(name)).toContain('<SegmentOfResult>9</SegmentOfResult>');
      expect(existsSync(join(paths().reqError, `OQSsiquc01req_${k}.xml`)), k).toBe(true);
    }
    expect(results.get('OQSsiquc01res_missing.xml')).toContain(
      'OQSsiquc01req_missing.xml: 生年月日 (Birthdate) がありません / Birthdate is missing',
    );
    expect(results.get('OQSsiquc01res_missing.xml')).toContain('<MedicalInstitutionCode>1310000000<');
    // R18: the number is refused, never echoed; a name carrying one is masked
    expect(results.get('OQSsiquc01res_mynumber.xml')).not.toContain('123456789018');
    expect(errorCode('OQSsiquc01res_************.xml')).toBe('SKD-E03');
    expect(existsSync(join(paths().reqError, 'OQSsiquc01req_************.xml'))).toBe(true);
    // another national request kind: an error under its own result name
    expect(errorCode('OQSsiimm01res_register.xml')).toBe('SKD-E04');
    // the good request among them is answered; the text file is left alone
    expect(results.get('OQSsiquc01res_good.xml')).toContain('<QualificationValidity>4</QualificationValidity>');
    expect(existsSync(join(paths().req, 'notes.txt'))).toBe(true);
    for (const xml of results.values()) expect(containsMyNumberLike(xml)).toBe(false);
  }, 30_000);

  it('a request still being written is answered once complete; one that never completes is refused', async () => {
    start(400);
    const q = demoQueries().find((x) => x.expected === '1')!;
    const full = requestXml(q.fields);
    const growing = join(paths().req, 'OQSsiquc01req_growing.xml');
    writeFileSync(growing, full.slice(0, 120));
    await new Promise((r) => setTimeout(r, 250));
    writeFileSync(growing, full.slice(0, 300));
    await new Promise((r) => setTimeout(r, 250));
    expect(existsSync(join(paths().res, 'OQSsiquc01res_growing.xml'))).toBe(false);
    writeFileSync(growing, full);
    writeFileSync(join(paths().req, 'OQSsiquc01req_stuck.xml'), full.slice(0, 200));
    await watcher!.drain();
    expect(readFileSync(join(paths().res, 'OQSsiquc01res_growing.xml'), 'utf8')).toContain(
      '<QualificationValidity>1</QualificationValidity>',
    );
    expect(readFileSync(join(paths().res, 'OQSsiquc01res_stuck.xml'), 'utf8')).toContain('<ErrorCode>SKD-E01<');
    expect(existsSync(join(paths().reqError, 'OQSsiquc01req_stuck.xml'))).toBe(true);
  }, 30_000);

  it('answers in arrival order: modification time, then name', async () => {
    mkdirSync(paths().req, { recursive: true });
    const xml = requestXml({ date: '20260115', insurerNumber: '01130012', number: '1', birthDate: '19800101' });
    const t = Date.now() / 1000;
    const files: [string, number][] = [
      ['OQSsiquc01req_c.xml', t - 30],
      ['OQSsiquc01req_a.xml', t - 10],
      ['OQSsiquc01req_b.xml', t - 10],
      ['OQSsiquc01req_d.xml', t - 20],
    ];
    for (const [n, mtime] of files) {
      writeFileSync(join(paths().req, n), xml);
      utimesSync(join(paths().req, n), mtime, mtime);
    }
    start();
    await watcher!.drain();
    expect(events.map((e) => (e.kind === 'answered' ? e.request : e.kind))).toEqual([
      'OQSsiquc01req_c.xml',
      'OQSsiquc01req_d.xml',
      'OQSsiquc01req_a.xml',
      'OQSsiquc01req_b.xml',
    ]);
  });

  it('restarts cleanly: requests written while stopped, a crash between result and removal, stale temp files', async () => {
    const q = demoQueries().find((x) => x.expected === '1')!;
    const w = start();
    writeFileSync(join(paths().req, 'OQSsiquc01req_first.xml'), requestXml(q.fields));
    await w.drain();
    await w.stop();
    // while stopped: a new request, a request whose result was written but which was not removed
    // (a crash in between), and a temporary file a crash left behind
    writeFileSync(join(paths().req, 'OQSsiquc01req_second.xml'), requestXml(q.fields));
    writeFileSync(join(paths().req, 'OQSsiquc01req_first.xml'), requestXml(q.fields));
    const stale = join(paths().res, '.OQSsiquc01res_x.xml.1.abcd.tmp');
    writeFileSync(stale, '<half');
    utimesSync(stale, Date.now() / 1000 - 3600, Date.now() / 1000 - 3600);
    const fresh = join(paths().res, '.OQSsiquc01res_y.xml.1.abcd.tmp');
    writeFileSync(fresh, '<being written by another process');
    start();
    await watcher!.drain();
    expect([...readXmlFiles(paths().res).keys()].sort()).toEqual([
      'OQSsiquc01res_first.xml',
      'OQSsiquc01res_second.xml',
    ]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(events.filter((e) => e.kind === 'answered')).toHaveLength(3);
  });

  it('a broken folder is reported once, nothing is lost, and answering resumes when it is repaired', async () => {
    const q = demoQueries().find((x) => x.expected === '1')!;
    start();
    await watcher!.drain();
    rmSync(paths().res, { recursive: true });
    writeFileSync(paths().res, 'not a folder');
    writeFileSync(join(paths().req, 'OQSsiquc01req_wait.xml'), requestXml(q.fields));
    await watcher!.drain();
    await new Promise((r) => setTimeout(r, 300)); // a few more scans
    const problems = events.filter((e) => e.kind === 'problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ja: expect.stringContaining('連携フォルダを使えません') });
    expect(existsSync(join(paths().req, 'OQSsiquc01req_wait.xml'))).toBe(true);
    rmSync(paths().res);
    await watcher!.drain();
    expect(readFileSync(join(paths().res, 'OQSsiquc01res_wait.xml'), 'utf8')).toContain('<QualificationValidity>1<');
  });

  it('reads a Shift_JIS request; a request renamed into req/ is answered at once', async () => {
    start();
    const q = demoQueries().find((x) => x.expected === '1' && /^[\x20-\x7e]*$/.test(x.fields.symbol ?? ''))!;
    const xml = requestXml({ ...q.fields, arbitraryFileIdentifier: '受付12' }, 'Shift_JIS');
    writeFileSync(join(paths().req, '.incoming.tmp'), encodeShiftJis(xml));
    renameSync(join(paths().req, '.incoming.tmp'), join(paths().req, 'OQSsiquc01req_sjis.xml'));
    await watcher!.drain();
    const doc = fromXml(readFileSync(join(paths().res, 'OQSsiquc01res_sjis.xml'), 'utf8'));
    expect(doc.XmlMsg.MessageHeader.ArbitraryFileIdentifier).toBe('受付12');
    expect(doc.XmlMsg.MessageBody.QualificationValidity).toBe('1');
    expect(events.filter((e) => e.kind === 'refused')).toEqual([]);
  });
});

/** Shift_JIS for the few characters the test uses (the project has no encoder: results are UTF-8). */
function encodeShiftJis(s: string): Uint8Array {
  const table: Record<string, number[]> = { 受: [0x8e, 0xf3], 付: [0x95, 0x74] };
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else if (table[ch]) out.push(...table[ch]);
    else throw new Error(`no Shift_JIS for ${ch} in the test table`);
  }
  return new Uint8Array(out);
}
