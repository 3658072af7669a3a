// The live check of the draft: the very validation an import uses (parseScenario), then the
// engine's decision and how the scenario's `expected` compares with it.
import { useMemo } from 'react';
import { compareExpected, decideScenario } from '../../../../../shared/engine';
import type { ScenarioIssue } from '../../../../../shared/issues';
import type { Decision } from '../../../../../shared/decision';
import { parseScenario, type Scenario } from '../../../../../shared/scenario';
import type { Json } from './draft';

export interface DraftCheck {
  issues: ScenarioIssue[];
  /** null while there are issues */
  decision: Decision | null;
  /** the fields of `expected` that differ from the decision */
  mismatches: string[];
  /** the scenario as the engine read it; null while there are issues */
  scenario: Scenario | null;
}

export function useDraftCheck(draft: Json): DraftCheck {
  return useMemo(() => {
    const r = parseScenario(draft, { inPack: true });
    if (!r.ok)
      return {
        issues: r.issues.map((i) => ({ ...i, scenarioId: null })),
        decision: null,
        mismatches: [],
        scenario: null,
      };
    const decision = decideScenario(r.scenario);
    const mismatches = r.scenario.expected ? compareExpected(r.scenario.expected, decision).map((m) => m.field) : [];
    return { issues: [], decision, mismatches, scenario: r.scenario };
  }, [draft]);
}
