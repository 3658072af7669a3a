// Does clinic software read what this app writes? Two readers, written here from scratch after
// reading how hangilc/myclinic-ts reads these files (packages/frontend/src/lib/onshi-face.ts and
// packages/onshi-result: never copied, never run here):
//   - `clinicRead`, the general way: a general-purpose XML parser with number parsing off,
//     `ResultList` one element holding the entries (as the C# clinic systems' XmlSerializer models
//     do: ResultList { ResultOfQualificationConfirmation[] }), then type guards that demand strings
//     where the format has strings and objects where it has groups. Every result the app writes
//     must pass: all bundled packs through `onshi --xml`, and every kind of 連携 folder result.
//   - `faceRead`, myclinic-ts's face reader exactly as it behaves: numbers kept as text, a
//     `ResultList` that is not a list wrapped into a one-item list, the same required and
//     optional strings, and the code tables its getters check (an unknown code throws). It is
//     built for a face result of one person: it refuses any result without exactly one entry
//     whatever its XML form (no ResultList → [undefined]; several entries → one item holding an
//     array), which the test records. Every one-entry result the app writes must pass it.
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
// myclinic-ts's face reader, as it behaves

/** The codes its getters accept (packages/onshi-result/codes.ts); a value outside throws. */
const FACE_CODES: Record<string, readonly string[]> = {
  ReferenceClassification: ['1', '2'],
  SegmentOfResult: ['1', '2', '9'],
  CharacterCodeIdentifier: ['0', '1'],
  ProcessingResultStatus: ['1', '2'],
  QualificationValidity: ['1', '2', '3', '4', '5'],
  PrescriptionIssueSelect: ['1', '2'],
  InsuredCardClassification: ['01', '02', '03', '04', '05', '06', '07'],
  Sex1: ['1', '2', '3'],
  Sex2: ['1', '2', '3'],
  PersonalFamilyClassification: ['1', '2'],
  PreschoolClassification: ['1'],
  ReasonOfLoss: ['01', '02', '03', '99'],
  LimitApplicationCertificateRelatedConsFlg: ['0', '1'],
  SpecificDiseasesCertificateRelatedConsFlg: ['0', '1', '2'],
  LimitApplicationCertificateClassification: ['01', '02', '03'],
  LimitApplicationCertificateClassificationFlag: [
    ...['A01', 'A02', 'A03', 'A04', 'A05', 'A06'],
    ...['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10'],
  ],
};

function faceCodes(o: Json, where: string): void {
  for (const [k, v] of Object.entries(o))
    if (FACE_CODES[k] && v !== undefined && !FACE_CODES[k].includes(v as string))
      throw new Error(`${where}: invalid ${k}: ${String(v)}`);
}

const FACE_ENTRY_OPTIONAL = [
  ...['InsurerNumber', 'InsuredCardSymbol', 'InsuredIdentificationNumber', 'InsuredBranchNumber'],
  ...['PersonalFamilyClassification', 'InsuredName', 'NameOfOther', 'NameKana', 'NameOfOtherKana', 'Sex2'],
  ...['Address', 'PostNumber', 'InsuredCertificateIssuanceDate', 'InsuredCardValidDate'],
  ...['InsuredCardExpirationDate', 'InsuredPartialContributionRatio', 'PreschoolClassification', 'ReasonOfLoss'],
  ...['LimitApplicationCertificateRelatedConsFlg', 'LimitApplicationCertificateRelatedConsTime'],
  ...['SpecificDiseasesCertificateRelatedConsFlg', 'SpecificDiseasesCertificateRelatedConsTime'],
];
const allOptStr = (keys: string[]) => (o: unknown) => typeof o === 'object' && keys.every((k) => optStr(o as Json, k));
const ELDERLY_KEYS = ['Date', 'ValidStartDate', 'ValidEndDate', 'ContributionRatio'].map((k) => `ElderlyRecipient${k}`);
const LIMIT_KEYS = ['Classification', 'ClassificationFlag', 'Date', 'ValidStartDate', 'ValidEndDate'].map(
  (k) => `LimitApplicationCertificate${k}`,
);
const faceEntryOk = (r: unknown): boolean => {
  if (typeof r !== 'object' || r === null) return false;
  const e = r as Json;
  return (
    ['InsuredCardClassification', 'Name', 'Sex1', 'Birthdate', 'InsurerName'].every((k) => str(e, k)) &&
    FACE_ENTRY_OPTIONAL.every((k) => optStr(e, k)) &&
    (e.ElderlyRecipientCertificateInfo === undefined || allOptStr(ELDERLY_KEYS)(e.ElderlyRecipientCertificateInfo)) &&
    (e.LimitApplicationCertificateRelatedInfo === undefined ||
      allOptStr([...LIMIT_KEYS, 'LimitApplicationCertificateLongTermDate'])(
        e.LimitApplicationCertificateRelatedInfo,
      )) &&
    (e.SpecificDiseasesCertificateList === undefined || Array.isArray(e.SpecificDiseasesCertificateList))
  );
};

/** What myclinic-ts makes of a face file: its validity test, or an error where it would throw. */
function faceRead(xml: string): { isValid: boolean; entry: Json } {
  const json = new XMLParser({ numberParseOptions: { leadingZeros: true, hex: false, skipLike: /\d+/ } }).parse(
    xml,
  ) as { XmlMsg: { MessageHeader: Json; MessageBody: Json } };
  const body = json.XmlMsg.MessageBody;
  if (!Array.isArray(body.ResultList)) body.ResultList = [body.ResultList];
  const header = json.XmlMsg.MessageHeader;
  const list = body.ResultList as unknown[];
  const search = body.QualificationConfirmSearchInfo;
  const ok =
    typeof header === 'object' &&
    ['ProcessExecutionTime', 'QualificationConfirmationDate', 'MedicalInstitutionCode', 'ReferenceClassification']
      .concat(['SegmentOfResult', 'CharacterCodeIdentifier'])
      .every((k) => str(header, k)) &&
    ['ArbitraryFileIdentifier', 'ErrorCode', 'ErrorMessage'].every((k) => optStr(header, k)) &&
    typeof body === 'object' &&
    str(body, 'ProcessingResultStatus') &&
    list.every((item) => typeof item === 'object' && faceEntryOk((item as Json).ResultOfQualificationConfirmation)) &&
    (search === undefined ||
      (typeof search === 'object' &&
        [
          'InsurerNumber',
          'InsuredIdentificationNumber',
          'Birthdate',
          'LimitApplicationCertificateRelatedConsFlg',
        ].every((k) => str(search as Json, k)) &&
        ['InsuredCardSymbol', 'InsuredBranchNumber', 'ArbitraryIdentifier'].every((k) => optStr(search as Json, k)))) &&
    ['PrescriptionIssueSelect', 'ProcessingResultCode', 'ProcessingResultMessage', 'QualificationValidity'].every((k) =>
      optStr(body, k),
    );
  if (!ok) throw new Error('Cannot create OnshiResult');
  const entry = (list[0] as Json).ResultOfQualificationConfirmation as Json;
  faceCodes(header, 'MessageHeader');
  faceCodes(body, 'MessageBody');
  faceCodes(entry, 'ResultOfQualificationConfirmation');
  for (const group of ['ElderlyRecipientCertificateInfo', 'LimitApplicationCertificateRelatedInfo'])
    if (isObj(entry[group])) faceCodes(entry[group], group);
  const isValid =
    header.SegmentOfResult === '1' &&
    body.ProcessingResultStatus === '1' &&
    body.QualificationValidity === '1' &&
    list.length === 1;
  return { isValid, entry };
}

// ---------------------------------------------------------------------------------------------

let watcher: OqsWatcher | null = null;
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
});

describe('a clinic-style reader accepts every result the app writes', () => {
  it('what the readers refuse: an empty <ResultList></ResultList>; for myclinic-ts, anything but one entry', () => {
    const withEmptyList = `<?xml version="1.0" encoding="UTF-8"?><XmlMsg><MessageHeader><ProcessExecutionTime>20260115090000</ProcessExecutionTime><QualificationConfirmationDate>20260115</QualificationConfirmationDate><MedicalInstitutionCode>1319999996</MedicalInstitutionCode><ReferenceClassification>1</ReferenceClassification><SegmentOfResult>1</SegmentOfResult><ErrorCode></ErrorCode><ErrorMessage></ErrorMessage><CharacterCodeIdentifier>0</CharacterCodeIdentifier></MessageHeader><MessageBody><ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>4</QualificationValidity><ResultList></ResultList></MessageBody></XmlMsg>`;
    expect(() => clinicRead(withEmptyList)).toThrow(/ResultList item/);
    expect(clinicRead(withEmptyList.replace('<ResultList></ResultList>', '')).entries).toEqual([]);
    // myclinic-ts's face reader wants exactly one entry, whatever the form of the list
    const entry = (name: string) =>
      `<ResultOfQualificationConfirmation><InsuredCardClassification>01</InsuredCardClassification><Name>${name}</Name><Sex1>1</Sex1><Birthdate>20100505</Birthdate><InsurerName>協会</InsurerName></ResultOfQualificationConfirmation>`;
    const withList = (list: string) =>
      withEmptyList
        .replace('<ResultList></ResultList>', list)
        .replace('<QualificationValidity>4', '<QualificationValidity>1');
    expect(faceRead(withList(`<ResultList>${entry('試験 一郎')}</ResultList>`)).isValid).toBe(true);
    for (const list of [
      '',
      '<ResultList></ResultList>',
      `<ResultList>${entry('試験 一郎')}${entry('試験 二郎')}</ResultList>`,
    ])
      expect(() => faceRead(withList(list)), list).toThrow(/OnshiResult/);
    expect(() => faceRead(withList(`<ResultList>${entry('試験 一郎').replace('>01<', '>08<')}</ResultList>`))).toThrow(
      /invalid InsuredCardClassification/,
    );
  });

  it('every bundled pack through `onshi --xml`', () => {
    const CLI = join(__dirname, '../../../dist/cli.mjs');
    const packs = ['default-pack.json', 'desk-mix-pack.json'].map((p) => join(__dirname, '../../../packs', p));
    const r = spawnSync(process.execPath, [CLI, 'onshi', ...packs, '--xml'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).toBe(0);
    const answers = JSON.parse(r.stdout) as { id: string; result: string | null }[];
    const validities = new Set<unknown>();
    const byFace = new Set<unknown>();
    for (const a of answers) {
      if (a.result === null) continue;
      const read = clinicRead(a.result);
      validities.add(read.validity);
      expect(read.entries.length === 0, a.id).toBe(read.validity === '4');
      if (read.entries.length !== 1) continue;
      const face = faceRead(a.result);
      expect(face.isValid, a.id).toBe(read.validity === '1');
      expect(face.entry, a.id).toEqual(read.entries[0]);
      byFace.add(read.validity);
    }
    expect([...validities].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect([...byFace].sort()).toEqual(['1', '2', '3']);
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
      expect(faceRead(results.get('OQSsiquc01res_one.xml')!).isValid).toBe(true);
    } finally {
      db.close();
    }
  });
});
