// A line chart of percentages over time (the progress report: correct answers per day or per
// session), drawn as plain SVG. Each point carries its value as a tooltip (<title>); the legend
// is text. The chart is one image to assistive technology, named by `label` (which carries the
// values); the caller shows the same numbers in a table.
import { labelStep, PERCENT_TICKS, percentAt, textWidth } from './scale';
import './charts.css';

export interface PercentSeries {
  name: string;
  /** one value per label; null = no value that day */
  values: readonly (number | null)[];
}

const W = 600;
const H = 260;
const M = { top: 12, right: 16, bottom: 34, left: 48 };
const INSET = 24; // keeps the first and last point off the axes

export function PercentLineChart(props: {
  /** the accessible name: what is shown, with the values */
  label: string;
  labels: readonly string[];
  series: readonly PercentSeries[];
}) {
  const { label, labels, series } = props;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) =>
    labels.length === 1 ? M.left + plotW / 2 : M.left + INSET + (i * (plotW - 2 * INSET)) / (labels.length - 1);
  const y = (v: number) => M.top + plotH - percentAt(v, 0, plotH);
  const widest = Math.max(0, ...labels.map(textWidth)) + 12;
  const step = labelStep(labels.length, widest, plotW);
  return (
    <figure className="chart" role="img" aria-label={label}>
      <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
        {PERCENT_TICKS.map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text className="chart-tick" x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">
              {t}%
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} />
        <line className="chart-axis" x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} />
        {labels.map((label, i) =>
          i % step === 0 || i === labels.length - 1 ? (
            <text key={i} className="chart-tick" x={x(i)} y={M.top + plotH + 18} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, k) => {
          const points = s.values.flatMap((v, i) => (v === null ? [] : [{ i, v }]));
          return (
            <g key={s.name} className={`chart-series chart-series-${k}`}>
              <polyline className="chart-line" points={points.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')} />
              {points.map((p) => (
                <circle key={p.i} className="chart-point" cx={x(p.i)} cy={y(p.v)} r={k === 0 ? 5 : 4}>
                  <title>{`${labels[p.i]} ${s.name}: ${p.v}%`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s, k) => (
          <span key={s.name} className={`chart-legend-item chart-series chart-series-${k}`}>
            <svg className="chart-swatch" viewBox="0 0 28 10" aria-hidden="true">
              <line className="chart-line" x1="1" x2="27" y1="5" y2="5" />
              <circle className="chart-point" cx="14" cy="5" r="3.5" />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
