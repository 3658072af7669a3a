import type { Database } from 'better-sqlite3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../shared/dates';
import { decideWithTrace } from '../../../shared/engine';
import defaultPack from '../../../packs/default-pack.json';
import { parsePack, parseScenario, type Scenario } from '../../../shared/scenario';
import { openDatabase } from '../db/open';
import { buildScenario } from '../desk/build-scenario';
import { demoDeskCase } from '../registry/demo/builder';
import { demoPatients } from '../registry/demo/cases';
import { seedDemo } from '../registry/demo/seed';
import { RegistryRepository } from '../registry/repository';
import type { Patient } from '../../../shared/contract';
import type { OnshiDocument } from '../../../shared/onshi-document';
import { tempDir } from '../testing/temp-dir';
import {
  decideWithOnshi,
  type OnshiAnswer,
  onshiForScenario,
  onshiFromTrace,
  PLACEHOLDER_PERSON,
  QUALIFICATION_VALIDITY,
} from './document';
import { fromXml, toXml } from './xml';

// ---------------------------------------------------------------------------------------------
// A checker for the national format (domain-research.md §7): element types and code tables.

const oneOf =
  (...v: string[]) =>
  (x: unknown) =>
    typeof x === 'string' && v.includes(x);
const re = (r: RegExp) => (x: unknown) => typeof x === 'string' && r.test(x);
const date8 = (x: unknown) =>
  typeof x === 'string' && /^\d{8}$/.test(x) && isIsoDate(`${x.slice(0, 4)}-${x.slice(4, 6)}-${x.slice(6)}`);
const time14 = (x: unknown) =>
  typeof x === 'string' && /^\d{14}$/.test(x) && date8(x.slice(0, 8)) && Number(x.slice(8, 10)) < 24;
const str = (x: unknown) => typeof x === 'string';
type Spec = Record<string, [required: boolean, test: (x: unknown) => boolean]>;

const HEADER: Spec = {
  ProcessExecutionTime: [true, time14],
  QualificationConfirmationDate: [true, date8],
  MedicalInstitutionCode: [true, re(/^\d{10}$/)],
  ArbitraryFileIdentifier: [false, str],
  ReferenceClassification: [true, oneOf('1', '2')],
  SegmentOfResult: [true, oneOf('1', '2', '9')],
  ErrorCode: [false, str],
  ErrorMessage: [false, str],
  CharacterCodeIdentifier: [true, oneOf('0', '1')],
};
const ELDERLY: Spec = {
  ElderlyRecipientCertificateDate: [false, date8],
  ElderlyRecipientValidStartDate: [false, date8],
  ElderlyRecipientValidEndDate: [false, date8],
  ElderlyRecipientContributionRatio: [false, oneOf('020', '030')],
};
const LIMIT: Spec = {
  LimitApplicationCertificateClassification: [false, oneOf('01', '02', '03')],
  LimitApplicationCertificateClassificationFlag: [false, re(/^(A0[1-6]|B0[1-9]|B10)$/)],
  LimitApplicationCertificateDate: [false, date8],
  LimitApplicationCertificateValidStartDate: [false, date8],
  LimitApplicationCertificateValidEndDate: [false, date8],
};
const RESULT: Spec = {
  InsuredCardClassification: [true, oneOf('01', '02', '03', '04', '05', '06', '07')],
  Name: [true, re(/\S/)],
  NameKana: [false, re(/^[\uFF61-\uFF9F ]+$/)], // half-width katakana
  Sex1: [true, oneOf('1', '2', '3')],
  Birthdate: [true, date8],
  InsurerName: [true, re(/\S/)],
  InsurerNumber: [false, re(/^(\d{6}|\d{8})$/)],
  InsuredCardSymbol: [false, str],
  InsuredIdentificationNumber: [false, str],
  InsuredBranchNumber: [false, str],
  PersonalFamilyClassification: [false, oneOf('1', '2')],
  InsuredCardValidDate: [false, date8],
  InsuredCardExpirationDate: [false, date8],
  InsuredPartialContributionRatio: [false, oneOf('010', '020', '030')],
  PreschoolClassification: [false, oneOf('1')],
  ReasonOfLoss: [false, oneOf('01', '02', '03', '99')],
  LimitApplicationCertificateRelatedConsFlg: [false, oneOf('0', '1')],
  LimitApplicationCertificateRelatedConsTime: [false, time14],
};
const SEARCH: Spec = {
  InsurerNumber: [true, re(/^(\d{6}|\d{8})$/)],
  InsuredCardSymbol: [false, str],
  InsuredIdentificationNumber: [true, str],
  InsuredBranchNumber: [false, str],
  Birthdate: [true, date8],
  LimitApplicationCertificateRelatedConsFlg: [true, oneOf('0', '1')],
};

function checkObject(o: unknown, spec: Spec, at: string, nested: Record<string, Spec> = {}): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [`${at}: not an object`];
  const problems: string[] = [];
  for (const [k, [required, test]] of Object.entries(spec)) {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined) {
      if (required) problems.push(`${at}.${k}: missing`);
    } else if (!test(v)) problems.push(`${at}.${k}: bad value ${JSON.stringify(v)}`);
  }
  for (const [k, v] of Object.entries(o)) {
    if (k in spec) continue;
    if (k in nested) problems.push(...checkObject(v, nested[k]!, `${at}.${k}`));
    else problems.push(`${at}.${k}: unknown element`);
  }
  return problems;
}

function checkOnshiDocument(doc: unknown): string[] {
  const x = (doc as { XmlMsg?: { MessageHeader?: unknown; MessageBody?: Record<string, unknown> } }).XmlMsg;
  if (!x) return ['XmlMsg: missing'];
  const problems = checkObject(x.MessageHeader, HEADER, 'MessageHeader');
  const body = x.MessageBody ?? {};
  if (!oneOf('1', '2')(body.ProcessingResultStatus)) problems.push('ProcessingResultStatus');
  if (!oneOf('1', '2', '3', '4', '5')(body.QualificationValidity)) problems.push('QualificationValidity');
  if (!Array.isArray(body.ResultList)) problems.push('ResultList: not an array');
  else
    body.ResultList.forEach((item: unknown, i: number) => {
      const keys = Object.keys(item as object);
      if (keys.length !== 1 || keys[0] !== 'ResultOfQualificationConfirmation')
        problems.push(`ResultList[${i}]: not {ResultOfQualificationConfirmation}`);
      problems.push(
        ...checkObject(
          (item as Record<string, unknown>).ResultOfQualificationConfirmation,
          RESULT,
          `ResultList[${i}]`,
          {
            ElderlyRecipientCertificateInfo: ELDERLY,
            LimitApplicationCertificateRelatedInfo: LIMIT,
          },
        ),
      );
    });
  if (body.QualificationConfirmSearchInfo !== undefined)
    problems.push(...checkObject(body.QualificationConfirmSearchInfo, SEARCH, 'QualificationConfirmSearchInfo'));
  for (const k of Object.keys(body)) {
    if (
      !['ProcessingResultStatus', 'QualificationValidity', 'ResultList', 'QualificationConfirmSearchInfo'].includes(k)
    )
      problems.push(`MessageBody.${k}: unknown`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

const xmlParser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true });

function expectConsistent(s: Scenario, a: OnshiAnswer, clinicPolicy = {}) {
  const { decision } = decideWithTrace(s, clinicPolicy);
  expect(a.id).toBe(s.id);
  if (a.route === null) {
    expect(a.result).toBeNull();
    return;
  }
  const doc = a.result!;
  expect(checkOnshiDocument(doc), s.id).toEqual([]);
  const validity = doc.XmlMsg.MessageBody.QualificationValidity;
  if (a.route === 'card') {
    expect(validity, s.id).toBe(QUALIFICATION_VALIDITY[decision.onlineCheck.cardRoute as 'valid']);
    expect(doc.XmlMsg.MessageHeader.ReferenceClassification).toBe('1');
  } else {
    expect(validity, s.id).toBe(QUALIFICATION_VALIDITY[decision.onlineCheck.numberRoute as 'valid']);
    expect(doc.XmlMsg.MessageHeader.ReferenceClassification).toBe('2');
    expect(doc.XmlMsg.MessageBody.QualificationConfirmSearchInfo).toBeDefined();
  }
  // XML: well-formed, parses back to the same document
  const xml = toXml(doc);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(fromXml(xml)).toEqual(doc);
  const plain = xmlParser.parse(xml) as { XmlMsg: { MessageBody: { QualificationValidity: string } } };
  expect(plain.XmlMsg.MessageBody.QualificationValidity).toBe(validity);
  // JSON: plain data, survives a round trip
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
}

const bundled = (() => {
  const r = parsePack(defaultPack);
  if (!r.ok) throw new Error('the bundled pack does not parse');
  return r.scenarios;
})();

function scenario(raw: Record<string, unknown>): Scenario {
  const r = parseScenario({ id: 't', clinic: { onlineCheck: true }, ...raw }, { inPack: true });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('onshi result documents', () => {
  it('the bundled pack: national-format JSON and XML that agree with each decision', () => {
    const answers = bundled.map((s) => onshiForScenario(s));
    for (const [i, a] of answers.entries()) expectConsistent(bundled[i]!, a);
    const routes = answers.map((a) => a.route);
    expect(routes).toContain('card');
    expect(routes).toContain('number');
    expect(routes).toContain(null);
  });

  describe('with the demo registry (names, readings, insurer names from the patient)', () => {
    let db: Database;
    let records: Patient[];
    beforeAll(async () => {
      db = (await openDatabase({ dataDir: tempDir() })).db;
      seedDemo(db);
      const repo = new RegistryRepository(db);
      records = repo.search('', { limit: 500 }).items.map((p) => repo.get(p.id)!);
    });
    afterAll(() => db.close());

    it('every demo case gives a consistent document; names and readings are the patient’s', () => {
      const byKey = new Map(demoPatients().map((d) => [d.key, d]));
      const seen = new Set<string>();
      for (const rec of records) {
        const c = byKey.get(rec.demoKey!)!.case;
        const s = buildScenario(demoDeskCase(rec, c));
        const extras = Object.fromEntries(
          rec.coverages.map((x) => [x.id, { insurerName: x.insurerName, personalFamily: x.personalFamily }]),
        );
        const { decision, answer } = decideWithOnshi(s, {
          person: rec,
          coverageExtras: extras,
          medicalInstitutionCode: '1310000000',
        });
        expect(decision.verdict).toBe(c.verdict);
        expectConsistent(s, answer);
        if (answer.result) {
          seen.add(`${answer.route}:${answer.result.XmlMsg.MessageBody.QualificationValidity}`);
          for (const { ResultOfQualificationConfirmation: r } of answer.result.XmlMsg.MessageBody.ResultList) {
            expect(r.Name).toBe(rec.name);
            expect(r.Sex1).toBe({ male: '1', female: '2', unspecified: '3' }[rec.sex]);
            const cov = rec.coverages.find((x) => x.insurerNumber === r.InsurerNumber)!;
            expect(r.InsurerName).toBe(cov.insurerName);
            expect(r.PersonalFamilyClassification).toBe(String(cov.personalFamily));
          }
          expect(answer.result.XmlMsg.MessageHeader.MedicalInstitutionCode).toBe('1310000000');
        }
      }
      // the demo shows every validity the card and number routes can answer
      expect([...seen].sort()).toEqual(
        expect.arrayContaining(['card:1', 'card:2', 'card:4', 'card:5', 'number:1', 'number:2', 'number:3']),
      );
    });
  });

  it('card route, valid: the answered coverage with ratio, elderly info and 限度額 (consent by card)', () => {
    const s = scenario({
      visitDate: '2026-01-15',
      needsLimit: true,
      patient: {
        birthDate: '1953-06-10',
        coverages: [
          {
            insurer: 'kyokai',
            insurerNumber: '01130012',
            symbol: '12',
            number: '345',
            branch: '01',
            acquiredOn: '2015-04-01',
            ratio: 30,
            limitCategory: '現役並みⅡ',
          },
        ],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-06-10' },
      },
      presented: [{ kind: 'myna-card' }],
    });
    const a = onshiForScenario(s, {
      person: { name: '試験 太郎', kana: 'しけん たろう', sex: 'male' },
      executedAt: new Date('2026-01-15T01:02:03Z'),
    });
    expect(a.route).toBe('card');
    const doc = a.result!;
    expect(doc.XmlMsg.MessageHeader).toEqual({
      ProcessExecutionTime: '20260115100203',
      QualificationConfirmationDate: '20260115',
      MedicalInstitutionCode: '1319999996',
      ReferenceClassification: '1',
      SegmentOfResult: '1',
      ErrorCode: '',
      ErrorMessage: '',
      CharacterCodeIdentifier: '0',
    });
    expect(doc.XmlMsg.MessageBody.QualificationValidity).toBe('1');
    expect(doc.XmlMsg.MessageBody.ResultList).toEqual([
      {
        ResultOfQualificationConfirmation: {
          InsuredCardClassification: '01',
          Name: '試験 太郎',
          NameKana: 'ｼｹﾝ ﾀﾛｳ',
          Sex1: '1',
          Birthdate: '19530610',
          InsurerName: '全国健康保険協会',
          InsurerNumber: '01130012',
          InsuredCardSymbol: '12',
          InsuredIdentificationNumber: '345',
          InsuredBranchNumber: '01',
          PersonalFamilyClassification: '1',
          InsuredCardValidDate: '20150401',
          InsuredPartialContributionRatio: '030',
          ElderlyRecipientCertificateInfo: {
            ElderlyRecipientCertificateDate: '20250801',
            ElderlyRecipientValidStartDate: '20250801',
            ElderlyRecipientValidEndDate: '20260731',
            ElderlyRecipientContributionRatio: '030',
          },
          LimitApplicationCertificateRelatedConsFlg: '1',
          LimitApplicationCertificateRelatedConsTime: '20260115100203',
          LimitApplicationCertificateRelatedInfo: {
            LimitApplicationCertificateClassification: '01',
            LimitApplicationCertificateClassificationFlag: 'B02',
            LimitApplicationCertificateDate: '20250801',
            LimitApplicationCertificateValidStartDate: '20250801',
            LimitApplicationCertificateValidEndDate: '20260731',
          },
        },
      },
    ]);
    expectConsistent(s, a);
  });

  it('card route: invalid shows the lost coverage; not-found an empty list; multiple every current coverage', () => {
    const base = {
      visitDate: '2026-01-16',
      patient: { birthDate: '1998-04-15', myna: { insuranceRegistered: true, certExpiresOn: '2030-04-15' } },
      presented: [{ kind: 'myna-card' }],
    };
    const invalid = scenario({
      ...base,
      patient: {
        ...base.patient,
        coverages: [
          { insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2020-04-01', lostOn: '2026-01-13' },
          { insurer: 'kyokai', acquiredOn: '2026-01-13', filedOn: '2026-01-14' },
        ],
      },
    });
    const a = onshiForScenario(invalid);
    expect(a.result!.XmlMsg.MessageBody.QualificationValidity).toBe('2');
    const r = a.result!.XmlMsg.MessageBody.ResultList[0]!.ResultOfQualificationConfirmation;
    expect(r).toMatchObject({
      InsurerNumber: '138156',
      InsuredCardExpirationDate: '20260112',
      ReasonOfLoss: '03',
      Name: PLACEHOLDER_PERSON.name,
      Sex1: '3',
    });
    expectConsistent(invalid, a);

    const notFound = scenario({
      ...base,
      patient: { ...base.patient, coverages: [{ insurer: 'kyokai', acquiredOn: '2026-01-13', filedOn: '2026-01-14' }] },
    });
    const b = onshiForScenario(notFound);
    expect(b.result!.XmlMsg.MessageBody.QualificationValidity).toBe('4');
    expect(b.result!.XmlMsg.MessageBody.ResultList).toEqual([]);
    // no entry: no <ResultList> element (an empty one reads as "" in common XML readers, not as a list)
    expect(toXml(b.result!)).not.toContain('<ResultList');
    expectConsistent(notFound, b);

    const multiple = scenario({
      ...base,
      patient: {
        ...base.patient,
        coverages: [
          { insurer: 'kokuho', acquiredOn: '2020-04-01' },
          { insurer: 'kyokai', acquiredOn: '2025-04-01' },
        ],
      },
    });
    const c = onshiForScenario(multiple);
    expect(c.result!.XmlMsg.MessageBody.QualificationValidity).toBe('5');
    expect(
      c.result!.XmlMsg.MessageBody.ResultList.map((x) => x.ResultOfQualificationConfirmation.InsuredCardValidDate),
    ).toEqual(['20250401', '20200401']);
    expectConsistent(multiple, c);
  });

  it('number route: invalid-new for an old card, with the query echoed; consent decides 限度額', () => {
    const s = scenario({
      visitDate: '2025-10-20',
      limitConsent: false,
      patient: {
        birthDate: '1990-02-14',
        coverages: [
          {
            insurer: 'kyokai',
            insurerNumber: '01130012',
            symbol: '88',
            number: '7',
            acquiredOn: '2012-04-01',
            lostOn: '2025-09-01',
            limitCategory: 'ウ',
          },
          { insurer: 'kumiai', insurerNumber: '06138093', acquiredOn: '2025-09-01' },
        ],
        myna: null,
      },
      presented: [{ kind: 'legacy-card', coverage: 'c1' }],
    });
    const a = onshiForScenario(s);
    expect(a.route).toBe('number');
    const body = a.result!.XmlMsg.MessageBody;
    expect(body.QualificationValidity).toBe('3');
    expect(body.QualificationConfirmSearchInfo).toEqual({
      InsurerNumber: '01130012',
      InsuredCardSymbol: '88',
      InsuredIdentificationNumber: '7',
      Birthdate: '19900214',
      LimitApplicationCertificateRelatedConsFlg: '0',
    });
    const r = body.ResultList[0]!.ResultOfQualificationConfirmation;
    expect(r).toMatchObject({
      InsurerNumber: '01130012',
      InsuredCardExpirationDate: '20250831',
      ReasonOfLoss: '03',
      LimitApplicationCertificateRelatedConsFlg: '0',
    });
    expect(r.LimitApplicationCertificateRelatedInfo).toBeUndefined();
    expectConsistent(s, a);
  });

  it('未就学 and 後期 ratios; a 12-digit 記号・番号 is never echoed (R18)', () => {
    const child = scenario({
      visitDate: '2026-01-07',
      patient: {
        birthDate: '2020-08-15',
        coverages: [{ insurer: 'kumiai', acquiredOn: '2020-08-15', symbol: '123456789012', number: '1234 5678 9012' }],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-08-15' },
      },
      presented: [{ kind: 'myna-card' }],
    });
    const a = onshiForScenario(child);
    const r = a.result!.XmlMsg.MessageBody.ResultList[0]!.ResultOfQualificationConfirmation;
    expect(r.PreschoolClassification).toBe('1');
    expect(r.InsuredPartialContributionRatio).toBe('020');
    expect(r.InsuredCardSymbol).toBeUndefined();
    expect(JSON.stringify(a) + toXml(a.result!)).not.toMatch(/(?<!\d)\d{12}(?!\d)|1234 5678 9012/);
    const kouki = scenario({
      visitDate: '2026-01-08',
      patient: {
        birthDate: '1946-07-14',
        coverages: [{ insurer: 'kouki', acquiredOn: '2021-07-14', ratio: 30 }],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-07-14' },
      },
      presented: [{ kind: 'myna-card' }],
    });
    const k = onshiForScenario(kouki).result!.XmlMsg.MessageBody.ResultList[0]!.ResultOfQualificationConfirmation;
    expect(k.InsuredPartialContributionRatio).toBe('030');
    expect(k.ElderlyRecipientCertificateInfo).toBeUndefined();
  });

  it('no document when nothing reached the national system; a trace that disagrees with the decision is refused', () => {
    const s = scenario({
      visitDate: '2026-01-20',
      clinic: { onlineCheck: true, incident: 'network-outage' },
      patient: {
        birthDate: '1981-05-10',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
      },
      presented: [{ kind: 'myna-card' }, { kind: 'legacy-card' }],
    });
    expect(onshiForScenario(s)).toEqual({ id: 't', route: null, result: null });
    const ok = scenario({
      visitDate: '2026-01-20',
      patient: {
        birthDate: '1981-05-10',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
        myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
      },
      presented: [{ kind: 'myna-card' }],
    });
    const { decision, trace } = decideWithTrace(ok);
    expect(() =>
      onshiFromTrace(ok, { ...decision, onlineCheck: { ...decision.onlineCheck, cardRoute: 'invalid' } }, trace),
    ).toThrow(/disagrees/);
  });

  it('fromXml rejects malformed XML with a clear message', () => {
    expect(() => fromXml('<XmlMsg><MessageHeader></XmlMsg>')).toThrow(/XML/);
    const doc: OnshiDocument = bundled.map((s) => onshiForScenario(s)).find((a) => a.result)!.result!;
    expect(fromXml(toXml(doc))).toEqual(doc);
  });
});
