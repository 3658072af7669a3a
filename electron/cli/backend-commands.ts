// CLI commands backed by the database and the simulated national system:
//   onshi FILE… [--xml]                       (issue 3 item 4)
//   history export [--from D] [--to D] [--verdict V] [--data-dir DIR]
//   registry seed [--replace] [--data-dir DIR]
//   db backup | backups | restore              (db-commands.ts)
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import { openDatabase, openDatabaseReadOnly } from '../backend/db/open';
import { DEFAULT_DEV_DATA_DIR, resolveDataDir } from '../backend/db/data-dir';
import { AppError } from '../backend/errors';
import { historyCsvChunks } from '../backend/history/csv';
import { HistoryRepository } from '../backend/history/repository';
import { seedDemo } from '../backend/registry/demo';
import { onshiForScenario } from '../backend/onshi/document';
import { toXml } from '../backend/onshi/xml';
import { VERDICTS, type Verdict } from '../../shared/enums';
import { type CliIo, type Command, InputError } from './io';
import { dbCommand } from './db-commands';
import { loadScenarioFiles } from './inputs';
import { parseDate } from '../../shared/wareki';

function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function takeValue(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  if (v === undefined) throw new InputError([`${name} に値がありません / ${name} needs a value`]);
  args.splice(i, 2);
  return v;
}

function noMoreArgs(args: string[]): void {
  if (args.length) throw new InputError([`不明な引数 / unknown argument: ${args.join(' ')}`]);
}

/**
 * Runs a command on the database. `readonly`: no lock, nothing moved, migrated or backed up (it
 * may run beside the app); otherwise the data directory's lock is held (one writer at a time).
 */
async function withDatabase<T>(
  args: string[],
  mode: 'readonly' | 'write',
  run: (db: BetterSqliteDatabase) => T | Promise<T>,
): Promise<T> {
  const dataDir = resolveDataDir({
    explicit: takeValue(args, '--data-dir'),
    env: process.env,
    fallback: DEFAULT_DEV_DATA_DIR,
  });
  noMoreArgs(args);
  let opened;
  try {
    opened = mode === 'readonly' ? openDatabaseReadOnly(dataDir) : await openDatabase({ dataDir });
  } catch (e) {
    if (e instanceof AppError) throw new InputError([`${e.ja} / ${e.en}`]);
    throw e;
  }
  try {
    return await run(opened.db);
  } finally {
    opened.close();
  }
}

async function onshi(args: string[], io: CliIo): Promise<number> {
  const xml = takeFlag(args, '--xml');
  const files = await loadScenarioFiles(args, io);
  const answers = files.flatMap((f) => f.scenarios.map((s) => onshiForScenario(s)));
  // Every output is JSON (SCENARIO.md): with --xml, `result` is the UTF-8 XML document as a string.
  const out = xml ? answers.map((a) => ({ ...a, result: a.result ? toXml(a.result) : null })) : answers;
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

async function history(args: string[], io: CliIo): Promise<number> {
  const sub = args.shift();
  if (sub !== 'export')
    throw new InputError(['使い方 / usage: history export [--from DATE] [--to DATE] [--verdict V] [--data-dir DIR]']);
  const date = (name: string) => {
    const v = takeValue(args, name);
    if (v === null) return undefined;
    const r = parseDate(v);
    if (!r.ok) throw new InputError([`${name}: ${r.error.ja} / ${r.error.en}`]);
    return r.value;
  };
  const from = date('--from');
  const to = date('--to');
  const verdict = takeValue(args, '--verdict');
  if (verdict !== null && !(VERDICTS as readonly string[]).includes(verdict)) {
    throw new InputError([`--verdict: 使える値 / allowed: ${VERDICTS.join(', ')}`]);
  }
  return withDatabase(args, 'readonly', (db) => {
    const repo = new HistoryRepository(db);
    for (const chunk of historyCsvChunks(repo, { from, to, verdict: (verdict ?? undefined) as Verdict | undefined }))
      io.stdout(chunk);
    return 0;
  });
}

async function registry(args: string[], io: CliIo): Promise<number> {
  const sub = args.shift();
  if (sub !== 'seed') throw new InputError(['使い方 / usage: registry seed [--replace] [--data-dir DIR]']);
  const replace = takeFlag(args, '--replace');
  return withDatabase(args, 'write', (db) => {
    const { count } = seedDemo(db, { replace });
    io.stdout(`${JSON.stringify({ seeded: count, replace })}\n`);
    return 0;
  });
}

/** The commands, by name (./commands.ts loads this module only when one of them is run). */
export const BACKEND_COMMANDS: Record<string, Command> = { onshi, history, registry, db: dbCommand };
