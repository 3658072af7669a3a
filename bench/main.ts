// npm run bench — prints numbers; nothing here is a test. Sections can be chosen:
//   npm run bench -- engine pack history trainer worker ui   (default: all sections)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchHistory, formatHistoryBench } from '../electron/backend/history/bench';
import { benchWorker } from '../electron/backend/host/bench';
import { benchTrainer } from '../electron/backend/trainer/bench';
import { benchEngine, benchPackFile } from './engine';
import {
  benchColdStart,
  benchFirstLoad,
  benchHistoryFirstPage,
  benchKeypressToVerdict,
  calibration,
  formatFigures,
} from './ui';

const sections = process.argv.slice(2);
const want = (name: string) => sections.length === 0 || sections.includes(name);
const dist = import.meta.dirname ?? '.';

function print(title: string, goal: string, values: Record<string, number | string>) {
  console.log(`\n## ${title}   (goal: ${goal})`);
  for (const [k, v] of Object.entries(values)) console.log(`  ${k.padEnd(22)} ${v}`);
}

if (want('engine')) {
  print('engine: 100,000 generated scenarios, one process', '≥ 100,000 decisions/s, p99 ≤ 50 µs', benchEngine(100_000));
}
if (want('pack')) {
  print(
    'cli: decide on a 10,000-scenario pack, incl. process start (5 runs)',
    '≤ 1.5 s',
    benchPackFile(join(dist, 'cli.mjs')),
  );
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
if (want('ui')) {
  console.log(`\n## ui (browser mode, Debian Chromium)   calibration: fixed CPU loop ${calibration()} ms`);
  console.log(formatFigures(benchFirstLoad()));
  console.log(formatFigures(await benchColdStart()));
  console.log(formatFigures(await benchKeypressToVerdict()));
  console.log(formatFigures(await benchHistoryFirstPage()));
}
