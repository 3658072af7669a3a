// What a trainee sees of a scenario: what a receptionist would see at the desk and no more
// (the simulation principle of RULES.md). The patient's age and birth date, the clinic's situation,
// the day, the story, each document handed over with what is printed on it, and — at a clinic
// with online check — what the reader / the number query showed. Never the truth behind it
// (loss dates, registration dates, filing dates) and never the expected decision.
import { ageOn, type IsoDate } from '../dates';
import type { Coverage, PresentedDocument, Scenario } from '../scenario';
import type { ScenarioProgramme } from '../scenario/types';
import type { Decision } from '../decision';
import type { PublicExpenseProgram } from '../enums';
import { type AnswerItem, programChoices } from './grade';

/** What a document of a coverage prints: insurer, numbers, 資格取得日 (and, on a 資格確認書 with showsLimit, the limit category). */
type PrintedCoverage = Pick<
  Coverage,
  'insurer' | 'insurerNumber' | 'symbol' | 'number' | 'branch' | 'acquiredOn' | 'limitCategory'
>;

/** What a 受給者証・医療証 prints (and the 上限額管理票 beside it); never whether PMH knows it. */
type PrintedProgramme = Omit<ScenarioProgramme, 'pmhRegistered'>;

export type QuestionDocument = PresentedDocument & {
  printed: PrintedCoverage | null;
  /** a kohi-cert: its programme */
  programme: PrintedProgramme | null;
};

/**
 * A scenario as the trainee sees it: the situation fields as the scenario has them (policy: only the
 * scenario's own settings, those that differ from the defaults), the patient and documents only as seen.
 */
export interface Question extends Pick<
  Scenario,
  'title' | 'story' | 'visitDate' | 'visitType' | 'needsLimit' | 'limitConsent' | 'cause' | 'clinic' | 'policy'
> {
  scenarioId: string;
  patient: {
    birthDate: IsoDate;
    age: number;
    hasMynaCard: boolean;
    /** 生活保護 as the registry knows it (R24) */
    welfare: { from: IsoDate; until: IsoDate | null } | null;
  };
  documents: QuestionDocument[];
  /** the online check's screens as the desk saw them; null at a clinic without online check */
  online: (Decision['onlineCheck'] & { pmh: PublicExpenseProgram[] }) | null;
  /** the items this question asks (grade.ts) */
  items: AnswerItem[];
  /** the programmes the trainee chooses from when the question asks which apply */
  programs: PublicExpenseProgram[];
}

function printed(c: Coverage | undefined, withLimit: boolean): PrintedCoverage | null {
  if (!c) return null;
  const { insurer, insurerNumber, symbol, number, branch, acquiredOn } = c;
  return {
    insurer,
    insurerNumber,
    symbol,
    number,
    branch,
    acquiredOn,
    limitCategory: withLimit ? c.limitCategory : null,
  };
}

function printedProgramme(k: ScenarioProgramme | undefined): PrintedProgramme | null {
  if (!k) return null;
  const { pmhRegistered, ...rest } = k;
  void pmhRegistered;
  return rest;
}

export function buildQuestion(s: Scenario, decision: Decision, items: AnswerItem[]): Question {
  const byId = new Map(s.patient.coverages.map((c) => [c.id, c]));
  const kohi = new Map(s.patient.kohi.map((k) => [k.id, k]));
  const documents: QuestionDocument[] = s.presented.map((d) => {
    if (d.kind === 'legacy-card' || d.kind === 'oshirase')
      return { ...d, printed: printed(byId.get(d.coverage), false), programme: null };
    if (d.kind === 'kakunin-sho')
      return { ...d, printed: printed(byId.get(d.coverage), d.showsLimit), programme: null };
    if (d.kind === 'kohi-cert') return { ...d, printed: null, programme: printedProgramme(kohi.get(d.kohi)) };
    return { ...d, printed: null, programme: null };
  });
  const w = s.patient.welfare;
  return {
    scenarioId: s.id,
    title: s.title,
    story: s.story,
    visitDate: s.visitDate,
    visitType: s.visitType,
    needsLimit: s.needsLimit,
    limitConsent: s.limitConsent,
    cause: s.cause,
    clinic: { ...s.clinic },
    patient: {
      birthDate: s.patient.birthDate,
      age: ageOn(s.patient.birthDate, s.visitDate),
      hasMynaCard: s.patient.myna !== null,
      welfare: w ? { from: w.from, until: w.until } : null,
    },
    documents,
    online: s.clinic.onlineCheck
      ? {
          ...decision.onlineCheck,
          pmh: decision.publicExpense.filter((p) => p.basis === 'pmh').map((p) => p.program),
        }
      : null,
    policy: { ...s.policy },
    items,
    programs: items.includes('publicExpense') ? programChoices(s) : [],
  };
}
