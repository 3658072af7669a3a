// npm run bench — prints numbers; nothing here is a test. Sections can be chosen:
//   npm run bench -- engine pack startup history trainer ui   (default: all sections)
// Each section prints its numbers beside a floor measured in the same run (bench/harness.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchHistory, formatHistoryBench } from '../electron/backend/history/bench';
import { benchTrainer } from '../electron/backend/trainer/bench';
import { benchEngine, benchPackFile, benchStartup } from './engine';
import { calibrate, formatTiming, printSection } from './harness';
import { benchColdStart, benchHistoryFirstPage, benchKeypressToVerdict } from './ui';

const sections = process.argv.slice(2);
const want = (name: string) => sections.length === 0 || sections.includes(name);
const dist = import.meta.dirname ?? '.';

console.log(`calibration: a fixed CPU loop (50 M xorshift steps) takes ${formatTiming(calibrate())}`);
if (want('engine')) {
  printSection(
    'engine: 20,000 generated scenarios, one process (median of 5 passes)',
    'as fast as the floor allows',
    await benchEngine(20_000),
  );
}
if (want('pack')) {
  printSection(
    'cli: decide on a 10,000-scenario pack, a whole process (median of 5)',
    '≤ 2× parse + serialise',
    await benchPackFile(join(dist, 'cli.mjs')),
  );
}
if (want('startup')) {
  printSection('cli: start-up (median of 11)', 'decide ≤ 150 ms', await benchStartup(join(dist, 'cli.mjs')));
}
if (want('history')) {
  console.log('\n## history: 1,000,000 rows   (goal: ≥ 20,000 rows/s, p95 ≤ 20 ms)');
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-history-'));
  try {
    console.log(formatHistoryBench(await benchHistory({ rows: 1_000_000, dir })));
  } finally {
    rmSync(dir, { recursive: true, force: true }); // 2.7 GB
  }
}
if (want('trainer')) {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-trainer-'));
  printSection(
    'trainer: a pack just under 20 MB; 5,000 answers',
    'import ≤ 10 s, answer ≤ 20 ms (one fsync each)',
    await benchTrainer({ dir, packFile: 'packs/default-pack.json' }),
  );
}
if (want('ui')) {
  printSection('ui: cold start → interactive (browser mode)', 'fast', await benchColdStart());
  printSection('ui: keypress → verdict rendered, 200 decisions', 'p95 ≤ 50 ms', await benchKeypressToVerdict({}, 200));
  printSection('ui: history first page with 100,000 rows', '≤ 200 ms', await benchHistoryFirstPage({}, 100_000));
}
