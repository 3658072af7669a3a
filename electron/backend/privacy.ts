// R18: no 12-digit individual number (個人番号) is ever stored. Every text that reaches the
// database passes through here (the detector itself: shared/identifiers.ts containsMyNumberLike).
import { AppError } from './errors';
import { containsMyNumberLike, findMyNumberPath, MY_NUMBER_REFUSAL } from '../../shared/identifiers';

/** Throws AppError('my-number') naming the field (never the value). */
export function assertNoMyNumber(text: string | null | undefined, field: string): void {
  if (text != null && containsMyNumberLike(text)) {
    throw new AppError('my-number', `${field}: ${MY_NUMBER_REFUSAL.ja}`, `${field}: ${MY_NUMBER_REFUSAL.en}`, {
      field,
    });
  }
}

export { findMyNumberPath };

export function assertNoMyNumberDeep(value: unknown, field: string, serialized?: string): void {
  // Fast path: one scan of the serialized form; the walk only runs to name the field.
  if (serialized !== undefined && !containsMyNumberLike(serialized)) return;
  const p = findMyNumberPath(value) ?? (serialized !== undefined ? '(json)' : null);
  if (p !== null) {
    const at = `${field}.${p}`;
    throw new AppError('my-number', `${at}: ${MY_NUMBER_REFUSAL.ja}`, `${at}: ${MY_NUMBER_REFUSAL.en}`, { field: at });
  }
}
