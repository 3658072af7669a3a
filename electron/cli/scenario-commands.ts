// The commands on scenarios and observations (SCENARIO.md, the observation format): decide
// (--observed, --result), observe, validate (--observed), check. They load the validation and the engine,
// so ./commands.ts imports this module only when one of them is run.
import { compareExpected, decide, decideScenario, observe } from '../../shared/engine';
import type { Mismatch } from '../../shared/engine';
import { readFileSync } from 'node:fs';
import { formatIssue } from '../../shared/issues';
import { mergeTerminalAnswer, type Observation, observationJson } from '../../shared/observation';
import { type CliIo, type Command, InputError, json, options } from './io';
import { loadObservationFiles, loadScenarioFiles } from './inputs';

/**
 * `decide --observed OBS --result FILE…`: one observation, with each terminal result file merged
 * into it in the order given (shared/observation/terminal.ts says how), validated again.
 */
async function withTerminalResults(observationFiles: string[], resultFiles: string[], io: CliIo): Promise<Observation> {
  const loaded = await loadObservationFiles(observationFiles, io);
  const all = loaded.flatMap((f) => f.observations.map((o) => ({ file: f.file, o })));
  if (all.length !== 1)
    throw new InputError([
      `--result には記録 (observation) を1件だけ指定してください (${all.length}件) / --result needs exactly one observation (got ${all.length})`,
    ]);
  const { readResultFile } = await import('../backend/onshi/read');
  const { AppError } = await import('../backend/errors');
  let o = all[0]!.o;
  for (const file of resultFiles) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw new InputError([`${file}: ファイルを読めません / cannot read the file (${code})`]);
    }
    let answer;
    try {
      answer = readResultFile(bytes, file);
    } catch (e) {
      if (e instanceof AppError) throw new InputError([`${e.ja} / ${e.en}`]);
      throw e;
    }
    const merged = mergeTerminalAnswer(o, answer);
    if (!merged.ok)
      throw new InputError(
        merged.issues.map((i) =>
          formatIssue(`${all[0]!.file} + ${file}`, { ...i, scenarioId: o.id }, '記録/observation'),
        ),
      );
    o = merged.observation;
  }
  return o;
}

/** The commands, by name (./commands.ts loads this module only when one of them is run). */
export const SCENARIO_COMMANDS: Record<string, Command> = {
  async decide(args, io) {
    const { values, rest } = options(args, {
      observed: { type: 'boolean' },
      result: { type: 'string', multiple: true },
    });
    if (values.result !== undefined) {
      if (!values.observed)
        throw new InputError(['--result は --observed と一緒に使います / --result goes with --observed']);
      io.stdout(json([decide(await withTerminalResults(rest, values.result, io))]));
      return 0;
    }
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
};
