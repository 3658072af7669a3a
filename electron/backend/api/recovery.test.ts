// A damaged database restored from the app (issue 11): the backend both shells run starts in
// recovery mode, lists the damaged file and the backups (dates, what they hold), and restores the
// chosen one — or starts empty, without demo patients, only when asked. 「バックアップを作成」 too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupChoice, RecoveryStatus } from '../../../shared/contract';
import type { ApiResult } from '../../../shared/contract/kernel';
import { dbPathOf } from '../db/data-dir';
import { tempDir } from '../testing/temp-dir';
import { createAppBackend } from './app-backend';
import { createApi } from './index';

const value = <T>(r: ApiResult<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.en}`);
  return r.value as T;
};
const patients = async (call: (n: unknown, p: unknown) => Promise<ApiResult<unknown>>) =>
  value<unknown[]>(await call('registry.search', { query: 'ア', limit: 200 })).length;

/** A data directory with the demo registry, one patient more, a manual backup, then a damaged file. */
async function damaged(): Promise<{ dir: string; backup: BackupChoice; before: number }> {
  const dir = tempDir();
  const api = await createApi({ dataDir: dir, shell: 'browser' });
  value(
    await api.call('registry.save', {
      name: '復元 太郎',
      kana: 'フクゲン タロウ',
      birthDate: '1980-01-01',
      sex: 'male',
      coverages: [{ insurer: 'kyokai', acquiredOn: '2015-04-01' }],
    }),
  );
  const before = await patients(api.call);
  const backup = value<BackupChoice>(await api.call('data.backup', {}));
  api.close();
  fs.writeFileSync(dbPathOf(dir), Buffer.alloc(32 * 1024, 0x42));
  return { dir, backup, before };
}

describe('recovery mode', () => {
  it('lists the damaged file and the backups, refuses everything else, restores the chosen backup', async () => {
    const { dir, backup, before } = await damaged();
    const app = await createAppBackend({ dataDir: dir, shell: 'browser' });
    const status = value<RecoveryStatus>(await app.call('data.recovery', {}));
    expect(status.needed).toBe(true);
    expect(status.quarantined).toHaveLength(1);
    expect(status.quarantined[0]).toMatchObject({ reason: 'corrupt', bytes: 32 * 1024, contents: null });
    expect(status.backups[0]).toMatchObject({ name: backup.name, ok: true, contents: backup.contents });
    expect(backup.contents!.patients).toBeGreaterThan(100);
    expect(status.log).toBe(path.join(dir, 'logs', 'database.log'));

    const blocked = await app.call('registry.search', { query: 'ア' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'db-recovery' } });
    expect((await app.call('data.backup', {})).ok).toBe(false);
    expect((await app.call('app.info', {})).ok).toBe(true);
    expect(await app.call('data.restore', { backup: 'nope.sqlite' })).toMatchObject({ ok: false });

    const r = value<{ restored: BackupChoice }>(await app.call('data.restore', { backup: backup.name }));
    expect(r.restored.name).toBe(backup.name);
    expect(await patients(app.call)).toBe(before);
    expect(value<unknown[]>(await app.call('registry.search', { query: '復元' }))).toHaveLength(1);
    expect(value<RecoveryStatus>(await app.call('data.recovery', {})).needed).toBe(false);
    app.close();
    // the damaged file is kept
    expect(fs.statSync(status.quarantined[0]!.file).size).toBe(32 * 1024);
  });

  it('starts empty only when asked, and then without demo patients', async () => {
    const { dir } = await damaged();
    const app = await createAppBackend({ dataDir: dir, shell: 'browser' });
    expect(fs.existsSync(dbPathOf(dir))).toBe(false);
    app.close();
    // a second start asks again: nothing was created meanwhile
    const again = await createAppBackend({ dataDir: dir, shell: 'browser' });
    expect(value<RecoveryStatus>(await again.call('data.recovery', {})).needed).toBe(true);
    expect(value(await again.call('data.startEmpty', {}))).toEqual({ started: true });
    expect(await patients(again.call)).toBe(0);
    again.close();
    // nor does any later start load them
    const later = await createAppBackend({ dataDir: dir, shell: 'browser' });
    expect(await patients(later.call)).toBe(0);
    later.close();
  });

  it('a healthy database: 「バックアップを作成」 writes one verified file; restoring is not needed', async () => {
    const dir = tempDir();
    const app = await createAppBackend({ dataDir: dir, shell: 'browser' });
    const b = value<BackupChoice>(await app.call('data.backup', {}));
    expect(b).toMatchObject({ kind: 'manual', ok: true });
    expect(b.contents!.patients).toBeGreaterThan(0);
    expect(fs.existsSync(b.file)).toBe(true);
    const status = value<RecoveryStatus>(await app.call('data.recovery', {}));
    expect(status).toMatchObject({ needed: false, quarantined: [] });
    expect(status.backups.map((x) => x.name)).toEqual([b.name]);
    expect(await app.call('data.restore', { backup: b.name })).toMatchObject({
      ok: false,
      error: { code: 'not-needed' },
    });
    app.close();
  });

  it('the command line does not enter recovery mode: it reports the damage', async () => {
    const { dir } = await damaged();
    await expect(createApi({ dataDir: dir, shell: 'cli', firstStartData: false })).rejects.toMatchObject({
      code: 'db-corrupt',
    });
  });
});
