/**
 * `npm start`: serves the API and the built client. Loads the configuration, opens the store, ingests
 * CORPUS_DIR and SOURCES_DIR when they exist (unchanged chapters are skipped), then listens; SIGINT or
 * SIGTERM drain requests and close the store. When an input has errors they are printed and nothing new
 * is stored (the ingest is all or nothing): the server still starts and serves what the store holds.
 */
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { createApp } from '../server/api/app';
import { openWorkflows } from '../server/api/workflows';
import { closeOnSignals, listen } from '../server/api/index';
import { loadConfig } from '../server/config';
import { formatWarning } from '../server/errors';
import { createExtractor } from '../server/extract/extractor';
import { ingestInto } from '../server/ingest/ingest-service';
import { openGraphStore } from '../server/store/open-store';
import { runMain } from './lib/cli';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  // A Neo4j that does not answer here stops the start with a message saying where and how to get one;
  // once running, outages are answered 503 and recovered from without a restart.
  const store = await openGraphStore(config);

  const inputs = [config.CORPUS_DIR, config.SOURCES_DIR].filter((p) => existsSync(p));
  if (inputs.length) {
    try {
      const summary = await ingestInto(store, inputs, {
        extractor: createExtractor(),
        maxFileBytes: config.MAX_FILE_MB * 1048576,
        workers: 'auto',
      });
      for (const w of summary.warnings) logger.debug(formatWarning(w));
      for (const e of summary.errors) logger.error(e.message);
      const c = summary.chapters;
      logger.info(
        `ingest ${inputs.join(', ')}: ${c.found} chapters, ${c.ingested} ingested, ${c.unchanged} unchanged, ${c.failed} failed, ${summary.warnings.length} warnings`,
      );
      if (summary.errors.length) {
        logger.error(
          `ingest: ${summary.errors.length} input errors, nothing new was stored; serving the store as it was`,
        );
      }
    } catch (e) {
      // A write that failed left the store as it was (batches are atomic): serve that.
      logger.error({ err: e }, 'ingest failed; serving the store as it was');
    }
  } else {
    logger.info(`ingest: neither ${config.CORPUS_DIR} nor ${config.SOURCES_DIR} exists; serving the store as it is`);
  }
  // Build the embedded store's indexes now rather than on the first request.
  if ('warmUp' in store && typeof store.warmUp === 'function') store.warmUp();

  const workflows = await openWorkflows(store, config);
  const app = createApp({ store, config, logger, apiRouters: workflows.routers, curation: workflows.curation });
  const running = await listen(app, { port: config.PORT, host: config.HOST, store, logger });
  logger.info(`listening on ${running.url} (${store.kind} store); API docs at ${running.url}/api/docs`);
  closeOnSignals(running, logger);
  return 0;
}

runMain(main);
