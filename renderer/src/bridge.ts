// The renderer's only way to the backend: an object typed as the contract's `Api`.
// In Electron it is the preload's `window.shikaku` (contextBridge); in the browser mode it is an
// HTTP client built here from the same list of calls. Tests pass a fake.
import { type Api, type ApiResult, CALL_NAMES, type CallName } from '../../shared/contract/kernel';

declare global {
  interface Window {
    /** set by the Electron preload */
    shikaku?: Api;
  }
}

const TOKEN_KEY = 'shikaku-token';

/**
 * The browser mode's per-launch token arrives in the URL fragment (#token=…), which the browser
 * never sends anywhere. Keep it for this tab only and take it out of the address bar.
 */
export function takeToken(loc: Location = window.location, store: Storage = window.sessionStorage): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (m) {
    store.setItem(TOKEN_KEY, m[1]!);
    window.history.replaceState(null, '', loc.pathname + loc.search);
    return m[1]!;
  }
  return store.getItem(TOKEN_KEY);
}

export function httpBridge(token: string, fetchImpl: typeof fetch = (...a) => window.fetch(...a)): Api {
  const callOne = async (name: CallName, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const res = await fetchImpl(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shikaku-Token': token },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
      return (await res.json()) as ApiResult<unknown>;
    } catch (e) {
      return {
        ok: false,
        error: {
          code: 'network',
          ja: 'アプリのサーバーに接続できません。起動しているか確認してください',
          en: `cannot reach the app server: ${String(e)}`,
        },
      };
    }
  };
  return Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => callOne(name, input)])) as Api;
}

/** The bridge for this shell, or null when the browser mode was opened without its token. */
export function detectBridge(): Api | null {
  if (window.shikaku) return window.shikaku;
  const token = takeToken();
  return token === null ? null : httpBridge(token);
}
