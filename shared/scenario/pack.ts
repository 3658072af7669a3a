// A file that is a scenario or a pack (SCENARIO.md): each scenario validated by ./normalize.ts,
// ids unique within the pack; every bad scenario is listed, and nothing is returned partially.
import { redactMyNumber } from '../identifiers';
import type { InputIssue, ScenarioIssue } from '../issues';
import { parseIssues } from '../zod-issues';
import { myNumberIssue, parseScenario } from './normalize';
import { packHeadSchema } from './schema';
import { PACK_FORMAT, SCENARIO_FORMAT, type Scenario } from './types';

export type DocumentParse =
  | { ok: true; kind: 'scenario' | 'pack'; title: string | null; scenarios: Scenario[]; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; warnings: ScenarioIssue[] };

/** A parsed JSON value that is either a scenario file or a pack. Lists every bad scenario. */
export function parseScenarioDocument(input: unknown): DocumentParse {
  const fmt = typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined;
  if (fmt === PACK_FORMAT) return parsePack(input);
  if (fmt === SCENARIO_FORMAT) {
    const r = parseScenario(input);
    const id = typeof (input as { id?: unknown }).id === 'string' ? redactMyNumber((input as { id: string }).id) : null;
    const tag = (i: InputIssue): ScenarioIssue => ({ ...i, scenarioId: id });
    return r.ok
      ? { ok: true, kind: 'scenario', title: r.scenario.title, scenarios: [r.scenario], warnings: r.warnings.map(tag) }
      : { ok: false, issues: r.issues.map(tag), warnings: r.warnings.map(tag) };
  }
  return {
    ok: false,
    issues: [
      {
        scenarioId: null,
        path: 'format',
        ja: `ファイルの形式の指定が違います ("${SCENARIO_FORMAT}" か "${PACK_FORMAT}" にしてください)`,
        en: `format must be "${SCENARIO_FORMAT}" or "${PACK_FORMAT}"`,
      },
    ],
    warnings: [],
  };
}

export function parsePack(input: unknown): DocumentParse {
  // R18 in the pack's own fields (its title …); each scenario is checked by parseScenario
  const { scenarios: _scenarios, ...own } = (typeof input === 'object' && input !== null ? input : {}) as {
    scenarios?: unknown;
  };
  const r18 = myNumberIssue(own);
  if (r18 !== null) return { ok: false, issues: [{ ...r18, scenarioId: null }], warnings: [] };
  const head = parseIssues(packHeadSchema, input);
  if (!head.ok) return { ok: false, issues: head.issues.map((i) => ({ ...i, scenarioId: null })), warnings: [] };
  const issues: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const scenarios: Scenario[] = [];
  const seen = new Map<string, number>();
  head.value.scenarios.forEach((raw, i) => {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const scenarioId = typeof rawId === 'string' ? redactMyNumber(rawId) : null;
    const prefix = (p: string) => `scenarios[${i}]${p === '(root)' ? '' : p.startsWith('[') ? p : `.${p}`}`;
    const r = parseScenario(raw, { inPack: true });
    warnings.push(...r.warnings.map((w) => ({ ...w, path: prefix(w.path), scenarioId })));
    if (!r.ok) {
      issues.push(...r.issues.map((x) => ({ ...x, path: prefix(x.path), scenarioId })));
      return;
    }
    const prev = seen.get(r.scenario.id);
    if (prev !== undefined) {
      issues.push({
        scenarioId,
        path: prefix('id'),
        ja: `例題の ID が重複しています (${prev + 1}件目の例題と同じ)`,
        en: `duplicate scenario id (same as scenarios[${prev}])`,
      });
      return;
    }
    seen.set(r.scenario.id, i);
    scenarios.push(r.scenario);
  });
  return issues.length
    ? { ok: false, issues, warnings }
    : { ok: true, kind: 'pack', title: head.value.title, scenarios, warnings };
}
