/**
 * The real application for end-to-end tests: a fresh embedded store in a temp folder, the given corpus
 * ingested into it with the real extractor, the Express app of server/api/app.ts serving the API and
 * the built client, listening on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../../../server/api/app';
import { listen, type RunningServer } from '../../../server/api/index';
import { createExtractor } from '../../../server/extract/extractor';
import { ingestInto, type IngestSummary } from '../../../server/ingest/ingest-service';
import { EmbeddedStore } from '../../../server/store/embedded-store';
import { CLIENT_DIST, ensureClientBuilt } from './client-build';

export interface TestApp {
  url: string;
  summary: IngestSummary;
  close(): Promise<void>;
}

/** Builds the client if needed, ingests `inputs` into a temp store and starts the app on a free port. */
export async function startApp(inputs: string[]): Promise<TestApp> {
  await ensureClientBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'textbook-graph-e2e-'));
  const store = new EmbeddedStore(path.join(dir, 'store'));
  await store.open();
  const summary = await ingestInto(store, inputs, { extractor: createExtractor() });
  if (summary.errors.length) {
    throw new Error(`e2e: ingest of ${inputs.join(', ')} failed:\n${summary.errors.map((e) => e.message).join('\n')}`);
  }
  const logger = pino({ level: 'silent' });
  const app = createApp({
    store,
    logger,
    clientDir: CLIENT_DIST,
    // One browser makes many small requests (one per evidence sentence); the limit is not under test here.
    config: { RATE_LIMIT_PER_MINUTE: 100_000 },
  });
  let running: RunningServer;
  try {
    running = await listen(app, { port: 0, host: '127.0.0.1', store, logger, drainTimeoutMs: 2000 });
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    url: running.url,
    summary,
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
