// The benchmark itself runs in `npm run bench` (1,000,000 rows); here only that it works.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-dir';
import { benchHistory, formatHistoryBench } from './bench';

describe('benchHistory', () => {
  it('inserts, queries and measures (small run, no timing assertions)', async () => {
    const dir = path.join(tempDir(), 'bench');
    const r = await benchHistory({ rows: 3000, dir, batchSize: 500, queryRuns: 5, patients: 50, days: 30 });
    expect(r.rows).toBe(3000);
    expect(r.queries.map((q) => q.name)).toEqual(['30 days + verdict', '7 days', 'patient', 'patient + verdict']);
    expect(r.queries.find((q) => q.name === 'patient')!.avgMatches).toBe(60);
    expect(r.queries.find((q) => q.name === '7 days')!.avgMatches).toBeGreaterThan(0);
    expect(r.bytesPerRow).toBeGreaterThan(1000);
    expect(r.fileBytes).toBe(fs.statSync(path.join(dir, 'shikaku.sqlite')).size);
    expect(formatHistoryBench(r)).toContain('rows/s');
    // acknowledged batches reach the main file, and the WAL stays small (issue 11)
    expect(r.mainFileHeldAll).toBe(true);
    expect(r.walMaxBytes).toBeGreaterThan(0);
    expect(r.walMaxBytes).toBeLessThan(4_000_000);
    await expect(benchHistory({ rows: 10, dir })).rejects.toThrow(/empty directory/);
  });
});
