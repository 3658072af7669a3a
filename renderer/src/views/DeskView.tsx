// The reception desk. Keyboard-first: after choosing a patient, focus rests on 確認する, so the common
// case (known patient, マイナ保険証, online check) is "1" then Enter. Digits 1–9 toggle the documents
// whenever focus is not in a text field; Ctrl+Enter decides from anywhere; Esc starts the next patient.
import { useCallback, useEffect, useRef } from 'react';
import { AnswerPanel } from '../components/AnswerPanel';
import { DocumentPanel } from '../components/DocumentPanel';
import { PatientPicker } from '../components/PatientPicker';
import { VisitBar } from '../components/VisitBar';
import { DESK_DOCUMENT_KINDS, DOCUMENTS } from '../labels';
import { useStoreApi } from '../store';

function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type);
}

function isInteractive(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && t.closest('button, a, input, select, textarea, summary, [tabindex]') !== null;
}

export function DeskView() {
  const store = useStoreApi();
  const decideRef = useRef<HTMLButtonElement>(null);
  const focusDecide = useCallback(() => {
    // after React has rendered the chosen patient and enabled the button
    requestAnimationFrame(() => decideRef.current?.focus());
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = store.getState();
      if (s.view !== 'desk') return;
      if (e.key === 'Escape') {
        if (e.target instanceof HTMLElement && e.target.closest('details[open]') && e.target.closest('.walk-in')) {
          (e.target.closest('details') as HTMLDetailsElement).open = false;
        }
        e.preventDefault();
        s.nextPatient();
        return;
      }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void s.decide();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target) || s.patient === null) return;
      if (e.key === 'Enter' && !isInteractive(e.target)) {
        // focus somewhere neutral (after a click on the page): Enter still means 確認する
        e.preventDefault();
        void s.decide();
        return;
      }
      const kind = DESK_DOCUMENT_KINDS.find((k) => DOCUMENTS[k].key === e.key);
      if (kind) {
        e.preventDefault();
        s.toggleDocument(kind);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="desk">
      <VisitBar />
      <div className="desk-main">
        <div className="desk-left">
          <PatientPicker onChosen={focusDecide} />
          <DocumentPanel ref={decideRef} />
        </div>
        <div className="desk-right">
          <AnswerPanel />
        </div>
      </div>
    </div>
  );
}
