// Input problems as people read them: the field's path (patient.coverages[0].insurerNumber), a
// Japanese and an English message, never a 12-digit number (R18). Zod's issues are translated by
// ./zod-issues.ts.
import { redactMyNumber } from './identifiers';

export interface InputIssue {
  /** field path inside the scenario, pack or request, e.g. `patient.coverages[0].insurerNumber` */
  path: string;
  ja: string;
  en: string;
}

export interface ScenarioIssue extends InputIssue {
  scenarioId: string | null;
}

/** Joins a path the way people read it: patient.coverages[0].insurerNumber */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

/** formatPath's inverse: `coverages[0].insurerNumber` → ['coverages', 0, 'insurerNumber']; '(root)' → []. */
export const pathSegments = (at: string): (string | number)[] =>
  at === '(root)'
    ? []
    : at
        .split(/[.[\]]/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export const redactIssue = <I extends InputIssue>(i: I): I => ({
  ...i,
  path: redactMyNumber(i.path),
  ja: redactMyNumber(i.ja),
  en: redactMyNumber(i.en),
});

/** One line per issue: file, scenario (or what `label` names), field, Japanese and English (never a 12-digit number). */
export function formatIssue(file: string | null, issue: ScenarioIssue, label = 'シナリオ/scenario'): string {
  const where = [file ?? '(input)', issue.scenarioId !== null ? `${label} "${issue.scenarioId}"` : null, issue.path]
    .filter((x) => x !== null)
    .join(': ');
  return redactMyNumber(`${where}: ${issue.ja} / ${issue.en}`);
}
