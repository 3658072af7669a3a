// The desk's answer: the verdict as a live region carrying data-verdict, then the shared decision
// panel (./DecisionPanel.tsx) with the desk's own additions (例題として保存, the what-if strip).
import { Suspense, useDeferredValue, useEffect } from 'react';
import type { DeskResult } from '../../../shared/contract';
import { useApp } from '../store';
import type { Answer } from './DecisionPanel';
import { VerdictBox } from './VerdictWords';
import { DeskWhatIf } from './whatif/DeskWhatIf';
import { lazyView } from '../lazy-view';

// 「この受付を例題として保存」 loads with the first answer, apart from the first screen.
// The decision's details (reasons, what to tell, the slip …) load apart too, ahead of use when the desk opens.
const decisionDetails = lazyView(() => import('./DecisionPanel').then((m) => m.DecisionDetails));
const saveDeskCase = lazyView(() => import('./SaveDeskCase').then((m) => m.SaveDeskCase));

export function AnswerPanel({ verdictRef }: { verdictRef?: React.Ref<HTMLDivElement> }) {
  const result = useApp((s) => s.result);
  const deciding = useApp((s) => s.deciding);
  const hasPatient = useApp((s) => s.patient !== null);
  const deskError = useApp((s) => s.deskError);
  // The verdict is drawn in the frame the answer arrives; the details follow in a second, deferred
  // render (and never show an earlier answer's details).
  const details = useDeferredValue(result);
  useEffect(() => {
    void decisionDetails.preload();
    void import('./OnlineCheckPanel');
  }, []);
  return (
    <section className="panel answer" aria-labelledby="answer-h">
      <h2 id="answer-h" className="panel-title">
        判定
      </h2>
      <VerdictBox
        verdictRef={verdictRef}
        decision={result?.decision ?? null}
        placeholder={
          deciding
            ? '確認しています…'
            : hasPatient
              ? '出されたものを数字キーで選び、Enter で判定します (マイナ保険証なら 1 → Enter)'
              : '患者を検索して Enter で選び、出されたものの数字キー (マイナ保険証は 1)、Enter で判定します'
        }
      />
      {deskError && (
        <p className="desk-error tone-bad" role="alert" data-testid="desk-error">
          判定できませんでした: {deskError.ja}
        </p>
      )}
      {details !== null && details === result && (
        <Suspense fallback={null}>
          <decisionDetails.View answer={deskAnswer(details)}>
            <Suspense fallback={null}>
              <saveDeskCase.View key={details.historyId} result={details} />
            </Suspense>
          </decisionDetails.View>
        </Suspense>
      )}
      <DeskWhatIf />
    </section>
  );
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
