// The mechanical story check (issue 13): what a trainee reads in a bundled scenario's title and
// story must agree with the scenario's data — ages, dates, weekdays, 初診/再診 and the clinic's
// situation. The packs come in through JSON imports (never a file read at run time). Every bundled
// pack (packs/*.json) must be imported here (a test says so).
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default-pack.json';
import deskMixPack from '../../packs/desk-mix-pack.json';
import v2BoundariesPack from '../../packs/v2-boundaries-pack.json';
import v2RulesPack from '../../packs/v2-rules-pack.json';
import { isNationalHoliday, isYearEndClosure, nthBusinessDayAfter } from '../business-days';
import { type IsoDate, addDays, ageOn, birthday, dayNumber, isValidYmd, toIso, weekday } from '../dates';
import { compareExpected, decideScenario } from '../engine';
import { containsMyNumberLike } from '../identifiers';
import { parsePack } from '../scenario';
import {
  DEFAULT_POLICY,
  HOLIDAYS_ANNOUNCED_UNTIL,
  INTERIM_START_KOKUHO_KOUKI,
  INTERIM_START_OTHERS,
  KOUKI_ALL_KAKUNIN_END,
  KOUKI_LEGACY_END,
  KOUKI_OSHIRASE_START,
  LEGACY_LAST,
  REFORM,
  SMARTPHONE_START,
  WELFARE_ONLINE_START,
} from '../timeline';
import { parseDate } from '../wareki';

const PACKS: Record<string, { scenarios: readonly unknown[] }> = {
  'packs/default-pack.json': defaultPack,
  'packs/desk-mix-pack.json': deskMixPack,
  'packs/v2-rules-pack.json': v2RulesPack,
  'packs/v2-boundaries-pack.json': v2BoundariesPack,
};

// ---------------------------------------------------------------------------------------------
// What the check knows about one scenario (read from the raw JSON, so version-2 fields pass too)

type Raw = Record<string, unknown>;

interface Ctx {
  raw: Raw;
  /** title and story, NFKC-normalized (full-width brackets and digits become ASCII) */
  text: string;
  visit: IsoDate;
  visitType: string;
  birth: IsoDate;
  /** birth dates of the insured persons of dependent coverages (version 2: holderBirthDate) */
  holders: IsoDate[];
  clinic: { onlineCheck: boolean; phoneReader: boolean; incident: string };
  /** every date in the data, with where it comes from */
  dataDates: Map<IsoDate, string[]>;
  acquired: IsoDate[];
  lost: IsoDate[];
}

const DATE_FIELDS = new Set([
  'visitDate',
  'birthDate',
  'acquiredOn',
  'lostOn',
  'registeredOn',
  'filedOn',
  'lossRegisteredOn',
  'holderBirthDate',
  'certExpiresOn',
  'issuedOn',
  'validFrom',
  'validUntil',
  'printedExpiry',
  'savedOn',
  'from',
  'until',
  'interimEnd',
]);

/** Dates a story may name without the data holding them: the rule book's timeline. */
const TIMELINE: Record<string, IsoDate> = {
  REFORM,
  LEGACY_LAST,
  KOUKI_LEGACY_END,
  INTERIM_START_KOKUHO_KOUKI,
  INTERIM_START_OTHERS,
  KOUKI_ALL_KAKUNIN_END,
  KOUKI_OSHIRASE_START,
  SMARTPHONE_START,
  WELFARE_ONLINE_START,
  HOLIDAYS_ANNOUNCED_UNTIL,
  interimEnd: DEFAULT_POLICY.interimEnd,
};

function isoOf(value: unknown, where: string): IsoDate {
  const r = typeof value === 'string' ? parseDate(value, { documentField: true }) : null;
  if (!r?.ok) throw new Error(`${where}: not a date: ${String(value)}`);
  return r.value;
}

function contextOf(raw: Raw): Ctx {
  const dataDates = new Map<IsoDate, string[]>();
  const add = (iso: IsoDate, label: string) => dataDates.set(iso, [...(dataDates.get(iso) ?? []), label]);
  const acquired: IsoDate[] = [];
  const lost: IsoDate[] = [];
  const holders: IsoDate[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'expected') continue;
        if (DATE_FIELDS.has(k) && typeof v === 'string') {
          const iso = isoOf(v, `${path}.${k}`);
          add(iso, `${path}.${k}`);
          if (k === 'acquiredOn') acquired.push(iso);
          if (k === 'holderBirthDate') holders.push(iso);
          if (k === 'lostOn') {
            lost.push(iso);
            add(addDays(iso, -1), `${path}.lostOn の前日 (退職日)`);
          }
        } else walk(v, `${path}.${k}`);
      }
    }
  };
  walk(raw, '');
  for (const [name, iso] of Object.entries(TIMELINE)) add(iso, name);
  // the registration day derived from the filing day (R17), as a story may name it
  const policy = { ...DEFAULT_POLICY, ...((raw.policy ?? {}) as Partial<typeof DEFAULT_POLICY>) };
  const coverages = ((raw.patient as Raw).coverages ?? []) as Raw[];
  for (const cov of coverages) {
    if (typeof cov.filedOn !== 'string' || typeof cov.registeredOn === 'string') continue;
    const lag = cov.myNumberOnForm === false ? policy.lagWithoutMyNumber : policy.lagWithMyNumber;
    add(nthBusinessDayAfter(isoOf(cov.filedOn, 'filedOn'), lag).date, 'filedOn から導いた登録日');
  }
  const visit = isoOf(raw.visitDate, 'visitDate');
  const birth = isoOf((raw.patient as Raw).birthDate, 'patient.birthDate');
  // the birthdays around the visit (「4月2日に70歳になった」), the patient's and an insured person's
  for (const person of [birth, ...holders]) {
    const age = ageOn(person, visit);
    for (const n of [age - 1, age, age + 1]) if (n > 0) add(birthday(person, n), `${n}歳の誕生日`);
  }
  const clinic = (raw.clinic ?? {}) as Raw;
  return {
    raw,
    text: `${String(raw.title ?? '')}\n${String(raw.story ?? '')}`.normalize('NFKC'),
    visit,
    visitType: String(raw.visitType ?? 'first'),
    birth,
    holders,
    clinic: {
      onlineCheck: clinic.onlineCheck === true,
      phoneReader: clinic.phoneReader === true,
      incident: String(clinic.incident ?? 'none'),
    },
    dataDates,
    acquired,
    lost,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates stated in the text: 令和8年3月9日, 2026年3月9日, or 3月9日 (the year from the data)

interface Stated {
  said: string;
  iso: IsoDate | null;
  /** the text right after the date */
  after: string;
  /** the year was written (和暦 or 西暦) */
  full: boolean;
}

const DATE_RE = /(?<!\d)(?:(明治|大正|昭和|平成|令和)(元|\d{1,2})年|(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;

function statedDates(c: Ctx): Stated[] {
  return [...c.text.matchAll(DATE_RE)].map((m) => {
    const [said, era, eraYear, year, month, day] = m;
    const after = c.text.slice(m.index + said.length, m.index + said.length + 24);
    if (era) {
      // through the era table (平成32年 and later allowed, as documents print them)
      const r = parseDate(`${era}${eraYear}年${month}月${day}日`, { documentField: true });
      return { said, iso: r.ok ? r.value : null, after, full: true };
    }
    if (year) return { said, iso: isoFromYmd(Number(year), Number(month), Number(day)), after, full: true };
    return { said, iso: resolveMonthDay(c, Number(month), Number(day)), after, full: false };
  });
}

function isoFromYmd(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? toIso(y, m, d) : null;
}

/** A date without a year: the data date with that month and day nearest the visit, else the nearest calendar one. */
function resolveMonthDay(c: Ctx, month: number, day: number): IsoDate | null {
  const md = toIso(2000, month, day).slice(4);
  const distance = (iso: IsoDate) => Math.abs(dayNumber(iso) - dayNumber(c.visit));
  const nearest = (xs: IsoDate[]) => xs.sort((a, b) => distance(a) - distance(b))[0] ?? null;
  const inData = [...c.dataDates.keys()].filter((iso) => iso.endsWith(md) && distance(iso) <= 400);
  if (inData.length > 0) return nearest(inData);
  const y = Number(c.visit.slice(0, 4));
  return nearest([y - 1, y, y + 1].map((yy) => isoFromYmd(yy, month, day)).filter((x): x is IsoDate => x !== null));
}

// ---------------------------------------------------------------------------------------------
// The checks (table-driven): each returns the problems it finds, in Japanese

const WEEKDAYS = '日月火水木金土';

/** An event named right after a date, and the data dates it must be one of. */
const EVENTS: { re: RegExp; what: string; dates: (c: Ctx) => IsoDate[] }[] = [
  {
    re: /^(?:\s*\(.\))?\s*(?:付けで|付で|で|に)?(?:会社を)?(?:定年)?(?:退職|辞め)/,
    what: '退職日 (資格喪失日の前日)',
    dates: (c) => c.lost.map((d) => addDays(d, -1)),
  },
  {
    re: /^(?:\s*\(.\))?\s*(?:付けで|付で|で|に)?(?:資格を|資格が)?喪失/,
    what: '資格喪失日 (lostOn)',
    dates: (c) => c.lost,
  },
  {
    re: /^(?:\s*\(.\))?\s*(?:付けで|付で|に|から|より)?[^、。]{0,10}?(?:入社|就職|転職|加入)(?!の?手続)/,
    what: '資格取得日 (acquiredOn)',
    dates: (c) => c.acquired,
  },
  { re: /^\s*生まれ/, what: '生年月日 (birthDate, holderBirthDate)', dates: (c) => [c.birth, ...c.holders] },
];

const CHECKS: { name: string; check: (c: Ctx) => string[] }[] = [
  {
    name: 'ages',
    check: (c) =>
      [...c.text.matchAll(/(\d{1,3})歳/g)].flatMap((m) => {
        const before = c.text.slice(Math.max(0, m.index - 2), m.index);
        const after = c.text.slice(m.index + m[0].length, m.index + m[0].length + 8);
        if (/[〜~-]$/.test(before) || /^(?:[〜~]|以上|以下|未満|から|まで|代)/.test(after)) return []; // a range or a bound
        const n = Number(m[1]);
        const tomorrow = /明日$/.test(before) || /^(?:の誕生日)?の前日/.test(after);
        const on = tomorrow ? addDays(c.visit, 1) : c.visit;
        const age = ageOn(c.birth, on);
        if (n === age) return [];
        // an age in the past (「66歳のときに」): the age on one of the scenario's dates
        if (
          /^の(?:とき|時)/.test(after) &&
          [...c.dataDates.keys()].some((d) => d <= c.visit && ageOn(c.birth, d) === n)
        )
          return [];
        // the insured person of a dependent's coverage: their age now, or an age they reach near the
        // visit (「夫の75歳の誕生日」)
        const near = (d: IsoDate) => Math.abs(dayNumber(d) - dayNumber(c.visit)) <= 400;
        if (c.holders.some((h) => ageOn(h, on) === n || near(birthday(h, n)))) return [];
        return [`「${m[0]}」: ${on} には ${age}歳 (生年月日 ${c.birth})`];
      }),
  },
  {
    name: 'dates',
    check: (c) =>
      statedDates(c).flatMap((s) => {
        if (s.iso === null) return [`「${s.said}」は存在しない日付です`];
        if (!s.full && /^\s*生まれ/.test(s.after)) return []; // a birth month and day: see 'events'
        return c.dataDates.has(s.iso) ? [] : [`「${s.said}」(${s.iso}) はシナリオのどの日付とも一致しません`];
      }),
  },
  {
    name: 'events',
    check: (c) =>
      statedDates(c).flatMap((s) =>
        EVENTS.flatMap((e) => {
          if (!e.re.test(s.after) || s.iso === null) return [];
          const allowed = e.dates(c);
          if (s.full ? allowed.includes(s.iso) : allowed.some((d) => d.slice(4) === s.iso!.slice(4))) return [];
          return [`「${s.said}${s.after.slice(0, 8)}…」: ${e.what} は ${allowed.join(', ') || 'データにありません'}`];
        }),
      ),
  },
  {
    name: 'weekdays',
    check: (c) => {
      const out: string[] = [];
      for (const s of statedDates(c)) {
        const m = /^\s*\(([日月火水木金土])\)/.exec(s.after);
        if (!m || s.iso === null) continue;
        const actual = WEEKDAYS[weekday(s.iso)]!;
        if (m[1] !== actual) out.push(`「${s.said}(${m[1]})」: ${s.iso} は${actual}曜日です`);
      }
      // 〇曜日 on its own speaks of the visit day
      for (const m of c.text.matchAll(/([日月火水木金土])曜日?/g)) {
        const actual = WEEKDAYS[weekday(c.visit)]!;
        if (m[1] !== actual) out.push(`「${m[0]}」: 受診日 ${c.visit} は${actual}曜日です`);
      }
      return out;
    },
  },
  {
    name: 'holidays',
    check: (c) => {
      const closed = weekday(c.visit) === 0 || isNationalHoliday(c.visit) || isYearEndClosure(c.visit);
      if (!closed || /休日|日曜|祝日|当番|年末年始/.test(c.text)) return [];
      return [`受診日 ${c.visit} は日曜・祝日・年末年始ですが、物語に休日診療と書かれていません`];
    },
  },
  {
    name: 'visitType',
    check: (c) => {
      const saysReturn = /再診/.test(c.text);
      const saysFirst = /初診|初めて来/.test(c.text);
      if (saysReturn && !saysFirst && c.visitType !== 'return')
        return ['物語は再診ですが visitType が "return" ではありません'];
      if (saysFirst && !saysReturn && c.visitType !== 'first')
        return ['物語は初診ですが visitType が "first" ではありません'];
      return [];
    },
  },
  {
    name: 'clinic',
    check: (c) => {
      const out: string[] = [];
      const t = c.text;
      if (t.includes('オンライン資格確認のない病院'))
        out.push(
          '「オンライン資格確認のない病院」: 病院にはオンライン資格確認が義務です (免除された診療所か障害の日にしてください)',
        );
      else if (!c.clinic.onlineCheck && t.includes('病院')) out.push('onlineCheck: false の「病院」はありえません');
      const saysNone = /(?:オンライン資格確認|オン資)(?:の|が|は)?(?:ない|なし|ありません)|導入を免除/.test(t);
      const saysSome = /(?:オンライン資格確認|オン資)(?:の|が|は)?(?:ある|あり)(?!ません)/.test(t);
      if (saysNone && c.clinic.onlineCheck)
        out.push('物語はオンライン資格確認なしですが clinic.onlineCheck は true です');
      if (saysSome && !c.clinic.onlineCheck)
        out.push('物語はオンライン資格確認ありですが clinic.onlineCheck は false です');
      const saysOutage = /回線障害|通信障害/.test(t);
      const saysReaderDown = /(?:カード)?リーダー(?:が|は)?故障/.test(t);
      if (saysOutage && c.clinic.incident !== 'network-outage')
        out.push(`物語は回線障害ですが clinic.incident は ${c.clinic.incident} です`);
      if (saysReaderDown && c.clinic.incident !== 'reader-failure')
        out.push(`物語はカードリーダー故障ですが clinic.incident は ${c.clinic.incident} です`);
      if (/汎用カードリーダー(?:の|が)?(?:ない|なし)/.test(t) && c.clinic.phoneReader)
        out.push('物語は汎用カードリーダーなしですが clinic.phoneReader は true です');
      if (
        /汎用カードリーダー(?:の|が)(?:ある|あり)|汎用カードリーダーを(?:先行して)?(?:置|設置)/.test(t) &&
        !c.clinic.phoneReader
      )
        out.push('物語は汎用カードリーダーありですが clinic.phoneReader は false です');
      return out;
    },
  },
  {
    // printed dates a document of that insurer cannot carry, and a child's e-certificate
    name: 'documents',
    check: (c) => {
      const out: string[] = [];
      const patient = c.raw.patient as Raw;
      const coverages = (patient.coverages ?? []) as Raw[];
      const coverageOf = (doc: Raw) =>
        coverages.find((x, i) => (x.id ?? `c${i + 1}`) === doc.coverage) ??
        (coverages.length === 1 ? coverages[0] : undefined);
      // 国保 prints the day before the 75th birthday as the end of its 保険証 / 資格確認書
      const kokuhoEnd = addDays(birthday(c.birth, 75), -1);
      for (const doc of (c.raw.presented ?? []) as Raw[]) {
        const printed =
          doc.kind === 'kakunin-sho' ? doc.validUntil : doc.kind === 'legacy-card' ? doc.printedExpiry : null;
        if (typeof printed !== 'string' || coverageOf(doc)?.insurer !== 'kokuho') continue;
        const iso = isoOf(printed, 'presented');
        if (iso > kokuhoEnd) out.push(`国保の${doc.kind} の期限 ${iso} は75歳の誕生日の前日 ${kokuhoEnd} より後です`);
      }
      // under 18 the card and its e-certificate end on the 5th birthday after issue
      const myna = patient.myna as Raw | null;
      if (myna && typeof myna.certExpiresOn === 'string' && ageOn(c.birth, c.visit) < 18) {
        const cert = isoOf(myna.certExpiresOn, 'certExpiresOn');
        if (cert.slice(5) !== c.birth.slice(5))
          out.push(`子どもの電子証明書の期限 ${cert} が誕生日 (${c.birth.slice(5)}) ではありません`);
      }
      return out;
    },
  },
];

function storyProblems(raw: Raw): string[] {
  const c = contextOf(raw);
  return CHECKS.flatMap(({ name, check }) => check(c).map((p) => `${name}: ${p}`));
}

// ---------------------------------------------------------------------------------------------

describe('every bundled story agrees with its data', () => {
  for (const [file, pack] of Object.entries(PACKS)) {
    describe(file, () => {
      it.each(pack.scenarios.map((s) => [(s as Raw).id as string, s as Raw]))('%s', (_id, raw) => {
        expect(typeof raw.story === 'string' && raw.story.length > 0, 'a story for the trainee').toBe(true);
        expect(storyProblems(raw)).toEqual([]);
      });
    });
  }
});

describe('the story check can fail', () => {
  // A return visit on Tuesday 2026-02-10 by a 44-year-old who left 協会けんぽ on 2025-12-31.
  const base: Raw = {
    id: 'story-check-base',
    title: '退職後の受診',
    story:
      '2026年2月10日 (火)、再診の44歳の患者さん。2025年12月31日で退職し、1月1日に資格を喪失しました。1981年5月10日生まれです。',
    visitDate: '2026-02-10',
    visitType: 'return',
    clinic: { onlineCheck: true },
    patient: {
      birthDate: '1981-05-10',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01', lostOn: '2026-01-01' }],
      myna: null,
    },
    presented: [{ kind: 'myna-card' }],
  };
  const edit = (story: string, patch: Raw = {}): Raw => ({ ...base, ...patch, story });

  it('passes the well-formed base story', () => {
    expect(storyProblems(base)).toEqual([]);
  });

  it('accepts a past age tied to a date of the data, and a registration day derived from the filing day', () => {
    const story = '2026年2月10日、再診の患者さん。33歳のときに協会けんぽに加入しました。';
    expect(storyProblems(edit(story))).toEqual([]);
    expect(storyProblems(edit(story.replace('33歳', '35歳')))).not.toEqual([]);
    const newHire = edit('2026年5月1日、再診の患者さん。4月24日 (金) に届け出たので、登録は連休明けの5月7日です。', {
      visitDate: '2026-05-01',
      patient: {
        birthDate: '1981-05-10',
        coverages: [{ insurer: 'kyokai', acquiredOn: '2026-04-20', filedOn: '2026-04-24' }],
        myna: null,
      },
    });
    expect(storyProblems(newHire)).toEqual([]);
    expect(storyProblems({ ...newHire, story: String(newHire.story).replace('5月7日', '5月8日') })).not.toEqual([]);
  });

  it("accepts the age and birth date of a dependent's insured person (holderBirthDate)", () => {
    const dependent = edit(
      '2026年2月10日、再診の44歳の患者さん。74歳の夫 (1951年3月10日生まれ) の扶養に入っていて、夫は来月75歳の誕生日を迎えます。',
      {
        patient: {
          birthDate: '1981-05-10',
          coverages: [
            { insurer: 'kyokai', acquiredOn: '2015-04-01', role: 'dependent', holderBirthDate: '1951-03-10' },
          ],
          myna: null,
        },
      },
    );
    expect(storyProblems(dependent)).toEqual([]);
    expect(
      storyProblems({ ...dependent, story: '2026年2月10日、再診の患者さん。73歳の夫の扶養に入っています。' }),
    ).not.toEqual([]);
  });

  const wrong: [string, Raw, string][] = [
    ['an age one year off', edit('2026年2月10日、再診の45歳の患者さん。'), 'ages'],
    ['明日 with the wrong age', edit('2026年2月10日、再診の患者さん。明日45歳になります。'), 'ages'],
    ['a 西暦 date not in the data', edit('2026年2月11日、再診の患者さん。'), 'dates'],
    ['a 和暦 date not in the data', edit('令和8年2月12日、再診の患者さん。'), 'dates'],
    ['an impossible date', edit('令和8年2月30日、再診の患者さん。'), 'dates'],
    [
      'the retirement day called the loss date',
      edit('2026年2月10日、再診の患者さん。12月31日で資格を喪失しました。'),
      'events',
    ],
    [
      'the loss date called the retirement day',
      edit('2026年2月10日、再診の患者さん。1月1日で退職しました。'),
      'events',
    ],
    ['a joining date that is no acquiredOn', edit('2026年2月10日、再診の患者さん。2月2日に入社しました。'), 'events'],
    ['a wrong weekday after a date', edit('2026年2月10日 (水)、再診の患者さん。'), 'weekdays'],
    ['a wrong 〇曜日 for the visit', edit('2026年2月10日、水曜日の再診の患者さん。'), 'weekdays'],
    [
      'a Sunday visit not said to be a holiday clinic',
      edit('2026年2月8日、再診の患者さん。', { visitDate: '2026-02-08' }),
      'holidays',
    ],
    ['初診 in the story of a return visit', edit('2026年2月10日、初診の患者さん。'), 'visitType'],
    [
      '再診 in the story of a first visit',
      edit('2026年2月10日、再診の患者さん。', { visitType: 'first' }),
      'visitType',
    ],
    [
      'a hospital without online checking',
      edit('2026年2月10日、オンライン資格確認のない病院。再診の患者さん。', { clinic: { onlineCheck: false } }),
      'clinic',
    ],
    [
      'a clinic said to have none while it has it',
      edit('2026年2月10日、オン資なしの診療所。再診の患者さん。'),
      'clinic',
    ],
    ['an outage the data does not have', edit('2026年2月10日、回線障害の日。再診の患者さん。'), 'clinic'],
    [
      'a reader failure the data does not have',
      edit('2026年2月10日、カードリーダーが故障した日。再診の患者さん。', {
        clinic: { onlineCheck: true, incident: 'network-outage' },
      }),
      'clinic',
    ],
    [
      'a 国保 資格確認書 printed past the day before the 75th birthday',
      edit('2026年2月10日、再診の患者さん。', {
        patient: {
          birthDate: '1951-03-10',
          coverages: [{ insurer: 'kokuho', acquiredOn: '2011-04-01' }],
          myna: null,
        },
        presented: [{ kind: 'kakunin-sho', issuedOn: '2025-07-15', validUntil: '2026-07-31' }],
      }),
      'documents',
    ],
    [
      "a child's e-certificate ending on no birthday",
      edit('2026年2月10日、再診の4歳の子ども。', {
        patient: {
          birthDate: '2021-09-14',
          coverages: [{ insurer: 'kokuho', acquiredOn: '2021-09-14' }],
          myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
        },
      }),
      'documents',
    ],
    ['a wrong birth month and day', edit('2026年2月10日、再診の患者さん。5月11日生まれです。'), 'events'],
  ];
  it.each(wrong)('finds %s', (_name, raw, check) => {
    const problems = storyProblems(raw);
    expect(
      problems.some((p) => p.startsWith(`${check}: `)),
      problems.join('\n') || '(no problem found)',
    ).toBe(true);
  });
});

describe('bundled packs', () => {
  it('imports every bundled pack, packs/*.json (so none escapes the story check)', () => {
    // the files themselves, found by the test runner's bundler (no file system access in shared/)
    const onDisk = Object.keys(import.meta.glob('../../packs/*.json'))
      .map((f) => f.replace('../../', ''))
      .sort();
    expect(onDisk).toEqual(Object.keys(PACKS).sort());
  });

  // every pack is checked here as `npm run -s cli -- check packs/*.json` does, so none can drift from the engine
  it.each(Object.keys(PACKS))('%s validates, and every scenario has an expected decision the engine gives', (file) => {
    const pack = parsePack(PACKS[file]);
    if (!pack.ok) throw new Error(JSON.stringify(pack.issues.slice(0, 3)));
    expect(pack.scenarios.filter((s) => !s.expected).map((s) => s.id)).toEqual([]);
    const mismatches = pack.scenarios.flatMap((s) =>
      compareExpected(s.expected!, decideScenario(s)).map((m) => `${s.id}: ${m.field}`),
    );
    expect(mismatches).toEqual([]);
  });

  it('scenario ids are [a-z0-9-] and unique across all packs', () => {
    const seen = new Map<string, string>();
    const bad: string[] = [];
    for (const [file, pack] of Object.entries(PACKS)) {
      for (const s of pack.scenarios) {
        const id = String((s as Raw).id);
        if (!/^[a-z0-9-]+$/.test(id)) bad.push(`${file}: ${id}`);
        if (seen.has(id)) bad.push(`${id}: ${seen.get(id)} and ${file}`);
        seen.set(id, file);
      }
    }
    expect(bad).toEqual([]);
  });

  it('holds no 12-digit number anywhere (R18)', () => {
    const strings = (node: unknown): string[] =>
      typeof node === 'string'
        ? [node]
        : Array.isArray(node)
          ? node.flatMap(strings)
          : node !== null && typeof node === 'object'
            ? Object.entries(node).flatMap(([k, v]) => [k, ...strings(v)])
            : [];
    for (const [file, pack] of Object.entries(PACKS)) {
      expect(strings(pack).filter(containsMyNumberLike), file).toEqual([]);
      expect(/\d{12}/.test(JSON.stringify(pack)), file).toBe(false);
    }
  });
});
