/**
 * One chapter file through the pipeline: read, decode, skip when unchanged, parse, extract, build its
 * fragment. The same function runs on the ingest's own thread and in its worker threads, so both give
 * the same result; every failure comes back as positioned errors, never as a throw.
 */
import { readFileSync } from 'node:fs';
import { InputError, InputErrors, type InputWarning } from '../errors';
import type { Extractor } from '../extract/extraction';
import { buildChapterGraph, serialize } from '../build/chapter-graph';
import type { GraphExport } from '../model/types';
import { parseChapter, type ParsedChapter } from './chapter';
import { decodeSource, DEFAULT_MAX_FILE_BYTES } from './source-file';

export interface ChapterJob {
  file: string;
  /** The path shown in messages. */
  shown: string;
  /** Its document id (from the path). */
  id: string;
}

export interface JobContext {
  extractor: Extractor;
  /** The stored hash of this chapter's document, if any: the same hash means unchanged. */
  knownHash?: string;
  maxFileBytes?: number;
  keepParsed?: boolean;
}

export type ChapterOutcome =
  | { bytes: number; skipped: string }
  | {
      bytes: number;
      /** Absent when the chapter holds neither claims nor sections. */
      built?: { documentId: string; hash: string; graph: GraphExport };
      warnings: InputWarning[];
      parsed?: ParsedChapter;
    }
  | { bytes: number; errors: InputError[] };

export function runChapterJob(job: ChapterJob, ctx: JobContext): ChapterOutcome {
  let bytes = 0;
  try {
    // Read synchronously: a chapter is a few kilobytes, and each asynchronous read waited for the
    // thread pool and the event loop (seconds over a large corpus on a busy machine).
    const buf = readFileSync(job.file);
    bytes = buf.length;
    const src = decodeSource(job.shown, buf, ctx.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (ctx.knownHash === src.hash) return { bytes, skipped: job.id };
    const chapter = parseChapter(src);
    const built =
      chapter.claims.length || chapter.sections.length
        ? {
            documentId: chapter.id,
            hash: src.hash,
            graph: serialize(buildChapterGraph(chapter, ctx.extractor(chapter))),
          }
        : undefined;
    return { bytes, built, warnings: chapter.warnings, parsed: ctx.keepParsed ? chapter : undefined };
  } catch (e) {
    if (e instanceof InputErrors) return { bytes, errors: e.errors };
    if (e instanceof InputError) return { bytes, errors: [e] };
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { bytes, errors: [new InputError(job.shown, null, `cannot read: ${why}`)] };
  }
}
