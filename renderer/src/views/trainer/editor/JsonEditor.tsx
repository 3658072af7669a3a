// The draft as JSON text, for what the form does not cover (or pasting a scenario): opened, it
// shows the draft as it is; 「JSON を反映」 replaces the draft with the text if it is a JSON object.
import { useState } from 'react';
import type { Json } from './draft';

export function JsonEditor({ draft, onApply }: { draft: Json; onApply: (next: Json) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    try {
      const v = JSON.parse(text ?? '') as unknown;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
      setError(null);
      onApply(v as Json);
    } catch {
      setError('JSON として読めません。括弧やカンマを確認してください');
    }
  };
  return (
    <details
      className="field-group"
      onToggle={(e) => setText((e.target as HTMLDetailsElement).open ? JSON.stringify(draft, null, 2) : null)}
    >
      <summary>JSON で見る・編集する</summary>
      {text !== null && (
        <>
          <textarea
            className="input json-input"
            aria-label="例題の JSON"
            value={text}
            rows={16}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="btn btn-small" onClick={apply}>
            JSON を反映
          </button>
        </>
      )}
    </details>
  );
}
