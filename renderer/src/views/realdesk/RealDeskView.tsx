// 受付ナビ (F5): "what do I do now" for a real patient at a real desk. The receptionist enters only
// what they see and hear; the rule book answers with the desk's decision panel. Nothing of the
// person is asked or kept (the backend records the observation without a name or any number), and
// the screen says that it does not replace the terminal or the insurer's answer.
//
// Keyboard-first like the desk. While no text field has the focus: 1–9 hand over a document; the
// terminal's answer has one letter each (Y 資格有効 …; choosing one with no マイナ保険証 handed over
// hands the card over too); the other letters of REAL_DESK_KEYS reach the visit's inputs and the
// answer's actions. Enter decides from anywhere but a button, a link or a list; Ctrl+Enter from
// anywhere; Esc starts the next patient. The commonest case — マイナ保険証, 資格有効 — is 1, Y, Enter.
import { useCallback, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  CHANGE_ANSWERS,
  AGE_BANDS,
  emptyForm,
  newDocument,
  observationOfForm,
  withResultFile,
} from '../../../../shared/real-desk/form';
import type { FormDocumentKind, RealDeskForm } from '../../../../shared/real-desk/form';
import { INCIDENTS } from '../../../../shared/enums';
import { copyTellPatient } from '../../components/answer-actions';
import { printSheet } from '../../components/print-actions';
import { type Answer, DecisionDetails } from '../../components/DecisionPanel';
import { VerdictBox } from '../../components/VerdictWords';
import { isComposing, isTextField } from '../../keyboard';
import { documentOfKey } from '../../labels';
import { type AppStore, useApp, useStoreApi } from '../../store';
import { usePinnedHeights } from '../DeskView';
import { REAL_DESK_KEYS, terminalOfKey } from './labels';
import { DocumentsSection, PatientSection, VisitSection } from './RealDeskForm';
import './realdesk.css';

/** The backend reads at most this much of a result file (electron/backend/onshi/read.ts). */
const RESULT_MAX_BYTES = 512 * 1024;

const next = <T,>(all: readonly T[], v: T): T => all[(all.indexOf(v) + 1) % all.length]!;

/** The form's actions on the store (the view's buttons and keys use the same ones). */
function actions(store: AppStore) {
  const form = () => store.getState().realDesk.form!;
  const update = (change: (f: RealDeskForm) => RealDeskForm) => store.getState().setRealDeskForm(change(form()));
  const toggleDocument = (kind: FormDocumentKind) =>
    update((f) =>
      f.documents.some((d) => d.kind === kind)
        ? { ...f, documents: f.documents.filter((d) => d.kind !== kind) }
        : { ...f, documents: [...f.documents, newDocument(kind)] },
    );
  const chooseTerminal = (terminal: RealDeskForm['terminal']) =>
    update((f) => {
      const device = f.documents.some((d) => d.kind === 'myna-card' || d.kind === 'myna-smartphone');
      return {
        ...f,
        terminal,
        documents: device ? f.documents : [...f.documents, newDocument('myna-card')],
        // the receptionist's own choice replaces a card check read from a file
        resultFile: f.resultFile?.answer.route === 'card' ? null : f.resultFile,
      };
    });
  /** A terminal's result file → the backend's reader → the form; a bad file changes nothing and says why. */
  const loadResultFile = async (file: File) => {
    const s = store.getState();
    const refuse = (ja: string) => s.setRealDeskProblems([{ field: 'resultFile', ja: `${file.name}: ${ja}` }]);
    if (file.size > RESULT_MAX_BYTES) return refuse('512 KB を超えるファイルは照会結果ではありません');
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const r = await s.readRealDeskResult(btoa(binary));
    if (!r.ok) return refuse(r.error.ja);
    update((f) => withResultFile(f, file.name, r.value));
  };
  const setChanged = (changed: RealDeskForm['changed']) =>
    update((f) => ({
      ...f,
      changed,
      // without a change there is one insurance: every document is of it
      documents: changed === 'yes' ? f.documents : f.documents.map((d) => ('of' in d ? { ...d, of: 'current' } : d)),
    }));
  const decide = () => {
    const s = store.getState();
    const r = observationOfForm(form());
    if (!r.ok) {
      s.setRealDeskProblems(r.problems);
      const first = document.getElementById(`rd-${r.problems[0]!.field}`);
      (first?.querySelector('input') ?? first)?.focus();
      return;
    }
    void s.decideRealDesk(r.observation);
  };
  const nextPatient = () => {
    const s = store.getState();
    const f = form();
    s.setRealDeskForm(emptyForm(s.today, f.clinic));
  };
  return { update, toggleDocument, chooseTerminal, setChanged, loadResultFile, decide, nextPatient };
}

function focusField(id: string) {
  const el = document.getElementById(id);
  el?.focus();
  if (el instanceof HTMLInputElement) el.select();
}

/** The letter keys: one action each (none while a text field has the focus). */
function letterAction(store: AppStore, key: string): (() => void) | null {
  const a = actions(store);
  const s = store.getState();
  const terminal = terminalOfKey(key);
  if (terminal) return () => a.chooseTerminal(terminal);
  switch (key) {
    case REAL_DESK_KEYS.date:
      return () => focusField('rd-visitDate');
    case REAL_DESK_KEYS.today:
      return () => a.update((f) => ({ ...f, visitDate: s.today }));
    case REAL_DESK_KEYS.birth:
      return () => focusField('rd-birthDate');
    case REAL_DESK_KEYS.insurer:
      return () => focusField('rd-insurer');
    case REAL_DESK_KEYS.resultFile:
      return () => document.getElementById('rd-resultFile-input')?.click();
    case REAL_DESK_KEYS.ageBand:
      return () => a.update((f) => ({ ...f, ageBand: next(AGE_BANDS, f.ageBand) }));
    case REAL_DESK_KEYS.changed:
      return () => a.setChanged(next(CHANGE_ANSWERS, s.realDesk.form!.changed));
    case REAL_DESK_KEYS.visitType:
      return () => a.update((f) => ({ ...f, visitType: f.visitType === 'first' ? 'return' : 'first' }));
    case REAL_DESK_KEYS.limit:
      return () => a.update((f) => ({ ...f, needsLimit: !f.needsLimit }));
    case REAL_DESK_KEYS.incident:
      return () => a.update((f) => ({ ...f, clinic: { ...f.clinic, incident: next(INCIDENTS, f.clinic.incident) } }));
    case REAL_DESK_KEYS.copy:
      return s.realDesk.result ? () => void copyTellPatient(s.realDesk.result!.decision.tellPatient, s.notify) : null;
    case REAL_DESK_KEYS.print:
      return s.realDesk.result ? () => printSheet('slip') : null;
    default:
      return null;
  }
}

/** Enter decides unless the focus is on a control whose own Enter means something else. */
const enterIsOwned = (t: EventTarget | null) =>
  t instanceof HTMLElement && t.closest('button, a, select, textarea, summary, [role=option]') !== null;

export function RealDeskView() {
  const store = useStoreApi();
  const form = useApp((s) => s.realDesk.form);
  const noBar = useRef<HTMLElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  // one column: the verdict is pinned to the window's bottom (desk.css), and what scrolls stays clear of it
  usePinnedHeights(noBar, verdictRef);

  useEffect(() => {
    // first opened: today, and the clinic's situation as the desk has it
    const s = store.getState();
    if (s.realDesk.form === null) s.setRealDeskForm(emptyForm(s.today, { ...s.situation }));
  }, [store]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isComposing(e)) return;
      const s = store.getState();
      if (s.view !== 'realdesk' || s.realDesk.form === null) return;
      const a = actions(store);
      if (e.key === 'Escape') {
        e.preventDefault();
        a.nextPatient();
        return;
      }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !enterIsOwned(e.target))) {
        e.preventDefault();
        a.decide();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
      const letter = letterAction(store, e.key.toLowerCase());
      if (letter) {
        e.preventDefault();
        letter();
        return;
      }
      const kind = documentOfKey(e.key);
      if (kind) {
        e.preventDefault();
        a.toggleDocument(kind);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const a = actions(store);
  const decide = useCallback(() => actions(store).decide(), [store]);
  if (form === null) return null;
  return (
    <div
      className="desk realdesk"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void a.loadResultFile(file);
      }}
    >
      <p className="rd-notice" data-testid="real-desk-notice">
        <strong>受付ナビ — 実際の患者さんの受付で、端末の表示と書類から「いま何をするか」を示します。</strong>
        <span>
          氏名・記号番号・保険者番号など本人を特定する情報は入力せず、履歴にも残しません。
          資格確認端末の表示や保険者への確認の代わりにはなりません。
        </span>
      </p>
      <div className="desk-main">
        <div className="desk-left">
          <VisitSection form={form} update={a.update} />
          <DocumentsSection
            form={form}
            update={a.update}
            toggleDocument={a.toggleDocument}
            chooseTerminal={a.chooseTerminal}
            setChanged={a.setChanged}
            loadResultFile={(f) => void a.loadResultFile(f)}
          />
          <PatientSection form={form} update={a.update} setChanged={a.setChanged} />
          <button type="button" className="btn btn-primary btn-decide" aria-keyshortcuts="Enter" onClick={decide}>
            判定する <kbd aria-hidden="true">Enter</kbd>
          </button>
        </div>
        <div className="desk-right">
          <RealDeskAnswer verdictRef={verdictRef} />
        </div>
      </div>
    </div>
  );
}

function RealDeskAnswer({ verdictRef }: { verdictRef: React.Ref<HTMLDivElement> }) {
  const { result, deciding, problems, error } = useApp(
    useShallow((s) => ({
      result: s.realDesk.result,
      deciding: s.realDesk.deciding,
      problems: s.realDesk.problems,
      error: s.realDesk.error,
    })),
  );
  const answer: Answer | null = result && {
    decision: result.decision,
    visitDate: result.observation.visitDate,
    clinic: result.observation.clinic,
    onlineDocument: null,
    slipName: null,
    device: result.observation.card?.device ?? null,
  };
  return (
    <section className="panel answer" aria-labelledby="rd-answer-h">
      <h2 id="rd-answer-h" className="panel-title">
        判定
      </h2>
      <VerdictBox
        verdictRef={verdictRef}
        decision={result?.decision ?? null}
        placeholder={
          deciding
            ? '判定しています…'
            : '出されたものを数字キーで、端末の表示を文字キーで選び、Enter で判定します (マイナ保険証で資格有効なら 1 → Y → Enter)'
        }
      />
      {problems.length > 0 && (
        <div className="desk-question tone-declaration" role="alert" data-testid="real-desk-problems">
          <p>判定の前に入力してください:</p>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>{p.ja}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="desk-error tone-bad" role="alert" data-testid="desk-error">
          判定できませんでした: {error.ja}
        </p>
      )}
      {answer && <DecisionDetails answer={answer} />}
    </section>
  );
}
