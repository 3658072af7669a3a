// "この事例を研修用の例題として保存" under the desk's answer: the case as the engine read it, with an id,
// a title and a story for trainees, into an existing pack or a new one. The backend validates it
// like any scenario; the pack is then edited in 研修 → パックと例題.
import { useId, useState } from 'react';
import type { DeskResult } from '../../../shared/contract';
import type { ScenarioIssue } from '../../../shared/issues';
import { VERDICT_LABELS } from '../labels';
import { useApp } from '../store';

/** Keyed by the decision's history row (AnswerPanel), so each new answer starts a fresh form. */
export function SaveDeskCase({ result }: { result: DeskResult }) {
  const packs = useApp((s) => s.packs);
  const loadPacks = useApp((s) => s.loadPacks);
  const save = useApp((s) => s.saveDeskCase);
  const notify = useApp((s) => s.notify);
  const d = result.decision;
  // the pack the user picked; until then the first pack the trainer wrote (or a new one)
  const [picked, setPicked] = useState<number | 'new' | null>(null);
  const packId = picked ?? packs?.find((p) => p.source === 'authored')?.id ?? 'new';
  const [newTitle, setNewTitle] = useState('窓口の事例');
  const [id, setId] = useState(`desk-${result.scenario.visitDate.replace(/-/g, '')}-${result.historyId}`);
  const [title, setTitle] = useState(`窓口の事例: ${VERDICT_LABELS[d.verdict].title} (${d.rules.join('・')})`);
  const [story, setStory] = useState('');
  const [issues, setIssues] = useState<ScenarioIssue[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const uid = useId();

  return (
    <details
      className="save-case"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && packs === null) void loadPacks();
      }}
    >
      <summary>この事例を研修用の例題として保存</summary>
      <form
        className="save-case-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const out = await save({
            packId: packId === 'new' ? null : packId,
            ...(packId === 'new' ? { newPackTitle: newTitle } : {}),
            scenario: result.scenario,
            id: id.trim(),
            title,
            ...(story.trim() ? { story } : {}),
          });
          if (!out) return;
          if (out.row) {
            setIssues([]);
            setSaved(out.row.scenarioId);
            notify(`例題「${out.row.title ?? out.row.scenarioId}」を保存しました (研修 → パックと例題)`);
          } else setIssues(out.issues);
        }}
      >
        <label className="field">
          <span className="field-label">保存先のパック</span>
          <select
            className="input"
            aria-label="保存先のパック"
            value={packId}
            onChange={(e) => setPicked(e.target.value === 'new' ? 'new' : Number(e.target.value))}
          >
            <option value="new">新しいパックを作る</option>
            {packs?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        {packId === 'new' && (
          <label className="field">
            <span className="field-label">新しいパックの名前</span>
            <input className="input" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span className="field-label">例題の id (半角英小文字・数字・ハイフン)</span>
          <input className="input" value={id} onChange={(e) => setId(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">題名</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label" id={`${uid}-story`}>
            窓口でのできごと (研修生に表示。患者さんの実名は書かないでください)
          </span>
          <textarea
            className="input"
            rows={3}
            aria-labelledby={`${uid}-story`}
            value={story}
            onChange={(e) => setStory(e.target.value)}
          />
        </label>
        {issues.length > 0 && (
          <ul className="field-error" role="alert">
            {issues.map((i, k) => (
              <li key={k}>{i.ja}</li>
            ))}
          </ul>
        )}
        {saved && (
          <p role="status" className="muted">
            保存しました: {saved}
          </p>
        )}
        <button type="submit" className="btn btn-small">
          例題として保存
        </button>
      </form>
    </details>
  );
}
