// What every command of the command line shares: its input and output, its options (Node's own
// util.parseArgs, with bilingual errors), and reading input files. Every problem of every file is
// collected and reported together (InputError), so a command never acts on part of its input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { redactMyNumber } from '../../shared/identifiers';
import { formatIssue, type ScenarioIssue } from '../../shared/issues';
import { parseJsonText } from '../../shared/json-text';
import { parseDate } from '../../shared/wareki';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Invalid input: exit 2, each line on standard error, nothing on standard output. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
type OptionValues<S extends OptionSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? (S[K]['multiple'] extends true ? string[] : string) : boolean;
};

/** A command's options and its other arguments (`-` = standard input); an unknown option is an error. */
export function options<S extends OptionSpec>(
  args: string[],
  spec: S,
  { positionals = true }: { positionals?: boolean } = {},
): { values: OptionValues<S>; rest: string[] } {
  try {
    const r = parseArgs({ args, options: spec, allowPositionals: positionals, strict: true });
    return { values: r.values as OptionValues<S>, rest: r.positionals };
  } catch (e) {
    const en = e instanceof Error ? e.message : String(e);
    throw new InputError([`オプションが正しくありません / ${redactMyNumber(en)}`]);
  }
}

/** A date option (ISO or 和暦) as ISO, or null when not given. */
export function dateOption(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const r = parseDate(value);
  if (!r.ok) throw new InputError([`--${name}: ${r.error.ja} / ${r.error.en}`]);
  return r.value;
}

export const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

interface Parsed<T> {
  ok: boolean;
  items?: T[];
  issues?: ScenarioIssue[];
  warnings?: ScenarioIssue[];
}

/**
 * Reads each file (`-` = standard input) as JSON and validates it with `parse`; every problem of
 * every file is listed in one InputError. `label` names what each issue's id is of.
 */
export async function loadFiles<T>(
  files: string[],
  io: CliIo,
  parse: (json: unknown) => Parsed<T>,
  label?: string,
): Promise<{ file: string; items: T[] }[]> {
  if (files.length === 0) throw new InputError(['ファイルを指定してください / no input file given']);
  const errors: string[] = [];
  const loaded: { file: string; items: T[] }[] = [];
  for (const file of files) {
    const name = file === '-' ? '(stdin)' : file;
    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      errors.push(`${name}: ファイルを読めません / cannot read the file (${code || (e as Error).message})`);
      continue;
    }
    const json = parseJsonText(text);
    if (!json.ok) {
      errors.push(`${name}: ${json.ja} / ${json.en}`);
      continue;
    }
    const r = parse(json.value);
    for (const w of r.warnings ?? []) io.stderr(`警告 / warning: ${formatIssue(name, w, label)}\n`);
    if (!r.ok) errors.push(...(r.issues ?? []).map((i) => formatIssue(name, i, label)));
    else loaded.push({ file: name, items: r.items ?? [] });
  }
  if (errors.length) throw new InputError(errors);
  return loaded;
}
