// The backend's thread (dist/backend.cjs, started by ./client.ts): both shells run the database
// and the handlers here, so nothing the backend does — a 20 MB pack import, a CSV export of the
// whole history — ever runs on the thread that serves the window. Calls arrive as messages and
// go through the backend's `call` (the contract's dispatch: parsed once, answered as values).
//
// better-sqlite3 is synchronous, so one long job would still hold this thread: a pack import
// therefore prepares its rows (JSON, validation, the engine on every scenario: seconds of CPU)
// in a second thread started from this same script (role 'prepare-pack', below), and stores them
// in short transactions (../trainer/packs.ts importInTurns). Calls are answered in between.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type ApiError, ApiFailure } from '../../../shared/contract/kernel';
import { createAppBackend } from '../api/app-backend';
import { type PreparedPack, preparePack } from '../trainer/pack-file';
import type { ScenarioRow } from '../trainer/scenario-row';
import type { FromBackend, FromPreparer, ToBackend, WorkerRole } from './protocol';

/** Rows per message from the preparing thread (each message is copied in one go on arrival). */
const ROWS_PER_MESSAGE = 500;

const port = parentPort!;
const data = workerData as WorkerRole;

/** Runs `preparePack` in a thread of its own and collects its rows. */
function preparePackInThread(script: string) {
  return (text: string): Promise<PreparedPack> =>
    new Promise((resolve, reject) => {
      const rows: ScenarioRow[] = [];
      const w = new Worker(script, { workerData: { role: 'prepare-pack', text } satisfies WorkerRole });
      let settled = false;
      w.on('message', (m: FromPreparer) => {
        if (m.type === 'rows') rows.push(...m.rows);
        else {
          settled = true;
          if (m.type === 'error') reject(new ApiFailure(m.error.code, m.error.ja, m.error.en));
          else resolve(m.outcome.ok ? { ...m.outcome, rows } : m.outcome);
          void w.terminate();
        }
      });
      w.on('error', (e) => {
        settled = true;
        reject(e);
      });
      w.on('exit', (code) => {
        if (!settled) reject(new Error(`the pack-preparing thread stopped (${code})`));
      });
    });
}

/** An error as plain data: an expected failure keeps its code and both languages. */
const asApiError = (e: unknown, ja: string): ApiError =>
  e instanceof ApiFailure
    ? { code: e.code, ja: e.ja, en: e.en }
    : { code: 'internal', ja, en: e instanceof Error ? e.message : String(e) };

async function serveBackend(role: Extract<WorkerRole, { role: 'backend' }>): Promise<void> {
  const post = (m: FromBackend) => port.postMessage(m);
  let api;
  try {
    api = await createAppBackend({ ...role.options, oqsFolder: true, preparePack: preparePackInThread(role.script) });
  } catch (e) {
    post({ type: 'failed', error: asApiError(e, 'データベースを開けませんでした') });
    port.close();
    return;
  }
  const backend = api;
  port.on('message', (m: ToBackend) => {
    if (m.type === 'close') {
      backend.close();
      port.close();
      return;
    }
    void backend.call(m.name, m.payload).then((result) => post({ type: 'result', id: m.id, result }));
  });
  post({ type: 'ready' });
}

function servePreparer(role: Extract<WorkerRole, { role: 'prepare-pack' }>): void {
  const post = (m: FromPreparer) => port.postMessage(m);
  try {
    const p = preparePack(role.text);
    if (!p.ok) return post({ type: 'done', outcome: p });
    for (let i = 0; i < p.rows.length; i += ROWS_PER_MESSAGE)
      post({ type: 'rows', rows: p.rows.slice(i, i + ROWS_PER_MESSAGE) });
    post({ type: 'done', outcome: { ok: true, title: p.title, warnings: p.warnings } });
  } catch (e) {
    post({ type: 'error', error: asApiError(e, 'パックを読み込めませんでした') });
  }
}

if (data.role === 'backend') void serveBackend(data);
else servePreparer(data);
