// Reading a `shikaku-pack/1` file for import (issue 5 item 6): size first (before a byte is
// parsed), then JSON (shared/json-text.ts: the line and column of a syntax error, never a quote of the text), the
// format version, 12-digit numbers anywhere (R18: refused outright, never echoed), then the strict
// scenario validation of shared/scenario.ts. Every problem of every scenario is listed; the caller
// imports nothing unless the list is empty. `preparePack` adds the rows to store: pure CPU work
// with no database, so the backend's worker runs it in a thread of its own (../host/worker.ts).
import { MY_NUMBER_REFUSAL, redactMyNumber } from '../../../shared/identifiers';
import type { ScenarioIssue } from '../../../shared/issues';
import { parseJsonText } from '../../../shared/json-text';
import { PACK_FORMAT, parsePack, SCENARIO_FORMAT, type Scenario } from '../../../shared/scenario';
import { MAX_PACK_BYTES } from '../../../shared/trainer/contract';
import { findMyNumberPath } from '../privacy';
import { type ScenarioRow, scenarioRow } from './scenario-row';

type PackCheck =
  | { ok: true; title: string; scenarios: Scenario[]; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; warnings: ScenarioIssue[] };

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export function tooLargeIssue(bytes: number, maxBytes = MAX_PACK_BYTES): ScenarioIssue {
  return {
    scenarioId: null,
    path: '(file)',
    ja: `ファイルが大きすぎます (${mb(bytes)} MB)。読み込めるパックは ${mb(maxBytes)} MB までです。パックを分けてください`,
    en: `the file is too large (${mb(bytes)} MB); packs up to ${mb(maxBytes)} MB can be imported. Split the pack`,
  };
}

const fail = (issue: ScenarioIssue): PackCheck => ({ ok: false, issues: [issue], warnings: [] });

/** The text of a file, already decoded. */
function checkPackText(text: string): PackCheck {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PACK_BYTES) return fail(tooLargeIssue(bytes));
  const json = parseJsonText(text);
  if (!json.ok) return fail({ scenarioId: null, path: '(file)', ja: json.ja, en: json.en });
  return checkPackValue(json.value);
}

const indexOf = (path: string): number => {
  const m = /^scenarios\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : -1;
};

const redact = (i: ScenarioIssue): ScenarioIssue => ({
  scenarioId: i.scenarioId === null ? null : redactMyNumber(i.scenarioId),
  path: redactMyNumber(i.path),
  ja: redactMyNumber(i.ja),
  en: redactMyNumber(i.en),
});

/** A parsed JSON value. */
function checkPackValue(value: unknown): PackCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail({
      scenarioId: null,
      path: '(root)',
      ja: 'パックは JSON のオブジェクト ({ … }) です',
      en: 'a pack is a JSON object ({ … })',
    });
  }
  const format = (value as { format?: unknown }).format;
  if (format === SCENARIO_FORMAT) {
    return fail({
      scenarioId: null,
      path: 'format',
      ja: `これは1件のシナリオのファイル (${SCENARIO_FORMAT}) です。パック (${PACK_FORMAT}) の scenarios の中に入れてから読み込んでください`,
      en: `this is a single scenario file (${SCENARIO_FORMAT}); put it inside the scenarios of a pack (${PACK_FORMAT})`,
    });
  }
  if (format !== PACK_FORMAT) {
    const shown =
      typeof format === 'string' && format.length <= 40
        ? `"${redactMyNumber(format)}"`
        : format === undefined
          ? 'なし'
          : '不正な値';
    const shownEn =
      typeof format === 'string' && format.length <= 40
        ? `"${redactMyNumber(format)}"`
        : format === undefined
          ? 'missing'
          : 'not a string';
    return fail({
      scenarioId: null,
      path: 'format',
      ja: `パックの形式 (format) が違います: ${shown}。このアプリが読めるのは "${PACK_FORMAT}" です`,
      en: `wrong pack format version: ${shownEn}; this app reads "${PACK_FORMAT}"`,
    });
  }

  // R18: a 12-digit number anywhere is refused (the scenario validation only warns for 記号・番号).
  const issues: ScenarioIssue[] = [];
  const { scenarios: rawScenarios, ...head } = value as { scenarios?: unknown };
  const headPath = findMyNumberPath(head);
  if (headPath !== null)
    issues.push({ scenarioId: null, path: headPath, ja: MY_NUMBER_REFUSAL.ja, en: MY_NUMBER_REFUSAL.en });
  if (Array.isArray(rawScenarios)) {
    rawScenarios.forEach((raw, i) => {
      const p = findMyNumberPath(raw);
      if (p === null) return;
      const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      issues.push({
        scenarioId: typeof rawId === 'string' ? redactMyNumber(rawId) : null,
        path: `scenarios[${i}]${p === '(root)' ? '' : p.startsWith('[') ? p : `.${p}`}`,
        ja: MY_NUMBER_REFUSAL.ja,
        en: MY_NUMBER_REFUSAL.en,
      });
    });
  }

  const r = parsePack(value);
  if (r.ok && r.scenarios.length === 0) {
    issues.push({
      scenarioId: null,
      path: 'scenarios',
      ja: 'シナリオが1件もありません',
      en: 'the pack has no scenarios',
    });
  }
  // the R18 issue already covers a field the validation also refuses (a 12-digit 保険者番号)
  if (!r.ok) issues.push(...r.issues.filter((x) => !issues.some((i) => i.path === x.path)));
  const warnings = r.warnings.filter((w) => !issues.some((i) => i.path === w.path)).map(redact);
  if (issues.length > 0) {
    const sorted = issues.map(redact).sort((a, b) => indexOf(a.path) - indexOf(b.path));
    return { ok: false, issues: sorted, warnings };
  }
  if (!r.ok) throw new Error('unreachable');
  return { ok: true, title: r.title ?? '', scenarios: r.scenarios, warnings };
}

/** A checked pack with the rows to store, or every problem found. */
export type PreparedPack =
  | { ok: true; title: string; rows: ScenarioRow[]; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; warnings: ScenarioIssue[] };

const prepared = (check: PackCheck): PreparedPack =>
  check.ok ? { ok: true, title: check.title, rows: check.scenarios.map(scenarioRow), warnings: check.warnings } : check;

/** The text of a pack file → its rows (in one go, on this thread). */
export const preparePack = (text: string): PreparedPack => prepared(checkPackText(text));

/** A parsed pack (the bundled one) → its rows. */
export const preparePackValue = (value: unknown): PreparedPack => prepared(checkPackValue(value));
