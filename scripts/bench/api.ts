/**
 * Benchmark: the API over the embedded store holding a synthetic corpus (default 2,000 chapters). For
 * search, concept, neighbourhood (depth 2) and paths (k = 3) it measures the service called directly in
 * this process (the baseline), then the same requests over HTTP with autocannon (50 connections, run in a
 * worker thread so it does not share the server's event loop), once computing every answer and once with
 * the response cache on, and prints req/s, p50 / p99 latency, the ratio to the baseline and the targets
 * (checked on the cached server, which is what `npm start` runs; exit code 1 when one is missed). `npm run bench:api -- [--chapters N] [--seed S] [--duration SEC]
 * [--connections N] [--store DIR] [--only search,concept,neighbourhood,paths] [--neo4j]` (`--store` reuses a store
 * built by an earlier run instead of ingesting; `--neo4j` ingests the same corpus into a local Neo4j started
 * for the run and measures the API over it instead, every answer computed: that store keeps no cache).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp, createServices } from '../../server/api/app';
import { listen } from '../../server/api/index';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import type { GraphExport } from '../../server/model/types';
import { DEFAULTS } from '../../server/services/limits';
import { EmbeddedStore } from '../../server/store/embedded-store';
import type { GraphStore } from '../../server/store/graph-store';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store';
import { freePort, javaAvailable, startNeo4j, type Neo4jServer } from '../neo4j/runtime';
import { mulberry32, writeSynthCorpus } from '../synth-corpus';

const { values } = parseArgs({
  options: {
    chapters: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    store: { type: 'string' },
    only: { type: 'string' },
    neo4j: { type: 'boolean', default: false },
  },
});
const chapters = Number(values.chapters);
const seed = Number(values.seed);
const duration = Number(values.duration);
const connections = Number(values.connections);

// Seeded, so every run samples the same requests.
const random = mulberry32(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

// ---- the store -----------------------------------------------------------------------------------------

let work: string | null = null;
let storeDir = values.store;
if (!storeDir || !existsSync(path.join(storeDir, 'manifest.json'))) {
  work = mkdtempSync(path.join(os.tmpdir(), 'bench-api-'));
  const corpus = path.join(work, 'corpus');
  const { files, bytes } = await writeSynthCorpus(corpus, { chapters, seed, appendices: true });
  console.log(`corpus: ${chapters} chapters, ${files} files, ${(bytes / 1048576).toFixed(1)} MB (seed ${seed})`);
  storeDir ??= path.join(work, 'store');
  const builder = new EmbeddedStore(storeDir);
  await builder.open();
  const t = performance.now();
  const summary = await ingestInto(builder, [corpus], { extractor: createExtractor() });
  console.log(`ingest: ${((performance.now() - t) / 1000).toFixed(1)} s, ${summary.errors.length} errors`);
}
const store = new EmbeddedStore(storeDir);
const t0 = performance.now();
await store.open();
store.warmUp();
console.log(`store: opened and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// With --neo4j the same corpus goes into a local Neo4j, and that is the store measured (the embedded one
// still samples the requests: both hold the same graph).
let measured: GraphStore = store;
let neo4j: { server: Neo4jServer; store: Neo4jStore; dir: string } | null = null;
if (values.neo4j) {
  const java = javaAvailable();
  if (!java.ok) throw new Error(`bench: cannot start a local Neo4j: ${java.reason}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-api-neo4j-'));
  const corpus = path.join(dir, 'corpus');
  await writeSynthCorpus(corpus, { chapters, seed, appendices: true });
  const password = 'bench-password';
  const server = await startNeo4j({
    dataDir: path.join(dir, 'neo4j'),
    port: await freePort(),
    password,
    heap: '2g',
    pagecache: '2g',
  });
  const neo = new Neo4jStore({ uri: server.uri, user: 'neo4j', password, database: 'neo4j' });
  await neo.open();
  neo4j = { server, store: neo, dir };
  const t = performance.now();
  const summary = await ingestInto(neo, [corpus], { extractor: createExtractor() });
  console.log(
    `neo4j: ${server.info.version}, ingested in ${((performance.now() - t) / 1000).toFixed(1)} s, ${summary.errors.length} errors`,
  );
  measured = neo;
}

// ---- the requests, sampled once --------------------------------------------------------------------------

const concepts: { key: string; label: string; en?: string }[] = [];
const claimTexts: string[] = [];
const adjacency = new Map<string, string[]>();
{
  // The full export is only needed to sample requests: let it go before measuring (it is most of the heap).
  const graph: GraphExport = await store.exportGraph();
  for (const n of graph.nodes) {
    const a = n.attributes!;
    if (a.kind === 'concept') concepts.push({ key: n.key, label: a.label, en: a.labels.en });
    else if (a.kind === 'claim' && a.lang === 'en' && claimTexts.length < 20_000) claimTexts.push(a.text);
  }
  let relations = 0;
  for (const e of graph.edges) {
    if (e.attributes?.kind !== 'relation') continue;
    relations++;
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      const list = adjacency.get(a) ?? [];
      list.push(b);
      adjacency.set(a, list);
    }
  }
  console.log(
    `graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${concepts.length} concepts, ${relations} relations, ${adjacency.size} concepts with relations`,
  );
}
const related = [...adjacency.keys()].sort();
if (related.length === 0) console.log('warning: no relations: neighbourhood and paths have nothing to walk');

const SAMPLES = 200;
const conceptKeys = Array.from({ length: SAMPLES }, () => pick(concepts).key);
const hoodKeys = Array.from({ length: SAMPLES }, () => pick(related.length ? related : conceptKeys));
const pathPairs = Array.from({ length: SAMPLES / 2 }, () => {
  // A random walk of 2–4 steps ends somewhere a path leads to (when it does not come back).
  const from = pick(related.length ? related : conceptKeys);
  let to = from;
  for (let i = 0, steps = 2 + Math.floor(random() * 3); i < steps; i++) to = pick(adjacency.get(to) ?? [to]);
  if (to === from) to = pick(related.length ? related : conceptKeys);
  return { from, to };
}).filter((p) => p.from !== p.to);
const words = (s: string) => s.split(/[^A-Za-z]+/).filter((w) => w.length > 3);
const typo = (w: string) => {
  const i = 1 + Math.floor(random() * (w.length - 2));
  return w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2);
};
const queries = Array.from({ length: SAMPLES }, (_, i) => {
  const c = pick(concepts);
  const en = c.en ?? c.label;
  switch (i % 5) {
    case 0:
      return c.label;
    case 1:
      return en.slice(0, Math.max(3, Math.min(6, en.length)));
    case 2: {
      const w = words(en).find((x) => x.length >= 5);
      return w ? typo(w.toLowerCase()) : en;
    }
    case 3: {
      const ws = words(pick(claimTexts.length ? claimTexts : [en]));
      const at = Math.floor(random() * Math.max(1, ws.length - 1));
      return ws.slice(at, at + 2).join(' ') || en;
    }
    default:
      return en;
  }
}).filter((q) => q.trim().length > 0);

const services = createServices(measured);
interface Scenario {
  name: string;
  urls: string[];
  direct: ((i: number) => Promise<unknown>)[];
  p99TargetMs?: number;
  rpsTarget?: number;
}
const enc = encodeURIComponent;
const scenarios: Scenario[] = [
  {
    name: 'search',
    urls: queries.map((q) => `/api/search?q=${enc(q)}&limit=20`),
    direct: queries.map((q) => () => services.explorer.search(q, { limit: 20 })),
  },
  {
    name: 'concept',
    urls: conceptKeys.map((k) => `/api/concepts/${enc(k)}`),
    direct: conceptKeys.map(
      (k) => () =>
        services.explorer.concept(k, { offset: 0, limit: DEFAULTS.mentionsPageSize }, DEFAULTS.relationsPerPredicate),
    ),
    p99TargetMs: 50,
    rpsTarget: 2000,
  },
  {
    name: 'neighbourhood depth 2',
    urls: hoodKeys.map((k) => `/api/concepts/${enc(k)}/neighborhood?depth=2`),
    direct: hoodKeys.map(
      (k) => () =>
        services.explorer.neighborhood(k, 2, { limit: DEFAULTS.neighborhoodNodes }, DEFAULTS.neighborhoodEdges),
    ),
    p99TargetMs: 50,
  },
  {
    name: 'paths k=3',
    urls: pathPairs.map((p) => `/api/paths?from=${enc(p.from)}&to=${enc(p.to)}&k=3`),
    direct: pathPairs.map(
      (p) => () =>
        services.explorer.paths(
          { from: p.from, to: p.to, k: 3, maxLength: DEFAULTS.pathLength },
          DEFAULTS.evidencePerHop,
        ),
    ),
    p99TargetMs: 150,
  },
];

// ---- measuring -------------------------------------------------------------------------------------------

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Calls the service one request after another for `seconds`; the baseline without HTTP. */
async function direct(s: Scenario, seconds: number) {
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  let i = 0;
  const start = performance.now();
  while (performance.now() < end || lat.length < 100) {
    const t = performance.now();
    await s.direct[i++ % s.direct.length]!(i);
    lat.push(performance.now() - t);
  }
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { rps: lat.length / elapsed, p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
}

// Request logs are written as in production, to /dev/null: their cost is part of the measurement.
const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
const serve = (responseCache: boolean) =>
  listen(
    createApp({ store: measured, logger, clientDir: null, responseCache, config: { RATE_LIMIT_PER_MINUTE: 1e9 } }),
    { port: 0, host: '127.0.0.1', store: measured, logger },
  );
const uncached = await serve(false);
const cached = await serve(true);

async function overHttp(url: string, s: Scenario, seconds: number) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    workers: 1,
    requests: s.urls.map((p) => ({ method: 'GET' as const, path: p })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts a timeout as an error too: the column is answers other than 2xx plus failed
    // requests, each counted once; the note under the row says which.
    errors: result.non2xx + result.errors,
    detail: [
      ...Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, v]) => `${v.count ?? 0} × ${code}`),
      ...(result.timeouts ? [`${result.timeouts} timed out (no answer in 10 s)`] : []),
      ...(result.errors > result.timeouts ? [`${result.errors - result.timeouts} connection errors`] : []),
    ].join(', '),
  };
}

const fmt = (x: number, d = 1) => x.toFixed(d).padStart(8);
// Other processes on the machine slow both measurements: print the load so a reader can judge.
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`\n${measured.kind} store; ${os.cpus().length} CPUs, load average ${load()} before the runs`);
console.log(
  `${connections} connections, ${duration} s per scenario over HTTP; direct = the service called in this process, one call at a time;`,
);
console.log('HTTP = every answer computed; cached = the response cache on (answers kept until the data changes)\n');
console.log(
  `${'scenario'.padEnd(24)}${'mode'.padEnd(8)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'non-2xx'.padStart(9)}${'direct ÷'.padStart(10)}  target`,
);
let failed = false;
const only = values.only?.split(',').map((x) => x.trim().toLowerCase());
for (const s of scenarios.filter((x) => !only || only.some((o) => x.name.toLowerCase().startsWith(o)))) {
  const d = await direct(s, Math.min(3, duration));
  const row = (mode: string, rps: number, p50: number, p99: number, errors: string, ratio: string, target: string) =>
    console.log(
      `${s.name.padEnd(24)}${mode.padEnd(8)}${fmt(rps, 0)}${fmt(p50, 2).padStart(9)}${fmt(p99, 2).padStart(9)}${errors.padStart(9)}${ratio.padStart(10)}  ${target}`,
    );
  row('direct', d.rps, d.p50, d.p99, '', '', '');
  const modes = [
    ['HTTP', uncached],
    ['cached', cached],
  ] as const;
  // Neo4j keeps no response cache: its "cached" server would compute every answer too.
  for (const [mode, server] of neo4j ? modes.slice(0, 1) : modes) {
    // Warm-up: JIT and connections; the cached server also gets every sample request once, so that it
    // is measured in its steady state (the cold answers cost what the HTTP row shows).
    await overHttp(server.url, s, 1);
    if (mode === 'cached') for (const u of s.urls) await fetch(`${server.url}${u}`).then((r) => r.arrayBuffer());
    const h = await overHttp(server.url, s, duration);
    const checks: string[] = [];
    if (s.p99TargetMs !== undefined) {
      const ok = h.p99 <= s.p99TargetMs;
      if (mode === 'cached') failed ||= !ok;
      checks.push(`p99 ≤ ${s.p99TargetMs} ms ${ok ? 'ok' : 'missed'}`);
    }
    if (s.rpsTarget !== undefined) {
      const ok = h.rps >= s.rpsTarget;
      if (mode === 'cached') failed ||= !ok;
      checks.push(`≥ ${s.rpsTarget} req/s ${ok ? 'ok' : 'missed'}`);
    }
    row(mode, h.rps, h.p50, h.p99, String(h.errors), `${(d.rps / h.rps).toFixed(2)}×`, checks.join(', '));
    if (h.detail) console.log(`${''.padEnd(32)}not 2xx: ${h.detail}`);
  }
}
console.log(`load average ${load()} after the runs`);
await uncached.close();
await cached.close();
if (neo4j) {
  await neo4j.store.close();
  await neo4j.server.stop();
  rmSync(neo4j.dir, { recursive: true, force: true });
}
if (work) rmSync(work, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
