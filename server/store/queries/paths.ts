/**
 * k shortest simple paths between two nodes (Yen's algorithm) over an unweighted, undirected view of a
 * graph. Paths are ordered by length, then by their node keys compared one by one, and the result is
 * exactly the first k paths of that order: each spur path is the smallest in the same order (a BFS from
 * the target gives distances, then a walk from the spur node takes the smallest neighbour one step
 * closer), which is what makes Yen's algorithm exact for a total order rather than for lengths alone.
 */

export interface PathGraph {
  /** Neighbours of a node in the undirected view (in any order). */
  neighbors(node: string): readonly string[];
}

/**
 * The first `k` simple paths from `from` to `to` of at most `maxHops` edges, as node key sequences: the
 * nodes such a path can visit (within `maxHops` of `from`) are numbered in key order and searched by
 * kShortestRankedPaths.
 */
export function kShortestPaths(g: PathGraph, from: string, to: string, k: number, maxHops: number): string[][] {
  if (k < 1 || from === to) return [];
  const reach = new Set([from]);
  let frontier = [from];
  for (let d = 0; d < maxHops && frontier.length; d++) {
    const next: string[] = [];
    for (const u of frontier)
      for (const v of g.neighbors(u)) {
        if (reach.has(v)) continue;
        reach.add(v);
        next.push(v);
      }
    frontier = next;
  }
  if (!reach.has(to)) return [];
  const keys = [...reach].sort();
  const rank = new Map(keys.map((key, i) => [key, i]));
  const lists = keys.map((key) => {
    const out: number[] = [];
    for (const v of g.neighbors(key)) {
      const r = rank.get(v);
      if (r !== undefined) out.push(r);
    }
    return Int32Array.from(new Set(out)).sort();
  });
  return kShortestRankedPaths(keys.length, (u) => lists[u]!, rank.get(from)!, rank.get(to)!, k, maxHops).map((p) =>
    p.map((r) => keys[r]!),
  );
}

/**
 * The same paths over nodes numbered in ascending key order (0 is the smallest key), so that comparing
 * numbers compares keys: `neighbors(u)` lists the numbers next to `u`, ascending, without duplicates.
 * Distances, banned nodes and banned edges are arrays and numbers instead of maps and strings, which is
 * what a dense graph's searches spend their time on.
 */
export function kShortestRankedPaths(
  count: number,
  neighbors: (u: number) => ArrayLike<number>,
  from: number,
  to: number,
  k: number,
  maxHops: number,
): number[][] {
  if (k < 1 || from === to) return [];
  // dist[v] is valid when seen[v] === search (one number per search, so nothing is cleared between them).
  const dist = new Int32Array(count);
  const seen = new Int32Array(count);
  const bannedAt = new Int32Array(count);
  let search = 0;
  const edgeId = (a: number, b: number) => a * count + b;

  const smallest = (start: number, maxLen: number, bannedNodes: readonly number[], bannedEdges: Set<number>) => {
    search++;
    for (const v of bannedNodes) bannedAt[v] = search;
    if (maxLen < 1 || bannedAt[start] === search || bannedAt[to] === search) return null;
    const banned = (a: number, b: number) => bannedEdges.size > 0 && bannedEdges.has(edgeId(a, b));
    seen[to] = search;
    dist[to] = 0;
    let frontier = [to];
    let found = false;
    search: for (let d = 1; d <= maxLen && frontier.length; d++) {
      const next: number[] = [];
      for (const u of frontier) {
        const list = neighbors(u);
        for (let i = 0; i < list.length; i++) {
          const v = list[i]!;
          if (seen[v] === search || bannedAt[v] === search || banned(u, v)) continue;
          seen[v] = search;
          dist[v] = d;
          if (v === start) {
            found = true;
            break search;
          }
          next.push(v);
        }
      }
      frontier = next;
    }
    if (!found && start !== to) return null;
    const path = [start];
    let cur = start;
    for (let d = dist[start]!; d > 0; d--) {
      const list = neighbors(cur);
      let step = -1;
      for (let i = 0; i < list.length; i++) {
        const v = list[i]!;
        if (seen[v] === search && dist[v] === d - 1 && !banned(cur, v)) {
          step = v;
          break;
        }
      }
      if (step < 0) return null;
      path.push(step);
      cur = step;
    }
    return path;
  };

  const first = smallest(from, maxHops, [], new Set());
  if (!first) return [];
  const found: number[][] = [first];
  const ids = new Set<string>([first.join(',')]);
  let candidates: number[][] = [];
  const compare = (a: readonly number[], b: readonly number[]) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i < last.length - 1; i++) {
      const spur = last[i]!;
      const bannedEdges = new Set<number>();
      for (const p of found) {
        if (p.length <= i + 1) continue;
        let same = true;
        for (let j = 0; j <= i && same; j++) same = p[j] === last[j];
        if (same) bannedEdges.add(edgeId(p[i]!, p[i + 1]!)).add(edgeId(p[i + 1]!, p[i]!));
      }
      const spurPath = smallest(spur, maxHops - i, last.slice(0, i), bannedEdges);
      if (!spurPath) continue;
      const path = [...last.slice(0, i), ...spurPath];
      const id = path.join(',');
      if (ids.has(id)) continue;
      ids.add(id);
      candidates.push(path);
    }
    if (candidates.length === 0) break;
    candidates.sort(compare);
    found.push(candidates[0]!);
    candidates = candidates.slice(1);
  }
  return found;
}
