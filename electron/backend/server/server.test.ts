// The HTTP bridge with fake handlers behind the contract's dispatch: token, Host, origin, method,
// content type, size, forwarding.
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequest } from '../../../shared/contract';
import { ApiFailure, dispatch, type Handlers } from '../../../shared/contract/kernel';
import { startWebServer, type WebServer } from './server';

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
    expect(bad.error.en).toContain('query');
    expect(bad.error.ja).toContain('(検索する文字)');
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
