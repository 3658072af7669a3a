// Pure trust checks of the Electron shell (no 'electron' import, so they are unit-tested on Node).
// The renderer is served from app://desk/ only; everything else is refused.

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Is this URL a page of our own renderer (app://desk/…)? */
export function isAppUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === ''
  );
}

/**
 * IPC sender validation: the message must come from the main frame of our window, showing our own
 * renderer. `frameUrl` is event.senderFrame.url; `isMainFrame` whether that frame is the top one.
 */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Permission requests: every one is denied except writing plain text to the clipboard from our page. */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/**
 * Where the app keeps its data: Electron's userData folder. Only an unpackaged build (tests,
 * development) may point it elsewhere with SHIKAKU_USER_DATA; a packaged app ignores it, so an
 * environment variable cannot send a clinic's database to another folder.
 */
export function userDataOverride(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | null {
  const dir = env.SHIKAKU_USER_DATA?.trim();
  return !isPackaged && dir ? dir : null;
}
