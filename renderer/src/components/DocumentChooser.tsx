// What a document's key asks before handing it over (holdings.ts chooserOf): how the マイナポータル
// 資格情報画面 was shown (画面 / PDF / スクリーンショット — the policy accepts them differently); which of
// the patient's two documents of a kind (a job changer's old and new お知らせ), each labelled by
// insurer and dates; what a walk-in's document prints (its validity). Keys: the digit of an
// option, 0 = not handed over, Enter on the focused option, Esc closes.
import { useEffect, useRef, useState } from 'react';
import type { WalkInDocuments } from '../../../shared/contract';
import {
  ELDERLY_RATIOS,
  type DocumentKind,
  LIMIT_CATEGORIES,
  type LimitCategory,
  PORTAL_FORMS,
} from '../../../shared/enums';
import type { WalkInPrintedKind } from '../../../shared/holdings';
import { copayWari, PORTAL_FORM_JA } from '../../../shared/labels';
import { parseDate } from '../../../shared/wareki';
import { chooserOf, holdingLabel, isWalkInPrinted, positionsOf } from '../holdings';
import { DOCUMENTS } from '../labels';
import { useApp } from '../store';
import type { DocumentChoice } from '../store/desk';

interface Option {
  key: string;
  label: string;
  choice: DocumentChoice | null;
  current: boolean;
}

export function DocumentChooser({ onDone }: { onDone: () => void }) {
  const kind = useApp((s) => s.chooser);
  const patient = useApp((s) => s.patient);
  const record = useApp((s) => s.patientRecord);
  const visitDate = useApp((s) => s.visitDate);
  if (kind === null || patient === null) return null;
  const chooser = chooserOf(kind, patient.kind === 'walk-in', record, visitDate);
  if (chooser === 'walk-in-printed' && isWalkInPrinted(kind))
    return <PrintedForm key={kind} kind={kind} onDone={onDone} />;
  return <OptionList key={kind} kind={kind} onDone={onDone} />;
}

function Frame({ kind, question, children }: { kind: DocumentKind; question: string; children: React.ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  // a short window: the whole chooser in view — again on the next frame, after whatever else the
  // key that opened it scrolled into view (the focused 確認する, a taller situation bar)
  useEffect(() => {
    const el = ref.current;
    el?.scrollIntoView({ block: 'nearest' });
    const frame = requestAnimationFrame(() => el?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <section
      ref={ref}
      className="chooser"
      role="group"
      aria-labelledby="chooser-h"
      data-testid="chooser"
      data-kind={kind}
    >
      <h3 id="chooser-h" className="chooser-title">
        {DOCUMENTS[kind].name}: {question}
      </h3>
      {children}
    </section>
  );
}

/** マイナポータル's forms, or which of the patient's documents of a kind. */
/** 「閉じる」: the chooser goes without handing anything over (as Esc). */
function CloseButton({ onDone }: { onDone: () => void }) {
  const close = useApp((s) => s.closeChooser);
  return (
    <button
      type="button"
      className="btn btn-quiet btn-small"
      onClick={() => {
        close();
        onDone();
      }}
    >
      閉じる <kbd aria-hidden="true">Esc</kbd>
    </button>
  );
}

function OptionList({ kind, onDone }: { kind: DocumentKind; onDone: () => void }) {
  const record = useApp((s) => s.patientRecord);
  const visitDate = useApp((s) => s.visitDate);
  const presented = useApp((s) => s.presented.includes(kind));
  const portalForm = useApp((s) => s.portalForm);
  const picked = useApp((s) => s.picked);
  const choose = useApp((s) => s.chooseDocument);
  const screenshotRejected = useApp((s) => s.settings?.policy.portalScreenshot === 'reject');
  const first = useRef<HTMLButtonElement>(null);

  let options: Option[];
  let question: string;
  if (kind === 'mynaportal') {
    question = 'どれを見せましたか？';
    options = PORTAL_FORMS.map((form, i) => ({
      key: String(i + 1),
      label:
        form === 'screenshot' && screenshotRejected
          ? `${PORTAL_FORM_JA[form]} (この医療機関の設定では認めない)`
          : PORTAL_FORM_JA[form],
      choice: { kind, form },
      current: presented && portalForm === form,
    }));
  } else {
    const positions = record ? positionsOf(record, kind, visitDate) : [];
    const chosen = positions.filter((i) => picked.includes(i));
    question = `${positions.length}枚お持ちです。どれを出しましたか？`;
    options = [
      ...positions.map((pos, i) => ({
        key: String(i + 1),
        label: holdingLabel(record!.holdings[pos]!, record!),
        choice: { kind, positions: [pos] },
        current: presented && chosen.length === 1 && chosen[0] === pos,
      })),
      {
        key: String(positions.length + 1),
        label: positions.length === 2 ? '両方' : 'すべて',
        choice: { kind, positions },
        current: presented && (chosen.length === 0 || chosen.length === positions.length),
      },
    ];
  }
  options.push({ key: '0', label: '出していない', choice: null, current: !presented });

  const pick = (o: Option) => {
    choose(kind, o.choice);
    onDone();
  };
  // focus on the option in force (when the document is handed over), else the first one
  useEffect(() => {
    first.current?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return; // typing elsewhere
      const o = options.find((x) => x.key === e.key);
      if (o) {
        e.preventDefault();
        pick(o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const focusAt = presented
    ? Math.max(
        0,
        options.findIndex((o) => o.current),
      )
    : 0;
  return (
    <Frame kind={kind} question={question}>
      <ul className="chooser-options">
        {options.map((o, i) => (
          <li key={o.key}>
            <button
              ref={i === focusAt ? first : undefined}
              type="button"
              className={o.current ? 'btn chooser-option current' : 'btn chooser-option'}
              aria-keyshortcuts={o.key}
              aria-current={o.current || undefined}
              onClick={() => pick(o)}
            >
              <kbd aria-hidden="true">{o.key}</kbd> {o.label}
            </button>
          </li>
        ))}
      </ul>
      <CloseButton onDone={onDone} />
    </Frame>
  );
}

type Printed = { [K in WalkInPrintedKind]: NonNullable<WalkInDocuments[K]> };

/** A walk-in's document: what it prints, typed (和暦 accepted). */
function PrintedForm({ kind, onDone }: { kind: WalkInPrintedKind; onDone: () => void }) {
  const patient = useApp((s) => s.patient);
  const presented = useApp((s) => s.presented.includes(kind));
  const choose = useApp((s) => s.chooseDocument);
  const now = patient?.kind === 'walk-in' ? patient.walkIn.documents?.[kind] : undefined;
  const [issuedOn, setIssuedOn] = useState(now && 'issuedOn' in now ? (now.issuedOn ?? '') : '');
  const [until, setUntil] = useState(
    now === undefined ? '' : 'printedExpiry' in now ? (now.printedExpiry ?? '') : (now.validUntil ?? ''),
  );
  const [ratio, setRatio] = useState<20 | 30>(now && 'ratio' in now ? now.ratio : 20);
  const [category, setCategory] = useState<LimitCategory>(now && 'category' in now ? now.category : 'ウ');
  const [error, setError] = useState<string | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const date = (text: string, label: string, required: boolean): string | null | Error => {
    if (text.trim() === '') return required ? new Error(`${label}を入力してください`) : null;
    const d = parseDate(text, { documentField: true });
    return d.ok ? d.value : new Error(`${label}: ${d.error.ja}`);
  };
  const submit = () => {
    const validUntil = date(until, '有効期限', kind === 'kakunin-sho');
    const issued = date(issuedOn, '交付日', false);
    const bad = [validUntil, issued].find((x) => x instanceof Error);
    if (bad instanceof Error) return setError(bad.message);
    const v = validUntil as string | null;
    const printed: Printed[WalkInPrintedKind] =
      kind === 'legacy-card'
        ? { printedExpiry: v }
        : kind === 'kakunin-sho'
          ? { issuedOn: issued as string | null, validUntil: v! }
          : kind === 'elderly-card'
            ? { ratio, validUntil: v }
            : { category, validUntil: v };
    choose(kind, { kind, printed } as DocumentChoice);
    onDone();
  };
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submit();
    }
  };
  const untilLabel =
    kind === 'legacy-card' ? '有効期限 (記載がなければ空欄)' : kind === 'kakunin-sho' ? '有効期限' : '有効期限 (任意)';
  return (
    <Frame kind={kind} question="書かれていることを入力してください">
      <div className="chooser-form" onKeyDown={enter}>
        {kind === 'kakunin-sho' && (
          <label className="field">
            <span className="field-label">交付年月日 (任意・和暦可)</span>
            <input className="input" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />
          </label>
        )}
        {kind === 'elderly-card' && (
          <div role="radiogroup" aria-label="負担割合" className="seg">
            {ELDERLY_RATIOS.map((r) => (
              <label key={r} className="radio">
                <input type="radio" name="printed-ratio" checked={ratio === r} onChange={() => setRatio(r)} />
                {copayWari(r)}
              </label>
            ))}
          </div>
        )}
        {kind === 'limit-cert' && (
          <label className="field">
            <span className="field-label">適用区分</span>
            <select className="input" value={category} onChange={(e) => setCategory(e.target.value as LimitCategory)}>
              {LIMIT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field-label">{untilLabel} (和暦可)</span>
          <input
            ref={firstField}
            className="input"
            value={until}
            aria-invalid={error !== null}
            onChange={(e) => setUntil(e.target.value)}
          />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="chooser-actions">
          <button type="button" className="btn btn-small" onClick={submit}>
            提示にする <kbd aria-hidden="true">Enter</kbd>
          </button>
          {presented && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                choose(kind, null);
                onDone();
              }}
            >
              出していない
            </button>
          )}
          <CloseButton onDone={onDone} />
        </div>
      </div>
    </Frame>
  );
}
