// History benchmark (npm run bench): N realistic rows (scenarios, decisions and result documents
// of the demo registry's desk cases) appended through the repository in batched transactions,
// then the history screen's filtered queries (a page of 50 + the total count), and the file size.
// Prints numbers; asserts nothing about time (tests never do).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../../../shared/dates';
import { seededRandom } from '../../../shared/random';
import { openDatabase } from '../db/open';
import { dbPathOf } from '../db/data-dir';
import { buildScenario } from '../desk/build-scenario';
import { demoDeskCase } from '../registry/demo/builder';
import { decideWithOnshi } from '../onshi/document';
import { createApi } from '../api';
import { patientInput, unsavedPatient } from '../../../shared/contract/patient';
import { demoPatients } from '../registry/demo/cases';
import {
  type HistoryEntry,
  type HistoryFilter,
  HistoryRepository,
  type ScenarioEntry,
  toInsertParams,
} from './repository';
import { VERDICTS } from '../../../shared/enums';

interface QueryStats {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** average number of matching rows (the count each query also returns) */
  avgMatches: number;
}

export interface HistoryBenchResult {
  rows: number;
  batchSize: number;
  insertSeconds: number;
  /** end to end: validation, 12-digit scan, JSON serialisation and the SQLite transactions */
  rowsPerSecond: number;
  /** the SQLite part alone (prepared INSERTs in batched transactions, WAL, synchronous=FULL) */
  sqliteRowsPerSecond: number;
  /** the JavaScript part alone, microseconds per row */
  prepareMicrosPerRow: number;
  queries: QueryStats[];
  fileBytes: number;
  bytesPerRow: number;
  /** reopening the database: integrity_check + schema check (the app's start-up cost) */
  reopenMs: number;
  /** the largest the WAL file (shikaku.sqlite-wal) was after any batch */
  walMaxBytes: number;
  /** the main file alone, before the clean close: every acknowledged row was in it */
  mainFileHeldAll: boolean;
  /** the machine's 1-minute load average at the start and the end, and its CPU count */
  load: { start: number; end: number; cpus: number };
}

export interface HistoryBenchOptions {
  rows: number;
  /** an empty (or missing) directory for the benchmark database */
  dir: string;
  /** rows per transaction (default 100: each row touches about one random page of the patient
   *  index, 16 KiB, so a batch puts about 2 MB in the WAL — under 4 MB) */
  batchSize?: number;
  /** queries per kind */
  queryRuns?: number;
  /** patients the rows are spread over */
  patients?: number;
  /** days the rows are spread over (ending 2026-06-30) */
  days?: number;
  log?: (line: string) => void;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Realistic entries: every demo patient's desk case, decided, with its result document. */
function templates(): Array<Omit<ScenarioEntry, 'at' | 'patientId'>> {
  return demoPatients().map((d, i) => {
    const rec = unsavedPatient(patientInput.parse(d.person), String(i + 1), d.key);
    const scenario = buildScenario(demoDeskCase(rec, d.case));
    const { decision, answer } = decideWithOnshi(scenario, { person: rec });
    return {
      mode: i % 10 === 0 ? 'trainer' : 'desk',
      operator: `受付${(i % 5) + 1}`,
      patientName: rec.name,
      scenario,
      decision,
      result: answer.result,
    };
  });
}

export async function benchHistory(opts: HistoryBenchOptions): Promise<HistoryBenchResult> {
  const log = opts.log ?? (() => undefined);
  const batchSize = opts.batchSize ?? 100;
  const queryRuns = opts.queryRuns ?? 200;
  const patients = opts.patients ?? 5000;
  const days = opts.days ?? 730;
  fs.mkdirSync(opts.dir, { recursive: true });
  if (fs.existsSync(dbPathOf(opts.dir))) throw new Error(`benchHistory needs an empty directory: ${opts.dir}`);

  const loadStart = os.loadavg()[0]!;
  const opened = await openDatabase({ dataDir: opts.dir, dailyBackup: false });
  const db = opened.db;
  const repo = new HistoryRepository(db);
  const tpl = templates();
  const firstDay = addDays('2026-06-30', -(days - 1));
  const startMs = new Date(`${firstDay}T08:30:00+09:00`).getTime();
  const stepMs = (days * 86_400_000) / Math.max(opts.rows, 1);

  // --- insert
  const t0 = performance.now();
  let lastLog = t0;
  let prepMs = 0;
  let sqlMs = 0;
  let walMaxBytes = 0;
  const walFile = `${dbPathOf(opts.dir)}-wal`;
  for (let done = 0; done < opts.rows;) {
    const n = Math.min(batchSize, opts.rows - done);
    const batch: HistoryEntry[] = new Array(n);
    for (let k = 0; k < n; k += 1) {
      const i = done + k;
      const t = tpl[i % tpl.length]!;
      batch[k] = {
        ...t,
        at: new Date(startMs + i * stepMs),
        patientId: (i * 7919) % patients,
        scenario: { ...t.scenario, id: `${t.scenario.id}-${i}` },
      };
    }
    // = repo.appendMany(batch), timed in its two parts
    const p0 = performance.now();
    const params = batch.map(toInsertParams);
    const p1 = performance.now();
    repo.appendParams(params);
    prepMs += p1 - p0;
    sqlMs += performance.now() - p1;
    walMaxBytes = Math.max(walMaxBytes, fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0);
    done += n;
    const now = performance.now();
    if (now - lastLog > 5000) {
      log(
        `  inserted ${done.toLocaleString('en')} rows (${Math.round(done / ((now - t0) / 1000)).toLocaleString('en')} rows/s)`,
      );
      lastLog = now;
    }
  }
  const insertSeconds = (performance.now() - t0) / 1000;

  // --- queries: a page of 50 plus the total count, as the history screen asks — through the
  // backend's call (the contract's dispatch), on a read-only connection beside the writer
  const reader = await createApi({ dataDir: opts.dir, shell: 'cli', readOnly: true });
  const rnd = seededRandom(42);
  const run = async (name: string, make: () => HistoryFilter): Promise<QueryStats> => {
    const times: number[] = [];
    let matches = 0;
    for (let r = 0; r < queryRuns; r += 1) {
      const filter = make();
      const q0 = performance.now();
      const page = await reader.call('history.query', { ...filter, limit: 50 });
      times.push(performance.now() - q0);
      if (!page.ok) throw new Error(page.error.en);
      matches += (page.value as { total: number }).total;
    }
    times.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      name,
      runs: queryRuns,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(times[times.length - 1]!),
      avgMatches: Math.round(matches / queryRuns),
    };
  };
  const randomDay = () => addDays(firstDay, Math.floor(rnd() * days));
  const queries = [
    await run('30 days + verdict', () => {
      const from = randomDay();
      return { from, to: addDays(from, 29), verdict: VERDICTS[Math.floor(rnd() * VERDICTS.length)]! };
    }),
    await run('7 days', () => {
      const from = randomDay();
      return { from, to: addDays(from, 6) };
    }),
    await run('patient', () => ({ patientId: String(Math.floor(rnd() * patients)) })),
    await run('patient + verdict', () => ({ patientId: String(Math.floor(rnd() * patients)), verdict: 'insured' })),
  ];
  reader.close();

  // What a clinic's file backup would hold: a copy of the main file alone, taken while open.
  const file = dbPathOf(opts.dir);
  const copy = path.join(opts.dir, 'main-file-alone.sqlite');
  fs.copyFileSync(file, copy);
  const alone = new Database(copy, { readonly: true });
  const mainFileHeldAll =
    (alone.prepare('SELECT count(*) AS n FROM check_history').get() as { n: number }).n === opts.rows;
  alone.close();
  fs.rmSync(copy);
  opened.close();
  const fileBytes = fs.statSync(file).size + (fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0);

  const r0 = performance.now();
  const again = await openDatabase({ dataDir: opts.dir, dailyBackup: false });
  const reopenMs = Math.round(performance.now() - r0);
  again.close();

  return {
    rows: opts.rows,
    batchSize,
    insertSeconds: Math.round(insertSeconds * 100) / 100,
    rowsPerSecond: Math.round(opts.rows / insertSeconds),
    sqliteRowsPerSecond: Math.round(opts.rows / (sqlMs / 1000)),
    prepareMicrosPerRow: Math.round((prepMs * 1000) / Math.max(opts.rows, 1)),
    queries,
    fileBytes,
    bytesPerRow: Math.round(fileBytes / Math.max(opts.rows, 1)),
    reopenMs,
    walMaxBytes,
    mainFileHeldAll,
    load: {
      start: Math.round(loadStart * 100) / 100,
      end: Math.round(os.loadavg()[0]! * 100) / 100,
      cpus: os.cpus().length,
    },
  };
}

export function formatHistoryBench(r: HistoryBenchResult): string {
  const lines = [
    `history: ${r.rows.toLocaleString('en')} rows in ${r.insertSeconds} s → ${r.rowsPerSecond.toLocaleString('en')} rows/s end to end (batches of ${r.batchSize}, WAL + synchronous=FULL)`,
    `  of which SQLite ${r.sqliteRowsPerSecond.toLocaleString('en')} rows/s; validation + 12-digit scan + JSON ${r.prepareMicrosPerRow} µs/row`,
    ...r.queries.map(
      (q) =>
        `  query ${q.name.padEnd(18)} p50 ${q.p50Ms} ms  p95 ${q.p95Ms} ms  max ${q.maxMs} ms  (${q.runs} runs, ~${q.avgMatches.toLocaleString('en')} matching rows, page of 50 + count)`,
    ),
    `  file ${(r.fileBytes / 1024 / 1024).toFixed(1)} MiB → ${r.bytesPerRow.toLocaleString('en')} bytes/row`,
    `  reopen (integrity_check) ${r.reopenMs} ms`,
    `  WAL max ${(r.walMaxBytes / 1024 / 1024).toFixed(2)} MiB (goal < 4 MB); a copy of the main file alone held every row: ${r.mainFileHeldAll ? 'yes' : 'NO'}`,
    `  machine: ${r.load.cpus} CPUs, load average ${r.load.start} → ${r.load.end}`,
  ];
  return lines.join('\n');
}
