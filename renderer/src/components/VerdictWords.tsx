// The verdict as it is read from 2 m — on the desk's first screen (drawn in the frame the answer
// arrives) and in 受付ナビ; the rest of the decision (./DecisionPanel.tsx) loads apart.
import type { Decision } from '../../../shared/decision';
import { copayWari, patientPaysParts } from '../../../shared/labels';
import { VERDICT_LABELS } from '../labels';
import { verdictTone } from '../tones';

/** 「保険で受付 (暫定)」 → the words, and the part in brackets that tells the verdicts apart. */
function splitVerdict(title: string): { main: string; kind: string | null } {
  const m = /^(.*?) \((.+)\)$/.exec(title);
  return m ? { main: m[1]!, kind: m[2]! } : { main: title, kind: null };
}

/** The verdict as it is read from 2 m: symbol, words, the telling part and the copay all large. */
export function VerdictWords({ decision }: { decision: Decision }) {
  const v = VERDICT_LABELS[decision.verdict];
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
      <VerdictCopay decision={decision} />
    </>
  );
}

/**
 * 窓口負担, as large as the verdict: what the patient pays (「3割」「3割 (仮)」「0円」「1回200円」「2割」
 * with 「月額上限 10,000円まで」 …); where a public share lowers it, the insurance copay beside it in small.
 */
function VerdictCopay({ decision: d }: { decision: Decision }) {
  const { amount, detail } = patientPaysParts(d.patientPays);
  // a public share lowered the insurance copay: the copay beside it
  const insuranceAlso = d.copayPercent > 0 && d.copayPercent !== d.patientPays.percent;
  return (
    <span className="verdict-copay" data-testid="verdict-copay">
      <span className="verdict-copay-label">窓口負担</span>
      <strong>{amount}</strong>
      {d.copayProvisional && <span className="verdict-copay-note">(仮)</span>}
      {detail !== null && <span className="verdict-copay-detail">{detail}</span>}
      {insuranceAlso && <span className="verdict-copay-detail">保険 {copayWari(d.copayPercent)}</span>}
    </span>
  );
}

/** The verdict block both views show: a live region carrying data-verdict, or what to do while there is none. */
export function VerdictBox({
  decision,
  placeholder,
  verdictRef,
}: {
  decision: Decision | null;
  placeholder: string;
  verdictRef?: React.Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={verdictRef}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={decision ? `verdict ${verdictTone(decision.verdict)}` : 'verdict verdict-empty'}
      data-verdict={decision?.verdict}
      data-testid="verdict"
    >
      {decision ? <VerdictWords decision={decision} /> : <span className="verdict-placeholder">{placeholder}</span>}
    </div>
  );
}
