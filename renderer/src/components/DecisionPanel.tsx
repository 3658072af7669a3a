// The decision as the receptionist reads it — shared by the desk (受付 F1, ./AnswerPanel.tsx) and
// 受付ナビ (F5): the verdict large, color-coded AND in words (and a shape); the copay; 高齢受給者証;
// documents still needed; billing; notes; what to tell the patient (copy); the online check's
// result; the reasons with the rules and their sources; a printable slip. Props only: each view
// brings its own answer.
import { Suspense, useState } from 'react';
import type { IsoDate } from '../../../shared/dates';
import type { DeskResult } from '../../../shared/contract';
import type { Decision } from '../../../shared/decision';
import type { Incident } from '../../../shared/enums';
import { deskNextSteps, elderlyCardState } from '../../../shared/engine/explain';
import type { OnshiDocument } from '../../../shared/onshi-document';
import { BILLING_JA, copayWari } from '../../../shared/labels';
import { COPAY_BASIS_LABELS, DESK_KEYS, NEEDED_LABELS, NOTE_LABELS } from '../labels';
import { useApp } from '../store';
import { copyTellPatient } from './answer-actions';
import {
  needsDeclarationForm,
  printSheet,
  SLIP_PAPER_JA,
  SLIP_PAPERS,
  setSlipPaper,
  useSlipPaper,
} from './print-actions';
import { type Declarant, PrintDeclaration, PrintSlip } from './PrintSheets';
import { lazyView } from '../lazy-view';
import { RuleList } from './RuleList';

// The online check's result screen loads apart from the first screen (the desk's first-load budget);
// the views preload it when they open.
const onlineCheckPanel = lazyView(() => import('./OnlineCheckPanel').then((m) => m.OnlineCheckPanel));

/** An answer as the panel shows it, whichever view asked. */
export interface Answer {
  decision: Decision;
  visitDate: IsoDate;
  /** the clinic's situation the answer was given in (why the online check could not run) */
  clinic: { onlineCheck: boolean; incident: Incident };
  /** the national-format result document of the simulated check (the desk); null when there is none */
  onlineDocument: OnshiDocument | null;
  /** the patient's name for the slip; null: none (a walk-in, a real patient) */
  slipName: string | null;
  /** items of the result document the desk assumed (a walk-in's untyped fields): not shown */
  assumed?: readonly string[];
  /** the マイナ保険証 read at the reader (card or smartphone); null: none */
  device?: 'card' | 'smartphone' | null;
  /** when the desk received the patient (the slip prints it); null: not known */
  receivedAt?: Date | null;
  /** what the desk knows for a 被保険者資格申立書 (R9); left out: blank lines only */
  declarant?: Declarant;
}

function copayText(d: Decision): string {
  return copayWari(d.copayPercent) + (d.copayProvisional ? ' (仮)' : '');
}

/** Everything under the verdict; `children` go after the reasons (the desk's 「例題として保存」). */
export function DecisionDetails({ answer, children }: { answer: Answer; children?: React.ReactNode }) {
  const d = answer.decision;
  const elderly = elderlyCardState(d);
  const next = deskNextSteps(d);
  return (
    <>
      {next.length > 0 && (
        <ul className="next-steps" data-testid="next-steps" aria-label="次にすること">
          {next.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <div className="fact">
          <dt>窓口負担</dt>
          <dd data-testid="copay">
            <strong className="fact-big">{copayText(d)}</strong>
            <span className="fact-sub">
              {COPAY_BASIS_LABELS[d.copayBasis]}
              {d.copayProvisional && d.copayBasis !== 'provisional' && ' (高齢受給者証の提示で差額を精算)'}
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>高齢受給者証</dt>
          <dd data-testid="elderly-card">
            <strong className={elderly.missing ? 'fact-big tone-bad' : 'fact-big'}>{elderly.text}</strong>
          </dd>
        </div>
        <div className="fact fact-wide">
          <dt>まだ必要な書類</dt>
          <dd data-testid="documents-needed">
            {d.documentsNeeded.length === 0 ? (
              <strong className="fact-big">なし</strong>
            ) : (
              <ul className="needed">
                {d.documentsNeeded.map((n) => (
                  <li key={n}>{NEEDED_LABELS[n]}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="fact fact-wide">
          <dt>請求</dt>
          <dd data-testid="billing">{BILLING_JA[d.billing]}</dd>
        </div>
      </dl>
      {d.notes.length > 0 && (
        <ul className="notes">
          {d.notes.map((n) => (
            <li key={n}>{NOTE_LABELS[n]}</li>
          ))}
        </ul>
      )}
      <TellPatient text={d.tellPatient} declaration={needsDeclarationForm(d)} />
      <Suspense fallback={null}>
        <onlineCheckPanel.View
          decision={d}
          visitDate={answer.visitDate}
          clinic={answer.clinic}
          document={answer.onlineDocument}
          assumed={answer.assumed}
          device={answer.device}
        />
      </Suspense>
      <section className="why" aria-labelledby="why-h">
        <h3 id="why-h">理由</h3>
        <p className="explanation">{d.explanation}</p>
        <RuleList rules={d.rules} />
      </section>
      {children}
      <PrintSlip
        decision={d}
        visitDate={answer.visitDate}
        name={answer.slipName}
        receivedAt={answer.receivedAt ?? null}
      />
      {needsDeclarationForm(d) && (
        <PrintDeclaration
          visitDate={answer.visitDate}
          declarant={answer.declarant ?? { name: null, kana: null, birthDate: null, coverage: null }}
        />
      )}
    </>
  );
}

function TellPatient({ text, declaration }: { text: string; declaration: boolean }) {
  const notify = useApp((s) => s.notify);
  const [copied, setCopied] = useState(false);
  const paper = useSlipPaper();
  return (
    <section className="tell" aria-labelledby="tell-h">
      <div className="tell-head">
        <h3 id="tell-h">患者さんへの説明</h3>
        <button
          type="button"
          className="btn btn-small"
          aria-keyshortcuts={DESK_KEYS.copy.toUpperCase()}
          onClick={async () => setCopied(await copyTellPatient(text, notify))}
        >
          {copied ? 'コピーしました' : '説明をコピー'} <kbd aria-hidden="true">{DESK_KEYS.copy.toUpperCase()}</kbd>
        </button>
      </div>
      <p className="tell-text" data-testid="tell-patient">
        {text}
      </p>
      <div className="print-row">
        <button
          type="button"
          className="btn btn-small"
          aria-keyshortcuts={DESK_KEYS.print.toUpperCase()}
          onClick={() => printSheet('slip')}
        >
          お渡し用の紙を印刷 <kbd aria-hidden="true">{DESK_KEYS.print.toUpperCase()}</kbd>
        </button>
        <span className="slip-paper" role="radiogroup" aria-label="お渡し用の紙の用紙">
          {SLIP_PAPERS.map((p) => (
            <label key={p}>
              <input type="radio" name="slip-paper" checked={paper === p} onChange={() => setSlipPaper(p)} />{' '}
              {SLIP_PAPER_JA[p]}
            </label>
          ))}
        </span>
        {declaration && (
          <button
            type="button"
            className="btn btn-small"
            aria-keyshortcuts={DESK_KEYS.declaration.toUpperCase()}
            onClick={() => printSheet('declaration')}
          >
            申立書を印刷 <kbd aria-hidden="true">{DESK_KEYS.declaration.toUpperCase()}</kbd>
          </button>
        )}
      </div>
    </section>
  );
}

// The desk's answer in this panel: what the panel reads, taken from the desk's result — the patient
// for the slip and the 申立書, when the answer arrived, which card was read.
export function DeskDecisionDetails({ result, children }: { result: DeskResult; children?: React.ReactNode }) {
  return <DecisionDetails answer={deskAnswer(result)}>{children}</DecisionDetails>;
}

/** When each answer reached the desk (the slip's time of reception), kept for as long as the answer is. */
const received = new WeakMap<DeskResult, Date>();
function receivedAt(r: DeskResult): Date {
  let at = received.get(r);
  if (!at) received.set(r, (at = new Date()));
  return at;
}

/** The desk's result as the shared panel reads it. */
function deskAnswer(r: DeskResult): Answer {
  const assumed = new Set<string>(r.assumed);
  const c = r.scenario.patient.coverages.find((x) => x.id === r.decision.coverage) ?? null;
  return {
    decision: r.decision,
    visitDate: r.scenario.visitDate,
    clinic: r.scenario.clinic,
    onlineDocument: r.online.result,
    slipName: r.patient.walkIn ? null : r.patient.name,
    assumed: r.assumed,
    device: r.scenario.presented.some((p) => p.kind === 'myna-card')
      ? 'card'
      : r.scenario.presented.some((p) => p.kind === 'myna-smartphone')
        ? 'smartphone'
        : null,
    receivedAt: receivedAt(r),
    // a walk-in's name is only what was typed (the result document's placeholders are never printed)
    declarant: {
      name: assumed.has('Name') ? null : r.patient.name,
      kana: assumed.has('NameKana') ? null : r.patient.kana,
      birthDate: r.patient.birthDate,
      coverage: c && {
        insurer: c.insurer,
        insurerNumber: c.insurerNumber,
        symbol: c.symbol,
        number: c.number,
        branch: c.branch,
      },
    },
  };
}
