// The renderer's stylesheets keep to the palette: no colour is written anywhere but palette.css, every
// variable used is defined there, and each tone of tones.ts has its class.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TONES } from '../renderer/src/tones';

const src = join(__dirname, '../renderer/src');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

const COLOUR =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|(?<![\w-])(?:white|black|red|green|blue|gray|grey|orange|yellow)(?![\w-])/gi;
const palette = readFileSync(join(src, 'styles/palette.css'), 'utf8');
const defined = new Set([...palette.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));

describe('stylesheets', () => {
  const sheets = files(src, /\.css$/).filter((f) => !f.endsWith('palette.css'));

  it('write no colour outside palette.css (CSS and TSX)', () => {
    const code = files(src, /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f));
    const bad = [...sheets, ...code].flatMap((f) => {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return [...text.matchAll(COLOUR)].map((m) => `${relative(src, f)}: ${m[0]}`);
    });
    expect(bad).toEqual([]);
  });

  it('use only variables the palette defines (or a tone sets, or the sheet itself)', () => {
    const bad = sheets.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const local = new Set([...text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
      return [...text.matchAll(/var\((--[\w-]+)/g)]
        .map((m) => m[1]!)
        .filter((v) => !defined.has(v) && !local.has(v) && !v.startsWith('--tone-'))
        .map((v) => `${relative(src, f)}: ${v}`);
    });
    expect(bad).toEqual([]);
  });

  it('have one class per tone, setting its three colours', () => {
    const base = readFileSync(join(src, 'styles/base.css'), 'utf8');
    for (const t of TONES) {
      const rule = new RegExp(`\\.tone-${t} \\{([^}]*)\\}`).exec(base)?.[1] ?? '';
      expect(rule, t).toContain(`--tone-bg: var(--${t}-bg)`);
      expect(rule, t).toContain(`--tone-line: var(--${t}-line)`);
      expect(rule, t).toContain(`--tone-ink: var(--${t}-ink)`);
    }
  });
});
