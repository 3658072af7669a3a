// A validated scenario as the pack tables store it: what the engine decides for it in brief
// (verdict, copay, rules), whether the pack's `expected` agrees, and the pack form as JSON, with
// R18 checked on it. Pure (no database), so an import can prepare its rows in a thread of its own.
import { compareExpected, decideScenario } from '../../../shared/engine';
import type { Scenario } from '../../../shared/scenario';
import { toPackScenario } from '../../../shared/trainer/pack-io';
import { assertNoMyNumber } from '../privacy';

export interface ScenarioRow {
  scenarioId: string;
  title: string | null;
  visitDate: string;
  verdict: string;
  copayPercent: number;
  /** JSON array of rule ids */
  rules: string;
  /** 1 agrees, 0 disagrees, null: no `expected` */
  expectedOk: 0 | 1 | null;
  /** JSON array of the fields that disagree */
  mismatches: string;
  /** the scenario in the pack form */
  json: string;
}

/** What the engine says about a scenario (trainer mode decides with the defaults + the scenario's own policy). */
function analyze(s: Scenario) {
  const decision = decideScenario(s);
  const mismatches = s.expected ? compareExpected(s.expected, decision).map((m) => m.field) : [];
  return { decision, expectedOk: s.expected ? mismatches.length === 0 : null, mismatches };
}

export function scenarioRow(s: Scenario): ScenarioRow {
  const a = analyze(s);
  const json = JSON.stringify(toPackScenario(s));
  assertNoMyNumber(json, `scenario ${s.id}`);
  return {
    scenarioId: s.id,
    title: s.title,
    visitDate: s.visitDate,
    verdict: a.decision.verdict,
    copayPercent: a.decision.copayPercent,
    rules: JSON.stringify(a.decision.rules),
    expectedOk: a.expectedOk === null ? null : a.expectedOk ? 1 : 0,
    mismatches: JSON.stringify(a.mismatches),
    json,
  };
}
