// The API contract suite against the Neo4j store, on a throwaway real Neo4j server holding the sample
// corpus (skipped with one line where Java is missing; an error in CI); then a real outage: the server is
// killed under the running API and started again.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store';
import { startTestNeo4j, type TestNeo4j } from '../support/neo4j-server';
import { apiSpecs } from './api-specs';

let server: TestNeo4j | null = null;

afterAll(async () => {
  await server?.stop();
}, 120_000);

const connection = (s: TestNeo4j) => ({ uri: s.uri, user: s.user, password: s.password, database: s.database });

apiSpecs('neo4j', async () => {
  server = await startTestNeo4j();
  if (!server) return null;
  const store = new Neo4jStore(connection(server));
  await store.open();
  const summary = await ingestInto(store, ['data/corpus'], { extractor: createExtractor() });
  if (summary.errors.length) throw new Error(summary.errors.map((e) => e.message).join('\n'));
  return { store, close: () => store.close() };
});

describe('API over a Neo4j server that goes away and comes back', () => {
  it('answers 503 with Retry-After promptly while it is down, and 200 again once it is back, without a restart', async (ctx) => {
    if (!server?.managed) ctx.skip();
    const s = server!;
    // The driver's own retry budget stays at its default: the API must not wait for it to give up.
    const store = new Neo4jStore(connection(s));
    await store.open();
    const app = createApp({
      store,
      logger: pino({ level: 'silent' }),
      clientDir: null,
      config: { RATE_LIMIT_PER_MINUTE: 1e6 },
    });
    try {
      expect((await request(app).get('/api/concepts/fx-ketamine')).status).toBe(200);
      s.kill();
      for (const url of ['/api/concepts/fx-ketamine', '/api/search?q=ketamine', '/api/health']) {
        const t = Date.now();
        const res = await request(app).get(url);
        expect(res.status, url).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(Date.now() - t, url).toBeLessThan(6000);
      }
      await s.restart();
      const deadline = Date.now() + 60_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await request(app).get('/api/concepts/fx-ketamine')).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
    } finally {
      await store.close();
    }
  }, 240_000);
});
