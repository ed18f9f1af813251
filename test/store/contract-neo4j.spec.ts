/**
 * The store contract suite against the Neo4j store, on a throwaway local Neo4j (one server for this
 * file, the database wiped before each store is made). Without Java the suite is skipped with one line;
 * with CI=true that is a failure instead (startTestNeo4j throws). Also: the same reads answered by both
 * stores over the sample corpus, compared one by one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthCorpus } from '../../scripts/synth-corpus';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import { prepare } from '../../server/ingest/prepare';
import type { GraphStore } from '../../server/store/graph-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store';
import { Cypher, type Neo4jConnection } from '../../server/store/neo4j/session';
import { startTestNeo4j } from '../support/neo4j-server';
import { corpusDir } from '../support/paths';
import { normalizeGraph, storeContract } from './store-contract';

const server = await startTestNeo4j();

if (!server) {
  describe.skip('store contract: neo4j (no Java: see the line above)', () => {
    it('needs a local Neo4j', () => undefined);
  });
} else {
  const connection: Neo4jConnection = {
    uri: server.uri,
    user: server.user,
    password: server.password,
    database: server.database,
  };
  const admin = new Cypher(connection);
  afterAll(async () => {
    await admin.close();
    await server.stop();
  }, 120_000);

  /** An empty database: every node goes; constraints and indexes stay (open() would make them anyway). */
  const wipe = () => admin.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));

  let failNext = false;
  const open = async () => {
    const store = new Neo4jStore(connection, {
      maxTransactionRetryTime: 5_000,
      hooks: {
        beforeCommit: () => {
          if (!failNext) return;
          failNext = false;
          throw new Error('injected failure before commit');
        },
      },
    });
    await store.open();
    return store;
  };

  storeContract(
    'neo4j',
    async () => {
      await wipe();
      const store = await open();
      const opened: GraphStore[] = [store];
      return {
        store,
        reopen: async () => {
          const again = await open();
          opened.push(again);
          return again;
        },
        cleanup: async () => {
          for (const s of opened) await s.close();
        },
      };
    },
    {
      failNextWrite: () => {
        failNext = true;
      },
    },
  );

  describe('neo4j store keeps the embedded store’s graph through random changes', () => {
    it('adds, changes and removes chapters in random batches, several transactions each', async () => {
      await wipe();
      const neo = new Neo4jStore(connection, { groupRows: 400 });
      await neo.open();
      const dir = mkdtempSync(path.join(os.tmpdir(), 'random-'));
      const emb = new EmbeddedStore(path.join(dir, 'store'));
      await emb.open();
      const variants = [synthCorpus({ chapters: 10, seed: 11 }), synthCorpus({ chapters: 10, seed: 12 })];
      let state = 42;
      const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
      const extractor = createExtractor();
      try {
        for (let step = 0; step < 8; step++) {
          const stored = [...(await emb.documentHashes()).keys()];
          const files: string[] = [];
          for (let i = 0; i < 10; i++) {
            if (random() > 0.45) continue;
            const chapter = variants[random() < 0.5 ? 0 : 1]![i]!;
            const file = path.join(dir, `step${step}`, chapter.path);
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, chapter.content);
            files.push(file);
          }
          const remove = stored.filter(() => random() < 0.2);
          const batch = await prepare(files, { extractor });
          const apply = { upsert: batch.fragments, remove, problems: batch.problems };
          await emb.apply(apply);
          await neo.apply(apply);
          const label = `step ${step}: +${batch.fragments.length} -${remove.length}`;
          expect(normalizeGraph(await neo.exportGraph()), label).toEqual(normalizeGraph(await emb.exportGraph()));
          expect(await neo.documentHashes(), label).toEqual(await emb.documentHashes());
        }
        expect(await neo.stats()).toEqual(await emb.stats());
      } finally {
        await neo.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 300_000);
  });

  describe('neo4j store answers as the embedded store does on the sample corpus', () => {
    let neo: Neo4jStore;
    let emb: EmbeddedStore;
    let dir: string;
    beforeAll(async () => {
      await wipe();
      neo = await open();
      dir = mkdtempSync(path.join(os.tmpdir(), 'parity-'));
      emb = new EmbeddedStore(dir);
      await emb.open();
      for (const s of [neo, emb]) await ingestInto(s, [corpusDir], { extractor: createExtractor() });
    }, 120_000);
    afterAll(async () => {
      await neo?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('has the same graph and statistics', async () => {
      expect(normalizeGraph(await neo.exportGraph())).toEqual(normalizeGraph(await emb.exportGraph()));
      expect(await neo.stats()).toEqual(await emb.stats());
      expect(await neo.documents()).toEqual(await emb.documents());
    });

    it('answers every concept, document and source question the same way', async () => {
      const g = await emb.exportGraph();
      const concepts = g.nodes.filter((n) => n.attributes!.kind === 'concept').map((n) => n.key);
      for (const key of concepts) {
        const [a, b] = await Promise.all([
          neo.concept(key, { offset: 0, limit: 5 }),
          emb.concept(key, { offset: 0, limit: 5 }),
        ]);
        expect({ ...a, pagerank: 0 }).toEqual({ ...b, pagerank: 0 });
        expect(a.pagerank).toBeCloseTo(b.pagerank, 9);
        // Nodes in the contract's order; edges compared as a set.
        const [x, y] = await Promise.all([
          neo.neighborhood(key, 2, { limit: 25 }),
          emb.neighborhood(key, 2, { limit: 25 }),
        ]);
        expect(normalizeGraph(x)).toEqual(normalizeGraph(y));
        expect(x.nodes.map((n) => n.key)).toEqual(y.nodes.map((n) => n.key));
      }
      for (const d of await emb.documents()) {
        expect(await neo.document(d.document.key)).toEqual(await emb.document(d.document.key));
      }
      for (const n of g.nodes.filter((x) => x.attributes!.kind === 'source')) {
        const id = (n.attributes as { problemId: string }).problemId;
        expect(await neo.source(id)).toEqual(await emb.source(id));
      }
    }, 120_000);

    it('finds the same search hits for every concept label and for words of the text', async () => {
      const g = await emb.exportGraph();
      const queries = new Set<string>([
        'ketamine',
        'NMDA',
        '神经',
        'prediction error',
        'predictve',
        '抑郁症 治疗',
        '12',
      ]);
      for (const n of g.nodes) {
        if (n.attributes!.kind === 'concept') queries.add(n.attributes!.label);
      }
      for (const q of queries) {
        expect(await neo.search({ q, limit: 15 }), q).toEqual(await emb.search({ q, limit: 15 }));
      }
    }, 120_000);

    it('finds the same paths and claim pages', async () => {
      const g = await emb.exportGraph();
      const related = g.edges.filter((e) => e.attributes!.kind === 'relation');
      const ends = [...new Set(related.flatMap((e) => [e.source, e.target]))].sort().slice(0, 12);
      for (const from of ends) {
        for (const to of ends) {
          const q = { from, to, k: 3, maxLength: 4 };
          expect(await neo.paths(q)).toEqual(await emb.paths(q));
        }
      }
      for (const filter of [
        { offset: 0, limit: 50 },
        { offset: 100, limit: 20, cited: true },
        { offset: 0, limit: 20, hedged: true },
      ]) {
        expect(await neo.claims(filter)).toEqual(await emb.claims(filter));
      }
      for (const e of related.slice(0, 10)) {
        const claim = (e.attributes as { evidence: string[] }).evidence[0]!;
        expect(await neo.claim(claim)).toEqual(await emb.claim(claim));
      }
    }, 120_000);
  });
}
