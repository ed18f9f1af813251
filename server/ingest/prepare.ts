/**
 * The pure part of an ingest: read, parse and extract every input into chapter fragments and problem
 * texts, collecting every error and warning. Nothing is written here, so a batch with an error can be
 * refused as a whole.
 */
import { readFileSync } from 'node:fs';
import { InputError, InputErrors, type InputWarning } from '../errors';
import type { Extractor } from '../extract/extraction';
import type { ChapterFragment, KnownProblem } from '../store/graph-store';
import { buildChapterGraph, serialize } from '../build/chapter-graph';
import { parseChapter, type ParsedChapter } from './chapter';
import { collectInputs } from './collect';
import { displayPath, documentIdentity } from './document-id';
import { parseAppendix } from './appendices';
import { decodeSource, DEFAULT_MAX_FILE_BYTES } from './source-file';

export interface PrepareOptions {
  extractor: Extractor;
  /** Hashes of stored documents: a chapter whose file has the same hash is skipped. */
  knownHashes?: Map<string, string>;
  maxFileBytes?: number;
  /** Called after each chapter, for progress bars. */
  onChapter?: (done: number, total: number, path: string) => void;
  /** Keep the parsed chapters (for reports). */
  keepParsed?: boolean;
}

export interface PreparedBatch {
  fragments: ChapterFragment[];
  problems: KnownProblem[];
  parsed: ParsedChapter[];
  skipped: string[];
  errors: InputError[];
  warnings: InputWarning[];
  bytes: number;
  chapterFiles: number;
}

export async function prepare(inputs: string[], opts: PrepareOptions): Promise<PreparedBatch> {
  const collected = await collectInputs(inputs);
  const batch: PreparedBatch = {
    fragments: [],
    problems: [],
    parsed: [],
    skipped: [],
    errors: [...collected.errors],
    warnings: [],
    bytes: 0,
    chapterFiles: collected.chapters.length,
  };
  for (const file of collected.appendices) {
    const shown = displayPath(file);
    try {
      const text = readFileSync(file, 'utf8');
      batch.problems.push(
        ...parseAppendix(shown, text, (message) =>
          batch.warnings.push({ path: shown, line: 1, column: 1, code: 'appendix-entry', message }),
        ),
      );
    } catch (e) {
      batch.errors.push(
        e instanceof InputError ? e : new InputError(shown, null, `cannot read: ${(e as Error).message}`),
      );
    }
  }
  const seen = new Map<string, string>();
  let done = 0;
  for (const file of collected.chapters) {
    const shown = displayPath(file);
    try {
      const { id } = documentIdentity(shown);
      const other = seen.get(id);
      if (other)
        throw new InputError(
          shown,
          null,
          `document id "${id}" is also the id of ${other}; expected one file per chapter id`,
        );
      seen.set(id, shown);
      // Read synchronously: a chapter is a few kilobytes, and each asynchronous read waited for the
      // thread pool and the event loop (seconds over a large corpus on a busy machine).
      const buf = readFileSync(file);
      batch.bytes += buf.length;
      const src = decodeSource(shown, buf, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      if (opts.knownHashes?.get(id) === src.hash) {
        batch.skipped.push(id);
      } else {
        const chapter = parseChapter(src);
        batch.warnings.push(...chapter.warnings);
        if (chapter.claims.length || chapter.sections.length) {
          const graph = buildChapterGraph(chapter, opts.extractor(chapter));
          batch.fragments.push({ documentId: chapter.id, hash: src.hash, graph: serialize(graph) });
        }
        if (opts.keepParsed) batch.parsed.push(chapter);
      }
    } catch (e) {
      if (e instanceof InputErrors) batch.errors.push(...e.errors);
      else if (e instanceof InputError) batch.errors.push(e);
      else
        batch.errors.push(
          new InputError(shown, null, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`),
        );
    }
    opts.onChapter?.(++done, collected.chapters.length, shown);
  }
  return batch;
}
