/**
 * Breadth-first neighbourhoods: the nodes within `depth` steps of a start node, nearest first. When the
 * limit cuts a level, the level's nodes are taken in the caller's priority order, so the result does not
 * depend on the order edges happen to be stored in.
 */

export interface NeighborhoodGraph {
  /** Neighbours reachable in one step (filters already applied). */
  neighbors(node: string): Iterable<string>;
  /** Whether a node may be part of the result (the start node always is). */
  accepts(node: string): boolean;
  /** Priority order within a level: negative when `a` comes first. */
  compare(a: string, b: string): number;
}

/** Keys of the start node and the nodes within `depth` steps of it, at most `limit` of them. */
export function neighborhood(g: NeighborhoodGraph, start: string, depth: number, limit: number): string[] {
  const kept = [start];
  const seen = new Set(kept);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length && kept.length < limit; d++) {
    const level = new Set<string>();
    for (const u of frontier) {
      for (const v of g.neighbors(u)) if (!seen.has(v) && g.accepts(v)) level.add(v);
    }
    const next = [...level].sort((a, b) => g.compare(a, b)).slice(0, limit - kept.length);
    for (const v of next) {
      seen.add(v);
      kept.push(v);
    }
    frontier = next;
  }
  return kept;
}

/**
 * The same walk over concepts numbered in priority order (0 comes first): `neighbors(u)` lists the
 * numbers one step from `u`, possibly with repeats. Numbers make a level's order a numeric sort and the
 * seen-set a byte array, which is what a neighbourhood of hubs in a large graph spends its time on.
 */
export function rankedNeighborhood(
  count: number,
  neighbors: (u: number) => ArrayLike<number>,
  accepts: (v: number) => boolean,
  start: number,
  depth: number,
  limit: number,
): number[] {
  // 1: kept or already looked at (a concept refused once is refused again).
  const seen = new Uint8Array(count);
  seen[start] = 1;
  const kept = [start];
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length && kept.length < limit; d++) {
    const level: number[] = [];
    for (const u of frontier) {
      const list = neighbors(u);
      for (let i = 0; i < list.length; i++) {
        const v = list[i]!;
        if (seen[v]) continue;
        seen[v] = 1;
        if (accepts(v)) level.push(v);
      }
    }
    const next = Int32Array.from(level)
      .sort()
      .subarray(0, Math.max(0, limit - kept.length));
    for (const v of next) kept.push(v);
    frontier = Array.from(next);
  }
  return kept;
}
