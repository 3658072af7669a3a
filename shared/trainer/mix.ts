// The mix of a pack (issue 13): how many of its scenarios exercise each rule and each visit type,
// so a trainer sees what a pack teaches and what it leaves out (a real desk sees mostly 再診). A
// scenario exercises the rules its decision lists — the deciding rule and those on top. Pure.
import { type RuleId, VISIT_TYPES, type VisitType } from '../enums';
import { LISTED_RULES } from '../rules';

export interface PackMix {
  /** every rule a decision can list, in the rule book's order, with the scenarios that list it (0 included) */
  rules: { rule: RuleId; scenarios: number }[];
  /** scenarios per visit type (初診, 再診) */
  visitTypes: Record<VisitType, number>;
}

export function packMix(rows: readonly { rules: readonly RuleId[]; visitType: VisitType }[]): PackMix {
  const byRule = new Map<RuleId, number>();
  const visitTypes = Object.fromEntries(VISIT_TYPES.map((v) => [v, 0])) as Record<VisitType, number>;
  for (const row of rows) {
    visitTypes[row.visitType] += 1;
    for (const rule of new Set(row.rules)) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  return {
    rules: LISTED_RULES.map((rule) => ({ rule, scenarios: byRule.get(rule) ?? 0 })),
    visitTypes,
  };
}
