// The chooser of 担当者 (OperatorChip): a recent name with one click, or a name typed.
import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../store';

export function OperatorForm({ id, onClose: close }: { id: string; onClose: () => void }) {
  const operator = useApp((s) => s.operator);
  const setOperator = useApp((s) => s.setOperator);
  const recentOperators = useApp((s) => s.recentOperators);
  const [operators, setOperators] = useState<string[] | null>(null);
  const [text, setText] = useState(operator ?? '');
  const input = useRef<HTMLInputElement>(null);
  const uid = useId();

  useEffect(() => {
    void recentOperators().then(setOperators);
    input.current?.focus();
  }, [recentOperators]);

  return (
    <form
      id={id}
      className="operator-form"
      aria-label="担当者を選ぶ"
      onSubmit={(e) => {
        e.preventDefault();
        setOperator(text);
        close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <label className="field">
        <span className="field-label">担当者の名前 (この起動のあいだ、確認のたびに記録します)</span>
        <input
          ref={input}
          className="input"
          name="operator"
          list={`${uid}-names`}
          maxLength={40}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <datalist id={`${uid}-names`}>
        {(operators ?? []).map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {operators !== null && operators.length > 0 && (
        <ul className="operator-recent" aria-label="最近の担当者">
          {operators.slice(0, 6).map((n) => (
            <li key={n}>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  setOperator(n);
                  close();
                }}
              >
                {n}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="operator-actions">
        <button type="submit" className="btn btn-primary btn-small">
          決定
        </button>
        <button type="button" className="btn btn-small" onClick={close}>
          閉じる
        </button>
      </div>
    </form>
  );
}
