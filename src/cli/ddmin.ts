/**
 * Zeller and Hildebrandt's ddmin ("Simplifying and Isolating Failure-Inducing Input", 2002): the smallest
 * subsequence of `items` it can find for which `fails` holds, 1-minimal when it runs to its end (removing
 * any one item of the result makes `fails` false). `fails(items)` must hold. The items keep their order.
 * `isSpent()` says the caller's budget is gone: ddmin then returns the smallest failing subsequence so far.
 * Pure and deterministic: the same items and the same answers give the same result.
 */
export function ddmin<T>(
  items: readonly T[],
  fails: (subset: readonly T[]) => boolean,
  isSpent: () => boolean = () => false,
): readonly T[] {
  // Asked once each: a subset ddmin meets again (a complement at granularity 2 is the other half) costs nothing.
  const answers = new Map<string, boolean>();
  const ask = (indices: readonly number[]): boolean => {
    const key = indices.join(',');
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = fails(indices.map((i) => items[i] as T));
      answers.set(key, answer);
    }
    return answer;
  };
  // The failure may need no item at all (a bug its configuration alone sets off).
  if (items.length > 0 && ask([])) return [];
  let current = items.map((_, i) => i);
  let n = 2;
  while (current.length >= 2 && !isSpent()) {
    const chunks = split(current, n);
    const subset = chunks.find((chunk) => !isSpent() && ask(chunk));
    if (subset) {
      current = subset;
      n = 2;
      continue;
    }
    // At granularity 2 the complements are the subsets just asked.
    const complement =
      n === 2
        ? undefined
        : chunks.map((chunk) => current.filter((i) => !chunk.includes(i))).find((rest) => !isSpent() && ask(rest));
    if (complement) {
      current = complement;
      n = Math.max(n - 1, 2);
      continue;
    }
    if (n >= current.length) break;
    n = Math.min(n * 2, current.length);
  }
  return current.map((i) => items[i] as T);
}

/** `items` in `n` runs of near-equal length, in order (the first ones one longer when it does not divide). */
function split(items: readonly number[], n: number): number[][] {
  const chunks: number[][] = [];
  let start = 0;
  for (let k = 0; k < n; k++) {
    const size = Math.floor(items.length / n) + (k < items.length % n ? 1 : 0);
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks.filter((chunk) => chunk.length > 0);
}
