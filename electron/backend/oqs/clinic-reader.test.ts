// Does clinic software read what this app writes? A small reader written the way open clinic
// software reads face/result files (modelled on the approach of hangilc/myclinic-ts's
// onshi-result package — written here from scratch): a general-purpose XML parser with number
// parsing off, `ResultList` turned into a list, then type guards that demand strings where the
// format has strings and objects where it has groups. Every result the app writes must pass:
// all bundled packs through `onshi --xml`, and every kind of 連携 folder result.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { patientInput } from '../../../shared/contract/patient';
import { openDatabase } from '../db/open';
import { RegistryRepository } from '../registry/repository';
import { tempDir } from '../testing/temp-dir';
import { oqsPaths } from './folder';
import { startOqsService } from './service';
import { readXmlFiles, requestXml } from './testing';
import type { OqsWatcher } from './watcher';

// ---------------------------------------------------------------------------------------------
// The clinic-style reader

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Json, k: string) => typeof o[k] === 'string';
const optStr = (o: Json, k: string) => o[k] === undefined || typeof o[k] === 'string';
const optObj = (o: Json, k: string, test: (v: Json) => boolean) => o[k] === undefined || (isObj(o[k]) && test(o[k]));

const headerOk = (h: Json) =>
  ['ProcessExecutionTime', 'QualificationConfirmationDate', 'MedicalInstitutionCode', 'ReferenceClassification']
    .concat(['SegmentOfResult', 'CharacterCodeIdentifier'])
    .every((k) => str(h, k)) &&
  ['ArbitraryFileIdentifier', 'ErrorCode', 'ErrorMessage'].every((k) => optStr(h, k)) &&
  ['1', '2'].includes(h.ReferenceClassification as string) &&
  ['1', '2', '9'].includes(h.SegmentOfResult as string);

const entryOk = (r: Json) =>
  ['InsuredCardClassification', 'Name', 'Sex1', 'Birthdate', 'InsurerName'].every((k) => str(r, k)) &&
  [
    'InsurerNumber',
    'InsuredCardSymbol',
    'InsuredIdentificationNumber',
    'InsuredBranchNumber',
    'PersonalFamilyClassification',
    'NameKana',
    'InsuredCardValidDate',
    'InsuredCardExpirationDate',
    'InsuredPartialContributionRatio',
    'PreschoolClassification',
    'ReasonOfLoss',
    'LimitApplicationCertificateRelatedConsFlg',
    'LimitApplicationCertificateRelatedConsTime',
  ].every((k) => optStr(r, k)) &&
  optObj(r, 'ElderlyRecipientCertificateInfo', (e) => Object.values(e).every((v) => typeof v === 'string')) &&
  optObj(r, 'LimitApplicationCertificateRelatedInfo', (e) => Object.values(e).every((v) => typeof v === 'string'));

/** Returns the entries, or throws like clinic software that cannot use the file. */
function clinicRead(xml: string): { header: Json; validity: unknown; entries: Json[] } {
  const json = new XMLParser({ numberParseOptions: { leadingZeros: false, hex: false, skipLike: /.*/ } }).parse(
    xml,
  ) as Json;
  const msg = json.XmlMsg;
  if (!isObj(msg) || !isObj(msg.MessageHeader) || !isObj(msg.MessageBody)) throw new Error('no XmlMsg');
  const body = msg.MessageBody;
  if (!headerOk(msg.MessageHeader)) throw new Error('bad header');
  if (!str(body, 'ProcessingResultStatus') || !optStr(body, 'QualificationValidity')) throw new Error('bad body');
  // ResultList: absent = no entry; one element or several, each holding one or several results
  const list =
    body.ResultList === undefined ? [] : Array.isArray(body.ResultList) ? body.ResultList : [body.ResultList];
  const entries = list.flatMap((item: unknown) => {
    if (!isObj(item)) throw new Error('ResultList item is not an element');
    const r = item.ResultOfQualificationConfirmation;
    return Array.isArray(r) ? r : [r];
  });
  for (const e of entries) if (!isObj(e) || !entryOk(e)) throw new Error('bad ResultOfQualificationConfirmation');
  return { header: msg.MessageHeader, validity: body.QualificationValidity, entries: entries as Json[] };
}

// ---------------------------------------------------------------------------------------------

let watcher: OqsWatcher | null = null;
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
});

describe('a clinic-style reader accepts every result the app writes', () => {
  it('the reader refuses what such software cannot use: an empty <ResultList></ResultList>', () => {
    const withEmptyList = `<?xml version="1.0" encoding="UTF-8"?><XmlMsg><MessageHeader><ProcessExecutionTime>20260115090000</ProcessExecutionTime><QualificationConfirmationDate>20260115</QualificationConfirmationDate><MedicalInstitutionCode>1319999996</MedicalInstitutionCode><ReferenceClassification>1</ReferenceClassification><SegmentOfResult>1</SegmentOfResult><ErrorCode></ErrorCode><ErrorMessage></ErrorMessage><CharacterCodeIdentifier>0</CharacterCodeIdentifier></MessageHeader><MessageBody><ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>4</QualificationValidity><ResultList></ResultList></MessageBody></XmlMsg>`;
    expect(() => clinicRead(withEmptyList)).toThrow(/ResultList item/);
    expect(clinicRead(withEmptyList.replace('<ResultList></ResultList>', '')).entries).toEqual([]);
  });

  it('every bundled pack through `onshi --xml`', () => {
    const CLI = join(__dirname, '../../../dist/cli.mjs');
    const packs = ['default-pack.json', 'desk-mix-pack.json'].map((p) => join(__dirname, '../../../packs', p));
    const r = spawnSync(process.execPath, [CLI, 'onshi', ...packs, '--xml'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).toBe(0);
    const answers = JSON.parse(r.stdout) as { id: string; result: string | null }[];
    const validities = new Set<unknown>();
    for (const a of answers) {
      if (a.result === null) continue;
      const read = clinicRead(a.result);
      validities.add(read.validity);
      expect(read.entries.length === 0, a.id).toBe(read.validity === '4');
    }
    expect([...validities].sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('every kind of 連携 folder result: valid, not found, 複数該当, error', async () => {
    const { db } = await openDatabase({ dataDir: tempDir() });
    try {
      const registry = new RegistryRepository(db);
      for (const [name, branch] of [
        ['試験 一郎', '01'],
        ['試験 二郎', '02'],
      ] as const) {
        registry.create(
          patientInput.parse({
            name,
            kana: 'シケン',
            birthDate: '2010-05-05',
            sex: 'male',
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
      }
      const root = tempDir('shikaku-oqs-');
      watcher = startOqsService(db, { root, pollMs: 100, settleMs: 200 });
      const req = oqsPaths(root).req;
      const base = { date: '20260115', insurerNumber: '01130012', symbol: '77', number: '88', birthDate: '20100505' };
      writeFileSync(join(req, 'OQSsiquc01req_one.xml'), requestXml({ ...base, branch: '01' }));
      writeFileSync(join(req, 'OQSsiquc01req_both.xml'), requestXml(base));
      writeFileSync(join(req, 'OQSsiquc01req_none.xml'), requestXml({ ...base, number: '89' }));
      writeFileSync(join(req, 'OQSsiquc01req_bad.xml'), requestXml(base).replace('<Birthdate>', '<Birth>'));
      await watcher.drain();
      const results = readXmlFiles(oqsPaths(root).res);
      expect(results.size).toBe(4);
      const read = Object.fromEntries([...results].map(([n, xml]) => [n, clinicRead(xml)]));
      expect(read['OQSsiquc01res_one.xml']!.entries).toHaveLength(1);
      expect(read['OQSsiquc01res_both.xml']!.entries).toHaveLength(2);
      expect(read['OQSsiquc01res_none.xml']!.entries).toHaveLength(0);
      expect(read['OQSsiquc01res_bad.xml']!.header.SegmentOfResult).toBe('9');
    } finally {
      db.close();
    }
  });
});
