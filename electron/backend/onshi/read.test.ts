import { describe, expect, it } from 'vitest';
import defaultPack from '../../../packs/default-pack.json';
import deskMixPack from '../../../packs/desk-mix-pack.json';
import { decide, decideWithTrace, observe } from '../../../shared/engine';
import { mergeTerminalAnswer, type Observation, parseObservations } from '../../../shared/observation';
import { parsePack, type Scenario } from '../../../shared/scenario';
import { AppError } from '../errors';
import { onshiFromTrace } from './document';
import { readResultFile, RESULT_MAX_BYTES } from './read';
import { toXml } from './xml';

const bundled: Scenario[] = [defaultPack, deskMixPack].flatMap((p) => {
  const r = parsePack(p);
  if (!r.ok) throw new Error('a bundled pack does not parse');
  return r.scenarios;
});

const bytes = (s: string) => new TextEncoder().encode(s);
const read = (xml: string) => readResultFile(bytes(xml), 'result.xml');

function readError(xml: string | Uint8Array): AppError {
  try {
    readResultFile(typeof xml === 'string' ? bytes(xml) : xml, 'result.xml');
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the file to be refused');
}

/** The parts of a decision the terminal's answer decides (coverage ids may be the reader's). */
const outcome = (o: Observation) => {
  const d = decide(o);
  return {
    verdict: d.verdict,
    copayPercent: d.copayPercent,
    billing: d.billing,
    documentsNeeded: d.documentsNeeded,
    rules: d.rules,
    onlineCheck: d.onlineCheck,
  };
};

describe('reading a terminal’s result file', () => {
  it('every result the app writes for the bundled packs reads back to what decide saw, and decides the same', () => {
    let card = 0;
    let number = 0;
    const seen = { ratio: 0, limit: 0 };
    for (const s of bundled) {
      const { decision, trace } = decideWithTrace(s);
      const doc = onshiFromTrace(s, decision, trace);
      if (doc.result === null) continue;
      const answer = read(toXml(doc.result));
      const o = observe(s);
      expect(answer.visitDate, s.id).toBe(s.visitDate);
      expect(answer.route, s.id).toBe(doc.route);
      // every coverage entry: what the rule book takes from the system is read, nothing else
      doc.result.XmlMsg.MessageBody.ResultList.forEach(({ ResultOfQualificationConfirmation: r }, i) => {
        const t = answer.coverages[i]!;
        const d8 = (x: string) => `${x.slice(0, 4)}-${x.slice(4, 6)}-${x.slice(6)}`;
        expect(t.acquiredOn, s.id).toBe(d8(r.InsuredCardValidDate));
        const elderly = r.ElderlyRecipientCertificateInfo?.ElderlyRecipientContributionRatio;
        expect(t.ratio, s.id).toBe(
          elderly ? Number(elderly) : t.insurer === 'kouki' ? Number(r.InsuredPartialContributionRatio) : null,
        );
        expect(t.limitCategory !== null, s.id).toBe(r.LimitApplicationCertificateRelatedInfo !== undefined);
        seen.ratio += t.ratio === null ? 0 : 1;
        seen.limit += t.limitCategory === null ? 0 : 1;
      });
      // blank what the terminal answered, then let the file fill it in again
      let blank: Observation;
      if (doc.route === 'card') {
        card += 1;
        expect(answer.cardResult, s.id).toBe(o.card!.result);
        expect(
          answer.coverages.map((c) => c.insurer),
          s.id,
        ).toEqual(o.card!.shows.map((id) => o.coverages.find((c) => c.id === id)!.insurer));
        blank = { ...o, card: { ...o.card!, result: 'not-found', shows: [] } };
      } else {
        number += 1;
        const q = trace.numberQueries[trace.decidingQuery ?? 0]!;
        expect(answer.numberResult, s.id).toBe(q.result);
        expect(answer.coverages[0]?.insurer, s.id).toBe(q.coverage.insurer);
        blank = {
          ...o,
          documents: o.documents.map((d, i) => (i === q.index ? { ...d, numberQuery: null } : d)),
        };
      }
      // …and what the file tells of the coverages it shows (what it does not carry stays: the
      // patient says it when asked, e.g. a 70+ 現役並みⅢ has no 限度額 certificate to return)
      const shownIds =
        doc.route === 'card' ? o.card!.shows : [trace.numberQueries[trace.decidingQuery ?? 0]!.coverage.id];
      blank = {
        ...blank,
        coverages: blank.coverages.map((c) => {
          const i = shownIds.indexOf(c.id);
          if (i < 0) return c;
          const t = answer.coverages[i]!;
          return {
            ...c,
            acquiredOn: t.acquiredOn === null ? c.acquiredOn : null,
            ratio: t.ratio === null ? c.ratio : null,
            limitCategory: t.limitCategory === null ? c.limitCategory : null,
          };
        }),
      };
      const merged = mergeTerminalAnswer(blank, answer);
      if (!merged.ok) throw new Error(`${s.id}: ${JSON.stringify(merged.issues)}`);
      expect(outcome(merged.observation), s.id).toEqual(outcome(o));
    }
    expect(card).toBeGreaterThan(20);
    expect(number).toBeGreaterThan(20);
    expect(seen.ratio).toBeGreaterThan(5);
    expect(seen.limit).toBeGreaterThan(2);
  });

  const header = (over: Record<string, string> = {}) => {
    const h = {
      ProcessExecutionTime: '20260115100203',
      QualificationConfirmationDate: '20260115',
      MedicalInstitutionCode: '1310000000',
      ReferenceClassification: '1',
      SegmentOfResult: '1',
      CharacterCodeIdentifier: '0',
      ...over,
    };
    return `<MessageHeader>${Object.entries(h)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</MessageHeader>`;
  };
  const entry = (inner: string) =>
    `<ResultOfQualificationConfirmation><InsuredCardClassification>01</InsuredCardClassification><Name>架空 花子</Name><Sex1>2</Sex1><Birthdate>19530610</Birthdate><InsurerName>全国健康保険協会</InsurerName>${inner}</ResultOfQualificationConfirmation>`;
  const doc = (h: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><XmlMsg>${h}<MessageBody>${body}</MessageBody></XmlMsg>`;

  it('a minimal card result (optional elements missing), with elements the reader does not use', () => {
    const a = read(
      doc(
        header(),
        `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>1</QualificationValidity><ResultList>${entry(
          '<InsurerNumber>  138156</InsurerNumber><Address>東京都</Address><PharmacistsInfoConsFlg>1</PharmacistsInfoConsFlg>',
        )}</ResultList>`,
      ),
    );
    expect(a).toEqual({
      route: 'card',
      visitDate: '2026-01-15',
      birthDate: '1953-06-10',
      coverages: [
        {
          id: 't1',
          insurer: 'kokuho',
          insurerNumber: '138156',
          symbol: null,
          number: null,
          branch: null,
          acquiredOn: null,
          ratio: null,
          elderlyCard: null,
          limitCategory: null,
          limitOnFile: true,
          role: null,
          filedOn: null,
          myNumberOnForm: true,
        },
      ],
      shown: [{ id: 't1', insurerName: '全国健康保険協会', personalFamily: null, lastDay: null }],
      cardResult: 'valid',
      numberResult: null,
    });
    // never a name, 記号・番号 or address in what is read
    expect(JSON.stringify(a)).not.toMatch(/架空|東京都/);
  });

  it('70–74 and 限度額 information; 複数該当 with several entries', () => {
    const elderly = entry(
      `<InsurerNumber>01130012</InsurerNumber><InsuredCardSymbol>12</InsuredCardSymbol><InsuredIdentificationNumber>345</InsuredIdentificationNumber><PersonalFamilyClassification>2</PersonalFamilyClassification><InsuredCardValidDate>20150401</InsuredCardValidDate><InsuredPartialContributionRatio>020</InsuredPartialContributionRatio>
       <ElderlyRecipientCertificateInfo><ElderlyRecipientContributionRatio>030</ElderlyRecipientContributionRatio></ElderlyRecipientCertificateInfo>
       <LimitApplicationCertificateRelatedInfo><LimitApplicationCertificateClassificationFlag>B08</LimitApplicationCertificateClassificationFlag></LimitApplicationCertificateRelatedInfo>`,
    );
    const kouki = entry(
      '<InsurerNumber>39131156</InsurerNumber><QualificationDate>20230610</QualificationDate><InsuredCardValidDate>20240101</InsuredCardValidDate><InsuredPartialContributionRatio>010</InsuredPartialContributionRatio><InsuredCardExpirationDate>20260131</InsuredCardExpirationDate>',
    );
    const a = read(
      doc(
        header(),
        `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>5</QualificationValidity><ResultList>${elderly}${kouki}</ResultList>`,
      ),
    );
    expect(a.cardResult).toBe('multiple');
    expect(a.coverages.map((c) => [c.id, c.insurer, c.acquiredOn, c.ratio, c.limitCategory])).toEqual([
      ['t1', 'kyokai', '2015-04-01', 30, '低所得Ⅰ'],
      ['t2', 'kouki', '2023-06-10', 10, null],
    ]);
    expect(a.shown.map((s) => [s.personalFamily, s.lastDay])).toEqual([
      [2, null],
      [null, '2026-01-31'],
    ]);
    // 本人・家族の別 2 is a dependent (R26); not given: not known
    expect(a.coverages.map((c) => c.role)).toEqual(['dependent', null]);
    expect(JSON.stringify(a)).not.toMatch(/"12"|345/);
  });

  it('not found: no ResultList, an empty one, and a number query with its echo', () => {
    const body = (list: string) =>
      `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>4</QualificationValidity>${list}`;
    expect(read(doc(header(), body(''))).cardResult).toBe('not-found');
    expect(read(doc(header(), body('<ResultList></ResultList>'))).coverages).toEqual([]);
    const n = read(
      doc(
        header({ ReferenceClassification: '2' }),
        body(
          '<QualificationConfirmSearchInfo><InsurerNumber>06138093</InsurerNumber><InsuredIdentificationNumber>7</InsuredIdentificationNumber><Birthdate>19900214</Birthdate><LimitApplicationCertificateRelatedConsFlg>0</LimitApplicationCertificateRelatedConsFlg></QualificationConfirmSearchInfo>',
        ),
      ),
    );
    expect([n.route, n.numberResult, n.birthDate, n.coverages.map((c) => c.insurer)]).toEqual([
      'number',
      'not-found',
      '1990-02-14',
      ['kumiai'],
    ]);
  });

  it('an error result (SegmentOfResult ≠ 1): the terminal’s own code and message, nothing read', () => {
    const e = readError(
      doc(
        header({ SegmentOfResult: '9', ErrorCode: 'EQ0001', ErrorMessage: '資格確認に失敗しました' }),
        '<ProcessingResultStatus>2</ProcessingResultStatus>',
      ),
    );
    expect(e.ja).toMatch(/^result\.xml: 資格確認端末はこの照会をエラーとしました/);
    expect(e.ja).toContain('EQ0001: 資格確認に失敗しました');
    expect(e.en).toContain('SegmentOfResult 9');
  });

  it('a 医療扶助 entry (法別 12, with its 医療券 list) is refused, asking for the screen by hand: its codes are not public', () => {
    const welfare = entry(
      '<InsurerNumber>12130014</InsurerNumber><PublicExpenseResultList><MedicalTicketInfo><MedicalTreatmentMonth>202611</MedicalTreatmentMonth></MedicalTicketInfo></PublicExpenseResultList>',
    );
    const e = readError(
      doc(
        header(),
        `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>1</QualificationValidity><ResultList>${welfare}</ResultList>`,
      ),
    );
    expect(e.ja).toContain('「12130014」は健康保険の保険者番号ではありません');
    expect(e.ja).toContain('画面の表示を手で入力してください');
    expect(e.en).toContain('InsurerNumber');
  });

  it('damaged files name the element; garbage, DOCTYPE/entities and a 13 MB file are refused', () => {
    const ok = `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>1</QualificationValidity><ResultList>${entry(
      '<InsurerNumber>01130012</InsurerNumber>',
    )}</ResultList>`;
    const cases: [string, string, RegExp, RegExp][] = [
      [
        'validity',
        ok.replace('<QualificationValidity>1', '<QualificationValidity>7'),
        /資格有効性/,
        /QualificationValidity/,
      ],
      [
        'card 3',
        ok.replace('<QualificationValidity>1', '<QualificationValidity>3'),
        /資格有効性/,
        /QualificationValidity/,
      ],
      ['count', ok.replace('<QualificationValidity>1', '<QualificationValidity>5'), /件数/, /ResultList has 1 entries/],
      ['insurer', ok.replace('01130012', '12130014'), /保険者番号/, /InsurerNumber/],
      ['date', ok.replace('19530610', '19531310'), /生年月日/, /Birthdate/],
      [
        'ratio',
        ok.replace(
          '</InsurerNumber>',
          '</InsurerNumber><PersonalFamilyClassification>3</PersonalFamilyClassification>',
        ),
        /本人・家族の別/,
        /PersonalFamilyClassification/,
      ],
    ];
    for (const [what, body, ja, en] of cases) {
      const e = readError(doc(header(), body));
      expect(e.ja, what).toMatch(ja);
      expect(e.en, what).toMatch(en);
      expect(e.ja, what).toMatch(/^result\.xml: 照会結果の/);
    }
    expect(
      readError(
        doc(
          header({ ReferenceClassification: '2' }),
          ok.replace('<QualificationValidity>1', '<QualificationValidity>5'),
        ),
      ).ja,
    ).toContain('枝番');
    expect(
      readError(doc(header().replace(/<QualificationConfirmationDate>.*<\/QualificationConfirmationDate>/, ''), ok)).ja,
    ).toContain('資格確認日');
    expect(readError('<html><body>not a result</body></html>').ja).toContain('XmlMsg');
    expect(readError('garbage \u0000 bytes').ja).toContain('XML');
    expect(readError(doc(header(), ok).replace('<XmlMsg>', '<XmlMsg><MessageBody>')).ja).toContain('XML');
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><XmlMsg>&lol2;</XmlMsg>`;
    expect(readError(laughs).ja).toContain('DOCTYPE');
    const big = new Uint8Array(13 * 1024 * 1024).fill(0x20);
    expect(big.byteLength).toBeGreaterThan(RESULT_MAX_BYTES);
    expect(readError(big).ja).toContain('大きすぎます');
  });

  it('a Shift_JIS file (CharacterCodeIdentifier 1) is decoded', () => {
    const xml = doc(
      header({ CharacterCodeIdentifier: '1' }),
      `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>1</QualificationValidity><ResultList>${entry('<InsurerNumber>01130012</InsurerNumber>')}</ResultList>`,
    )
      .replace('encoding="UTF-8"', 'encoding="Shift_JIS"')
      .replace('全国健康保険協会', '協会');
    // 協会 in Shift_JIS: 8B A6 89 EF; the rest is ASCII or not read
    const parts = xml.split('協会');
    const sjis = Uint8Array.from([
      ...Buffer.from(parts[0]!.replace('架空 花子', 'x'), 'latin1'),
      0x8b,
      0xa6,
      0x89,
      0xef,
      ...Buffer.from(parts[1]!, 'latin1'),
    ]);
    expect(readResultFile(sjis, 'sjis.xml').shown[0]!.insurerName).toBe('協会');
  });

  it('merging into an observation: day and birth date must agree; the queried document gets the answer', () => {
    const obs = parseObservations({
      format: 'shikaku-observation/1',
      id: 'real',
      visitDate: '2025-10-20',
      visitType: 'return',
      clinic: { onlineCheck: true },
      patient: { birthDate: '1990-02-14', insurance: null },
      coverages: [{ id: 'c1', insurer: 'kumiai', insurerNumber: null }],
      card: null,
      documents: [
        { kind: 'legacy-card', coverage: 'c1', printedExpiry: null, numberQuery: null, confirmedByInsurer: null },
      ],
      hindsight: null,
    });
    if (!obs.ok) throw new Error(JSON.stringify(obs.issues));
    const o = obs.observations[0]!;
    const result = (date: string, validity: string) =>
      read(
        doc(
          header({ ReferenceClassification: '2', QualificationConfirmationDate: date }),
          `<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>${validity}</QualificationValidity><ResultList>${entry(
            '<InsurerNumber>06138093</InsurerNumber><InsuredCardValidDate>20120401</InsuredCardValidDate><InsuredCardExpirationDate>20250831</InsuredCardExpirationDate>',
          ).replace('19530610', '19900214')}</ResultList>`,
        ),
      );
    const merged = mergeTerminalAnswer(o, result('20251020', '3'));
    if (!merged.ok) throw new Error(JSON.stringify(merged.issues));
    expect(merged.observation.coverages).toHaveLength(1);
    expect(merged.observation.coverages[0]).toMatchObject({
      id: 'c1',
      insurerNumber: '06138093',
      acquiredOn: '2012-04-01',
    });
    expect(merged.observation.documents[0]).toMatchObject({ numberQuery: { result: 'invalid-new', newer: null } });
    expect(decide(merged.observation).onlineCheck.numberRoute).toBe('invalid-new');
    const otherDay = mergeTerminalAnswer(o, result('20251021', '1'));
    expect(otherDay.ok ? null : otherDay.issues[0]!.path).toBe('visitDate');
  });
});
