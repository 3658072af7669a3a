// CLI commands backed by the database and the simulated national system:
//   onshi FILE… [--xml]                       (issue 3 item 4)
//   history export [--from D] [--to D] [--verdict V] [--data-dir DIR]
//   registry seed [--replace] [--data-dir DIR]
//   db backup | backups | restore              (db-commands.ts)
//   oqs serve --root DIR [--data-dir DIR] [--once] …   (issue 12: the 連携 folder mode)
// The history and registry commands are calls of the contract, made in-process through the
// backend's `call` (the contract's dispatch): their options are parsed here (./io.ts,
// util.parseArgs), their values once, by the contract, with the same messages as in the app.
import type { CallInput, CallName, CallOutput } from '../../shared/contract/kernel';
import { createApi } from '../backend/api';
import { DEFAULT_DEV_DATA_DIR, resolveDataDir } from '../backend/db/data-dir';
import { AppError } from '../backend/errors';
import { onshiForScenario } from '../backend/onshi/document';
import { toXml } from '../backend/onshi/xml';
import { openDatabaseReadOnly } from '../backend/db/open';
import { type OqsNames, oqsPaths } from '../backend/oqs/folder';
import { startOqsService } from '../backend/oqs/service';
import { RegistryRepository } from '../backend/registry/repository';
import { dbCommand } from './db-commands';
import { type CliIo, type Command, InputError, json, options, subcommandError } from './io';
import { loadScenarioFiles } from './inputs';

/**
 * Opens the backend on the data directory, makes one call, and closes it. `read-only`: no lock,
 * nothing moved, migrated or backed up (it may run beside the app); `write`: the data directory's
 * lock is held (one writer at a time).
 */
async function callBackend<K extends CallName>(
  access: 'read-only' | 'write',
  dataDirOption: string | undefined,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const dataDir = resolveDataDir({ explicit: dataDirOption ?? null, env: process.env, fallback: DEFAULT_DEV_DATA_DIR });
  let api;
  try {
    // the command line never loads the demo registry or the bundled pack by itself
    api = await createApi({ dataDir, shell: 'cli', firstStartData: false, readOnly: access === 'read-only' });
  } catch (e) {
    if (e instanceof AppError) throw new InputError([`${e.ja} / ${e.en}`]);
    throw e;
  }
  try {
    const r = await api.call(name, input);
    if (!r.ok) throw new InputError([`${r.error.ja} / ${r.error.en}`]);
    return r.value as CallOutput<K>;
  } finally {
    api.close();
  }
}

async function onshi(args: string[], io: CliIo): Promise<number> {
  const { values, rest } = options(args, { xml: { type: 'boolean' } });
  const files = await loadScenarioFiles(rest, io);
  const answers = files.flatMap((f) => f.scenarios.map((s) => onshiForScenario(s)));
  // Every output is JSON (SCENARIO.md): with --xml, `result` is the UTF-8 XML document as a string.
  io.stdout(json(values.xml ? answers.map((a) => ({ ...a, result: a.result ? toXml(a.result) : null })) : answers));
  return 0;
}

/** The one subcommand a command has, and no other argument. */
function subcommand(command: string, rest: string[], allowed: string): void {
  const [sub, ...extra] = rest;
  if (sub !== allowed) throw subcommandError(command, sub, [allowed]);
  if (extra.length > 0) throw new InputError([`不明な引数 / unknown argument: ${extra.join(' ')}`]);
}

async function history(args: string[], io: CliIo): Promise<number> {
  const { values, rest } = options(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    verdict: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  subcommand('history', rest, 'export');
  const { from, to, verdict } = values;
  const out = await callBackend('read-only', values['data-dir'], 'history.exportCsv', {
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    // the contract names the allowed values when this is not one of them
    ...(verdict !== undefined ? { verdict: verdict as never } : {}),
  });
  io.stdout(out.csv);
  return 0;
}

async function registry(args: string[], io: CliIo): Promise<number> {
  const { values, rest } = options(args, { replace: { type: 'boolean' }, 'data-dir': { type: 'string' } });
  subcommand('registry', rest, 'seed');
  const replace = values.replace ?? false;
  const { count } = await callBackend('write', values['data-dir'], 'registry.seedDemo', { replace });
  io.stdout(`${JSON.stringify({ seeded: count, replace })}\n`);
  return 0;
}

const OQS_USAGE =
  '使い方 / usage: oqs serve --root DIR [--data-dir DIR] [--once] [--request-prefix P] [--result-prefix P] [--poll-ms N] [--settle-ms N]';

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,7}$/.test(v) || Number(v) === 0)
    throw new InputError([
      `--${name}: 1以上の整数 (ミリ秒) で指定してください / --${name}: a positive number of milliseconds`,
    ]);
  return Number(v);
}

/**
 * oqs serve: the 連携 folder mode (README 「レセコンの試験に使う」). Answers every request in
 * ROOT/req from the registry of the data directory — opened read-only, so it may serve beside the
 * app and sees the registry as the app changes it — until SIGINT/SIGTERM (with --once: until none
 * is left). Every event is one JSON line on standard output; refusals and problems are also
 * written in words on standard error.
 */
async function oqs(args: string[], io: CliIo): Promise<number> {
  const { values, rest } = options(args, {
    root: { type: 'string' },
    'data-dir': { type: 'string' },
    once: { type: 'boolean' },
    'request-prefix': { type: 'string' },
    'result-prefix': { type: 'string' },
    'poll-ms': { type: 'string' },
    'settle-ms': { type: 'string' },
  });
  if (rest.join(' ') !== 'serve') throw new InputError([OQS_USAGE]);
  const root = values.root;
  if (root === undefined)
    throw new InputError(['--root DIR (連携フォルダ) が必要です / --root DIR is required', OQS_USAGE]);
  const names: Partial<OqsNames> = {};
  for (const [flag, key] of [
    ['request-prefix', 'requestPrefix'],
    ['result-prefix', 'resultPrefix'],
  ] as const) {
    const v = values[flag];
    if (v === undefined) continue;
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(v))
      throw new InputError([
        `--${flag}: 英数字・_・- の40文字以内で指定してください / --${flag}: up to 40 of A-Z a-z 0-9 _ -`,
      ]);
    names[key] = v;
  }
  const pollMs = positiveInt('poll-ms', values['poll-ms']);
  const settleMs = positiveInt('settle-ms', values['settle-ms']);
  const dataDir = resolveDataDir({
    explicit: values['data-dir'] ?? null,
    env: process.env,
    fallback: DEFAULT_DEV_DATA_DIR,
  });
  let opened;
  try {
    opened = openDatabaseReadOnly(dataDir);
  } catch (e) {
    if (e instanceof AppError) throw new InputError([`${e.ja} / ${e.en}`]);
    throw e;
  }
  try {
    const line = (v: unknown) => io.stdout(`${JSON.stringify(v)}\n`);
    let watcher;
    try {
      watcher = startOqsService(opened.db, {
        root,
        names,
        pollMs,
        settleMs,
        onEvent: (e) => {
          const { kind, ...rest } = e;
          line({ event: kind, ...rest });
          if (e.kind === 'refused') io.stderr(`拒否 / refused: ${e.request}: ${e.ja} / ${e.en}\n`);
          if (e.kind === 'problem') io.stderr(`問題 / problem: ${e.ja} / ${e.en}\n`);
        },
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new InputError([
        `連携フォルダを用意できません: ${root} (${code}) / cannot prepare the 連携 folder: ${root} (${code})`,
      ]);
    }
    const people = new RegistryRepository(opened.db).count();
    line({ event: 'serving', ...oqsPaths(root), people });
    if (people === 0)
      io.stderr(
        '警告: 登録患者がいないため、すべて「該当資格なし」になります (registry seed で架空の患者を登録できます) / warning: the registry is empty, every query answers 該当資格なし (see registry seed)\n',
      );
    if (!values.once) {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
    await watcher.drain();
    await watcher.stop();
    line({ event: 'stopped' });
    return 0;
  } finally {
    opened.close();
  }
}

/** The commands, by name (./commands.ts loads this module only when one of them is run). */
export const BACKEND_COMMANDS: Record<string, Command> = { onshi, history, registry, db: dbCommand, oqs };
