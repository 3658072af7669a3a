// A verdict in a line of text: its symbol and words as a small label in its tone. (A table cell
// shows the words in the tone's ink: className={`verdict-text ${verdictTone(v)}`}.)
import type { Verdict } from '../../../shared/enums';
import { VERDICT_LABELS } from '../labels';
import { verdictTone } from '../tones';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const v = VERDICT_LABELS[verdict];
  return (
    <span className={`verdict-badge ${verdictTone(verdict)}`}>
      {v.symbol} {v.title}
    </span>
  );
}
