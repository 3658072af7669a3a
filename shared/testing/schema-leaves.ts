// Test helper: every place a zod schema accepts a text (or a number), as a path such as
// `patient.coverages[0].symbol` — each option of a union, each element type of an array — so that
// a test can put a value in every field a format has, not only in those an example happens to use.
import type * as z from 'zod';

type Def = Record<string, unknown> & { type: string };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** Paths of the text and number fields of a schema (booleans and unknown values have none). */
export function schemaLeaves(schema: z.ZodType): string[] {
  const out = new Set<string>();
  const walk = (s: unknown, at: string, depth: number): void => {
    if (depth > 40) throw new Error(`schema too deep at ${at}`);
    const def = defOf(s);
    const inner = (k: string): void => walk(def[k], at, depth + 1);
    switch (def.type) {
      case 'string':
      case 'number':
      case 'bigint':
      case 'enum':
      case 'literal':
        out.add(at);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        return inner('innerType');
      case 'pipe':
        return inner('in');
      case 'array':
        return walk(def.element, `${at}[0]`, depth + 1);
      case 'union':
        for (const o of def.options as unknown[]) walk(o, at, depth + 1);
        return;
      case 'intersection':
        inner('left');
        inner('right');
        return;
      case 'record':
        return walk(def.valueType, at ? `${at}.k` : 'k', depth + 1);
      case 'object':
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>))
          walk(v, at ? `${at}.${k}` : k, depth + 1);
        return;
      case 'boolean':
      case 'unknown':
      case 'any':
      case 'null':
      case 'undefined':
      case 'transform':
        return;
      default:
        throw new Error(`schemaLeaves: unhandled ${def.type} at ${at || '(root)'}`);
    }
  };
  walk(schema, '', 0);
  return [...out];
}

/** A copy of `base` (plain JSON) with `value` at `path`, creating the objects and arrays on the way. */
export function withValueAt(base: unknown, path: string, value: unknown): unknown {
  const keys = [...path.matchAll(/[^.[\]]+/g)].map((m) => (/^\d+$/.test(m[0]) ? Number(m[0]) : m[0]));
  const root = JSON.parse(JSON.stringify(base ?? {})) as Record<string | number, unknown>;
  let node = root;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      node[k] = value;
      return;
    }
    const next = node[k];
    if (next === null || typeof next !== 'object') node[k] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  });
  return root;
}
