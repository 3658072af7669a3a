// Builds everything that runs as compiled JavaScript (no TypeScript loader at run time):
//   dist/cli.mjs      the command line (npm run cli, bin shikaku-desk)
//   dist/bench.mjs    npm run bench
// Each entry is bundled by esbuild; native modules stay external.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'electron'],
  logLevel: 'warning',
  // ESM bundles that contain CommonJS dependencies need a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

const entries = [
  { in: 'electron/cli/main.ts', out: 'dist/cli.mjs', banner: '#!/usr/bin/env node' },
  { in: 'bench/main.ts', out: 'dist/bench.mjs' },
];

mkdirSync('dist', { recursive: true });
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        ...node,
        entryPoints: [e.in],
        outfile: e.out,
        banner: { js: `${e.banner ? e.banner + '\n' : ''}${node.banner.js}` },
      }),
    ),
);
