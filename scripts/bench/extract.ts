/**
 * Benchmark: extraction throughput on the synthetic corpus with the vocabulary loaded, against parsing
 * alone over the same chapters in the same run. Vocabulary load and jieba's dictionary are timed apart
 * (once per process). Prints MB/s for both, the ratio of extraction time to parsing time (target ≤ 2×),
 * the first (cold) pass against a warm one, and what the extractor found.
 * `npm run bench:extract -- [--chapters N] [--seed S] [--rounds R]`
 */
import { parseArgs } from 'node:util';
import { synthCorpus } from '../synth-corpus';
import { decodeSource } from '../../server/ingest/source-file';
import { parseChapter, type ParsedChapter } from '../../server/ingest/chapter';
import { createExtractor } from '../../server/extract/extractor';
import { getVocabulary } from '../../server/extract/vocabulary';
import { segment } from '../../server/text/chinese';

const { values } = parseArgs({
  options: {
    chapters: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
  },
});
const chapters = Number(values.chapters);
const seed = Number(values.seed);
const rounds = Math.max(1, Number(values.rounds));

const files = synthCorpus({ chapters, seed }).filter((c) => c.path.endsWith('.md'));
const sources = files.map((f) => decodeSource(f.path, Buffer.from(f.content, 'utf8')));
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0);
const mb = bytes / 1048576;
const zh = files.filter((f) => f.lang === 'zh').length;
console.log(`corpus: ${files.length} chapters (${zh} zh, ${files.length - zh} en), ${mb.toFixed(2)} MB (seed ${seed})`);

// One-time costs, apart: the vocabulary (read, checked, compiled) and jieba's dictionary.
let t = performance.now();
const vocab = getVocabulary();
const vocabMs = performance.now() - t;
t = performance.now();
segment('预热');
const jiebaMs = performance.now() - t;
const extractor = createExtractor();

// Warm-up round (JIT), then the best of `rounds` for each side, interleaved so both see the same machine.
const parseAll = (): ParsedChapter[] => sources.map((s) => parseChapter(s));
// The warm-up is also the cold figure: what a fresh thread (an ingest worker) pays while V8 compiles.
t = performance.now();
for (const c of parseAll()) extractor(c);
const coldMs = performance.now() - t;
let parseMs = Infinity;
let bothMs = Infinity;
let stats = { concepts: 0, mentions: 0, relations: 0, claims: 0 };
for (let r = 0; r < rounds; r++) {
  t = performance.now();
  parseAll();
  parseMs = Math.min(parseMs, performance.now() - t);
  t = performance.now();
  const s = { concepts: 0, mentions: 0, relations: 0, claims: 0 };
  for (const c of parseAll()) {
    const x = extractor(c);
    s.concepts += x.concepts.size;
    s.mentions += x.mentions.length;
    s.relations += x.relations.length;
    s.claims += c.claims.length;
  }
  bothMs = Math.min(bothMs, performance.now() - t);
  stats = s;
}

const row = (k: string, v: string) => console.log(`${k.padEnd(30)}${v}`);
const rate = (ms: number) => `${(ms / 1000).toFixed(2)} s  ${(mb / (ms / 1000)).toFixed(2)} MB/s`;
row('vocabulary load (once)', `${vocabMs.toFixed(0)} ms  ${vocab.concepts.size} concepts, ${vocab.byKey.size} forms`);
row('jieba dictionary (once)', `${jiebaMs.toFixed(0)} ms`);
row('parse only', rate(parseMs));
row('parse + extract', rate(bothMs));
row(
  'parse + extract, first pass',
  `${rate(coldMs)}  (V8 still compiling: ${(coldMs / bothMs).toFixed(2)}× a warm pass)`,
);
row('extract alone', rate(bothMs - parseMs));
// The ratio is extraction's own to parsing's: extraction time over parsing time (target ≤ 2×).
row('ratio extract/parse', `${((bothMs - parseMs) / parseMs).toFixed(2)}×  (target ≤ 2×)`);
row('ratio (parse+extract)/parse', `${(bothMs / parseMs).toFixed(2)}×`);
row(
  'found',
  `${stats.claims} claims, ${stats.mentions} mentions, ${stats.concepts} chapter concepts, ${stats.relations} relations`,
);
