// The rules a decision used, each with its title, summary and public source (shared/rules.ts).
import { RULES } from '../../../shared/rules';
import type { RuleId } from '../../../shared/enums';

export function RuleList({ rules, label = '適用したルール' }: { rules: readonly RuleId[]; label?: string }) {
  return (
    <ol className="rules" aria-label={label}>
      {rules.map((id) => (
        <li key={id} className="rule" data-rule={id}>
          <span className="rule-id">{id}</span>
          <span className="rule-body">
            <strong>{RULES[id].title}</strong>
            <span className="rule-summary">{RULES[id].summary}</span>
            <span className="rule-source">
              出典: {RULES[id].source.name} <span className="url">{RULES[id].source.url}</span>
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
