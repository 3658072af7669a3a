// The project's one seeded pseudo-random generator. Integer arithmetic only (no Math.random, no
// engine-dependent floating point), so the same seed gives the same sequence on every machine:
// exam orders, demo patients and benchmark data are reproducible.

/** mulberry32: a small, well-mixed 32-bit generator. Returns integers in [0, 2^32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The same generator scaled to a float in [0, 1) (like Math.random, but seeded). */
export function seededRandom(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 0x1_0000_0000;
}
