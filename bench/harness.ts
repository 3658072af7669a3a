// The benchmark harness every `npm run bench` section uses. This machine's speed varies (±40%
// between runs, other work on its two cores), so a number alone says little: each measurement runs
// several times and prints its median beside a floor measured in the same run the same way (the
// least any implementation would need), and every section starts with a calibration figure (a
// fixed CPU loop) to compare runs by. Nothing here is a test; nothing asserts on time.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/** Several timings of one thing, in ms. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: readonly number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** Runs `fn` `runs` times (after one warm-up unless told otherwise); each call returns its own time in ms. */
export async function measure(
  runs: number,
  fn: () => number | Promise<number>,
  { warmup = 1 }: { warmup?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await fn());
  return summarise(samples);
}

/** Wall time of a synchronous function, in ms. */
export function wallMs(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Wall time of a Node process (`node ...args`) from spawn to exit, in ms; throws if it fails. */
export function processMs(args: readonly string[], opts: SpawnSyncOptions = {}): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...opts });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${String(r.stderr).slice(0, 500)}`);
  return ms;
}

/**
 * The calibration figure: the median time of a fixed integer loop (a xorshift PRNG, 50 million
 * steps). On a quiet machine it is stable; when it is slow, every other number of the run is too.
 */
export function calibrate(runs = 5): Timing {
  const loop = () =>
    wallMs(() => {
      let x = 2463534242;
      for (let i = 0; i < 50_000_000; i += 1) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
      }
      if (x === 0) console.log('');
    });
  loop();
  return summarise(Array.from({ length: runs }, loop));
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** "412 ms (min 398, 5 runs)". */
export function formatTiming(t: Timing, unit = 'ms'): string {
  return `${fmt(t.median)} ${unit} (min ${fmt(t.min)}, ${t.runs} runs)`;
}

/** A measurement beside its floor: "412 ms, floor 210 ms, 1.96× floor (goal ≤ 2×)". */
export function besideFloor(t: Timing, floor: Timing, goal?: string): string {
  const ratio = t.median / floor.median;
  return `${fmt(t.median)} ms, floor ${fmt(floor.median)} ms → ${ratio.toFixed(2)}× floor${goal ? ` (goal ${goal})` : ''}`;
}

/** Prints a section: its title, the goal, then one line per value. */
export function printSection(title: string, goal: string, values: Record<string, number | string>): void {
  console.log(`\n## ${title}   (goal: ${goal})`);
  for (const [k, v] of Object.entries(values)) console.log(`  ${k.padEnd(30)} ${v}`);
}
