// Grading a trainee's answer against the engine's decision (issue 5 item 3, issue 9 item 8,
// issue 10). Every question asks the four items of version 1: the verdict, the copay, whether the
// 高齢受給者証 is needed, and the documents still needed (compared as a set: the order of the ticks
// never matters). A question whose scenario involves public programmes, 生活保護 or 労災 also asks
// what the patient pays and which programmes apply; a practice question whose patient hands over a
// 資格確認書 at a clinic with online check may also ask for the numbers typed at the terminal
// (保険者番号・記号・番号・枝番). A question counts as correct only when every item it asks is
// right — at the desk, a right verdict with the wrong copay is still a wrong charge.
import type { Decision, PatientPays } from '../decision';
import {
  type CopayPercent,
  NEEDED_DOCUMENTS,
  type NeededDocument,
  PUBLIC_EXPENSE_PROGRAMS,
  type PublicExpenseProgram,
  type Verdict,
} from '../enums';
import { patientPaysJa } from '../labels';
import type { Scenario } from '../scenario';

/** What the receptionist types for a number query (照会区分 2): as printed on the 資格確認書. */
export interface NumberEntry {
  insurerNumber: string;
  symbol: string;
  number: string;
  branch: string;
}

/** The number entry's fields, in the order the terminal asks for them, with their Japanese names. */
export const NUMBER_ENTRY_JA: Record<keyof NumberEntry, string> = {
  insurerNumber: '保険者番号',
  symbol: '記号',
  number: '番号',
  branch: '枝番',
};

/** What the trainee answers for one patient (the optional items only where the question asks them). */
export interface TraineeAnswer {
  verdict: Verdict;
  copayPercent: CopayPercent;
  elderlyCardNeeded: boolean;
  documentsNeeded: NeededDocument[];
  /** what the patient pays at the desk (compared as the receptionist says it: patientPaysJa) */
  patientPays?: PatientPays;
  /** the programmes that apply (a set) */
  publicExpense?: PublicExpenseProgram[];
  /** the numbers typed for the number query */
  numberEntry?: NumberEntry;
}

export const ANSWER_ITEMS = [
  'verdict',
  'copayPercent',
  'elderlyCardNeeded',
  'documentsNeeded',
  'patientPays',
  'publicExpense',
  'numberEntry',
] as const;
export type AnswerItem = (typeof ANSWER_ITEMS)[number];

/** Each item's Japanese name (the answer form, the feedback, the result sheet, the CSV export). */
export const ANSWER_ITEM_JA: Record<AnswerItem, string> = {
  verdict: '判定',
  copayPercent: '窓口負担',
  elderlyCardNeeded: '高齢受給者証',
  documentsNeeded: 'まだ必要な書類',
  patientPays: '患者さんが払う額',
  publicExpense: '適用する公費',
  numberEntry: '照会で入力する番号',
};

/** The items every question asks (version 1's four). */
const BASIC_ITEMS: readonly AnswerItem[] = ['verdict', 'copayPercent', 'elderlyCardNeeded', 'documentsNeeded'];

/** What one question asks, and the right number entry when it asks for one. */
export interface Asked {
  items: readonly AnswerItem[];
  entry: NumberEntry | null;
}

/** A question of version 1: the four basic items. */
const BASIC_ASKED: Asked = { items: BASIC_ITEMS, entry: null };

/** The scenario involves what the patient pays beyond the insurance copay: programmes, 生活保護, 労災. */
function involvesPays(s: Scenario): boolean {
  return s.patient.kohi.length > 0 || s.patient.welfare !== null || s.cause === 'work' || s.cause === 'commute';
}

/** The programmes the trainee chooses from: the patient's (the desk knows them), and 医療扶助 for a patient on 生活保護. */
export function programChoices(s: Scenario): PublicExpenseProgram[] {
  const enrolled = new Set<PublicExpenseProgram>(s.patient.kohi.map((k) => k.program));
  if (s.patient.welfare !== null) enrolled.add('welfare');
  return PUBLIC_EXPENSE_PROGRAMS.filter((p) => enrolled.has(p));
}

/**
 * The number entry a question can ask for: a 資格確認書 handed over at a clinic that can query by
 * number today (online check, no network outage, not a work or commuting injury — no query runs
 * then), whose coverage prints a 保険者番号 (記号・番号・枝番 as printed, empty when not). Several: the most
 * recently acquired coverage's.
 */
function numberEntryOf(s: Scenario): NumberEntry | null {
  if (!s.clinic.onlineCheck || s.clinic.incident === 'network-outage' || s.cause === 'work' || s.cause === 'commute')
    return null;
  const shown = new Set(s.presented.flatMap((d) => (d.kind === 'kakunin-sho' ? [d.coverage] : [])));
  const c = s.patient.coverages.filter((x) => shown.has(x.id) && x.insurerNumber !== null).pop();
  if (!c) return null;
  return { insurerNumber: c.insurerNumber!, symbol: c.symbol ?? '', number: c.number ?? '', branch: c.branch ?? '' };
}

/** The items a question of this scenario asks; `numberEntry`: the session asks for the number query where it applies. */
export function askedItems(s: Scenario, opts: { numberEntry: boolean }): AnswerItem[] {
  const items = [...BASIC_ITEMS];
  if (involvesPays(s)) items.push('patientPays');
  if (programChoices(s).length > 0) items.push('publicExpense');
  if (opts.numberEntry && numberEntryOf(s) !== null) items.push('numberEntry');
  return ANSWER_ITEMS.filter((i) => items.includes(i));
}

/** What a question of this scenario asks, given the items the session chose for it. */
export function askedOf(s: Scenario, items: readonly AnswerItem[]): Asked {
  return { items, entry: items.includes('numberEntry') ? numberEntryOf(s) : null };
}

export interface Grade {
  /** per item asked: was the trainee right */
  items: Partial<Record<AnswerItem, boolean>>;
  correctItems: number;
  totalItems: number;
  /** every item right */
  allCorrect: boolean;
}

/** The answer a perfect trainee gives: the decision's items that the question asks. */
export function correctAnswer(decision: Decision, asked: Asked = BASIC_ASKED): TraineeAnswer {
  const a: TraineeAnswer = {
    verdict: decision.verdict,
    copayPercent: decision.copayPercent,
    elderlyCardNeeded: decision.elderlyCardNeeded,
    documentsNeeded: sortNeeded(decision.documentsNeeded),
  };
  if (asked.items.includes('patientPays')) a.patientPays = { ...decision.patientPays };
  if (asked.items.includes('publicExpense')) a.publicExpense = appliedPrograms(decision);
  if (asked.entry) a.numberEntry = { ...asked.entry };
  return a;
}

/** The documents in one canonical order (the order of NEEDED_DOCUMENTS), without repeats. */
export function sortNeeded(docs: readonly NeededDocument[]): NeededDocument[] {
  const set = new Set(docs);
  return NEEDED_DOCUMENTS.filter((d) => set.has(d));
}

/** Programmes in one canonical order, without repeats. */
export function sortPrograms(programs: readonly PublicExpenseProgram[]): PublicExpenseProgram[] {
  const set = new Set(programs);
  return PUBLIC_EXPENSE_PROGRAMS.filter((p) => set.has(p));
}

const appliedPrograms = (d: Decision) => sortPrograms(d.publicExpense.filter((p) => p.applied).map((p) => p.program));

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/**
 * A typed number as the terminal compares it: NFKC (full-width digits and letters → half-width),
 * upper case, without spaces and hyphens of any width (nor the long vowel mark an IME gives for one).
 */
export function normalizeEntry(s: string): string {
  return s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―−ー・]/g, '');
}

const sameEntry = (a: NumberEntry | undefined, b: NumberEntry | null) =>
  a !== undefined &&
  b !== null &&
  (Object.keys(NUMBER_ENTRY_JA) as (keyof NumberEntry)[]).every((k) => normalizeEntry(a[k]) === normalizeEntry(b[k]));

function itemRight(item: AnswerItem, answer: TraineeAnswer, decision: Decision, asked: Asked): boolean {
  switch (item) {
    case 'verdict':
      return answer.verdict === decision.verdict;
    case 'copayPercent':
      return answer.copayPercent === decision.copayPercent;
    case 'elderlyCardNeeded':
      return answer.elderlyCardNeeded === decision.elderlyCardNeeded;
    case 'documentsNeeded':
      return sameSet(answer.documentsNeeded, decision.documentsNeeded);
    case 'patientPays':
      // what the receptionist charges and says: 「1回200円」 is one answer whatever else is filled in
      return (
        answer.patientPays !== undefined && patientPaysJa(answer.patientPays) === patientPaysJa(decision.patientPays)
      );
    case 'publicExpense':
      return answer.publicExpense !== undefined && sameSet(answer.publicExpense, appliedPrograms(decision));
    case 'numberEntry':
      return sameEntry(answer.numberEntry, asked.entry);
  }
}

export function gradeAnswer(answer: TraineeAnswer, decision: Decision, asked: Asked = BASIC_ASKED): Grade {
  const items: Partial<Record<AnswerItem, boolean>> = {};
  for (const item of asked.items) items[item] = itemRight(item, answer, decision, asked);
  const correctItems = asked.items.filter((k) => items[k]).length;
  return {
    items,
    correctItems,
    totalItems: asked.items.length,
    allCorrect: correctItems === asked.items.length,
  };
}
