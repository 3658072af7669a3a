// The answer: the verdict large, color-coded AND in words (and a shape), as a live region carrying
// data-verdict; the copay; 高齢受給者証; documents still needed; the online check's result; the rules
// with their sources; what to tell the patient (copy); a printable slip.
import { useDeferredValue, useState } from 'react';
import type { DeskResult } from '../../../shared/contract';
import { BILLING_JA, copayWari } from '../../../shared/labels';
import { formatDateJa } from '../../../shared/wareki';
import { BRING_NEXT_TIME, COPAY_BASIS_LABELS, DESK_KEYS, NEEDED_LABELS, NOTE_LABELS, VERDICT_LABELS } from '../labels';
import { useApp } from '../store';
import { verdictTone } from '../tones';
import { copyTellPatient, printSlip } from './answer-actions';
import { OnlineCheckPanel } from './OnlineCheckPanel';
import { DeskWhatIf } from './whatif/DeskWhatIf';
import { RuleList } from './RuleList';
import { SaveDeskCase } from './SaveDeskCase';

export function AnswerPanel({ verdictRef }: { verdictRef?: React.Ref<HTMLDivElement> }) {
  const result = useApp((s) => s.result);
  const deciding = useApp((s) => s.deciding);
  const hasPatient = useApp((s) => s.patient !== null);
  const deskError = useApp((s) => s.deskError);
  // The verdict is drawn in the frame the answer arrives; the details follow in a second, deferred
  // render (and never show an earlier answer's details).
  const details = useDeferredValue(result);
  return (
    <section className="panel answer" aria-labelledby="answer-h">
      <h2 id="answer-h" className="panel-title">
        判定
      </h2>
      <div
        ref={verdictRef}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={result ? `verdict ${verdictTone(result.decision.verdict)}` : 'verdict verdict-empty'}
        data-verdict={result?.decision.verdict}
        data-testid="verdict"
      >
        {result ? (
          <VerdictWords result={result} />
        ) : (
          <span className="verdict-placeholder">
            {deciding
              ? '確認しています…'
              : hasPatient
                ? '出されたものを数字キーで選び、Enter で判定します (マイナ保険証なら 1 → Enter)'
                : '患者を検索して Enter で選び、出されたものの数字キー (マイナ保険証は 1)、Enter で判定します'}
          </span>
        )}
      </div>
      {deskError && (
        <p className="desk-error tone-bad" role="alert" data-testid="desk-error">
          判定できませんでした: {deskError.ja}
        </p>
      )}
      {details !== null && details === result && <AnswerDetails result={details} />}
      <DeskWhatIf />
    </section>
  );
}

/** 「保険で受付 (暫定)」 → the words, and the part in brackets that tells the verdicts apart. */
function splitVerdict(title: string): { main: string; kind: string | null } {
  const m = /^(.*?) \((.+)\)$/.exec(title);
  return m ? { main: m[1]!, kind: m[2]! } : { main: title, kind: null };
}

/** The verdict as it is read from 2 m: symbol, words, the telling part and the copay all large. */
export function VerdictWords({ result }: { result: DeskResult }) {
  const v = VERDICT_LABELS[result.decision.verdict];
  const { main, kind } = splitVerdict(v.title);
  return (
    <>
      <span className="verdict-symbol" aria-hidden="true">
        {v.symbol}
      </span>
      <span className="verdict-words">
        <span className="verdict-title">
          {main}
          {kind !== null && (
            <>
              {' '}
              <span className="verdict-kind">({kind})</span>
            </>
          )}
        </span>
        <span className="verdict-sub">{v.sub}</span>
      </span>
      <span className="verdict-copay" data-testid="verdict-copay">
        <span className="verdict-copay-label">窓口負担</span>
        <strong>{copayWari(result.decision.copayPercent)}</strong>
        {result.decision.copayProvisional && <span className="verdict-copay-note">(仮)</span>}
      </span>
    </>
  );
}

function copayText(r: DeskResult): string {
  return copayWari(r.decision.copayPercent) + (r.decision.copayProvisional ? ' (仮)' : '');
}

export function AnswerDetails({ result }: { result: DeskResult }) {
  const d = result.decision;
  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>窓口負担</dt>
          <dd data-testid="copay">
            <strong className="fact-big">{copayText(result)}</strong>
            <span className="fact-sub">
              {COPAY_BASIS_LABELS[d.copayBasis]}
              {d.copayProvisional && d.copayBasis !== 'provisional' && ' (高齢受給者証の提示で差額を精算)'}
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>高齢受給者証</dt>
          <dd data-testid="elderly-card">
            <strong className={d.elderlyCardNeeded ? 'fact-big tone-bad' : 'fact-big'}>
              {d.elderlyCardNeeded ? '必要' : '不要'}
            </strong>
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
          <dd>{BILLING_JA[d.billing]}</dd>
        </div>
      </dl>
      {d.notes.length > 0 && (
        <ul className="notes">
          {d.notes.map((n) => (
            <li key={n}>{NOTE_LABELS[n]}</li>
          ))}
        </ul>
      )}
      <TellPatient result={result} />
      <OnlineCheckPanel result={result} />
      <section className="why" aria-labelledby="why-h">
        <h3 id="why-h">理由</h3>
        <p className="explanation">{d.explanation}</p>
        <RuleList rules={d.rules} />
      </section>
      <SaveDeskCase key={result.historyId} result={result} />
      <PrintSlip result={result} />
    </>
  );
}

function TellPatient({ result }: { result: DeskResult }) {
  const notify = useApp((s) => s.notify);
  const [copied, setCopied] = useState(false);
  const text = result.decision.tellPatient;
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
        <button
          type="button"
          className="btn btn-small"
          aria-keyshortcuts={DESK_KEYS.print.toUpperCase()}
          onClick={printSlip}
        >
          お渡し用の紙を印刷 <kbd aria-hidden="true">{DESK_KEYS.print.toUpperCase()}</kbd>
        </button>
      </div>
      <p className="tell-text" data-testid="tell-patient">
        {text}
      </p>
    </section>
  );
}

/** Only printed (print CSS): the slip handed to the patient. */
function PrintSlip({ result }: { result: DeskResult }) {
  const clinicName = useApp((s) => s.settings?.clinicName ?? '');
  const d = result.decision;
  const bring: string[] = [];
  if (d.verdict === 'insured-interim' || d.verdict === 'self-pay') {
    bring.push('マイナ保険証 (利用登録したマイナンバーカード) または 資格確認書');
  }
  for (const n of d.documentsNeeded) {
    const b = BRING_NEXT_TIME[n];
    if (b) bring.push(b);
  }
  return (
    <div className="print-slip" aria-hidden="true">
      <h1>{bring.length > 0 ? '次回の受診のときにお持ちください' : '本日の受付について'}</h1>
      <p>
        {result.patient.walkIn ? '' : `${result.patient.name} 様 ・ `}受診日 {formatDateJa(result.scenario.visitDate)}
      </p>
      {bring.length > 0 && (
        <ul>
          {bring.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <p className="slip-tell">{d.tellPatient}</p>
      {clinicName !== '' && <p className="slip-clinic">{clinicName}</p>}
    </div>
  );
}
