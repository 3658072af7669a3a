// A read-only data directory gives a clear error (not a crash, not a half-written file). The
// probe runs in a child process as an unprivileged user when the tests run as root (root ignores
// directory permissions).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-dir';
import { openDatabase } from './open';
import { bundle, runNode } from './testing/run-bundled';

let probe = '';
beforeAll(async () => {
  probe = await bundle(path.join(__dirname, 'testing/open-probe.ts'));
});
afterAll(() => fs.rmSync(path.dirname(probe), { recursive: true, force: true }));

function probeOpen(dir: string) {
  const r = runNode(probe, [dir], { unprivileged: true });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.trim()) as { ok: boolean; code?: string; ja?: string; en?: string };
}

describe('read-only data directory', () => {
  it('the probe works on a writable directory', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    expect(probeOpen(dir)).toEqual({ ok: true });
  });

  it('an empty read-only directory: clear Japanese and English error, nothing written', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    const r = probeOpen(dir);
    expect(r.ok).toBe(false);
    expect(r.code).toBe('data-dir-readonly');
    expect(r.ja).toContain('書き込めません');
    expect(r.en).toContain('cannot write');
    expect(r.ja).toContain(dir);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an existing database in a directory that became read-only', async () => {
    const dir = tempDir();
    const o = await openDatabase({ dataDir: dir });
    o.db.close();
    const files = fs.readdirSync(dir).sort();
    fs.chmodSync(dir, 0o555);
    const r = probeOpen(dir);
    expect(r.code).toBe('data-dir-readonly');
    expect(fs.readdirSync(dir).sort()).toEqual(files);
  });

  it('a data directory that cannot be created', () => {
    const parent = tempDir();
    fs.chmodSync(parent, 0o555);
    const r = probeOpen(path.join(parent, 'sub', 'data'));
    expect(r.code).toBe('data-dir-readonly');
  });
});
