// The handlers of shared/contract.ts on plain Node (never imports 'electron'): the same object
// serves the Electron IPC (main process) and the browser-mode HTTP bridge. Payloads arrive here
// already validated by the contract's schemas (dispatch), so handlers work on typed values.
import { ApiFailure, type Handlers } from '../../../shared/contract';
import { todayInJapan } from '../../../shared/dates';
import { idleCheckpointer } from '../db/checkpoint';
import { type OpenedDatabase, openDatabase } from '../db/open';
import { AppError } from '../errors';
import { historyCsv, historyCsvFileName } from '../history/csv';
import { HistoryRepository } from '../history/repository';
import { ClinicSettingsRepository } from '../settings/clinic';
import { createDeskService, type DeskService } from './desk';
import { createRegistryService, type RegistryService } from './registry';
import { createTrainerHandlers, type TrainerCall } from './trainer';

export interface ApiOptions {
  dataDir: string;
  shell: 'electron' | 'browser';
  version?: string;
  /** tests: a fixed clock */
  now?: () => Date;
}

export interface ApiInstance {
  handlers: Handlers;
  opened: OpenedDatabase;
  close(): void;
}

/** Backend errors keep their code and both languages across the transport. */
function wrapCall<A extends unknown[], R>(fn: (...a: A) => R, after: () => void): (...a: A) => R {
  return (...a: A) => {
    try {
      const r = fn(...a);
      if (r instanceof Promise) return r.catch(rethrow).finally(after) as R;
      after();
      return r;
    } catch (e) {
      after();
      return rethrow(e);
    }
  };
}
function rethrow(e: unknown): never {
  if (e instanceof AppError) throw new ApiFailure({ code: e.code, ja: e.ja, en: e.en });
  throw e;
}

export async function createApi(opts: ApiOptions): Promise<ApiInstance> {
  const now = opts.now ?? (() => new Date());
  const opened = await openDatabase({ dataDir: opts.dataDir, now });
  const db = opened.db;
  // every call is followed, once the desk is idle, by a checkpoint (db/checkpoint.ts)
  const idle = idleCheckpointer(db);
  const wrap = <A extends unknown[], R>(fn: (...a: A) => R) => wrapCall(fn, idle.touch);
  const settings = new ClinicSettingsRepository(db);
  const history = new HistoryRepository(db);
  // never demo patients in place of a damaged database the clinic chose not to restore
  const registry: RegistryService = createRegistryService(db, { now, seedOnFirstStart: !opened.afterQuarantine });
  const desk: DeskService = createDeskService({ db, registry, settings, history, now });

  const core: Omit<Handlers, TrainerCall> = {
    'registry.search': wrap((q) => registry.search(q.query, q.limit ?? 50)),
    'registry.get': wrap((q) => registry.get(q.id)),
    'registry.save': wrap((p) => registry.save(p)),
    'registry.delete': wrap((q) => ({ deleted: registry.remove(q.id) })),
    'registry.seedDemo': wrap(() => ({ count: registry.seedDemo() })),
    'desk.decide': wrap((req) => desk.decide(req)),
    'history.query': wrap((q) => {
      const { offset, limit, ...filter } = q;
      return history.query(filter, { offset: offset ?? 0, limit: limit ?? 200 });
    }),
    'history.exportCsv': wrap((filter) => {
      const { csv, rows } = historyCsv(history, filter);
      return { filename: historyCsvFileName(filter, todayInJapan(now())), csv, rows };
    }),
    'settings.get': wrap(() => settings.get()),
    'settings.update': wrap((patch) => settings.update(patch, now())),
    'app.info': wrap(() => ({
      name: '資格確認デスク',
      version: opts.version ?? '0.1.0',
      shell: opts.shell,
      today: todayInJapan(now()),
      dataDir: opened.dataDir,
    })),
  };
  const trainer = createTrainerHandlers({ db, registry, settings, history, now });
  const handlers: Handlers = {
    ...core,
    ...(Object.fromEntries(
      Object.entries(trainer).map(([k, f]) => [k, wrap(f as (i: unknown) => unknown)]),
    ) as typeof trainer),
  };
  return {
    handlers,
    opened,
    close: () => {
      idle.stop();
      opened.close();
    },
  };
}
