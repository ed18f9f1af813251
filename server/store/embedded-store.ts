/**
 * The embedded store: the graph in memory (graphology), persisted under a folder as one JSON file per
 * chapter plus a manifest. The manifest is replaced atomically (temp file + rename) and is the commit
 * point: a batch whose write fails leaves the previous manifest, and so the previous store, in place.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ChapterGraph } from '../build/chapter-graph';
import { mergeFragments } from '../build/merge-graph';
import type { GraphExport } from '../model/types';
import { decodeChapter, encodeChapter } from './chapter-file';
import { sha1Hex } from './encoded-fragment';
import type { GraphFilter, GraphStore, IngestBatch, KnownProblem, StoreStats } from './graph-store';
import { GraphQueries } from './graph-queries';

const Manifest = z.object({
  version: z.literal(1),
  documents: z.record(z.string(), z.object({ hash: z.string(), file: z.string() })),
  problems: z.string().nullable(),
});
type Manifest = z.infer<typeof Manifest>;

async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

/** A chapter file's name: its document id's hash and its content's (the SHA-1 of its bytes or text). */
const fileName = (id: string, contentSha1: string) => `${sha1Hex(id).slice(0, 16)}-${contentSha1.slice(0, 12)}.json`;

/** The fragments kept in memory: a graph, or a fragment that decodes its graph when first read. */
type Held = { readonly graph: GraphExport };

export class EmbeddedStore extends GraphQueries implements GraphStore {
  readonly kind = 'embedded' as const;
  private manifest: Manifest = { version: 1, documents: {}, problems: null };
  private fragments = new Map<string, Held>();
  private problems = new Map<string, KnownProblem>();

  constructor(readonly dir: string) {
    super();
  }

  private get manifestPath() {
    return path.join(this.dir, 'manifest.json');
  }

  async open(): Promise<void> {
    await fs.mkdir(path.join(this.dir, 'docs'), { recursive: true });
    let raw: string | null = null;
    try {
      raw = await fs.readFile(this.manifestPath, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (raw !== null) {
      this.manifest = Manifest.parse(JSON.parse(raw));
      for (const [id, entry] of Object.entries(this.manifest.documents)) {
        const graph = decodeChapter(await fs.readFile(path.join(this.dir, 'docs', entry.file), 'utf8'));
        this.fragments.set(id, { graph });
      }
      if (this.manifest.problems) {
        const list = JSON.parse(
          await fs.readFile(path.join(this.dir, 'docs', this.manifest.problems), 'utf8'),
        ) as KnownProblem[];
        for (const p of list) this.problems.set(p.problemId, p);
      }
    }
    this.rebuild();
  }

  async close(): Promise<void> {}

  async ping(): Promise<boolean> {
    return true;
  }

  async documentHashes(): Promise<Map<string, string>> {
    return new Map(Object.entries(this.manifest.documents).map(([id, d]) => [id, d.hash]));
  }

  async apply(batch: IngestBatch): Promise<void> {
    const manifest: Manifest = {
      version: 1,
      documents: { ...this.manifest.documents },
      problems: this.manifest.problems,
    };
    const fragments = new Map(this.fragments);
    const problems = new Map(this.problems);
    const written: string[] = [];
    try {
      for (const id of batch.remove) {
        delete manifest.documents[id];
        fragments.delete(id);
      }
      // Chapter files first (the manifest, written last, commits them), each encoded once: its name hashes
      // the same bytes. Written synchronously: a chapter file is small, and an asynchronous write per
      // file costs more in thread-pool and event-loop round trips than the write itself.
      // A fragment serialised where it was built (an ingest worker) is written as it came.
      for (const f of batch.upsert) {
        const encoded = f.encoded;
        const content = encoded?.json ?? Buffer.from(encodeChapter(f.graph));
        const file = fileName(f.documentId, encoded?.sha1 ?? sha1Hex(content));
        if (manifest.documents[f.documentId]?.file !== file) {
          written.push(file);
          writeFileSync(path.join(this.dir, 'docs', file), content);
        }
        manifest.documents[f.documentId] = { hash: f.hash, file };
        fragments.set(f.documentId, f);
      }
      let problemsChanged = false;
      for (const p of batch.problems) {
        const old = problems.get(p.problemId);
        if (!old || JSON.stringify(old) !== JSON.stringify(p)) {
          problems.set(p.problemId, p);
          problemsChanged = true;
        }
      }
      if (problemsChanged) {
        const content = JSON.stringify([...problems.values()].sort((a, b) => a.problemId.localeCompare(b.problemId)));
        const file = fileName('problems', sha1Hex(content));
        await writeAtomic(path.join(this.dir, 'docs', file), content);
        written.push(file);
        manifest.problems = file;
      }
      if (JSON.stringify(manifest) === JSON.stringify(this.manifest)) return;
      await writeAtomic(this.manifestPath, JSON.stringify(manifest, null, 1));
    } catch (e) {
      // The manifest was not replaced: remove what this batch wrote and keep the store as it was.
      await Promise.all(written.map((f) => fs.rm(path.join(this.dir, 'docs', f), { force: true })));
      throw e;
    }
    const old = new Set([...Object.values(this.manifest.documents).map((d) => d.file), this.manifest.problems]);
    const kept = new Set([...Object.values(manifest.documents).map((d) => d.file), manifest.problems]);
    this.manifest = manifest;
    this.fragments = fragments;
    this.problems = problems;
    this.rebuild();
    await Promise.all(
      [...old]
        .filter((f): f is string => !!f && !kept.has(f))
        .map((f) => fs.rm(path.join(this.dir, 'docs', f), { force: true })),
    );
  }

  private rebuild(): void {
    const fragments = [...this.fragments.values()];
    const problems = [...this.problems.values()];
    this.setGraphBuilder(() =>
      mergeFragments(
        fragments.map((f) => f.graph),
        problems,
      ),
    );
  }

  /** The merged graph itself, for in-process consumers (benchmarks, exports). */
  mergedGraph(): ChapterGraph {
    return this.g;
  }

  async stats(): Promise<StoreStats> {
    return this.computeStats();
  }

  async exportGraph(filter?: GraphFilter): Promise<GraphExport> {
    return this.exportFiltered(filter);
  }
}
