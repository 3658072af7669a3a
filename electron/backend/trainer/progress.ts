// Progress per trainee and per rule over time, and its CSV export (UTF-8 with BOM, CRLF, Japanese
// headers, formula-safe cells — the same cell rules as the check history's export).
import type { RuleId } from '../../../shared/enums';
import { RULES } from '../../../shared/rules';
import type { Progress, TraineeSummary } from '../../../shared/trainer/contract';
import { ANSWER_ITEM_JA, ANSWER_ITEMS, correctAnswer, type TraineeAnswer } from '../../../shared/trainer/grade';
import { answerItemText } from '../../../shared/trainer/answer-text';
import { accuracyByDay, ruleAccuracy, scoreOf } from '../../../shared/trainer/score';
import type { Decision } from '../../../shared/decision';
import { BOM, csvCell } from '../history/csv';
import { type AnswerDbRow, itemsOfRow, scoredOf, type SessionRepository } from './sessions';

const EOL = '\r\n';

export function progressOf(sessions: SessionRepository, traineeId?: number): Progress {
  const trainees: TraineeSummary[] = sessions.trainees().map((t) => {
    const rows = sessions.rows(t.id);
    const scored = sessions.answerRows({ traineeId: t.id }).map(scoredOf);
    const score = scoreOf(scored, scored.length);
    const exams = rows.filter((r) => r.mode === 'exam' && r.endedAt !== null);
    const last = exams[exams.length - 1];
    const lastAt = [...rows.map((r) => r.endedAt ?? r.startedAt)].sort().pop() ?? null;
    return {
      ...t,
      sessions: rows.length,
      answers: scored.length,
      percent: scored.length === 0 ? null : score.percent,
      lastAt,
      lastExam: last ? { sessionId: last.id, percent: last.score.percent, passed: last.passed === true } : null,
    };
  });
  const scored = sessions.answerRows(traineeId === undefined ? {} : { traineeId }).map(scoredOf);
  return {
    trainees,
    traineeId: traineeId ?? null,
    days: accuracyByDay(scored),
    rules: ruleAccuracy(scored),
    sessions: sessions.rows(traineeId).reverse(),
  };
}

const okJa = (b: boolean) => (b ? '○' : '×');
const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(',') + EOL;

/** Per item: the answer, the right answer and whether it was right (empty for an item not asked). */
export const ANSWER_CSV_HEADERS = [
  '回答日時',
  '研修生',
  '区分',
  '研修番号',
  'パック',
  '問題',
  'シナリオID',
  '受診日',
  '適用ルール',
  ...ANSWER_ITEMS.flatMap((k) => [
    `${ANSWER_ITEM_JA[k]} (回答)`,
    `${ANSWER_ITEM_JA[k]} (正解)`,
    `${ANSWER_ITEM_JA[k]}の正誤`,
  ]),
  '全項目正解',
  '所要時間 (秒)',
];

export const RULE_CSV_HEADERS = ['研修生', 'ルール', 'ルール名', '回答数', '正解数', '正答率 (%)'] as const;

export function progressCsv(
  sessions: SessionRepository,
  kind: 'answers' | 'rules',
  traineeId?: number,
): { csv: string; rows: number } {
  const infos = new Map(sessions.sessions(traineeId).map((s) => [s.id, s]));
  const parts: string[] = [];
  let rows = 0;
  if (kind === 'answers') {
    parts.push(BOM + line([...ANSWER_CSV_HEADERS]));
    const all: AnswerDbRow[] = sessions.answerRows(traineeId === undefined ? {} : { traineeId });
    for (const a of all) {
      const s = infos.get(a.session_id);
      if (!s) continue;
      const answer = JSON.parse(a.answer_json) as TraineeAnswer;
      const decision = JSON.parse(a.decision_json) as Decision;
      const items = itemsOfRow(a);
      // the right number entry comes from the question's scenario, read only for the answers that typed one
      const asked =
        items.numberEntry === undefined
          ? { items: ANSWER_ITEMS.filter((k) => items[k] !== undefined), entry: null }
          : sessions.askedAt(a.session_id, a.position);
      const right = correctAnswer(decision, asked);
      parts.push(
        line([
          a.answered_at.slice(0, 19).replace('T', ' '),
          s.traineeName,
          s.mode === 'exam' ? '試験' : '練習',
          s.id,
          s.packTitle,
          a.position,
          a.scenario_id,
          a.visit_date,
          (JSON.parse(a.rules) as string[]).join(' '),
          ...ANSWER_ITEMS.flatMap((k) => {
            const ok = items[k];
            return ok === undefined ? ['', '', ''] : [answerItemText(k, answer), answerItemText(k, right), okJa(ok)];
          }),
          okJa(a.all_correct === 1),
          (a.time_ms / 1000).toFixed(1),
        ]),
      );
      rows += 1;
    }
  } else {
    parts.push(BOM + line([...RULE_CSV_HEADERS]));
    const trainees = sessions.trainees().filter((t) => traineeId === undefined || t.id === traineeId);
    for (const t of trainees) {
      for (const r of ruleAccuracy(sessions.answerRows({ traineeId: t.id }).map(scoredOf))) {
        parts.push(line([t.name, r.rule, RULES[r.rule as RuleId].title, r.answers, r.correct, r.percent]));
        rows += 1;
      }
    }
  }
  return { csv: parts.join(''), rows };
}
