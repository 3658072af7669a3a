// A session's result sheet (exam or practice), made to be printed: who, which pack, when, the
// seed and pass mark, the score and 合格/不合格 in words, each question item by item with the
// correct answer where it was missed, accuracy per rule, and the explanation of every miss.
import type { ResultItem, SessionResult } from '../../../../shared/trainer/contract';
import { ANSWER_ITEM_JA, ANSWER_ITEMS, type AnswerItem } from '../../../../shared/trainer/grade';
import { answerItemText } from '../../../../shared/trainer/answer-text';
import { RULES } from '../../../../shared/rules';
import { formatDateJa } from '../../../../shared/wareki';
import { useApp } from '../../store';
import { rightTone } from '../../tones';
import { secondsText, stampText } from './format';
import { RuleAccuracyTable } from './RuleAccuracyTable';

function Cell({ item, k }: { item: ResultItem; k: AnswerItem }) {
  if (!item.asked.includes(k)) return <td className="result-cell muted">—</td>;
  if (!item.answer || !item.grade) return <td className="result-cell tone-bad">未回答</td>;
  const ok = item.grade.items[k] === true;
  return (
    <td className={`result-cell ${rightTone(ok)}`}>
      <span aria-hidden="true">{ok ? '○ ' : '× '}</span>
      <span className="visually-hidden">{ok ? '正解: ' : '不正解: '}</span>
      {answerItemText(k, item.answer)}
      {!ok && <span className="correct-answer">正しくは {answerItemText(k, item.correct)}</span>}
    </td>
  );
}

export function ResultSheet({
  r,
  onClose,
  closeLabel = '閉じる',
}: {
  r: SessionResult;
  onClose?: () => void;
  closeLabel?: string;
}) {
  const s = r.session;
  const exam = s.mode === 'exam';
  const missed = r.items.filter((i) => !i.grade?.allCorrect);
  // the items any question of the session asked (version-1 packs: the four)
  const columns = ANSWER_ITEMS.filter((k) => r.items.some((i) => i.asked.includes(k)));
  const clinicName = useApp((st) => st.settings?.clinicName ?? '');
  return (
    <article className="panel result-sheet" aria-labelledby="result-h" data-testid="result-sheet">
      <header className="result-head">
        <h2 id="result-h">
          {exam ? '試験の結果' : '練習の結果'} — {s.traineeName} さん
        </h2>
        <div className="result-actions no-print">
          <button type="button" className="btn" onClick={() => window.print()}>
            印刷する
          </button>
          {onClose && (
            <button type="button" className="btn" onClick={onClose}>
              {closeLabel}
            </button>
          )}
        </div>
      </header>
      <dl className="result-meta">
        {clinicName && (
          <div>
            <dt>医療機関</dt>
            <dd>{clinicName}</dd>
          </div>
        )}
        <div>
          <dt>パック</dt>
          <dd>{s.packTitle}</dd>
        </div>
        <div>
          <dt>開始</dt>
          <dd>{stampText(s.startedAt)}</dd>
        </div>
        <div>
          <dt>終了</dt>
          <dd>{s.endedAt ? `${stampText(s.endedAt)}${s.endReason === 'stopped' ? ' (途中で終了)' : ''}` : '実施中'}</dd>
        </div>
        {s.seed !== null && (
          <div>
            <dt>出題順のシード</dt>
            <dd data-testid="result-seed">{s.seed}</dd>
          </div>
        )}
        {exam && (
          <div>
            <dt>合格点</dt>
            <dd>
              {s.passMark}% ({r.needed} 問以上の正解)
            </dd>
          </div>
        )}
      </dl>
      <p
        className={r.passed === null ? 'result-score' : `result-score ${rightTone(r.passed)}`}
        data-testid="result-score"
        data-passed={r.passed ?? undefined}
      >
        {r.passed !== null && (
          <strong className="result-pass-word">
            <span aria-hidden="true">{r.passed ? '○ ' : '× '}</span>
            {r.passed ? '合格' : '不合格'}
          </strong>
        )}
        <span>
          {r.score.questions} 問中 <strong>{r.score.correct}</strong> 問正解 ({r.score.percent}%)
        </span>
        <span className="muted">
          項目ごとの正答率 {r.score.itemPercent}% ・ 回答 {r.score.answered} 問 ・ 合計 {secondsText(r.totalMs)}
        </span>
      </p>
      <table className="data-table">
        <caption>問題ごとの結果 (問われた項目がすべて正解で1問正解)</caption>
        <thead>
          <tr>
            <th scope="col">問</th>
            <th scope="col">例題</th>
            {columns.map((k) => (
              <th key={k} scope="col">
                {ANSWER_ITEM_JA[k]}
              </th>
            ))}
            <th scope="col">時間</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((i) => (
            <tr key={i.position} data-testid="result-row" data-correct={i.grade?.allCorrect ?? false}>
              <th scope="row">
                {i.position} <span aria-hidden="true">{i.grade?.allCorrect ? '○' : '×'}</span>
              </th>
              <td>
                {i.title ?? i.scenarioId}
                <span className="sub-line">
                  {formatDateJa(i.visitDate)} ・ {i.rules.join(' ')}
                </span>
              </td>
              {columns.map((k) => (
                <Cell key={k} item={i} k={k} />
              ))}
              <td>{i.timeMs === null ? '—' : secondsText(i.timeMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.rules.length > 0 && (
        <RuleAccuracyTable
          rules={r.rules}
          className="data-table rule-table"
          caption={<caption>ルール別の正答率</caption>}
        />
      )}
      {missed.length > 0 && (
        <section className="result-missed" aria-labelledby="result-missed-h">
          <h3 id="result-missed-h">まちがえた問題の解説</h3>
          {missed.map((i) => (
            <div key={i.position} className="result-miss">
              <h4>
                問 {i.position}: {i.title ?? i.scenarioId}
              </h4>
              <p>{i.explanation}</p>
              <p className="result-tell">患者さんへ: {i.tellPatient}</p>
              <p className="sub-line">根拠: {i.rules.map((id) => `${id} ${RULES[id].title}`).join(' / ')}</p>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}
