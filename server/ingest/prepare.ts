/**
 * The pure part of an ingest: read, parse and extract every input into chapter fragments and problem
 * texts, collecting every error and warning. Nothing is written here, so a batch with an error can be
 * refused as a whole.
 */
import { readFileSync } from 'node:fs';
import { InputError, type InputWarning } from '../errors';
import type { Extractor } from '../extract/extraction';
import type { ExtractorOptions } from '../extract/extractor';
import type { ChapterFragment, KnownProblem } from '../store/graph-store';
import type { ParsedChapter } from './chapter';
import { runChapterJob, type ChapterOutcome } from './chapter-job';
import { collectInputs } from './collect';
import { displayPath, documentIdentity } from './document-id';
import { parseAppendix } from './appendices';
import { defaultWorkers, runPool, type PoolOutcome, type PoolTask } from './prepare-pool';

export interface PrepareOptions {
  extractor: Extractor;
  /** Hashes of stored documents: a chapter whose file has the same hash is skipped. */
  knownHashes?: Map<string, string>;
  maxFileBytes?: number;
  /** Called after each chapter, for progress bars. */
  onChapter?: (done: number, total: number, path: string) => void;
  /** Keep the parsed chapters (for reports; runs on this thread). */
  keepParsed?: boolean;
  /**
   * Worker threads for parsing and extraction (0, the default: all on this thread; 'auto': one per core
   * for a corpus large enough to gain from it). Workers use the default extractor built from
   * `extractorOptions`, not `extractor`.
   */
  workers?: number | 'auto';
  extractorOptions?: ExtractorOptions;
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
  // Document ids first, in file order: a duplicate is an error of its own, wherever its job would run.
  const outcomes: (ChapterOutcome | PoolOutcome | undefined)[] = new Array(collected.chapters.length);
  const tasks: PoolTask[] = [];
  const seen = new Map<string, string>();
  collected.chapters.forEach((file, index) => {
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
      tasks.push({ index, job: { file, shown, id }, knownHash: opts.knownHashes?.get(id) });
    } catch (e) {
      const error = e instanceof InputError ? e : new InputError(shown, null, (e as Error).message);
      outcomes[index] = { bytes: 0, errors: [error] };
    }
  });
  let done = 0;
  const finished = (index: number) =>
    opts.onChapter?.(++done, collected.chapters.length, displayPath(collected.chapters[index]!));
  for (const [index, o] of outcomes.entries()) if (o) finished(index);
  const workers = opts.keepParsed ? 0 : opts.workers === 'auto' ? defaultWorkers(tasks.length) : (opts.workers ?? 0);
  if (workers > 0 && tasks.length > 1) {
    await runPool(tasks, {
      workers,
      extractorOptions: opts.extractorOptions,
      maxFileBytes: opts.maxFileBytes,
      onResult: (index, outcome) => {
        outcomes[index] = outcome;
        finished(index);
      },
    });
  } else {
    for (const t of tasks) {
      outcomes[t.index] = runChapterJob(t.job, {
        extractor: opts.extractor,
        knownHash: t.knownHash,
        maxFileBytes: opts.maxFileBytes,
        keepParsed: opts.keepParsed,
      });
      finished(t.index);
    }
  }
  for (const o of outcomes) {
    if (!o) continue;
    batch.bytes += o.bytes;
    if ('skipped' in o) batch.skipped.push(o.skipped);
    else if ('errors' in o) batch.errors.push(...o.errors);
    else {
      batch.warnings.push(...o.warnings);
      const fragment = 'fragment' in o ? o.fragment : 'built' in o ? o.built : undefined;
      if (fragment) batch.fragments.push(fragment);
      if ('parsed' in o && o.parsed) batch.parsed.push(o.parsed);
    }
  }
  return batch;
}
