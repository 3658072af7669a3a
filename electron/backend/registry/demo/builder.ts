// The demo registry's building blocks: a typed builder of one fictional patient (the contract's
// registry.save input, so a demo patient is checked exactly like one the clinic enters), made-up
// names from common family and given names (no real person is meant), insurer numbers with their
// R19 check digit and printed names. Deterministic: a patient's details come from a PRNG seeded
// with its key. The patients themselves are in ./cases.ts.
import type { IsoDate } from '../../../../shared/dates';
import { checkDigitOf } from '../../../../shared/identifiers';
import { seededRandom } from '../../../../shared/random';
import type {
  Cause,
  CopayPercent,
  CoverageRatio,
  DocumentKind,
  ElderlyCardHandling,
  ElderlyRatio,
  Incident,
  Insurer,
  KohiProgram,
  LimitCategory,
  NeededDocument,
  Note,
  PhoneOs,
  PortalForm,
  RuleId,
  Sex,
  Verdict,
  VisitType,
} from '../../../../shared/enums';
import type { Policy } from '../../../../shared/timeline';
import type { ClinicFacts, Patient } from '../../../../shared/contract';
import type { DeskCaseInput } from '../../desk/build-scenario';
import type { PatientInput } from '../../../../shared/contract/patient';
import type { PatientPays, PublicExpense } from '../../../../shared/decision';
import { HOUBETSU, isNationalProgram } from '../../../../shared/kohi';

export interface DemoCase {
  visitDate: IsoDate;
  presented: DocumentKind[];
  online?: boolean;
  phoneReader?: boolean;
  incident?: Incident;
  visitType?: VisitType;
  needsLimit?: boolean;
  mynaportalForm?: PortalForm;
  policy?: Partial<Policy>;
  /** the desk's answer to 「お仕事中・通勤中のけがですか」 (default illness) */
  cause?: Cause;
  /** the clinic's facts this case needs (the settings; default SCENARIO.md's) */
  clinic?: Partial<ClinicFacts>;
  /** what the engine decides for this case (checked in demo.test.ts) */
  verdict: Verdict;
  /** the rules the decision lists, in order */
  rules: RuleId[];
  copayPercent?: CopayPercent;
  /** when given: what the patient pays after public shares */
  patientPays?: Partial<PatientPays>;
  /** when given: each programme as reported, in order (fields compared as given) */
  publicExpense?: Array<Partial<PublicExpense>>;
  /** when given: exactly these notes */
  notes?: Note[];
  /** when given: exactly these documents still needed */
  documentsNeeded?: NeededDocument[];
}

/** The desk's inputs for a demo patient's case (the one place the demo's cases meet buildScenario). */
export function demoDeskCase(patient: Patient, c: DemoCase): DeskCaseInput {
  return {
    patient,
    presented: c.presented,
    mynaportalForm: c.mynaportalForm,
    clinic: { onlineCheck: c.online ?? true, phoneReader: c.phoneReader ?? false, policy: c.policy, ...c.clinic },
    visitDate: c.visitDate,
    incident: c.incident,
    visitType: c.visitType,
    needsLimit: c.needsLimit,
    cause: c.cause,
  };
}

export interface DemoPatient {
  /** stable key (demo-001 …), stored with the person */
  key: string;
  person: PatientInput;
  case: DemoCase;
}

// ---------------------------------------------------------------------------------------------
// Deterministic building blocks

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const digits = (rnd: () => number, n: number) =>
  Array.from({ length: n }, (_, i) => Math.floor(rnd() * (i === 0 ? 9 : 10)) + (i === 0 ? 1 : 0)).join('');
export const pad = (n: number, w: number) => String(n).padStart(w, '0');

const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['前田', 'マエダ'],
  ['藤田', 'フジタ'],
  ['岡田', 'オカダ'],
  ['後藤', 'ゴトウ'],
  ['長谷川', 'ハセガワ'],
  ['村上', 'ムラカミ'],
  ['近藤', 'コンドウ'],
  ['坂本', 'サカモト'],
  ['遠藤', 'エンドウ'],
  ['青木', 'アオキ'],
  ['藤井', 'フジイ'],
  ['西村', 'ニシムラ'],
  ['福田', 'フクダ'],
  ['太田', 'オオタ'],
  ['三浦', 'ミウラ'],
  ['岡本', 'オカモト'],
  ['中川', 'ナカガワ'],
  ['中野', 'ナカノ'],
  ['原田', 'ハラダ'],
  ['小野', 'オノ'],
  ['田村', 'タムラ'],
  ['竹内', 'タケウチ'],
];
const MALE: ReadonlyArray<readonly [string, string]> = [
  ['健太', 'ケンタ'],
  ['翔太', 'ショウタ'],
  ['大輔', 'ダイスケ'],
  ['誠', 'マコト'],
  ['浩二', 'コウジ'],
  ['勇気', 'ユウキ'],
  ['修平', 'シュウヘイ'],
  ['隆之', 'タカユキ'],
  ['昭夫', 'アキオ'],
  ['和夫', 'カズオ'],
  ['正男', 'マサオ'],
  ['拓海', 'タクミ'],
  ['蓮', 'レン'],
  ['悠真', 'ユウマ'],
  ['陽翔', 'ハルト'],
  ['湊', 'ミナト'],
  ['健一', 'ケンイチ'],
  ['信也', 'シンヤ'],
  ['達也', 'タツヤ'],
  ['直樹', 'ナオキ'],
  ['亮介', 'リョウスケ'],
  ['聡', 'サトル'],
  ['進', 'ススム'],
  ['稔', 'ミノル'],
  ['清志', 'キヨシ'],
  ['義雄', 'ヨシオ'],
  ['光男', 'ミツオ'],
  ['一輝', 'カズキ'],
  ['大和', 'ヤマト'],
  ['伸也', 'シンヤ'],
];
const FEMALE: ReadonlyArray<readonly [string, string]> = [
  ['花子', 'ハナコ'],
  ['恵子', 'ケイコ'],
  ['和江', 'カズエ'],
  ['節子', 'セツコ'],
  ['美智代', 'ミチヨ'],
  ['由美', 'ユミ'],
  ['真由美', 'マユミ'],
  ['直子', 'ナオコ'],
  ['香織', 'カオリ'],
  ['彩', 'アヤ'],
  ['結衣', 'ユイ'],
  ['陽菜', 'ヒナ'],
  ['葵', 'アオイ'],
  ['凛', 'リン'],
  ['芽依', 'メイ'],
  ['美咲', 'ミサキ'],
  ['久美子', 'クミコ'],
  ['京子', 'キョウコ'],
  ['文子', 'フミコ'],
  ['千代', 'チヨ'],
  ['静江', 'シズエ'],
  ['澄子', 'スミコ'],
  ['紀子', 'ノリコ'],
  ['明美', 'アケミ'],
  ['智美', 'トモミ'],
  ['菜々子', 'ナナコ'],
  ['さくら', 'サクラ'],
  ['千尋', 'チヒロ'],
  ['早紀', 'サキ'],
  ['沙織', 'サオリ'],
];
/** Combinations that are the names of well-known people: skipped. */
const AVOID = new Set([
  '小林幸子',
  '山口智子',
  '渡辺直美',
  '青木愛',
  '林修',
  '吉田茂',
  '岡本太郎',
  '松本清',
  '田中直樹',
  '中村勘太郎',
  '吉田健一',
  '前田健太',
  '森稔',
  '佐藤大輔',
  '中村蓮',
  '鈴木亮介',
  '加藤浩二',
  '山田和夫',
  '長谷川京子',
  '小林健一',
  '石川遼',
]);

/** A made-up name not yet in `used` (the names given so far in this registry). */
function fictionalName(seed: number, sex: Sex, used: Set<string>): { name: string; kana: string } {
  const given = sex === 'female' ? FEMALE : MALE;
  for (let k = 0; ; k += 1) {
    const f = FAMILY[(seed * 7 + k * 5 + 3) % FAMILY.length]!;
    const g = given[(seed * 11 + k * 13 + 5) % given.length]!;
    const name = `${f[0]}${g[0]}`;
    if (AVOID.has(name) || used.has(name)) continue;
    used.add(name);
    return { name: `${f[0]} ${g[0]}`, kana: `${f[1]} ${g[1]}` };
  }
}

export const PREF_JA: Record<string, string> = {
  '01': '北海道',
  '11': '埼玉県',
  '12': '千葉県',
  '13': '東京都',
  '14': '神奈川県',
  '23': '愛知県',
  '27': '大阪府',
  '40': '福岡県',
};
const KUMIAI = [
  'さくら電機健康保険組合',
  'あおば商事健康保険組合',
  'ひかり精機健康保険組合',
  'みなと物流健康保険組合',
  'つばさ製薬健康保険組合',
];
const TOWNS = ['ひばり市', 'かえで町', 'しらかば市', 'すずらん町', 'やまぶき市'];

/** 保険者番号 with its R19 check digit, and the printed insurer name. */
function insurerOf(insurer: Insurer, pref: string, serial: number): { insurerNumber: string; insurerName: string } {
  const s3 = pad(serial % 1000, 3);
  const prefJa = PREF_JA[pref] ?? '東京都';
  switch (insurer) {
    case 'kyokai': {
      const body = `01${pref}001`;
      return {
        insurerNumber: body + checkDigitOf(body),
        insurerName: `全国健康保険協会 ${prefJa.replace(/[都府県]$/, '')}支部`,
      };
    }
    case 'senin': {
      const body = `02${pref}901`;
      return { insurerNumber: body + checkDigitOf(body), insurerName: '全国健康保険協会 船員保険部' };
    }
    case 'kumiai': {
      const body = `06${pref}${s3}`;
      return { insurerNumber: body + checkDigitOf(body), insurerName: KUMIAI[serial % KUMIAI.length]! };
    }
    case 'kyosai': {
      const law = ['31', '32', '34'][serial % 3]!;
      const body = `${law}${pref}${s3}`;
      const name = { '31': '国家公務員共済組合', '32': '地方職員共済組合', '34': '公立学校共済組合' }[law]!;
      return { insurerNumber: body + checkDigitOf(body), insurerName: name };
    }
    case 'kokuho': {
      const body = `${pref}${s3}`;
      return { insurerNumber: body + checkDigitOf(body), insurerName: `${TOWNS[serial % TOWNS.length]} 国民健康保険` };
    }
    case 'kouki': {
      const body = `39${pref}${s3}`;
      return { insurerNumber: body + checkDigitOf(body), insurerName: `${prefJa}後期高齢者医療広域連合` };
    }
  }
}

interface CovOpts {
  pref?: string;
  serial?: number;
  lostOn?: IsoDate;
  registeredOn?: IsoDate;
  filedOn?: IsoDate;
  myNumberOnForm?: boolean;
  ratio?: CoverageRatio;
  elderlyCard?: ElderlyCardHandling;
  limitCategory?: LimitCategory;
  family?: boolean;
  /** when the online system learns of lostOn */
  lossRegisteredOn?: IsoDate;
  /** a 被扶養者 (R26): the insured person's birth date, and whether lostOn is their 退職・死亡 */
  dependentOf?: { holderBirthDate: IsoDate | null; lostWithHolder?: boolean };
}

interface ProgrammeOpts {
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** the issuing prefecture (JIS): local programmes; national ones: in the payer number */
  pref?: string;
  share?: 'none' | { percent: number } | { perVisitYen: number };
  monthlyCapYen?: number | null;
  paidThisMonthYen?: number;
  designatedHere?: boolean;
  pmhRegistered?: boolean;
}

/** 法別番号 of the local programmes' 公費負担者番号 here (a made-up 8x per programme; R22: 8 or 9). */
const LOCAL_HOUBETSU: Record<string, string> = { child: '88', 'single-parent': '81', disability: '80' };

type CoverageInput = NonNullable<PatientInput['coverages']>[number];
type HoldingInput = NonNullable<PatientInput['holdings']>[number];
type ProgrammeInput = NonNullable<PatientInput['kohi']>[number];

/** One demo patient: their coverages, card and documents, then `build` with their desk case. */
export class Builder {
  private rnd: () => number;
  private coverages: CoverageInput[] = [];
  private holdings: HoldingInput[] = [];
  private mynaValue: PatientInput['myna'] = null;
  private kohiValue: NonNullable<PatientInput['kohi']> = [];
  private welfareValue: PatientInput['welfare'] = null;

  constructor(
    private readonly key: string,
    private readonly sex: Sex,
    private readonly birthDate: IsoDate,
    private readonly note: string,
  ) {
    this.rnd = seededRandom(hash(key));
  }

  /** adds a coverage; returns its id (c1, c2, …) */
  cov(insurer: Insurer, acquiredOn: IsoDate, o: CovOpts = {}): string {
    const id = `c${this.coverages.length + 1}`;
    const ins = insurerOf(insurer, o.pref ?? '13', o.serial ?? Math.floor(this.rnd() * 900) + 100);
    const c: CoverageInput = {
      id,
      insurer,
      ...ins,
      symbol: insurer === 'kouki' ? null : digits(this.rnd, 3 + Math.floor(this.rnd() * 5)),
      number: insurer === 'kouki' ? digits(this.rnd, 8) : digits(this.rnd, 1 + Math.floor(this.rnd() * 6)),
      branch: insurer === 'kouki' ? null : o.family ? pad(1 + Math.floor(this.rnd() * 3), 2) : '00',
      personalFamily: o.family ? 2 : 1,
      acquiredOn,
      lostOn: o.lostOn ?? null,
      registeredOn: o.registeredOn ?? null,
      filedOn: o.filedOn ?? null,
    };
    if (o.myNumberOnForm !== undefined) c.myNumberOnForm = o.myNumberOnForm;
    if (o.ratio !== undefined) c.ratio = o.ratio;
    if (o.elderlyCard !== undefined) c.elderlyCard = o.elderlyCard;
    if (o.limitCategory !== undefined) c.limitCategory = o.limitCategory;
    if (o.lossRegisteredOn !== undefined) c.lossRegisteredOn = o.lossRegisteredOn;
    if (o.dependentOf !== undefined) {
      c.role = 'dependent';
      c.holderBirthDate = o.dependentOf.holderBirthDate;
      if (o.dependentOf.lostWithHolder) c.lostWithHolder = true;
    }
    this.coverages.push(c);
    return id;
  }

  myna(o: { registered?: boolean; registerAtDesk?: boolean; certExpiresOn?: IsoDate; pinLocked?: boolean } = {}): this {
    this.mynaValue = {
      insuranceRegistered: o.registered ?? true,
      registerAtDesk: o.registerAtDesk ?? true,
      certExpiresOn:
        o.certExpiresOn ?? `${2029 + Math.floor(this.rnd() * 2)}${this.birthDate.slice(4)}`.replace('-02-29', '-02-28'),
      pinLocked: o.pinLocked ?? false,
    };
    return this;
  }

  legacy(coverage: string, printedExpiry: IsoDate | null = null): this {
    this.holdings.push({ kind: 'legacy-card', coverage, printedExpiry });
    return this;
  }
  kakunin(
    coverage: string,
    issuedOn: IsoDate,
    validUntil: IsoDate,
    o: { validFrom?: IsoDate; showsRatio?: boolean; showsLimit?: boolean } = {},
  ): this {
    this.holdings.push({
      kind: 'kakunin-sho',
      coverage,
      issuedOn,
      validFrom: o.validFrom ?? null,
      validUntil,
      showsRatio: o.showsRatio ?? false,
      showsLimit: o.showsLimit ?? false,
    });
    return this;
  }
  oshirase(coverage: string): this {
    this.holdings.push({ kind: 'oshirase', coverage });
    return this;
  }
  phone(os: PhoneOs): this {
    this.holdings.push({ kind: 'smartphone', os });
    return this;
  }
  elderly(ratio: ElderlyRatio, validUntil: IsoDate | null): this {
    this.holdings.push({ kind: 'elderly-card', ratio, validUntil });
    return this;
  }
  limitCert(category: LimitCategory, validUntil: IsoDate | null): this {
    this.holdings.push({ kind: 'limit-cert', category, validUntil });
    return this;
  }

  /** enrols the patient in a programme (R21, R22): numbers with R19 check digits; returns its id (k1, k2, …) */
  kohi(program: KohiProgram, o: ProgrammeOpts): string {
    const id = `k${this.kohiValue.length + 1}`;
    const pref = o.pref ?? '13';
    const national = isNationalProgram(program);
    const payer = `${national ? HOUBETSU[program] : LOCAL_HOUBETSU[program]!}${pref}${digits(this.rnd, 3)}`;
    const recipient = digits(this.rnd, 6);
    this.kohiValue.push({
      id,
      program,
      payerNumber: payer + checkDigitOf(payer),
      recipientNumber: recipient + checkDigitOf(recipient),
      validFrom: o.validFrom,
      validUntil: o.validUntil,
      ...(national
        ? {
            monthlyCapYen: o.monthlyCapYen ?? null,
            paidThisMonthYen: o.paidThisMonthYen ?? 0,
            designatedHere: o.designatedHere ?? true,
          }
        : { prefecture: pref as NonNullable<ProgrammeInput['prefecture']>, share: o.share ?? 'none' }),
      pmhRegistered: o.pmhRegistered ?? false,
    });
    return id;
  }
  /** the 受給者証・医療証 of a programme */
  kohiCert(kohi: string): this {
    this.holdings.push({ kind: 'kohi-cert', kohi });
    return this;
  }
  /** 生活保護 (R24) */
  welfare(from: IsoDate, o: { until?: IsoDate; ticketRegistered?: boolean } = {}): this {
    this.welfareValue = { from, until: o.until ?? null, ticketRegistered: o.ticketRegistered ?? true };
    return this;
  }
  /** a 医療券 (null month: the one of each visit's month) */
  ticket(month: string | null = null, forThisClinic = true): this {
    this.holdings.push({ kind: 'medical-ticket', month, forThisClinic });
    return this;
  }
  /** 労災の様式 (様式第5号 / 第16号の3) */
  rousaiForm(): this {
    this.holdings.push({ kind: 'rousai-form' });
    return this;
  }

  /** `used`: the names given so far in this registry (each patient gets another) */
  build(seed: number, demoCase: DemoCase, used: Set<string>): DemoPatient {
    const { name, kana } = fictionalName(seed, this.sex, used);
    return {
      key: this.key,
      person: {
        name,
        kana,
        birthDate: this.birthDate,
        sex: this.sex,
        note: this.note,
        coverages: this.coverages,
        myna: this.mynaValue,
        ...(this.kohiValue.length > 0 ? { kohi: this.kohiValue } : {}),
        ...(this.welfareValue !== null ? { welfare: this.welfareValue } : {}),
        holdings: this.holdings,
      },
      case: demoCase,
    };
  }
}
