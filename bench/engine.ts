// Engine benchmarks, each beside a floor measured in the same run (bench/harness.ts):
//   benchEngine     decisions per second and per-decision latency in one process, beside the cost
//                   of serialising each scenario once (reading every field: what any engine needs)
//   benchPackFile   `decide` on a 10,000-scenario pack file (a whole process), beside a Node process
//                   that only parses the same file and serialises it again
//   benchStartup    the command line's start-up, beside `node -e 0`
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decide, decideScenario, observe } from '../shared/engine';
import { arbRawScenario } from '../shared/engine/testing/arbitrary';
import { parseScenario, type Scenario } from '../shared/scenario';
import { besideFloor, formatTiming, measure, processMs, summarise, wallMs } from './harness';

function generateRaw(n: number, seed = 20261127): Record<string, unknown>[] {
  return fc.sample(arbRawScenario, { numRuns: n, seed }).map((r, i) => ({ ...r, id: `bench-${i}` }));
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Per-call latency in µs of `fn` over every item: p50 and p99. */
function latency<T>(items: readonly T[], fn: (x: T) => unknown): { p50: number; p99: number } {
  const lat = new Float64Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const a = process.hrtime.bigint();
    fn(items[i]!);
    lat[i] = Number(process.hrtime.bigint() - a) / 1000;
  }
  lat.sort();
  return { p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

export async function benchEngine(n = 20_000): Promise<Record<string, string>> {
  const scenarios: Scenario[] = [];
  const raws = generateRaw(n);
  const validation = wallMs(() => {
    for (const r of raws) {
      const p = parseScenario(r);
      if (p.ok) scenarios.push(p.scenario);
    }
  });
  const observations = scenarios.map((s) => observe(s));
  let sink = 0;
  const pass = (fn: (s: Scenario) => number) => () => wallMs(() => scenarios.forEach((s) => (sink += fn(s))));
  const floor = await measure(
    5,
    pass((s) => JSON.stringify(s).length),
  );
  const engine = await measure(
    5,
    pass((s) => decideScenario(s).copayPercent),
  );
  const ruleBook = await measure(5, () => wallMs(() => observations.forEach((o) => (sink += decide(o).copayPercent))));
  const perSecond = (t: { median: number }) => Math.round(scenarios.length / (t.median / 1000)).toLocaleString('en');
  const lat = latency(scenarios, (s) => decideScenario(s));
  const floorLat = latency(scenarios, (s) => JSON.stringify(s));
  if (sink === -1) console.log('');
  return {
    scenarios: `${scenarios.length.toLocaleString('en')} (validation ${Math.round(scenarios.length / (validation / 1000)).toLocaleString('en')}/s)`,
    'decideScenario (observe+decide)': `${perSecond(engine)} decisions/s — ${besideFloor(engine, floor)}`,
    'decide (observations)': `${perSecond(ruleBook)} decisions/s — ${formatTiming(ruleBook)}`,
    'floor: serialise each scenario': `${perSecond(floor)} /s — ${formatTiming(floor)}`,
    'latency p50 / p99': `${lat.p50.toFixed(1)} / ${lat.p99.toFixed(1)} µs (floor ${floorLat.p50.toFixed(1)} / ${floorLat.p99.toFixed(1)} µs)`,
  };
}

/** A Node script that only reads a JSON file, parses it and serialises it again to standard output. */
const FLOOR_SCRIPT = `import { readFileSync } from 'node:fs';
process.stdout.write(JSON.stringify(JSON.parse(readFileSync(process.argv[2], 'utf8')), null, 2));\n`;

export async function benchPackFile(cli: string, n = 10_000, runs = 5): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-'));
  try {
    const file = join(dir, 'pack-10000.json');
    const floorScript = join(dir, 'floor.mjs');
    const scenarios = generateRaw(n, 7).map(({ format: _f, ...s }) => s);
    writeFileSync(file, JSON.stringify({ format: 'shikaku-pack/1', title: 'bench', scenarios }));
    writeFileSync(floorScript, FLOOR_SCRIPT);
    // interleaved, so that a busy moment of the machine hits both alike
    const decide: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i <= runs; i += 1) {
      const d = processMs([cli, 'decide', file]);
      const f = processMs([floorScript, file]);
      if (i === 0) continue; // warm-up: the file system cache
      decide.push(d);
      floor.push(f);
    }
    return {
      file: `${n.toLocaleString('en')} scenarios, ${(statSync(file).size / 1e6).toFixed(1)} MB`,
      'decide (whole process)': besideFloor(summarise(decide), summarise(floor), '≤ 2×'),
      'floor: parse + serialise': formatTiming(summarise(floor)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStartup(cli: string, runs = 11): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-'));
  try {
    const one = join(dir, 'one.json');
    writeFileSync(one, JSON.stringify({ ...generateRaw(1)[0], format: 'shikaku-scenario/1' }));
    const floor: number[] = [];
    const help: number[] = [];
    const decide: number[] = [];
    const returns: number[] = [];
    for (let i = 0; i <= runs; i += 1) {
      const f = processMs(['-e', '0']);
      const h = processMs([cli, 'help']);
      const r = processMs([cli, 'returns', '--retired', '2025-12-15']);
      const d = processMs([cli, 'decide', one]);
      if (i === 0) continue;
      floor.push(f);
      help.push(h);
      returns.push(r);
      decide.push(d);
    }
    const floorT = summarise(floor);
    return {
      'decide one scenario': besideFloor(summarise(decide), floorT, '≤ 150 ms'),
      'returns (no validation)': besideFloor(summarise(returns), floorT),
      help: besideFloor(summarise(help), floorT),
      'floor: node -e 0': formatTiming(floorT),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
