// R18: no 12-digit individual number (個人番号) is ever stored. Every text that reaches the
// database passes through here (the detector and the value walk: shared/identifiers.ts). The walk
// is iterative and depth-limited: a deeply nested value is invalid input, never a stack overflow.
import { pathJa } from '../../shared/field-names';
import { AppError } from './errors';
import {
  containsMyNumberInJson,
  containsMyNumberLike,
  findMyNumberPath as walk,
  MY_NUMBER_REFUSAL,
  TooDeepError,
} from '../../shared/identifiers';

/** Throws AppError('my-number') naming the field — in Japanese in the Japanese message — never the value. */
export function assertNoMyNumber(text: string | null | undefined, field: string): void {
  if (text != null && containsMyNumberLike(text)) {
    throw new AppError('my-number', `${pathJa(field)}: ${MY_NUMBER_REFUSAL.ja}`, `${field}: ${MY_NUMBER_REFUSAL.en}`, {
      field,
    });
  }
}

/** shared/identifiers.ts findMyNumberPath; a value nested too deeply is AppError('invalid-input'). */
export function findMyNumberPath(value: unknown): string | null {
  try {
    return walk(value);
  } catch (e) {
    if (e instanceof TooDeepError) throw new AppError('invalid-input', e.ja, e.en, { path: e.path });
    throw e;
  }
}

/** `serialized` must be JSON.stringify(value): one fast scan, and the walk only when it finds something. */
export function assertNoMyNumberDeep(value: unknown, field: string, serialized?: string): void {
  if (serialized !== undefined && !containsMyNumberInJson(serialized)) return;
  const p = findMyNumberPath(value);
  if (p !== null) {
    const at = `${field}.${p}`;
    throw new AppError('my-number', `${pathJa(at)}: ${MY_NUMBER_REFUSAL.ja}`, `${at}: ${MY_NUMBER_REFUSAL.en}`, {
      field: at,
    });
  }
}
