// The contract's kernel: the names of the calls and the result shape (the one dispatcher is in
// ./dispatch.ts, so the renderer's first load carries no My Number detector). It
// imports no zod and no call definition at run time (only their types), so the Electron preload
// and the renderer's bridge carry a list of names, not the schemas (the preload budget is tested
// in electron/preload/preload-size.test.ts). The definitions — one request schema and one answer
// type per call — are in ./index.ts (desk, registry, history, settings, app) and
// ../trainer/contract.ts (trainer.*); each name below has exactly one definition there
// (checked by the compiler in ./index.ts).
//
// Results never throw across a transport: `{ ok: true, value } | { ok: false, error }` (only a
// plain object survives ipcMain.handle, postMessage and fetch alike).
import type { z } from 'zod';
import type { CallDef } from './call';
import type { Contract } from './index';

export const CALL_NAMES = [
  'registry.search',
  'registry.get',
  'registry.save',
  'registry.delete',
  'registry.seedDemo',
  'registry.registerWalkIn',
  'desk.decide',
  'realdesk.decide',
  'realdesk.readResult',
  'history.query',
  'history.get',
  'history.operators',
  'history.exportCsv',
  'settings.get',
  'settings.update',
  'app.info',
  'data.recovery',
  'data.backup',
  'data.restore',
  'data.startEmpty',
  'trainer.listPacks',
  'trainer.getPack',
  'trainer.getScenario',
  'trainer.importBegin',
  'trainer.importChunk',
  'trainer.importFinish',
  'trainer.importCancel',
  'trainer.exportPack',
  'trainer.createPack',
  'trainer.renamePack',
  'trainer.deletePack',
  'trainer.saveScenario',
  'trainer.duplicateScenario',
  'trainer.deleteScenario',
  'trainer.moveScenario',
  'trainer.saveDeskCase',
  'trainer.listTrainees',
  'trainer.startSession',
  'trainer.getSession',
  'trainer.answer',
  'trainer.finishSession',
  'trainer.sessionResult',
  'trainer.progress',
  'trainer.exportProgressCsv',
  'trainer.getSettings',
  'trainer.updateSettings',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

export interface ApiError {
  /** stable machine code: 'invalid-input', 'not-found', 'unknown-call', 'internal', … */
  code: string;
  ja: string;
  en: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What a caller sends (before validation: dates may be 和暦, optional fields omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated and normalised, exactly once, by `dispatch`). */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
/** What a handler answers. */
export type CallOutput<K extends CallName> = Contract[K] extends CallDef<z.ZodType, infer O> ? O : never;

/** The client side of every transport: preload, HTTP client, fake bridge in tests. */
export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<ApiResult<CallOutput<K>>> };
/** The server side: plain functions on validated input (they may throw ApiFailure). */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>> };
/** The parsing half of the contract (./index.ts parseRequest), handed to `dispatch`. */
export type ParseRequest = <K extends CallName>(name: K, payload: unknown) => ApiResult<ParsedInput<K>>;
/**
 * One call, by name, with an unchecked payload: what every transport forwards (IPC in Electron,
 * HTTP in browser mode, the worker's messages) and what the command line calls in-process.
 */
export type CallBackend = (name: unknown, payload: unknown) => Promise<ApiResult<unknown>>;

/** An expected failure with a stable code and both languages; `dispatch` turns it into `{ ok: false }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly ja: string,
    readonly en: string,
    options?: { cause?: unknown },
  ) {
    super(en, options);
  }
}
