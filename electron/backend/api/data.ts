// data.* calls: the database's care from the app. 「バックアップを作成」 in the settings, the list of
// backups — and, after a damaged database was set aside, the restore screen: the backend then
// runs in recovery mode (./app-backend.ts) until the clinic restores a backup or starts empty.
import path from 'node:path';
import type { BackupChoice, RecoveryStatus } from '../../../shared/contract';
import type { Handlers } from '../../../shared/contract/kernel';
import type { Database } from 'better-sqlite3';
import { createBackup, recoveryOptions } from '../db/backup';
import { DATABASE_LOG } from '../db/open';
import { AppError } from '../errors';

type DataCall = 'data.recovery' | 'data.backup' | 'data.restore' | 'data.startEmpty';

export function recoveryStatus(dataDir: string, needed: boolean): RecoveryStatus {
  return { needed, dataDir, log: path.join(dataDir, DATABASE_LOG), ...recoveryOptions(dataDir) };
}

/** The backup as the screens list it (verified again, with what it holds). */
export function choiceOf(dataDir: string, name: string): BackupChoice {
  const b = recoveryOptions(dataDir).backups.find((x) => x.name === name);
  if (!b) throw new AppError('not-found', 'バックアップが見つかりません', 'no such backup');
  return b;
}

const notNeeded = () =>
  new AppError(
    'not-needed',
    'データベースは正常に使えています。元に戻す必要はありません',
    'the database is healthy; there is nothing to restore',
  );

/** The data.* handlers of a backend with a healthy database. */
export function createDataHandlers(db: Database, dataDir: string, now: () => Date): Pick<Handlers, DataCall> {
  return {
    'data.recovery': () => recoveryStatus(dataDir, false),
    'data.backup': async () => {
      const b = await createBackup(db, dataDir, 'manual', now());
      if (!b.ok) throw b.error;
      return choiceOf(dataDir, b.backup.name);
    },
    'data.restore': () => {
      throw notNeeded();
    },
    'data.startEmpty': () => {
      throw notNeeded();
    },
  };
}
