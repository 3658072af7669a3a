// Test helper: bundles a TypeScript entry with esbuild (the project's own bundler) into a
// CommonJS file and runs it with plain `node` in a child process — as an unprivileged user
// when the tests run as root, so that file permissions apply.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
export const NOBODY = 65534;

export async function bundle(entry: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shikaku-bundle-'));
  fs.chmodSync(dir, 0o755);
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.cjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  fs.chmodSync(outfile, 0o644);
  return outfile;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export function runNode(
  file: string,
  args: string[],
  opts: { unprivileged?: boolean } = {},
): { status: number | null; stdout: string; stderr: string } {
  const asNobody = opts.unprivileged === true && isRoot();
  const r = spawnSync(process.execPath, [file, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
