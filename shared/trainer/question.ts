// What a trainee sees of a scenario: what a receptionist would see at the desk and no more
// (the simulation principle of RULES.md). The patient's age and birth date, the clinic's situation,
// the day, the story, each document handed over with what is printed on it, and — at a clinic
// with online check — what the reader / the number query showed. Never the truth behind it
// (loss dates, registration dates, filing dates) and never the expected decision.
import { ageOn, type IsoDate } from '../dates';
import type { Coverage, PresentedDocument, Scenario } from '../scenario';
import type { Decision } from '../decision';

/** What a document of a coverage prints: insurer, numbers, 資格取得日 (and, on a 資格確認書 with showsLimit, the limit category). */
type PrintedCoverage = Pick<
  Coverage,
  'insurer' | 'insurerNumber' | 'symbol' | 'number' | 'branch' | 'acquiredOn' | 'limitCategory'
>;

export type QuestionDocument = PresentedDocument & { printed: PrintedCoverage | null };

/**
 * A scenario as the trainee sees it: the situation fields as the scenario has them (policy: only the
 * scenario's own settings, those that differ from the defaults), the patient and documents only as seen.
 */
export interface Question extends Pick<
  Scenario,
  'title' | 'story' | 'visitDate' | 'visitType' | 'needsLimit' | 'limitConsent' | 'clinic' | 'policy'
> {
  scenarioId: string;
  patient: { birthDate: IsoDate; age: number; hasMynaCard: boolean };
  documents: QuestionDocument[];
  /** the online check's screens as the desk saw them; null at a clinic without online check */
  online: Decision['onlineCheck'] | null;
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

export function buildQuestion(s: Scenario, decision: Decision): Question {
  const byId = new Map(s.patient.coverages.map((c) => [c.id, c]));
  const documents: QuestionDocument[] = s.presented.map((d) => {
    if (d.kind === 'legacy-card' || d.kind === 'oshirase')
      return { ...d, printed: printed(byId.get(d.coverage), false) };
    if (d.kind === 'kakunin-sho') return { ...d, printed: printed(byId.get(d.coverage), d.showsLimit) };
    return { ...d, printed: null };
  });
  return {
    scenarioId: s.id,
    title: s.title,
    story: s.story,
    visitDate: s.visitDate,
    visitType: s.visitType,
    needsLimit: s.needsLimit,
    limitConsent: s.limitConsent,
    clinic: { ...s.clinic },
    patient: {
      birthDate: s.patient.birthDate,
      age: ageOn(s.patient.birthDate, s.visitDate),
      hasMynaCard: s.patient.myna !== null,
    },
    documents,
    online: s.clinic.onlineCheck ? { ...decision.onlineCheck } : null,
    policy: { ...s.policy },
  };
}
