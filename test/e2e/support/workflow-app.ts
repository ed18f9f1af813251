/**
 * The real application for the reviewers' and educators' workflows: like app-server.ts (the corpus
 * ingested with the real extractor, server/api/app.ts serving the API and the built client on a free
 * port), plus the curation, saved-view and audit routers mounted at /api and their verdicts shown on the
 * graph answers, exactly as `npm start` wires them (server/api/workflows.ts) — with API_TOKEN set to
 * `token`, or read-only without one. Over a fresh embedded store in a temp folder, or over a Neo4j
 * database, which then holds the curation too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../../../server/api/app';
import { listen, type RunningServer } from '../../../server/api/index';
import { openWorkflows } from '../../../server/api/workflows';
import { loadConfig } from '../../../server/config';
import { createExtractor } from '../../../server/extract/extractor';
import { ingestInto, type IngestSummary } from '../../../server/ingest/ingest-service';
import { EmbeddedStore } from '../../../server/store/embedded-store';
import type { GraphStore } from '../../../server/store/graph-store';
import { Neo4jStore } from '../../../server/store/neo4j/neo4j-store';
import type { Neo4jConnection } from '../../../server/store/neo4j/session';
import { CLIENT_DIST, ensureClientBuilt } from './client-build';

export interface WorkflowApp {
  url: string;
  summary: IngestSummary;
  token: string | null;
  close(): Promise<void>;
}

/** Where the graph and the curation live: a temp folder each time, or a Neo4j database (shared). */
export type WorkflowBackend = { kind: 'embedded' } | { kind: 'neo4j'; connection: Neo4jConnection };

/**
 * Builds the client if needed, ingests `inputs` (keeping the parsed chapters for the report) and starts
 * the app. Over Neo4j a second app finds the chapters stored already: its summary reports them unchanged.
 */
export async function startWorkflowApp(
  inputs: string[],
  opts: { token: string | null; backend?: WorkflowBackend },
): Promise<WorkflowApp> {
  await ensureClientBuilt();
  const backend = opts.backend ?? { kind: 'embedded' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'textbook-graph-workflows-'));
  const storeDir = path.join(dir, 'store');
  const store: GraphStore = backend.kind === 'neo4j' ? new Neo4jStore(backend.connection) : new EmbeddedStore(storeDir);
  const neo4j =
    backend.kind === 'neo4j'
      ? {
          NEO4J_URI: backend.connection.uri,
          NEO4J_USER: backend.connection.user,
          NEO4J_PASSWORD: backend.connection.password,
          NEO4J_DATABASE: backend.connection.database,
        }
      : {};
  const config = loadConfig({ STORE_DIR: storeDir, API_TOKEN: opts.token ?? undefined, LOG_LEVEL: 'silent', ...neo4j });
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  await store.open();
  let summary: IngestSummary;
  try {
    summary = await ingestInto(store, inputs, { extractor: createExtractor(), keepParsed: true });
    if (summary.errors.length) {
      throw new Error(
        `e2e: ingest of ${inputs.join(', ')} failed:\n${summary.errors.map((e) => e.message).join('\n')}`,
      );
    }
  } catch (e) {
    await store.close();
    removeDir();
    throw e;
  }
  const workflows = await openWorkflows(store, config);
  const logger = pino({ level: 'silent' });
  const app = createApp({
    store,
    logger,
    clientDir: CLIENT_DIST,
    config: { RATE_LIMIT_PER_MINUTE: 100_000, API_TOKEN: config.API_TOKEN },
    apiRouters: workflows.routers,
    curation: workflows.curation,
  });
  let running: RunningServer;
  try {
    running = await listen(app, { port: 0, host: '127.0.0.1', store, logger, drainTimeoutMs: 2000 });
  } catch (e) {
    await workflows.close();
    await store.close();
    removeDir();
    throw e;
  }
  return {
    url: running.url,
    summary,
    token: opts.token,
    async close() {
      await running.close();
      await workflows.close();
      removeDir();
    },
  };
}
