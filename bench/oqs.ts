// 連携 folder benchmark: request → result latency of `oqs serve`'s watcher on the demo registry,
// one request at a time and 1,000 dropped at once, beside two floors measured in the same run
// and folder — a bare copy of a request file, and the atomic write (temporary file, fsync,
// rename) every result needs — and the calibration figure (bench/harness.ts) taken right after.
import { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../electron/backend/db/open';
import { printedIdentifiers } from '../electron/backend/onshi/document';
import { oqsPaths, writeFileAtomic } from '../electron/backend/oqs/folder';
import { startOqsService } from '../electron/backend/oqs/service';
import { requestXml } from '../electron/backend/oqs/testing';
import { seedDemo } from '../electron/backend/registry/demo/seed';
import { RegistryRepository } from '../electron/backend/registry/repository';
import { calibrate, formatTiming } from './harness';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

export async function benchOqs(opts: { dir: string; sequential?: number; burst?: number }) {
  const sequential = opts.sequential ?? 300;
  const burst = opts.burst ?? 1000;
  const { db } = await openDatabase({ dataDir: join(opts.dir, 'data') });
  seedDemo(db);
  const repo = new RegistryRepository(db);
  const texts = repo
    .search('', { limit: 1000 })
    .items.map((p) => repo.get(p.id)!)
    .flatMap((p) =>
      p.coverages.map((c, i) => {
        const ids = printedIdentifiers(c, i);
        return requestXml({
          date: '20260115',
          insurerNumber: ids.insurerNumber,
          symbol: ids.symbol ?? null,
          number: ids.number,
          branch: ids.branch ?? null,
          birthDate: p.birthDate.replaceAll('-', ''),
        });
      }),
    );

  const root = mkdtempSync(join(opts.dir, 'oqs-'));
  const paths = oqsPaths(root);
  const waiters = new Map<string, (t: number) => void>();
  const answeredAt = new Map<string, number>();
  const watcher = startOqsService(db, {
    root,
    onEvent: (e) => {
      if (e.kind !== 'answered') return;
      const t = performance.now();
      answeredAt.set(e.request, t);
      waiters.get(e.request)?.(t);
    },
  });
  /** A レセコン's write: the request under a temporary name, renamed into req/. */
  const drop = (name: string, text: string) => {
    const tmp = join(paths.req, `.${name}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(paths.req, name));
    return performance.now();
  };

  // one request at a time (after a short warm-up)
  const single: number[] = [];
  for (let i = -20; i < sequential; i += 1) {
    const name = `OQSsiquc01req_s${i + 20}.xml`;
    const answered = new Promise<number>((r) => waiters.set(name, r));
    const t0 = drop(name, texts[(i + 20) % texts.length]!);
    const t1 = await answered;
    if (i >= 0) single.push(t1 - t0);
  }

  // 1,000 at once
  const sent = new Map<string, number>();
  const tb = performance.now();
  for (let i = 0; i < burst; i += 1) {
    const name = `OQSsiquc01req_b${String(i).padStart(5, '0')}.xml`;
    sent.set(name, drop(name, texts[i % texts.length]!));
  }
  await watcher.drain();
  const burstMs = performance.now() - tb;
  const burstLatency = [...sent].map(([n, t]) => answeredAt.get(n)! - t);
  await watcher.stop();
  db.close();

  // floors, in the same folder, with a request-sized file
  const copy: number[] = [];
  const atomic: number[] = [];
  const src = join(paths.req, 'floor-source.xml');
  writeFileSync(src, texts[0]!);
  for (let i = 0; i < sequential; i += 1) {
    let t = performance.now();
    copyFileSync(src, join(paths.res, `floor-copy-${i}.xml`));
    copy.push(performance.now() - t);
    t = performance.now();
    writeFileAtomic(join(paths.res, `floor-atomic-${i}.xml`), texts[0]!);
    atomic.push(performance.now() - t);
  }
  rmSync(root, { recursive: true, force: true });

  return {
    'request → result p50': ms(pct(single, 50)),
    'request → result p95': ms(pct(single, 95)),
    [`${burst} at once: all answered`]: `${(burstMs / 1000).toFixed(2)} s (${Math.round(burst / (burstMs / 1000))} requests/s)`,
    [`${burst} at once: p50 / p95`]: `${ms(pct(burstLatency, 50))} / ${ms(pct(burstLatency, 95))}`,
    'floor: bare copy p50': ms(pct(copy, 50)),
    'floor: atomic write p50': ms(pct(atomic, 50)),
    'floor: atomic write p95': ms(pct(atomic, 95)),
    'calibration (fixed CPU loop)': formatTiming(calibrate(3)),
  };
}
