/** xorshift32: a deterministic stream of test values in [0, 1), so a failing case can be replayed from its seed and index. */
export function randomStream(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
