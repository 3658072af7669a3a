// npm run bench -- worker: how fast the desk is answered through the backend's worker thread, idle
// (the floor) and while a 20 MB pack import runs (goal: under 100 ms). Decisions are sent one
// after another, as a receptionist's clicks would be, through the same client both shells use.
// Prints numbers; asserts nothing.
import fs from 'node:fs';
import { bigPackText } from '../trainer/big-pack';
import { type BackendHost, startBackend } from './client';

const DECIDE = {
  patient: { walkIn: { birthDate: '1981-05-10', insurer: 'kyokai' } },
  presented: ['myna-card'],
  visitDate: '2026-01-20',
  clinic: { onlineCheck: true, phoneReader: false, incident: 'none' },
  visitType: 'first',
  needsLimit: false,
};

async function decideOnce(h: BackendHost): Promise<number> {
  const t = performance.now();
  const r = await h.call('desk.decide', DECIDE);
  if (!r.ok) throw new Error(r.error.en);
  return performance.now() - t;
}

export interface Latencies {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
const stats = (ms: number[]): Latencies => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
};

export async function benchWorker(opts: { script: string; dir: string; packFile: string }): Promise<{
  idle: Latencies;
  duringImport: Latencies;
  importMs: number;
  scenarios: number;
}> {
  const h = await startBackend({ script: opts.script, dataDir: opts.dir, shell: 'browser' });
  try {
    for (let i = 0; i < 20; i += 1) await decideOnce(h); // warm-up
    const idle: number[] = [];
    for (let i = 0; i < 200; i += 1) idle.push(await decideOnce(h));

    const { text, scenarios } = bigPackText(JSON.parse(fs.readFileSync(opts.packFile, 'utf8')));
    const begin = await h.call('trainer.importBegin', { fileName: 'bench.json', size: Buffer.byteLength(text) });
    if (!begin.ok) throw new Error(begin.error.en);
    const { uploadId, chunkChars } = begin.value as { uploadId: string; chunkChars: number };
    for (let i = 0, at = 0; at < text.length; i += 1, at += chunkChars)
      await h.call('trainer.importChunk', { uploadId, index: i, text: text.slice(at, at + chunkChars) });

    const during: number[] = [];
    let done = false;
    const t = performance.now();
    const finish = h.call('trainer.importFinish', { uploadId }).then((r) => {
      done = true;
      if (!r.ok) throw new Error(r.error.en);
      return performance.now() - t;
    });
    while (!done) during.push(await decideOnce(h));
    const importMs = await finish;
    return { idle: stats(idle), duringImport: stats(during), importMs, scenarios };
  } finally {
    await h.close();
  }
}
