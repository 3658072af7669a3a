// The database's care on the command line (issue 11):
//   db backup  [--data-dir DIR]            one verified backup file, beside a running app
//   db backups [--data-dir DIR]            the backups (dates, row counts) and any damaged file set aside
//   db restore [BACKUP] [--data-dir DIR]   puts a verified backup in place (default: the newest good
//                                          one); the app must not be running (the lock says so)
import { createBackup, recoveryOptions, restoreBackup } from '../backend/db/backup';
import { DEFAULT_DEV_DATA_DIR, resolveDataDir } from '../backend/db/data-dir';
import { lockDataDir } from '../backend/db/lock';
import { openDatabaseReadOnly } from '../backend/db/open';
import { AppError } from '../backend/errors';
import { type CliIo, InputError, json, options, subcommandError } from './io';

function parse(args: string[]): { sub: string | undefined; rest: string[]; dataDir: string } {
  const { values, rest: positionals } = options(args, { 'data-dir': { type: 'string' } });
  const [sub, ...rest] = positionals;
  const dataDir = resolveDataDir({ explicit: values['data-dir'] ?? null, fallback: DEFAULT_DEV_DATA_DIR });
  return { sub, rest, dataDir };
}

const out = (io: CliIo, v: unknown) => io.stdout(json(v));

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const { sub, rest, dataDir } = parse(args);
  const noMore = () => {
    if (rest.length > 0) throw new InputError([`不明な引数 / unknown argument: ${rest.join(' ')}`]);
  };
  try {
    switch (sub) {
      case 'backup': {
        noMore();
        // read-only on the database: it may run beside the app
        const ro = openDatabaseReadOnly(dataDir);
        try {
          const b = await createBackup(ro.db, dataDir, 'manual');
          if (!b.ok) throw b.error;
          out(io, { backup: recoveryOptions(dataDir).backups.find((x) => x.name === b.backup.name) ?? b.backup });
          return 0;
        } finally {
          ro.close();
        }
      }
      case 'backups':
        noMore();
        out(io, recoveryOptions(dataDir));
        return 0;
      case 'restore': {
        if (rest.length > 1) throw new InputError([`不明な引数 / unknown argument: ${rest.slice(1).join(' ')}`]);
        const lock = lockDataDir(dataDir);
        try {
          const name = rest[0] ?? recoveryOptions(dataDir).backups.find((b) => b.ok)?.name;
          if (name === undefined) {
            throw new AppError(
              'not-found',
              `元に戻せるバックアップがありません: ${dataDir}`,
              `there is no backup to restore: ${dataDir}`,
            );
          }
          const r = restoreBackup(dataDir, name);
          out(io, { restored: r.restored, movedAside: r.movedAside });
          return 0;
        } finally {
          lock.release();
        }
      }
      default:
        throw subcommandError('db', sub, ['backup', 'backups', 'restore']);
    }
  } catch (e) {
    if (e instanceof AppError) throw new InputError([`${e.ja} / ${e.en}`]);
    throw e;
  }
}
