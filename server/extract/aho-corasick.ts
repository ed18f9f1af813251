/**
 * A multi-pattern string matcher (Aho–Corasick): every occurrence of every pattern in one pass over the
 * text, so matching a chapter against thousands of vocabulary forms costs time linear in its length.
 * Patterns are matching keys (see text/normalize.ts); each carries a payload the caller interprets.
 */

export interface AcHit<T> {
  start: number;
  end: number;
  payload: T;
}

interface AcNode {
  next: Map<number, number>;
  fail: number;
  /** Pattern ending here (its index), or -1. */
  out: number;
  /** Nearest node on the fail chain that ends a pattern, or -1. */
  dict: number;
  depth: number;
}

export class AhoCorasick<T> {
  private readonly nodes: AcNode[] = [{ next: new Map(), fail: 0, out: -1, dict: -1, depth: 0 }];
  private readonly payloads: T[] = [];
  private built = false;
  /** The root's transitions as a dense table by UTF-16 code (-1: none): most steps start at the root. */
  private root = new Int32Array(0);

  /** Adds a pattern; a pattern added twice keeps its first payload. Returns false for an empty one. */
  add(pattern: string, payload: T): boolean {
    if (this.built) throw new Error('AhoCorasick: add() after build()');
    if (!pattern) return false;
    let n = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = this.nodes[n]!.next.get(c);
      if (to === undefined) {
        to = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: -1, dict: -1, depth: this.nodes[n]!.depth + 1 });
        this.nodes[n]!.next.set(c, to);
      }
      n = to;
    }
    if (this.nodes[n]!.out >= 0) return false;
    this.nodes[n]!.out = this.payloads.length;
    this.payloads.push(payload);
    return true;
  }

  get size(): number {
    return this.payloads.length;
  }

  /** Computes the failure links (breadth first). Called once, before the first search. */
  build(): this {
    const queue: number[] = [];
    for (const to of this.nodes[0]!.next.values()) queue.push(to);
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      const node = this.nodes[u]!;
      for (const [c, v] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        const vn = this.nodes[v]!;
        vn.fail = target !== undefined && target !== v ? target : 0;
        const fn = this.nodes[vn.fail]!;
        vn.dict = fn.out >= 0 ? vn.fail : fn.dict;
        queue.push(v);
      }
    }
    // Worth its 256 KiB only for a large automaton (the vocabulary), not a chapter's few own terms.
    if (this.payloads.length >= 1000) {
      this.root = new Int32Array(65536).fill(-1);
      for (const [c, to] of this.nodes[0]!.next) this.root[c] = to;
    }
    this.built = true;
    return this;
  }

  /**
   * For each end offset, the longest pattern ending there that `accept` takes (then the next longest, and
   * so on): shorter patterns inside an accepted one are never visited, which saves most of the work on a
   * vocabulary full of short forms.
   */
  searchLongest(text: string, accept: (start: number, end: number, payload: T) => boolean): void {
    if (!this.built) this.build();
    const nodes = this.nodes;
    const root = this.root;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      n = this.step(nodes, root, n, c);
      if (n === 0) continue;
      const node = nodes[n]!;
      let k = node.out >= 0 ? n : node.dict;
      while (k >= 0) {
        const kn = nodes[k]!;
        if (accept(i + 1 - kn.depth, i + 1, this.payloads[kn.out]!)) break;
        k = kn.dict;
      }
    }
  }

  /** The next state from `n` on character `c`, following failure links. */
  private step(nodes: AcNode[], root: Int32Array, n: number, c: number): number {
    while (n !== 0) {
      const to = nodes[n]!.next.get(c);
      if (to !== undefined) return to;
      n = nodes[n]!.fail;
    }
    if (root.length) {
      const r = root[c]!;
      return r < 0 ? 0 : r;
    }
    return nodes[0]!.next.get(c) ?? 0;
  }

  /** Every occurrence of every pattern, in order of end offset. */
  search(text: string): AcHit<T>[] {
    if (!this.built) this.build();
    const hits: AcHit<T>[] = [];
    let n = 0;
    const nodes = this.nodes;
    const root = this.root;
    for (let i = 0; i < text.length; i++) {
      n = this.step(nodes, root, n, text.charCodeAt(i));
      let k = this.nodes[n]!.out >= 0 ? n : this.nodes[n]!.dict;
      while (k >= 0) {
        const kn = this.nodes[k]!;
        hits.push({ start: i + 1 - kn.depth, end: i + 1, payload: this.payloads[kn.out]! });
        k = kn.dict;
      }
    }
    return hits;
  }
}
