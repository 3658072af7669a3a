// Electronegativity over the built main, preload and renderer: no finding of medium severity or
// higher (only its online version check is excluded). Needs the build (npm test builds first).
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM script without type declarations
import { EXCLUDED, isMediumOrHigher, scan } from './electronegativity.mjs';

interface Finding {
  id: string;
  severity: string;
  file: string;
  line: number;
}

describe('Electronegativity', () => {
  it('finds nothing of medium severity or higher in dist/electron and dist/renderer', async () => {
    expect(EXCLUDED).toEqual(['AvailableSecurityFixesGlobalCheck']);
    const r = (await scan()) as { checks: number; findings: Finding[] };
    expect(r.checks).toBeGreaterThan(30);
    const bad = r.findings.filter(isMediumOrHigher).map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`);
    expect(bad).toEqual([]);
  }, 120_000);
});
