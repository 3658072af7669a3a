// npm run bench -- trainer: a pack just under the 20 MB limit (./big-pack.ts) — checked and its rows
// prepared, imported (staged transactions, then one), exported; then the progress report over
// 5,000 answers. Prints numbers; asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { TraineeAnswer } from '../../../shared/trainer/grade';
import { openDatabase } from '../db/open';
import { bigPackText } from './big-pack';
import { createTrainerService } from './index';
import { preparePack } from './pack-file';
import { progressCsv, progressOf } from './progress';

const ms = (t: number) => `${t.toFixed(0)} ms`;

export async function benchTrainer(opts: { dir: string; packFile: string }): Promise<Record<string, string>> {
  const { text, scenarios } = bigPackText(JSON.parse(fs.readFileSync(opts.packFile, 'utf8')));

  let t = performance.now();
  const prepared = preparePack(text);
  const prepareMs = performance.now() - t;
  if (!prepared.ok) throw new Error(`bench pack does not validate: ${prepared.issues[0]?.en}`);

  const opened = await openDatabase({ dataDir: path.join(opts.dir, 'db'), dailyBackup: false });
  const trainer = createTrainerService(opened.db, { log: () => undefined });
  t = performance.now();
  const pack = await trainer.packs.importInTurns(prepared.title, prepared.rows, 'import', 'bench.json');
  const importMs = performance.now() - t;
  t = performance.now();
  const exported = trainer.packs.exportJson(pack.id);
  const exportMs = performance.now() - t;
  t = performance.now();
  trainer.packs.get(pack.id);
  const listMs = performance.now() - t;

  // 50 sessions × 100 answers
  const answer: TraineeAnswer = { verdict: 'insured', copayPercent: 30, elderlyCardNeeded: false, documentsNeeded: [] };
  t = performance.now();
  for (let i = 0; i < 50; i += 1) {
    const st = trainer.sessions.start({
      traineeName: `研修生${i % 5}`,
      packId: pack.id,
      mode: 'exam',
      seed: i,
      count: 100,
    });
    for (let p = 1; p <= 100; p += 1) trainer.sessions.answer(st.session.id, p, answer, 5000);
  }
  const answerMs = (performance.now() - t) / 5000;
  t = performance.now();
  progressOf(trainer.sessions);
  const progressMs = performance.now() - t;
  t = performance.now();
  const csv = progressCsv(trainer.sessions, 'answers');
  const csvMs = performance.now() - t;
  opened.close();
  return {
    'pack size': `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB, ${scenarios} scenarios`,
    'prepare (parse+zod+engine)': ms(prepareMs),
    'import (in turns)': ms(importMs),
    export: `${ms(exportMs)} (${(exported.json.length / 1024 / 1024).toFixed(1)} MB)`,
    'pack list (all rows)': ms(listMs),
    'answer (grade+insert)': `${answerMs.toFixed(2)} ms each`,
    'progress, 5,000 answers': ms(progressMs),
    'CSV, 5,000 answers': `${ms(csvMs)} (${csv.rows} rows)`,
  };
}
