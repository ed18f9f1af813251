// Test support: a throwaway, REAL Neo4j server for Vitest suites that talk Bolt.
//
// Owns: picking a free port and a fresh temp data dir, starting/stopping/killing/restarting the server via
// scripts/neo4j/runtime.ts, and the skip policy: without Java/Maven a suite is skipped with one clear line,
// except in CI (CI=true), where a skip would hide a broken setup and therefore throws.
// NEO4J_TEST_URI (+ NEO4J_TEST_USER / NEO4J_TEST_PASSWORD / NEO4J_TEST_DATABASE) points the suites at an
// existing server instead; such a server is not ours, so kill() and restart() are refused.

import fs from 'node:fs';
import {
  fetchNeo4jJars,
  freePort,
  javaAvailable,
  makeTempDataDir,
  startNeo4j,
  type Neo4jServer,
} from '../../scripts/neo4j/runtime.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** false for an external server given by NEO4J_TEST_URI: kill() and restart() then throw. */
  managed: boolean;
  /** Graceful stop; also deletes the temp data dir (set NEO4J_KEEP_TEST_DATA=1 to keep it). Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL the JVM (crash simulation). The data dir is kept for restart(). */
  kill(): void;
  /** Starts the server again on the same data dir and port, after waiting for a killed/stopped JVM to exit. */
  restart(): Promise<void>;
}

const TEST_PASSWORD = 'test-password-neo4j';
/** Smaller than the dev server: tests share two cores and memory with other suites. */
const TEST_HEAP = '512m';
const TEST_PAGECACHE = '256m';

export async function startTestNeo4j(): Promise<TestNeo4j | null> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    return {
      uri: external,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
      managed: false,
      stop: async () => undefined,
      kill: () => {
        throw new Error('kill() is not available for an external server (NEO4J_TEST_URI)');
      },
      restart: async () => {
        throw new Error('restart() is not available for an external server (NEO4J_TEST_URI)');
      },
    };
  }

  const available = javaAvailable();
  if (!available.ok) {
    const reason = available.reason ?? 'Java/Maven unavailable';
    if (process.env.CI === 'true') throw new Error(`Neo4j suite cannot run in CI: ${reason}`);
    console.warn(`Neo4j suite skipped: ${reason}`);
    return null;
  }

  await fetchNeo4jJars();
  const dataDir = makeTempDataDir();
  const port = await freePort();
  const launch = (): Promise<Neo4jServer> =>
    startNeo4j({ dataDir, port, password: TEST_PASSWORD, heap: TEST_HEAP, pagecache: TEST_PAGECACHE });

  let server: Neo4jServer;
  try {
    server = await launch();
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  let stopped = false;
  return {
    uri: server.uri,
    user: 'neo4j',
    password: TEST_PASSWORD,
    database: 'neo4j',
    managed: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (process.env.NEO4J_KEEP_TEST_DATA !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => server.kill(),
    restart: async () => {
      if (stopped) throw new Error('restart() after stop(): the data dir is gone');
      // Graceful if still running; after kill() this only waits for the JVM to be gone, which releases the
      // store lock and the port.
      await server.stop();
      server = await launch();
    },
  };
}
