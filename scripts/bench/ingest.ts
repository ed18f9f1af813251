/**
 * Benchmark: a synthetic corpus (default 2,000 chapters) ingested into a fresh embedded store, against a
 * parse-only baseline over the same files in the same process. Prints MB/s, claims/s, peak memory and the
 * ratio. `npm run bench:ingest -- [--chapters N] [--seed S]`
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
let t = performance.now();
let claims = 0;
for (const f of inputs.chapters) claims += parseChapter(decodeSource(f, readFileSync(f))).claims.length;
const parseMs = performance.now() - t;

// The real thing: the whole pipeline into a fresh embedded store.
const storeDir = path.join(work, 'store');
const store = new EmbeddedStore(storeDir);
await store.open();
const extractor = createExtractor();
t = performance.now();
const summary = await ingestInto(store, [corpus], { extractor });
const ingestMs = performance.now() - t;
clearInterval(sampler);
const maxRss = Math.max(peak.rss, process.resourceUsage().maxRSS * 1024);

const row = (k: string, v: string) => console.log(`${k.padEnd(28)}${v}`);
row(
  'parse only',
  `${(parseMs / 1000).toFixed(2)} s  ${(mb / (parseMs / 1000)).toFixed(2)} MB/s  ${(claims / (parseMs / 1000)).toFixed(0)} claims/s`,
);
row(
  'ingest (embedded store)',
  `${(ingestMs / 1000).toFixed(2)} s  ${(mb / (ingestMs / 1000)).toFixed(2)} MB/s  ${(summary.claims / (ingestMs / 1000)).toFixed(0)} claims/s`,
);
row('ratio ingest / parse', `${(ingestMs / parseMs).toFixed(2)}×  (target ≤ 3×)`);
row('throughput target', `${(mb / (ingestMs / 1000)).toFixed(2)} MB/s (target ≥ 2 MB/s)`);
row('peak memory (RSS)', `${(maxRss / 1048576).toFixed(0)} MiB (target ≤ 1536 MiB)`);
row(
  'stored',
  `${summary.chapters.ingested} chapters, ${summary.claims} claims, ${summary.citations} citations, ${summary.relations} relations`,
);
if (summary.errors.length) console.log(`errors: ${summary.errors.length}, first: ${summary.errors[0]!.message}`);
rmSync(work, { recursive: true, force: true });
