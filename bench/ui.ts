// UI benchmarks in the browser mode (Debian Chromium through playwright-core). Hooks for
// `npm run bench` (bench/main.ts wires and prints them). Each returns plain numbers in ms.
//   benchColdStart()          process start → desk screen interactive (search box focused)
//   benchKeypressToVerdict()  Enter on 確認する → verdict rendered, over N decisions (goal p95 ≤ 50 ms)
//   benchHistoryFirstPage()   F2 → first history row rendered, with 100,000 rows (goal ≤ 200 ms)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { openDatabase } from '../electron/backend/db/open';
import { HistoryRepository, toInsertParams } from '../electron/backend/history/repository';
import { decideScenario } from '../shared/engine';
import { parseScenario, type Scenario } from '../shared/scenario';

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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 10) / 10;

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

async function withSetup<T>(
  opts: BenchOptions,
  prepare: ((dataDir: string) => Promise<void>) | null,
  body: (page: Page, url: string, startedAt: number) => Promise<T>,
): Promise<T> {
  const distDir = opts.distDir ?? path.join(import.meta.dirname ?? '.', '.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shikaku-bench-'));
  let browser: Browser | null = null;
  let child: ChildProcess | null = null;
  try {
    if (prepare) await prepare(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const startedAt = performance.now();
    const web = await startWeb(distDir, dataDir);
    child = web.child;
    return await body(page, web.url, startedAt);
  } finally {
    await browser?.close();
    if (child) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Cold start: server process spawn (fresh data dir: database created, demo registry loaded) → interactive desk. */
export async function benchColdStart(opts: BenchOptions = {}, runs = 3): Promise<Record<string, number>> {
  const totals: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await withSetup(opts, null, async (page, url, startedAt) => {
      const serverReady = performance.now();
      await page.goto(url);
      await page.locator('#patient-search:focus').waitFor();
      const end = performance.now();
      totals.push(end - startedAt);
      loads.push(end - serverReady);
    });
  }
  totals.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  return {
    runs,
    'total median ms': round(percentile(totals, 50)),
    'page only median ms': round(percentile(loads, 50)),
    'total max ms': round(totals.at(-1)!),
  };
}

/** Enter on 確認する → [data-verdict] rendered, measured inside the page (event time → DOM mutation). */
export async function benchKeypressToVerdict(
  opts: BenchOptions = {},
  decisions = 200,
): Promise<Record<string, number>> {
  return withSetup(opts, null, async (page, url) => {
    await page.goto(url);
    await page.locator('#patient-search').fill('a');
    const search = page.locator('#patient-search');
    await search.fill('');
    // any demo patient will do: pick the first one listed for a common kana
    await search.fill('ア');
    await page.getByRole('option').first().waitFor();
    await search.press('Enter');
    await page.locator('.btn-decide:focus').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __down: number };
      w.__lat = [];
      w.__down = 0;
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'Enter') w.__down = e.timeStamp;
        },
        true,
      );
      new MutationObserver(() => {
        const el = document.querySelector('[data-verdict]');
        if (el && w.__down) {
          w.__lat.push(performance.now() - w.__down);
          w.__down = 0;
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-verdict'],
      });
    });
    for (let i = 0; i < decisions; i += 1) {
      await page.keyboard.press('1'); // toggles マイナ保険証 (clears the previous answer)
      await page.keyboard.press('Enter');
      await page.locator('[data-verdict]').waitFor();
    }
    const lat = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort((a, b) => a - b);
    return {
      decisions: lat.length,
      'p50 ms': round(percentile(lat, 50)),
      'p95 ms': round(percentile(lat, 95)),
      'max ms': round(lat.at(-1)!),
    };
  });
}

/** History view with `rows` rows: F2 → first row rendered. */
export async function benchHistoryFirstPage(
  opts: BenchOptions = {},
  rows = 100_000,
  runs = 5,
): Promise<Record<string, number>> {
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
    await page.goto(url);
    await page.locator('#patient-search:focus').waitFor();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await page.keyboard.press('F1');
      await page.locator('#patient-search').waitFor();
      await page.locator('body').click({ position: { x: 5, y: 890 } });
      const t = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            const obs = new MutationObserver(() => {
              const cell = document.querySelector('[data-testid=history-row] [role=cell][data-verdict]');
              if (cell) {
                obs.disconnect();
                resolve(performance.now() - start);
              }
            });
            obs.observe(document.body, { subtree: true, childList: true });
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
          }),
      );
      times.push(t);
    }
    const total = Number((await page.getByTestId('history-count').textContent())!.replace(/[^\d]/g, ''));
    const first = times[0]!;
    const again = times.slice(1).sort((a, b) => a - b);
    // the first visit fetches the page from SQLite; later visits render the store's cached page
    return { rows: total, 'first visit ms': round(first), 'later visits median ms': round(percentile(again, 50)) };
  });
}
