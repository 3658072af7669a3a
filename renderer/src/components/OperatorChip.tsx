// 担当者 in the header: chosen once per session (from the names recorded lately, or typed), then
// recorded with every check the desk makes (history.operator). Until chosen it says so in words.
import { useId, useRef, useState } from 'react';
import { useApp } from '../store';
import { OperatorForm } from './OperatorForm';

export function OperatorChip() {
  const operator = useApp((s) => s.operator);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const uid = useId();
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
        onClick={() => setOpen(!open)}
      >
        担当者: {operator ?? '未選択 (選ぶ)'}
      </button>
      {open && <OperatorForm id={`${uid}-form`} onClose={close} />}
    </div>
  );
}
