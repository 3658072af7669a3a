import { readFileSync } from 'node:fs';
import { compareExpected, decide, returnsGuidance } from '../../shared/engine';
import { type Mismatch } from '../../shared/engine/compare';
import { type Scenario, parseScenarioDocument } from '../../shared/scenario';
import { formatIssue } from '../../shared/issues';
import { parseJsonText } from '../../shared/json-text';
import { redactMyNumber } from '../../shared/identifiers';
import { parseDate } from '../../shared/wareki';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export const USAGE = `使い方 / usage: shikaku-desk <command> [options]
  decide FILE…                       シナリオ・パックを判定 / decide scenarios and packs (- = stdin)
  check PACK…                        expected と照合 / compare with each scenario's expected (exit 1 on mismatch)
  validate FILE…                     入力チェックのみ / validate input only
  returns --retired DATE [--kakunin-valid-until DATE]   退職時の返却 (R16) / returns on retirement
  onshi FILE… [--xml]                オンライン資格確認の結果 (国の形式) / national-format online-check results
  history export [--from DATE] [--to DATE] [--data-dir DIR]  照会履歴 CSV / check history as CSV
  registry seed [--replace] [--data-dir DIR]                 デモ患者の登録 / load the demo registry
終了コード / exit: 0 成功 ok, 1 不一致 mismatch, 2 入力エラー invalid input`;

export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export interface LoadedFile {
  file: string;
  scenarios: Scenario[];
}

/** Reads and validates every file; throws InputError listing every problem, so nothing is partial. */
export async function loadScenarioFiles(files: string[], io: CliIo): Promise<LoadedFile[]> {
  if (files.length === 0) throw new InputError(['ファイルを指定してください / no input file given']);
  const errors: string[] = [];
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      errors.push(`${file}: ファイルを読めません / cannot read the file (${code || (e as Error).message})`);
      continue;
    }
    const json = parseJsonText(text);
    if (!json.ok) {
      errors.push(`${file}: ${json.ja} / ${json.en}`);
      continue;
    }
    const r = parseScenarioDocument(json.value);
    const name = file === '-' ? '(stdin)' : file;
    for (const w of r.warnings) io.stderr(`警告 / warning: ${formatIssue(name, w)}\n`);
    if (!r.ok) {
      errors.push(...r.issues.map((i) => formatIssue(name, i)));
      continue;
    }
    loaded.push({ file: name, scenarios: r.scenarios });
  }
  if (errors.length) throw new InputError(errors);
  return loaded;
}

function takeOption(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new InputError([`${name} に値がありません / ${name} needs a value`]);
  args.splice(i, 2);
  return v;
}

function dateOption(args: string[], name: string): string | null {
  const v = takeOption(args, name);
  if (v === null) return null;
  const r = parseDate(v);
  if (!r.ok) throw new InputError([`${name}: ${r.error.ja} / ${r.error.en}`]);
  return r.value;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

const BACKEND_COMMANDS = new Set(['onshi', 'history', 'registry']);

export type ExtraCommand = (args: string[], io: CliIo) => Promise<number>;
/** Commands backed by the database and the online-check documents, registered by their modules. */
export const extraCommands = new Map<string, ExtraCommand>();

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const args = [...rest];
  try {
    switch (command) {
      case 'decide': {
        const files = await loadScenarioFiles(args, io);
        io.stdout(json(files.flatMap((f) => f.scenarios.map((s) => decide(s)))));
        return 0;
      }
      case 'validate': {
        const files = await loadScenarioFiles(args, io);
        io.stdout(json({ valid: true, files: files.map((f) => ({ file: f.file, scenarios: f.scenarios.length })) }));
        return 0;
      }
      case 'check': {
        const files = await loadScenarioFiles(args, io);
        const results: { file: string; id: string; ok: boolean; mismatches: Mismatch[] }[] = [];
        for (const f of files) {
          for (const s of f.scenarios) {
            if (!s.expected) continue;
            const mismatches = compareExpected(s.expected, decide(s));
            results.push({ file: f.file, id: s.id, ok: mismatches.length === 0, mismatches });
          }
        }
        const failed = results.filter((r) => !r.ok);
        for (const r of failed) {
          for (const m of r.mismatches) {
            io.stderr(
              `不一致 / mismatch: ${r.file}: ${r.id}: ${m.field}: 期待 expected ${JSON.stringify(m.expected)}, 判定 actual ${JSON.stringify(m.actual)}\n`,
            );
          }
        }
        io.stderr(
          `照合 ${results.length} 件: 一致 ${results.length - failed.length}, 不一致 ${failed.length} / checked ${results.length}: ${results.length - failed.length} passed, ${failed.length} failed\n`,
        );
        io.stdout(
          json({
            checked: results.length,
            passed: results.length - failed.length,
            failed: failed.length,
            mismatches: failed,
          }),
        );
        return failed.length ? 1 : 0;
      }
      case 'returns': {
        const retired = dateOption(args, '--retired');
        const until = dateOption(args, '--kakunin-valid-until');
        if (retired === null) throw new InputError(['--retired DATE (退職日) が必要です / --retired DATE is required']);
        if (args.length) throw new InputError([`不明な引数 / unknown argument: ${redactMyNumber(args.join(' '))}`]);
        io.stdout(json(returnsGuidance(retired, until)));
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default: {
        // Database-backed commands load better-sqlite3 only when asked for.
        if (BACKEND_COMMANDS.has(command)) await import('./backend-commands');
        const extra = extraCommands.get(command);
        if (extra) return await extra(args, io);
        io.stderr(`不明なコマンドです / unknown command: ${redactMyNumber(command)}\n${USAGE}\n`);
        return 2;
      }
    }
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) io.stderr(`エラー / error: ${redactMyNumber(line)}\n`);
      return 2;
    }
    throw e;
  }
}
