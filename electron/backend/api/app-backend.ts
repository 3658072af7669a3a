// The backend both shells run (host/worker.ts): the normal one — or, when the database was found
// damaged and set aside, recovery mode until the clinic has chosen what to do.
import path from 'node:path';
import { parseRequest } from '../../../shared/contract';
import { CALL_NAMES, type CallBackend, type Handlers } from '../../../shared/contract/kernel';
import { dispatch } from '../../../shared/contract/dispatch';
import { restoreBackup } from '../db/backup';
import { lockDataDir } from '../db/lock';
import { AppError } from '../errors';
import { choiceOf, recoveryStatus } from './data';
import { type ApiOptions, appInfo, createApi } from './index';

/**
 * The backend both shells run: the normal one, or — when the database was found damaged and set
 * aside (AppError 'db-corrupt') — recovery mode, which answers only app.info and data.* until the
 * clinic chooses: data.restore puts a verified backup in place, data.startEmpty starts empty
 * (without demo patients); either way the normal backend then takes over. The command line does
 * not use this: it reports the damage and points to `db restore`.
 */
export async function createAppBackend(opts: ApiOptions): Promise<{ call: CallBackend; close(): void }> {
  try {
    return await createApi(opts);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'db-corrupt')) throw e;
  }
  const dataDir = path.resolve(opts.dataDir);
  const now = opts.now ?? (() => new Date());
  // the data directory stays this process's while the clinic chooses
  let lock: { release(): void } | null = lockDataDir(dataDir);
  let api: Awaited<ReturnType<typeof createApi>> | null = null;
  const open = async (startEmpty: boolean) => {
    lock?.release();
    lock = null;
    try {
      api = await createApi({ ...opts, startEmpty });
    } catch (e) {
      lock = lockDataDir(dataDir);
      throw e;
    }
  };
  const waiting = () =>
    new AppError(
      'db-recovery',
      'データベースを元に戻すまで使えません。画面の案内に従ってバックアップを選んでください',
      'the database must be restored first: choose a backup on the screen',
    );
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      () => {
        throw waiting();
      },
    ]),
  ) as unknown as Handlers;
  Object.assign(handlers, {
    'app.info': () => appInfo(opts, now),
    'data.recovery': () => recoveryStatus(dataDir, true),
    'data.backup': () => {
      throw waiting();
    },
    'data.restore': async ({ backup }) => {
      const restored = choiceOf(dataDir, backup);
      restoreBackup(dataDir, backup, now());
      await open(false);
      return { restored };
    },
    'data.startEmpty': async () => {
      await open(true);
      return { started: true as const };
    },
  } satisfies Partial<Handlers>);
  return {
    call: (name, payload) => (api ? api.call(name, payload) : dispatch(parseRequest, handlers, name, payload)),
    close: () => {
      if (api) api.close();
      lock?.release();
    },
  };
}
