// Ingesting with worker threads must give exactly what one thread gives: the same fragments, warnings,
// errors (positions included), skips and store files, and a chapter that fails in a worker fails the batch.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSynthCorpus } from '../../scripts/synth-corpus';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import { prepare, type PreparedBatch } from '../../server/ingest/prepare';
import { EncodedFragment } from '../../server/store/encoded-fragment';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { corpusDir } from '../support/paths';

const extractor = createExtractor();
let corpus: string;

const view = (b: PreparedBatch) => ({
  fragments: b.fragments.map((f) => ({ documentId: f.documentId, hash: f.hash, graph: f.graph })),
  problems: b.problems,
  skipped: b.skipped,
  errors: b.errors.map((e) => e.message),
  warnings: b.warnings,
  bytes: b.bytes,
  chapterFiles: b.chapterFiles,
});

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [path.relative(dir, path.join(d.parentPath, d.name)), readFileSync(path.join(d.parentPath, d.name))]),
  );

beforeAll(async () => {
  corpus = mkdtempSync(path.join(os.tmpdir(), 'parallel-'));
  await writeSynthCorpus(path.join(corpus, 'synth'), { chapters: 12, seed: 5, appendices: true });
  cpSync(corpusDir, path.join(corpus, 'samples'), { recursive: true });
  // Two broken chapters: an unterminated citation marker and invalid UTF-8.
  mkdirSync(path.join(corpus, 'broken'));
  writeFileSync(path.join(corpus, 'broken', 'marker.en.md'), '# T\n\nA claim [@problem_id:12 without an end.\n');
  writeFileSync(path.join(corpus, 'broken', 'bytes.en.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
});

describe('prepare with worker threads', () => {
  it('gives the same batch as one thread, in the same order', async () => {
    const one = await prepare([corpus], { extractor, workers: 0 });
    const two = await prepare([corpus], { extractor, workers: 2 });
    expect(one.errors.length).toBeGreaterThanOrEqual(2);
    expect(one.fragments.length).toBeGreaterThan(12);
    expect(two.fragments.every((f) => f instanceof EncodedFragment)).toBe(true);
    expect(view(two)).toEqual(view(one));
    // Errors keep their positions across the thread boundary.
    expect(two.errors.map((e) => [e.path, e.position])).toEqual(one.errors.map((e) => [e.path, e.position]));
  });

  it('writes the same store files, and skips unchanged chapters the same way', async () => {
    const stores = await Promise.all(
      [0, 2].map(async (workers) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), `parallel-store-${workers}-`));
        const store = new EmbeddedStore(dir);
        await store.open();
        const first = await ingestInto(store, [corpus], { extractor, workers, keepGoing: true });
        const again = await ingestInto(store, [corpus], { extractor, workers, keepGoing: true });
        return { dir, store, first, again };
      }),
    );
    const [a, b] = stores as [(typeof stores)[0], (typeof stores)[0]];
    expect(files(b.dir)).toEqual(files(a.dir));
    const { batch: _x, ms: _y, ...summaryA } = a.first;
    const { batch: _z, ms: _w, ...summaryB } = b.first;
    expect(summaryB).toEqual(summaryA);
    expect(b.again.chapters).toEqual(a.again.chapters);
    expect(b.again.chapters.ingested).toBe(0);
    // The graph decoded from the workers' bytes is the graph built on this thread.
    expect(await b.store.exportGraph()).toEqual(await a.store.exportGraph());
  });

  it('refuses the whole batch when a chapter fails in a worker', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parallel-refuse-'));
    const store = new EmbeddedStore(dir);
    await store.open();
    const summary = await ingestInto(store, [corpus], { extractor, workers: 2 });
    expect(summary.applied).toBe(false);
    expect(summary.errors.some((e) => e.path.endsWith('marker.en.md') && e.position !== null)).toBe(true);
    expect(readdirSync(path.join(dir, 'docs'))).toEqual([]);
  });
});
