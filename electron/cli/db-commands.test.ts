// The database's care from the command line (issue 11): a verified backup, the list of backups and
// damaged files, and restoring a damaged database — as a user runs the built dist/cli.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.join(__dirname, '../../dist/cli.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('db backup / backups / restore', () => {
  it('restores a corrupted database from the command line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shikaku-cli-restore-'));
    expect(cli(['registry', 'seed', '--data-dir', dir]).code).toBe(0);
    const made = cli(['db', 'backup', '--data-dir', dir]);
    expect(made.stderr).toBe('');
    const backup = JSON.parse(made.stdout).backup as { name: string; ok: boolean; contents: { patients: number } };
    expect(backup.ok).toBe(true);
    expect(backup.contents.patients).toBeGreaterThanOrEqual(100);

    // damage: the file is overwritten with something that is not a database
    fs.writeFileSync(path.join(dir, 'shikaku.sqlite'), Buffer.alloc(64 * 1024, 0x5a));
    const seed = cli(['registry', 'seed', '--data-dir', dir]);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('データベースが壊れていたため');
    expect(seed.stderr).not.toMatch(/SQLITE_|integrity_check/);
    // the next command does not start an empty database on its own
    expect(cli(['registry', 'seed', '--data-dir', dir]).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'shikaku.sqlite'))).toBe(false);

    const list = JSON.parse(cli(['db', 'backups', '--data-dir', dir]).stdout) as {
      quarantined: Array<{ name: string; bytes: number }>;
      backups: Array<{ name: string; ok: boolean; takenAt: string; contents: { patients: number } }>;
    };
    expect(list.quarantined).toHaveLength(1);
    expect(list.quarantined[0]!.bytes).toBe(64 * 1024);
    expect(list.backups[0]).toMatchObject({ name: backup.name, ok: true });
    expect(list.backups[0]!.takenAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const restored = cli(['db', 'restore', backup.name, '--data-dir', dir]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout).restored.name).toBe(backup.name);
    const csv = cli(['history', 'export', '--data-dir', dir]);
    expect(csv.code).toBe(0);
    const again = cli(['registry', 'seed', '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).seeded).toBe(0); // every demo patient came back with the backup
    // the damaged file is still there, untouched
    expect(fs.statSync(path.join(dir, list.quarantined[0]!.name)).size).toBe(64 * 1024);
  });

  it('restore without a name takes the newest good backup; a damaged or unknown one is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shikaku-cli-restore-'));
    expect(cli(['registry', 'seed', '--data-dir', dir]).code).toBe(0);
    const b = JSON.parse(cli(['db', 'backup', '--data-dir', dir]).stdout).backup as { name: string; file: string };
    fs.writeFileSync(b.file, 'damaged');
    const bad = cli(['db', 'restore', b.name, '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('壊れているため元に戻せません');
    expect(cli(['db', 'restore', 'nope.sqlite', '--data-dir', dir]).stderr).toContain('バックアップが見つかりません');
    expect(cli(['db', 'restore', '--data-dir', dir]).stderr).toContain('元に戻せるバックアップがありません');
  });
});
