// Shared Playwright fixtures: one browser-mode server per worker (its own temporary data directory
// and token), a network guard in every test (every request recorded; the test fails if one leaves
// 127.0.0.1),
// an API client for setting up data, and screenshots saved as artifacts.
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, CallInput, CallName, CallOutput } from '../shared/contract/kernel';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface WebServerHandle {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** the address to open, with the token in the fragment */
  url: string;
  token: string;
  dataDir: string;
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
}

/** Starts `node dist/web.mjs` on a free port; resolves once it printed its address. */
export async function startWebMode(dataDir: string): Promise<{ handle: WebServerHandle; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/web.mjs', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SHIKAKU_DATA_DIR: '' },
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web mode did not start: ${out} ${err}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}): ${err}`)));
  });
  const origin = new URL(url).origin;
  const token = /#token=(.+)$/.exec(url)![1]!;
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const res = await fetch(`${origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shikaku-Token': token },
      body: JSON.stringify(input),
    });
    const r = (await res.json()) as ApiResult<CallOutput<K>>;
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.en}`);
    return r.value;
  };
  return { handle: { origin, url, token, dataDir, call }, child };
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Saves a screenshot under test-results/screenshots/ and attaches it to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

export const test = base.extend<{ requests: string[]; allowedOrigins: string[] }, { server: WebServerHandle }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-e2e-'));
      const { handle, child } = await startWebMode(dataDir);
      await use(handle);
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // Every request of every page of the test (auto: it runs in every test, asked for or not); the
  // test fails afterwards if one went anywhere but 127.0.0.1.
  // The servers a test's pages may talk to: the worker's, and any a test starts itself (it adds them).
  allowedOrigins: async ({ server }, use) => use([server.origin]),
  requests: [
    async ({ context, allowedOrigins }, use) => {
      const seen: string[] = [];
      context.on('request', (r) => seen.push(r.url()));
      await use(seen);
      const outside = seen.filter(
        (u) => !allowedOrigins.some((o) => u.startsWith(`${o}/`)) && !u.startsWith('data:') && !u.startsWith('blob:'),
      );
      expect(outside, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
