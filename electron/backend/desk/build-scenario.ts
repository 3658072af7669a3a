// The desk case: a registry patient, the kinds of document the receptionist clicked, the clinic
// and the day → a Scenario in the SCENARIO.md shape. Document details come from what the patient
// holds. Nothing here is parsed again: the patient was checked when the registry stored them
// (shared/contract/patient.ts, with the scenario format's checks), the request when it entered
// the backend (the contract's desk.decide), so the scenario is assembled from typed values; what
// is left to check is what only the day decides (which documents exist by then, a visit before the birth date).
import type { IsoDate } from '../../../shared/dates';
import type { Cause, DocumentKind, Incident, PortalForm, VisitType } from '../../../shared/enums';
import { DOCUMENT_JA } from '../../../shared/labels';
import type { PresentedDocument, Scenario } from '../../../shared/scenario';
import { type Policy } from '../../../shared/timeline';
import { documentExistsOn } from '../../../shared/scenario/exists';
import { withHolderEnd } from '../../../shared/scenario/normalize';
import { AppError } from '../errors';
import type { ClinicFacts, Patient } from '../../../shared/contract';
import type { Holding } from '../../../shared/holdings';

export interface DeskCaseInput {
  patient: Patient;
  /** the kinds handed over (each at most once) */
  presented: readonly DocumentKind[];
  /**
   * Positions in the patient's holdings of the documents handed over, where they hold two or more
   * of a kind (a kind not named here: all the patient's documents of it that exist on the day).
   */
  holdings?: readonly number[];
  /** how the マイナポータル 資格情報画面 was shown (default: screen) */
  mynaportalForm?: PortalForm;
  /** the clinic today; its facts of rule book version 2 left out: SCENARIO.md's defaults */
  clinic: { onlineCheck: boolean; phoneReader: boolean; policy?: Partial<Policy> } & Partial<ClinicFacts>;
  visitDate: IsoDate;
  incident?: Incident;
  /** 「お仕事中・通勤中のけがですか」 (R25; default illness) */
  cause?: Cause;
  visitType?: VisitType;
  needsLimit?: boolean;
  limitConsent?: boolean;
  /** default `desk-<patient id>-<visit date>` */
  id?: string;
  title?: string | null;
}

function bad(field: string, ja: string, en: string): AppError {
  return new AppError('invalid-input', `受付: ${ja}`, `desk: ${field}: ${en}`, { field });
}

/** Whether the patient can hand this document over on day D (it exists by then). */
function existsOn(h: Holding, p: Patient, D: IsoDate): boolean {
  const coverage = 'coverage' in h ? p.coverages.find((c) => c.id === h.coverage) : undefined;
  return documentExistsOn(h, coverage?.insurer, D);
}

/**
 * A registry person as a scenario's `patient`: exactly the fields of the scenario format, normalized
 * as the format's validation does (R26: a dependent's coverage ends by the insured person's 75th birthday).
 */
export function scenarioPatient(p: Patient): Scenario['patient'] {
  return {
    birthDate: p.birthDate,
    coverages: p.coverages.map(({ insurerName: _n, personalFamily: _f, ...c }) => withHolderEnd(c)),
    myna: p.myna,
    kohi: p.kohi,
    welfare: p.welfare,
  };
}

export function buildScenario(input: DeskCaseInput): Scenario {
  const p = input.patient;
  const D = input.visitDate;
  if (D < p.birthDate) throw bad('visitDate', '受診日が生年月日より前です', 'visitDate is before the birth date');

  const chosen = (input.holdings ?? []).map((i) => {
    const h = p.holdings[i];
    if (h === undefined || !input.presented.includes(h.kind as DocumentKind))
      throw bad(
        'holdings',
        '選ばれた書類がこの患者の提示した書類にありません',
        `holding ${i} is not one of the patient's presented documents`,
      );
    return h;
  });
  const presented: PresentedDocument[] = [];
  for (const kind of input.presented) {
    const missing = () =>
      bad(
        'presented',
        `この患者は${DOCUMENT_JA[kind]}を持っていません (受診日 ${D} の時点)`,
        `the patient holds no ${kind} (on ${D})`,
      );
    switch (kind) {
      case 'myna-card':
        if (!p.myna) throw missing();
        presented.push({ kind });
        break;
      case 'mynaportal':
        if (!p.myna) throw missing();
        {
          const form = input.mynaportalForm ?? 'screen';
          // a pdf shows what the system knew the day it was saved: at the desk, today's (RULES.md)
          presented.push({ kind, form, savedOn: form === 'pdf' ? D : null });
        }
        break;
      case 'declaration':
        presented.push({ kind });
        break;
      case 'myna-smartphone': {
        const phone = p.holdings.find((h): h is Extract<Holding, { kind: 'smartphone' }> => h.kind === 'smartphone');
        if (!phone || !p.myna) throw missing();
        presented.push({ kind, os: phone.os });
        break;
      }
      case 'medical-ticket': {
        // a 医療券 without a month of its own is the one of the visit's month
        const tickets = (chosen.length > 0 ? chosen : p.holdings).filter(
          (h): h is Extract<Holding, { kind: 'medical-ticket' }> => h.kind === 'medical-ticket',
        );
        if (tickets.length === 0) throw missing();
        for (const t of tickets) presented.push({ ...t, month: t.month ?? D.slice(0, 7) });
        break;
      }
      default: {
        const ofKind = (h: Holding): h is Extract<Holding, { kind: typeof kind }> => h.kind === kind;
        const picked = chosen.filter(ofKind);
        const docs = (picked.length > 0 ? picked : p.holdings.filter(ofKind)).filter((h) => existsOn(h, p, D));
        if (docs.length === 0) throw missing();
        for (const h of docs) presented.push({ ...h });
      }
    }
  }

  return {
    id: input.id ?? `desk-${p.id}-${D}`,
    title: input.title === undefined ? `受付: ${p.name}` : input.title,
    story: null,
    visitDate: D,
    visitType: input.visitType ?? 'first',
    needsLimit: input.needsLimit ?? false,
    limitConsent: input.limitConsent ?? true,
    cause: input.cause ?? 'illness',
    clinic: {
      onlineCheck: input.clinic.onlineCheck,
      phoneReader: input.clinic.phoneReader,
      incident: input.incident ?? 'none',
      prefecture: input.clinic.prefecture ?? null,
      pmh: input.clinic.pmh ?? false,
      welfareOnline: input.clinic.welfareOnline ?? true,
      rousaiDesignated: input.clinic.rousaiDesignated ?? true,
    },
    patient: scenarioPatient(p),
    presented,
    policy: input.clinic.policy ?? {},
  };
}
