// The browser-mode HTTP bridge: serves the built renderer and `POST /api/<call>` for every call of
// shared/contract.ts, on 127.0.0.1 only.
//
// Defences (a browser on the same machine may run hostile pages):
// - binds 127.0.0.1, never 0.0.0.0;
// - exactly one Host header, 127.0.0.1:PORT or localhost:PORT (defeats DNS rebinding);
// - the request target must be a plain path (/…): absolute or malformed targets (http://[, //[)
//   and malformed escapes (/api/%E0%A4%A) are a 400 before anything else, never a 500;
// - every API call needs the random per-launch token in the X-Shikaku-Token header (a header, so a
//   cross-site form or image cannot send it; no CORS headers are ever sent, so no other origin can
//   read a response or send the header);
// - API calls must be POSTs of exactly application/json (UTF-8); Origin / Sec-Fetch-Site, when
//   sent, must be this origin;
// - a refused request is answered at once and its connection closed: the server stops reading,
//   so a client cannot hold a connection by dripping a body; headers must arrive within
//   HEADERS_TIMEOUT_MS and the whole request within REQUEST_TIMEOUT_MS;
// - bodies capped at 1 MiB, JSON nested at most MAX_JSON_DEPTH levels (invalid-input);
// - strict CSP and other security headers on every response; source maps are not served;
// - an unexpected failure is a 500 that says nothing about the inside.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallBackend } from '../../../shared/contract/kernel';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../../shared/json-depth';
import { readStatic, SECURITY_HEADERS } from './static';

const TOKEN_HEADER = 'x-shikaku-token';
const MAX_BODY = 1024 * 1024;
/** the headers of a request must arrive within this time */
export const HEADERS_TIMEOUT_MS = 10_000;
/** the whole request (headers and body, at most 1 MiB from this machine) within this time */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface WebServerOptions {
  /** the backend every API call is forwarded to (the worker, in `npm run web`) */
  call: CallBackend;
  /** the built renderer (dist/renderer) */
  staticDir: string;
  /** 0 = any free port */
  port?: number;
  /** per-launch secret; generated when omitted */
  token?: string;
  /** tests: shorter timeouts */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface WebServer {
  port: number;
  token: string;
  /** the address to open: the token travels in the fragment, which browsers never send */
  url: string;
  close(): Promise<void>;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, head = false): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * Answers with an error. `close`: the request is refused before its body was read — the
 * connection is closed once the answer is out, so the server reads nothing more from it.
 */
function refuse(
  res: http.ServerResponse,
  status: number,
  code: string,
  ja: string,
  en: string,
  opts: { close?: boolean } = {},
): void {
  if (opts.close) {
    res.setHeader('Connection', 'close');
    res.once('finish', () => res.req.destroy());
  }
  sendJson(res, status, { ok: false, error: { code, ja, en } });
}

/** The body, or null past the cap (reading stops there). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** `application/json`, optionally with charset=utf-8 — nothing else (not application/jsonp, not text/…). */
function isJsonMediaType(header: string | undefined): boolean {
  const [type, ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/** How many Host headers the request really had (Node keeps only the first in req.headers). */
function hostHeaderCount(req: http.IncomingMessage): number {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') n += 1;
  return n;
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? newToken();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const close = { close: true };
  const server = http.createServer(
    {
      headersTimeout: opts.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: opts.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS,
      // how often those limits are checked (Node's default, 30 s, would let a slow client stay longer)
      connectionsCheckingInterval: Math.min(1000, (opts.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS) / 2),
    },
    async (req, res) => {
      try {
        if (hostHeaderCount(req) !== 1) {
          return refuse(res, 400, 'bad-host', 'Host ヘッダーが正しくありません', 'exactly one Host header', close);
        }
        if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) {
          return refuse(
            res,
            421,
            'bad-host',
            'このアドレスからは使えません',
            'misdirected request: bad Host header',
            close,
          );
        }
        // Only a plain path: no absolute or authority form (http://[…, //[…); read without URL().
        const target = req.url ?? '';
        if (!target.startsWith('/') || target.startsWith('//')) {
          return refuse(res, 400, 'bad-url', 'アドレスの形式が正しくありません', 'malformed request target', close);
        }
        const pathname = target.split(/[?#]/, 1)[0]!;

        if (pathname.startsWith('/api/')) {
          let name: string;
          try {
            name = decodeURIComponent(pathname.slice('/api/'.length));
          } catch {
            return refuse(
              res,
              400,
              'bad-url',
              'アドレスの形式が正しくありません',
              'malformed escape in the path',
              close,
            );
          }
          if (req.method !== 'POST')
            return refuse(res, 405, 'method', 'POST のみ使えます', 'only POST is allowed', close);
          const origin = req.headers.origin;
          if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())) {
            return refuse(res, 403, 'bad-origin', '他のサイトからは呼び出せません', 'cross-origin call refused', close);
          }
          const site = req.headers['sec-fetch-site'];
          if (site !== undefined && site !== 'same-origin' && site !== 'none') {
            return refuse(res, 403, 'bad-origin', '他のサイトからは呼び出せません', 'cross-site call refused', close);
          }
          const sent = req.headers[TOKEN_HEADER];
          if (typeof sent !== 'string' || !sameSecret(sent, token)) {
            return refuse(
              res,
              401,
              'bad-token',
              'アクセス用のトークンがありません。起動時に表示されたアドレスで開いてください',
              'missing or wrong access token',
              close,
            );
          }
          if (!isJsonMediaType(req.headers['content-type'])) {
            return refuse(
              res,
              415,
              'content-type',
              'JSON で送ってください',
              'Content-Type must be application/json',
              close,
            );
          }
          if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
            return refuse(res, 413, 'too-large', 'リクエストが大きすぎます', 'request body too large', close);
          }
          const body = await readBody(req);
          if (body === null) {
            return refuse(res, 413, 'too-large', 'リクエストが大きすぎます', 'request body too large', close);
          }
          let payload: unknown;
          try {
            payload = body === '' ? undefined : JSON.parse(body);
          } catch {
            return refuse(res, 400, 'bad-json', 'JSON の形式が正しくありません', 'malformed JSON');
          }
          if (jsonDepthExceeds(payload)) {
            const limit = `${MAX_JSON_DEPTH}`;
            return refuse(
              res,
              400,
              'invalid-input',
              `入れ子が深すぎます (${limit} 段まで)`,
              `nested too deeply (at most ${limit} levels)`,
            );
          }
          return sendJson(res, 200, await opts.call(name, payload));
        }

        if (req.method !== 'GET' && req.method !== 'HEAD') {
          return refuse(res, 405, 'method', 'GET のみ使えます', 'only GET is allowed', close);
        }
        const file = readStatic(opts.staticDir, pathname);
        if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'not found', req.method === 'HEAD');
        return send(res, 200, file.type, file.body, req.method === 'HEAD');
      } catch {
        // nothing about the inside reaches the page
        if (!res.headersSent) refuse(res, 500, 'internal', '内部エラーが発生しました', 'internal error', close);
      }
    },
  );

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
