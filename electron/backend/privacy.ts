// R18: no 12-digit individual number (個人番号) is ever stored. Every text that reaches the
// database passes through here (the detector itself: shared/identifiers.ts containsMyNumberLike).
import { AppError } from './errors';
import { containsMyNumberLike, MY_NUMBER_REFUSAL } from '../../shared/identifiers';

/** Throws AppError('my-number') naming the field (never the value). */
export function assertNoMyNumber(text: string | null | undefined, field: string): void {
  if (text != null && containsMyNumberLike(text)) {
    throw new AppError('my-number', `${field}: ${MY_NUMBER_REFUSAL.ja}`, `${field}: ${MY_NUMBER_REFUSAL.en}`, {
      field,
    });
  }
}

/** Walks a JSON-like value; the path of the first string holding a 12-digit number, or null. */
export function findMyNumberPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string' || typeof value === 'number')
    return containsMyNumberLike(String(value)) ? path || '(root)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const p = findMyNumberPath(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = findMyNumberPath(v, path ? `${path}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}

export function assertNoMyNumberDeep(value: unknown, field: string, serialized?: string): void {
  // Fast path: one scan of the serialized form; the walk only runs to name the field.
  if (serialized !== undefined && !containsMyNumberLike(serialized)) return;
  const p = findMyNumberPath(value) ?? (serialized !== undefined ? '(json)' : null);
  if (p !== null) {
    const at = `${field}.${p}`;
    throw new AppError('my-number', `${at}: ${MY_NUMBER_REFUSAL.ja}`, `${at}: ${MY_NUMBER_REFUSAL.en}`, { field: at });
  }
}
