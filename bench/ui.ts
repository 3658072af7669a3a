// UI benchmarks in the browser mode (Debian Chromium through playwright-core), for `npm run bench`
// (bench/main.ts prints them). Each figure is the median of several runs and comes with a floor
// measured in the same run, so a slow machine shows as a slow floor rather than a slow app:
//   firstLoad        the desk's first-load JavaScript (bytes, from the build)   floor: React's own bytes in it
//   coldStart        navigation → desk interactive (search box focused), measured in the page;
//                    the total adds the server's start with a fresh data directory
//                                                                                floor: navigating to a static file
//   keypressVerdict  Enter on 確認する → verdict in the DOM, in the page           floor: the same desk.decide request
//                                                                                       sent by fetch from the page
//   historyFirstPage F2 → first history row rendered, 100,000 rows, fresh page    floor: the same history.query by fetch
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { openDatabase } from '../electron/backend/db/open';
import { HistoryRepository, toInsertParams } from '../electron/backend/history/repository';
import { decideScenario } from '../shared/engine';
import { parseScenario, type Scenario } from '../shared/scenario';
import { FIRST_LOAD_BUDGET, firstLoad } from './bundle';
import { measureWhatIfDraw } from './whatif';

// ---- statistics (to be replaced by bench/harness.ts when it lands) ----
const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round = (n: number) => Math.round(n * 10) / 10;

/** A fixed CPU loop (xorshift, 2^25 steps), median of 5, in ms: how fast this machine is right now. */
export function calibration(): number {
  const times: number[] = [];
  for (let r = 0; r < 5; r += 1) {
    const t = performance.now();
    let x = 2463534242;
    for (let i = 0; i < 1 << 25; i += 1) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
    }
    times.push(performance.now() - t + (x === 0 ? 1 : 0));
  }
  return round(median(times));
}

/** One figure of a section: the measured value beside its floor and the budget. */
export interface UiFigure {
  name: string;
  value: number;
  floor: number | null;
  unit: 'ms' | 'bytes';
  budget: number | null;
  /** what the floor is */
  floorIs: string;
  runs: number;
}

const CHROMIUM = process.env.SHIKAKU_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BenchOptions {
  /** directory holding web.mjs and renderer/ (default: dist next to the bench bundle) */
  distDir?: string;
}
const distOf = (opts: BenchOptions) => opts.distDir ?? path.join(import.meta.dirname ?? '.', '.');

async function startWeb(distDir: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(distDir, 'web.mjs'), '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}): ${err}`)));
  });
  return { url, child };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A browser page and a fresh server (its own data directory, prepared first if asked). */
async function withSetup<T>(
  opts: BenchOptions,
  prepare: ((dataDir: string) => Promise<void>) | null,
  body: (page: Page, url: string, startedAt: number) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-bench-'));
  let browser: Browser | null = null;
  let child: ChildProcess | null = null;
  try {
    if (prepare) await prepare(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    // In every document: when the search box takes the focus (the desk is interactive), and the
    // last desk.decide request (the floor replays it).
    await page.addInitScript(() => {
      const w = window as unknown as { __interactiveAt?: number; __lastDecide?: string };
      document.addEventListener(
        'focusin',
        (e) => {
          if (w.__interactiveAt === undefined && (e.target as Element).id === 'patient-search') {
            w.__interactiveAt = performance.now();
          }
        },
        true,
      );
      const fetch0 = window.fetch.bind(window);
      window.fetch = (input, init) => {
        if (String(input).endsWith('/api/desk.decide') && typeof init?.body === 'string') w.__lastDecide = init.body;
        return fetch0(input, init);
      };
    });
    const startedAt = performance.now();
    const web = await startWeb(distOf(opts), dataDir);
    child = web.child;
    return await body(page, web.url, startedAt);
  } finally {
    await browser?.close();
    if (child) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Opens the desk and waits until it is interactive; returns ms from navigation start (in the page). */
async function openDesk(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined);
  return page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt);
}

/** Sends one API call `n` times from the page (fetch, the page's token) and returns each round trip in ms. */
function fetchTimes(page: Page, name: string, body: string, n: number): Promise<number[]> {
  return page.evaluate(
    async ({ name, body, n }) => {
      const token = sessionStorage.getItem('shikaku-token') ?? '';
      const out: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const t = performance.now();
        const r = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Shikaku-Token': token },
          body,
        });
        await r.json();
        out.push(performance.now() - t);
      }
      return out;
    },
    { name, body, n },
  );
}

/** The desk's first-load JavaScript, from the build. */
export function benchFirstLoad(opts: BenchOptions = {}): UiFigure[] {
  const r = firstLoad(path.join(distOf(opts), 'renderer'));
  return [
    {
      name: `desk first-load JS (${r.files.join(', ')})`,
      value: r.bytes,
      floor: r.reactBytes,
      floorIs: 'React, ReactDOM and the scheduler inside it',
      unit: 'bytes',
      budget: FIRST_LOAD_BUDGET,
      runs: 1,
    },
    ...r.lazy.map((l) => ({
      name: `loaded later: ${l.file}`,
      value: l.bytes,
      floor: null,
      floorIs: '',
      unit: 'bytes' as const,
      budget: null,
      runs: 1,
    })),
  ];
}

/** Cold start: a fresh server (database created, demo registry loaded) and a fresh page, `runs` times. */
export async function benchColdStart(opts: BenchOptions = {}, runs = 5): Promise<UiFigure[]> {
  const page: number[] = [];
  const total: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await withSetup(opts, null, async (p, url, startedAt) => {
      const serverReady = performance.now() - startedAt;
      const interactive = await openDesk(p, url);
      page.push(interactive);
      total.push(serverReady + interactive);
      // the floor: any page from this server (a static file, nothing to run)
      await p.goto(new URL('/favicon.svg', url).href);
      floor.push(await p.evaluate(() => performance.getEntriesByType('navigation')[0]!.duration));
    });
  }
  return [
    {
      name: 'page: navigation → desk interactive',
      value: round(median(page)),
      floor: round(median(floor)),
      floorIs: 'navigating to a static file of the same server',
      unit: 'ms',
      budget: 300,
      runs,
    },
    {
      name: 'total: server start → desk interactive',
      value: round(median(total)),
      floor: null,
      floorIs: '',
      unit: 'ms',
      budget: null,
      runs,
    },
  ];
}

/** Enter on 確認する → [data-verdict] in the DOM, measured in the page (event time → mutation), `runs` × `decisions`. */
export async function benchKeypressToVerdict(opts: BenchOptions = {}, decisions = 100, runs = 3): Promise<UiFigure[]> {
  const p50: number[] = [];
  const p95: number[] = [];
  const backend95: number[] = [];
  const toggle95: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await withSetup(opts, null, async (page, url) => {
      await openDesk(page, url);
      const search = page.locator('#patient-search');
      await search.fill('ア'); // any demo patient will do: the first one listed for a common kana
      await page.getByRole('option').first().waitFor();
      await search.press('Enter');
      await page.locator('.btn-decide:focus').waitFor();
      // In the page: from each key's event time to the DOM change it causes — Enter: the verdict
      // appears; a document key: the document button's aria-pressed flips (the same path without the backend).
      await page.evaluate(() => {
        const w = window as unknown as { __lat: number[]; __toggle: number[]; __key: string; __down: number };
        Object.assign(w, { __lat: [], __toggle: [], __key: '', __down: 0 });
        window.addEventListener(
          'keydown',
          (e) => {
            w.__key = e.key;
            w.__down = e.timeStamp;
          },
          true,
        );
        new MutationObserver((records) => {
          if (!w.__down) return;
          if (w.__key === 'Enter' && document.querySelector('[data-verdict]'))
            w.__lat.push(performance.now() - w.__down);
          else if (w.__key !== 'Enter' && records.some((r) => r.attributeName === 'aria-pressed'))
            w.__toggle.push(performance.now() - w.__down);
          else return;
          w.__down = 0;
        }).observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-verdict', 'aria-pressed'],
        });
      });
      const backend: number[] = [];
      // the patient's record is on the desk when its documents say whether they are held
      await page
        .locator('button.doc[data-kind="kakunin-sho"]')
        .filter({ hasText: '持っていません' })
        .or(page.locator('button.doc[data-kind="myna-card"]').filter({ hasText: 'マイナンバーカード' }))
        .first()
        .waitFor();
      await page.keyboard.press('1');
      await page.locator('button.doc[data-kind="myna-card"][aria-pressed="true"]').waitFor();
      for (let i = 0; i < decisions; i += 1) {
        // another document in or out changes the inputs and clears the previous answer, while the
        // マイナ保険証 stays handed over (the desk asks before deciding on nothing or after a double tap)
        await page.keyboard.press(i % 2 ? '9' : '5');
        await page.keyboard.press('Enter');
        await page.locator('[data-verdict]').waitFor();
        // the backend floor, sent the same way: one request right after each decision
        const body = await page.evaluate(() => (window as unknown as { __lastDecide: string }).__lastDecide);
        backend.push(...(await fetchTimes(page, 'desk.decide', body, 1)));
      }
      const { lat, toggle } = await page.evaluate(() => {
        const w = window as unknown as { __lat: number[]; __toggle: number[] };
        return { lat: [...w.__lat].sort((x, y) => x - y), toggle: [...w.__toggle].sort((x, y) => x - y) };
      });
      backend.sort((x, y) => x - y);
      p50.push(percentile(lat, 50));
      p95.push(percentile(lat, 95));
      backend95.push(percentile(backend, 95));
      toggle95.push(percentile(toggle, 95));
    });
  }
  return [
    {
      name: `keypress → verdict p95 (${decisions} decisions a run)`,
      value: round(median(p95)),
      floor: round(median(backend95)),
      floorIs: 'p95 of the same desk.decide by fetch from the page, one after each decision (backend + HTTP)',
      unit: 'ms',
      budget: 16,
      runs,
    },
    {
      name: 'keypress → document toggled p95',
      value: round(median(toggle95)),
      floor: null,
      floorIs: '',
      unit: 'ms',
      budget: null,
      runs,
    },
    {
      name: 'keypress → verdict p50',
      value: round(median(p50)),
      floor: null,
      floorIs: '',
      unit: 'ms',
      budget: null,
      runs,
    },
  ];
}

/** History with `rows` rows: F2 on a freshly loaded page → first row rendered, `runs` page loads. */
export async function benchHistoryFirstPage(opts: BenchOptions = {}, rows = 100_000, runs = 5): Promise<UiFigure[]> {
  const prepare = async (dataDir: string) => {
    const opened = await openDatabase({ dataDir, dailyBackup: false });
    const repo = new HistoryRepository(opened.db);
    const parsed = parseScenario(
      {
        id: 'bench',
        visitDate: '2026-01-20',
        clinic: { onlineCheck: true },
        patient: {
          birthDate: '1981-05-10',
          coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
          myna: { insuranceRegistered: true, certExpiresOn: '2030-05-10' },
        },
        presented: [{ kind: 'myna-card' }],
      },
      { inPack: true },
    );
    const scenario = (parsed as { scenario: Scenario }).scenario;
    const decision = decideScenario(scenario);
    const base = toInsertParams({ mode: 'desk', patientName: 'ベンチ 患者', scenario, decision, result: null });
    const day0 = Date.UTC(2025, 0, 1);
    for (let done = 0; done < rows;) {
      const batch = [];
      for (let i = 0; i < 10_000 && done < rows; i += 1, done += 1) {
        const d = new Date(day0 + Math.floor(done / 200) * 86_400_000).toISOString().slice(0, 10);
        batch.push({ ...base, day: d, at: `${d}T09:00:00.000+09:00`, scenarioId: `bench-${done}` });
      }
      repo.appendParams(batch);
    }
    opened.close();
  };
  return withSetup(opts, prepare, async (page, url) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await openDesk(page, i === 0 ? url : url.replace(/#.*$/, '')); // the token stays in the tab
      await page.locator('body').click({ position: { x: 5, y: 760 } });
      times.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              const obs = new MutationObserver(() => {
                if (document.querySelector('[data-testid=history-row] [role=cell][data-verdict]')) {
                  obs.disconnect();
                  resolve(performance.now() - start);
                }
              });
              obs.observe(document.body, { subtree: true, childList: true });
              window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
            }),
        ),
      );
    }
    const total = Number((await page.getByTestId('history-count').textContent())!.replace(/[^\d]/g, ''));
    const floor = await fetchTimes(page, 'history.query', JSON.stringify({ offset: 0, limit: 200 }), runs);
    return [
      {
        name: `history first page (${total.toLocaleString('en')} rows)`,
        value: round(median(times)),
        floor: round(median(floor)),
        floorIs: 'the same history.query (first 200 rows) by fetch from the page',
        unit: 'ms',
        budget: null,
        runs,
      },
    ];
  });
}

/** The what-if strip on the desk (bench/whatif.ts): 表示 for a new two-year range → painted. */
export async function benchWhatIfDraw(opts: BenchOptions = {}): Promise<UiFigure[]> {
  return withSetup(opts, null, async (page, url) => {
    await openDesk(page, url);
    return measureWhatIfDraw(page);
  });
}

/** The figures as lines: value, floor and budget side by side. */
export function formatFigures(figures: readonly UiFigure[]): string {
  const show = (n: number, unit: UiFigure['unit']) =>
    unit === 'bytes' ? `${(n / 1000).toFixed(1)} kB (${n.toLocaleString('en')} B)` : `${n} ms`;
  return figures
    .map((f) => {
      const parts = [`  ${f.name.padEnd(44)} ${show(f.value, f.unit).padStart(24)}`];
      if (f.runs > 1) parts.push(`median of ${f.runs}`);
      if (f.floor !== null) parts.push(`floor ${show(f.floor, f.unit)} (${f.floorIs})`);
      if (f.budget !== null)
        parts.push(`budget ≤ ${show(f.budget, f.unit)}: ${f.value <= f.budget ? 'met' : 'MISSED'}`);
      return parts.join(' · ');
    })
    .join('\n');
}
