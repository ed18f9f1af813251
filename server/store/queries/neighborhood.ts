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
