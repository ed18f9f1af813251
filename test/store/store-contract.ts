/**
 * The store contract suite, written once and run against every GraphStore (embedded, Neo4j): ingest,
 * re-ingest, replacement, removal and failure semantics, and every read, over a small fixture corpus
 * (test/fixtures/contract) whose expected answers are worked out from its text here, plus the sample
 * corpus, whose merged graph must equal the one model/merge.ts builds from the same fragments.
 *
 * The fixture is ingested with a fixture extractor (glossary links as concepts, categories from a table,
 * one relation per sentence with a cue word) so that the expectations do not move when the real
 * extraction rules are tuned; the sample corpus goes through the real extractor.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mergeFragments } from '../../server/build/merge-graph';
import { NotFoundError } from '../../server/errors';
import type { Extractor } from '../../server/extract/extraction';
import { createExtractor } from '../../server/extract/extractor';
import { glossaryConcepts } from '../../server/extract/glossary-concepts';
import { ingestInto } from '../../server/ingest/ingest-service';
import { prepare } from '../../server/ingest/prepare';
import type { Category, GraphExport, Predicate } from '../../server/model/types';
import type { GraphStore } from '../../server/store/graph-store';
import { conceptMetrics } from '../../server/store/queries/metrics';
import { corpusDir, repoRoot } from '../support/paths';

export interface StoreHandle {
  store: GraphStore;
  /** The same stored data through a new store object (a restarted process). */
  reopen(): Promise<GraphStore>;
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /**
   * For stores that can inject a fault: makes the next write fail after it has written part of its
   * work, before it commits. The suite then checks that the store is exactly as it was.
   */
  failNextWrite?: (store: GraphStore) => void;
}

export const FIXTURE_DIR = path.join(repoRoot, 'test/fixtures/contract');
export const FIXTURE_CORPUS = path.join(FIXTURE_DIR, 'corpus');

const CATEGORY: Record<string, Category> = {
  'concept:entry:1': 'Intervention',
  'concept:entry:2': 'Disorder',
  'concept:entry:3': 'Molecule',
  'concept:entry:4': 'Molecule',
  'concept:entry:5': 'Mechanism',
  'concept:entry:6': 'Circuit',
};
const CUES: [string, Predicate][] = [
  ['治疗', 'treats'],
  ['增加', 'increases'],
  ['导致', 'causes'],
  ['treats', 'treats'],
  ['causes', 'causes'],
];

/**
 * Glossary links as concepts (categories from the table above); a sentence linking two concepts with a
 * cue word between asserts cue(first, second), hedged (confidence 0.5) or not (0.9).
 */
export function contractExtractor(): Extractor {
  return (chapter) => {
    const { concepts, mentions } = glossaryConcepts(chapter);
    for (const [key, a] of concepts) a.category = CATEGORY[key] ?? 'Concept';
    const relations = [];
    for (const c of chapter.claims) {
      const linked = [...new Set(mentions.filter((m) => m.claim === c.key).map((m) => m.concept))];
      const cue = CUES.find(([w]) => c.attributes.text.includes(w));
      if (linked.length < 2 || !cue) continue;
      relations.push({
        subject: linked[0]!,
        object: linked[1]!,
        attributes: {
          kind: 'relation' as const,
          predicate: cue[1],
          evidence: [c.key],
          cues: [cue[0]],
          confidence: c.attributes.hedged ? 0.5 : 0.9,
          hedged: c.attributes.hedged,
          negated: false,
        },
      });
    }
    return { concepts, mentions, relations };
  };
}

/**
 * The fixture extractor, and class memberships named in passing: a sentence `[X] such as [A] and [B] …`
 * (or `[X]如[A]…`) makes each concept linked after the cue a member of the first one (`member_of` edges).
 */
export function membershipExtractor(): Extractor {
  const base = contractExtractor();
  return (chapter) => {
    const out = base(chapter);
    const { mentions } = out;
    for (const c of chapter.claims) {
      const cue = ['such as', '如'].find((w) => c.attributes.text.includes(w));
      const linked = [...new Set(mentions.filter((m) => m.claim === c.key).map((m) => m.concept))];
      if (!cue || linked.length < 2) continue;
      const [klass, ...members] = linked;
      for (const m of members) {
        out.relations.push({
          subject: m,
          object: klass!,
          member: true,
          attributes: {
            kind: 'relation' as const,
            predicate: 'part_of' as const,
            evidence: [c.key],
            cues: [cue],
            confidence: c.attributes.hedged ? 0.5 : 0.6,
            hedged: c.attributes.hedged,
            negated: false,
          },
        });
      }
    }
    return out;
  };
}

/** Nodes and edges by key, attributes with sorted keys: the same graph compares equal whatever the order. */
export function normalizeGraph(g: GraphExport): GraphExport {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sortKeys(x)]),
          )
        : v;
  const byKey = (a: { key?: string }, b: { key?: string }) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0);
  return sortKeys({
    attributes: g.attributes,
    options: g.options,
    nodes: [...g.nodes].sort(byKey),
    edges: [...g.edges].sort(byKey),
  }) as GraphExport;
}

/** The graph model/merge.ts builds from the fragments an ingest of `inputs` would apply, in order. */
export async function referenceGraph(inputs: string[], extractor: Extractor): Promise<GraphExport> {
  const batch = await prepare(inputs, { extractor });
  return mergeFragments(
    batch.fragments.map((f) => f.graph),
    batch.problems,
  ).export() as GraphExport;
}

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
const keys = (list: { key: string }[]) => list.map((x) => x.key);
const A = 'test/fixtures/contract/corpus';
const PROBLEMS_ORIGIN = `${A}/sources/problems.json`;

/**
 * The fixture's merged graph, worked out from its text: three chapters ingested in the order a, b, c.
 *   a.zh  6 claims (4 cited; #4 is supported only by the next sentence's marker), sections #0 (2) and #1 (4)
 *   b.en  4 claims (3 cited), sections #0 (3) and #1 (1)
 *   c.zh  1 claim (cited), section #0
 * Relations: 1 treats 2 (a#0, b#0), 1 increases 3 (a#2, hedged), 4 increases 3 (a#3), 4 causes 5 (b#1),
 * 5 causes 2 (b#3), 6 causes 2 (c#0).
 */
const FIXTURE_STATS = {
  nodes: { document: 3, section: 5, claim: 11, source: 4, concept: 6 },
  edges: { cites: 10, mentions: 15, relation: 6, in_section: 11, section_of: 5, co_mention: 6, member_of: 0 },
  conceptsByCategory: { Intervention: 1, Disorder: 1, Molecule: 2, Mechanism: 1, Circuit: 1 },
  relationsByPredicate: { treats: 1, increases: 2, causes: 3 },
  documents: [
    { id: 'doc:a.zh', title: '氯胺酮与抑郁症', claims: 6, cited: 4 },
    { id: 'doc:b.en', title: 'Ketamine and depression', claims: 4, cited: 3 },
    { id: 'doc:c.zh', title: '回路', claims: 1, cited: 1 },
  ],
};

const CLAIMS_IN_ORDER = [
  'claim:a.zh#0',
  'claim:a.zh#1',
  'claim:a.zh#2',
  'claim:a.zh#3',
  'claim:a.zh#4',
  'claim:a.zh#5',
  'claim:b.en#0',
  'claim:b.en#1',
  'claim:b.en#2',
  'claim:b.en#3',
  'claim:c.zh#0',
];

export function storeContract(
  name: string,
  makeStore: () => Promise<StoreHandle>,
  options: ContractOptions = {},
): void {
  describe(`store contract: ${name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });

    async function open(): Promise<StoreHandle> {
      const h = await makeStore();
      cleanups.push(h.cleanup);
      return h;
    }

    /** A copy of the fixture corpus that a test may change. */
    function corpusCopy(): string {
      const dir = tmp('contract-corpus-');
      cpSync(FIXTURE_CORPUS, dir, { recursive: true });
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      return dir;
    }

    const ingest = (store: GraphStore, dir = FIXTURE_CORPUS, force = false) =>
      ingestInto(store, [dir], { extractor: contractExtractor(), force });

    /** The reference graph of a corpus folder, its chapters merged in the given order (default: as found). */
    async function reference(dir: string, order?: string[]): Promise<GraphExport> {
      const batch = await prepare([dir], { extractor: contractExtractor() });
      const fragments = order ? order.map((id) => batch.fragments.find((f) => f.documentId === id)!) : batch.fragments;
      return normalizeGraph(
        mergeFragments(
          fragments.map((f) => f.graph),
          batch.problems,
        ).export() as GraphExport,
      );
    }

    const exported = async (store: GraphStore) => normalizeGraph(await store.exportGraph());

    /** A fresh store with the fixture ingested. */
    async function fixtureStore(): Promise<GraphStore> {
      const { store } = await open();
      const s = await ingest(store);
      expect(s.errors).toEqual([]);
      expect(s.chapters).toMatchObject({ found: 3, ingested: 3 });
      return store;
    }

    // ---- class memberships named in passing (member_of edges) ----

    describe('class memberships (member_of)', () => {
      // m1: 12 and 15 are members of 11 (12 twice, once hedged), and 11 treats 2. m2: 12 is a member of 11 again.
      const M1 =
        '## Classes\n\n[SSRIs](@entry_id:11) such as [fluoxetine](@entry_id:12) and [sertraline](@entry_id:15) are common. ' +
        '[SSRIs](@entry_id:11) such as [fluoxetine](@entry_id:12) may be used. [SSRIs](@entry_id:11) treats [depression](@entry_id:2).\n';
      const M2 = '## 类别\n\n[选择性5-羟色胺再摄取抑制剂](@entry_id:11)如[氟西汀](@entry_id:12)很常用。\n';
      const FLUOXETINE = 'member:concept:entry:12->concept:entry:11';
      const SERTRALINE = 'member:concept:entry:15->concept:entry:11';

      function membershipCorpus(): string {
        const dir = tmp('contract-members-');
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
        writeFileSync(path.join(dir, 'm1.en.md'), M1);
        writeFileSync(path.join(dir, 'm2.zh.md'), M2);
        return dir;
      }
      const ingestMembers = (store: GraphStore, dir: string) =>
        ingestInto(store, [dir], { extractor: membershipExtractor() });
      async function referenceMembers(dir: string, order?: string[]): Promise<GraphExport> {
        const batch = await prepare([dir], { extractor: membershipExtractor() });
        const fragments = order
          ? order.map((id) => batch.fragments.find((f) => f.documentId === id)!)
          : batch.fragments;
        return normalizeGraph(
          mergeFragments(
            fragments.map((f) => f.graph),
            batch.problems,
          ).export() as GraphExport,
        );
      }
      async function membersStore(): Promise<{ store: GraphStore; dir: string }> {
        const dir = membershipCorpus();
        const { store } = await open();
        const s = await ingestMembers(store, dir);
        expect(s.errors).toEqual([]);
        expect(s.memberships).toBe(3);
        return { store, dir };
      }

      it('stores them as member_of edges, one per member and class with all its evidence, not as relations', async () => {
        const { store, dir } = await membersStore();
        const g = await exported(store);
        expect(g).toEqual(await referenceMembers(dir));
        expect(g.edges.find((e) => e.key === FLUOXETINE)).toEqual({
          key: FLUOXETINE,
          source: 'concept:entry:12',
          target: 'concept:entry:11',
          attributes: {
            kind: 'member_of',
            evidence: ['claim:m1.en#0', 'claim:m1.en#1', 'claim:m2.zh#0'],
            cues: ['such as', 'such as', '如'],
            confidence: 0.6,
            hedged: false,
            negated: false,
          },
        });
        expect(g.edges.filter((e) => e.attributes!.kind === 'relation').map((e) => e.key)).toEqual([
          'rel:concept:entry:11-treats->concept:entry:2',
        ]);
        const stats = await store.stats();
        expect(stats.edges).toMatchObject({ relation: 1, member_of: 2 });
        expect(stats.relationsByPredicate).toEqual({ treats: 1 });
      });

      it('replaces and removes them with their chapters, evidence by evidence', async () => {
        const { store, dir } = await membersStore();
        writeFileSync(
          path.join(dir, 'm1.en.md'),
          '## Classes\n\n[SSRIs](@entry_id:11) such as [fluoxetine](@entry_id:12) may be used.\n',
        );
        expect((await ingestMembers(store, dir)).chapters).toMatchObject({ ingested: 1, unchanged: 1 });
        let g = await exported(store);
        expect(g).toEqual(await referenceMembers(dir));
        expect(g.edges.find((e) => e.key === SERTRALINE)).toBeUndefined();
        expect(g.edges.find((e) => e.key === FLUOXETINE)?.attributes).toEqual({
          kind: 'member_of',
          evidence: ['claim:m1.en#0', 'claim:m2.zh#0'],
          cues: ['such as', '如'],
          confidence: 0.6,
          hedged: false,
          negated: false,
        });
        await store.apply({ upsert: [], remove: ['m2.zh'], problems: [] });
        g = await exported(store);
        expect(g).toEqual(await referenceMembers(dir, ['m1.en']));
        expect(g.edges.find((e) => e.key === FLUOXETINE)?.attributes).toMatchObject({
          evidence: ['claim:m1.en#0'],
          confidence: 0.5,
          hedged: true,
        });
        expect((await store.stats()).edges.member_of).toBe(1);
      });

      it("lists a concept's classes and examples apart from its relations", async () => {
        const { store } = await membersStore();
        const fluoxetine = await store.concept('concept:entry:12', { offset: 0, limit: 5 });
        expect(fluoxetine.relations).toEqual([]);
        expect(fluoxetine.degree).toBe(0);
        expect(fluoxetine.memberships).toEqual([
          {
            key: FLUOXETINE,
            direction: 'out',
            other: { key: 'concept:entry:11', label: 'SSRIs', category: 'Concept' },
            evidence: ['claim:m1.en#0', 'claim:m1.en#1', 'claim:m2.zh#0'],
            cues: ['such as', 'such as', '如'],
            evidenceCount: 3,
            hedged: false,
            negated: false,
            confidence: 0.6,
          },
        ]);
        const ssri = await store.concept('concept:entry:11', { offset: 0, limit: 5 });
        expect(ssri.relations.map((r) => r.key)).toEqual(['rel:concept:entry:11-treats->concept:entry:2']);
        expect(ssri.degree).toBe(1);
        // Examples: more evidence first.
        expect(ssri.memberships.map((m) => [m.key, m.direction, m.evidenceCount])).toEqual([
          [FLUOXETINE, 'in', 3],
          [SERTRALINE, 'in', 1],
        ]);
      });

      it('exports them with filters on evidence and hedging, whatever the predicates asked for', async () => {
        const { store } = await membersStore();
        const members = (g: GraphExport) =>
          g.edges
            .filter((e) => e.attributes!.kind === 'member_of')
            .map((e) => e.key)
            .sort();
        expect(members(await store.exportGraph({ minEvidence: 2 }))).toEqual([FLUOXETINE]);
        expect(members(await store.exportGraph({ predicates: ['causes'] }))).toEqual([FLUOXETINE, SERTRALINE]);
        expect(members(await store.exportGraph({ hedged: true }))).toEqual([]);
      });

      it('neither walks nor steps along them: neighbourhoods and paths are made of relations', async () => {
        const { store } = await membersStore();
        const nb = await store.neighborhood('concept:entry:12', 2, {});
        expect(nb.nodes.map((n) => n.key)).toEqual(['concept:entry:12']);
        expect(nb.edges).toEqual([]);
        const around = await store.neighborhood('concept:entry:11', 1, {});
        expect(around.nodes.map((n) => n.key).sort()).toEqual(['concept:entry:11', 'concept:entry:2']);
        expect(around.edges.every((e) => e.attributes!.kind === 'relation')).toBe(true);
        expect(await store.paths({ from: 'concept:entry:12', to: 'concept:entry:15', k: 3, maxLength: 4 })).toEqual([]);
        expect(await store.paths({ from: 'concept:entry:12', to: 'concept:entry:2', k: 3, maxLength: 4 })).toEqual([]);
      });
    });

    // ---- writing ----

    describe('ingest', () => {
      it('starts empty', async () => {
        const { store } = await open();
        expect(await store.documentHashes()).toEqual(new Map());
        const g = await store.exportGraph();
        expect(g.nodes).toEqual([]);
        expect(g.edges).toEqual([]);
        expect((await store.stats()).nodes).toEqual({ document: 0, section: 0, claim: 0, source: 0, concept: 0 });
        expect(await store.ping()).toBe(true);
      });

      it('stores the fixture: counts, merged concepts and sources', async () => {
        const store = await fixtureStore();
        expect(await store.stats()).toEqual(FIXTURE_STATS);
        const g = await exported(store);
        const node = (k: string) => g.nodes.find((n) => n.key === k)?.attributes;
        expect(node('concept:entry:1')).toEqual({
          kind: 'concept',
          category: 'Intervention',
          label: '氯胺酮',
          labels: { zh: '氯胺酮', en: 'Ketamine' },
          aliases: ['氯胺酮', 'Ketamine'],
          entryIds: ['1'],
          xrefs: [],
          origin: 'glossary',
          documents: ['doc:a.zh', 'doc:b.en'],
          mentionCount: 3,
        });
        expect(node('concept:entry:2')).toMatchObject({
          label: '抑郁症',
          labels: { zh: '抑郁症', en: 'depression' },
          documents: ['doc:a.zh', 'doc:b.en', 'doc:c.zh'],
          mentionCount: 5,
        });
        expect(node('concept:entry:6')).toMatchObject({ label: '神经回路', aliases: ['神經迴路', '神经回路'] });
        expect(node('src:101')).toEqual({
          kind: 'source',
          problemId: '101',
          label: 'problem 101',
          problem: { problem: '氯胺酮的起效时间是多少？', answer: '数小时' },
          origin: PROBLEMS_ORIGIN,
        });
        expect(node('src:102')).toEqual({ kind: 'source', problemId: '102', label: 'problem 102' });
        const edge = (k: string) => g.edges.find((e) => e.key === k);
        expect(edge('rel:concept:entry:1-treats->concept:entry:2')).toEqual({
          key: 'rel:concept:entry:1-treats->concept:entry:2',
          source: 'concept:entry:1',
          target: 'concept:entry:2',
          attributes: {
            kind: 'relation',
            predicate: 'treats',
            evidence: ['claim:a.zh#0', 'claim:b.en#0'],
            cues: ['治疗', 'treats'],
            confidence: 0.9,
            hedged: false,
            negated: false,
          },
        });
        expect(edge('co:concept:entry:1~concept:entry:2')?.attributes).toEqual({
          kind: 'co_mention',
          weight: 2,
          evidence: ['claim:a.zh#0', 'claim:b.en#0'],
        });
        expect(edge('in:claim:a.zh#0')?.attributes).toEqual({ kind: 'in_section' });
      });

      it('exports exactly the graph model/merge.ts builds from the same fragments', async () => {
        const store = await fixtureStore();
        expect(await exported(store)).toEqual(await reference(FIXTURE_CORPUS));
        const h = await store.documentHashes();
        expect([...h.keys()].sort()).toEqual(['a.zh', 'b.en', 'c.zh']);
        expect([...h.values()].every((x) => /^[0-9a-f]{64}$/.test(x))).toBe(true);
      });

      it('is idempotent: unchanged chapters are skipped, a forced re-ingest changes nothing', async () => {
        const h = await open();
        await ingest(h.store);
        const before = await exported(h.store);
        const again = await ingest(h.store);
        expect(again.chapters).toMatchObject({ ingested: 0, unchanged: 3 });
        const forced = await ingest(h.store, FIXTURE_CORPUS, true);
        expect(forced.chapters).toMatchObject({ ingested: 3, unchanged: 0 });
        expect(await exported(h.store)).toEqual(before);
        expect(await h.store.stats()).toEqual(FIXTURE_STATS);
        // A new store object over the same data (a restarted process) sees the same graph.
        const reopened = await h.reopen();
        cleanups.push(() => reopened.close());
        expect(await exported(reopened)).toEqual(before);
        expect(await reopened.documentHashes()).toEqual(await h.store.documentHashes());
      });

      it('replaces a changed chapter: its old claims and edges go, shared nodes are merged again in place', async () => {
        const dir = corpusCopy();
        const { store } = await open();
        await ingest(store, dir);
        const before = await exported(store);
        cpSync(path.join(FIXTURE_DIR, 'changed/a.zh.md'), path.join(dir, 'a.zh.md'));
        const s = await ingest(store, dir);
        expect(s.chapters).toMatchObject({ ingested: 1, unchanged: 2 });
        const g = await exported(store);
        const node = (k: string) => g.nodes.find((n) => n.key === k)?.attributes;
        // The changed chapter keeps its place in ingest order (first): it still names concept 2 first.
        expect(g).toEqual(await reference(dir));
        expect(g.nodes.filter((n) => n.key.startsWith('claim:a.zh')).map((n) => n.key)).toEqual(['claim:a.zh#0']);
        expect(node('claim:a.zh#0')).toMatchObject({ text: '谷氨酸增加脑源性神经营养因子。', citations: ['105'] });
        // Concept 1 is now only in b: its Chinese name and a's mentions go with a's old version.
        expect(node('concept:entry:1')).toMatchObject({
          label: 'Ketamine',
          labels: { en: 'Ketamine' },
          aliases: ['Ketamine'],
          documents: ['doc:b.en'],
          mentionCount: 1,
        });
        expect(node('concept:entry:2')).toMatchObject({
          label: '抑郁症',
          documents: ['doc:a.zh', 'doc:b.en', 'doc:c.zh'],
          mentionCount: 4,
        });
        const edge = (k: string) => g.edges.find((e) => e.key === k)?.attributes;
        expect(edge('rel:concept:entry:1-treats->concept:entry:2')).toMatchObject({
          evidence: ['claim:b.en#0'],
          cues: ['treats'],
        });
        expect(edge('rel:concept:entry:1-increases->concept:entry:3')).toBeUndefined();
        expect(edge('rel:concept:entry:4-increases->concept:entry:3')).toMatchObject({ evidence: ['claim:a.zh#0'] });
        // Sources only the old version cited are gone; the new one is there.
        expect(node('src:102')).toBeUndefined();
        expect(node('src:105')).toEqual({ kind: 'source', problemId: '105', label: 'problem 105' });
        // Nothing of b or c changed.
        const others = (x: GraphExport) => x.nodes.filter((n) => /:(b\.en|c\.zh)/.test(n.key));
        expect(others(g)).toEqual(others(before));
        expect((await store.documents()).map((d) => [d.document.key, d.claims, d.cited])).toEqual([
          ['doc:a.zh', 1, 1],
          ['doc:b.en', 4, 3],
          ['doc:c.zh', 1, 1],
        ]);
      });

      it('removes documents, and a document added again goes last in ingest order', async () => {
        const dir = corpusCopy();
        const { store } = await open();
        await ingest(store, dir);
        await store.apply({ upsert: [], remove: ['a.zh'], problems: [] });
        expect(await exported(store)).toEqual(await reference(dir, ['b.en', 'c.zh']));
        expect([...(await store.documentHashes()).keys()].sort()).toEqual(['b.en', 'c.zh']);
        const g = await exported(store);
        expect(g.nodes.some((n) => n.key === 'concept:entry:3')).toBe(false);
        expect(g.nodes.some((n) => n.key === 'src:102')).toBe(false);
        // Ingesting a again puts it after b and c: b now names concepts 1 and 2 first.
        const s = await ingest(store, dir);
        expect(s.chapters).toMatchObject({ ingested: 1, unchanged: 2 });
        const again = await exported(store);
        expect(again).toEqual(await reference(dir, ['b.en', 'c.zh', 'a.zh']));
        expect(again.nodes.find((n) => n.key === 'concept:entry:1')?.attributes).toMatchObject({
          label: 'Ketamine',
          labels: { en: 'Ketamine', zh: '氯胺酮' },
          aliases: ['Ketamine', '氯胺酮'],
          documents: ['doc:b.en', 'doc:a.zh'],
        });
      });

      it('leaves the store exactly as it was when a batch is refused', async () => {
        const dir = corpusCopy();
        const h = await open();
        await ingest(h.store, dir);
        const before = await exported(h.store);
        const hashes = await h.store.documentHashes();
        cpSync(path.join(FIXTURE_DIR, 'changed/a.zh.md'), path.join(dir, 'a.zh.md'));
        writeFileSync(path.join(dir, 'broken.md'), '## X\n\n坏的 [@problem_id:x]。\n');
        const s = await ingest(h.store, dir);
        expect(s.applied).toBe(false);
        expect(s.errors).toHaveLength(1);
        expect(await exported(h.store)).toEqual(before);
        expect(await h.store.documentHashes()).toEqual(hashes);
      });

      it.runIf(options.failNextWrite)('leaves the store exactly as it was when a write fails', async () => {
        const dir = corpusCopy();
        const h = await open();
        await ingest(h.store, dir);
        const before = await exported(h.store);
        const hashes = await h.store.documentHashes();
        cpSync(path.join(FIXTURE_DIR, 'changed/a.zh.md'), path.join(dir, 'a.zh.md'));
        writeFileSync(
          path.join(dir, 'd.zh.md'),
          '## 新\n\n[氯胺酮](@entry_id:1)导致[神经回路](@entry_id:6)变化 [@problem_id:106]。\n',
        );
        options.failNextWrite!(h.store);
        await expect(ingest(h.store, dir)).rejects.toThrow();
        expect(await exported(h.store)).toEqual(before);
        expect(await h.store.documentHashes()).toEqual(hashes);
        // The next ingest completes.
        const s = await ingest(h.store, dir);
        expect(s.chapters).toMatchObject({ ingested: 2, unchanged: 2 });
        expect(await exported(h.store)).toEqual(await reference(dir, ['a.zh', 'b.en', 'c.zh', 'd.zh']));
      });

      it('stores the sample corpus through the real extractor as model/merge.ts merges it', async () => {
        const { store } = await open();
        const s = await ingestInto(store, [corpusDir], { extractor: createExtractor() });
        expect(s.errors).toEqual([]);
        const batch = await prepare([corpusDir], { extractor: createExtractor() });
        const expected = normalizeGraph(
          mergeFragments(
            batch.fragments.map((f) => f.graph),
            batch.problems,
          ).export() as GraphExport,
        );
        expect(await exported(store)).toEqual(expected);
        const stats = await store.stats();
        const count = (kind: string) => expected.nodes.filter((n) => n.attributes!.kind === kind).length;
        expect(stats.nodes).toEqual({
          document: count('document'),
          section: count('section'),
          claim: count('claim'),
          source: count('source'),
          concept: count('concept'),
        });
        expect(Object.values(stats.edges).reduce((a, b) => a + b, 0)).toBe(expected.edges.length);
      }, 120_000);
    });

    // ---- reading ----

    describe('reads', () => {
      // One store with the fixture for all the read tests (they do not change it), made when they start:
      // stores may share a database, which the tests above reset.
      let shared: StoreHandle | null = null;
      beforeAll(async () => {
        shared = await makeStore();
        const s = await ingest(shared.store);
        expect(s.errors).toEqual([]);
      });
      afterAll(async () => {
        await shared?.cleanup();
      });
      const fixture = async () => shared!.store;

      it('search: concepts by name in either language or script, claims by text, sources by id', async () => {
        const store = await fixture();
        const zh = await store.search({ q: '氯胺酮', limit: 10 });
        expect(keys(zh)).toEqual(['concept:entry:1', 'claim:a.zh#0', 'claim:a.zh#2']);
        // Exact name (100) + full coverage (5) + popularity log10(1 + 3 mentions).
        expect(zh[0]).toEqual({
          key: 'concept:entry:1',
          kind: 'concept',
          label: '氯胺酮',
          detail: 'Intervention',
          score: 105.602,
        });
        expect(zh[1]).toEqual({
          key: 'claim:a.zh#0',
          kind: 'claim',
          label: '氯胺酮治疗抑郁症。',
          detail: 'doc:a.zh',
          score: 81.667,
        });
        expect(keys(await store.search({ q: 'KETAMINE', limit: 10 }))).toEqual(['concept:entry:1', 'claim:b.en#0']);
        // Traditional input finds the simplified name and the sentence written in traditional characters.
        const trad = await store.search({ q: '神經迴路', limit: 10 });
        expect(trad.map((h) => [h.key, h.score])).toEqual([
          ['concept:entry:6', 105.301],
          ['claim:c.zh#0', 82],
        ]);
        // One typo in a 7-letter word is forgiven.
        expect(keys(await store.search({ q: 'ketamne', limit: 10 }))).toEqual(['concept:entry:1', 'claim:b.en#0']);
        // A substring inside a name, and words in any order.
        expect(keys(await store.search({ q: 'toxic', limit: 10, kinds: ['concept'] }))).toEqual(['concept:entry:5']);
        expect(keys(await store.search({ q: 'hours ketamine', limit: 10, kinds: ['claim'] }))).toEqual([
          'claim:b.en#0',
        ]);
        expect(keys(await store.search({ q: '10', limit: 10 }))).toEqual(['src:101', 'src:102', 'src:103', 'src:104']);
        expect(keys(await store.search({ q: 'problem 103', limit: 10 }))).toEqual(['src:103']);
        expect(
          keys(
            await store.search({ q: 'depression', limit: 10, kinds: ['concept', 'claim'], categories: ['Disorder'] }),
          ),
        ).toEqual(['concept:entry:2', 'claim:b.en#0', 'claim:b.en#3']);
        expect(keys(await store.search({ q: '抑郁', limit: 2 }))).toEqual(['concept:entry:2', 'claim:a.zh#0']);
        expect(await store.search({ q: '   ', limit: 10 })).toEqual([]);
        expect(await store.search({ q: 'zebrafish', limit: 10 })).toEqual([]);
        // A query without letters has no word to look up: every text is checked.
        expect(keys(await store.search({ q: '。', limit: 20, kinds: ['claim'] }))).toHaveLength(7);
      });

      it('concept: relations in contract order, centrality, mentioning claims in reading order', async () => {
        const store = await fixture();
        const d = await store.concept('concept:entry:2', { offset: 0, limit: 10 });
        expect(d.concept).toMatchObject({ key: 'concept:entry:2', label: '抑郁症', mentionCount: 5 });
        expect(d.relations).toEqual([
          {
            key: 'rel:concept:entry:1-treats->concept:entry:2',
            predicate: 'treats',
            direction: 'in',
            other: { key: 'concept:entry:1', label: '氯胺酮', category: 'Intervention' },
            evidenceCount: 2,
            hedged: false,
            negated: false,
            confidence: 0.9,
          },
          expect.objectContaining({ key: 'rel:concept:entry:5-causes->concept:entry:2', direction: 'in' }),
          expect.objectContaining({ key: 'rel:concept:entry:6-causes->concept:entry:2', direction: 'in' }),
        ]);
        expect(d.degree).toBe(3);
        expect(d.mentions.total).toBe(4);
        expect(keys(d.mentions.claims)).toEqual(['claim:a.zh#0', 'claim:b.en#0', 'claim:b.en#3', 'claim:c.zh#0']);
        const paged = await store.concept('concept:entry:2', { offset: 1, limit: 2 });
        expect(keys(paged.mentions.claims)).toEqual(['claim:b.en#0', 'claim:b.en#3']);
        // Predicates in PREDICATES order (causes before increases), outgoing before incoming within one.
        const four = await store.concept('concept:entry:4', { offset: 0, limit: 0 });
        expect(four.relations.map((r) => [r.key, r.direction])).toEqual([
          ['rel:concept:entry:4-causes->concept:entry:5', 'out'],
          ['rel:concept:entry:4-increases->concept:entry:3', 'out'],
        ]);
        expect(four.mentions).toEqual({ total: 2, claims: [] });
        // PageRank of the fixture's relation graph (the shared algorithm, on relations worked out above).
        const expected = conceptMetrics(
          [1, 2, 3, 4, 5, 6].map((i) => `concept:entry:${i}`),
          [
            [1, 'treats', 2, 2],
            [1, 'increases', 3, 1],
            [4, 'increases', 3, 1],
            [4, 'causes', 5, 1],
            [5, 'causes', 2, 1],
            [6, 'causes', 2, 1],
          ].map(([s, p, t, n]) => ({
            source: `concept:entry:${s}`,
            target: `concept:entry:${t}`,
            predicate: p as Predicate,
            evidenceCount: n as number,
          })),
        );
        expect(d.pagerank).toBeCloseTo(expected.pagerank.get('concept:entry:2')!, 9);
        expect(four.pagerank).toBeCloseTo(expected.pagerank.get('concept:entry:4')!, 9);
        await expect(store.concept('claim:a.zh#0', { offset: 0, limit: 1 })).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.concept('concept:nope', { offset: 0, limit: 1 })).rejects.toBeInstanceOf(NotFoundError);
      });

      it('neighborhood: nearest first, then most mentioned, then by key; filters on concepts and relations', async () => {
        const store = await fixture();
        const one = await store.neighborhood('concept:entry:2', 1, {});
        expect(keys(one.nodes)).toEqual(['concept:entry:2', 'concept:entry:1', 'concept:entry:5', 'concept:entry:6']);
        // Nodes come in the contract's order; edges are a set.
        const edgeKeys = (g: GraphExport) => g.edges.map((e) => e.key!).sort();
        expect(edgeKeys(one)).toEqual([
          'rel:concept:entry:1-treats->concept:entry:2',
          'rel:concept:entry:5-causes->concept:entry:2',
          'rel:concept:entry:6-causes->concept:entry:2',
        ]);
        expect(one.attributes).toEqual({ name: 'neighborhood of concept:entry:2' });
        expect(one.nodes[1]!.attributes).toMatchObject({ kind: 'concept', label: '氯胺酮' });
        const two = await store.neighborhood('concept:entry:2', 2, {});
        expect(keys(two.nodes)).toEqual([2, 1, 5, 6, 3, 4].map((i) => `concept:entry:${i}`));
        expect(edgeKeys(two)).toEqual([
          'rel:concept:entry:1-increases->concept:entry:3',
          'rel:concept:entry:1-treats->concept:entry:2',
          'rel:concept:entry:4-causes->concept:entry:5',
          'rel:concept:entry:4-increases->concept:entry:3',
          'rel:concept:entry:5-causes->concept:entry:2',
          'rel:concept:entry:6-causes->concept:entry:2',
        ]);
        expect(two.edges.find((e) => e.key === 'rel:concept:entry:4-causes->concept:entry:5')).toEqual({
          key: 'rel:concept:entry:4-causes->concept:entry:5',
          source: 'concept:entry:4',
          target: 'concept:entry:5',
          attributes: {
            kind: 'relation',
            predicate: 'causes',
            evidence: ['claim:b.en#1'],
            cues: ['causes'],
            confidence: 0.9,
            hedged: false,
            negated: false,
          },
        });
        const causes = await store.neighborhood('concept:entry:2', 2, { predicates: ['causes'] });
        expect(keys(causes.nodes)).toEqual([2, 5, 6, 4].map((i) => `concept:entry:${i}`));
        expect(causes.edges).toHaveLength(3);
        expect(keys((await store.neighborhood('concept:entry:2', 1, { categories: ['Circuit'] })).nodes)).toEqual([
          'concept:entry:2',
          'concept:entry:6',
        ]);
        expect(keys((await store.neighborhood('concept:entry:2', 3, { limit: 2 })).nodes)).toEqual([
          'concept:entry:2',
          'concept:entry:1',
        ]);
        const strong = await store.neighborhood('concept:entry:2', 2, { minEvidence: 2 });
        expect(keys(strong.nodes)).toEqual(['concept:entry:2', 'concept:entry:1']);
        expect(keys((await store.neighborhood('concept:entry:3', 1, { documents: ['b.en'] })).nodes)).toEqual([
          'concept:entry:3',
          'concept:entry:1',
          'concept:entry:4',
        ]);
        expect(keys((await store.neighborhood('concept:entry:1', 1, { hedged: true })).nodes)).toEqual([
          'concept:entry:1',
          'concept:entry:3',
        ]);
        // Excluded (rejected) relations are neither walked nor returned: 1 reaches 2 only through `treats`.
        const treats = 'rel:concept:entry:1-treats->concept:entry:2';
        const without = await store.neighborhood('concept:entry:1', 2, { excludeRelations: [treats] });
        expect(keys(without.nodes)).toEqual([1, 3, 4].map((i) => `concept:entry:${i}`));
        expect(edgeKeys(without)).toEqual([
          'rel:concept:entry:1-increases->concept:entry:3',
          'rel:concept:entry:4-increases->concept:entry:3',
        ]);
        expect(keys((await store.neighborhood('concept:entry:1', 2, {})).nodes)).toContain('concept:entry:2');
        expect(keys((await store.neighborhood('concept:entry:5', 0, {})).nodes)).toEqual(['concept:entry:5']);
        await expect(store.neighborhood('concept:nope', 1, {})).rejects.toBeInstanceOf(NotFoundError);
      });

      it('paths: k shortest over relations either way, each hop with its evidence and their sources', async () => {
        const store = await fixture();
        const paths = await store.paths({ from: 'concept:entry:1', to: 'concept:entry:5', k: 3, maxLength: 3 });
        expect(paths.map((p) => keys(p.nodes))).toEqual([
          ['concept:entry:1', 'concept:entry:2', 'concept:entry:5'],
          ['concept:entry:1', 'concept:entry:3', 'concept:entry:4', 'concept:entry:5'],
        ]);
        const [first] = paths;
        expect(first!.hops.map((h) => [h.relation, h.from, h.to, h.predicate])).toEqual([
          ['rel:concept:entry:1-treats->concept:entry:2', 'concept:entry:1', 'concept:entry:2', 'treats'],
          ['rel:concept:entry:5-causes->concept:entry:2', 'concept:entry:5', 'concept:entry:2', 'causes'],
        ]);
        expect(first!.hops[0]!.evidence.map((e) => [e.claim.key, e.sources])).toEqual([
          ['claim:a.zh#0', ['101']],
          ['claim:b.en#0', ['101']],
        ]);
        expect(first!.hops[0]!.evidence[0]!.claim).toMatchObject({ kind: 'claim', text: '氯胺酮治疗抑郁症。' });
        expect(paths[1]!.hops[0]!.evidence.map((e) => [e.claim.key, e.sources])).toEqual([['claim:a.zh#2', []]]);
        expect(
          (
            await store.paths({
              from: 'concept:entry:6',
              to: 'concept:entry:4',
              k: 5,
              maxLength: 4,
              predicates: ['causes'],
            })
          ).map((p) => keys(p.nodes)),
        ).toEqual([['concept:entry:6', 'concept:entry:2', 'concept:entry:5', 'concept:entry:4']]);
        expect(await store.paths({ from: 'concept:entry:1', to: 'concept:entry:5', k: 3, maxLength: 2 })).toHaveLength(
          1,
        );
        expect(await store.paths({ from: 'concept:entry:1', to: 'concept:entry:1', k: 3, maxLength: 3 })).toEqual([]);
        await expect(
          store.paths({ from: 'concept:entry:1', to: 'concept:nope', k: 1, maxLength: 3 }),
        ).rejects.toBeInstanceOf(NotFoundError);
      });

      it('claims: reading order, filters and paging', async () => {
        const store = await fixture();
        const all = await store.claims({ offset: 0, limit: 100 });
        expect(all.total).toBe(11);
        expect(keys(all.items)).toEqual(CLAIMS_IN_ORDER);
        expect(all.items[4]).toMatchObject({ key: 'claim:a.zh#4', citations: [], contextCitations: ['103'] });
        const cited = await store.claims({ cited: true, offset: 2, limit: 3 });
        expect(cited).toMatchObject({ total: 8, offset: 2, limit: 3 });
        expect(keys(cited.items)).toEqual(['claim:a.zh#3', 'claim:a.zh#5', 'claim:b.en#0']);
        // Not cited: a claim with no marker at all, and one only the next sentence's marker supports.
        expect(keys((await store.claims({ document: 'a.zh', cited: false, offset: 0, limit: 10 })).items)).toEqual([
          'claim:a.zh#2',
          'claim:a.zh#4',
        ]);
        expect(keys((await store.claims({ document: 'doc:c.zh', offset: 0, limit: 10 })).items)).toEqual([
          'claim:c.zh#0',
        ]);
        expect(keys((await store.claims({ section: 'sec:b.en#0', hedged: true, offset: 0, limit: 10 })).items)).toEqual(
          ['claim:b.en#2'],
        );
        expect(keys((await store.claims({ concept: 'concept:entry:3', offset: 0, limit: 10 })).items)).toEqual([
          'claim:a.zh#2',
          'claim:a.zh#3',
        ]);
        expect(await store.claims({ concept: 'concept:entry:3', hedged: false, offset: 0, limit: 0 })).toEqual({
          total: 1,
          offset: 0,
          limit: 0,
          items: [],
        });
        await expect(store.claims({ document: 'nope', offset: 0, limit: 1 })).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.claims({ section: 'sec:nope', offset: 0, limit: 1 })).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.claims({ concept: 'concept:nope', offset: 0, limit: 1 })).rejects.toBeInstanceOf(
          NotFoundError,
        );
      });

      it('claim: its document, section, sources, concepts and the relations it asserts', async () => {
        const store = await fixture();
        const c = await store.claim('claim:a.zh#3');
        expect(c.claim).toMatchObject({
          key: 'claim:a.zh#3',
          text: '谷氨酸增加脑源性神经营养因子。',
          citations: ['101', '103'],
        });
        expect(c.document).toMatchObject({ key: 'doc:a.zh', title: '氯胺酮与抑郁症', claimCount: 6 });
        expect(c.section).toMatchObject({
          key: 'sec:a.zh#1',
          title: '机制',
          level: 3,
          path: ['氯胺酮与抑郁症', '机制'],
        });
        expect(c.sources.map((s) => [s.key, s.problemId, s.problem?.problem ?? null])).toEqual([
          ['src:101', '101', '氯胺酮的起效时间是多少？'],
          ['src:103', '103', 'Which receptor mediates it?'],
        ]);
        expect(keys(c.concepts)).toEqual(['concept:entry:3', 'concept:entry:4']);
        expect(c.relations).toEqual([
          {
            key: 'rel:concept:entry:4-increases->concept:entry:3',
            kind: 'relation',
            predicate: 'increases',
            evidence: ['claim:a.zh#3'],
            cues: ['增加'],
            confidence: 0.9,
            hedged: false,
            negated: false,
            source: 'concept:entry:4',
            target: 'concept:entry:3',
          },
        ]);
        expect(keys((await store.claim('claim:b.en#0')).relations)).toEqual([
          'rel:concept:entry:1-treats->concept:entry:2',
        ]);
        const bare = await store.claim('claim:a.zh#4');
        expect(keys(bare.sources)).toEqual(['src:103']);
        expect(bare.concepts).toEqual([]);
        expect(bare.relations).toEqual([]);
        await expect(store.claim('claim:nope')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.claim('concept:entry:1')).rejects.toBeInstanceOf(NotFoundError);
      });

      it('source: the claims citing it in reading order and the problems cited with it', async () => {
        const store = await fixture();
        const s = await store.source('103');
        expect(s.source).toEqual({
          key: 'src:103',
          kind: 'source',
          problemId: '103',
          label: 'problem 103',
          problem: { introduction: 'Excitotoxicity.', problem: 'Which receptor mediates it?' },
          origin: PROBLEMS_ORIGIN,
        });
        expect(keys(s.claims)).toEqual([
          'claim:a.zh#3',
          'claim:a.zh#4',
          'claim:a.zh#5',
          'claim:b.en#1',
          'claim:b.en#3',
        ]);
        expect(s.coCited).toEqual([{ problemId: '101', count: 1 }]);
        const s101 = await store.source('101');
        expect(keys(s101.claims)).toEqual(['claim:a.zh#0', 'claim:a.zh#3', 'claim:b.en#0']);
        expect(s101.coCited).toEqual([{ problemId: '103', count: 1 }]);
        expect((await store.source('104')).coCited).toEqual([]);
        await expect(store.source('999')).rejects.toBeInstanceOf(NotFoundError);
      });

      it('documents and document: claims and cited claims per document and per section', async () => {
        const store = await fixture();
        const docs = await store.documents();
        expect(docs.map((d) => [d.document.key, d.document.title, d.claims, d.cited])).toEqual([
          ['doc:a.zh', '氯胺酮与抑郁症', 6, 4],
          ['doc:b.en', 'Ketamine and depression', 4, 3],
          ['doc:c.zh', '回路', 1, 1],
        ]);
        expect(docs[0]!.document).toMatchObject({ kind: 'document', lang: 'zh', path: `${A}/a.zh.md`, trail: [] });
        const b = await store.document('b.en');
        expect(b).toMatchObject({ claims: 4, cited: 3, document: { key: 'doc:b.en' } });
        expect(b.sections.map((s) => [s.key, s.title, s.order, s.claims, s.cited])).toEqual([
          ['sec:b.en#0', 'Ketamine and depression', 0, 3, 2],
          ['sec:b.en#1', 'Circuits', 1, 1, 1],
        ]);
        expect((await store.document('doc:a.zh')).sections.map((s) => [s.key, s.claims, s.cited])).toEqual([
          ['sec:a.zh#0', 2, 2],
          ['sec:a.zh#1', 4, 2],
        ]);
        await expect(store.document('nope')).rejects.toBeInstanceOf(NotFoundError);
      });

      it('exportGraph with a filter: concepts and relations filtered, text kept, sources only when cited', async () => {
        const store = await fixture();
        const conceptKeys = (g: GraphExport) =>
          g.nodes
            .filter((n) => n.attributes!.kind === 'concept')
            .map((n) => n.key)
            .sort();
        const edgeKeys = (g: GraphExport, kind: string) =>
          g.edges
            .filter((e) => e.attributes!.kind === kind)
            .map((e) => e.key)
            .sort();
        const cats = await store.exportGraph({ categories: ['Disorder', 'Circuit'] });
        expect(conceptKeys(cats)).toEqual(['concept:entry:2', 'concept:entry:6']);
        expect(edgeKeys(cats, 'relation')).toEqual(['rel:concept:entry:6-causes->concept:entry:2']);
        expect(edgeKeys(cats, 'co_mention')).toEqual(['co:concept:entry:2~concept:entry:6']);
        expect(cats.nodes.filter((n) => n.attributes!.kind === 'claim')).toHaveLength(11);
        expect(cats.nodes.filter((n) => n.attributes!.kind === 'source')).toHaveLength(4);
        const c = normalizeGraph(await store.exportGraph({ documents: ['c.zh'] }));
        expect(keys(c.nodes)).toEqual([
          'claim:c.zh#0',
          'concept:entry:2',
          'concept:entry:6',
          'doc:c.zh',
          'sec:c.zh#0',
          'src:104',
        ]);
        expect(c.edges.map((e) => e.key)).toEqual([
          'cites:claim:c.zh#0->src:104',
          'co:concept:entry:2~concept:entry:6',
          'in:claim:c.zh#0',
          'mentions:claim:c.zh#0->concept:entry:2',
          'mentions:claim:c.zh#0->concept:entry:6',
          'of:sec:c.zh#0',
          'rel:concept:entry:6-causes->concept:entry:2',
        ]);
        expect(conceptKeys(await store.exportGraph({ limit: 2 }))).toEqual(['concept:entry:1', 'concept:entry:2']);
        const strong = await store.exportGraph({ predicates: ['treats'], minEvidence: 2 });
        expect(edgeKeys(strong, 'relation')).toEqual(['rel:concept:entry:1-treats->concept:entry:2']);
        expect(conceptKeys(strong)).toHaveLength(6);
        expect(edgeKeys(await store.exportGraph({ hedged: true }), 'relation')).toEqual([
          'rel:concept:entry:1-increases->concept:entry:3',
        ]);
        // An empty filter is the whole graph.
        expect(normalizeGraph(await store.exportGraph({}))).toEqual(await exported(store));
      });
    });
  });
}
