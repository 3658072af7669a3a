// npm run bench — prints numbers; nothing here is a test. Sections can be chosen:
//   npm run bench -- engine pack startup history trainer worker oqs ui   (default: all sections; `whatif` = the what-if part of ui)
// Each section prints its numbers beside a floor measured in the same run (bench/harness.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchHistory, formatHistoryBench } from '../electron/backend/history/bench';
import { benchWorker } from '../electron/backend/host/bench';
import { benchTrainer } from '../electron/backend/trainer/bench';
import { benchEngine, benchPackFile, benchStartup } from './engine';
import { benchOqs } from './oqs';
import { calibrate, formatTiming, printSection as print } from './harness';
import { benchWhatIfCompute } from './whatif';
import {
  benchColdStart,
  benchFirstLoad,
  benchHistoryFirstPage,
  benchKeypressToVerdict,
  benchWhatIfDraw,
  calibration,
  formatFigures,
} from './ui';

const sections = process.argv.slice(2);
const want = (name: string) => sections.length === 0 || sections.includes(name);
const dist = import.meta.dirname ?? '.';

console.log(`calibration: a fixed CPU loop (50 M xorshift steps) takes ${formatTiming(calibrate())}`);
if (want('engine')) {
  print(
    'engine: 20,000 generated scenarios, one process (median of 5 passes)',
    'as fast as the floor allows',
    await benchEngine(20_000),
  );
}
if (want('pack')) {
  print(
    'cli: decide on a 10,000-scenario pack, a whole process (median of 5)',
    '≤ 2× parse + serialise',
    await benchPackFile(join(dist, 'cli.mjs')),
  );
}
if (want('startup')) {
  print('cli: start-up (median of 11)', 'decide ≤ 150 ms', await benchStartup(join(dist, 'cli.mjs')));
}
if (want('history')) {
  console.log('\n## history: 1,000,000 rows   (goal: ≥ 20,000 rows/s, p95 ≤ 20 ms, WAL < 4 MB)');
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-history-'));
  try {
    console.log(formatHistoryBench(await benchHistory({ rows: 1_000_000, dir })));
  } finally {
    rmSync(dir, { recursive: true, force: true }); // 2.7 GB
  }
}
if (want('trainer')) {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-trainer-'));
  print(
    'trainer: a pack just under 20 MB; 5,000 answers',
    'import ≤ 10 s, answer ≤ 20 ms (one fsync each)',
    await benchTrainer({ dir, packFile: 'packs/default-pack.json' }),
  );
}
if (want('worker')) {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-worker-'));
  try {
    const r = await benchWorker({ script: join(dist, 'backend.cjs'), dir, packFile: 'packs/default-pack.json' });
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const row = (l: typeof r.idle) => `p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  max ${ms(l.max)}  (${l.n} decisions)`;
    print('worker: desk.decide through the backend thread, idle and during a 20 MB pack import', 'during < 100 ms', {
      'idle (floor)': row(r.idle),
      'during the import': row(r.duringImport),
      'import (whole)': `${ms(r.importMs)} for ${r.scenarios} scenarios`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (want('oqs')) {
  const dir = mkdtempSync(join(tmpdir(), 'shikaku-bench-oqs-'));
  try {
    print(
      'oqs: 連携 folder, request file → result file (demo registry, one at a time; then 1,000 at once)',
      'p95 ≤ 100 ms one at a time; 1,000 answered ≤ 30 s',
      await benchOqs({ dir }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (want('ui')) {
  console.log(`\n## ui (browser mode, Debian Chromium)   calibration: fixed CPU loop ${calibration()} ms`);
  console.log(formatFigures(benchFirstLoad()));
  console.log(formatFigures(await benchColdStart()));
  console.log(formatFigures(await benchKeypressToVerdict()));
  console.log(formatFigures(await benchHistoryFirstPage()));
}
// the what-if strip (issue 10) is part of `ui`; `npm run bench -- whatif` runs it alone
if (want('ui') || sections.includes('whatif')) {
  if (!want('ui'))
    console.log(`\n## what-if (browser mode, Debian Chromium)   calibration: ${formatTiming(calibrate())}`);
  console.log(formatFigures(benchWhatIfCompute()));
  console.log(formatFigures(await benchWhatIfDraw()));
}
