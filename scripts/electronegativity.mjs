// Electronegativity over the built Electron bundles and renderer (dist/electron/*.cjs, dist/renderer).
// Only its online check (AvailableSecurityFixesGlobalCheck, which downloads Electron's release list)
// is excluded; its translation download is stubbed so the scan makes no network request at all.
// Exit 1 on any finding of MEDIUM severity or higher.   node scripts/electronegativity.mjs
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

/** `got` is only used for the two online look-ups: answer both with an immediate failure. */
function blockNetwork() {
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'got') {
      const refuse = () => Promise.reject(new Error('network disabled for the scan'));
      return Object.assign(refuse, { get: refuse, default: refuse });
    }
    return load.call(this, request, parent, isMain);
  };
}

/** Scans the build; returns every finding with its severity name. */
export async function scan(root = process.cwd()) {
  for (const d of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, d)))
      throw new Error(`${d} is missing: run the build first (node scripts/build.mjs)`);
  }
  const input = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  try {
    const noMaps = (src) => !src.endsWith('.map');
    // Electronegativity only reads .js/.ts/.html files (it skips .cjs): scan every CommonJS bundle
    // of dist/electron (main, preload, workers …) under a .js name.
    mkdirSync(path.join(input, 'electron'));
    const bundles = readdirSync(path.join(root, 'dist/electron')).filter((f) => f.endsWith('.cjs'));
    for (const f of bundles)
      cpSync(path.join(root, 'dist/electron', f), path.join(input, 'electron', f.replace(/\.cjs$/, '.js')));
    cpSync(path.join(root, 'dist/renderer'), path.join(input, 'renderer'), { recursive: true, filter: noMaps });
    cpSync(path.join(root, 'package.json'), path.join(input, 'package.json'));
    blockNetwork();
    const run = require('@doyensec/electronegativity');
    const quiet = console.log;
    console.log = () => {};
    let result;
    try {
      result = await (run.default ?? run)({
        input,
        excludeFromScan: [...EXCLUDED],
        severitySet: 'informational',
        confidenceSet: 'tentative',
        isRelative: true,
      });
    } finally {
      console.log = quiet;
    }
    const findings = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: path.relative(input, path.resolve(input, i.file)),
      line: i.location?.line ?? 0,
      manualReview: Boolean(i.manualReview),
      description: i.description,
    }));
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors,
      findings,
      scanned: bundles.map((f) => `dist/electron/${f}`),
    };
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

export const isMediumOrHigher = (f) => SEVERITY[f.severity] >= SEVERITY.MEDIUM;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await scan();
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/electronegativity.json', JSON.stringify(r, null, 2));
  for (const f of r.findings) console.log(`${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}`);
  const bad = r.findings.filter(isMediumOrHigher);
  console.log(
    `electronegativity: ${r.checks} checks, ${r.findings.length} findings, ${bad.length} of medium severity or higher`,
  );
  process.exit(bad.length ? 1 : 0);
}
