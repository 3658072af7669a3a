// What the patient hands over: one toggle button per document kind, each with its drawing and its
// one-key shortcut; the visit's details (初診/再診, 限度額); and the 確認する button.
import { forwardRef, useMemo } from 'react';
import { heldKinds } from '../holdings';
import { DocumentIcon } from '../illustrations/DocumentIcons';
import { DESK_DOCUMENT_KINDS, DOCUMENTS } from '../labels';
import { useApp } from '../store';

export const DocumentPanel = forwardRef<HTMLButtonElement>(function DocumentPanel(_props, decideRef) {
  const presented = useApp((s) => s.presented);
  const toggle = useApp((s) => s.toggleDocument);
  const hasPatient = useApp((s) => s.patient !== null);
  const visitType = useApp((s) => s.visitType);
  const setVisitType = useApp((s) => s.setVisitType);
  const needsLimit = useApp((s) => s.needsLimit);
  const setNeedsLimit = useApp((s) => s.setNeedsLimit);
  const decide = useApp((s) => s.decide);
  const deciding = useApp((s) => s.deciding);
  const record = useApp((s) => s.patientRecord);
  const visitDate = useApp((s) => s.visitDate);
  const held = useMemo(() => (record ? heldKinds(record, visitDate) : null), [record, visitDate]);

  return (
    <section className="panel documents" aria-labelledby="docs-h">
      <h2 id="docs-h" className="panel-title">
        患者が出したもの <span className="muted small">(数字キーで選択)</span>
      </h2>
      <div className="doc-grid" role="group" aria-label="提示された書類">
        {DESK_DOCUMENT_KINDS.map((kind) => {
          const d = DOCUMENTS[kind];
          const on = presented.includes(kind);
          const absent = held !== null && !held.has(kind);
          return (
            <button
              key={kind}
              type="button"
              className={`doc${on ? ' on' : ''}${absent ? ' absent' : ''}`}
              aria-pressed={on}
              aria-keyshortcuts={d.key}
              aria-describedby={`doc-hint-${kind}`}
              data-kind={kind}
              disabled={!hasPatient}
              onClick={() => toggle(kind)}
            >
              <kbd className="doc-key" aria-hidden="true">
                {d.key}
              </kbd>
              <DocumentIcon kind={kind} />
              <span className="doc-name">{d.name}</span>
              <span className="doc-hint" id={`doc-hint-${kind}`} aria-hidden="true">
                {absent ? 'この患者は持っていません' : d.hint}
              </span>
              <span className="doc-check" aria-hidden="true">
                {on ? '✓ 提示' : ''}
              </span>
            </button>
          );
        })}
      </div>
      <div className="visit-options">
        <div role="radiogroup" aria-label="初診・再診" className="seg">
          <label className="radio">
            <input
              type="radio"
              name="visit-type"
              checked={visitType === 'first'}
              onChange={() => setVisitType('first')}
            />
            初診
          </label>
          <label className="radio">
            <input
              type="radio"
              name="visit-type"
              checked={visitType === 'return'}
              onChange={() => setVisitType('return')}
            />
            再診
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={needsLimit} onChange={(e) => setNeedsLimit(e.target.checked)} />
          限度額の適用が必要 (入院・高額な診療)
        </label>
      </div>
      <button
        ref={decideRef}
        type="button"
        className="btn btn-primary btn-decide"
        disabled={!hasPatient || deciding}
        aria-keyshortcuts="Enter"
        onClick={() => void decide()}
      >
        確認する <kbd aria-hidden="true">Enter</kbd>
      </button>
    </section>
  );
});
