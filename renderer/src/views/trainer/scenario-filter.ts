// Finding scenarios in a pack: by rule, by the engine's verdict, by visit date (和暦 or ISO, a
// range) and by a word of the title or the id (kana forms, width and spaces ignored).
import type { IsoDate } from '../../../../shared/dates';
import type { RuleId, Verdict } from '../../../../shared/enums';
import { normalizeForSearch } from '../../../../shared/kana';
import type { PackScenarioRow } from '../../../../shared/trainer/contract';
import { parseDate } from '../../../../shared/wareki';

export interface ScenarioFilter {
  rule: RuleId | '';
  verdict: Verdict | '';
  /** as typed (和暦 or ISO); empty: no bound */
  from: string;
  to: string;
  word: string;
}

export const NO_FILTER: ScenarioFilter = { rule: '', verdict: '', from: '', to: '', word: '' };

export type FilterResult = { ok: true; rows: PackScenarioRow[] } | { ok: false; error: string };

/** The rows the filter keeps, in their order; a date that is not one is said, in Japanese. */
export function filterScenarios(rows: readonly PackScenarioRow[], f: ScenarioFilter): FilterResult {
  const bound = (text: string, label: string): { ok: true; value: IsoDate | null } | { ok: false; error: string } => {
    if (text.trim() === '') return { ok: true, value: null };
    const r = parseDate(text);
    return r.ok ? { ok: true, value: r.value } : { ok: false, error: `${label}: ${r.error.ja}` };
  };
  const from = bound(f.from, '受診日 (から)');
  if (!from.ok) return from;
  const to = bound(f.to, '受診日 (まで)');
  if (!to.ok) return to;
  const word = normalizeForSearch(f.word);
  return {
    ok: true,
    rows: rows.filter(
      (s) =>
        (f.rule === '' || s.rules.includes(f.rule)) &&
        (f.verdict === '' || s.verdict === f.verdict) &&
        (from.value === null || s.visitDate >= from.value) &&
        (to.value === null || s.visitDate <= to.value) &&
        (word === '' || normalizeForSearch(`${s.title ?? ''} ${s.scenarioId}`).includes(word)),
    ),
  };
}
