/**
 * Stable in-place sorting for the short lists of spans and mentions a sentence has. The result is the
 * one `Array.prototype.sort` gives with the same comparator (both are stable), but without the work array
 * that one allocates on every call: these sorts run several times per sentence.
 */
const INSERTION_MAX = 24;

export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(items[j]!, x) > 0; j--) items[j + 1] = items[j]!;
    items[j + 1] = x;
  }
  return items;
}
