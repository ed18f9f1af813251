/**
 * Benchmark: a synthetic corpus (default 2,000 chapters) ingested into a fresh embedded store, against a
 * parse-only baseline over the same files in the same process. Prints MB/s, claims/s, peak memory and the
 * ratio, for an ingest on one thread and one with worker threads, and where the latter's CPU time went (its
 * own thread, the workers, V8's compiler and collector helpers). `npm run bench:ingest -- [--chapters N] [--seed S]`
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSynthCorpus } from '../synth-corpus';
import { collectInputs } from '../../server/ingest/collect';
import { decodeSource } from '../../server/ingest/source-file';
import { parseChapter } from '../../server/ingest/chapter';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { ingestInto } from '../../server/ingest/ingest-service';
import { createExtractor } from '../../server/extract/extractor';
import { defaultWorkers } from '../../server/ingest/prepare-pool';
import { sampleThreads } from './threads';

const { values } = parseArgs({
  options: { chapters: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } },
});
const chapters = Number(values.chapters);
const seed = Number(values.seed);

const peak = { rss: 0 };
const sampler = setInterval(() => {
  peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
}, 20);

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
const corpus = path.join(work, 'corpus');
const { files, bytes } = await writeSynthCorpus(corpus, { chapters, seed, appendices: true });
const mb = bytes / 1048576;
console.log(`corpus: ${chapters} chapters, ${files} files, ${mb.toFixed(1)} MB (seed ${seed})`);

// Baseline: read, decode and parse every chapter, nothing else (read as the pipeline reads them).
const inputs = await collectInputs([corpus]);
const t = performance.now();
let claims = 0;
for (const f of inputs.chapters) claims += parseChapter(decodeSource(f, readFileSync(f))).claims.length;
const parseMs = performance.now() - t;

// The real thing: the whole pipeline into a fresh embedded store, with worker threads (one per core, as
// `npm run ingest` does) and then on this thread alone, each into its own store. Only figures are kept
// from a run, so the first one's graph is not in memory during the second; peak memory is the first's.
const extractor = createExtractor();
async function ingestRun(name: string, workers: number) {
  const store = new EmbeddedStore(path.join(work, name));
  await store.open();
  const t0 = performance.now();
  const {
    claims,
    citations,
    relations,
    chapters: c,
    errors,
  } = await ingestInto(store, [corpus], { extractor, workers });
  return { ms: performance.now() - t0, claims, citations, relations, ingested: c.ingested, errors };
}
const workers = Math.max(2, defaultWorkers(chapters));
const threads = sampleThreads();
const pooled = await ingestRun('store-n', workers);
const threadCpu = threads.stop();
const pooledRss = peak.rss;
const single = await ingestRun('store-1', 0);
clearInterval(sampler);
const maxRss = Math.max(peak.rss, process.resourceUsage().maxRSS * 1024);
const summary = pooled;

const row = (k: string, v: string) => console.log(`${k.padEnd(32)}${v}`);
const speed = (ms: number, n: number) =>
  `${(ms / 1000).toFixed(2)} s  ${(mb / (ms / 1000)).toFixed(2)} MB/s  ${(n / (ms / 1000)).toFixed(0)} claims/s`;
row('parse only (1 thread)', speed(parseMs, claims));
row('ingest, 1 thread', `${speed(single.ms, single.claims)}  ${(single.ms / parseMs).toFixed(2)}× parse`);
row(
  `ingest, ${workers} worker threads`,
  `${speed(pooled.ms, summary.claims)}  ${(pooled.ms / parseMs).toFixed(2)}× parse`,
);
if (threadCpu)
  row(
    `CPU of the ${workers}-worker ingest`,
    `${(threadCpu.main + threadCpu.started + threadCpu.others).toFixed(1)} s: own thread ${threadCpu.main.toFixed(1)} s, ` +
      `worker threads ${threadCpu.started.toFixed(1)} s, V8 helpers and others ${threadCpu.others.toFixed(1)} s`,
  );
row('ratio ingest / parse', `${(pooled.ms / parseMs).toFixed(2)}×  (target ≤ 3×; ${os.availableParallelism()} cores)`);
row('throughput target', `${(mb / (pooled.ms / 1000)).toFixed(2)} MB/s (target ≥ 2 MB/s)`);
row(
  'peak memory (RSS)',
  `${(pooledRss / 1048576).toFixed(0)} MiB with workers (target ≤ 1536 MiB); ${(maxRss / 1048576).toFixed(0)} MiB over the whole bench`,
);
row(
  'stored',
  `${summary.ingested} chapters, ${summary.claims} claims, ${summary.citations} citations, ${summary.relations} relations`,
);
const same = ['store-1', 'store-n'].map((d) => readFileSync(path.join(work, d, 'manifest.json'), 'utf8'));
row('same store both ways', same[0] === same[1] ? 'yes (identical manifests and chapter files)' : 'NO');
if (summary.errors.length) console.log(`errors: ${summary.errors.length}, first: ${summary.errors[0]!.message}`);
rmSync(work, { recursive: true, force: true });
