// How deep JSON input may nest (a tiny module of its own: the R18 walk, the JSON readers and the
// browser-mode server use it, and the renderer must not pull a JSON parser in with it).

/**
 * The deepest nesting of arrays and objects any input may have. Far beyond every format (a pack
 * scenario is about 8 levels deep); deeper input is refused where it enters, so no recursive code
 * further on (structured clone, JSON.stringify, schemas) can overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `max` levels (iterative: never overflows itself). */
export function jsonDepthExceeds(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}
