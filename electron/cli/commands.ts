// The command line of SCENARIO.md — decide, check, validate, returns — with the observation
// format's decide --observed and observe, and the database-backed commands. Each group of commands
// is loaded only when one of its commands is run, so the command line starts fast: the scenario
// commands (./scenario-commands.ts: the validation and the engine) and the database-backed ones
// (./backend-commands.ts: better-sqlite3, the result documents).
import { returnsGuidance } from '../../shared/engine/returns';
import { redactMyNumber } from '../../shared/identifiers';
import { type CliIo, type Command, dateOption, InputError, json, options } from './io';

const USAGE = `使い方 / usage: shikaku-desk <command> [options]
  decide FILE…                       シナリオ・パックを判定 / decide scenarios and packs (- = stdin)
  decide --observed FILE…            受付で見た内容 (shikaku-observation/1) を判定 / decide observations
  decide --observed FILE --result XML…   資格確認端末の結果ファイルを記録に合わせて判定 / merge a terminal's result files, then decide
  observe FILE…                      シナリオから受付で見える内容を出力 / print the observations of scenarios
  check PACK…                        expected と照合 / compare with each scenario's expected (exit 1 on mismatch)
  validate [--observed] FILE…        入力チェックのみ / validate input only
  returns --retired DATE [--kakunin-valid-until DATE]   退職時の返却 (R16) / returns on retirement
  onshi FILE… [--xml]                オンライン資格確認の結果 (国の形式) / national-format online-check results
  oqs serve --root DIR [--data-dir DIR] [--once]   連携フォルダで照会に答える / answer a レセコン's requests in a 連携 folder
  history export [--from DATE] [--to DATE] [--data-dir DIR]  照会履歴 CSV / check history as CSV
  registry seed [--replace] [--data-dir DIR]                 デモ患者の登録 / load the demo registry
  db backup [--data-dir DIR]         検証済みのバックアップを作成 / write one verified backup
  db backups [--data-dir DIR]        バックアップと退避したファイルの一覧 / list backups and damaged files set aside
  db restore [BACKUP] [--data-dir DIR]  バックアップから元に戻す / restore a backup (the app must be closed)
終了コード / exit: 0 成功 ok, 1 不一致 mismatch, 2 入力エラー invalid input`;

const COMMANDS: Record<string, Command> = {
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

const scenarioCommands = async () => (await import('./scenario-commands')).SCENARIO_COMMANDS;
const backendCommands = async () => (await import('./backend-commands')).BACKEND_COMMANDS;
/** The other commands, by name: each group is loaded when one of its commands is run. */
const LAZY: Record<string, () => Promise<Record<string, Command>>> = {
  decide: scenarioCommands,
  observe: scenarioCommands,
  validate: scenarioCommands,
  check: scenarioCommands,
  onshi: backendCommands,
  history: backendCommands,
  registry: backendCommands,
  db: backendCommands,
  oqs: backendCommands,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  // the usage is asked for: standard output, exit 0; a usage error is one line that says what is
  // wrong, on standard error, exit 2
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (name === undefined) {
    io.stderr(
      'エラー / error: コマンドを指定してください (一覧は shikaku-desk help) / no command given (see shikaku-desk help)\n',
    );
    return 2;
  }
  const command = Object.hasOwn(COMMANDS, name)
    ? COMMANDS[name]
    : Object.hasOwn(LAZY, name)
      ? (await LAZY[name]!())[name]
      : undefined;
  if (command === undefined) {
    io.stderr(
      `エラー / error: 不明なコマンドです: ${redactMyNumber(name)} (一覧は shikaku-desk help) / unknown command (see shikaku-desk help)\n`,
    );
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
