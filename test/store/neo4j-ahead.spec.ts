/**
 * Overlapping write transactions (writer.ts READ_AHEAD, planAhead, writeAhead): each transaction ends by
 * reading what the next group needs, and the next group's WRITE is planned from that read and sent while
 * the server commits. These tests check that it is used, that the result is the embedded store's graph,
 * and that a transaction planned from a read that no longer holds (the one before it was retried, or
 * another writer came between) writes nothing and the group is written again. Real Neo4j; skipped with
 * one line without Java, an error in CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSynthCorpus } from '../../scripts/synth-corpus';
import { createExtractor } from '../../server/extract/extractor';
import { prepare } from '../../server/ingest/prepare';
import type { ChapterFragment, IngestBatch } from '../../server/store/graph-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { chapterRows } from '../../server/store/neo4j/chapter-rows';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store';
import { Cypher, type Neo4jConnection } from '../../server/store/neo4j/session';
import {
  AheadMissed,
  planAhead,
  writeAhead,
  writeGroup,
  type Ahead,
  type WriteGroup,
} from '../../server/store/neo4j/writer';
import { startTestNeo4j } from '../support/neo4j-server';
import { normalizeGraph } from './store-contract';

const server = await startTestNeo4j();

describe.skipIf(!server)('neo4j store: write transactions planned ahead', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'neo4j-ahead-'));
  let connection: Neo4jConnection;
  let fragments: ChapterFragment[];
  let problems: IngestBatch['problems'];

  beforeAll(async () => {
    const s = server!;
    connection = { uri: s.uri, user: s.user, password: s.password, database: s.database };
    const corpus = path.join(work, 'corpus');
    await writeSynthCorpus(corpus, { chapters: 24, seed: 11 });
    const prepared = await prepare([corpus], { extractor: createExtractor() });
    expect(prepared.errors).toEqual([]);
    fragments = prepared.fragments;
    problems = prepared.problems;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** Empties the database (every test starts from nothing). */
  async function clear(): Promise<void> {
    const admin = new Cypher(connection);
    try {
      await admin.write((tx) => tx.run('MATCH (n) WHERE NOT n:IngestMeta DETACH DELETE n'));
    } finally {
      await admin.close();
    }
  }

  /** The store holds what the embedded store holds after the same batches, in the same order. */
  async function expectEmbeddedGraph(store: Neo4jStore, ...batches: IngestBatch[]): Promise<void> {
    const dir = mkdtempSync(path.join(work, 'embedded-'));
    const embedded = new EmbeddedStore(dir);
    await embedded.open();
    for (const b of batches) await embedded.apply(b);
    expect(normalizeGraph(await store.exportGraph())).toEqual(normalizeGraph(await embedded.exportGraph()));
    expect(await store.stats()).toEqual(await embedded.stats());
  }

  const batchOf = (upsert: ChapterFragment[], withProblems = false): IngestBatch => ({
    upsert,
    remove: [],
    problems: withProblems ? problems : [],
  });

  it('plans every transaction of new chapters after the first from the read before it', async () => {
    await clear();
    const seen: { docs: string[]; ahead: boolean }[] = [];
    let commits = 0;
    const store = new Neo4jStore(connection, {
      groupRows: 1_500,
      onCommit: () => commits++,
      hooks: { transaction: (docs, ahead) => seen.push({ docs, ahead }) },
    });
    await store.open();
    try {
      const batch = batchOf(fragments, true);
      await store.apply(batch);
      expect(commits).toBeGreaterThan(5);
      // One attempt per transaction: the first reads for itself, the others were planned ahead.
      expect(seen.length).toBe(commits);
      expect(seen[0]!.ahead).toBe(false);
      expect(seen.slice(1).filter((t) => !t.ahead)).toEqual([]);
      await expectEmbeddedGraph(store, batch);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('writes a group again, reading for itself, when the transaction it was planned from is retried', async () => {
    await clear();
    const seen: { docs: string[]; ahead: boolean }[] = [];
    let calls = 0;
    const store = new Neo4jStore(connection, {
      groupRows: 1_500,
      hooks: {
        transaction: (docs, ahead) => seen.push({ docs, ahead }),
        // The second transaction fails once, transiently, after it read ahead: the driver retries it, and
        // the third transaction, planned from the first attempt's read, must not write.
        beforeCommit: () => {
          if (++calls === 2)
            throw new Neo4jError('injected', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'injected');
        },
      },
    });
    await store.open();
    try {
      const batch = batchOf(fragments);
      await store.apply(batch);
      const second = seen[1]!.docs;
      const third = seen.find((t) => t.ahead && t.docs[0] !== second[0])!.docs;
      const attempts = (docs: string[]) => seen.filter((t) => t.docs[0] === docs[0]).map((t) => t.ahead);
      expect(attempts(second)).toEqual([true, true]);
      expect(attempts(third)).toEqual([true, false]);
      await expectEmbeddedGraph(store, batch);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('a writer between the read ahead and the planned transaction: it writes nothing, and misses nothing', async () => {
    await clear();
    const store = new Neo4jStore(connection);
    await store.open();
    const db = new Cypher(connection);
    try {
      const one = (i: number) => [fragments[i]!];
      const [a, b, c, d, e, f] = [fragments.slice(0, 6), one(6), one(7), one(8), one(9), one(10)];
      const group = (chapters: ChapterFragment[]): WriteGroup => ({
        remove: [],
        upsert: chapters.map(chapterRows),
        problems: [],
      });
      await store.apply(batchOf(a));

      // B's transaction reads ahead for C; then another writer stores D before C's planned transaction runs.
      let ahead: Ahead | null = null;
      await db.write((tx) => writeGroup(tx, group(b), { next: group(c), onAhead: (x) => (ahead = x) }));
      expect(ahead).not.toBeNull();
      await store.apply(batchOf(d));
      const stale = await planAhead(group(c), ahead!);
      expect(stale).not.toBeNull();
      await expect(db.write((tx) => writeAhead(tx, group(c), stale!))).rejects.toBeInstanceOf(AheadMissed);
      expect((await store.documentHashes()).has(c[0]!.documentId)).toBe(false);

      // A writer that leaves no token (an older version of this store) still moves the data version.
      ahead = null;
      await db.write((tx) => writeGroup(tx, group(e), { next: group(c), onAhead: (x) => (ahead = x) }));
      await db.write((tx) => tx.run('MATCH (m:IngestMeta) SET m.version = m.version + 1'));
      const bumped = await planAhead(group(c), ahead!);
      await expect(db.write((tx) => writeAhead(tx, group(c), bumped!))).rejects.toBeInstanceOf(AheadMissed);

      // F's transaction reads ahead for C, and nobody writes in between: the planned transaction writes C.
      ahead = null;
      await db.write((tx) => writeGroup(tx, group(f), { next: group(c), onAhead: (x) => (ahead = x) }));
      const fresh = await planAhead(group(c), ahead!);
      await db.write((tx) => writeAhead(tx, group(c), fresh!));
      await expectEmbeddedGraph(store, ...[a, b, d, e, f, c].map((x) => batchOf(x)));
    } finally {
      await db.close();
      await store.close();
    }
  }, 180_000);
});
