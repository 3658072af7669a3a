// Public shares (RULES.md "Public shares": R21 national 公費, R22 医療証, R23 PMH, and 医療扶助 of
// R24): which programmes are reported in `publicExpense`, applied or not and why, and what the
// patient pays after them (`patientPays`). Reads the observation only.
import type { PatientPays, PublicExpense } from '../decision';
import type {
  CopayPercent,
  NeededDocument,
  Note,
  PublicExpenseBasis,
  PublicExpenseReason,
  RuleId,
  Verdict,
} from '../enums';
import { isNationalProgram, NATIONAL_SHARE, type Programme, programmeValidOn } from '../kohi';
import type { ObservedDocOf, ObservedDocument, Observation } from '../observation/types';

/** What the public shares add to a decision. */
export interface PublicShares {
  publicExpense: PublicExpense[];
  patientPays: PatientPays;
  /** kohi-cert, medical-ticket */
  needed: NeededDocument[];
  /** kohi-refund, call-welfare-office */
  notes: Note[];
  /** R21, R22, R23, R24 (医療扶助 as a public share) */
  rules: RuleId[];
  /** each reported programme with the entry made for it (the texts use them) */
  programmes: { programme: Programme; entry: PublicExpense }[];
  /** 医療扶助's entry, when the patient is on 生活保護 */
  welfare: PublicExpense | null;
  /** the 医療券 shown today, when it did not count (another month or clinic) */
  unusableTicket: ObservedDocOf<'medical-ticket'> | null;
}

const insuredVerdict = (v: Verdict) => v === 'insured' || v === 'insured-interim' || v === 'insured-declaration';

/** R24: how 医療扶助 is confirmed — the online check, a 医療券 for this month and clinic, or pending a call. */
function welfareBasis(o: Observation, documents: readonly ObservedDocument[]): PublicExpenseBasis {
  if (o.welfareRoute === 'valid') return 'online';
  const month = o.visitDate.slice(0, 7);
  return documents.some((d) => d.kind === 'medical-ticket' && d.month === month && d.forThisClinic)
    ? 'document'
    : 'pending';
}

/**
 * The public shares of one visit. `pmhAnswered`: the card route answered valid or multiple (R23:
 * only then does PMH return programmes); `deposit`: a 10割 deposit is taken (R25).
 */
export function publicShares(
  o: Observation,
  documents: readonly ObservedDocument[],
  verdict: Verdict,
  copay: CopayPercent,
  pmhAnswered: boolean,
  deposit: boolean,
): PublicShares {
  const D = o.visitDate;
  const insured = insuredVerdict(verdict);
  const certified = new Set(documents.flatMap((d) => (d.kind === 'kohi-cert' ? [d.kohi] : [])));
  const fromPmh = new Set(pmhAnswered && o.clinic.pmh ? (o.card?.programmes ?? []) : []);
  const needed = new Set<NeededDocument>();
  const notes = new Set<Note>();
  const rules = new Set<RuleId>();
  const programmes: PublicShares['programmes'] = [];

  // each programme whose validity covers D, or whose certificate is presented
  for (const p of o.programmes) {
    const valid = programmeValidOn(p, D);
    if (!valid && !certified.has(p.id)) continue;
    const national = isNationalProgram(p.program);
    const entry: PublicExpense = {
      program: p.program,
      kohi: p.id,
      payerNumber: p.payerNumber,
      applied: false,
      basis: null,
      reason: 'not-insured',
    };
    if (insured) {
      const reason: PublicExpenseReason | null = !valid
        ? 'not-valid'
        : national && p.designatedHere === false
          ? 'not-designated'
          : !national && o.clinic.prefecture !== null && p.prefecture !== null && o.clinic.prefecture !== p.prefecture
            ? 'other-prefecture'
            : !fromPmh.has(p.id) && !certified.has(p.id)
              ? 'not-presented'
              : null;
      entry.reason = reason;
      entry.applied = reason === null;
      entry.basis = reason !== null ? null : fromPmh.has(p.id) ? 'pmh' : 'document';
      if (reason === 'not-valid' || reason === 'not-presented') needed.add('kohi-cert');
      if (!national && (reason === 'other-prefecture' || reason === 'not-presented')) notes.add('kohi-refund');
      rules.add(national ? 'R21' : 'R22');
      if (entry.basis === 'pmh') rules.add('R23');
    }
    programmes.push({ programme: p, entry });
  }

  // 医療扶助 (R24): the deciding rule of public-assistance, or a public share on health insurance
  let welfare: PublicExpense | null = null;
  let unusableTicket: ObservedDocOf<'medical-ticket'> | null = null;
  if (o.patient.onWelfare === true) {
    const counts = insured || verdict === 'public-assistance';
    const basis = counts ? welfareBasis(o, documents) : null;
    welfare = {
      program: 'welfare',
      kohi: null,
      payerNumber: null,
      applied: counts,
      basis,
      reason: counts ? null : 'not-insured',
    };
    if (basis === 'pending') {
      needed.add('medical-ticket');
      notes.add('call-welfare-office');
      unusableTicket = documents.find((d): d is ObservedDocOf<'medical-ticket'> => d.kind === 'medical-ticket') ?? null;
    }
    if (insured) rules.add('R24');
  }

  const publicExpense = [...programmes.map((x) => x.entry), ...(welfare ? [welfare] : [])];
  return {
    publicExpense,
    patientPays: pays(copay, verdict, programmes, welfare, deposit),
    needed: [...needed],
    notes: [...notes],
    rules: [...rules],
    programmes,
    welfare,
    unusableTicket,
  };
}

/**
 * Combining (RULES.md): the lowest of the insurance copay and every applied share; a reached
 * national cap, a 医療証 with no share and 医療扶助 leave nothing to pay; a per-visit amount is 0%
 * plus the amount, kept only when that programme gives the lowest percent and nothing else leaves
 * the patient paying nothing.
 */
function pays(
  copay: CopayPercent,
  verdict: Verdict,
  programmes: PublicShares['programmes'],
  welfare: PublicExpense | null,
  deposit: boolean,
): PatientPays {
  const out: PatientPays = { percent: copay, perVisitYen: null, monthlyCapYen: null, capReached: false, deposit };
  if (!insuredVerdict(verdict)) return out;
  let free = welfare?.applied === true; // nothing to pay at all
  const perVisit: number[] = [];
  const caps: number[] = [];
  for (const { programme: p, entry } of programmes) {
    if (!entry.applied) continue;
    if (isNationalProgram(p.program)) {
      if (p.monthlyCapYen !== null) caps.push(p.monthlyCapYen);
      if (p.monthlyCapYen !== null && (p.paidThisMonthYen ?? 0) >= p.monthlyCapYen) {
        out.capReached = true;
        free = true;
      } else out.percent = Math.min(out.percent, NATIONAL_SHARE[p.program]);
    } else if (p.share === null || p.share === 'none') free = true;
    else if ('percent' in p.share) out.percent = Math.min(out.percent, p.share.percent);
    else {
      out.percent = 0;
      perVisit.push(p.share.perVisitYen);
    }
  }
  if (free) out.percent = 0;
  else if (perVisit.length > 0) out.perVisitYen = Math.min(...perVisit);
  if (caps.length > 0) out.monthlyCapYen = Math.min(...caps);
  return out;
}
