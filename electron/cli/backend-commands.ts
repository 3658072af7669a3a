// CLI commands backed by the database and the simulated national system:
//   onshi FILE… [--xml]                       (issue 3 item 4)
//   history export [--from D] [--to D] [--verdict V] [--data-dir DIR]
//   registry seed [--replace] [--data-dir DIR]
//   db backup | backups | restore              (db-commands.ts)
//   oqs serve --root DIR [--data-dir DIR] [--once] …   (issue 12: the 連携 folder mode)
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import { openDatabase, openDatabaseReadOnly } from '../backend/db/open';
import { DEFAULT_DEV_DATA_DIR, resolveDataDir } from '../backend/db/data-dir';
import { AppError } from '../backend/errors';
import { historyCsvChunks } from '../backend/history/csv';
import { HistoryRepository } from '../backend/history/repository';
import { seedDemo } from '../backend/registry/demo';
import { onshiForScenario } from '../backend/onshi/document';
import { toXml } from '../backend/onshi/xml';
import { type OqsNames, oqsPaths } from '../backend/oqs/folder';
import { startOqsService } from '../backend/oqs/service';
import { RegistryRepository } from '../backend/registry/repository';
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

const OQS_USAGE =
  '使い方 / usage: oqs serve --root DIR [--data-dir DIR] [--once] [--request-prefix P] [--result-prefix P] [--face-prefix P] [--poll-ms N] [--settle-ms N]';

function positiveInt(name: string, v: string | null): number | undefined {
  if (v === null) return undefined;
  if (!/^\d{1,7}$/.test(v) || Number(v) === 0)
    throw new InputError([
      `${name}: 1以上の整数 (ミリ秒) で指定してください / ${name}: a positive number of milliseconds`,
    ]);
  return Number(v);
}

/**
 * oqs serve: the 連携 folder mode (README 「レセコンの試験に使う」). Answers every request in
 * ROOT/req from the registry of the data directory until SIGINT/SIGTERM (with --once: until none
 * is left). Every event is one JSON line on standard output; refusals and problems are also
 * written in words on standard error.
 */
async function oqs(args: string[], io: CliIo): Promise<number> {
  if (args.shift() !== 'serve') throw new InputError([OQS_USAGE]);
  const root = takeValue(args, '--root');
  if (root === null) throw new InputError(['--root DIR (連携フォルダ) が必要です / --root DIR is required', OQS_USAGE]);
  const once = takeFlag(args, '--once');
  const names: Partial<OqsNames> = {};
  for (const [flag, key] of [
    ['--request-prefix', 'requestPrefix'],
    ['--result-prefix', 'resultPrefix'],
    ['--face-prefix', 'facePrefix'],
  ] as const) {
    const v = takeValue(args, flag);
    if (v !== null) {
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(v))
        throw new InputError([
          `${flag}: 英数字・_・- の40文字以内で指定してください / ${flag}: up to 40 of A-Z a-z 0-9 _ -`,
        ]);
      names[key] = v;
    }
  }
  const pollMs = positiveInt('--poll-ms', takeValue(args, '--poll-ms'));
  const settleMs = positiveInt('--settle-ms', takeValue(args, '--settle-ms'));
  // read-only: it may serve beside the app, and sees the registry as the app changes it
  return withDatabase(args, 'readonly', async (db) => {
    const line = (v: unknown) => io.stdout(`${JSON.stringify(v)}\n`);
    let watcher;
    try {
      watcher = startOqsService(db, {
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
    const people = new RegistryRepository(db).count();
    line({ event: 'serving', ...oqsPaths(root), people });
    if (people === 0)
      io.stderr(
        '警告: 登録患者がいないため、すべて「該当資格なし」になります (registry seed で架空の患者を登録できます) / warning: the registry is empty, every query answers 該当資格なし (see registry seed)\n',
      );
    if (!once) {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
    await watcher.drain();
    await watcher.stop();
    line({ event: 'stopped' });
    return 0;
  });
}

/** The commands, by name (./commands.ts loads this module only when one of them is run). */
export const BACKEND_COMMANDS: Record<string, Command> = { onshi, history, registry, db: dbCommand, oqs };
