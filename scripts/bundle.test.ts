// The desk's first-load JavaScript stays within its budget (bytes of the build, not time), and the
// trainer (its views, the editor with the engine and the validation) stays out of it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET, firstLoad } from '../bench/bundle';

const renderer = join(__dirname, '../dist/renderer');

describe('the desk’s first load (dist/renderer, after npm run build)', () => {
  it('is at most 300 kB of JavaScript', () => {
    expect(existsSync(join(renderer, 'index.html')), 'build the renderer first (npm run build)').toBe(true);
    const r = firstLoad(renderer);
    expect(r.files.length).toBeGreaterThan(0);
    expect(r.bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // the floor is a real part of it (the measure reads the source map)
    expect(r.reactBytes).toBeGreaterThan(100_000);
    expect(r.reactBytes).toBeLessThan(r.bytes);
  });

  it('leaves the trainer, the scenario editor, the history, the settings and 受付ナビ to later', () => {
    const r = firstLoad(renderer);
    for (const view of ['TrainerView', 'ScenarioEditor', 'HistoryView', 'SettingsView', 'RealDeskView']) {
      expect(r.files.some((f) => f.includes(view))).toBe(false);
      expect(r.lazy.some((l) => l.file.includes(view))).toBe(true);
    }
  });
});
