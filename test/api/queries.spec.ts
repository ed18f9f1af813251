// The pure query modules behind the embedded store's reads (and reused by the Neo4j store): Yen's k
// shortest paths checked against brute force on random graphs, breadth-first neighbourhoods, the typo
// distance and the search ranking tiers.
import { describe, expect, it } from 'vitest';
import { editDistance, Vocabulary } from '../../server/store/queries/fuzzy';
import { neighborhood, rankedNeighborhood } from '../../server/store/queries/neighborhood';
import { kShortestPaths, kShortestRankedPaths } from '../../server/store/queries/paths';
import { SearchIndex, TIER_SCORE } from '../../server/store/queries/search-index';
import { graphView } from '../../server/services/shapes';
import type { CuratedGraphExport } from '../../server/curation/curation-service';

function randomGraph(seed: number, nodes: number, edges: number): Map<string, string[]> {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const keys = Array.from({ length: nodes }, (_, i) => `n${String(i).padStart(2, '0')}`);
  const adj = new Map(keys.map((k) => [k, new Set<string>()]));
  for (let i = 0; i < edges; i++) {
    const a = keys[Math.floor(rnd() * nodes)]!;
    const b = keys[Math.floor(rnd() * nodes)]!;
    if (a === b) continue;
    adj.get(a)!.add(b);
    adj.get(b)!.add(a);
  }
  return new Map([...adj].map(([k, v]) => [k, [...v].sort()]));
}

/** Every simple path of at most maxHops edges, ordered by length then node keys. */
function allPaths(adj: Map<string, string[]>, from: string, to: string, maxHops: number): string[][] {
  const out: string[][] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!;
    if (last === to) {
      out.push(path);
      return;
    }
    if (path.length - 1 === maxHops) return;
    for (const n of adj.get(last) ?? []) if (!path.includes(n)) walk([...path, n]);
  };
  walk([from]);
  return out.sort((a, b) => a.length - b.length || (a.join(' ') < b.join(' ') ? -1 : 1));
}

describe("Yen's k shortest paths", () => {
  it('gives exactly the first k simple paths in (length, keys) order, on 60 random graphs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const adj = randomGraph(seed, 9, 14);
      const g = { neighbors: (n: string) => adj.get(n) ?? [] };
      for (const k of [1, 3, 10]) {
        for (const maxHops of [2, 4, 8]) {
          const expected = allPaths(adj, 'n00', 'n08', maxHops).slice(0, k);
          expect(kShortestPaths(g, 'n00', 'n08', k, maxHops), `seed ${seed} k ${k} max ${maxHops}`).toEqual(expected);
        }
      }
    }
  });

  it('gives exactly the first k simple paths over numbered nodes (numbers in key order), on 60 random graphs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const adj = randomGraph(seed, 12, 26);
      const keys = [...adj.keys()].sort();
      const rank = new Map(keys.map((k, i) => [k, i]));
      const lists = keys.map((k) => Int32Array.from(adj.get(k)!, (n) => rank.get(n)!));
      for (const [from, to] of [
        ['n00', 'n08'],
        ['n03', 'n11'],
        ['n07', 'n01'],
      ] as const) {
        for (const k of [1, 3, 10]) {
          for (const maxHops of [1, 2, 4, 8]) {
            const ranked = kShortestRankedPaths(
              keys.length,
              (u) => lists[u]!,
              rank.get(from)!,
              rank.get(to)!,
              k,
              maxHops,
            );
            expect(
              ranked.map((p) => p.map((r) => keys[r])),
              `seed ${seed} ${from} ${to} k ${k} max ${maxHops}`,
            ).toEqual(allPaths(adj, from, to, maxHops).slice(0, k));
          }
        }
      }
    }
  });

  it('gives nothing between unconnected or identical nodes', () => {
    const g = { neighbors: (n: string) => ({ a: ['b'], b: ['a'], c: [] })[n] ?? [] };
    expect(kShortestPaths(g, 'a', 'c', 3, 5)).toEqual([]);
    expect(kShortestPaths(g, 'a', 'a', 3, 5)).toEqual([]);
    expect(kShortestPaths(g, 'a', 'b', 0, 5)).toEqual([]);
    const lists = [Int32Array.of(1), Int32Array.of(0), Int32Array.of()];
    expect(kShortestRankedPaths(3, (u) => lists[u]!, 0, 2, 3, 5)).toEqual([]);
    expect(kShortestRankedPaths(3, (u) => lists[u]!, 0, 0, 3, 5)).toEqual([]);
    expect(kShortestRankedPaths(3, (u) => lists[u]!, 0, 1, 0, 5)).toEqual([]);
  });
});

describe('graph views', () => {
  it('keep the edgeLimit relations with most evidence, then by key, exactly as a full sort does', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const edges = Array.from({ length: 1 + Math.floor(rnd() * 80) }, (_, i) => ({
        key: `rel:k${Math.floor(rnd() * 500)}-${i}`,
        source: 'concept:a',
        target: 'concept:b',
        attributes: {
          kind: 'relation' as const,
          predicate: 'treats' as const,
          evidence: Array.from({ length: 1 + Math.floor(rnd() ** 3 * 8) }, (_e, j) => `claim:x#${j}`),
          cues: [],
          confidence: 0.5,
          hedged: false,
          negated: false,
        },
      }));
      const limit = 1 + Math.floor(rnd() * 90);
      const g: CuratedGraphExport = { attributes: {}, options: {}, nodes: [], edges };
      const view = graphView(g, limit);
      const sorted = [...edges].sort(
        (x, y) =>
          y.attributes.evidence.length - x.attributes.evidence.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
      );
      const expected = edges.length > limit ? sorted.slice(0, limit) : edges;
      expect(view.edges.map((e) => e.key)).toEqual(expected.map((e) => e.key));
      expect(view.attributes.edgeCount).toBe(edges.length);
      for (const [i, e] of view.edges.entries()) {
        expect(e.attributes).toEqual({
          kind: 'relation',
          predicate: 'treats',
          confidence: 0.5,
          hedged: false,
          negated: false,
          evidenceCount: expected[i]!.attributes.evidence.length,
        });
      }
    }
  });
});

describe('neighbourhoods', () => {
  const adj: Record<string, string[]> = {
    s: ['a', 'b', 'c'],
    a: ['s', 'd'],
    b: ['s'],
    c: ['s', 'e'],
    d: ['a'],
    e: ['c'],
  };
  const weight: Record<string, number> = { a: 1, b: 3, c: 2, d: 5, e: 1 };
  const g = (accepts: (n: string) => boolean = () => true) => ({
    neighbors: (n: string) => adj[n] ?? [],
    accepts,
    compare: (x: string, y: string) => (weight[y] ?? 0) - (weight[x] ?? 0) || (x < y ? -1 : 1),
  });

  it('takes nearer levels first and, within a level, the caller’s order', () => {
    expect(neighborhood(g(), 's', 1, 10)).toEqual(['s', 'b', 'c', 'a']);
    expect(neighborhood(g(), 's', 2, 10)).toEqual(['s', 'b', 'c', 'a', 'd', 'e']);
    expect(neighborhood(g(), 's', 2, 3)).toEqual(['s', 'b', 'c']);
  });

  it('walks only through accepted nodes', () => {
    expect(
      neighborhood(
        g((n) => n !== 'a'),
        's',
        3,
        10,
      ),
    ).toEqual(['s', 'b', 'c', 'e']);
  });
});

describe('numbered neighbourhoods', () => {
  // A small seeded generator: the same random graphs every run.
  const random = (seed: number) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it('walk as the keyed walk does, on random graphs with hubs, repeats, filters and limits', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(next() * 60);
      const adj: number[][] = Array.from({ length: n }, () => []);
      const edges = Math.floor(next() * n * 4);
      for (let i = 0; i < edges; i++) {
        // Low numbers are hubs: edges pick them more often.
        const u = Math.floor(next() ** 2 * n);
        const v = Math.floor(next() * n);
        if (u === v) continue;
        adj[u]!.push(v);
        adj[v]!.push(u);
      }
      const refused = new Set(Array.from({ length: Math.floor(next() * 4) }, () => Math.floor(next() * n)));
      const start = Math.floor(next() * n);
      const depth = 1 + Math.floor(next() * 3);
      const limit = next() < 0.3 ? Infinity : 1 + Math.floor(next() * 12);
      const accepts = (v: number) => !refused.has(v);
      const keyed = neighborhood(
        {
          neighbors: (u) => adj[Number(u)]!.map(String),
          accepts: (v) => accepts(Number(v)),
          compare: (x, y) => Number(x) - Number(y),
        },
        String(start),
        depth,
        limit,
      ).map(Number);
      expect(rankedNeighborhood(n, (u) => adj[u]!, accepts, start, depth, limit)).toEqual(keyed);
    }
  });
});

describe('typo distance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, and stops early', () => {
    expect(editDistance('ketamine', 'ketamine', 2)).toBe(0);
    expect(editDistance('ketamine', 'ketmaine', 2)).toBe(1);
    expect(editDistance('ketamine', 'ketamin', 2)).toBe(1);
    expect(editDistance('therapy', 'therpay', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('keeps the first letter (or a swap of the first two)', () => {
    const v = new Vocabulary(['examine', 'ketamines', 'ektamine', 'betamine']);
    expect([...v.near('ketamine').keys()].sort()).toEqual(['ektamine', 'ketamines']);
    expect(v.withPrefix('ket', 10)).toEqual(['ketamines']);
  });
});

describe('search ranking', () => {
  const index = new SearchIndex({
    concepts: [
      { key: 'concept:k', label: '氯胺酮', category: 'Intervention', names: ['氯胺酮', 'ketamine'], popularity: 3 },
      {
        key: 'concept:ks',
        label: 'ketamine sensitivity',
        category: 'Concept',
        names: ['ketamine sensitivity'],
        popularity: 0,
      },
      { key: 'concept:e', label: 'esketamine', category: 'Intervention', names: ['esketamine'], popularity: 0 },
      {
        key: 'concept:s',
        label: 'low-dose ketamine',
        category: 'Intervention',
        names: ['low-dose ketamine'],
        popularity: 0,
      },
      { key: 'concept:d', label: '抑郁症', category: 'Disorder', names: ['抑郁症', 'major depression'], popularity: 0 },
    ],
    claims: [
      {
        key: 'claim:x#0',
        text: 'Ketamine acts within hours.',
        normText: 'Ketamine acts within hours.',
        document: 'doc:x',
      },
      {
        key: 'claim:x#1',
        text: 'Hours later, ketamine still acts.',
        normText: 'Hours later, ketamine still acts.',
        document: 'doc:x',
      },
    ],
    sources: [
      { key: 'src:123', problemId: '123', label: 'problem 123' },
      { key: 'src:1234', problemId: '1234', label: 'problem 1234' },
    ],
  });
  const tier = (q: string, key: string) => {
    const hit = index.search({ q, limit: 50 }).find((h) => h.key === key);
    return hit ? Math.floor(hit.score / 10) * 10 : null;
  };

  it('ranks exact, prefix, word-start substring, substring, all words and typos in that order', () => {
    expect(tier('ketamine', 'concept:k')).toBe(TIER_SCORE.exact);
    expect(tier('ketamine', 'concept:ks')).toBe(TIER_SCORE.prefix);
    expect(tier('ketamine', 'concept:s')).toBe(TIER_SCORE.wordStart);
    expect(tier('ketamine', 'concept:e')).toBe(TIER_SCORE.substring);
    expect(tier('hours ketamine', 'claim:x#0')).toBe(TIER_SCORE.tokens);
    expect(tier('ketamnie', 'concept:k')).toBe(TIER_SCORE.fuzzy);
  });

  it('matches traditional input to simplified names, and finds sources by id', () => {
    expect(tier('抑鬱症', 'concept:d')).toBe(TIER_SCORE.exact);
    expect(index.search({ q: 'src:123', limit: 5, kinds: ['source'] }).map((h) => h.key)).toEqual([
      'src:123',
      'src:1234',
    ]);
  });

  it('breaks ties by kind then key, and honours kinds, categories and limit', () => {
    expect(index.search({ q: 'ketamine', limit: 1 })[0]!.key).toBe('concept:k');
    expect(index.search({ q: 'ketamine', limit: 50, kinds: ['claim'] }).every((h) => h.kind === 'claim')).toBe(true);
    expect(
      index.search({ q: 'ketamine', limit: 50, categories: ['Concept'], kinds: ['concept'] }).map((h) => h.key),
    ).toEqual(['concept:ks']);
    expect(index.search({ q: '   ', limit: 5 })).toEqual([]);
  });
});
