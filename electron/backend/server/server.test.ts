// The HTTP bridge with fake handlers behind the contract's dispatch: token, Host, origin, method,
// content type, size, forwarding.
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequest } from '../../../shared/contract';
import { ApiFailure, type Handlers } from '../../../shared/contract/kernel';
import { dispatch } from '../../../shared/contract/dispatch';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, startWebServer, type WebServer } from './server';

const calls: unknown[] = [];
const handlers = {
  'settings.get': () => ({
    clinicName: 'x',
    medicalInstitutionCode: '',
    onlineCheck: true,
    phoneReader: false,
    policy: {},
  }),
  'registry.search': (q: { query: string }) => {
    calls.push(q);
    return [];
  },
  'registry.get': () => {
    throw new ApiFailure('not-found', '患者が見つかりません', 'no such patient');
  },
} as unknown as Handlers;

let server: WebServer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'web-'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
beforeAll(async () => {
  server = await startWebServer({
    call: (name, payload) => dispatch(parseRequest, handlers, name, payload),
    staticDir: dir,
    port: 0,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  raw({
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'Content-Type': 'application/json', 'X-Shikaku-Token': server.token, ...headers },
    body: JSON.stringify(body),
  });

describe('browser-mode HTTP bridge', () => {
  it('binds 127.0.0.1 and prints a token URL in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{40,}$`));
  });

  it('serves the renderer with the security headers and no CORS', async () => {
    const r = await raw({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('dispatches a valid call, validating the payload with the contract', async () => {
    const ok = JSON.parse((await api('registry.search', { query: 'やまだ' })).body);
    expect(ok).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ query: 'やまだ' }]);
    const bad = JSON.parse((await api('registry.search', { query: 5 })).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid-input');
    expect(bad.error.ja).toContain('検索する文字'); // the field in Japanese
    expect(bad.error.en).toContain('query');
    const extra = JSON.parse((await api('registry.search', { query: 'a', evil: true })).body);
    expect(extra.ok).toBe(false);
  });

  it('handler failures arrive as { ok: false, error } with both languages', async () => {
    const r = JSON.parse((await api('registry.get', { id: '9' })).body);
    expect(r).toEqual({ ok: false, error: { code: 'not-found', ja: '患者が見つかりません', en: 'no such patient' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await api('settings.get', {}, { 'X-Shikaku-Token': '' })).status).toBe(401);
    expect((await api('settings.get', {}, { 'X-Shikaku-Token': server.token.slice(1) + 'A' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding), also for static files', async () => {
    expect((await api('settings.get', {}, { Host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await raw({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(421);
    expect((await api('settings.get', {}, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses other origins, non-POST, non-JSON and oversized bodies', async () => {
    expect((await api('settings.get', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('settings.get', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('settings.get', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await raw({ method: 'GET', path: '/api/settings.get' })).status).toBe(405);
    expect((await api('settings.get', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await api('settings.get', { big: 'x'.repeat(1_100_000) })).status).toBe(413);
    expect(
      (
        await raw({
          method: 'POST',
          path: '/api/settings.get',
          headers: { 'Content-Type': 'application/json', 'X-Shikaku-Token': server.token },
          body: '{nope',
        })
      ).status,
    ).toBe(400);
  });

  it('an unknown call is an error, not a crash', async () => {
    const r = JSON.parse((await api('__proto__', {})).body);
    expect(r.error.code).toBe('unknown-call');
  });
});

/** Writes a raw HTTP/1.1 request on a socket; resolves with the status line's code and the whole response. */
function rawSocket(request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}

describe('browser-mode HTTP bridge: hardening (issue 11)', () => {
  const host = () => `Host: 127.0.0.1:${server.port}\r\n`;

  it.each(['//[', 'http://[', '/api/%E0%A4%A', '/api/%', '//evil.example/api/settings.get', '*'])(
    'a malformed or non-path target is a 400 (never a 500, nothing internal), before the token check: %s',
    async (target) => {
      const r = await rawSocket(`POST ${target} HTTP/1.1\r\n${host()}Content-Length: 0\r\n\r\n`);
      expect(r.status).toBe(400);
      expect(r.text).not.toMatch(/Invalid URL|URIError|URI malformed|at .*\.(js|ts):\d+/);
    },
  );

  it('refuses a request with two Host headers, even if both are allowed', async () => {
    const r = await rawSocket(`GET / HTTP/1.1\r\n${host()}${host()}\r\n`);
    expect(r.status).toBe(400);
    const evil = await rawSocket(`GET / HTTP/1.1\r\n${host()}Host: evil.example\r\n\r\n`);
    expect(evil.status).toBe(400);
  });

  it('deeply nested JSON is invalid-input, and the server goes on answering', async () => {
    const deep = `{"query": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = await raw({
      method: 'POST',
      path: '/api/registry.search',
      headers: { 'Content-Type': 'application/json', 'X-Shikaku-Token': server.token },
      body: deep,
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('invalid-input');
    expect(JSON.parse((await api('registry.search', { query: 'ok' })).body).ok).toBe(true);
  });

  it('Content-Type must be exactly application/json (UTF-8)', async () => {
    for (const type of ['application/jsonp', 'application/json-seq', 'application/json; charset=latin1', 'text/json'])
      expect((await api('settings.get', {}, { 'Content-Type': type })).status, type).toBe(415);
    for (const type of ['application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'])
      expect((await api('settings.get', {}, { 'Content-Type': type })).status, type).toBe(200);
  });

  it('does not serve source maps', async () => {
    writeFileSync(path.join(dir, 'app.js.map'), '{"sources":["../src/App.tsx"]}');
    expect((await raw({ path: '/app.js.map' })).status).toBe(404);
  });

  it('stops reading after refusing: a client without the token cannot hold the connection by dripping a body', async () => {
    const declared = 100_000;
    const outcome = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1');
      let sent = 0;
      let text = '';
      let timer: NodeJS.Timeout | undefined;
      socket.setEncoding('utf8');
      socket.on('connect', () => {
        socket.write(
          `POST /api/settings.get HTTP/1.1\r\n${host()}Content-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
        );
        timer = setInterval(() => {
          if (socket.writable && sent < declared) {
            socket.write('x');
            sent += 1;
          }
        }, 20);
      });
      socket.on('data', (d: string) => (text += d));
      socket.on('error', () => undefined); // the server may reset the connection: that is the point
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), sent });
      });
      setTimeout(() => reject(new Error('the connection was held open')), 20_000).unref();
    });
    expect(outcome.status).toBe(401);
    expect(outcome.sent).toBeLessThan(declared);
  }, 30_000);

  it('headers must arrive in time, and the whole request too (short limits in this test)', async () => {
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    const quick = await startWebServer({
      call: (name, payload) => dispatch(parseRequest, handlers, name, payload),
      staticDir: dir,
      port: 0,
      timeouts: { headersMs: 300, requestMs: 600 },
    });
    try {
      const closed = await new Promise<string>((resolve) => {
        const socket = net.connect(quick.port, '127.0.0.1', () =>
          socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\n`),
        );
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (d: string) => (text += d));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(text));
      });
      expect(closed).toMatch(/^(HTTP\/1\.1 408|$)/);
    } finally {
      await quick.close();
    }
  }, 30_000);
});
