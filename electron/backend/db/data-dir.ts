// Where the data lives. One SQLite file `shikaku.sqlite` in a data directory, backups in
// `<dataDir>/backups/`, quarantined (corrupt or replaced) files next to the database.
//
// Resolution order: an explicit directory (--data-dir, a test's temp dir) → the environment
// variable SHIKAKU_DATA_DIR → the caller's default. Electron passes app.getPath('userData');
// the command line and the browser-mode server pass DEFAULT_DEV_DATA_DIR (`./.data`, relative to
// the working directory, i.e. the checkout when run through npm).
import path from 'node:path';

export const DB_FILE_NAME = 'shikaku.sqlite';
const BACKUP_DIR_NAME = 'backups';
const DATA_DIR_ENV = 'SHIKAKU_DATA_DIR';
/** The default for the command line and browser mode (not for the packaged Electron app). */
export const DEFAULT_DEV_DATA_DIR = './.data';

export function resolveDataDir(opts: { explicit?: string | null; env?: NodeJS.ProcessEnv; fallback: string }): string {
  const env = opts.env ?? process.env;
  const chosen = opts.explicit?.trim() || env[DATA_DIR_ENV]?.trim() || opts.fallback;
  return path.resolve(chosen);
}

export const dbPathOf = (dataDir: string) => path.join(dataDir, DB_FILE_NAME);
export const backupDirOf = (dataDir: string) => path.join(dataDir, BACKUP_DIR_NAME);
