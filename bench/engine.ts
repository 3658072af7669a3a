// Engine benchmark: decisions per second and latency over generated scenarios in one process, and
// the wall time of `decide` on a 10,000-scenario pack file including process start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decideScenario } from '../shared/engine';
import { arbRawScenario } from '../shared/engine/testing/arbitrary';
import { type Scenario, parseScenario } from '../shared/scenario';

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function generateRaw(n: number, seed = 20261127): Record<string, unknown>[] {
  return fc.sample(arbRawScenario, { numRuns: n, seed }).map((r, i) => ({ ...r, id: `bench-${i}` }));
}

export function benchEngine(n = 100_000): Record<string, number> {
  const raws = generateRaw(n);
  const scenarios: Scenario[] = [];
  const t0 = performance.now();
  for (const r of raws) {
    const p = parseScenario(r);
    if (p.ok) scenarios.push(p.scenario);
  }
  const parseMs = performance.now() - t0;
  // warm-up, then one timed pass for throughput and one with per-call timing for latency
  for (let i = 0; i < Math.min(5_000, scenarios.length); i += 1) decideScenario(scenarios[i]!);
  const t1 = performance.now();
  let sink = 0;
  for (const s of scenarios) sink += decideScenario(s).copayPercent;
  const totalMs = performance.now() - t1;
  const lat = new Float64Array(scenarios.length);
  for (let i = 0; i < scenarios.length; i += 1) {
    const a = process.hrtime.bigint();
    sink += decideScenario(scenarios[i]!).copayPercent;
    lat[i] = Number(process.hrtime.bigint() - a) / 1000;
  }
  lat.sort();
  if (sink === -1) console.log('');
  return {
    scenarios: scenarios.length,
    validationPerSecond: Math.round(scenarios.length / (parseMs / 1000)),
    decisionsPerSecond: Math.round(scenarios.length / (totalMs / 1000)),
    p50us: +percentile(lat, 50).toFixed(1),
    p99us: +percentile(lat, 99).toFixed(1),
    maxUs: +lat[lat.length - 1]!.toFixed(1),
  };
}

export function benchPackFile(cli: string, n = 10_000): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-'));
  const file = join(dir, 'pack-10000.json');
  const scenarios = generateRaw(n, 7).map(({ format: _f, ...s }) => s);
  writeFileSync(file, JSON.stringify({ format: 'shikaku-pack/1', title: 'bench', scenarios }));
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'decide', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
    });
    runs.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`decide failed: ${r.stderr.toString().slice(0, 500)}`);
  }
  runs.sort((a, b) => a - b);
  const fileMB = +(statSync(file).size / 1e6).toFixed(1);
  rmSync(dir, { recursive: true, force: true });
  return { scenarios: n, fileMB, medianMs: Math.round(runs[2]!), bestMs: Math.round(runs[0]!) };
}
