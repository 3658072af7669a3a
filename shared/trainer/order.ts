// Exam order fixed by a seed: the same seed gives the same order on every machine and every run
// (a 32-bit PRNG on integer arithmetic only, no Math.random, no floating-point rounding that
// could differ between engines), so a trainer can give two trainees the same exam.

import { mulberry32 } from '../random';

export const MAX_SEED = 0xffff_ffff;

/** An unbiased integer in [0, n) (rejection sampling: no modulo bias). */
function below(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** Fisher–Yates with the seeded generator; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = below(next, i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
