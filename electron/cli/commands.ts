// The command line of SCENARIO.md — decide, check, validate, returns — with the observation
// format's decide --observed and observe, and the database-backed commands (onshi, history,
// registry, db, in ./backend-commands.ts, loaded only when asked for: they need better-sqlite3).
import { compareExpected, decide, decideScenario, observe, returnsGuidance } from '../../shared/engine';
import type { Mismatch } from '../../shared/engine';
import { redactMyNumber } from '../../shared/identifiers';
import { observationJson } from '../../shared/observation';
import { type CliIo, type Command, dateOption, InputError, json, options } from './io';
import { loadObservationFiles, loadScenarioFiles } from './inputs';

export const USAGE = `使い方 / usage: shikaku-desk <command> [options]
  decide FILE…                       シナリオ・パックを判定 / decide scenarios and packs (- = stdin)
  decide --observed FILE…            受付で見た内容 (shikaku-observation/1) を判定 / decide observations
  observe FILE…                      シナリオから受付で見える内容を出力 / print the observations of scenarios
  check PACK…                        expected と照合 / compare with each scenario's expected (exit 1 on mismatch)
  validate [--observed] FILE…        入力チェックのみ / validate input only
  returns --retired DATE [--kakunin-valid-until DATE]   退職時の返却 (R16) / returns on retirement
  onshi FILE… [--xml]                オンライン資格確認の結果 (国の形式) / national-format online-check results
  history export [--from DATE] [--to DATE] [--data-dir DIR]  照会履歴 CSV / check history as CSV
  registry seed [--replace] [--data-dir DIR]                 デモ患者の登録 / load the demo registry
  db backup [--data-dir DIR]         検証済みのバックアップを作成 / write one verified backup
  db backups [--data-dir DIR]        バックアップと退避したファイルの一覧 / list backups and damaged files set aside
  db restore [BACKUP] [--data-dir DIR]  バックアップから元に戻す / restore a backup (the app must be closed)
終了コード / exit: 0 成功 ok, 1 不一致 mismatch, 2 入力エラー invalid input`;

const COMMANDS: Record<string, Command> = {
  async decide(args, io) {
    const { values, rest } = options(args, { observed: { type: 'boolean' } });
    const decisions = values.observed
      ? (await loadObservationFiles(rest, io)).flatMap((f) => f.observations.map((o) => decide(o)))
      : (await loadScenarioFiles(rest, io)).flatMap((f) => f.scenarios.map((s) => decideScenario(s)));
    io.stdout(json(decisions));
    return 0;
  },

  async observe(args, io) {
    const { rest } = options(args, {});
    const files = await loadScenarioFiles(rest, io);
    io.stdout(json(files.flatMap((f) => f.scenarios.map((s) => observationJson(observe(s))))));
    return 0;
  },

  async validate(args, io) {
    const { values, rest } = options(args, { observed: { type: 'boolean' } });
    const files = values.observed
      ? (await loadObservationFiles(rest, io)).map((f) => ({ file: f.file, observations: f.observations.length }))
      : (await loadScenarioFiles(rest, io)).map((f) => ({ file: f.file, scenarios: f.scenarios.length }));
    io.stdout(json({ valid: true, files }));
    return 0;
  },

  async check(args, io) {
    const { rest } = options(args, {});
    const files = await loadScenarioFiles(rest, io);
    const results: { file: string; id: string; ok: boolean; mismatches: Mismatch[] }[] = [];
    for (const f of files) {
      for (const s of f.scenarios) {
        if (!s.expected) continue;
        const mismatches = compareExpected(s.expected, decideScenario(s));
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
    const passed = results.length - failed.length;
    io.stderr(
      `照合 ${results.length} 件: 一致 ${passed}, 不一致 ${failed.length} / checked ${results.length}: ${passed} passed, ${failed.length} failed\n`,
    );
    io.stdout(json({ checked: results.length, passed, failed: failed.length, mismatches: failed }));
    return failed.length ? 1 : 0;
  },

  async returns(args, io) {
    const { values } = options(
      args,
      { retired: { type: 'string' }, 'kakunin-valid-until': { type: 'string' } },
      { positionals: false },
    );
    const retired = dateOption('retired', values.retired);
    if (retired === null) throw new InputError(['--retired DATE (退職日) が必要です / --retired DATE is required']);
    io.stdout(json(returnsGuidance(retired, dateOption('kakunin-valid-until', values['kakunin-valid-until']))));
    return 0;
  },
};

/** Database-backed commands, loaded only when one of them is run. */
const BACKEND_COMMAND_NAMES = new Set(['onshi', 'history', 'registry', 'db']);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name)
    ? COMMANDS[name]
    : BACKEND_COMMAND_NAMES.has(name)
      ? (await import('./backend-commands')).BACKEND_COMMANDS[name]
      : undefined;
  if (command === undefined) {
    io.stderr(`不明なコマンドです / unknown command: ${redactMyNumber(name)}\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) io.stderr(`エラー / error: ${redactMyNumber(line)}\n`);
      return 2;
    }
    throw e;
  }
}
