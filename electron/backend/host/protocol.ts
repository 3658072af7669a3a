// The messages between a shell (the Electron main process, the browser-mode server) and the
// worker thread that runs the backend (./worker.ts), and between that worker and the thread it
// starts to prepare a large pack import. Plain data: everything crosses by structured clone.
import type { ApiError, ApiResult } from '../../../shared/contract/kernel';
import type { ApiOptions } from '../api';
import type { PreparedPack } from '../trainer/pack-file';
import type { ScenarioRow } from '../trainer/scenario-row';

/** What a worker is started for (its workerData). */
export type WorkerRole =
  | {
      role: 'backend';
      options: Pick<ApiOptions, 'dataDir' | 'shell' | 'version'>;
      /** this script, so the backend can start the pack-preparing thread from it */
      script: string;
    }
  | { role: 'prepare-pack'; text: string };

/** shell → backend */
export type ToBackend = { type: 'call'; id: number; name: unknown; payload: unknown } | { type: 'close' };
/** backend → shell */
export type FromBackend =
  { type: 'ready' } | { type: 'failed'; error: ApiError } | { type: 'result'; id: number; result: ApiResult<unknown> };

/** pack-preparing thread → backend: the rows in batches, then the outcome without them */
export type FromPreparer =
  | { type: 'rows'; rows: ScenarioRow[] }
  | {
      type: 'done';
      outcome: Extract<PreparedPack, { ok: false }> | { ok: true; title: string; warnings: PreparedPack['warnings'] };
    }
  | { type: 'error'; error: ApiError };
