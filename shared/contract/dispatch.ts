// The one dispatcher of every transport (IPC in Electron, HTTP in browser mode, the worker's
// messages, the command line in-process): kept apart from ./kernel.ts, which the renderer's bridge
// and the preload import for the call names alone.
import { redactMyNumber } from '../identifiers';
import { ApiFailure, type ApiResult, CALL_NAMES, type CallName, type Handlers, type ParseRequest } from './kernel';

function isCallName(name: unknown): name is CallName {
  return (CALL_NAMES as readonly unknown[]).includes(name);
}

/**
 * The one dispatcher: unknown call → error; the payload parsed once (`parse`); the handler runs on
 * the typed value; any failure becomes `{ ok: false }` (an unexpected one as 'internal', its text
 * never repeating a 12-digit number).
 */
export async function dispatch(
  parse: ParseRequest,
  handlers: Handlers,
  name: unknown,
  payload: unknown,
): Promise<ApiResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', ja: '不明な呼び出しです', en: 'unknown call' } };
  }
  const parsed = parse(name, payload);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.value) };
  } catch (e) {
    if (e instanceof ApiFailure) return { ok: false, error: { code: e.code, ja: e.ja, en: e.en } };
    const en = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'internal', ja: '内部エラーが発生しました', en: `internal error: ${redactMyNumber(en)}` },
    };
  }
}
