// What the desk downloads before it can run: the renderer's first-load JavaScript (the entry script
// of index.html and the modules it preloads), read from the build (dist/renderer). Bytes, not time:
// the bench prints them and a test guards the budget. The floor is the part of those bytes that is
// React itself (react, react-dom, scheduler), found with the source map of the same build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** 300 KB minified (issue 8): the desk's first-load JavaScript budget. */
export const FIRST_LOAD_BUDGET = 300 * 1000;

const REACT = /node_modules\/(react|react-dom|scheduler)\//;

export interface FirstLoad {
  /** the files, relative to dist/renderer */
  files: string[];
  bytes: number;
  /** bytes of react, react-dom and scheduler inside those files (the framework's own share) */
  reactBytes: number;
  /** the lazily loaded chunks (not in the first load), with their bytes */
  lazy: { file: string; bytes: number }[];
}

export function firstLoad(rendererDir: string): FirstLoad {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\//, ''));
  const files = [...new Set(refs)];
  const size = (f: string) => readFileSync(path.join(rendererDir, f)).length;
  const all = readdirSync(path.join(rendererDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return {
    files,
    bytes: files.reduce((n, f) => n + size(f), 0),
    reactBytes: files.reduce((n, f) => n + bytesFrom(path.join(rendererDir, f), REACT), 0),
    lazy: all.filter((f) => !files.includes(f)).map((file) => ({ file, bytes: size(file) })),
  };
}

/** Bytes of a minified file that its source map attributes to sources matching `source`. */
function bytesFrom(file: string, source: RegExp): number {
  if (!existsSync(`${file}.map`)) return 0;
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = readFileSync(file, 'utf8').split('\n');
  let bytes = 0;
  let src = 0;
  map.mappings.split(';').forEach((line, i) => {
    const segments = line === '' ? [] : line.split(',').map(decodeVlq);
    let col = 0;
    segments.forEach((seg, k) => {
      col += seg[0]!;
      if (seg.length > 1) src += seg[1]!;
      const next = k + 1 < segments.length ? col + segments[k + 1]![0]! : (lines[i]?.length ?? col);
      if (source.test(map.sources[src] ?? '')) bytes += next - col;
    });
  });
  return bytes;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One source-map segment: base-64 VLQ numbers (relative to the previous segment). */
function decodeVlq(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of s) {
    const d = B64.indexOf(ch);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
