// Serving the built renderer (dist/renderer) safely, shared by the browser-mode HTTP bridge and the
// Electron app:// protocol. Pure Node: never imports 'electron', so it is unit-tested on Node.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The strict Content-Security-Policy of the renderer (both shells). Scripts and styles only from
 * the app itself, no inline script, no eval, no plugins, no framing; fetch only to the app's own
 * origin (the HTTP bridge in browser mode; nothing in Electron, where the preload is used).
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every response of the renderer (browser mode) or the app:// protocol. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  'Cache-Control': 'no-store',
});

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The path-traversal guard: maps a URL pathname to a file inside `root`, or null when the request
 * must be refused (traversal with `..` in any encoding, NUL bytes, backslashes, absolute or drive
 * paths, hidden files, malformed escapes, source maps). `/` maps to index.html. Does not touch the disk.
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded)) return null;
  // source maps stay on the build machine: they would hand out the whole source
  if (/\.map$/i.test(decoded)) return null;
  if (!decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '.' || s === '..' || s.startsWith('.') || /^[a-z]:$/i.test(s) || s.includes(':')) return null;
  }
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const full = path.resolve(base, rel);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return full;
}

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Reads a file of the built renderer through the guard. Symlinks leaving the root are refused too.
 * Unknown paths without an extension fall back to index.html (one-page app); others → null.
 */
export function readStatic(root: string, urlPathname: string): StaticFile | null {
  const file = resolveStaticPath(root, urlPathname);
  if (file === null) return null;
  const tryRead = (f: string): StaticFile | null => {
    try {
      const real = realpathSync(f);
      const realRoot = realpathSync(root);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
      if (!statSync(real).isFile()) return null;
      return { body: readFileSync(real), type: mimeType(real) };
    } catch {
      return null;
    }
  };
  const hit = tryRead(file);
  if (hit !== null) return hit;
  if (path.extname(file) === '') return tryRead(path.join(root, 'index.html'));
  return null;
}
