// The authoring form: one scenario in the pack format, edited field by field (or as JSON), checked
// live with the very validation an import uses and decided live by the engine, so the trainer sees
// the problems and the answer while writing. Saving goes through the backend, which validates
// again; nothing is stored while a problem remains.
//   draft.ts      the scenario as JSON, read and written by path
//   fields.tsx    the form toolkit (fields bound to a path, showing the issue found there)
//   ScenarioFields / DocumentFields / PolicyFields   the scenario's fields, from the enumerations
//   check.ts, EnginePreview.tsx   validation and the engine's decision;  JsonEditor.tsx   the JSON
import { useState } from 'react';
import type { ScenarioIssue } from '../../../../../shared/issues';
import { useApp } from '../../../store';
import { rightTone } from '../../../tones';
import { useDraftCheck } from './check';
import { DocumentFields } from './DocumentFields';
import { type Json, type Path, setIn } from './draft';
import { EnginePreview } from './EnginePreview';
import { FormContext, type FormState } from './fields';
import { JsonEditor } from './JsonEditor';
import { PolicyFields } from './PolicyFields';
import { ClinicFields, CoverageFields, PatientFields, ScenarioFields } from './ScenarioFields';
import { pathJa } from '../../../../../shared/field-names';

export function ScenarioEditor(props: {
  packId: number;
  /** the id of the scenario being edited; null for a new one */
  replaces: string | null;
  initial: Json;
  onClose: () => void;
}) {
  const save = useApp((s) => s.saveScenario);
  const notify = useApp((s) => s.notify);
  const [draft, setDraft] = useState<Json>(props.initial);
  // what the backend refused at the last save (until the next edit)
  const [refused, setRefused] = useState<ScenarioIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const check = useDraftCheck(draft);
  const issues = refused.length > 0 ? refused : check.issues;

  const replaceDraft = (next: Json) => {
    setRefused([]);
    setDraft(next);
  };
  const form: FormState = {
    draft,
    set: (path: Path, value: unknown) => replaceDraft(setIn(draft, path, value) as Json),
    issues,
  };

  const submit = async () => {
    setSaving(true);
    const out = await save(props.packId, draft, props.replaces ?? undefined);
    setSaving(false);
    if (!out) return;
    if (out.row) {
      notify(`例題「${out.row.title ?? out.row.scenarioId}」を保存しました`);
      props.onClose();
    } else setRefused(out.issues);
  };

  return (
    <FormContext.Provider value={form}>
      <section className="panel editor" aria-labelledby="editor-h" data-testid="scenario-editor">
        <div className="panel-head">
          <h2 id="editor-h" className="panel-title">
            {props.replaces ? `例題を編集: ${props.replaces}` : '新しい例題'}
          </h2>
          <div className="panel-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={saving || issues.length > 0}
              onClick={() => void submit()}
            >
              保存する
            </button>
            <button type="button" className="btn" onClick={props.onClose}>
              やめる
            </button>
          </div>
        </div>
        <div
          className={`status-box ${rightTone(issues.length === 0)}`}
          role="status"
          aria-live="polite"
          data-testid="editor-status"
        >
          {issues.length === 0 ? (
            '入力に問題はありません。'
          ) : (
            <>
              <p>保存する前に次の {issues.length} 件を直してください。</p>
              <ul>
                {issues.map((i, k) => (
                  <li key={k}>
                    <span title={i.path}>{pathJa(i.path)}</span>: {i.ja}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <ScenarioFields />
        <ClinicFields />
        <PatientFields />
        <CoverageFields />
        <DocumentFields />
        <PolicyFields />
        <EnginePreview check={check} />
        <JsonEditor draft={draft} onApply={replaceDraft} />
      </section>
    </FormContext.Provider>
  );
}
