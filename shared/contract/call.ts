// One call of the contract: the request's zod schema (run once, by `dispatch`) and the answer's
// type. Answers are built by the backend's own typed code, so they are a type only — no schema
// that would run on every response, or (worse) exist without running.
import type { z } from 'zod';

export interface CallDef<S extends z.ZodType, O> {
  readonly input: S;
  /**
   * Fields the R18 check of every request (./index.ts parseRequest) leaves to the handler, which
   * checks them whole with the same message (a pack file's text arrives in chunks: a number cut
   * in two is only whole once the chunks are joined).
   */
  readonly r18Later?: readonly string[];
  /** never set: carries the answer's type */
  readonly output?: O;
}

/** `call(requestSchema).returns<Answer>()` */
export const call = <S extends z.ZodType>(input: S, opts: { r18Later?: readonly string[] } = {}) => ({
  returns: <O>(): CallDef<S, O> => ({ input, ...opts }),
});
