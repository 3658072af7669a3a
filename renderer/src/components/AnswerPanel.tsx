// The desk's answer: the verdict as a live region carrying data-verdict, then the shared decision
// panel (./DecisionPanel.tsx) with the desk's own additions (例題として保存, the what-if strip).
import { Suspense, useDeferredValue, useEffect } from 'react';
import { useApp } from '../store';
import { VerdictBox } from './VerdictWords';
import { lazyView } from '../lazy-view';

// 「この受付を例題として保存」 loads with the first answer, apart from the first screen.
// The decision's details (reasons, what to tell, the slip …) load apart too, ahead of use when the desk opens.
const decisionDetails = lazyView(() => import('./DecisionPanel').then((m) => m.DeskDecisionDetails));
const saveDeskCase = lazyView(() => import('./SaveDeskCase').then((m) => m.SaveDeskCase));
// The what-if strip follows an answer: it loads apart from the first screen too.
const deskWhatIf = lazyView(() => import('./whatif/DeskWhatIf').then((m) => m.DeskWhatIf));

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
    void deskWhatIf.preload();
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
          <decisionDetails.View result={details}>
            <Suspense fallback={null}>
              <saveDeskCase.View key={details.historyId} result={details} />
            </Suspense>
          </decisionDetails.View>
        </Suspense>
      )}
      <Suspense fallback={null}>
        <deskWhatIf.View />
      </Suspense>
    </section>
  );
}
