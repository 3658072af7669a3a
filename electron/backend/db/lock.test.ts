// One process per data directory (issue 11, item 4): the lock file, its stale cases, and two real
// processes — two browser-mode servers, the app and a CLI command that writes — on one directory.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-dir';
import { LOCK_FILE_NAME, lockDataDir } from './lock';
import { openDatabase } from './open';

const ROOT = path.resolve(__dirname, '../../..');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** A live process that is not this one. */
function sleeper(): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(c);
  return c;
}

function writeLock(dir: string, content: object | string): string {
  const file = path.join(dir, LOCK_FILE_NAME);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('data-dir-in-use');
    return e as AppError;
  }
  throw new Error('not refused');
}

describe('the data directory lock', () => {
  it('is a file naming this process; release removes it', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('refuses while another live process holds it, with a clear Japanese and English message', () => {
    const dir = tempDir();
    const other = sleeper();
    const file = writeLock(dir, { pid: other.pid, host: os.hostname(), since: '2026-01-20T09:00:00Z' });
    const err = refusal(() => lockDataDir(dir));
    expect(err.ja).toContain('使用中です');
    expect(err.ja).toContain(`プロセス番号 ${other.pid}`);
    expect(err.ja).toContain(file);
    expect(err.en).toContain('in use by another shikaku-desk process');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(other.pid); // untouched
  });

  it('takes over a stale lock: a process that is gone, or this very process', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeLock(dir, { pid: gone, host: os.hostname(), since: '' });
    const a = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(a.file, 'utf8')).pid).toBe(process.pid);
    const b = lockDataDir(dir); // reopened in the same process (e.g. after a restore)
    b.release();
    // a lock file left half-written long ago is stale too; a fresh empty one is being written
    writeLock(dir, '');
    expect(() => lockDataDir(dir)).toThrow(AppError);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK_FILE_NAME), old, old);
    lockDataDir(dir).release();
  });

  it('never takes over a lock from another computer (a shared folder)', () => {
    const dir = tempDir();
    writeLock(dir, { pid: 1, host: 'reception-pc-2', since: '' });
    const err = refusal(() => lockDataDir(dir));
    expect(err.ja).toContain('reception-pc-2');
  });

  it('openDatabase refuses a directory in use and touches nothing', async () => {
    const dir = tempDir();
    const other = sleeper();
    writeLock(dir, { pid: other.pid, host: os.hostname(), since: '' });
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'data-dir-in-use' });
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
  });
});

describe('two processes on one data directory (built dist/)', () => {
  function startWeb(dir: string): Promise<{ child: ChildProcess; out: string; err: string; code: number | null }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/web.mjs'), '--port', '0', '--data-dir', dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SHIKAKU_DATA_DIR: '' },
      });
      children.push(child);
      let out = '';
      let err = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('#token=')) resolve({ child, out, err, code: null });
      });
      child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code) => resolve({ child, out, err, code }));
    });
  }
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.mjs'), ...args], { encoding: 'utf8' });

  it('a second browser-mode server and a writing CLI command are refused; read-only commands run beside', async () => {
    const dir = tempDir();
    const first = await startWeb(dir);
    expect(first.code).toBeNull();
    const second = await startWeb(dir);
    expect(second.code).toBe(1);
    expect(second.err).toContain('使用中です');
    expect(second.err).toContain(`プロセス番号 ${first.child.pid}`);
    expect(second.err).toContain('in use by another shikaku-desk process');

    const seed = cli(['registry', 'seed', '--data-dir', dir]);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('使用中です');
    const restore = cli(['db', 'restore', '--data-dir', dir]);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toContain('使用中です');

    const csv = cli(['history', 'export', '--data-dir', dir]);
    expect(csv.stderr).toBe('');
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain('判定');
    const list = cli(['db', 'backups', '--data-dir', dir]);
    expect(list.status).toBe(0);
    const backup = cli(['db', 'backup', '--data-dir', dir]);
    expect(backup.stderr).toBe('');
    expect(JSON.parse(backup.stdout).backup).toMatchObject({ kind: 'manual', ok: true });

    // once the first one quits cleanly, the directory is free again
    await new Promise<void>((r) => {
      first.child.once('exit', () => r());
      first.child.kill('SIGTERM');
    });
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    expect(cli(['registry', 'seed', '--data-dir', dir]).status).toBe(0);
  }, 60_000);
});
