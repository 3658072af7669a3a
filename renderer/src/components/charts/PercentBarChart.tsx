// Horizontal bars of percentages (the progress report: accuracy per rule), drawn as plain SVG.
// Each bar is coloured by its tone and labelled with its value (0 % too; no answers: —).
import { type Tone, toneClass } from '../../tones';
import { PERCENT_TICKS, percentAt } from './scale';
import './charts.css';

export interface PercentBar {
  label: string;
  /** null = no answers yet */
  percent: number | null;
  tone: Tone;
}

const W = 600;
const ROW = 34;
const BAR = 22;
const M = { top: 6, right: 52, bottom: 28, left: 228 };

/** `label` is the accessible name (what is shown, with the values). */
export function PercentBarChart({ label, bars }: { label: string; bars: readonly PercentBar[] }) {
  const plotW = W - M.left - M.right;
  const H = M.top + bars.length * ROW + M.bottom;
  const bottom = M.top + bars.length * ROW;
  const x = (p: number) => percentAt(p, M.left, plotW);
  return (
    <figure className="chart" role="img" aria-label={label}>
      <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
        {PERCENT_TICKS.map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={x(t)} x2={x(t)} y1={M.top} y2={bottom} />
            <text className="chart-tick" x={x(t)} y={bottom + 18} textAnchor="middle">
              {t}%
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const mid = M.top + i * ROW + ROW / 2;
          const end = x(b.percent ?? 0);
          return (
            <g key={b.label} className={`chart-row ${toneClass(b.tone)}`}>
              <text className="chart-label" x={M.left - 8} y={mid} textAnchor="end" dominantBaseline="middle">
                {b.label}
              </text>
              {b.percent !== null && b.percent > 0 && (
                <rect className="chart-bar" x={M.left} y={mid - BAR / 2} width={end - M.left} height={BAR} />
              )}
              <text className="chart-value" x={end + 6} y={mid} dominantBaseline="middle">
                {b.percent === null ? '—' : `${b.percent}%`}
              </text>
            </g>
          );
        })}
        <line className="chart-axis" x1={M.left} x2={M.left} y1={M.top} y2={bottom} />
      </svg>
    </figure>
  );
}
