// The command line's input files: scenarios and packs (SCENARIO.md), and observations
// (shikaku-observation/1), each validated whole before any command acts on them.
import { parseObservations } from '../../shared/observation';
import type { Observation } from '../../shared/observation';
import { parseScenarioDocument, type Scenario } from '../../shared/scenario';
import { type CliIo, loadFiles } from './io';

/** Each file's scenarios (a scenario file or a pack), in input order. */
export async function loadScenarioFiles(
  files: string[],
  io: CliIo,
): Promise<{ file: string; scenarios: Scenario[] }[]> {
  const loaded = await loadFiles(files, io, (json) => {
    const r = parseScenarioDocument(json);
    return r.ok ? { ok: true, items: r.scenarios, warnings: r.warnings } : r;
  });
  return loaded.map(({ file, items }) => ({ file, scenarios: items }));
}

/** Each file's observations (one, or a JSON array of them), in input order. */
export async function loadObservationFiles(
  files: string[],
  io: CliIo,
): Promise<{ file: string; observations: Observation[] }[]> {
  const loaded = await loadFiles(
    files,
    io,
    (json) => {
      const r = parseObservations(json);
      return r.ok ? { ok: true, items: r.observations } : r;
    },
    '記録/observation',
  );
  return loaded.map(({ file, items }) => ({ file, observations: items }));
}
