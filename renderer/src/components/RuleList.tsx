// The rules a decision used, each with its title, summary and public source (shared/rules.ts).
// The rules' texts are reference material read after a decision, and they grow with the rule book
// (R21–R26): they load with the first answer, not with the desk (its first-load budget,
// scripts/bundle.test.ts). The rule ids show at once.
import { useEffect, useState } from 'react';
import type { RuleId } from '../../../shared/enums';
import type { RuleInfo } from '../../../shared/rules';

type RuleTexts = Readonly<Record<RuleId, RuleInfo>>;

let loaded: RuleTexts | null = null;
const loadRules = (): Promise<RuleTexts> => import('../../../shared/rules').then((m) => (loaded = m.RULES));

export function RuleList({ rules, label = '適用したルール' }: { rules: readonly RuleId[]; label?: string }) {
  const [texts, setTexts] = useState<RuleTexts | null>(loaded);
  useEffect(() => {
    if (texts !== null) return;
    let live = true;
    void loadRules().then((r) => {
      if (live) setTexts(r);
    });
    return () => {
      live = false;
    };
  }, [texts]);
  return (
    <ol className="rules" aria-label={label} aria-busy={texts === null}>
      {rules.map((id) => (
        <li key={id} className="rule" data-rule={id}>
          <span className="rule-id">{id}</span>
          {texts && (
            <span className="rule-body">
              <strong>{texts[id].title}</strong>
              <span className="rule-summary">{texts[id].summary}</span>
              <span className="rule-source">
                出典: {texts[id].source.name} <span className="url">{texts[id].source.url}</span>
              </span>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
