// A walk-in (飛び込みの患者): not in the registry, known by what the receptionist typed — the birth
// date and the insurer (none: 生活保護 or uninsured), and as far as given the name, the 記号・番号,
// 本人/家族 (a 家族 of employee insurance is a 被扶養者, with the insured person's birth date), the
// 資格取得日, what is printed on each document handed over, the programmes (公費・医療証) and
// 生活保護. The desk decides on a registry-shaped record of them; everything typed is checked like a
// registry patient (the contract's patientInput: check digits, a 資格確認書's validity …), with the
// messages naming the desk's own fields in Japanese.
//
// What was not typed is assumed so that the walk-in behaves like an ordinary member (the issue is
// silent on a walk-in's truth): one coverage of that insurer, current and known to the online
// system, acquired on 2020-04-01 (or at birth, or — for 後期 — on the 75th birthday); a マイナ保険証
// registered for insurance use with a valid certificate; an お知らせ and a smartphone if handed
// over; a programme valid from the visit at the latest, its 受給者証・医療証 carried unless said
// otherwise; this month's 医療券 for this clinic and the 労災 form when handed over. No document is
// assumed: a 保険証, 資格確認書, 高齢受給者証 or 限度額適用認定証 is handed over with its printed
// validity typed. The result document's items that stand on an assumption are listed (`assumed`),
// and the screen leaves them out.
import type { Patient, WalkIn, WalkInProgramme } from '../../../shared/contract';
import { type ParsedPatient, type PatientInput, patientInput, unsavedPatient } from '../../../shared/contract/patient';
import { addMonthsClamped, ageOn, birthday, type IsoDate, maxDate, minDate } from '../../../shared/dates';
import { type DocumentKind, PREFECTURE_CODES } from '../../../shared/enums';
import { isNationalProgram } from '../../../shared/kohi';
import { WALK_IN_PRINTED_KINDS } from '../../../shared/holdings';
import { DOCUMENT_JA } from '../../../shared/labels';
import type { ResultOfQualificationConfirmation } from '../../../shared/onshi-document';
import { isEmployeeInsurance, REFORM } from '../../../shared/timeline';
import { parseIssues } from '../../../shared/zod-issues';
import { AppError } from '../errors';

const WALK_IN_ID = 'walk-in';
type ProgrammeInput = NonNullable<PatientInput['kohi']>[number];
const WALK_IN_NAME = '飛び込みの患者';

/** The desk's names of the fields (the registry validator's paths → what the receptionist typed). */
const FIELD_JA: Record<string, string> = {
  name: '氏名',
  kana: 'フリガナ',
  birthDate: '生年月日',
  'coverages[0].insurerNumber': '保険者番号',
  'coverages[0].symbol': '記号',
  'coverages[0].number': '番号',
  'coverages[0].branch': '枝番',
  'coverages[0].acquiredOn': '資格取得日',
  'coverages[0].holderBirthDate': '被保険者の生年月日',
  'coverages[0].role': '本人・家族',
  'coverages[0]': '保険',
  kohi: '公費・医療証',
  welfare: '生活保護',
};
const DOCUMENT_FIELD_JA: Record<string, string> = {
  printedExpiry: '有効期限',
  validUntil: '有効期限',
  validFrom: '有効開始日',
  issuedOn: '交付日',
  ratio: '負担割合',
  category: '区分',
};

function fieldJa(path: string, holdings: PatientInput['holdings']): string {
  const h = /^holdings\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (h) {
    const kind = holdings?.[Number(h[1])]?.kind as DocumentKind | 'smartphone' | undefined;
    const doc = kind === undefined ? '書類' : kind === 'smartphone' ? 'スマホ' : DOCUMENT_JA[kind];
    return h[2] && DOCUMENT_FIELD_JA[h[2]] ? `${doc}の${DOCUMENT_FIELD_JA[h[2]]}` : doc;
  }
  const key = Object.keys(FIELD_JA).find((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
  return key ? FIELD_JA[key]! : '入力';
}

/** The registry's input for a walk-in, and which result document items stand on assumptions. */
function walkInInput(
  w: WalkIn,
  presented: readonly DocumentKind[],
  visitDate: IsoDate,
): { input: PatientInput; assumed: Array<keyof ResultOfQualificationConfirmation> } {
  const docs = w.documents ?? {};
  const missing = WALK_IN_PRINTED_KINDS.filter((k) => presented.includes(k) && docs[k] === undefined);
  if (missing.length > 0) {
    const names = missing.map((k) => DOCUMENT_JA[k]).join('・');
    throw new AppError(
      'invalid-input',
      `受付: 飛び込みの患者の${names}に書かれている有効期限などを入力してください`,
      `desk: type what the walk-in's ${missing.join(', ')} print (validity …)`,
      { field: 'walkIn.documents' },
    );
  }
  const acquiredOn =
    w.acquiredOn ?? (w.insurer === 'kouki' ? birthday(w.birthDate, 75) : maxDate(w.birthDate, '2020-04-01'));
  const insured = w.insurer !== undefined;
  const age = ageOn(w.birthDate, visitDate);
  const elderly = docs['elderly-card'];
  const assumed: Array<keyof ResultOfQualificationConfirmation> = [];
  if (w.name === undefined) assumed.push('Name');
  if (w.kana === undefined) assumed.push('NameKana');
  if (w.sex === undefined) assumed.push('Sex1');
  if (insured && w.insurerNumber === undefined) assumed.push('InsurerNumber');
  if (insured && w.number === undefined) assumed.push('InsuredIdentificationNumber');
  if (insured && w.personalFamily === undefined) assumed.push('PersonalFamilyClassification');
  if (insured && w.acquiredOn === undefined) assumed.push('InsuredCardValidDate');
  // the ratio of a 70–74 or 後期 member is the insurer's (income); a typed 高齢受給者証 tells it
  if ((age >= 70 || w.insurer === 'kouki') && elderly === undefined) {
    assumed.push('InsuredPartialContributionRatio', 'ElderlyRecipientCertificateInfo');
  }
  const holdings: NonNullable<PatientInput['holdings']> = [];
  if (docs['legacy-card']) holdings.push({ kind: 'legacy-card', coverage: 'c1', ...docs['legacy-card'] });
  if (docs['kakunin-sho']) {
    const k = docs['kakunin-sho'];
    holdings.push({
      kind: 'kakunin-sho',
      coverage: 'c1',
      // not typed: the latest of the reform, the acquisition and 5 years before the printed end
      issuedOn:
        k.issuedOn ?? minDate(visitDate, maxDate(maxDate(REFORM, acquiredOn), addMonthsClamped(k.validUntil, -60))),
      validFrom: null,
      validUntil: k.validUntil,
      showsRatio: false,
      showsLimit: false,
    });
  }
  if (presented.includes('oshirase')) holdings.push({ kind: 'oshirase', coverage: 'c1' });
  if (presented.includes('myna-smartphone')) holdings.push({ kind: 'smartphone', os: 'android' });
  if (elderly) holdings.push({ kind: 'elderly-card', ...elderly });
  if (docs['limit-cert']) holdings.push({ kind: 'limit-cert', ...docs['limit-cert'] });
  // 受給者証・医療証 the patient carries; this month's 医療券 and the 労災 form when handed over
  const kohi = (w.kohi ?? []).map((k, i) => walkInProgramme(k, i, visitDate));
  (w.kohi ?? []).forEach((k, i) => {
    if (k.carried !== false) holdings.push({ kind: 'kohi-cert', kohi: kohi[i]!.id! });
  });
  if (presented.includes('medical-ticket'))
    holdings.push({ kind: 'medical-ticket', month: visitDate.slice(0, 7), forThisClinic: true });
  if (presented.includes('rousai-form')) holdings.push({ kind: 'rousai-form' });
  // 家族 of employee insurance is a 被扶養者 (R26)
  const dependent = w.personalFamily === 2 && w.insurer !== undefined && isEmployeeInsurance(w.insurer);
  const card =
    presented.includes('myna-card') || presented.includes('myna-smartphone') || presented.includes('mynaportal');
  return {
    input: {
      name: w.name ?? WALK_IN_NAME,
      kana: w.kana ?? 'トビコミ',
      birthDate: w.birthDate,
      sex: w.sex ?? 'unspecified',
      note: '',
      coverages:
        w.insurer === undefined
          ? []
          : [
              {
                insurer: w.insurer,
                insurerNumber: w.insurerNumber ?? null,
                symbol: w.symbol ?? null,
                number: w.number ?? null,
                branch: w.branch ?? null,
                personalFamily: w.personalFamily ?? 1,
                acquiredOn,
                ...(elderly ? { ratio: elderly.ratio } : {}),
                ...(dependent ? { role: 'dependent' as const, holderBirthDate: w.holderBirthDate ?? null } : {}),
                ...(!dependent && w.holderBirthDate !== undefined ? { holderBirthDate: w.holderBirthDate } : {}),
              },
            ],
      myna: card ? { insuranceRegistered: true, certExpiresOn: addMonthsClamped(visitDate, 60) } : null,
      kohi,
      welfare: w.welfare
        ? { from: w.welfare.from, until: w.welfare.until ?? null, ticketRegistered: w.welfare.ticketRegistered ?? true }
        : null,
      holdings,
    },
    assumed,
  };
}

/**
 * A walk-in's programme as the registry takes it: valid from the visit at the latest when the start
 * was not typed; a 医療証's prefecture, when not given, is the one in its 公費負担者番号 (法別番号 2
 * digits, then the prefecture's 2).
 */
function walkInProgramme(k: WalkInProgramme, i: number, visitDate: IsoDate): ProgrammeInput {
  const { carried: _c, ...printed } = k;
  const local = !isNationalProgram(k.program);
  const prefecture =
    k.prefecture ?? (PREFECTURE_CODES as readonly string[]).find((c) => c === k.payerNumber.slice(2, 4));
  return {
    ...printed,
    id: `k${i + 1}`,
    validFrom: k.validFrom ?? minDate(visitDate, k.validUntil),
    validUntil: k.validUntil,
    ...(local ? { prefecture: (prefecture ?? null) as ProgrammeInput['prefecture'], share: k.share ?? 'none' } : {}),
  };
}

/** Checks what was typed like a registry patient; a refusal names the desk's field in Japanese. */
function checked(input: PatientInput): ParsedPatient {
  const r = parseIssues(patientInput, input);
  if (r.ok) return r.value;
  const issue = r.issues[0]!;
  throw new AppError(
    'invalid-input',
    `受付: 飛び込みの患者の${fieldJa(issue.path, input.holdings)}: ${issue.ja}`,
    `desk: walk-in: ${issue.path}: ${issue.en}`,
    { field: `walkIn.${issue.path}` },
  );
}

/** The record the desk decides a walk-in on, and the result document items it assumed. */
export function walkInPerson(
  w: WalkIn,
  presented: readonly DocumentKind[],
  visitDate: IsoDate,
): { person: Patient; assumed: Array<keyof ResultOfQualificationConfirmation> } {
  const { input, assumed } = walkInInput(w, presented, visitDate);
  return { person: unsavedPatient(checked(input), WALK_IN_ID), assumed };
}

/** 「この患者を登録」: the walk-in as a registry patient (a name and its reading are needed). */
export function walkInRegistration(w: WalkIn, presented: readonly DocumentKind[], visitDate: IsoDate): ParsedPatient {
  if (w.name === undefined || w.kana === undefined) {
    throw new AppError(
      'invalid-input',
      '登録するには氏名とフリガナを入力してください',
      'a name and its reading are needed to register the patient',
      { field: 'walkIn.name' },
    );
  }
  const { input } = walkInInput(w, presented, visitDate);
  return checked({ ...input, note: `受付 ${visitDate} に飛び込みで受け付けた患者` });
}
