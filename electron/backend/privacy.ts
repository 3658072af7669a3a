// R18: no 12-digit individual number (個人番号) is ever stored. Every text that reaches the
// database passes through here (the detector itself: shared/identifiers.ts containsMyNumberLike).
// The walks are iterative and depth-limited: a deeply nested value is invalid input, never a
// stack overflow.
import { AppError } from './errors';
import { containsMyNumberInJson, containsMyNumberLike, MY_NUMBER_REFUSAL } from '../../shared/identifiers';

/** Deeper than anything the app writes or reads (a pack scenario is about 6 levels deep). */
export const MAX_JSON_DEPTH = 64;

/** Throws AppError('my-number') naming the field (never the value). */
export function assertNoMyNumber(text: string | null | undefined, field: string): void {
  if (text != null && containsMyNumberLike(text)) {
    throw new AppError('my-number', `${field}: ${MY_NUMBER_REFUSAL.ja}`, `${field}: ${MY_NUMBER_REFUSAL.en}`, {
      field,
    });
  }
}

function tooDeep(path: string): AppError {
  return new AppError(
    'invalid-input',
    `入れ子が深すぎます (${MAX_JSON_DEPTH} 段まで): ${path || '(最上位)'}`,
    `nested too deeply (at most ${MAX_JSON_DEPTH} levels): ${path || '(root)'}`,
    { path },
  );
}

/**
 * Walks a JSON-like value in document order; the path of the first key or value (string or
 * number) holding a 12-digit number, or null. Throws AppError('invalid-input') past
 * MAX_JSON_DEPTH levels.
 */
export function findMyNumberPath(value: unknown): string | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string' || typeof v === 'number') {
      if (containsMyNumberLike(String(v))) return path || '(root)';
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw tooDeep(path);
    const children: Array<{ v: unknown; path: string; depth: number }> = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => children.push({ v: item, path: `${path}[${i}]`, depth: depth + 1 }));
    } else {
      for (const [k, item] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (containsMyNumberLike(k)) return at;
        children.push({ v: item, path: at, depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return null;
}

/** `serialized` must be JSON.stringify(value): one fast scan, and the walk only when it finds something. */
export function assertNoMyNumberDeep(value: unknown, field: string, serialized?: string): void {
  if (serialized !== undefined && !containsMyNumberInJson(serialized)) return;
  const p = findMyNumberPath(value);
  if (p !== null) {
    const at = `${field}.${p}`;
    throw new AppError('my-number', `${at}: ${MY_NUMBER_REFUSAL.ja}`, `${at}: ${MY_NUMBER_REFUSAL.en}`, { field: at });
  }
}
