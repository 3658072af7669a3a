// What a slice is made of. A slice owns part of the store's state and its actions; it may read
// other slices through `get` only where its type says so (`Reads`), and it reports a failed call
// through `unwrap` (the error banner). Slices import this file and the types of the slices they
// read; store/index.ts composes them — so no slice imports the store it is part of.
import type { Api, ApiError, ApiResult } from '../../../shared/contract/kernel';

/** The banner's error: any slice records the backend's refusal here (through `unwrap`). */
export interface ErrorState {
  error: ApiError | null;
}

export type SetState<S> = (partial: Partial<S>) => void;

/** A slice that owns `Own` and reads `Reads` (other slices' state or actions). */
export type Slice<Own, Reads = object> = (
  set: SetState<Own & Reads & ErrorState>,
  get: () => Own & Reads & ErrorState,
  api: Api,
) => Own;

/** A bridge result's value; on failure the error goes to the banner and the result is null. */
export function unwrap<T>(set: SetState<ErrorState>, r: ApiResult<T>): T | null {
  if (r.ok) return r.value;
  set({ error: r.error });
  return null;
}
