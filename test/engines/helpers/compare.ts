/** Relative closeness with a scale floor, so values near zero (a MACD histogram) are compared against the series' magnitude. */
export function isClose(actual: number, expected: number, rel: number, scale = 0): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
  const tol = rel * Math.max(Math.abs(actual), Math.abs(expected), scale);
  return Math.abs(actual - expected) <= tol;
}

/** Index and values of the first mismatch, or null; NaN in `actual` must line up with null in `expected`. */
export function firstMismatch(actual: ArrayLike<number>, expected: (number | null)[], rel: number, scale = 0): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      if (!Number.isNaN(a)) return `index ${i}: expected no value, got ${a}`;
    } else if (!isClose(a, e, rel, scale)) {
      return `index ${i}: expected ${e}, got ${a}`;
    }
  }
  return null;
}
