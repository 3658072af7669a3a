// An answer's items in words, for every place that shows them: the feedback, the result sheet and
// the progress CSV export. One table of words per enumeration (../labels.ts); here only how each
// item of an answer reads.
import { copayWari, NEEDED_JA, PROGRAM_JA, patientPaysJa, VERDICT_JA } from '../labels';
import { type AnswerItem, NUMBER_ENTRY_JA, type NumberEntry, type TraineeAnswer } from './grade';

export const copayText = (p: number) => copayWari(p) + (p === 100 ? ' (自費)' : '');

/** 保険者番号 01130012 ・ 記号 1234 ・ 番号 56 ・ 枝番 00 (empty fields left out). */
export function numberEntryText(e: NumberEntry): string {
  const parts = (Object.keys(NUMBER_ENTRY_JA) as (keyof NumberEntry)[])
    .filter((k) => e[k].trim() !== '')
    .map((k) => `${NUMBER_ENTRY_JA[k]} ${e[k].trim()}`);
  return parts.length === 0 ? '(入力なし)' : parts.join(' ・ ');
}

/** One item of an answer in words; '—' for an item the answer does not hold. */
export function answerItemText(item: AnswerItem, a: TraineeAnswer): string {
  switch (item) {
    case 'verdict':
      return VERDICT_JA[a.verdict];
    case 'copayPercent':
      return copayText(a.copayPercent);
    case 'elderlyCardNeeded':
      return a.elderlyCardNeeded ? '必要' : '不要';
    case 'documentsNeeded':
      return a.documentsNeeded.length === 0 ? 'なし' : a.documentsNeeded.map((x) => NEEDED_JA[x]).join('、');
    case 'patientPays':
      return a.patientPays ? patientPaysJa(a.patientPays) : '—';
    case 'publicExpense':
      if (!a.publicExpense) return '—';
      return a.publicExpense.length === 0 ? 'なし' : a.publicExpense.map((p) => PROGRAM_JA[p]).join('、');
    case 'numberEntry':
      return a.numberEntry ? numberEntryText(a.numberEntry) : '—';
  }
}
