// Builds everything that runs as compiled JavaScript (no TypeScript loader at run time), with
// esbuild (native modules stay external) and Vite for the renderer. Runs on `npm ci` (prepare).
//   dist/cli.mjs + dist/chunks/   the command line (npm run cli, bin shikaku-desk)
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'electron', 'playwright-core'],
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  // ESM bundles that contain CommonJS dependencies need a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

mkdirSync('dist', { recursive: true });
rmSync('dist/chunks', { recursive: true, force: true });
// The CLI is split so that `decide`/`check` start without loading the database code
// (better-sqlite3, XML): those load on demand from dist/chunks/.
await build({
  ...node,
  entryPoints: { cli: 'electron/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${node.banner.js}` },
});

//   dist/bench.mjs             npm run bench
//   dist/web.mjs               npm run web: the browser-mode HTTP bridge
//   dist/backend.cjs           the backend's worker thread (database + handlers), for both shells
//   dist/electron/main.cjs     Electron main process (package.json "main")
//   dist/electron/preload.cjs  Electron preload (CommonJS: sandboxed preloads cannot be ESM)
//   dist/renderer/             the React renderer (vite build, below), served by both shells
const entries = [
  { in: 'bench/main.ts', out: 'dist/bench.mjs', format: 'esm' },
  { in: 'electron/backend/server/main.ts', out: 'dist/web.mjs', format: 'esm' },
  { in: 'electron/backend/host/worker.ts', out: 'dist/backend.cjs', format: 'cjs' },
  { in: 'electron/main/main.ts', out: 'dist/electron/main.cjs', format: 'cjs' },
  { in: 'electron/preload/preload.ts', out: 'dist/electron/preload.cjs', format: 'cjs' },
];
await Promise.all(
  entries.map((e) =>
    build({
      ...node,
      entryPoints: [e.in],
      outfile: e.out,
      format: e.format,
      banner: e.format === 'esm' ? node.banner : {},
    }),
  ),
);
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
