// Electronegativity over the built main, preload (every .cjs bundle) and renderer: no finding of
// medium severity or higher (only its online version check is excluded). Needs the build (npm test
// builds first).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM script without type declarations
import { EXCLUDED, isMediumOrHigher, scan } from './electronegativity.mjs';

interface Finding {
  id: string;
  severity: string;
  file: string;
  line: number;
}
interface ScanResult {
  checks: number;
  findings: Finding[];
  scanned: string[];
}

describe('Electronegativity', () => {
  it('finds nothing of medium severity or higher in dist/electron and dist/renderer', async () => {
    expect(EXCLUDED).toEqual(['AvailableSecurityFixesGlobalCheck']);
    const r = (await scan()) as ScanResult;
    expect(r.checks).toBeGreaterThan(30);
    expect(r.scanned).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs']));
    const bad = r.findings.filter(isMediumOrHigher).map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`);
    expect(bad).toEqual([]);
  }, 120_000);

  it('really reads the .cjs bundles: an insecure window in any of them is found', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-probe-'));
    try {
      mkdirSync(path.join(root, 'dist/electron'), { recursive: true });
      cpSync(path.resolve('dist/renderer'), path.join(root, 'dist/renderer'), { recursive: true });
      cpSync(path.resolve('package.json'), path.join(root, 'package.json'));
      cpSync(path.resolve('dist/electron/preload.cjs'), path.join(root, 'dist/electron/preload.cjs'));
      const insecure = `"use strict";
const { BrowserWindow } = require("electron");
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`;
      writeFileSync(path.join(root, 'dist/electron/main.cjs'), insecure);
      writeFileSync(path.join(root, 'dist/electron/backend-worker.cjs'), insecure);
      const r = (await scan(root)) as ScanResult;
      const files = new Set(
        r.findings.filter((f) => isMediumOrHigher(f) && f.file.startsWith('electron/')).map((f) => f.file),
      );
      expect(files).toEqual(new Set(['electron/main.js', 'electron/backend-worker.js']));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
