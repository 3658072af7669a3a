// The walk-in form's text → the walk-in (the contract's WalkIn), or what is wrong with each field:
// dates in ISO or 和暦, numbers as typed (full-width allowed), 円 amounts with commas. Loaded with
// the form (not with the desk's first screen).
import type { WalkIn } from '../../shared/contract';
import type { IsoDate } from '../../shared/dates';
import { isNationalProgram } from '../../shared/enums';
import { parseDate } from '../../shared/wareki';
import type { WalkInDraft, WalkInErrors } from './store/desk';

/** The walk-in form's text → the walk-in, or what is wrong with each field. */
export function readWalkIn(d: WalkInDraft, visitDate: IsoDate): { walkIn: WalkIn } | { errors: WalkInErrors } {
  const errors: WalkInErrors = {};
  const birth = parseDate(d.birthDate);
  if (d.birthDate.trim() === '') errors.birthDate = '生年月日を入力してください';
  else if (!birth.ok) errors.birthDate = birth.error.ja;
  else if (birth.value > visitDate) errors.birthDate = '生年月日が受診日より後です';
  /** an optional date field: undefined when empty, else parsed (its error noted) */
  const dateOf = (field: keyof WalkInDraft, text: string, documentField = false): IsoDate | undefined => {
    if (text.trim() === '') return undefined;
    const r = parseDate(text, { documentField });
    if (!r.ok) errors[field] = r.error.ja;
    return r.ok ? r.value : undefined;
  };
  /** a number of yen: undefined when empty */
  const yenOf = (field: keyof WalkInDraft, text: string): number | undefined => {
    const t = text.normalize('NFKC').replace(/[,円\s]/g, '');
    if (t === '') return undefined;
    if (!/^\d{1,7}$/.test(t)) errors[field] = '金額は円単位の数字で入力してください';
    return Number(t);
  };
  const acquiredOn = dateOf('acquiredOn', d.acquiredOn, true);
  const family = d.insurer !== 'none' && d.personalFamily === 2;
  const holderBirthDate = family ? dateOf('holderBirthDate', d.holderBirthDate) : undefined;
  const insurerNumber = d.insurerNumber.normalize('NFKC').trim();
  if (d.insurer !== 'none' && insurerNumber !== '' && !/^\d{6}$|^\d{8}$/.test(insurerNumber))
    errors.insurerNumber = '保険者番号は6桁か8桁の数字です';
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  let kohi: WalkIn['kohi'];
  if (d.program !== '') {
    const payerNumber = d.payerNumber.normalize('NFKC').trim();
    if (payerNumber === '') errors.payerNumber = '公費負担者番号を入力してください';
    const validUntil = dateOf('kohiValidUntil', d.kohiValidUntil, true);
    if (d.kohiValidUntil.trim() === '') errors.kohiValidUntil = '受給者証・医療証の有効期限を入力してください';
    const national = isNationalProgram(d.program);
    const perVisitYen = !national && d.share === 'per-visit' ? yenOf('perVisitYen', d.perVisitYen) : undefined;
    if (!national && d.share === 'per-visit' && d.perVisitYen.trim() === '')
      errors.perVisitYen = '1回の負担額を入力してください';
    const monthlyCapYen = national ? yenOf('monthlyCapYen', d.monthlyCapYen) : undefined;
    const paidThisMonthYen = national ? yenOf('paidThisMonthYen', d.paidThisMonthYen) : undefined;
    if (validUntil !== undefined)
      kohi = [
        {
          program: d.program,
          payerNumber,
          ...(text(d.recipientNumber.normalize('NFKC')) !== undefined
            ? { recipientNumber: d.recipientNumber.normalize('NFKC').trim() }
            : {}),
          validUntil,
          ...(national
            ? {
                ...(monthlyCapYen !== undefined ? { monthlyCapYen } : {}),
                ...(paidThisMonthYen !== undefined ? { paidThisMonthYen } : {}),
                ...(d.designatedHere ? {} : { designatedHere: false }),
              }
            : {
                share:
                  d.share === 'none'
                    ? ('none' as const)
                    : d.share === 'per-visit'
                      ? { perVisitYen: perVisitYen ?? 0 }
                      : { percent: Number(d.share) },
              }),
          ...(d.kohiCarried ? {} : { carried: false }),
        },
      ];
  }
  const welfareFrom = d.welfare ? dateOf('welfareFrom', d.welfareFrom) : undefined;
  if (d.welfare && d.welfareFrom.trim() === '') errors.welfareFrom = '生活保護の開始日を入力してください';
  if (Object.keys(errors).length > 0 || !birth.ok) return { errors };
  const walkIn: WalkIn = { birthDate: birth.value };
  const optional: Partial<WalkIn> = {
    insurer: d.insurer === 'none' ? undefined : d.insurer,
    name: text(d.name),
    kana: text(d.kana),
    sex: d.sex === 'unspecified' ? undefined : d.sex,
    ...(d.insurer === 'none'
      ? {}
      : {
          insurerNumber: text(insurerNumber),
          symbol: text(d.symbol.normalize('NFKC')),
          number: text(d.number.normalize('NFKC')),
          branch: text(d.branch.normalize('NFKC')),
          personalFamily: family ? 2 : undefined,
          holderBirthDate,
          acquiredOn,
        }),
    kohi,
    welfare:
      welfareFrom === undefined
        ? undefined
        : { from: welfareFrom, ...(d.ticketRegistered ? {} : { ticketRegistered: false }) },
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(walkIn, { [k]: v });
  return { walkIn };
}
