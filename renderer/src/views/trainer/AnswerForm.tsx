// The trainee's answer: verdict, copay, 高齢受給者証, documents still needed. Native radio groups and
// checkboxes (arrow keys, Space, Tab), Enter answers. Every group must be answered; choosing
// 自費 (10割) sets the copay to 10割, which the trainee may still change.
import { useEffect, useRef, useState } from 'react';
import {
  type NeededDocument,
  VERDICTS,
  type Verdict,
  COPAY_PERCENTS,
  type CopayPercent,
  NEEDED_DOCUMENTS,
} from '../../../../shared/enums';
import type { TraineeAnswer } from '../../../../shared/trainer/grade';
import { NEEDED_LABELS, VERDICT_LABELS } from '../../labels';
import { verdictTone } from '../../tones';
import { copayText } from './format';

/** Keyed by the question (SessionView), so each patient starts with an empty form. */
export function AnswerForm({ busy, onAnswer }: { busy: boolean; onAnswer: (a: TraineeAnswer) => void }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [copay, setCopay] = useState<CopayPercent | null>(null);
  const [elderly, setElderly] = useState<boolean | null>(null);
  const [docs, setDocs] = useState<NeededDocument[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = () => {
    const gaps = [verdict === null && '判定', copay === null && '窓口負担', elderly === null && '高齢受給者証'].filter(
      Boolean,
    );
    if (gaps.length > 0 || verdict === null || copay === null || elderly === null) {
      setMissing(`${gaps.join('・')}を選んでください`);
      return;
    }
    setMissing(null);
    onAnswer({ verdict, copayPercent: copay, elderlyCardNeeded: elderly, documentsNeeded: docs });
  };

  return (
    <form
      className="panel answer-form"
      aria-label="回答"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 className="panel-title">あなたの判断</h2>
      <fieldset className="choice-group">
        <legend>判定</legend>
        {VERDICTS.map((v, i) => (
          <label key={v} className={`choice verdict-text ${verdictTone(v)}`}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="verdict"
              value={v}
              checked={verdict === v}
              onChange={() => {
                setVerdict(v);
                if (v === 'self-pay') setCopay(100);
                else if (copay === 100) setCopay(null);
              }}
            />
            {VERDICT_LABELS[v].title}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>窓口負担</legend>
        {COPAY_PERCENTS.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="copay" value={c} checked={copay === c} onChange={() => setCopay(c)} />
            {copayText(c)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>高齢受給者証の確認</legend>
        <label className="choice">
          <input type="radio" name="elderly" value="yes" checked={elderly === true} onChange={() => setElderly(true)} />
          必要
        </label>
        <label className="choice">
          <input
            type="radio"
            name="elderly"
            value="no"
            checked={elderly === false}
            onChange={() => setElderly(false)}
          />
          不要
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend>まだ必要な書類 (なければ選ばない)</legend>
        {NEEDED_DOCUMENTS.map((d) => (
          <label key={d} className="choice">
            <input
              type="checkbox"
              name="documents"
              value={d}
              checked={docs.includes(d)}
              onChange={(e) => setDocs(e.target.checked ? [...docs, d] : docs.filter((x) => x !== d))}
            />
            {NEEDED_LABELS[d]}
          </label>
        ))}
      </fieldset>
      {missing && (
        <p className="field-error" role="alert">
          {missing}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          回答する <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
