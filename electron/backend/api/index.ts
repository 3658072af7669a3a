// The backend: the handlers of the contract (shared/contract/) on the database, and `call`, the
// one entry every caller uses — the worker that runs the backend for both shells (./worker.ts),
// the command line in-process, the tests and the bench. `call` is the contract's `dispatch`: the
// payload is parsed once there, so handlers and repositories work on typed values. Plain Node
// (never imports 'electron').
import { type AppInfo, parseRequest } from '../../../shared/contract';
import type { CallBackend, Handlers } from '../../../shared/contract/kernel';
import { dispatch } from '../../../shared/contract/dispatch';
import { todayInJapan } from '../../../shared/dates';
import defaultPack from '../../../packs/default-pack.json';
import deskMixPack from '../../../packs/desk-mix-pack.json';
import v2BoundariesPack from '../../../packs/v2-boundaries-pack.json';
import v2RulesPack from '../../../packs/v2-rules-pack.json';
import { idleCheckpointer } from '../db/checkpoint';
import { openDatabase, openDatabaseReadOnly } from '../db/open';
import path from 'node:path';
import { historyCsv, historyCsvFileName } from '../history/csv';
import { historyCheck, HistoryRepository } from '../history/repository';
import { AppError } from '../errors';
import { createOqsFolderMode, type OqsReport } from '../oqs/app-folder';
import { checkOqsFolder } from '../oqs/folder';
import { ClinicSettingsRepository } from '../settings/clinic';
import type { TrainerOptions } from '../trainer';
import { walkInRegistration } from '../desk/walk-in';
import { createDataHandlers } from './data';
import { createDeskService } from './desk';
import { readResultFile } from '../onshi/read';
import { createRealDeskService } from './real-desk';
import { createRegistryService } from './registry';
import { createTrainerHandlers, type TrainerCall } from './trainer';
import type { BundledPack } from '../trainer';

/** The packs shipped with the app, loaded into the trainer once each (../trainer/index.ts). */
const BUNDLED_PACKS: readonly BundledPack[] = [
  { file: 'packs/default-pack.json', pack: defaultPack },
  { file: 'packs/desk-mix-pack.json', pack: deskMixPack },
  { file: 'packs/v2-rules-pack.json', pack: v2RulesPack },
  { file: 'packs/v2-boundaries-pack.json', pack: v2BoundariesPack },
];

export interface ApiOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  version?: string;
  /** tests: a fixed clock */
  now?: () => Date;
  /**
   * On the first start of a database, load the demo registry and the bundled training pack
   * (default true; the command line never does).
   */
  firstStartData?: boolean;
  /** tests: other bundled packs (or none) */
  bundledPacks?: readonly BundledPack[];
  /** how an imported pack is checked and prepared (the worker: in a thread of its own) */
  preparePack?: TrainerOptions['preparePack'];
  /**
   * The command line's reading commands (history export): the database opened read-only —
   * no lock, so beside a running app; nothing is moved, migrated, backed up or loaded.
   */
  readOnly?: boolean;
  /** after a damaged database was set aside: the clinic chose to start with an empty one */
  startEmpty?: boolean;
  /**
   * Serve the 連携フォルダ setting (../oqs/app-folder.ts): the backend the shells run (host/worker.ts)
   * does, the command line never does. A function: where its problems are reported (tests).
   */
  oqsFolder?: boolean | OqsReport;
}

export interface ApiInstance {
  /** a call by name with an unchecked payload, answered `{ ok, value | error }` */
  call: CallBackend;
  handlers: Handlers;
  close(): void;
}

export function appInfo(opts: ApiOptions, now: () => Date): AppInfo {
  return {
    name: '資格確認デスク',
    version: opts.version ?? '0.1.0',
    shell: opts.shell,
    today: todayInJapan(now()),
    dataDir: path.resolve(opts.dataDir),
  };
}

export async function createApi(opts: ApiOptions): Promise<ApiInstance> {
  const now = opts.now ?? (() => new Date());
  const opened = opts.readOnly
    ? { ...openDatabaseReadOnly(opts.dataDir), afterQuarantine: false }
    : await openDatabase({ dataDir: opts.dataDir, now, ...(opts.startEmpty ? { startEmpty: true } : {}) });
  const db = opened.db;
  // every call is followed, once the desk is idle, by a checkpoint (db/checkpoint.ts)
  const idle = idleCheckpointer(db);
  const settings = new ClinicSettingsRepository(db);
  const history = new HistoryRepository(db);
  // first start: the demo registry and the bundled pack — never demo patients in place of a
  // damaged database the clinic chose not to restore
  const firstStartData = !opts.readOnly && (opts.firstStartData ?? true);
  const registry = createRegistryService(db, {
    now,
    history,
    seedOnFirstStart: firstStartData,
    afterQuarantine: opened.afterQuarantine,
  });
  const desk = createDeskService({ registry, settings, history, now });
  const realDesk = createRealDeskService({ settings, history, now });
  const oqs = opts.oqsFolder
    ? createOqsFolderMode(db, ...(typeof opts.oqsFolder === 'function' ? [opts.oqsFolder] : []))
    : null;
  await oqs?.use(settings.get().oqsFolder);

  const core: Omit<Handlers, TrainerCall> = {
    'registry.search': (q) => registry.search(q.query, q.limit ?? 50),
    'registry.get': (q) => registry.record(q.id),
    'registry.save': (p) => registry.save(p),
    'registry.delete': (q) => ({ deleted: registry.remove(q.id) }),
    'registry.seedDemo': (q) => ({ count: registry.seedDemo(q) }),
    'registry.registerWalkIn': (q) =>
      registry.repo.create(walkInRegistration(q.walkIn, q.presented, q.visitDate), { now: now() }),
    'desk.decide': (req) => {
      const r = desk.decide(req);
      oqs?.deskChecked(r.online, r.historyId);
      return r;
    },
    'realdesk.decide': (req) => realDesk.decide(req),
    'realdesk.readResult': (req) => readResultFile(Buffer.from(req.base64, 'base64'), '結果ファイル'),
    'history.query': (q) => {
      const { offset, limit, ...filter } = q;
      return history.query(filter, { offset: offset ?? 0, limit: limit ?? 200 });
    },
    'history.get': (q) => {
      const r = history.get(q.id);
      if (!r) throw new AppError('not-found', `履歴に記録がありません: ${q.id}`, `no such history record: ${q.id}`);
      return historyCheck(r);
    },
    'history.operators': () => history.operators(),
    'history.exportCsv': (filter) => {
      const { csv, rows } = historyCsv(history, filter);
      return { filename: historyCsvFileName(filter, todayInJapan(now())), csv, rows };
    },
    'settings.get': () => settings.get(),
    'settings.update': async (patch) => {
      if (patch.oqsFolder) {
        const r = checkOqsFolder(patch.oqsFolder);
        if (!r.ok) throw new AppError('oqs-folder', r.ja, r.en, { field: 'oqsFolder' });
      }
      const s = settings.update(patch, now());
      await oqs?.use(s.oqsFolder);
      return s;
    },
    'app.info': () => appInfo(opts, now),
    ...createDataHandlers(db, path.resolve(opts.dataDir), now),
  };
  const trainer = createTrainerHandlers({
    db,
    now,
    bundledPacks: !firstStartData ? [] : (opts.bundledPacks ?? BUNDLED_PACKS),
    ...(opts.preparePack ? { preparePack: opts.preparePack } : {}),
  });
  const handlers: Handlers = { ...core, ...trainer };
  return {
    call: (name, payload) => dispatch(parseRequest, handlers, name, payload).finally(idle.touch),
    handlers,
    close: () => {
      void oqs?.stop(); // synchronous up to the last request being answered: nothing is answered after
      idle.stop();
      opened.close();
    },
  };
}
