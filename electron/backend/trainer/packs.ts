// Packs and their scenarios in SQLite: import (all or nothing), export, authoring (create, edit,
// duplicate, reorder, delete) and the bundled default pack. Every scenario that is stored has
// passed the same validation as an import; with it the repository keeps what the engine decides
// for it (verdict, copay, rules) and whether the pack's `expected` agrees.
import type { Database } from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RuleId } from '../../../shared/enums';
import { MY_NUMBER_REFUSAL, redactMyNumber } from '../../../shared/identifiers';
import type { ScenarioIssue } from '../../../shared/issues';
import { parseScenario, type Scenario } from '../../../shared/scenario';
import type {
  PackDetail,
  PackScenarioRow,
  PackSource,
  PackSummary,
  SaveScenarioOutcome,
} from '../../../shared/trainer/contract';
import { exportPackJson } from '../../../shared/trainer/pack-io';
import { AppError } from '../errors';
import { inTransaction } from '../db/transaction';
import { assertNoMyNumber, findMyNumberPath } from '../privacy';
import { jstIsoTimestamp } from '../time';
import { type ScenarioRow, scenarioRow } from './scenario-row';

interface PackDbRow {
  id: number;
  title: string;
  source: PackSource;
  file_name: string | null;
  created_at: string;
  updated_at: string;
  scenario_count: number;
  mismatch_count: number;
}

interface ScenarioDbRow {
  scenario_id: string;
  position: number;
  title: string | null;
  visit_date: string;
  visit_type: PackScenarioRow['visitType'];
  verdict: PackScenarioRow['verdict'];
  copay_percent: PackScenarioRow['copayPercent'];
  rules: string;
  expected_ok: number | null;
  mismatches: string;
}

/** Every pack but one still being imported (../trainer/schema.ts, trainer_import). */
const VISIBLE = 'p.id NOT IN (SELECT pack_id FROM trainer_import)';

const SUMMARY_SQL = `SELECT p.id, p.title, p.source, p.file_name, p.created_at, p.updated_at,
  (SELECT COUNT(*) FROM trainer_pack_scenario s WHERE s.pack_id = p.id) AS scenario_count,
  (SELECT COUNT(*) FROM trainer_pack_scenario s WHERE s.pack_id = p.id AND s.expected_ok = 0) AS mismatch_count
  FROM trainer_pack p WHERE ${VISIBLE}`;

const toSummary = (r: PackDbRow): PackSummary => ({
  id: r.id,
  title: r.title,
  source: r.source,
  fileName: r.file_name,
  scenarioCount: r.scenario_count,
  mismatchCount: r.mismatch_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (r: ScenarioDbRow): PackScenarioRow => ({
  scenarioId: r.scenario_id,
  position: r.position,
  title: r.title,
  visitDate: r.visit_date,
  visitType: r.visit_type,
  verdict: r.verdict,
  copayPercent: r.copay_percent,
  rules: JSON.parse(r.rules) as RuleId[],
  expectedMatches: r.expected_ok === null ? null : r.expected_ok === 1,
  mismatches: JSON.parse(r.mismatches) as string[],
});

/** A row as the pack view lists it; the visit type is read from the stored pack form (always written). */
const SCENARIO_ROW_COLUMNS = `scenario_id, position, title, visit_date, json_extract(scenario_json, '$.visitType') AS visit_type,
  verdict, copay_percent, rules, expected_ok, mismatches`;

const ROW_COLUMNS =
  'scenario_id, position, title, visit_date, verdict, copay_percent, rules, expected_ok, mismatches, scenario_json';

/** Rows per transaction while a large import is written (the backend answers other calls between). */
const ROWS_PER_TRANSACTION = 500;

/** One scenario as the authoring form sends it: the same checks as an import (R18 included). */
export function checkScenarioValue(
  raw: unknown,
):
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; warnings: ScenarioIssue[] } {
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const scenarioId = typeof rawId === 'string' ? redactMyNumber(rawId) : null;
  const my = findMyNumberPath(raw);
  if (my !== null)
    return {
      ok: false,
      issues: [{ scenarioId, path: my, ja: MY_NUMBER_REFUSAL.ja, en: MY_NUMBER_REFUSAL.en }],
      warnings: [],
    };
  const r = parseScenario(raw, { inPack: true });
  const tag = (i: { path: string; ja: string; en: string }): ScenarioIssue => ({ ...i, scenarioId });
  return r.ok
    ? { ok: true, scenario: r.scenario, warnings: r.warnings.map(tag) }
    : { ok: false, issues: r.issues.map(tag), warnings: r.warnings.map(tag) };
}

export class PackRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  private stamp(): string {
    return jstIsoTimestamp(this.now());
  }

  list(): PackSummary[] {
    return (this.db.prepare(`${SUMMARY_SQL} ORDER BY p.id`).all() as PackDbRow[]).map(toSummary);
  }

  summary(packId: number): PackSummary {
    const r = this.db.prepare(`${SUMMARY_SQL} AND p.id = ?`).get(packId) as PackDbRow | undefined;
    if (!r) throw new AppError('not-found', `パックが見つかりません (番号 ${packId})`, `no such pack (${packId})`);
    return toSummary(r);
  }

  get(packId: number): PackDetail {
    const pack = this.summary(packId);
    const rows = this.db
      .prepare(
        `SELECT ${SCENARIO_ROW_COLUMNS}
         FROM trainer_pack_scenario WHERE pack_id = ? ORDER BY position`,
      )
      .all(packId) as ScenarioDbRow[];
    return { pack, scenarios: rows.map(toRow) };
  }

  private row(packId: number, scenarioId: string): PackScenarioRow {
    const r = this.db
      .prepare(
        `SELECT ${SCENARIO_ROW_COLUMNS}
         FROM trainer_pack_scenario WHERE pack_id = ? AND scenario_id = ?`,
      )
      .get(packId, scenarioId) as ScenarioDbRow | undefined;
    if (!r) throw notFoundScenario(scenarioId);
    return toRow(r);
  }

  /** The pack form of one scenario. */
  scenarioJson(packId: number, scenarioId: string): Record<string, unknown> {
    this.summary(packId);
    const r = this.db
      .prepare('SELECT scenario_json FROM trainer_pack_scenario WHERE pack_id = ? AND scenario_id = ?')
      .get(packId, scenarioId) as { scenario_json: string } | undefined;
    if (!r) throw notFoundScenario(scenarioId);
    return JSON.parse(r.scenario_json) as Record<string, unknown>;
  }

  /** Every scenario of a pack, in order, validated again on the way out. */
  scenarios(packId: number): Scenario[] {
    this.summary(packId);
    const rows = this.db
      .prepare('SELECT scenario_id, scenario_json FROM trainer_pack_scenario WHERE pack_id = ? ORDER BY position')
      .all(packId) as {
      scenario_id: string;
      scenario_json: string;
    }[];
    return rows.map((r) => {
      const p = parseScenario(JSON.parse(r.scenario_json), { inPack: true });
      if (!p.ok)
        throw new AppError(
          'internal',
          `保存されたシナリオが読めません: ${r.scenario_id}`,
          `a stored scenario does not validate: ${r.scenario_id}`,
        );
      return p.scenario;
    });
  }

  private insertScenario(packId: number, position: number, s: Scenario): void {
    this.insertRows(packId, [scenarioRow(s)], position);
  }

  private insertRows(packId: number, rows: readonly ScenarioRow[], first: number): void {
    const st = this.db.prepare(
      `INSERT INTO trainer_pack_scenario (pack_id, ${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    rows.forEach((r, i) =>
      st.run(
        packId,
        r.scenarioId,
        first + i,
        r.title,
        r.visitDate,
        r.verdict,
        r.copayPercent,
        r.rules,
        r.expectedOk,
        r.mismatches,
        r.json,
      ),
    );
  }

  private touch(packId: number): void {
    this.db.prepare('UPDATE trainer_pack SET updated_at = ? WHERE id = ?').run(this.stamp(), packId);
  }

  private insertPack(title: string, source: PackSource, fileName: string | null): number {
    assertNoMyNumber(title, 'title');
    if (fileName !== null) assertNoMyNumber(fileName, 'fileName');
    const t = this.stamp();
    return Number(
      this.db
        .prepare('INSERT INTO trainer_pack (title, source, file_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(title, source, fileName, t, t).lastInsertRowid,
    );
  }

  /** A small validated pack (the bundled one), in one transaction: every scenario or none. */
  importRows(title: string, rows: readonly ScenarioRow[], source: PackSource, fileName: string | null): PackSummary {
    const id = inTransaction(this.db, () => {
      const packId = this.insertPack(packTitle(title), source, fileName);
      this.insertRows(packId, rows, 0);
      return packId;
    });
    return this.summary(id);
  }

  /**
   * A validated pack of any size (up to 20 MB), all or nothing, without holding the backend for
   * the whole write: the pack is created invisible (trainer_import), its rows are written in
   * transactions of ROWS_PER_TRANSACTION with a turn of the event loop between them (other calls
   * are answered there), and one last small transaction makes it visible, whole. A failure
   * deletes what was written; an app stopped half-way leaves an invisible pack that the next
   * start deletes (dropUnfinishedImports).
   */
  async importInTurns(
    title: string,
    rows: readonly ScenarioRow[],
    source: PackSource,
    fileName: string | null,
  ): Promise<PackSummary> {
    const packId = inTransaction(this.db, () => {
      const id = this.insertPack(packTitle(title), source, fileName);
      this.db.prepare('INSERT INTO trainer_import (pack_id) VALUES (?)').run(id);
      return id;
    });
    try {
      for (let first = 0; first < rows.length; first += ROWS_PER_TRANSACTION) {
        await nextTurn();
        inTransaction(this.db, () => this.insertRows(packId, rows.slice(first, first + ROWS_PER_TRANSACTION), first));
      }
      inTransaction(this.db, () => this.db.prepare('DELETE FROM trainer_import WHERE pack_id = ?').run(packId));
    } catch (e) {
      try {
        inTransaction(this.db, () => this.db.prepare('DELETE FROM trainer_pack WHERE id = ?').run(packId));
      } catch {
        // still invisible; the next start deletes it (dropUnfinishedImports)
      }
      throw e;
    }
    return this.summary(packId);
  }

  /** Deletes the packs an import left unfinished (the app stopped during it); on every start. */
  dropUnfinishedImports(): number {
    return inTransaction(
      this.db,
      () => this.db.prepare('DELETE FROM trainer_pack WHERE id IN (SELECT pack_id FROM trainer_import)').run().changes,
    );
  }

  exportJson(packId: number): { title: string; json: string; scenarios: number } {
    const { title } = this.summary(packId);
    const scenarios = this.scenarios(packId);
    return { title, json: exportPackJson(title, scenarios), scenarios: scenarios.length };
  }

  create(title: string): PackSummary {
    const id = inTransaction(this.db, () => this.insertPack(title.trim(), 'authored', null));
    return this.summary(id);
  }

  rename(packId: number, title: string): PackSummary {
    this.summary(packId);
    assertNoMyNumber(title, 'title');
    inTransaction(this.db, () =>
      this.db
        .prepare('UPDATE trainer_pack SET title = ?, updated_at = ? WHERE id = ?')
        .run(title.trim(), this.stamp(), packId),
    );
    return this.summary(packId);
  }

  delete(packId: number): boolean {
    return inTransaction(
      this.db,
      () => this.db.prepare(`DELETE FROM trainer_pack AS p WHERE id = ? AND ${VISIBLE}`).run(packId).changes > 0,
    );
  }

  /** The scenario ids of a pack, in order (cheap: no JSON is read). */
  scenarioIds(packId: number): string[] {
    this.summary(packId);
    return this.ids(packId);
  }

  /** The ids, in order, of the scenarios whose decision applies one of `rules`. */
  scenarioIdsWithRules(packId: number, rules: readonly RuleId[]): string[] {
    const wanted = new Set(rules);
    return this.get(packId)
      .scenarios.filter((s) => s.rules.some((r) => wanted.has(r)))
      .map((s) => s.scenarioId);
  }

  /** Some scenarios of a pack, in the order asked for. */
  scenariosById(packId: number, ids: readonly string[]): Scenario[] {
    this.summary(packId);
    const st = this.db.prepare('SELECT scenario_json FROM trainer_pack_scenario WHERE pack_id = ? AND scenario_id = ?');
    return ids.map((id) => {
      const r = st.get(packId, id) as { scenario_json: string } | undefined;
      if (!r) throw notFoundScenario(id);
      const p = parseScenario(JSON.parse(r.scenario_json), { inPack: true });
      if (!p.ok)
        throw new AppError(
          'internal',
          `保存されたシナリオが読めません: ${id}`,
          `a stored scenario does not validate: ${id}`,
        );
      return p.scenario;
    });
  }

  private ids(packId: number): string[] {
    return (
      this.db
        .prepare('SELECT scenario_id FROM trainer_pack_scenario WHERE pack_id = ? ORDER BY position')
        .all(packId) as { scenario_id: string }[]
    ).map((r) => r.scenario_id);
  }

  private renumber(packId: number, ids: readonly string[]): void {
    const st = this.db.prepare('UPDATE trainer_pack_scenario SET position = ? WHERE pack_id = ? AND scenario_id = ?');
    ids.forEach((id, i) => st.run(i, packId, id));
  }

  /** Create (no `replaces`) or edit one scenario; on any problem nothing changes and every issue is listed. */
  saveScenario(packId: number, raw: unknown, replaces?: string): SaveScenarioOutcome {
    this.summary(packId);
    const c = checkScenarioValue(raw);
    if (!c.ok) return { row: null, issues: c.issues, warnings: c.warnings };
    const s = c.scenario;
    const ids = this.ids(packId);
    if (replaces !== undefined && !ids.includes(replaces)) throw notFoundScenario(replaces);
    if (s.id !== replaces && ids.includes(s.id)) {
      return {
        row: null,
        issues: [
          {
            scenarioId: s.id,
            path: 'id',
            ja: `このパックには同じ id のシナリオがすでにあります: ${s.id}`,
            en: `the pack already has a scenario with this id: ${s.id}`,
          },
        ],
        warnings: c.warnings,
      };
    }
    inTransaction(this.db, () => {
      let position = ids.length;
      if (replaces !== undefined) {
        position = ids.indexOf(replaces);
        this.db
          .prepare('DELETE FROM trainer_pack_scenario WHERE pack_id = ? AND scenario_id = ?')
          .run(packId, replaces);
      }
      this.insertScenario(packId, position, s);
      this.touch(packId);
    });
    return { row: this.row(packId, s.id), issues: [], warnings: c.warnings };
  }

  duplicate(packId: number, scenarioId: string): PackScenarioRow {
    const ids = this.scenarioIds(packId);
    const at = ids.indexOf(scenarioId);
    if (at < 0) throw notFoundScenario(scenarioId);
    const original = this.scenarios(packId)[at]!;
    const base = `${scenarioId.slice(0, 70)}-copy`;
    let id = base;
    for (let n = 2; ids.includes(id); n += 1) id = `${base}-${n}`;
    const copy: Scenario = { ...original, id, title: `${original.title ?? scenarioId} (コピー)` };
    inTransaction(this.db, () => {
      this.insertScenario(packId, ids.length, copy);
      this.renumber(packId, [...ids.slice(0, at + 1), id, ...ids.slice(at + 1)]);
      this.touch(packId);
    });
    return this.row(packId, id);
  }

  deleteScenario(packId: number, scenarioId: string): boolean {
    this.summary(packId);
    return inTransaction(this.db, () => {
      const gone =
        this.db
          .prepare('DELETE FROM trainer_pack_scenario WHERE pack_id = ? AND scenario_id = ?')
          .run(packId, scenarioId).changes > 0;
      if (gone) {
        this.renumber(packId, this.ids(packId));
        this.touch(packId);
      }
      return gone;
    });
  }

  move(packId: number, scenarioId: string, to: number): PackDetail {
    const ids = this.scenarioIds(packId);
    const from = ids.indexOf(scenarioId);
    if (from < 0) throw notFoundScenario(scenarioId);
    const target = Math.min(Math.max(0, to), ids.length - 1);
    if (target !== from) {
      ids.splice(from, 1);
      ids.splice(target, 0, scenarioId);
      inTransaction(this.db, () => {
        this.renumber(packId, ids);
        this.touch(packId);
      });
    }
    return this.get(packId);
  }
}

const packTitle = (title: string) => title.trim() || '(名前のないパック)';

function notFoundScenario(id: string): AppError {
  return new AppError('not-found', `シナリオが見つかりません: ${id}`, `no such scenario: ${id}`);
}
