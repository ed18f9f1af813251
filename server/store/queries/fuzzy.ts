/**
 * Typo tolerance for English words: the restricted Damerau–Levenshtein distance (insertions, deletions,
 * substitutions and adjacent transpositions, the usual typing slips) with an early exit, and a vocabulary
 * that finds the words within a distance of a query word by checking only words of a compatible length.
 */

/** Edits allowed for a query word: none under 4 letters (too many near misses), 1 up to 7, 2 beyond. */
export function maxEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Restricted Damerau–Levenshtein distance between `a` and `b`, or `max + 1` as soon as it is certain to
 * exceed `max` (so callers can test `<= max` without paying for the whole matrix).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  // Three rows suffice: the transposition step looks two rows back.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[m]!, max + 1);
}

/** A set of distinct words, bucketed by length, sorted for prefix look-ups. */
export class Vocabulary {
  private readonly byLength = new Map<number, string[]>();
  private readonly sorted: string[];

  constructor(words: Iterable<string>) {
    const all = new Set(words);
    for (const w of all) {
      let bucket = this.byLength.get(w.length);
      if (!bucket) this.byLength.set(w.length, (bucket = []));
      bucket.push(w);
    }
    this.sorted = [...all].sort();
  }

  /**
   * Words within the edit budget of `word` (excluding `word` itself), with their distance. The first
   * letter must match (or be swapped with the second): slips rarely hit it, and without the rule
   * `ketamine` would find `examine`.
   */
  near(word: string, max = maxEdits(word)): Map<string, number> {
    const out = new Map<string, number>();
    if (max === 0) return out;
    const a = word[0];
    const b = word[1];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const w of this.byLength.get(len) ?? []) {
        if (w === word || (w[0] !== a && !(w[0] === b && w[1] === a))) continue;
        const d = editDistance(word, w, max);
        if (d <= max) out.set(w, d);
      }
    }
    return out;
  }

  /** Words that start with `prefix` (and are longer than it), at most `cap` of them. */
  withPrefix(prefix: string, cap: number): string[] {
    const out: string[] = [];
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && out.length < cap; i++) {
      const w = this.sorted[i]!;
      if (!w.startsWith(prefix)) break;
      if (w !== prefix) out.push(w);
    }
    return out;
  }
}
