/**
 * An ingest worker thread: runs chapter jobs with its own extractor (on the vocabulary the ingest's thread
 * loaded) and sends each result back with the fragment already serialised (its bytes transferred, not
 * copied). See prepare-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor } from '../extract/extractor';
import { adoptVocabulary, DEFAULT_VOCABULARY_DIR } from '../extract/vocabulary';
import { encodeFragment } from '../store/encoded-fragment';
import { runChapterJob, type ChapterJob } from './chapter-job';
import type { WireOutcome, WorkerSettings } from './prepare-pool';

const settings = workerData as WorkerSettings;
if (settings.vocabulary)
  adoptVocabulary(settings.extractorOptions.vocabularyDir ?? DEFAULT_VOCABULARY_DIR, settings.vocabulary);
const extractor = createExtractor(settings.extractorOptions);

parentPort!.on('message', (tasks: { index: number; job: ChapterJob; knownHash?: string }[]) => {
  const results: { index: number; outcome: WireOutcome }[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const t of tasks) {
    const o = runChapterJob(t.job, { extractor, knownHash: t.knownHash, maxFileBytes: settings.maxFileBytes });
    let outcome: WireOutcome;
    if ('skipped' in o) outcome = o;
    else if ('errors' in o) {
      outcome = {
        bytes: o.bytes,
        errors: o.errors.map((e) => ({ path: e.path, position: e.position, detail: e.detail })),
      };
    } else {
      const built = o.built ? encodeFragment(o.built.documentId, o.built.hash, o.built.graph) : undefined;
      if (built) transfer.push(built.json.buffer as ArrayBuffer);
      outcome = { bytes: o.bytes, built, warnings: o.warnings };
    }
    results.push({ index: t.index, outcome });
  }
  parentPort!.postMessage(results, transfer);
});
