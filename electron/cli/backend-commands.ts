// CLI commands backed by the database and the simulated national system:
//   onshi FILE… [--xml]                       (issue 3 item 4)
//   history export [--from D] [--to D] [--verdict V] [--data-dir DIR]
//   registry seed [--replace] [--data-dir DIR]
//   db backup | backups | restore              (db-commands.ts)
// The history and registry commands are calls of the contract, made in-process through the
// backend's `call` (the contract's dispatch): their options are parsed here (./io.ts,
// util.parseArgs), their values once, by the contract, with the same messages as in the app.
import type { CallInput, CallName, CallOutput } from '../../shared/contract/kernel';
import { createApi } from '../backend/api';
import { DEFAULT_DEV_DATA_DIR, resolveDataDir } from '../backend/db/data-dir';
import { AppError } from '../backend/errors';
import { onshiForScenario } from '../backend/onshi/document';
import { toXml } from '../backend/onshi/xml';
import { dbCommand } from './db-commands';
import { type CliIo, type Command, InputError, json, options } from './io';
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

const HISTORY_USAGE = '使い方 / usage: history export [--from DATE] [--to DATE] [--verdict V] [--data-dir DIR]';

async function history(args: string[], io: CliIo): Promise<number> {
  const { values, rest } = options(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    verdict: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  if (rest.join(' ') !== 'export') throw new InputError([HISTORY_USAGE]);
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

const REGISTRY_USAGE = '使い方 / usage: registry seed [--replace] [--data-dir DIR]';

async function registry(args: string[], io: CliIo): Promise<number> {
  const { values, rest } = options(args, { replace: { type: 'boolean' }, 'data-dir': { type: 'string' } });
  if (rest.join(' ') !== 'seed') throw new InputError([REGISTRY_USAGE]);
  const replace = values.replace ?? false;
  const { count } = await callBackend('write', values['data-dir'], 'registry.seedDemo', { replace });
  io.stdout(`${JSON.stringify({ seeded: count, replace })}\n`);
  return 0;
}

/** The commands, by name (./commands.ts loads this module only when one of them is run). */
export const BACKEND_COMMANDS: Record<string, Command> = { onshi, history, registry, db: dbCommand };
