/**
 * A new empty list stored as a list of objects. V8 stores a `[]` literal as a list of small integers until
 * an object is put in it, and code it optimised for lists of objects throws itself away ("wrong map") the
 * first time such a list reaches it; the relation readers, large functions, were compiled again and again
 * over a worker's first chapters. Use it where an empty fallback meets lists of mentions, slots or concepts.
 */
export function emptyList<T extends object>(): T[] {
  const list: T[] = [null as unknown as T];
  list.length = 0;
  return list;
}
