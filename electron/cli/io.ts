// What every command of the command line shares: its input and output, its options (Node's own
// util.parseArgs, with bilingual errors), and reading input files. Every problem of every file is
// collected and reported together (InputError), so a command never acts on part of its input.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { redactMyNumber } from '../../shared/identifiers';
import { formatIssue, type ScenarioIssue } from '../../shared/issues';
import { parseJsonText } from '../../shared/json-text';
import { MAX_PACK_BYTES } from '../../shared/trainer/contract';
import { parseDate } from '../../shared/wareki';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** standard input as text, or null once it passes `maxBytes` (reading stops there) */
  readStdin: (maxBytes: number) => Promise<string | null>;
}

/** The largest input file a command reads: the same 20 MB as a pack import. */
const MAX_INPUT_BYTES = MAX_PACK_BYTES;

const tooLarge = (name: string) =>
  `${name}: ファイルが大きすぎます (${MAX_INPUT_BYTES / 1024 / 1024} MB まで) / the file is too large (at most ${MAX_INPUT_BYTES / 1024 / 1024} MB)`;

/**
 * A file's text, or the one-line reason it cannot be read. The size is capped before reading —
 * also for files whose size the system does not know (/dev/zero, a pipe): reading stops past it.
 */
function readInputFile(file: string): { text: string } | { error: string } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: `${file}: ファイルではなくフォルダです / is a directory, not a file` };
    if (stat.size > MAX_INPUT_BYTES) return { error: tooLarge(file) };
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(MAX_INPUT_BYTES + 1, Math.max(stat.size + 1, 64 * 1024)));
      let size = 0;
      const chunks: Buffer[] = [];
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        size += n;
        if (size > MAX_INPUT_BYTES) return { error: tooLarge(file) };
        chunks.push(Buffer.from(buf.subarray(0, n)));
      }
      return { text: Buffer.concat(chunks).toString('utf8') };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return { error: `${file}: ファイルがありません / no such file` };
    return { error: `${file}: ファイルを読めません / cannot read the file (${code || (e as Error).message})` };
  }
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

/** A missing or unknown subcommand, in one line: what is wrong and what can be used. */
export function subcommandError(command: string, given: string | undefined, allowed: readonly string[]): InputError {
  const list = allowed.join(', ');
  return new InputError([
    given === undefined
      ? `${command}: サブコマンドを指定してください (${list}) / ${command} needs a subcommand: ${list}`
      : `${command}: 不明なサブコマンドです: ${redactMyNumber(given)} (${list}) / unknown subcommand (use ${list})`,
  ]);
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
    if (file === '-') {
      const stdin = await io.readStdin(MAX_INPUT_BYTES);
      if (stdin === null) {
        errors.push(tooLarge(name));
        continue;
      }
      text = stdin;
    } else {
      const read = readInputFile(file);
      if ('error' in read) {
        errors.push(read.error);
        continue;
      }
      text = read.text;
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
