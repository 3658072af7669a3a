// The reception desk. Keyboard-first: after choosing a patient, focus rests on 確認する, so the common
// case (known patient, マイナ保険証, online check) is "1" then Enter. Whenever the focus is not in a
// text field: the digits hand over the documents, the letters of DESK_KEYS reach the visit's other
// inputs and the answer's actions, and Enter decides (from the page, a document, a check box or a
// radio button); Ctrl+Enter decides from anywhere (the date field too); Esc closes an open
// question or chooser, else starts the next patient. An IME's confirming Enter (isComposing, keyCode 229) is
// never taken for one of these keys.
import { useCallback, useEffect, useRef } from 'react';
import { AnswerPanel } from '../components/AnswerPanel';
import { DocumentPanel } from '../components/DocumentPanel';
import { PatientPicker } from '../components/PatientPicker';
import { VisitBar } from '../components/VisitBar';
import { INCIDENTS } from '../../../shared/enums';
import { isComposing, isTextField, ownsEnter } from '../keyboard';
import { DESK_KEYS, documentOfKey } from '../labels';
import { type AppStore, useStoreApi } from '../store';

function focusById(id: string) {
  const el = document.getElementById(id);
  if (el instanceof HTMLInputElement) {
    el.focus();
    el.select();
  } else el?.focus();
}

/** The letter keys: one action each (none while a text field has the focus). */
function letterAction(store: AppStore, key: string): (() => void) | null {
  const s = store.getState();
  switch (key) {
    case DESK_KEYS.date:
      return () => focusById('visit-date');
    case DESK_KEYS.today:
      return () => s.setVisitDateToday();
    case DESK_KEYS.walkIn:
      return s.patient === null ? () => s.openWalkIn(s.query) : null;
    case DESK_KEYS.visitType:
      return s.patient ? () => s.setVisitType(s.visitType === 'first' ? 'return' : 'first') : null;
    case DESK_KEYS.limit:
      return s.patient ? () => s.setNeedsLimit(!s.needsLimit) : null;
    case DESK_KEYS.incident:
      return () =>
        s.setSituation({ incident: INCIDENTS[(INCIDENTS.indexOf(s.situation.incident) + 1) % INCIDENTS.length]! });
    default: {
      // the answer's own actions (説明をコピー C, 印刷 P, 申立書 M): the key presses the button it is shown on
      const b = /^[a-z]$/.test(key)
        ? document.querySelector<HTMLButtonElement>(`.answer button[aria-keyshortcuts="${key.toUpperCase()}"]`)
        : null;
      return b ? () => b.click() : null;
    }
  }
}

/**
 * Keeps --desk-bar-h and --desk-dock-h (desk.css) at the heights of the sticky situation bar and of
 * the verdict block, which the narrow layout pins to the bottom of the window: what scrolls stays
 * clear of both.
 */
export function usePinnedHeights(
  bar: React.RefObject<HTMLElement | null>,
  verdict: React.RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    const root = document.documentElement.style;
    if (typeof ResizeObserver === 'undefined') return;
    const pairs: [string, HTMLElement | null][] = [
      ['--desk-bar-h', bar.current],
      ['--desk-dock-h', verdict.current],
    ];
    const ro = new ResizeObserver(() => {
      for (const [name, el] of pairs) if (el) root.setProperty(name, `${el.getBoundingClientRect().height}px`);
    });
    for (const [, el] of pairs) if (el) ro.observe(el);
    return () => {
      ro.disconnect();
      for (const [name] of pairs) root.removeProperty(name);
    };
  }, [bar, verdict]);
}

export function DeskView() {
  const store = useStoreApi();
  const decideRef = useRef<HTMLButtonElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  usePinnedHeights(barRef, verdictRef);
  const focusDecide = useCallback(() => {
    // after React has rendered the chosen patient and enabled the button
    requestAnimationFrame(() => decideRef.current?.focus());
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isComposing(e)) return;
      const s = store.getState();
      if (s.view !== 'desk') return;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (s.question !== null || s.chooser !== null) {
          s.dismissQuestion();
          s.closeChooser();
          decideRef.current?.focus();
        } else s.nextPatient();
        return;
      }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void s.decide();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
      if (s.chooser !== null) return; // the chooser takes its own keys (DocumentChooser)
      const letter = letterAction(store, e.key.toLowerCase());
      if (letter) {
        e.preventDefault();
        letter();
        return;
      }
      if (s.patient === null) return;
      if (e.key === 'Enter' && !ownsEnter(e.target)) {
        // on the page, a document, a check box or a radio button: Enter means 確認する
        e.preventDefault();
        void s.decide();
        return;
      }
      const kind = documentOfKey(e.key);
      if (kind) {
        e.preventDefault();
        s.pressDocument(kind);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="desk">
      <VisitBar ref={barRef} />
      <div className="desk-main">
        <div className="desk-left">
          <PatientPicker onChosen={focusDecide} />
          <DocumentPanel ref={decideRef} />
        </div>
        <div className="desk-right">
          <AnswerPanel verdictRef={verdictRef} />
        </div>
      </div>
    </div>
  );
}
