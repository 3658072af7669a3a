import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRequest } from '../../../shared/contract';
import { ApiFailure } from '../../../shared/contract/kernel';
import type { ParsedPatient, PatientInput } from '../../../shared/contract/patient';
import { MY_NUMBER_REFUSAL } from '../../../shared/identifiers';
import { openDatabase } from '../db/open';
import { MIGRATIONS } from '../db/schema';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-dir';
import { RegistryRepository, interpretQuery } from './repository';

let db: Database;
let repo: RegistryRepository;
beforeEach(async () => {
  db = (await openDatabase({ dataDir: tempDir() })).db;
  repo = new RegistryRepository(db);
});
afterEach(() => db.close());

/** What registry.save receives: the contract's parse (the one place a patient is checked). */
function parsed(input: unknown): ParsedPatient {
  const r = parseRequest('registry.save', input);
  if (!r.ok) throw new ApiFailure(r.error.code, r.error.ja, r.error.en);
  return r.value;
}

function person(over: Partial<PatientInput> = {}): PatientInput {
  return {
    name: '桜井 花子',
    kana: 'サクライ ハナコ',
    birthDate: '1981-05-10',
    sex: 'female',
    note: 'テスト用の架空の患者',
    coverages: [
      {
        insurer: 'kyokai',
        insurerNumber: '01130012',
        insurerName: '全国健康保険協会 東京支部',
        symbol: '1234',
        number: '56',
        branch: '00',
        acquiredOn: '2015-04-01',
      },
      { insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01', lostOn: '2015-04-01', personalFamily: 2 },
    ],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10', pinLocked: false },
    holdings: [
      { kind: 'legacy-card', coverage: 'c1', printedExpiry: null },
      { kind: 'kakunin-sho', coverage: 'c1', issuedOn: '令和7年8月1日', validUntil: 'R12.7.31', showsLimit: true },
      { kind: 'oshirase', coverage: 'c1' },
      { kind: 'smartphone', os: 'android' },
      { kind: 'elderly-card', ratio: 20, validUntil: '2027-07-31' },
      { kind: 'limit-cert', category: 'ウ', validUntil: null },
    ],
    ...over,
  };
}

function expectError(fn: () => unknown, code: string, path?: string): ApiFailure {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiFailure);
    expect((e as ApiFailure).code).toBe(code);
    if (path) expect((e as ApiFailure).en).toContain(path);
    return e as ApiFailure;
  }
  throw new Error(`expected ${code}`);
}

const countAll = () =>
  ['person', 'coverage', 'myna', 'holding'].map(
    (t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  );

describe('registry CRUD', () => {
  it('creates a person with coverages, card and holdings, normalising dates and kana', () => {
    const p = repo.create(parsed(person({ kana: 'ｻｸﾗｲ  ﾊﾅｺ' })));
    expect(p.id).toMatch(/^\d+$/);
    expect(p.kana).toBe('サクライ ハナコ');
    expect(p.coverages.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(p.coverages[0]).toMatchObject({
      insurerName: '全国健康保険協会 東京支部',
      personalFamily: 1,
      myNumberOnForm: true,
      lostOn: null,
    });
    expect(p.coverages[1]).toMatchObject({
      insurer: 'kokuho',
      personalFamily: 2,
      insurerName: null,
      lostOn: '2015-04-01',
    });
    expect(p.myna).toEqual({
      insuranceRegistered: true,
      registerAtDesk: true,
      certExpiresOn: '2030-05-10',
      pinLocked: false,
    });
    expect(p.holdings[1]).toEqual({
      kind: 'kakunin-sho',
      coverage: 'c1',
      issuedOn: '2025-08-01',
      validFrom: null,
      validUntil: '2030-07-31',
      showsRatio: false,
      showsLimit: true,
    });
    expect(p.holdings.map((h) => h.kind)).toEqual([
      'legacy-card',
      'kakunin-sho',
      'oshirase',
      'smartphone',
      'elderly-card',
      'limit-cert',
    ]);
    expect(repo.get(p.id)).toEqual(p);
  });

  it('edits: replaces the data; holdings and coverage extras left out are kept', () => {
    const p = repo.create(parsed(person()));
    const { holdings: _h, ...rest } = person();
    const coverages = (rest.coverages ?? []).map(({ insurerName: _n, personalFamily: _f, ...c }) => c);
    const q = repo.update(p.id, parsed({ ...rest, name: '桜井 はな子', coverages }));
    expect(q.name).toBe('桜井 はな子');
    expect(q.holdings).toEqual(p.holdings);
    expect(q.coverages[0]!.insurerName).toBe('全国健康保険協会 東京支部');
    expect(q.coverages[1]!.personalFamily).toBe(2);
    // dropping a coverage drops the documents of that coverage; no card → no smartphone
    const r = repo.update(p.id, parsed({ ...rest, coverages: [{ ...coverages[1]!, id: 'c2' }], myna: null }));
    expect(r.coverages.map((c) => c.id)).toEqual(['c2']);
    expect(r.holdings.map((h) => h.kind)).toEqual(['elderly-card', 'limit-cert']);
    expect(r.myna).toBeNull();
  });

  it('deletes a person with everything they hold, and unknown ids are clear errors', () => {
    const p = repo.create(parsed(person()));
    repo.create(parsed(person({ name: '別の 人', kana: 'ベツノ ヒト' })));
    expect(countAll()).toEqual([2, 4, 2, 12]);
    expect(repo.delete(p.id)).toBe(true);
    expect(repo.get(p.id)).toBeNull();
    expect(countAll()).toEqual([1, 2, 1, 6]);
    expect(repo.delete(p.id)).toBe(false);
    expectError(() => repo.update(p.id, parsed(person())), 'not-found');
    expectError(() => repo.get('abc'), 'invalid-input');
  });

  it('a failed write leaves nothing behind (one transaction per person)', () => {
    repo.create(parsed(person()));
    const before = countAll();
    // the second coverage row violates the table's CHECK after validation → whole create rolls back
    db.exec(
      "CREATE TRIGGER no_kokuho BEFORE INSERT ON coverage WHEN NEW.insurer = 'kokuho' BEGIN SELECT RAISE(ABORT, 'boom'); END;",
    );
    expect(() => repo.create(parsed(person({ name: '失敗 する', kana: 'シッパイ スル' })))).toThrow();
    expect(countAll()).toEqual(before);
  });
});

describe('rule book version 2 in the registry', () => {
  const v2 = (over: Partial<PatientInput> = {}): PatientInput => ({
    name: '架空 ひなた',
    kana: 'カクウ ヒナタ',
    birthDate: '1985-05-05',
    sex: 'female',
    coverages: [
      {
        insurer: 'kyokai',
        insurerNumber: '01130012',
        acquiredOn: '2015-04-01',
        lostOn: '2026-01-01',
        lossRegisteredOn: '2026-01-20',
        limitOnFile: false,
      },
      {
        insurer: 'kumiai',
        insurerNumber: '06138093',
        acquiredOn: '2026-01-01',
        role: 'dependent',
        holderBirthDate: '1952-02-02',
        personalFamily: 2,
      },
    ],
    myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
    kohi: [
      {
        program: 'nanbyo',
        payerNumber: '54131008',
        recipientNumber: '1234566',
        validFrom: '2025-10-01',
        validUntil: '2026-09-30',
        monthlyCapYen: 10000,
        paidThisMonthYen: 2500,
        designatedHere: false,
      },
      {
        id: 'ko',
        program: 'single-parent',
        payerNumber: '88131008',
        validFrom: '2025-04-01',
        validUntil: '2027-03-31',
        prefecture: '13',
        share: { perVisitYen: 200 },
        pmhRegistered: true,
      },
    ],
    welfare: { from: '2024-01-01', until: '2024-12-31' },
    holdings: [
      { kind: 'kohi-cert', kohi: 'k1' },
      { kind: 'kohi-cert', kohi: 'ko' },
      { kind: 'medical-ticket', month: '2024-06', forThisClinic: false },
      { kind: 'medical-ticket' },
      { kind: 'rousai-form' },
    ],
    ...over,
  });

  it('stores programmes, 生活保護, the coverage fields and the new documents, and reads them back', () => {
    const p = repo.create(parsed(v2()));
    expect(p.coverages[0]).toMatchObject({ lossRegisteredOn: '2026-01-20', limitOnFile: false, role: 'insured' });
    expect(p.coverages[1]).toMatchObject({
      role: 'dependent',
      holderBirthDate: '1952-02-02',
      lostWithHolder: false,
      limitOnFile: true,
    });
    expect(p.kohi).toEqual([
      {
        id: 'k1',
        program: 'nanbyo',
        payerNumber: '54131008',
        recipientNumber: '1234566',
        validFrom: '2025-10-01',
        validUntil: '2026-09-30',
        prefecture: null,
        share: null,
        monthlyCapYen: 10000,
        paidThisMonthYen: 2500,
        designatedHere: false,
        pmhRegistered: false,
      },
      {
        id: 'ko',
        program: 'single-parent',
        payerNumber: '88131008',
        recipientNumber: null,
        validFrom: '2025-04-01',
        validUntil: '2027-03-31',
        prefecture: '13',
        share: { perVisitYen: 200 },
        monthlyCapYen: null,
        paidThisMonthYen: null,
        designatedHere: null,
        pmhRegistered: true,
      },
    ]);
    expect(p.welfare).toEqual({ from: '2024-01-01', until: '2024-12-31', ticketRegistered: true });
    expect(p.holdings).toEqual([
      { kind: 'kohi-cert', kohi: 'k1' },
      { kind: 'kohi-cert', kohi: 'ko' },
      { kind: 'medical-ticket', month: '2024-06', forThisClinic: false },
      { kind: 'medical-ticket', month: null, forThisClinic: true },
      { kind: 'rousai-form' },
    ]);
    expect(repo.get(p.id)).toEqual(p);
  });

  it('an edit that leaves them out keeps them; a programme dropped drops its certificate', () => {
    const p = repo.create(parsed(v2()));
    const { kohi: _k, welfare: _w, holdings: _h, ...rest } = v2();
    const coverages = (rest.coverages ?? []).map(
      ({ lossRegisteredOn: _l, limitOnFile: _o, role: _r, holderBirthDate: _b, ...c }) => c,
    );
    const q = repo.update(p.id, parsed({ ...rest, coverages, name: '架空 ひなこ' }));
    expect(q.name).toBe('架空 ひなこ');
    expect({ ...q, name: p.name, updatedAt: p.updatedAt }).toEqual(p);
    const r = repo.update(p.id, parsed({ ...rest, coverages, kohi: [v2().kohi![1]!], welfare: null }));
    expect(r.kohi.map((k) => k.id)).toEqual(['ko']);
    expect(r.welfare).toBeNull();
    expect(r.holdings).toEqual(p.holdings.filter((h) => h.kind !== 'kohi-cert' || h.kohi === 'ko'));
    expect(r.coverages[1]!.role).toBe('dependent');
  });

  it('refuses what the scenario format refuses, naming the field in Japanese; a kept field is checked on the merged record', () => {
    const bad = (over: Partial<PatientInput>) => expectError(() => parsed(v2(over)), 'invalid-input');
    // R19 check digit and the 法別 number of a national programme
    expect(bad({ kohi: [{ ...v2().kohi![0]!, payerNumber: '54131009' }] }).ja).toContain('公費負担者番号');
    expect(bad({ kohi: [{ ...v2().kohi![0]!, payerNumber: '52131000' }] }).ja).toContain('法別番号 54');
    expect(bad({ kohi: [{ ...v2().kohi![1]!, prefecture: null }] }).ja).toContain('都道府県');
    // in Japanese, without the format's field names
    for (const e of [
      bad({ kohi: [{ ...v2().kohi![1]!, prefecture: null }] }),
      bad({ kohi: [{ ...v2().kohi![1]!, share: null }] }),
      bad({ kohi: [{ ...v2().kohi![0]!, share: 'none' }] }),
      bad({ kohi: [{ ...v2().kohi![0]!, prefecture: '13' }] }),
      bad({ kohi: [v2().kohi![1]!, v2().kohi![1]!] }),
    ])
      expect(e.ja).not.toMatch(/[a-z]{4,}/);
    // a 国保 current while on 生活保護
    expect(
      bad({
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2010-04-01' }],
        holdings: [],
        kohi: [],
      }).ja,
    ).toContain('生活保護');
    // a certificate of a programme the patient is not enrolled in; a 国保 dependent
    expect(bad({ holdings: [{ kind: 'kohi-cert', kohi: 'k9' }] }).ja).toContain('k9');
    expect(
      bad({
        coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2025-01-01', role: 'dependent' }],
        holdings: [],
      }).ja,
    ).toContain('被扶養者');
    // an edit that keeps the role (dependent) but makes the coverage a 国保: refused on the merged record
    const p = repo.create(parsed(v2()));
    const { kohi: _k, welfare: _w, holdings: _h, ...rest } = v2();
    const e = expectError(
      () =>
        repo.update(
          p.id,
          parsed({
            ...rest,
            welfare: null,
            coverages: [
              rest.coverages![0]!,
              { id: 'c2', insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2026-01-01' },
            ],
          }),
        ),
      'invalid-input',
    );
    expect(e.ja).toContain('被扶養者');
    expect(repo.get(p.id)).toEqual(p);
  });
});

describe('validation', () => {
  it('reuses the scenario validator: check digits, 12-digit insurer numbers, dates, document rules', () => {
    expectError(
      () =>
        repo.create(
          parsed(
            person({
              coverages: [{ insurer: 'kyokai', insurerNumber: '01130013', acquiredOn: '2015-04-01' }],
              holdings: [],
            }),
          ),
        ),
      'invalid-input',
      'coverages[0].insurerNumber',
    );
    expectError(
      () =>
        repo.create(
          parsed(
            person({
              coverages: [{ insurer: 'kokuho', insurerNumber: '13815', acquiredOn: '2015-04-01' }],
              holdings: [],
            }),
          ),
        ),
      'invalid-input',
      'coverages[0].insurerNumber',
    );
    expectError(
      () =>
        repo.create(parsed(person({ coverages: [{ insurer: 'kyokai', acquiredOn: '平成31年5月1日' }], holdings: [] }))),
      'invalid-input',
      'coverages[0].acquiredOn',
    );
    expectError(
      () =>
        repo.create(
          parsed(
            person({
              holdings: [{ kind: 'kakunin-sho', coverage: 'c1', issuedOn: '2025-01-01', validUntil: '2031-01-01' }],
            }),
          ),
        ),
      'invalid-input',
      'holdings[0].validUntil',
    );
    expectError(
      () => repo.create(parsed(person({ holdings: [{ kind: 'legacy-card', coverage: 'c9' }] }))),
      'invalid-input',
      'holdings[0].coverage',
    );
    expectError(
      () => repo.create(parsed({ ...person(), holdings: [{ kind: 'legacy-card' }] })),
      'invalid-input',
      'holdings[0].coverage',
    );
    expectError(
      () => repo.create(parsed({ ...person(), holdings: [{ kind: 'passport' }] })),
      'invalid-input',
      'holdings[0].kind',
    );
    expectError(
      () => repo.create(parsed(person({ myna: null, holdings: [{ kind: 'smartphone', os: 'iphone' }] }))),
      'invalid-input',
      'holdings[0].kind',
    );
    expectError(
      () =>
        repo.create(
          parsed(
            person({
              coverages: [{ insurer: 'kokuho', insurerNumber: '138156', acquiredOn: '2015-04-01' }],
              holdings: [{ kind: 'legacy-card', coverage: 'c1' }],
            }),
          ),
        ),
      'invalid-input',
      'holdings[0].printedExpiry',
    );
    expectError(() => repo.create(parsed(person({ kana: '桜井 花子' }))), 'invalid-input', 'kana');
    expectError(() => repo.create(parsed(person({ name: '  ' }))), 'invalid-input', 'name');
    expectError(() => repo.create(parsed(person({ birthDate: '1981-02-30' }))), 'invalid-input', 'birthDate');
    expectError(() => repo.create(parsed({ ...person(), extra: 1 })), 'invalid-input');
    expect(countAll()).toEqual([0, 0, 0, 0]);
  });

  it('R18: no API stores a 12-digit number — every text field is tried', () => {
    const forms = [
      '123456789012',
      '1234 5678 9012',
      '1234-5678-9012',
      '１２３４５６７８９０１２',
      'メモ 123456789012 です',
    ];
    const base = person();
    const targets: Array<[string, (v: string) => unknown]> = [
      ['name', (v) => ({ ...base, name: v })],
      ['kana', (v) => ({ ...base, kana: v })],
      ['birthDate', (v) => ({ ...base, birthDate: v })],
      ['note', (v) => ({ ...base, note: v })],
      ...(
        [
          'insurerNumber',
          'insurerName',
          'symbol',
          'number',
          'branch',
          'acquiredOn',
          'lostOn',
          'registeredOn',
          'filedOn',
          'id',
          'limitCategory',
        ] as const
      ).map((f): [string, (v: string) => unknown] => [
        `coverages[0].${f}`,
        (v) => ({ ...base, coverages: [{ ...base.coverages![0]!, [f]: v }, base.coverages![1]!] }),
      ]),
      ['myna.certExpiresOn', (v) => ({ ...base, myna: { ...base.myna!, certExpiresOn: v } })],
      ...base.holdings!.flatMap((h, i) =>
        Object.keys(h)
          .filter((k) => k !== 'kind' && typeof (h as Record<string, unknown>)[k] === 'string')
          .map((k): [string, (v: string) => unknown] => [
            `holdings[${i}].${k}`,
            (v) => ({ ...base, holdings: base.holdings!.map((x, j) => (j === i ? { ...x, [k]: v } : x)) }),
          ]),
      ),
      ['holdings[0].kind', (v) => ({ ...base, holdings: [{ kind: v }] })],
    ];
    expect(targets.length).toBeGreaterThan(20);
    const p = repo.create(parsed(person({ name: '既存 患者', kana: 'キゾン カンジャ' })));
    for (const [field, make] of targets) {
      for (const v of forms) {
        const e1 = expectError(() => repo.create(parsed(make(v))), 'my-number');
        expect(e1.ja, field).toContain(MY_NUMBER_REFUSAL.ja);
        expect(e1.en, field).toContain(field);
        expect(`${e1.ja} ${e1.en}`).not.toMatch(/\d{12}|１２３４/);
        expectError(() => repo.update(p.id, parsed(make(v))), 'my-number');
      }
    }
    expectError(() => repo.search('123456789012'), 'my-number');
    // nothing anywhere in the database carries 12 digits
    const dump = JSON.stringify(
      ['person', 'coverage', 'myna', 'holding'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()),
    );
    expect(dump).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
    expect(countAll()[0]).toBe(1);
  });
});

describe('search', () => {
  beforeEach(() => {
    repo.create(
      parsed(person({ name: '山田 太一', kana: 'ヤマダ タイチ', birthDate: '1953-06-10', sex: 'male', holdings: [] })),
    );
    repo.create(parsed(person({ name: '山田 花', kana: 'ヤマダ ハナ', birthDate: '1990-01-02', holdings: [] })));
    repo.create(
      parsed(
        person({ name: '小川 ヴィオラ', kana: 'オガワ ヴィオラ', birthDate: '2001-11-30', myna: null, holdings: [] }),
      ),
    );
  });

  it('ｶﾅ, カナ, かな, full- and half-width and spacing all match', () => {
    for (const q of [
      'ヤマダ',
      'やまだ',
      'ﾔﾏﾀﾞ',
      'ﾔﾏﾀﾞ ﾀｲﾁ',
      'やまだ　たいち',
      'ヤマダタイチ',
      ' 山田太一 ',
      '山田　太一',
    ]) {
      const r = repo.search(q);
      expect(
        r.items.map((p) => p.name),
        q,
      ).toContain('山田 太一');
    }
    expect(repo.search('ﾔﾏﾀﾞ ﾀｲﾁ').total).toBe(1);
    expect(repo.search('ゔぃおら').items.map((p) => p.name)).toEqual(['小川 ヴィオラ']);
    expect(repo.search('ｳﾞｨｵﾗ').total).toBe(1);
    expect(repo.search('%').total).toBe(0);
    expect(repo.search('_').total).toBe(0);
  });

  it('by birth date: ISO, 和暦, slashes, compact, year and year-month', () => {
    for (const q of [
      '1953-06-10',
      '昭和28年6月10日',
      'S28.6.10',
      '昭28/6/10',
      '1953/6/10',
      '19530610',
      '１９５３－０６－１０',
    ]) {
      expect(
        repo.search(q).items.map((p) => p.name),
        q,
      ).toEqual(['山田 太一']);
    }
    expect(repo.search('1990').items.map((p) => p.name)).toEqual(['山田 花']);
    expect(repo.search('2001-11').items.map((p) => p.name)).toEqual(['小川 ヴィオラ']);
    expect(interpretQuery('令和元年5月1日')).toEqual({ date: '2019-05-01' });
  });

  it('by 診察券番号 and by the numbers on the documents (保険者番号・記号・番号)', () => {
    const [a, b, c] = repo.search('').items;
    // every patient has a 診察券番号: the next one after the highest
    expect([a!.clinicNo, b!.clinicNo, c!.clinicNo].map(Number).sort()).toEqual([1001, 1002, 1003]);
    expect(repo.search(a!.clinicNo).items.map((p) => p.id)).toEqual([a!.id]);
    expect(interpretQuery('19530610')).toEqual({ numbers: ['19530610'], date: '1953-06-10' });
    expect(interpretQuery('1234・56')).toEqual({ numbers: ['1234', '56'], text: '1234・56' });
    expect(interpretQuery('01130012 1234-56')).toEqual({
      numbers: ['01130012', '1234', '56'],
      text: '011300121234-56',
    });
    // a name with digits is a name too
    expect(interpretQuery('青木 例題1')).toEqual({ numbers: ['青木', '例題1'], text: '青木例題1' });
    expect(interpretQuery('1990')).toEqual({ numbers: ['1990'], prefix: '1990' });
    expect(interpretQuery('山田 太一')).toEqual({ text: '山田太一' });
  });

  it('a search for a date that does not exist is an error that says why', () => {
    for (const [q, ja] of [
      ['R8.2.30', '存在しない日付です'],
      ['2026/13/01', '存在しない日付です'],
      ['平成31年5月1日', '平成の期間外'],
    ] as const) {
      expect(() => repo.search(q), q).toThrow(AppError);
      try {
        repo.search(q);
      } catch (e) {
        expect((e as AppError).ja).toContain(ja);
        expect((e as AppError).ja).toMatch(/^検索: /);
      }
    }
  });

  it('refuses a 診察券番号 another patient holds, naming them', () => {
    const first = repo.search('').items[0]!;
    try {
      repo.create(parsed(person({ name: '別人 一郎', kana: 'ベツジン イチロウ', clinicNo: first.clinicNo })));
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).ja).toBe(`患者: 診察券番号 ${first.clinicNo} は ${first.name} さんの番号です`);
    }
  });

  it('a search written like a date that is not one gets the date error, not an empty list', () => {
    for (const [q, ja] of [
      ['1953/2/30', '存在しない日付です'],
      ['1953-02-30', '存在しない日付です'],
      ['S28.2.30', '存在しない日付です'],
      ['R8.13.1', '存在しない日付です'],
      ['令和元年4月1日', '令和の期間外の日付です'],
    ] as const) {
      expect(() => interpretQuery(q), q).toThrow(
        expect.objectContaining({ code: 'invalid-input', ja: expect.stringContaining(ja) }),
      );
    }
    // names and numbers stay searches
    expect(interpretQuery('山田')).toEqual({ text: '山田' });
    expect(interpretQuery('12345678')).toEqual({ numbers: ['12345678'] });
  });

  it('returns contract summaries, ordered by reading, with paging and current insurers', () => {
    const all = repo.search('', { today: '2026-01-15' });
    expect(all.total).toBe(3);
    expect(all.items.map((p) => p.kana)).toEqual(['オガワ ヴィオラ', 'ヤマダ タイチ', 'ヤマダ ハナ']);
    expect(all.items[1]).toMatchObject({
      sex: 'male',
      birthDate: '1953-06-10',
      insurers: ['kyokai'],
      hasMynaCard: true,
    });
    expect(all.items[0]!.hasMynaCard).toBe(false);
    const page = repo.search('', { limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.kana)).toEqual(['ヤマダ ハナ']);
    // after the 75th birthday (2028-06-10) the 協会けんぽ coverage is no longer current
    expect(repo.search('山田太一', { today: '2028-06-10' }).items[0]!.insurers).toEqual([]);
  });
});

describe('migration 6: 診察券番号', () => {
  it('gives every patient already registered a number (1000 + id) and the next patient the next number', async () => {
    const dir = tempDir();
    const before = MIGRATIONS.filter((m) => m.version < 6);
    const old = (await openDatabase({ dataDir: dir, migrations: before })).db;
    const insert = old.prepare(
      `INSERT INTO person (name, kana, birth_date, sex, note, name_search, kana_search, created_at, updated_at)
       VALUES (?, 'カナ', '1980-01-01', 3, '', ?, 'かな', '', '')`,
    );
    insert.run('一人目', '一人目');
    insert.run('二人目', '二人目');
    old.close();
    const migrated = (await openDatabase({ dataDir: dir })).db;
    const r = new RegistryRepository(migrated);
    expect(r.get(1)!.clinicNo).toBe('1001');
    expect(r.get(2)!.clinicNo).toBe('1002');
    expect(r.create(parsed(person())).clinicNo).toBe('1003');
    migrated.close();
  });
});

describe('migration 8: rule book version 2 in the registry', () => {
  it('keeps every patient and document; their new fields take SCENARIO.md defaults; the new documents can be stored', async () => {
    const dir = tempDir();
    const old = (await openDatabase({ dataDir: dir, migrations: MIGRATIONS.filter((m) => m.version < 8) })).db;
    old.exec(`INSERT INTO person (id, clinic_no, name, kana, birth_date, sex, note, name_search, kana_search, created_at, updated_at)
      VALUES (1, '1001', '桜井 花子', 'サクライ ハナコ', '1981-05-10', 2, '', '', '', '', '');
      INSERT INTO coverage (person_id, position, id, insurer, acquired_on) VALUES (1, 0, 'c1', 'kyokai', '2015-04-01');
      INSERT INTO holding (person_id, position, kind, details) VALUES (1, 0, 'oshirase', '{"coverage":"c1"}');`);
    expect(() =>
      old.prepare("INSERT INTO holding (person_id, position, kind, details) VALUES (1, 9, 'rousai-form', '{}')").run(),
    ).toThrow();
    old.close();
    const migrated = (await openDatabase({ dataDir: dir })).db;
    const r = new RegistryRepository(migrated);
    const q = r.get(1)!;
    expect(q.holdings).toEqual([{ kind: 'oshirase', coverage: 'c1' }]);
    expect(q.coverages[0]).toMatchObject({
      acquiredOn: '2015-04-01',
      role: 'insured',
      limitOnFile: true,
      lossRegisteredOn: null,
      holderBirthDate: null,
      lostWithHolder: false,
    });
    expect(q).toMatchObject({ kohi: [], welfare: null });
    expect(r.update(1, parsed({ ...person(), holdings: [{ kind: 'rousai-form' }] })).holdings).toEqual([
      { kind: 'rousai-form' },
    ]);
    migrated.close();
  });
});
