// Grading a trainee's answer against the engine's decision (issue 5 item 3). Four items, each
// right or wrong: the verdict, the copay, whether the 高齢受給者証 is needed, and the documents
// still needed (compared as a set: the order of the ticks never matters). A scenario counts as
// correct only when all four are right — at the desk, a right verdict with the wrong copay is
// still a wrong charge.
import type { Decision } from '../decision';
import { type CopayPercent, NEEDED_DOCUMENTS, type NeededDocument, type Verdict } from '../enums';

/** What the trainee answers for one patient. */
export interface TraineeAnswer {
  verdict: Verdict;
  copayPercent: CopayPercent;
  elderlyCardNeeded: boolean;
  documentsNeeded: NeededDocument[];
}

export const ANSWER_ITEMS = ['verdict', 'copayPercent', 'elderlyCardNeeded', 'documentsNeeded'] as const;
export type AnswerItem = (typeof ANSWER_ITEMS)[number];

export interface Grade {
  /** per item: was the trainee right */
  items: Record<AnswerItem, boolean>;
  correctItems: number;
  totalItems: number;
  /** every item right */
  allCorrect: boolean;
}

/** The answer a perfect trainee gives: the decision's four items. */
export function correctAnswer(decision: Decision): TraineeAnswer {
  return {
    verdict: decision.verdict,
    copayPercent: decision.copayPercent,
    elderlyCardNeeded: decision.elderlyCardNeeded,
    documentsNeeded: sortNeeded(decision.documentsNeeded),
  };
}

/** The documents in one canonical order (the order of NEEDED_DOCUMENTS), without repeats. */
export function sortNeeded(docs: readonly NeededDocument[]): NeededDocument[] {
  const set = new Set(docs);
  return NEEDED_DOCUMENTS.filter((d) => set.has(d));
}

function sameSet(a: readonly NeededDocument[], b: readonly NeededDocument[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

export function gradeAnswer(answer: TraineeAnswer, decision: Decision): Grade {
  const items: Record<AnswerItem, boolean> = {
    verdict: answer.verdict === decision.verdict,
    copayPercent: answer.copayPercent === decision.copayPercent,
    elderlyCardNeeded: answer.elderlyCardNeeded === decision.elderlyCardNeeded,
    documentsNeeded: sameSet(answer.documentsNeeded, decision.documentsNeeded),
  };
  const correctItems = ANSWER_ITEMS.filter((k) => items[k]).length;
  return { items, correctItems, totalItems: ANSWER_ITEMS.length, allCorrect: correctItems === ANSWER_ITEMS.length };
}
