// Check history (資格確認の記録): every decision, append-only. There is no update or delete here,
// and triggers in the schema refuse them whatever the caller. Indexed columns (day, verdict,
// patient) serve the history screen; the full scenario (or, for 受付ナビ's real patients, the
// observation), decision and national result document are kept as JSON.
import type { Database, Statement } from 'better-sqlite3';
import type { HistoryCheck, HistoryRow } from '../../../shared/contract';
import type { ParsedInput } from '../../../shared/contract/kernel';
import type { Decision } from '../../../shared/decision';
import type { IsoDate } from '../../../shared/dates';
import type { Verdict } from '../../../shared/enums';
import type { Observation } from '../../../shared/observation';
import type { OnshiDocument } from '../../../shared/onshi-document';
import type { Scenario } from '../../../shared/scenario';
import { AppError, fromSystemError } from '../errors';
import { inTransaction } from '../db/transaction';
import { assertNoMyNumber, assertNoMyNumberDeep } from '../privacy';
import { pathJa } from '../../../shared/field-names';
import { normalizeForSearch } from '../../../shared/kana';
import { likeEscape } from '../registry/repository';
import { jstIsoTimestamp } from '../time';

export type HistoryMode = HistoryRow['mode'];

interface EntryCommon {
  /** when the check was made (default: now) */
  at?: Date;
  operator?: string | null;
  decision: Decision;
}

/** A check of the desk or the trainer: a scenario, perhaps a registry patient. */
export interface ScenarioEntry extends EntryCommon {
  mode: 'desk' | 'trainer';
  /** registry patient id (string of digits, as in the API contract) or null (a pack scenario, a walk-in) */
  patientId?: string | number | null;
  /** the patient's name at the time of the check (kept even if the patient is later deleted) */
  patientName?: string | null;
  scenario: Scenario;
  /** the national-format result document, or null when no query reached the system */
  result?: OnshiDocument | null;
}

/** 受付ナビ: a real patient — what the desk saw, and nothing of the person (no name, no id). */
interface RealDeskEntry extends EntryCommon {
  mode: 'real-desk';
  observation: Observation;
}

export type HistoryEntry = ScenarioEntry | RealDeskEntry;

export type HistoryRecord = HistoryRow & {
  decision: Decision;
  result: OnshiDocument | null;
} & ({ scenario: Scenario; observation: null } | { scenario: null; observation: Observation });

/**
 * The history screen's filter as the contract parsed it (from/to: ISO days of the check, in
 * Japan, inclusive; patientId: digits), and the mode for the backend's own use.
 */
export type HistoryFilter = ParsedInput<'history.exportCsv'> & { mode?: HistoryMode };

/** Keyset cursor: the (day, id) of the last row seen. */
export interface HistoryCursor {
  day: string;
  id: number;
}

/** The INSERT every writer uses (the crash-test child process included). Named parameters. */
export const HISTORY_INSERT_SQL = `INSERT INTO check_history
  (at, day, visit_date, mode, operator, patient_id, patient_name, scenario_id, verdict, copay_percent, rules, scenario_json, decision_json, result_json, observation_json)
  VALUES (@at, @day, @visitDate, @mode, @operator, @patientId, @patientName, @scenarioId, @verdict, @copayPercent, @rules, @scenarioJson, @decisionJson, @resultJson, @observationJson)`;

export interface HistoryInsertParams {
  at: string;
  day: string;
  visitDate: string;
  mode: HistoryMode;
  operator: string | null;
  patientId: number | null;
  patientName: string | null;
  scenarioId: string;
  verdict: Verdict;
  copayPercent: number;
  rules: string;
  scenarioJson: string | null;
  decisionJson: string;
  resultJson: string | null;
  observationJson: string | null;
}

/** The summary of a row; whether the copay is provisional is read from the decision itself (one source). */
const SUMMARY_COLUMNS =
  "id, at, day, visit_date, mode, operator, patient_id, patient_name, scenario_id, verdict, copay_percent, rules, json_extract(decision_json, '$.copayProvisional') AS copay_provisional";

interface SummaryDbRow {
  id: number;
  at: string;
  day: string;
  visit_date: string;
  mode: HistoryMode;
  operator: string | null;
  patient_id: number | null;
  patient_name: string | null;
  scenario_id: string;
  verdict: Verdict;
  copay_percent: number;
  rules: string;
  copay_provisional: number | null;
}
interface FullDbRow extends SummaryDbRow {
  scenario_json: string | null;
  decision_json: string;
  result_json: string | null;
  observation_json: string | null;
}

const FULL_COLUMNS = `${SUMMARY_COLUMNS}, scenario_json, decision_json, result_json, observation_json`;

function toRecord(r: FullDbRow): HistoryRecord {
  const common = {
    ...toRow(r),
    decision: JSON.parse(r.decision_json) as Decision,
    result: r.result_json === null ? null : (JSON.parse(r.result_json) as OnshiDocument),
  };
  return r.observation_json !== null
    ? { ...common, scenario: null, observation: JSON.parse(r.observation_json) as Observation }
    : { ...common, scenario: JSON.parse(r.scenario_json!) as Scenario, observation: null };
}

function toRow(r: SummaryDbRow): HistoryRow {
  return {
    id: r.id,
    at: r.at,
    mode: r.mode,
    operator: r.operator,
    patientId: r.patient_id === null ? null : String(r.patient_id),
    patientName: r.patient_name,
    visitDate: r.visit_date,
    verdict: r.verdict,
    copayPercent: r.copay_percent,
    copayProvisional: r.copay_provisional === 1,
    rules: r.rules === '' ? [] : r.rules.split(' '),
    scenarioId: r.scenario_id,
  };
}

function badEntry(field: string, ja: string, en: string): AppError {
  return new AppError('invalid-input', `履歴: ${pathJa(field)}: ${ja}`, `history: ${field}: ${en}`, { field });
}

/**
 * Turns an entry into the insert parameters (exported for the bench and tests). The scenario and
 * decision are the engine's typed values; what is checked here is cheap and guards the record
 * itself: the mode, the lengths, and R18 over everything that is stored.
 */
export function toInsertParams(entry: HistoryEntry): HistoryInsertParams {
  if (entry.mode !== 'desk' && entry.mode !== 'trainer' && entry.mode !== 'real-desk')
    throw badEntry('mode', 'desk か trainer か real-desk を指定してください', 'must be desk, trainer or real-desk');
  const operator = entry.operator == null ? null : String(entry.operator).trim() || null;
  if (operator !== null && operator.length > 40)
    throw badEntry('operator', '担当者名は40文字以内です', 'at most 40 characters');
  const patientName = entry.mode === 'real-desk' ? null : (entry.patientName ?? null);
  if (patientName !== null && (typeof patientName !== 'string' || patientName.length > 80))
    throw badEntry('patientName', '80文字以内の文字列です', 'a string of at most 80 characters');
  const pid = entry.mode === 'real-desk' ? null : (entry.patientId ?? null);
  const patientId = pid === null ? null : typeof pid === 'number' ? pid : /^\d{1,15}$/.test(pid) ? Number(pid) : NaN;
  if (patientId !== null && !(Number.isSafeInteger(patientId) && patientId >= 0))
    throw badEntry('patientId', '患者IDが正しくありません', 'bad patient id');
  const { decision } = entry;
  const input = entry.mode === 'real-desk' ? entry.observation : entry.scenario;
  assertNoMyNumber(operator, 'operator');
  assertNoMyNumber(patientName, 'patientName');
  const inputJson = JSON.stringify(input);
  const decisionJson = JSON.stringify(decision);
  const result = entry.mode === 'real-desk' ? null : (entry.result ?? null);
  const resultJson = result === null ? null : JSON.stringify(result);
  assertNoMyNumberDeep(input, entry.mode === 'real-desk' ? 'observation' : 'scenario', inputJson);
  assertNoMyNumberDeep(decision, 'decision', decisionJson);
  if (resultJson !== null) assertNoMyNumberDeep(result, 'result', resultJson);
  const at = jstIsoTimestamp(entry.at ?? new Date());
  return {
    at,
    day: at.slice(0, 10),
    visitDate: input.visitDate,
    mode: entry.mode,
    operator,
    patientId,
    patientName,
    scenarioId: input.id,
    verdict: decision.verdict,
    copayPercent: decision.copayPercent,
    rules: decision.rules.join(' '),
    scenarioJson: entry.mode === 'real-desk' ? null : inputJson,
    decisionJson,
    resultJson,
    observationJson: entry.mode === 'real-desk' ? inputJson : null,
  };
}

/**
 * A record as its screen showed it (the history reopens it with the shared decision panel): a desk
 * or trainer row from its scenario, a 受付ナビ row from its observation; only a registry patient's
 * desk row has a name on the slip.
 */
export function historyCheck(r: HistoryRecord): HistoryCheck {
  const { scenario, observation, decision, result, ...row } = r;
  const source = scenario ?? observation;
  return {
    row,
    decision,
    visitDate: source.visitDate,
    clinic: source.clinic,
    onlineDocument: result,
    slipName: row.mode === 'desk' ? row.patientName : null,
  };
}

export class HistoryRepository {
  private readonly insertStmt: Statement<HistoryInsertParams>;
  private readonly getStmt: Statement<[number]>;
  private readonly firstVisitStmt: Statement<[number]>;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(HISTORY_INSERT_SQL);
    this.getStmt = db.prepare(`SELECT ${FULL_COLUMNS} FROM check_history WHERE id = ?`);
    this.firstVisitStmt = db.prepare(
      "SELECT min(visit_date) AS d FROM check_history WHERE patient_id = ? AND mode = 'desk'",
    );
  }

  /** The first visit date the desk recorded for a registry patient (a later visit is a 再診), or null. */
  firstDeskVisit(patientId: number): IsoDate | null {
    return (this.firstVisitStmt.get(patientId) as { d: IsoDate | null }).d;
  }

  /** Records one check; returns its id. Durable when this returns (WAL, synchronous=FULL). */
  append(entry: HistoryEntry): number {
    const params = toInsertParams(entry);
    try {
      return Number(this.insertStmt.run(params).lastInsertRowid);
    } catch (e) {
      throw fromSystemError(e, this.db.name);
    }
  }

  /** Records several checks in one transaction: all or none. */
  appendMany(entries: readonly HistoryEntry[]): number[] {
    const params = entries.map(toInsertParams);
    return this.appendParams(params);
  }

  /** Inserts already validated rows in one transaction (the bench's batched path). */
  appendParams(params: readonly HistoryInsertParams[]): number[] {
    return inTransaction(this.db, () => params.map((p) => Number(this.insertStmt.run(p).lastInsertRowid)));
  }

  get(id: number): HistoryRecord | null {
    const r = this.getStmt.get(id) as FullDbRow | undefined;
    return r ? toRecord(r) : null;
  }

  private where(filter: HistoryFilter): { sql: string; params: Record<string, unknown> } {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.from !== undefined) {
      parts.push('day >= @from');
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      parts.push('day <= @to');
      params.to = filter.to;
    }
    if (filter.patientId !== undefined) {
      parts.push('patient_id = @patientId');
      params.patientId = Number(filter.patientId);
    }
    if (filter.patient !== undefined && normalizeForSearch(filter.patient) !== '') {
      // the registry's name or reading (normalised there), or the name recorded with the row
      // (kept when the patient has since been deleted); spaces and kana forms never matter
      parts.push(
        "(patient_id IN (SELECT id FROM person WHERE name_search LIKE @patient ESCAPE '\\' OR kana_search LIKE @patient ESCAPE '\\')" +
          " OR replace(replace(patient_name, ' ', ''), '　', '') LIKE @patient ESCAPE '\\')",
      );
      params.patient = `%${likeEscape(normalizeForSearch(filter.patient))}%`;
    }
    if (filter.verdict !== undefined) {
      parts.push('verdict = @verdict');
      params.verdict = filter.verdict;
    }
    if (filter.mode !== undefined) {
      parts.push('mode = @mode');
      params.mode = filter.mode;
    }
    return { sql: parts.length ? parts.join(' AND ') : '1', params };
  }

  private stmtCache = new Map<string, Statement>();
  private stmt(sql: string): Statement {
    let s = this.stmtCache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmtCache.set(sql, s);
    }
    return s;
  }

  /** The operators recorded lately (the last 2,000 rows), most recent first. */
  operators(limit = 20): string[] {
    const rows = this.stmt(
      `SELECT operator, max(id) AS last FROM (SELECT id, operator FROM check_history ORDER BY id DESC LIMIT 2000)
       WHERE operator IS NOT NULL GROUP BY operator ORDER BY last DESC LIMIT @limit`,
    ).all({ limit }) as { operator: string }[];
    return rows.map((r) => r.operator);
  }

  count(filter: HistoryFilter = {}): number {
    const w = this.where(filter);
    return (this.stmt(`SELECT count(*) AS n FROM check_history WHERE ${w.sql}`).get(w.params) as { n: number }).n;
  }

  /** A page, newest first, with the total count of matching rows. */
  query(
    filter: HistoryFilter = {},
    page: { limit?: number; offset?: number } = {},
  ): { total: number; offset: number; rows: HistoryRow[] } {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
    const offset = Math.max(page.offset ?? 0, 0);
    const w = this.where(filter);
    const rows = this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM check_history WHERE ${w.sql} ORDER BY day DESC, id DESC LIMIT @limit OFFSET @offset`,
    ).all({ ...w.params, limit, offset }) as SummaryDbRow[];
    return { total: this.count(filter), offset, rows: rows.map(toRow) };
  }

  /** Keyset paging, newest first: pass the returned `next` to get the following page. */
  queryAfter(
    filter: HistoryFilter = {},
    page: { after?: HistoryCursor | null; limit?: number } = {},
  ): { rows: HistoryRow[]; next: HistoryCursor | null } {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
    const w = this.where(filter);
    const keyset = page.after ? ' AND (day, id) < (@cursorDay, @cursorId)' : '';
    const params = page.after
      ? { ...w.params, cursorDay: page.after.day, cursorId: page.after.id, limit }
      : { ...w.params, limit };
    const raw = this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM check_history WHERE ${w.sql}${keyset} ORDER BY day DESC, id DESC LIMIT @limit`,
    ).all(params) as SummaryDbRow[];
    const last = raw[raw.length - 1];
    return { rows: raw.map(toRow), next: raw.length === limit && last ? { day: last.day, id: last.id } : null };
  }

  /**
   * Every matching record, oldest first, fetched in pages of `pageSize` (keyset on the indexes),
   * so a large export never holds the connection for long.
   */
  *records(filter: HistoryFilter = {}, pageSize = 2000): Generator<HistoryRecord> {
    const w = this.where(filter);
    const first = this.stmt(`SELECT ${FULL_COLUMNS} FROM check_history WHERE ${w.sql} ORDER BY day, id LIMIT @limit`);
    const next = this.stmt(
      `SELECT ${FULL_COLUMNS} FROM check_history WHERE ${w.sql} AND (day, id) > (@cursorDay, @cursorId) ORDER BY day, id LIMIT @limit`,
    );
    let cursor: HistoryCursor | null = null;
    for (;;) {
      const batch = (
        cursor === null
          ? first.all({ ...w.params, limit: pageSize })
          : next.all({ ...w.params, limit: pageSize, cursorDay: cursor.day, cursorId: cursor.id })
      ) as FullDbRow[];
      for (const r of batch) yield toRecord(r);
      if (batch.length < pageSize) return;
      const last = batch[batch.length - 1]!;
      cursor = { day: last.day, id: last.id };
    }
  }
}
