// The commands on scenarios and observations (SCENARIO.md, the observation format): decide
// (--observed), observe, validate (--observed), check. They load the validation and the engine,
// so ./commands.ts imports this module only when one of them is run.
import { compareExpected, decide, decideScenario, observe } from '../../shared/engine';
import type { Mismatch } from '../../shared/engine';
import { observationJson } from '../../shared/observation';
import { type Command, json, options } from './io';
import { loadObservationFiles, loadScenarioFiles } from './inputs';

/** The commands, by name (./commands.ts loads this module only when one of them is run). */
export const SCENARIO_COMMANDS: Record<string, Command> = {
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
};
