/**
 * A multi-pattern string matcher (Aho–Corasick): every occurrence of every pattern in one pass over the
 * text, so matching a chapter against thousands of vocabulary forms costs time linear in its length.
 * Patterns are matching keys (see text/normalize.ts); each carries a payload the caller interprets.
 *
 * The automaton is compiled into typed arrays (one entry per node, transitions as sorted per-node runs):
 * the search runs once per sentence for every chapter, and plain arrays of numbers keep it free of
 * allocation and of hash-map look-ups.
 */

import { isKeyWordCode } from '../text/normalize';

export interface AcHit<T> {
  start: number;
  end: number;
  payload: T;
}

/** Nodes with more transitions than this are searched by bisection, fewer by a linear scan. */
const LINEAR_SCAN = 8;

/**
 * The trie while patterns are added. Most nodes have at most one child, kept in two plain arrays; only a
 * node with several gets a map (a chapter builds two automata, and a map per node was most of the cost).
 */
class TrieBuilder {
  /** Code of a node's only child; NONE without children; MANY when they are in `many`. */
  private readonly soleCode: number[] = [NONE];
  private readonly soleChild: number[] = [0];
  private readonly many: (Map<number, number> | undefined)[] = [undefined];
  /** Pattern index ending at each node (-1: none). */
  readonly ends: number[] = [-1];

  get count(): number {
    return this.ends.length;
  }

  /** The child of node n on code c, or -1. */
  child(n: number, c: number): number {
    const sole = this.soleCode[n]!;
    if (sole === c) return this.soleChild[n]!;
    return sole === MANY ? (this.many[n]!.get(c) ?? -1) : -1;
  }

  /** The child of node n on code c, made if missing. */
  childOrNew(n: number, c: number): number {
    const found = this.child(n, c);
    if (found >= 0) return found;
    const to = this.ends.length;
    this.soleCode.push(NONE);
    this.soleChild.push(0);
    this.many.push(undefined);
    this.ends.push(-1);
    const sole = this.soleCode[n]!;
    if (sole === NONE) {
      this.soleCode[n] = c;
      this.soleChild[n] = to;
    } else if (sole === MANY) {
      this.many[n]!.set(c, to);
    } else {
      this.many[n] = new Map([
        [sole, this.soleChild[n]!],
        [c, to],
      ]);
      this.soleCode[n] = MANY;
    }
    return to;
  }

  childCount(n: number): number {
    const sole = this.soleCode[n]!;
    return sole === NONE ? 0 : sole === MANY ? this.many[n]!.size : 1;
  }

  forEachChild(n: number, visit: (c: number, to: number) => void): void {
    const sole = this.soleCode[n]!;
    if (sole === MANY) this.many[n]!.forEach((to, c) => visit(c, to));
    else if (sole !== NONE) visit(sole, this.soleChild[n]!);
  }

  /** A node's codes, ascending. */
  sortedCodes(n: number): number[] {
    const codes: number[] = [];
    this.forEachChild(n, (c) => codes.push(c));
    return codes.sort((x, y) => x - y);
  }
}

const NONE = -1;
const MANY = -2;

/** Occurrences found by searchLongestInWords, in buffers shared by every search (grown as needed). */
const found = {
  starts: new Int32Array(256),
  ends: new Int32Array(256),
  patterns: new Int32Array(256),
  counts: new Int32Array(1024),
  sorted: new Int32Array(256),
  grow(): void {
    const size = 2 * this.starts.length;
    const more = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.starts = more(this.starts);
    this.ends = more(this.ends);
    this.patterns = more(this.patterns);
  },
  /** Zeroed counters for ends 0 to size - 1. */
  byEnd(size: number): Int32Array {
    if (this.counts.length < size) this.counts = new Int32Array(Math.max(size, 2 * this.counts.length));
    else this.counts.fill(0, 0, size);
    return this.counts;
  },
  order(size: number): Int32Array {
    if (this.sorted.length < size) this.sorted = new Int32Array(Math.max(size, 2 * this.sorted.length));
    return this.sorted;
  },
};

// The loops of AhoCorasick.compile, apart: V8 compiled them on the stack during the vocabulary's build,
// before the rest of compile() had ever run, and that code then gave up at its end in every chapter's
// compile() (hundreds of deoptimisations per thousand chapters).

function countEdges(trie: TrieBuilder): number {
  let edgeCount = 0;
  for (let n = 0; n < trie.count; n++) edgeCount += trie.childCount(n);
  return edgeCount;
}

/** Per node n, its transitions [nodes[3n], nodes[3n + 1]) as (code, target) pairs in `edges`. */
function fillTransitions(trie: TrieBuilder, nodes: Int32Array, edges: Int32Array): void {
  let e = 0;
  for (let n = 0; n < trie.count; n++) {
    nodes[3 * n] = e;
    if (trie.childCount(n) > LINEAR_SCAN) {
      // Nodes searched by bisection need their transitions in code order.
      for (const c of trie.sortedCodes(n)) {
        edges[2 * e] = c;
        edges[2 * e++ + 1] = trie.child(n, c);
      }
    } else {
      trie.forEachChild(n, (c, v) => {
        edges[2 * e] = c;
        edges[2 * e++ + 1] = v;
      });
    }
    nodes[3 * n + 1] = e;
  }
}
/**
 * A built automaton as plain data: its tables and payloads. It survives a structured clone (a worker
 * thread's `workerData`), so a thread can take an automaton another one built instead of building it again.
 */
export interface AhoCorasickData<T> {
  payloads: T[];
  nodes: Int32Array<ArrayBuffer>;
  edges: Int32Array<ArrayBuffer>;
  report: Int32Array<ArrayBuffer>;
  out: Int32Array<ArrayBuffer>;
  dict: Int32Array<ArrayBuffer>;
  depth: Int32Array<ArrayBuffer>;
  root: Int32Array<ArrayBuffer>;
  rootBits: Int32Array<ArrayBuffer>;
  alphabet: Uint8Array<ArrayBuffer>;
}

export class AhoCorasick<T> {
  /** The trie while patterns are added; null once built. */
  private trie: TrieBuilder | null = new TrieBuilder();
  private payloads: T[] = [];

  // The compiled automaton (filled by build()). What a step reads sits together: per node, its first and
  // last transition and its failure link; per transition, its code and target.
  /** Per node n at 3n: transitions [first, end) in `edges`, failure link. */
  private nodes = new Int32Array(3);
  /** Per transition t at 2t: code, target node; a node's transitions sorted by code. */
  private edges = new Int32Array(0);
  /** The first node on n's failure chain (n itself included) that ends a pattern, or -1. */
  private report = new Int32Array(1).fill(-1);
  /** Pattern index ending at a node, or -1. */
  private out = new Int32Array(1).fill(-1);
  /** Nearest node on the fail chain that ends a pattern, or -1. */
  private dict = new Int32Array(1).fill(-1);
  private depth = new Int32Array(1);
  /** The root's transitions as a dense table by UTF-16 code (-1: none): most steps start at the root. */
  private root = new Int32Array(0);
  /** Without that table: bit (c mod 1024) set when some root transition's code c falls on it. */
  private rootBits = new Int32Array(32);
  /**
   * With that table: 1 for each code that some pattern contains. A code outside every pattern leads back
   * to the root from any state, without a walk down the failure chain (most Han characters of a sentence).
   */
  private alphabet = new Uint8Array(0);

  /** Adds a pattern; a pattern added twice keeps its first payload. Returns false for an empty one. */
  add(pattern: string, payload: T): boolean {
    const trie = this.trie;
    if (!trie) throw new Error('AhoCorasick: add() after build()');
    if (!pattern) return false;
    let n = 0;
    for (let i = 0; i < pattern.length; i++) n = trie.childOrNew(n, pattern.charCodeAt(i));
    if (trie.ends[n]! >= 0) return false;
    trie.ends[n] = this.payloads.length;
    this.payloads.push(payload);
    return true;
  }

  get size(): number {
    return this.payloads.length;
  }

  /** Whether the failure links and the tables built on them are made (see link()). */
  private linked = false;

  /** The built automaton as data (see AhoCorasickData); the arrays are this automaton's own, not copies. */
  toData(): AhoCorasickData<T> {
    this.build();
    const { payloads, nodes, edges, report, out, dict, depth, root, rootBits, alphabet } = this;
    return { payloads, nodes, edges, report, out, dict, depth, root, rootBits, alphabet };
  }

  /** The automaton `toData()` described (searched as the original is; no pattern can be added). */
  static fromData<T>(data: AhoCorasickData<T>): AhoCorasick<T> {
    const m = new AhoCorasick<T>();
    m.trie = null;
    m.payloads = data.payloads;
    m.nodes = data.nodes;
    m.edges = data.edges;
    m.report = data.report;
    m.out = data.out;
    m.dict = data.dict;
    m.depth = data.depth;
    m.root = data.root;
    m.rootBits = data.rootBits;
    m.alphabet = data.alphabet;
    m.linked = true;
    return m;
  }

  /** Compiles the automaton and computes its failure links. Called once, before the first search. */
  build(): this {
    this.compile();
    if (!this.linked) this.link();
    return this;
  }

  /**
   * Compiles the trie into the tables every search reads: transitions, patterns ending at each node, the
   * root's transitions. searchLongestInWords needs no more (it walks the trie, not the automaton).
   */
  private compile(): void {
    const trie = this.trie;
    if (!trie) return;
    const count = trie.count;
    const edgeCount = countEdges(trie);
    // One buffer for these tables: a chapter builds two small tries, and typed arrays are costly to allocate.
    const buf = new Int32Array(4 * count + 2 * edgeCount);
    let at = 0;
    const table = (size: number) => buf.subarray(at, (at += size));
    const nodes = table(3 * count);
    const edges = table(2 * edgeCount);
    const out = table(count);
    out.set(trie.ends);
    fillTransitions(trie, nodes, edges);
    this.nodes = nodes;
    this.edges = edges;
    this.out = out;
    // Worth its 256 KiB only for a large automaton (the vocabulary), not a chapter's few own terms.
    if (this.payloads.length >= 1000) {
      this.root = new Int32Array(65536).fill(-1);
      trie.forEachChild(0, (c, v) => (this.root[c] = v));
      this.alphabet = new Uint8Array(65536);
      for (let t = 0; t < edgeCount; t++) this.alphabet[edges[2 * t]!] = 1;
    } else {
      trie.forEachChild(0, (c) => (this.rootBits[(c >> 5) & 31]! |= 1 << (c & 31)));
    }
    this.trie = null;
  }

  /** Computes the failure links (breadth first, on the compiled trie) and the tables built on them. */
  private link(): void {
    const { nodes, edges, out } = this;
    const count = out.length;
    const buf = new Int32Array(4 * count);
    let at = 0;
    const table = (size: number) => buf.subarray(at, (at += size));
    const report = table(count);
    const dict = table(count);
    const depth = table(count);
    const queue = table(count);
    dict.fill(-1);
    let tail = 0;
    for (let t = nodes[0]!; t < nodes[1]!; t++) {
      const v = edges[2 * t + 1]!;
      queue[tail++] = v;
      depth[v] = 1;
    }
    for (let qi = 0; qi < tail; qi++) {
      const u = queue[qi]!;
      for (let t = nodes[3 * u]!; t < nodes[3 * u + 1]!; t++) {
        const c = edges[2 * t]!;
        const v = edges[2 * t + 1]!;
        let f = nodes[3 * u + 2]!;
        while (f !== 0 && this.child(f, c) < 0) f = nodes[3 * f + 2]!;
        const target = this.child(f, c);
        const fv = target >= 0 && target !== v ? target : 0;
        nodes[3 * v + 2] = fv;
        dict[v] = out[fv]! >= 0 ? fv : dict[fv]!;
        depth[v] = depth[u]! + 1;
        queue[tail++] = v;
      }
    }
    for (let n = 0; n < count; n++) report[n] = out[n]! >= 0 ? n : dict[n]!;
    this.report = report;
    this.dict = dict;
    this.depth = depth;
    this.linked = true;
  }

  /** The child of node n on code c, or -1. */
  private child(n: number, c: number): number {
    const edges = this.edges;
    let lo = this.nodes[3 * n]!;
    let hi = this.nodes[3 * n + 1]!;
    if (hi - lo <= LINEAR_SCAN) {
      for (; lo < hi; lo++) if (edges[2 * lo] === c) return edges[2 * lo + 1]!;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = edges[2 * mid]!;
      if (m === c) return edges[2 * mid + 1]!;
      if (m < c) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** The next state from `n` on code `c`, following failure links. */
  private step(n: number, c: number): number {
    if (this.root.length) {
      // The vocabulary's automaton: a code in no pattern has no transition anywhere.
      if (!this.alphabet[c]) return 0;
      while (n !== 0) {
        const to = this.child(n, c);
        if (to >= 0) return to;
        n = this.nodes[3 * n + 2]!;
      }
      const r = this.root[c]!;
      return r < 0 ? 0 : r;
    }
    while (n !== 0) {
      const to = this.child(n, c);
      if (to >= 0) return to;
      n = this.nodes[3 * n + 2]!;
    }
    if (this.root.length) {
      const r = this.root[c]!;
      return r < 0 ? 0 : r;
    }
    // Most characters start no pattern of a small automaton: a bit (of 1024, by code) says so first.
    if (!(this.rootBits[(c >> 5) & 31]! & (1 << (c & 31)))) return 0;
    const to = this.child(0, c);
    return to < 0 ? 0 : to;
  }

  /**
   * For each end offset, the longest pattern ending there that `accept` takes (then the next longest, and
   * so on): shorter patterns inside an accepted one are never visited, which saves most of the work on a
   * vocabulary full of short forms.
   */
  searchLongest(text: string, accept: (start: number, end: number, payload: T) => boolean): void {
    this.build();
    const { report, out, dict, depth, payloads } = this;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      n = this.step(n, text.charCodeAt(i));
      let k = report[n]!;
      while (k >= 0) {
        if (accept(i + 1 - depth[k]!, i + 1, payloads[out[k]!]!)) break;
        k = dict[k]!;
      }
    }
  }

  /**
   * What `searchLongest(text, accept)` does when `accept` refuses every occurrence that starts or ends
   * inside a word (a key word character on both sides of its first or last character, see isKeyWordCode):
   * such occurrences are never offered. The occurrences are found by walking the trie from each offset a
   * pattern may start at (a word's start, or any character that is not a word character) rather than by
   * the automaton, which steps through every character and down failure chains inside words. They are
   * then offered as searchLongest offers them: by end, and at one end longest first until one is taken.
   * `accept` must not search with any automaton (the occurrences are kept in shared buffers meanwhile).
   */
  searchLongestInWords(text: string, accept: (start: number, end: number, payload: T) => boolean): void {
    if (this.trie) this.compile();
    const { out, payloads, root } = this;
    const len = text.length;
    const dense = root.length > 0;
    let count = 0;
    let prevWord = false;
    for (let p = 0; p < len; p++) {
      const c0 = text.charCodeAt(p);
      const word = isKeyWordCode(c0);
      const inWord = word && prevWord;
      prevWord = word;
      if (inWord) continue;
      let node: number;
      if (dense) node = root[c0]!;
      else node = this.rootBits[(c0 >> 5) & 31]! & (1 << (c0 & 31)) ? this.child(0, c0) : -1;
      for (let q = p; node > 0;) {
        const k = out[node]!;
        if (k >= 0 && !(q + 1 < len && isKeyWordCode(text.charCodeAt(q)) && isKeyWordCode(text.charCodeAt(q + 1)))) {
          if (count === found.starts.length) found.grow();
          found.starts[count] = p;
          found.ends[count] = q + 1;
          found.patterns[count++] = k;
        }
        if (++q >= len) break;
        node = this.child(node, text.charCodeAt(q));
      }
    }
    if (!count) return;
    // By end (a stable counting sort keeps each end's occurrences in order of start: longest first).
    const { starts, ends, patterns } = found;
    const at = found.byEnd(len + 2);
    for (let h = 0; h < count; h++) at[ends[h]! + 1]!++;
    for (let e = 1; e <= len + 1; e++) at[e]! += at[e - 1]!;
    const order = found.order(count);
    for (let h = 0; h < count; h++) order[at[ends[h]!]!++] = h;
    // The walk above is over: callbacks may run (they must not search, which would reuse the buffers).
    for (let j = 0; j < count;) {
      const end = ends[order[j]!]!;
      let taken = false;
      for (; j < count && ends[order[j]!] === end; j++) {
        if (taken) continue;
        const h = order[j]!;
        taken = accept(starts[h]!, end, payloads[patterns[h]!]!);
      }
    }
  }

  /** Every occurrence of every pattern, in order of end offset. */
  search(text: string): AcHit<T>[] {
    this.build();
    const { report, out, dict, depth, payloads } = this;
    const hits: AcHit<T>[] = [];
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      n = this.step(n, text.charCodeAt(i));
      let k = report[n]!;
      while (k >= 0) {
        hits.push({ start: i + 1 - depth[k]!, end: i + 1, payload: payloads[out[k]!]! });
        k = dict[k]!;
      }
    }
    return hits;
  }
}
