// What the patient hands over: one toggle button per document kind, each with its drawing and its
// one-key shortcut; the visit's details (初診/再診, 限度額); the desk's question before deciding
// (nothing handed over, a key pressed twice); and the 確認する button — which keeps the focus
// while the answer is on its way (never disabled then, so the focus is never lost).
import { forwardRef, Suspense, useEffect, useMemo, useRef } from 'react';
import type { DocumentKind } from '../../../shared/enums';
import { PORTAL_FORM_JA } from '../../../shared/labels';
import { formatWareki } from '../../../shared/wareki';
import { heldKinds, holdingShort, isWalkInPrinted, positionsOf } from '../holdings';
import { DocumentIcon } from '../illustrations/DocumentIcons';
import { DESK_DOCUMENT_KINDS, DESK_KEYS, DOCUMENTS } from '../labels';
import { type AppState, useApp } from '../store';
import { lazyView } from '../lazy-view';

/** The chooser a key opens (DocumentChooser): loaded apart from the first screen, ahead of use. */
const documentChooser = lazyView(() => import('./DocumentChooser').then((m) => m.DocumentChooser));

const Key = ({ k }: { k: string }) => <kbd aria-hidden="true">{k.toUpperCase()}</kbd>;

export const DocumentPanel = forwardRef<HTMLButtonElement>(function DocumentPanel(_props, decideRef) {
  const presented = useApp((s) => s.presented);
  const press = useApp((s) => s.pressDocument);
  const chooser = useApp((s) => s.chooser);
  const hasPatient = useApp((s) => s.patient !== null);
  const visitType = useApp((s) => s.visitType);
  const setVisitType = useApp((s) => s.setVisitType);
  const needsLimit = useApp((s) => s.needsLimit);
  const setNeedsLimit = useApp((s) => s.setNeedsLimit);
  const decide = useApp((s) => s.decide);
  const deciding = useApp((s) => s.deciding);
  const hasResult = useApp((s) => s.result !== null);
  const record = useApp((s) => s.patientRecord);
  const visitDate = useApp((s) => s.visitDate);
  const held = useMemo(() => (record ? heldKinds(record, visitDate) : null), [record, visitDate]);
  useEffect(() => void documentChooser.preload(), []);

  // After an answer, the focused button stays clear of the verdict pinned at the window's bottom
  // (narrow layout): scroll-padding in desk.css keeps the pinned parts out of the way.
  useEffect(() => {
    const button = typeof decideRef === 'object' ? decideRef?.current : null;
    if (hasResult && button && document.activeElement === button) {
      requestAnimationFrame(() => button.scrollIntoView({ block: 'nearest' }));
    }
  }, [hasResult, decideRef]);

  return (
    <section className="panel documents" aria-labelledby="docs-h">
      <h2 id="docs-h" className="panel-title">
        患者が出したもの <span className="muted small">(数字キーで選択)</span>
      </h2>
      <div className="doc-area">
        <div className="doc-grid" role="group" aria-label="提示された書類">
          {DESK_DOCUMENT_KINDS.map((kind) => {
            const d = DOCUMENTS[kind];
            const on = presented.includes(kind);
            const absent = held !== null && !held.has(kind);
            const what = on ? <ChosenHint kind={kind} /> : null;
            return (
              <button
                key={kind}
                type="button"
                className={`doc${on ? ' on' : ''}${absent ? ' absent' : ''}`}
                aria-pressed={on}
                aria-keyshortcuts={d.key}
                aria-describedby={`doc-hint-${kind}`}
                aria-expanded={chooser === kind ? true : undefined}
                data-kind={kind}
                disabled={!hasPatient}
                onClick={() => press(kind)}
              >
                <kbd className="doc-key" aria-hidden="true">
                  {d.key}
                </kbd>
                <DocumentIcon kind={kind} />
                <span className="doc-name">{d.name}</span>
                <span className="doc-hint" id={`doc-hint-${kind}`} aria-hidden="true">
                  {absent ? 'この患者は持っていません' : (what ?? d.hint)}
                </span>
                <span className="doc-check" aria-hidden="true">
                  {on ? '✓ 提示' : ''}
                </span>
              </button>
            );
          })}
        </div>
        {/* over the documents while it asks */}
        {chooser !== null && (
          <Suspense fallback={null}>
            <documentChooser.View
              onDone={() => (typeof decideRef === 'object' ? decideRef?.current?.focus() : undefined)}
            />
          </Suspense>
        )}
      </div>
      <div className="visit-options">
        <div
          role="radiogroup"
          aria-label="初診・再診"
          className="seg"
          aria-keyshortcuts={DESK_KEYS.visitType.toUpperCase()}
        >
          <label className="radio">
            <input
              type="radio"
              name="visit-type"
              checked={visitType === 'first'}
              disabled={!hasPatient}
              onChange={() => setVisitType('first')}
            />
            初診
          </label>
          <label className="radio">
            <input
              type="radio"
              name="visit-type"
              checked={visitType === 'return'}
              disabled={!hasPatient}
              onChange={() => setVisitType('return')}
            />
            再診
          </label>
          <Key k={DESK_KEYS.visitType} />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={needsLimit}
            disabled={!hasPatient}
            aria-keyshortcuts={DESK_KEYS.limit.toUpperCase()}
            onChange={(e) => setNeedsLimit(e.target.checked)}
          />
          限度額の適用が必要 (入院・高額な診療) <Key k={DESK_KEYS.limit} />
        </label>
      </div>
      <DeskQuestion decideRef={decideRef} />
      <button
        ref={decideRef}
        type="button"
        className="btn btn-primary btn-decide"
        disabled={!hasPatient}
        aria-busy={deciding}
        aria-keyshortcuts="Enter"
        onClick={() => void decide()}
      >
        確認する <kbd aria-hidden="true">Enter</kbd>
      </button>
    </section>
  );
});

/** What a handed-over document's key chose: the マイナポータル form, which of several, a walk-in's printed validity. */
function ChosenHint({ kind }: { kind: DocumentKind }) {
  const text = useApp((s: AppState) => chosenText(s, kind));
  return text === null ? null : <strong className="doc-chosen">{text}</strong>;
}

function chosenText(s: AppState, kind: DocumentKind): string | null {
  if (kind === 'mynaportal') return PORTAL_FORM_JA[s.portalForm];
  const p = s.patient;
  if (p?.kind === 'walk-in') {
    const d = isWalkInPrinted(kind) ? p.walkIn.documents?.[kind] : undefined;
    if (d === undefined) return null;
    const until = 'printedExpiry' in d ? d.printedExpiry : d.validUntil;
    return until === null ? '有効期限の記載なし' : `${formatWareki(until)}まで`;
  }
  const positions = s.patientRecord ? positionsOf(s.patientRecord, kind, s.visitDate) : [];
  if (positions.length < 2) return null;
  const chosen = positions.filter((i) => s.picked.includes(i));
  if (chosen.length === 0 || chosen.length === positions.length) return `${positions.length}枚とも`;
  return chosen.map((i) => holdingShort(s.patientRecord!.holdings[i]!, s.patientRecord!)).join('・');
}

/** Asked before deciding: nothing was handed over, or the last key turned off what it had just turned on. */
function DeskQuestion({ decideRef }: { decideRef: React.ForwardedRef<HTMLButtonElement> }) {
  const question = useApp((s) => s.question);
  const decide = useApp((s) => s.decide);
  const dismiss = useApp((s) => s.dismissQuestion);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question) yes.current?.focus();
  }, [question]);
  if (question === null) return null;
  const back = () => {
    dismiss();
    if (typeof decideRef === 'object') decideRef?.current?.focus();
  };
  const text =
    question.reason === 'nothing-presented'
      ? '何も提示されていません。書類なしで判定しますか？'
      : `「${DOCUMENTS[question.kind].name}」のキー (${DOCUMENTS[question.kind].key}) が続けて2回押されたため、選ばれていません。このまま判定しますか？`;
  return (
    <div className="desk-question tone-declaration" role="alertdialog" aria-labelledby="desk-question-text">
      <p id="desk-question-text">{text}</p>
      <div className="desk-question-actions">
        <button
          ref={yes}
          type="button"
          className="btn btn-small"
          onClick={() => {
            void decide({ confirmed: true });
            if (typeof decideRef === 'object') decideRef?.current?.focus();
          }}
        >
          このまま判定する <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" className="btn btn-small" onClick={back}>
          戻る <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </div>
  );
}
