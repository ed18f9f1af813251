/**
 * The real application for the reviewers' and educators' workflows: like app-server.ts (a fresh embedded
 * store in a temp folder, the corpus ingested with the real extractor, server/api/app.ts serving the API
 * and the built client on a free port), plus the curation, saved-view and audit routers mounted at /api
 * exactly as `npm start` mounts them (server/api/workflows.ts) — with API_TOKEN set to `token`, or
 * read-only without one.
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
import { CLIENT_DIST, ensureClientBuilt } from './client-build';

export interface WorkflowApp {
  url: string;
  summary: IngestSummary;
  token: string | null;
  close(): Promise<void>;
}

/** Builds the client if needed, ingests `inputs` (keeping the parsed chapters for the report) and starts the app. */
export async function startWorkflowApp(inputs: string[], opts: { token: string | null }): Promise<WorkflowApp> {
  await ensureClientBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'textbook-graph-workflows-'));
  const storeDir = path.join(dir, 'store');
  const store = new EmbeddedStore(storeDir);
  await store.open();
  const summary = await ingestInto(store, inputs, { extractor: createExtractor(), keepParsed: true });
  if (summary.errors.length) {
    throw new Error(`e2e: ingest of ${inputs.join(', ')} failed:\n${summary.errors.map((e) => e.message).join('\n')}`);
  }
  const config = loadConfig({ STORE_DIR: storeDir, API_TOKEN: opts.token ?? undefined, LOG_LEVEL: 'silent' });
  const workflows = await openWorkflows(store, config);
  const logger = pino({ level: 'silent' });
  const app = createApp({
    store,
    logger,
    clientDir: CLIENT_DIST,
    config: { RATE_LIMIT_PER_MINUTE: 100_000 },
    apiRouters: workflows.routers,
  });
  let running: RunningServer;
  try {
    running = await listen(app, { port: 0, host: '127.0.0.1', store, logger, drainTimeoutMs: 2000 });
  } catch (e) {
    await workflows.close();
    await store.close();
    throw e;
  }
  return {
    url: running.url,
    summary,
    token: opts.token,
    async close() {
      await running.close();
      await workflows.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
