// The browser-mode HTTP bridge: serves the built renderer and `POST /api/<call>` for every call of
// shared/contract.ts, on 127.0.0.1 only.
//
// Defences (a browser on the same machine may run hostile pages):
// - binds 127.0.0.1, never 0.0.0.0;
// - the Host header must be 127.0.0.1:PORT or localhost:PORT (defeats DNS rebinding);
// - every API call needs the random per-launch token in the X-Shikaku-Token header (a header, so a
//   cross-site form or image cannot send it; no CORS headers are ever sent, so no other origin can
//   read a response or send the header);
// - API calls must be JSON POSTs; Origin / Sec-Fetch-Site, when sent, must be this origin;
// - strict CSP and other security headers on every response; bodies capped at 1 MiB.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallBackend } from '../../../shared/contract/kernel';
import { readStatic, SECURITY_HEADERS } from './static';

const TOKEN_HEADER = 'x-shikaku-token';
const MAX_BODY = 1024 * 1024;

export interface WebServerOptions {
  /** the backend every API call is forwarded to (the worker, in `npm run web`) */
  call: CallBackend;
  /** the built renderer (dist/renderer) */
  staticDir: string;
  /** 0 = any free port */
  port?: number;
  /** per-launch secret; generated when omitted */
  token?: string;
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

function refuse(res: http.ServerResponse, status: number, code: string, ja: string, en: string): void {
  sendJson(res, status, { ok: false, error: { code, ja, en } });
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c); // past the cap: drain and drop, then answer 413
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? newToken();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host.toLowerCase())) {
        return refuse(res, 421, 'bad-host', 'このアドレスからは使えません', 'misdirected request: bad Host header');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'method', 'POST のみ使えます', 'only POST is allowed');
        const origin = req.headers.origin;
        if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())) {
          return refuse(res, 403, 'bad-origin', '他のサイトからは呼び出せません', 'cross-origin call refused');
        }
        const site = req.headers['sec-fetch-site'];
        if (site !== undefined && site !== 'same-origin' && site !== 'none') {
          return refuse(res, 403, 'bad-origin', '他のサイトからは呼び出せません', 'cross-site call refused');
        }
        const sent = req.headers[TOKEN_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, token)) {
          return refuse(
            res,
            401,
            'bad-token',
            'アクセス用のトークンがありません。起動時に表示されたアドレスで開いてください',
            'missing or wrong access token',
          );
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'content-type', 'JSON で送ってください', 'Content-Type must be application/json');
        }
        if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
          res.setHeader('Connection', 'close');
          return refuse(res, 413, 'too-large', 'リクエストが大きすぎます', 'request body too large');
        }
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'too-large', 'リクエストが大きすぎます', 'request body too large');
        let payload: unknown;
        try {
          payload = body === '' ? undefined : JSON.parse(body);
        } catch {
          return refuse(res, 400, 'bad-json', 'JSON の形式が正しくありません', 'malformed JSON');
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        return sendJson(res, 200, await opts.call(name, payload));
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return refuse(res, 405, 'method', 'GET のみ使えます', 'only GET is allowed');
      }
      const file = readStatic(opts.staticDir, url.pathname);
      if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'not found', req.method === 'HEAD');
      return send(res, 200, file.type, file.body, req.method === 'HEAD');
    } catch (e) {
      if (!res.headersSent)
        refuse(res, 500, 'internal', '内部エラーが発生しました', `internal error: ${(e as Error).message}`);
    }
  });

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
