// `npm run neo4j:start`: runs the local development Neo4j (no Docker) in the background.
//
// Owns: the dev server's lifecycle policy — one server per checkout, data in .neo4j/data, pid in
// .neo4j/neo4j.pid, launcher output in .neo4j/neo4j.log — and telling the user how to connect.
// The mechanics (jar fetch, JVM flags, waiting for Bolt) live in ./runtime.ts.
//
// Environment (all optional; .env is read if present): NEO4J_URI (only its port is used, the host must be local),
// NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_HEAP (default 1g), NEO4J_PAGECACHE (default 256m).

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  NEO4J_STATE_DIR,
  REPO_ROOT,
  boltAnswers,
  fetchNeo4jJars,
  isLauncherPid,
  javaAvailable,
  pidAlive,
  readNeo4jEnv,
  startNeo4j,
} from './runtime.js';

const PID_FILE = path.join(NEO4J_STATE_DIR, 'neo4j.pid');
const DATA_DIR = path.join(NEO4J_STATE_DIR, 'data');
const LOG_FILE = path.join(NEO4J_STATE_DIR, 'neo4j.log');

const SizeSchema = z
  .string()
  .regex(/^\d+[kmg]$/i, 'must be a JVM-style size such as 512m or 1g')
  .optional();

function loadDotEnv(): void {
  // Node >= 20.12 parses .env natively; variables already set in the shell win.
  const file = path.join(REPO_ROOT, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

function readPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  loadDotEnv();
  const env = readNeo4jEnv();
  const sizes = z.object({ NEO4J_HEAP: SizeSchema, NEO4J_PAGECACHE: SizeSchema }).parse(process.env);

  const url = new URL(env.uri);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    console.error(`NEO4J_URI points at ${url.host}, not this machine: there is nothing local to start.`);
    return 1;
  }
  const port = url.port ? Number(url.port) : 7687;
  const uri = `bolt://127.0.0.1:${port}`;
  // The launcher manages the password of the built-in `neo4j` user only.
  if (env.user !== 'neo4j') {
    console.error(`NEO4J_USER=${env.user}: the local server only sets up the built-in user "neo4j".`);
    return 1;
  }
  const credentials =
    env.source.password === 'env'
      ? 'user neo4j, password from NEO4J_PASSWORD'
      : `user neo4j, default local dev password "${env.password}" (set NEO4J_PASSWORD in .env to change it)`;

  const existing = readPid();
  if (existing !== null && pidAlive(existing) && isLauncherPid(existing)) {
    const res = await boltAnswers(uri, env.user, env.password, env.database);
    if (res.ok) {
      console.log(`Neo4j is already running (pid ${existing}) at ${uri}; ${credentials}.`);
      return 0;
    }
    console.error(
      `Neo4j process ${existing} is running but Bolt at ${uri} does not answer (${res.error}).\n` +
        `It may still be starting (see ${LOG_FILE}), or use other credentials; run \`npm run neo4j:stop\` to reset.`,
    );
    return 1;
  }
  if (existing !== null) fs.rmSync(PID_FILE, { force: true }); // stale: the process is gone

  const available = javaAvailable();
  if (!available.ok) {
    console.error(`Cannot start Neo4j: ${available.reason}`);
    return 1;
  }
  const fetched = await fetchNeo4jJars({ log: (m) => console.log(m) });
  if (fetched.fetched) console.log(`Fetched Neo4j jars into ${fetched.libDir} in ${(fetched.ms / 1000).toFixed(1)} s`);

  console.log(`Starting Neo4j on ${uri} (data: ${DATA_DIR}) ...`);
  const server = await startNeo4j({
    dataDir: DATA_DIR,
    port,
    password: env.password,
    heap: sizes.NEO4J_HEAP ?? '1g',
    pagecache: sizes.NEO4J_PAGECACHE ?? '256m',
    detached: true,
    logFile: LOG_FILE,
    pidFile: PID_FILE,
  });
  fs.writeFileSync(PID_FILE, `${server.pid}\n`);
  console.log(
    `Neo4j ${server.info.version} is up at ${uri} (pid ${server.pid}, ready in ${(server.readyMs / 1000).toFixed(1)} s, ` +
      `heap ${server.info.heapMaxMiB} MiB, page cache ${Math.round(server.info.pagecacheBytes / 2 ** 20)} MiB).`,
  );
  console.log(`Credentials: ${credentials}; database "${env.database}".`);
  console.log(`Logs: ${LOG_FILE} and ${path.join(DATA_DIR, 'logs', 'debug.log')}. Stop with \`npm run neo4j:stop\`.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
