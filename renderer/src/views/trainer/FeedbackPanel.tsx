// Practice: the feedback right after an answer — per item right or wrong with the correct answer,
// why (the engine's explanation, the rules and their sources), and what to tell the patient.
import { type ReactNode, useEffect, useRef } from 'react';
import type { Feedback } from '../../../../shared/trainer/contract';
import { ANSWER_ITEM_JA, ANSWER_ITEMS } from '../../../../shared/trainer/grade';
import { answerItemText } from '../../../../shared/trainer/answer-text';
import {
  BILLING_JA,
  PROGRAM_JA,
  PUBLIC_EXPENSE_BASIS_JA,
  PUBLIC_EXPENSE_REASON_JA,
  patientPaysJa,
} from '../../../../shared/labels';
import { VerdictBadge } from '../../components/Verdict';
import { NOTE_LABELS } from '../../labels';
import { rightTone } from '../../tones';
import { secondsText } from './format';
import { RuleList } from '../../components/RuleList';

export function FeedbackPanel({
  f,
  last,
  onNext,
  children,
}: {
  f: Feedback;
  last: boolean;
  onNext: () => void;
  /** more about the question, after the rules (the what-if section) */
  children?: ReactNode;
}) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), [f.position]);
  const d = f.decision;
  const items = ANSWER_ITEMS.filter((k) => f.grade.items[k] !== undefined);
  return (
    <section className="panel feedback" aria-labelledby="feedback-h" data-testid="feedback">
      <h2 id="feedback-h" className="panel-title">
        答え合わせ
      </h2>
      <p
        className={`feedback-verdict ${rightTone(f.grade.allCorrect)}`}
        role="status"
        data-all-correct={f.grade.allCorrect}
      >
        <span aria-hidden="true" className="feedback-mark">
          {f.grade.allCorrect ? '○' : '×'}
        </span>
        {f.grade.allCorrect ? 'すべて正解です' : `${f.grade.totalItems}項目中 ${f.grade.correctItems}項目が正解です`}
        <span className="feedback-time">回答時間 {secondsText(f.timeMs)}</span>
      </p>
      <table className="feedback-table">
        <caption className="visually-hidden">項目ごとの答え合わせ</caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">あなたの回答</th>
            <th scope="col">正解</th>
            <th scope="col">結果</th>
          </tr>
        </thead>
        <tbody>
          {items.map((k) => {
            const ok = f.grade.items[k] === true;
            return (
              <tr key={k} className={rightTone(ok)} data-item={k} data-correct={ok}>
                <th scope="row">{ANSWER_ITEM_JA[k]}</th>
                <td>{answerItemText(k, f.answer)}</td>
                <td>
                  <strong>{answerItemText(k, f.correct)}</strong>
                </td>
                <td>{ok ? '○ 正解' : '× 不正解'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {f.title && (
        <p className="feedback-title">
          この例題: <strong>{f.title}</strong>
        </p>
      )}
      <div className="feedback-decision">
        <p>
          <VerdictBadge verdict={d.verdict} /> {BILLING_JA[d.billing]}
          {d.copayProvisional && ' ・ 負担割合は仮 (高齢受給者証の確認後に精算)'}
        </p>
        <p className="explanation">{d.explanation}</p>
        {d.publicExpense.length > 0 && (
          <ul className="feedback-programs" data-testid="feedback-programs">
            {d.publicExpense.map((p, i) => (
              <li key={i}>
                {PROGRAM_JA[p.program]}:{' '}
                {p.applied
                  ? `適用 (${p.basis ? PUBLIC_EXPENSE_BASIS_JA[p.basis] : ''})`
                  : `適用しない (${p.reason ? PUBLIC_EXPENSE_REASON_JA[p.reason] : ''})`}
              </li>
            ))}
            <li>
              患者さんが払う額: <strong>{patientPaysJa(d.patientPays)}</strong>
            </li>
          </ul>
        )}
        {d.notes.length > 0 && (
          <ul className="notes">
            {d.notes.map((n) => (
              <li key={n}>{NOTE_LABELS[n]}</li>
            ))}
          </ul>
        )}
      </div>
      <section className="tell" aria-labelledby="feedback-tell-h">
        <h3 id="feedback-tell-h">患者さんへの説明</h3>
        <p className="tell-text" data-testid="feedback-tell">
          {d.tellPatient}
        </p>
      </section>
      <section className="why" aria-labelledby="feedback-why-h">
        <h3 id="feedback-why-h">根拠となるルール</h3>
        <RuleList rules={d.rules} />
      </section>
      {children}
      <div className="form-actions">
        <button ref={next} type="button" className="btn btn-primary" onClick={onNext}>
          {last ? '結果を見る' : '次の患者へ'} <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </section>
  );
}
