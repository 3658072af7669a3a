// Starts the backend in a worker thread (./worker.ts, built to dist/backend.cjs) and forwards calls
// to it: what both shells use — the Electron main process and the browser-mode server only pass
// `(name, payload)` on, and the answer back. Nothing is parsed here (the worker's dispatch does
// it, once). If the worker stops, every call still pending, and every later one, is answered
// with a clear error instead of hanging.
import { Worker } from 'node:worker_threads';
import type { ApiError, ApiResult, CallBackend } from '../../../shared/contract/kernel';
import type { ApiOptions } from '../api';
import type { FromBackend, ToBackend, WorkerRole } from './protocol';

export interface BackendOptions extends Pick<ApiOptions, 'dataDir' | 'shell' | 'version'> {
  /** the built worker script (dist/backend.cjs) */
  script: string;
  /** the worker stopped without being asked to (the shell decides what to tell the user) */
  onStopped?: (error: ApiError) => void;
}

export interface BackendHost {
  call: CallBackend;
  /** closes the database and ends the worker */
  close(): Promise<void>;
}

const STOPPED: ApiError = {
  code: 'backend-stopped',
  ja: 'アプリの内部処理が停止しました。アプリを再起動してください',
  en: 'the backend stopped; restart the app',
};

const CLOSE_GRACE_MS = 5_000;

/** Resolves once the database is open (or rejects with its `{ code, ja, en }`). */
export function startBackend(opts: BackendOptions): Promise<BackendHost> {
  const role: WorkerRole = {
    role: 'backend',
    options: { dataDir: opts.dataDir, shell: opts.shell, ...(opts.version ? { version: opts.version } : {}) },
    script: opts.script,
  };
  const worker = new Worker(opts.script, { workerData: role });
  const pending = new Map<number, (r: ApiResult<unknown>) => void>();
  let nextId = 1;
  let stopped: ApiError | null = null;
  let closing = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const stop = (error: ApiError) => {
    if (stopped) return;
    stopped = error;
    for (const answer of pending.values()) answer({ ok: false, error });
    pending.clear();
    if (!closing) opts.onStopped?.(error);
  };

  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on('message', (m: FromBackend) => {
      if (m.type === 'result') {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      } else if (m.type === 'ready') {
        ready = true;
        resolve({
          call: (name, payload) => {
            if (stopped) return Promise.resolve({ ok: false, error: stopped });
            const id = nextId++;
            return new Promise((answer) => {
              pending.set(id, answer);
              worker.postMessage({ type: 'call', id, name, payload } satisfies ToBackend);
            });
          },
          close: async () => {
            closing = true;
            if (!stopped) worker.postMessage({ type: 'close' } satisfies ToBackend);
            // the worker ends once its database is closed; should anything keep it, it is stopped
            const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
            await exited;
            clearTimeout(timer);
          },
        });
      } else {
        stop(m.error);
        reject(Object.assign(new Error(m.error.en), m.error));
      }
    });
    worker.on('error', (e) => {
      const error = { ...STOPPED, en: `${STOPPED.en}: ${e.message}` };
      stop(error);
      if (!ready) reject(Object.assign(new Error(error.en), error));
    });
    worker.on('exit', (code) => {
      stop(closing ? { ...STOPPED, code: 'backend-closed' } : STOPPED);
      if (!ready) reject(Object.assign(new Error(`${STOPPED.en} (${code})`), STOPPED));
    });
  });
}
