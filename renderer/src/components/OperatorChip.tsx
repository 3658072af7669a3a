// 担当者 in the header: chosen once per session (from the names recorded lately, or typed), then
// recorded with every check the desk makes (history.operator). Until chosen it says so in words.
import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../store';

export function OperatorChip() {
  const operator = useApp((s) => s.operator);
  const operators = useApp((s) => s.operators);
  const setOperator = useApp((s) => s.setOperator);
  const loadOperators = useApp((s) => s.loadOperators);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const uid = useId();

  useEffect(() => {
    if (!open) return;
    void loadOperators();
    input.current?.focus();
  }, [open, loadOperators]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="operator">
      <button
        ref={button}
        type="button"
        className={operator ? 'operator-chip' : 'operator-chip operator-unset'}
        aria-expanded={open}
        aria-controls={`${uid}-form`}
        data-testid="operator-chip"
        onClick={() => {
          setText(operator ?? '');
          setOpen(!open);
        }}
      >
        担当者: {operator ?? '未選択 (選ぶ)'}
      </button>
      {open && (
        <form
          id={`${uid}-form`}
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
      )}
    </div>
  );
}
