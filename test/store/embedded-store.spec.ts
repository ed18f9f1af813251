import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { ingestInto } from '../../server/ingest/ingest-service';
import { createExtractor } from '../../server/extract/extractor';
import { corpusDir } from '../support/paths';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [
        path.relative(dir, path.join(d.parentPath, d.name)),
        readFileSync(path.join(d.parentPath, d.name), 'utf8'),
      ]),
  );

async function openAt(dir: string) {
  const store = new EmbeddedStore(dir);
  await store.open();
  return store;
}

describe('EmbeddedStore', () => {
  it('is idempotent: ingesting the same corpus twice leaves identical files and graph', async () => {
    const dir = tmp('store-');
    const store = await openAt(dir);
    const first = await ingestInto(store, [corpusDir], { extractor: createExtractor() });
    expect(first.chapters.ingested).toBe(5);
    const files = snapshot(dir);
    const graph = await store.exportGraph();
    const second = await ingestInto(store, [corpusDir], { extractor: createExtractor() });
    expect(second.chapters).toMatchObject({ ingested: 0, unchanged: 5 });
    expect(snapshot(dir)).toEqual(files);
    // Forcing a re-ingest rewrites nothing either: fragments are deterministic.
    await ingestInto(store, [corpusDir], { extractor: createExtractor(), force: true });
    expect(snapshot(dir)).toEqual(files);
    expect(await store.exportGraph()).toEqual(graph);
    // A fresh process reads back the same graph.
    expect(await (await openAt(dir)).exportGraph()).toEqual(graph);
  });

  it('replaces a changed chapter’s claims and edges and nothing else', async () => {
    const corpus = tmp('corpus-');
    writeFileSync(
      path.join(corpus, 'a.zh.md'),
      '## A\n\n氯胺酮很快 [@problem_id:1]。[神经回路](@entry_id:5)很重要。\n',
    );
    writeFileSync(path.join(corpus, 'b.zh.md'), '## B\n\n[神经回路](@entry_id:5)在这里 [@problem_id:2]。\n');
    const store = await openAt(tmp('store-'));
    await ingestInto(store, [corpus], { extractor: createExtractor() });
    const before = await store.exportGraph();
    const bNodes = before.nodes.filter((n) => n.key.includes(':b'));
    writeFileSync(path.join(corpus, 'a.zh.md'), '## A\n\n只剩一句 [@problem_id:3]。\n');
    const s = await ingestInto(store, [corpus], { extractor: createExtractor() });
    expect(s.chapters).toMatchObject({ ingested: 1, unchanged: 1 });
    const after = await store.exportGraph();
    const claimsOfA = after.nodes.filter((n) => n.attributes?.kind === 'claim' && n.key.startsWith('claim:a.zh#'));
    expect(claimsOfA.map((n) => n.attributes?.kind === 'claim' && n.attributes.text)).toEqual(['只剩一句。']);
    expect(after.nodes.some((n) => n.key === 'src:1')).toBe(false);
    expect(after.nodes.filter((n) => n.key.includes(':b'))).toEqual(bNodes);
    // The concept is still there: chapter b mentions it.
    const concept = after.nodes.find((n) => n.attributes?.kind === 'concept' && n.attributes.entryIds.includes('5'))!;
    expect(concept.attributes?.kind === 'concept' && concept.attributes.documents).toEqual(['doc:b.zh']);
  });

  it('leaves the store exactly as it was when one file of a batch is broken', async () => {
    const dir = tmp('store-');
    const store = await openAt(dir);
    await ingestInto(store, [corpusDir], { extractor: createExtractor() });
    const files = snapshot(dir);
    const graph = await store.exportGraph();
    const corpus = tmp('corpus-');
    cpSync(corpusDir, corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'ketamine-synaptogenesis-applications.zh.md'), '## 改了\n\n新的一句。\n');
    writeFileSync(path.join(corpus, 'broken.md'), '## X\n\n坏的 [@problem_id:x]。\n');
    const s = await ingestInto(store, [corpus], { extractor: createExtractor() });
    expect(s.applied).toBe(false);
    expect(s.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/broken\.md:3:4: citation marker with a non-numeric id/),
    ]);
    expect(snapshot(dir)).toEqual(files);
    expect(await store.exportGraph()).toEqual(graph);
  });

  it('keeps the previous store when the write itself fails', async () => {
    const dir = tmp('store-');
    const store = await openAt(dir);
    await ingestInto(store, [corpusDir], { extractor: createExtractor() });
    const graph = await store.exportGraph();
    const files = snapshot(dir);
    // A file where the chapter folder should be makes every chapter write fail, even for root.
    renameSync(path.join(dir, 'docs'), path.join(dir, 'docs.real'));
    writeFileSync(path.join(dir, 'docs'), 'not a folder');
    const corpus = tmp('corpus-');
    writeFileSync(path.join(corpus, 'new.md'), '## N\n\nNew text.\n');
    await expect(ingestInto(store, [corpus], { extractor: createExtractor() })).rejects.toThrow(/ENOTDIR/);
    rmSync(path.join(dir, 'docs'));
    renameSync(path.join(dir, 'docs.real'), path.join(dir, 'docs'));
    expect(await store.exportGraph()).toEqual(graph);
    expect(snapshot(dir)).toEqual(files);
    expect(await (await openAt(dir)).exportGraph()).toEqual(graph);
  });
});
