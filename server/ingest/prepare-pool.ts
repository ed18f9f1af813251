/**
 * Chapter jobs spread over worker threads: parsing and extraction are CPU-bound and independent per
 * chapter, so a large corpus goes about as many times faster as there are cores. Each worker builds its
 * own extractor (the default one, from `extractorOptions`); jobs go out in small chunks, two in flight per
 * worker, and results come back in any order with their index. A worker that dies fails the whole run.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type InputWarning } from '../errors';
import type { ExtractorOptions } from '../extract/extractor';
import { DEFAULT_VOCABULARY_DIR, vocabularyData, type VocabularyData } from '../extract/vocabulary';
import { EncodedFragment, type EncodedParts } from '../store/encoded-fragment';
import type { ChapterFragment } from '../store/graph-store';
import type { ChapterJob } from './chapter-job';

/** A chapter's result as it crosses from a worker (errors as plain data). */
export type WireOutcome =
  | { bytes: number; skipped: string }
  | { bytes: number; built?: EncodedParts; warnings: InputWarning[] }
  | { bytes: number; errors: { path: string; position: InputError['position']; detail: string }[] };

export type PoolOutcome =
  | { bytes: number; skipped: string }
  | { bytes: number; fragment?: ChapterFragment; warnings: InputWarning[] }
  | { bytes: number; errors: InputError[] };

export interface PoolTask {
  index: number;
  job: ChapterJob;
  knownHash?: string;
}

export interface PoolOptions {
  workers: number;
  extractorOptions?: ExtractorOptions;
  maxFileBytes?: number;
  onResult: (index: number, outcome: PoolOutcome) => void;
}

/**
 * Worker threads worth starting for `chapters` chapters. Starting one costs about half a second (loading
 * the modules through tsx, taking this thread's vocabulary), its code is compiled again in each thread, and
 * one thread already keeps a second core partly busy (V8 collects and compiles in the background), so a few
 * hundred chapters go as fast on one thread; 500 and more gain.
 */
export function defaultWorkers(chapters: number): number {
  if (chapters < 500) return 0;
  return Math.max(0, Math.min(os.availableParallelism(), 8));
}

const CHUNK = 8;
const IN_FLIGHT = 2;
/**
 * A worker's young generation, in MB. Extraction allocates many short-lived strings and arrays; with V8's
 * default for a worker thread, scavenges ran so often that the collector's helper threads took a quarter
 * of the two cores. At 96 MB an ingest of the 2,000-chapter bench spent 12–15% less time (four pairs, see
 * the README's Performance section) at the same peak memory.
 */
const YOUNG_GENERATION_MB = 96;

// Workers load TypeScript through tsx, whatever started this process (tsx, vitest): a small bootstrap
// registers tsx's loader in the new thread, then imports the worker module.
const TSX_HOOKS = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const WORKER = new URL('./prepare-worker.ts', import.meta.url).href;
const BOOTSTRAP = `require('node:module').register(${JSON.stringify(TSX_HOOKS)}, { data: {} }); import(${JSON.stringify(WORKER)});`;

/** What a worker starts with (its `workerData`). */
export interface WorkerSettings {
  extractorOptions: ExtractorOptions;
  maxFileBytes?: number;
  /** The vocabulary of `extractorOptions.vocabularyDir` as this thread loaded it. */
  vocabulary?: VocabularyData;
}

function fromWire(o: WireOutcome): PoolOutcome {
  if ('skipped' in o) return o;
  if ('errors' in o)
    return { bytes: o.bytes, errors: o.errors.map((e) => new InputError(e.path, e.position, e.detail)) };
  return { bytes: o.bytes, warnings: o.warnings, fragment: o.built ? new EncodedFragment(o.built) : undefined };
}

export function runPool(tasks: PoolTask[], opts: PoolOptions): Promise<void> {
  const chunks: PoolTask[][] = [];
  for (let i = 0; i < tasks.length; i += CHUNK) chunks.push(tasks.slice(i, i + CHUNK));
  const count = Math.max(1, Math.min(opts.workers, chunks.length));
  return new Promise((resolve, reject) => {
    let remaining = tasks.length;
    let next = 0;
    let failed = false;
    const workers: Worker[] = [];
    const stop = () => Promise.all(workers.map((w) => w.terminate()));
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      void stop().finally(() => reject(e instanceof Error ? e : new Error(String(e))));
    };
    const feed = (w: Worker) => {
      if (next < chunks.length) w.postMessage(chunks[next++]);
    };
    if (remaining === 0) return resolve();
    // The vocabulary this thread loaded (and checked) goes to every worker with its settings.
    const extractorOptions = opts.extractorOptions ?? {};
    const settings: WorkerSettings = {
      extractorOptions,
      maxFileBytes: opts.maxFileBytes,
      vocabulary: vocabularyData(extractorOptions.vocabularyDir ?? DEFAULT_VOCABULARY_DIR),
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(BOOTSTRAP, {
        eval: true,
        workerData: settings,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      workers.push(w);
      w.on('message', (results: { index: number; outcome: WireOutcome }[]) => {
        if (failed) return;
        try {
          for (const r of results) opts.onResult(r.index, fromWire(r.outcome));
        } catch (e) {
          return fail(e);
        }
        remaining -= results.length;
        if (remaining === 0) {
          failed = true; // nothing more to report: later exits are expected
          void stop().then(() => resolve(), reject);
        } else feed(w);
      });
      w.on('error', (e) => fail(new Error(`ingest worker failed: ${e.message}`, { cause: e })));
      w.on('exit', (code) => {
        if (!failed && code !== 0) fail(new Error(`ingest worker exited with code ${code}`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}
