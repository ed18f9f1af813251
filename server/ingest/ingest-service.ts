/**
 * An ingest run: prepare every input, refuse the whole batch when any input has an error (unless asked
 * to keep going), then apply it to the store in one atomic step, and summarise what was stored.
 */
import type { InputError, InputWarning } from '../errors';
import type { Extractor } from '../extract/extraction';
import type { Category } from '../model/types';
import { tallyGraph } from '../store/encoded-fragment';
import type { GraphStoreCore } from '../store/graph-store';
import { prepare, type PreparedBatch } from './prepare';

export interface IngestOptions {
  extractor: Extractor;
  keepGoing?: boolean;
  maxFileBytes?: number;
  /** Re-ingest even unchanged chapters. */
  force?: boolean;
  onChapter?: (done: number, total: number, path: string) => void;
  keepParsed?: boolean;
  /** Worker threads for parsing and extraction; see PrepareOptions. */
  workers?: number | 'auto';
}

export interface IngestSummary {
  applied: boolean;
  chapters: { found: number; ingested: number; unchanged: number; failed: number };
  claims: number;
  /** Markers, each a `cites` edge from the sentence it ends. */
  citations: number;
  /** Claims supported through the next sentence's marker (it refers back). */
  contextCitations: number;
  sources: { cited: number; resolved: number };
  conceptsByCategory: Partial<Record<Category, number>>;
  relations: number;
  /** Class memberships named in passing (`member_of` edges; not relations). */
  memberships: number;
  bytes: number;
  ms: number;
  warnings: InputWarning[];
  errors: InputError[];
  batch: PreparedBatch;
}

export function summarize(batch: PreparedBatch, applied: boolean, ms: number): IngestSummary {
  let claims = 0;
  let citations = 0;
  let contextCitations = 0;
  let relations = 0;
  let memberships = 0;
  const cited = new Set<string>();
  const concepts = new Map<string, Category>();
  for (const f of batch.fragments) {
    // Fragments built in worker threads come with their tally: their graphs stay encoded.
    const t = f.tally ?? tallyGraph(f.graph);
    claims += t.claims;
    citations += t.citations;
    contextCitations += t.contextCitations;
    relations += t.relations;
    memberships += t.memberships;
    for (const p of t.sources) cited.add(p);
    for (const [key, category] of t.concepts) concepts.set(key, category);
  }
  const known = new Set(batch.problems.map((p) => p.problemId));
  const conceptsByCategory: Partial<Record<Category, number>> = {};
  for (const c of concepts.values()) conceptsByCategory[c] = (conceptsByCategory[c] ?? 0) + 1;
  const failedFiles = new Set(batch.errors.map((e) => e.path));
  return {
    applied,
    chapters: {
      found: batch.chapterFiles,
      ingested: applied ? batch.fragments.length : 0,
      unchanged: batch.skipped.length,
      failed: failedFiles.size,
    },
    claims,
    citations,
    contextCitations,
    sources: { cited: cited.size, resolved: [...cited].filter((id) => known.has(id)).length },
    conceptsByCategory,
    relations,
    memberships,
    bytes: batch.bytes,
    ms,
    warnings: batch.warnings,
    errors: batch.errors,
    batch,
  };
}

export async function ingestInto(store: GraphStoreCore, inputs: string[], opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const batch = await prepare(inputs, {
    extractor: opts.extractor,
    knownHashes: opts.force ? undefined : await store.documentHashes(),
    maxFileBytes: opts.maxFileBytes,
    onChapter: opts.onChapter,
    keepParsed: opts.keepParsed,
    workers: opts.workers,
  });
  const refuse = batch.errors.length > 0 && !opts.keepGoing;
  if (!refuse && (batch.fragments.length || batch.problems.length)) {
    await store.apply({ upsert: batch.fragments, remove: [], problems: batch.problems });
  }
  return summarize(batch, !refuse, performance.now() - t0);
}
