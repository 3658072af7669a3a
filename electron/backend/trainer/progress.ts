// Progress per trainee and per rule over time, and its CSV export (UTF-8 with BOM, CRLF, Japanese
// headers, formula-safe cells — the same cell rules as the check history's export).
import { copayWari, NEEDED_JA, VERDICT_JA } from '../../../shared/labels';
import type { NeededDocument, RuleId } from '../../../shared/enums';
import { RULES } from '../../../shared/rules';
import type { Progress, TraineeSummary } from '../../../shared/trainer/contract';
import { correctAnswer, type TraineeAnswer } from '../../../shared/trainer/grade';
import { accuracyByDay, ruleAccuracy, scoreOf } from '../../../shared/trainer/score';
import type { Decision } from '../../../shared/decision';
import { BOM, csvCell } from '../history/csv';
import { type AnswerDbRow, scoredOf, type SessionRepository } from './sessions';

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

const okJa = (b: number | boolean) => (b ? '○' : '×');
const neededJa = (d: readonly NeededDocument[]) => (d.length === 0 ? 'なし' : d.map((x) => NEEDED_JA[x]).join('・'));
const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(',') + EOL;

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
  '判定 (回答)',
  '判定 (正解)',
  '判定の正誤',
  '負担割合 (回答)',
  '負担割合 (正解)',
  '負担割合の正誤',
  '高齢受給者証 (回答)',
  '高齢受給者証 (正解)',
  '高齢受給者証の正誤',
  '必要な書類 (回答)',
  '必要な書類 (正解)',
  '必要な書類の正誤',
  '全項目正解',
  '所要時間 (秒)',
] as const;

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
      const right = correctAnswer(decision);
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
          VERDICT_JA[answer.verdict],
          VERDICT_JA[right.verdict],
          okJa(a.verdict_ok),
          copayWari(answer.copayPercent),
          copayWari(right.copayPercent),
          okJa(a.copay_ok),
          answer.elderlyCardNeeded ? '必要' : '不要',
          right.elderlyCardNeeded ? '必要' : '不要',
          okJa(a.elderly_ok),
          neededJa(answer.documentsNeeded),
          neededJa(right.documentsNeeded),
          okJa(a.documents_ok),
          okJa(a.all_correct),
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
