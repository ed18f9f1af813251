/**
 * Benchmark: the synthetic corpus (default 2,000 chapters) written into a fresh local Neo4j against the
 * embedded store, in the same run from the same prepared fragments (reading and parsing the files is left
 * out of both). Neo4j gets the store's transactions, as `npm run ingest` does: whole chapters, as many as fit
 * in its row budget (`--group-rows 1`: one chapter per transaction; no chapter is ever split). Prints nodes/s
 * and relationships/s for each store, counted in each store after the run (for Neo4j by Cypher counts in
 * the database), the ratio, the CPU time of the Neo4j server (also by threads: query workers, JIT compiler,
 * GC, full-text indexing — a fresh JVM spends much of a run compiling) and of this process, and whether
 * Neo4j reaches the target of 20,000 relationships/s. The timed part ends when the store's apply() returns,
 * which includes waiting for the eventually consistent full-text indexes to take every update. Both stores
 * must end with the same counts. Also prints how many transaction attempts were planned ahead from the read
 * the one before made (writer.ts writeAhead) and how many read for themselves (the first, and any written
 * again because that read no longer held).
 *
 * `npm run bench:neo4j -- [--chapters N] [--seed S] [--group-rows R] [--heap 2g] [--pagecache 2g] [--warm-up N] [--profile] [--jfr FILE]`
 *   --group-rows  nodes + edges per write transaction (whole chapters); default the store's (30,000)
 *   --warm-up     first write N other synthetic chapters and delete them again, untimed, so that the timed run
 *                 meets a server whose JVM has compiled Neo4j's code, as a long-running server has (default 0:
 *                 a fresh server, the stricter figure; the README and the notes give both)
 *   --profile     also print where Neo4j's time goes, per statement (statements then run one by one)
 *   --jfr FILE    record the server with Java Flight Recorder into FILE (read it with `jfr print` / `jfr summary`)
 * Set NEO4J_BENCH_URI (+ NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE) to use an existing, EMPTY server instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { createExtractor } from '../../server/extract/extractor';
import { prepare } from '../../server/ingest/prepare';
import type { IngestBatch, StoreStats } from '../../server/store/graph-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store';
import { NODE_LABEL } from '../../server/store/neo4j/schema';
import { Cypher } from '../../server/store/neo4j/session';
import { freePort, javaAvailable, startNeo4j, type Neo4jServer } from '../neo4j/runtime';
import { writeSynthCorpus } from '../synth-corpus';
import { threadsOf } from './threads';

const TARGET_RELS_PER_S = 20_000;

const { values } = parseArgs({
  options: {
    chapters: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'group-rows': { type: 'string' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '2g' },
    profile: { type: 'boolean', default: false },
    'warm-up': { type: 'string', default: '0' },
    jfr: { type: 'string' },
  },
});
const chapters = Number(values.chapters);
const seed = Number(values.seed);
const groupRows = values['group-rows'] ? Number(values['group-rows']) : undefined;
const warmUp = Number(values['warm-up']);

/** CPU seconds a process has used (Linux /proc; null elsewhere), to read the figures on a busy machine. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
/**
 * CPU seconds of a process's threads, grouped by what they do (Linux /proc; empty elsewhere): on a fresh JVM
 * the JIT compiler and the garbage collector take a large share next to the threads running the queries.
 */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const { name, cpu } of threadsOf(pid)) {
    const group = /Compiler/.test(name)
      ? 'JIT compiler'
      : /^(GC|G1|VM Thread)/.test(name)
        ? 'GC'
        : /BoltWork/.test(name)
          ? 'queries (Bolt workers)'
          : /BoltNetw/.test(name)
            ? 'Bolt network'
            : /IndexUpda|Lucene/.test(name)
              ? 'full-text indexing'
              : 'other';
    out.set(group, (out.get(group) ?? 0) + cpu);
  }
  return out;
}
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const total = (s: StoreStats) => ({
  nodes: Object.values(s.nodes).reduce((a, b) => a + b, 0),
  edges: Object.values(s.edges).reduce((a, b) => a + b, 0),
});
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const row = (k: string, v: string) => console.log(`${k.padEnd(30)}${v}`);

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
let server: Neo4jServer | null = null;
try {
  // ---- the fragments, prepared once ----
  const corpus = path.join(work, 'corpus');
  const { files, bytes } = await writeSynthCorpus(corpus, { chapters, seed, appendices: true });
  let t = performance.now();
  const extractor = createExtractor();
  const prepared = await prepare([corpus], { extractor });
  if (prepared.errors.length) throw new Error(`bench: the synthetic corpus has errors: ${prepared.errors[0]!.message}`);
  console.log(
    `corpus: ${chapters} chapters, ${files} files, ${(bytes / 1048576).toFixed(1)} MB (seed ${seed}); ` +
      `prepared in ${secs(performance.now() - t)}`,
  );
  const batch: IngestBatch = { upsert: prepared.fragments, remove: [], problems: prepared.problems };

  // ---- baseline: the embedded store (apply, then build the merged graph its reads use) ----
  // (In a function of its own: only the figures outlive it, so the store's merged graph is not still in this
  // process's heap, making every collection slower, while Neo4j is written, as it would not be in an ingest.)
  const { embeddedMs, counts } = await (async () => {
    const embedded = new EmbeddedStore(path.join(work, 'embedded'));
    await embedded.open();
    const t0 = performance.now();
    await embedded.apply(batch);
    const embeddedStats = await embedded.stats();
    const ms = performance.now() - t0;
    await embedded.close();
    return { embeddedMs: ms, counts: total(embeddedStats) };
  })();

  // ---- Neo4j: a fresh local server, or the empty one NEO4J_BENCH_URI names ----
  let connection;
  if (process.env.NEO4J_BENCH_URI) {
    connection = {
      uri: process.env.NEO4J_BENCH_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
  } else {
    const java = javaAvailable();
    if (!java.ok) throw new Error(`bench: cannot start a local Neo4j: ${java.reason}`);
    const password = 'bench-password';
    server = await startNeo4j({
      dataDir: path.join(work, 'neo4j'),
      port: await freePort(),
      password,
      heap: values.heap,
      pagecache: values.pagecache,
      jvmFlags: values.jfr ? [`-XX:StartFlightRecording=filename=${path.resolve(values.jfr)},settings=profile`] : [],
    });
    console.log(`neo4j: ${server.info.version} on ${server.uri}, heap ${values.heap}, page cache ${values.pagecache}`);
    connection = { uri: server.uri, user: 'neo4j', password, database: 'neo4j' };
  }
  if (warmUp > 0) {
    // Untimed: other chapters written and deleted again, so the JVM has compiled Neo4j's code paths.
    const warmCorpus = path.join(work, 'warm-corpus');
    await writeSynthCorpus(warmCorpus, { chapters: warmUp, seed: seed + 1000, appendices: true });
    const warmBatch = await prepare([warmCorpus], { extractor });
    const warm = new Neo4jStore(connection, { groupRows });
    await warm.open();
    t = performance.now();
    await warm
      .apply({ upsert: warmBatch.fragments, remove: [], problems: warmBatch.problems })
      .finally(() => warm.close());
    const warmMs = performance.now() - t;
    // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
    const session = driver.session({ database: connection.database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
      await driver.close();
    }
    console.log(`warm-up: ${warmUp} other chapters written in ${secs(warmMs)} and deleted again (untimed)`);
  }
  const profile = new Map<string, { ms: number; n: number }>();
  let done = 0;
  let transactions = 0;
  /** Transaction attempts: planned ahead (writer.ts writeAhead), or reading for themselves. */
  const attempts = { ahead: 0, read: 0 };
  const store = new Neo4jStore(connection, {
    groupRows,
    onCommit: (docs) => {
      done += docs.length;
      transactions++;
    },
    hooks: {
      transaction: (_docs, ahead) => (ahead ? attempts.ahead++ : attempts.read++),
      profile: values.profile
        ? (statement, ms) => {
            const p = profile.get(statement) ?? { ms: 0, n: 0 };
            p.ms += ms;
            p.n++;
            profile.set(statement, p);
          }
        : undefined,
    },
  });
  await store.open();
  try {
    if ((await store.documentHashes()).size) throw new Error('bench: the Neo4j database is not empty');
    const progress = setInterval(() => {
      console.error(`  neo4j: ${done} / ${batch.upsert.length} chapters committed`);
    }, 10_000);
    const cpu0 = { jvm: server ? cpuSeconds(server.pid) : null, node: nodeCpu() };
    const threads0 = server ? threadCpu(server.pid) : new Map<string, number>();
    t = performance.now();
    try {
      await store.apply(batch);
    } finally {
      clearInterval(progress);
    }
    const neo4jMs = performance.now() - t;
    const jvmCpu = server && cpu0.jvm !== null ? (cpuSeconds(server.pid) ?? cpu0.jvm) - cpu0.jvm : null;
    const clientCpu = nodeCpu() - cpu0.node;
    const threads = server ? threadCpu(server.pid) : new Map<string, number>();
    // Counted in the database, not taken from the embedded store.
    const admin = new Cypher(connection);
    const [counted] = await admin
      .read(
        `CALL () { MATCH (n) WHERE n:${Object.values(NODE_LABEL).join(' OR n:')} RETURN count(n) AS nodes }
         CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
         RETURN nodes, rels`,
      )
      .finally(() => admin.close());
    const neo = { nodes: Number(counted!.nodes), edges: Number(counted!.rels) };
    const neo4jStats = await store.stats();
    const same =
      JSON.stringify(total(neo4jStats)) === JSON.stringify(counts) && JSON.stringify(neo) === JSON.stringify(counts);

    console.log('');
    row('stored (embedded)', `${counts.nodes} nodes, ${counts.edges} relationships (${batch.upsert.length} chapters)`);
    row(
      'stored (neo4j, counted)',
      `${neo.nodes} nodes, ${neo.edges} relationships in ${transactions} transactions ` +
        `(attempts: ${attempts.ahead} planned ahead, ${attempts.read} reading for themselves)`,
    );
    row(
      'embedded store',
      `${secs(embeddedMs)}  ${rate(counts.nodes, embeddedMs)} nodes/s  ${rate(counts.edges, embeddedMs)} relationships/s`,
    );
    row(
      'neo4j store',
      `${secs(neo4jMs)}  ${rate(neo.nodes, neo4jMs)} nodes/s  ${rate(neo.edges, neo4jMs)} relationships/s`,
    );
    if (jvmCpu !== null) {
      row(
        'neo4j store, CPU time',
        `server ${jvmCpu.toFixed(1)} s + client ${clientCpu.toFixed(1)} s: ` +
          `${Math.round(neo.edges / (jvmCpu + clientCpu))} relationships per CPU-second ` +
          `(load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores during the run)`,
      );
    }
    if (threads.size) {
      const split = [...threads]
        .map(([group, t]) => [group, t - (threads0.get(group) ?? 0)] as const)
        .sort((a, b) => b[1] - a[1])
        .map(([group, t]) => `${group} ${t.toFixed(1)} s`);
      row('neo4j server CPU by threads', split.join(', '));
    }
    row('ratio neo4j / embedded', `${(embeddedMs / neo4jMs).toFixed(2)}× the embedded store's throughput`);
    const relsPerS = rate(neo.edges, neo4jMs);
    row(
      'target',
      `${relsPerS} relationships/s ${relsPerS >= TARGET_RELS_PER_S ? '≥' : '<'} ${TARGET_RELS_PER_S} ` +
        `(${relsPerS >= TARGET_RELS_PER_S ? 'met' : 'NOT met'})`,
    );
    row(
      'same counts in both stores',
      same ? 'yes' : `NO: neo4j ${JSON.stringify(neo)}, stats ${JSON.stringify(total(neo4jStats))}`,
    );
    if (values.profile) {
      console.log('\nneo4j time per statement (statements run one by one while profiling):');
      for (const [s, p] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
        console.log(`${secs(p.ms).padStart(9)}  ${String(p.n).padStart(5)}×  ${s.slice(0, 110)}`);
      }
    }
    if (!same) process.exitCode = 1;
  } finally {
    await store.close();
  }
} finally {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
