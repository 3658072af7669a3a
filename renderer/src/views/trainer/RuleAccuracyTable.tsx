// Per-rule accuracy as a table: the result sheet and the progress report show the same columns;
// the report adds a trend column.
import type { ReactNode } from 'react';
import { RULES } from '../../../../shared/rules';
import type { RuleAccuracy } from '../../../../shared/trainer/score';

export function RuleAccuracyTable(props: {
  rules: readonly RuleAccuracy[];
  className: string;
  caption: ReactNode;
  /** an extra last column (header, cell per rule) */
  extra?: { header: string; cell: (r: RuleAccuracy) => ReactNode };
}) {
  const { rules, className, caption, extra } = props;
  return (
    <table className={className}>
      {caption}
      <thead>
        <tr>
          <th scope="col">ルール</th>
          <th scope="col">内容</th>
          <th scope="col">問題数</th>
          <th scope="col">正解</th>
          <th scope="col">正答率</th>
          {extra && <th scope="col">{extra.header}</th>}
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.rule} data-rule={r.rule}>
            <th scope="row">{r.rule}</th>
            <td>{RULES[r.rule].title}</td>
            <td>{r.answers}</td>
            <td>{r.correct}</td>
            <td>{r.percent === null ? '—' : `${r.percent}%`}</td>
            {extra && extra.cell(r)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
