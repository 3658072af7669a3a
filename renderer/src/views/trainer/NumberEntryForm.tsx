// Practice (issue 10): before answering, the trainee types what a receptionist types at the terminal
// to query a 資格確認書 by number (照会区分 2) — 保険者番号, 記号, 番号, 枝番 — and presses 照会する
// (Enter); then the online check's answer appears and the answer form opens. Graded with the answer
// (grade.ts: NFKC, spaces and hyphens tolerated); the feedback shows the right entry.
import { useEffect, useRef, useState } from 'react';
import { MY_NUMBER_REFUSAL } from '../../../../shared/identifiers';
import { NUMBER_ENTRY_JA, type NumberEntry, normalizeEntry } from '../../../../shared/trainer/grade';

const FIELDS = Object.keys(NUMBER_ENTRY_JA) as (keyof NumberEntry)[];
const EMPTY: NumberEntry = { insurerNumber: '', symbol: '', number: '', branch: '' };

export function NumberEntryForm({ onQuery }: { onQuery: (e: NumberEntry) => void }) {
  const [entry, setEntry] = useState<NumberEntry>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  return (
    <form
      className="panel answer-form number-entry"
      aria-label="保険者番号等で照会"
      onSubmit={(e) => {
        e.preventDefault();
        if (normalizeEntry(entry.insurerNumber) === '') return setError('保険者番号を入力してください');
        // R18: never a 12-digit 個人番号, not even typed by mistake
        if (FIELDS.some((k) => /^\d{12}$/.test(normalizeEntry(entry[k])))) return setError(MY_NUMBER_REFUSAL.ja);
        setError(null);
        onQuery(entry);
      }}
    >
      <h2 className="panel-title">保険者番号等で照会</h2>
      <p className="muted">
        資格確認書に印字された番号を、オンライン資格確認の端末に入力するとおりに入力して「照会する」を押してください。
      </p>
      <div className="number-entry-fields">
        {FIELDS.map((k, i) => (
          <label key={k} className="field">
            <span className="field-label">{NUMBER_ENTRY_JA[k]}</span>
            <input
              ref={i === 0 ? first : undefined}
              className="input"
              name={k}
              autoComplete="off"
              spellCheck={false}
              value={entry[k]}
              onChange={(e) => setEntry({ ...entry, [k]: e.target.value })}
            />
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          照会する <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
