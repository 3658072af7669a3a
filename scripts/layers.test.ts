// The layer rules of ARCHITECTURE.md, checked on every import of every source file (the
// compiler alone cannot forbid a package whose types happen to be installed).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(join(root, p)).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(IMPORT_RE)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Where a relative import lands, as a path from the repository root. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, join(root, file, '..', spec)) : spec;
}

/** A relative import as the file it resolves to (a .ts/.tsx file, or a folder's index). */
function resolveFile(file: string, spec: string): string | null {
  const base = target(file, spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    const full = join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}

/** The relative imports among the files (type-only imports count too). */
function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolveFile(f, s))
        .filter((t): t is string => t !== null && files.includes(t)),
    ]),
  );
}

/** Circles in a graph, each as a path a → b → … → a (depth-first; each circle found once per entry). */
function cycles(edges: Map<string, string[]>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const visit = (f: string, path: string[]) => {
    const at = path.indexOf(f);
    if (at >= 0) return void found.push([...path.slice(at), f].join(' → '));
    if (done.has(f)) return;
    for (const t of edges.get(f) ?? []) visit(t, [...path, f]);
    done.add(f);
  };
  for (const f of edges.keys()) visit(f, []);
  return found;
}

/** Every source file a file imports, directly or through others (type-only imports included). */
function importClosure(file: string): Set<string> {
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    const f = queue.pop()!;
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) continue;
      const next = resolveFile(f, spec);
      if (next !== null && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The simulation and the truth: what the rule book (engine/decide.ts, engine/explain.ts) must never import. */
const TRUTH = [/^shared\/engine\/(truth|online|observe)\.ts$/, /^shared\/scenario(\/|\.ts$)/];

/** The files of the truth that a file reaches through its imports. */
function truthReachedFrom(file: string): string[] {
  return [...importClosure(file)].filter((f) => TRUTH.some((re) => re.test(f))).sort();
}

describe('layers', () => {
  it('shared/ imports only shared/ and pure packages (no Node, DOM, React, Electron, SQLite)', () => {
    const pure = /^(zod|@holiday-jp\/holiday_jp|fast-check|jsonc-parser)(\/|$)/;
    const bad = sources('shared').flatMap((f) =>
      importsOf(f)
        // tests may import vitest and the repository's JSON data, never Node (the files go through the bundler)
        .filter((s) => {
          const test = f.endsWith('.test.ts');
          if (s.startsWith('.')) return !target(f, s).startsWith('shared') && !(test && s.endsWith('.json'));
          return !pure.test(s) && !(test && s === 'vitest');
        })
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('nothing outside electron/main and electron/preload imports electron', () => {
    const files = [...sources('electron'), ...sources('shared'), ...sources('renderer'), ...sources('bench')].filter(
      (f) => !/^electron\/(main|preload)\//.test(f),
    );
    const bad = files.flatMap((f) =>
      importsOf(f)
        .filter((s) => s === 'electron' || s.startsWith('electron/'))
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('renderer/ talks to the backend only through the contract (no Node, no backend code)', () => {
    const code = sources('renderer').filter((f) => !/\.config\.ts$/.test(f)); // build configs run on Node
    const bad = code.flatMap((f) =>
      importsOf(f)
        .filter(
          (s) =>
            /^node:|^(fs|path|os|child_process|better-sqlite3|electron)$/.test(s) ||
            (s.startsWith('.') && target(f, s).startsWith('electron')),
        )
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the backend never imports the renderer', () => {
    const bad = sources('electron/backend').flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('.') && target(f, s).startsWith('renderer'))
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('a renderer component never imports a view (views are built from components)', () => {
    const bad = sources('renderer/src/components').flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('.') && target(f, s).startsWith('renderer/src/views'))
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the renderer has no import circle', () => {
    expect(cycles(importGraph(sources('renderer/src')))).toEqual([]);
  });

  it('the rule book cannot see the truth: decide and explain never reach the scenario, the truth or the simulation', () => {
    expect(truthReachedFrom('shared/engine/decide.ts')).toEqual([]);
    expect(truthReachedFrom('shared/engine/explain.ts')).toEqual([]);
  });

  it('the truth check can fail: the simulation does reach the truth', () => {
    expect(truthReachedFrom('shared/engine/observe.ts')).toEqual(
      expect.arrayContaining(['shared/engine/truth.ts', 'shared/engine/online.ts', 'shared/scenario/types.ts']),
    );
  });

  it('the checker sees imports (so it can fail)', () => {
    expect(importsOf('shared/engine/decide.ts')).toContain('../dates');
    expect(target('shared/engine/decide.ts', '../dates')).toBe('shared/dates');
    expect(resolveFile('renderer/src/App.tsx', './store')).toBe('renderer/src/store/index.ts');
    expect(importGraph(['renderer/src/App.tsx', 'renderer/src/store/index.ts']).get('renderer/src/App.tsx')).toEqual([
      'renderer/src/store/index.ts',
    ]);
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual(['a → b → c → a']);
    expect(cycles(new Map([['a', ['b']]]))).toEqual([]);
  });
});
