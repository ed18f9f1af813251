// The HTTP envelope around the routes, independent of the store: security headers, CORS, rate limiting,
// request logs, the built client, and graceful shutdown with requests in flight.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Router } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsOrigins, createApp } from '../../server/api/app';
import { listen } from '../../server/api/index';
import { ConfigError } from '../../server/config';
import { NotFoundError } from '../../server/errors';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { fixtureBatch } from './fixture';
import { switchable } from './support';

const silent = pino({ level: 'silent' });
let dir: string;
let store: EmbeddedStore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'api-server-'));
  store = new EmbeddedStore(path.join(dir, 'store'));
  await store.open();
  await store.apply(fixtureBatch());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy that still lets a Vite + sigma client run', async () => {
    const res = await request(createApp({ store, logger: silent, clientDir: null })).get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(csp.split(';').map((d) => [d.trim().split(' ')[0]!, d.trim().split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp({
      store,
      logger: silent,
      clientDir: null,
      config: { CORS_ORIGINS: 'https://a.example, http://localhost:5173' },
    });
  });

  it('allows the configured origins and no other', async () => {
    const allowed = await request(app).get('/api/health').set('Origin', 'http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await request(app).get('/api/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflight requests for GET', async () => {
    const res = await request(app)
      .options('/api/search')
      .set('Origin', 'https://a.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toContain('GET');
  });

  it('sends no CORS headers when unconfigured, * when asked, and refuses a malformed setting', async () => {
    const none = await request(createApp({ store, logger: silent, clientDir: null }))
      .get('/api/health')
      .set('Origin', 'https://a.example');
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    expect(corsOrigins('*')).toBe('*');
    expect(() => corsOrigins('not a url')).toThrow(ConfigError);
    expect(() => corsOrigins('ftp://x.example')).toThrow(ConfigError);
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After beyond the limit, but never limits health checks', async () => {
    const app = createApp({ store, logger: silent, clientDir: null, config: { RATE_LIMIT_PER_MINUTE: 3 } });
    for (let i = 0; i < 3; i++) expect((await request(app).get('/api/stats')).status).toBe(200);
    const res = await request(app).get('/api/stats');
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((res.body as { type: string }).type).toBe('/api/docs#problem-rate-limited');
    expect((await request(app).get('/api/health')).status).toBe(200);
  });
});

describe('request logs', () => {
  it('logs one line per request with its id, method, url and status, and echoes a valid request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        cb();
      },
    });
    const app = createApp({ store, logger: pino({ level: 'info' }, sink), clientDir: null });
    const res = await request(app).get('/api/concepts/fx-ketamine').set('X-Request-Id', 'trace-42');
    expect(res.headers['x-request-id']).toBe('trace-42');
    const forged = await request(app).get('/api/health').set('X-Request-Id', 'bad id; with spaces');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await request(app).get('/api/concepts/nothing');
    const requests = lines.filter((l) => l.req);
    expect(requests[0]).toMatchObject({
      level: 30,
      req: { id: 'trace-42', method: 'GET', url: '/api/concepts/fx-ketamine' },
      res: { statusCode: 200 },
    });
    expect(requests[2]).toMatchObject({ level: 40, res: { statusCode: 404 } });
  });
});

describe('the client', () => {
  it('is served at / with the app shell for client routes, while /api stays the API', async () => {
    const client = path.join(dir, 'client-dist');
    await mkdir(path.join(client, 'assets'), { recursive: true });
    await writeFile(
      path.join(client, 'index.html'),
      '<!doctype html><div id="app"></div><script type="module" src="/assets/app.js"></script>',
    );
    await writeFile(path.join(client, 'assets/app.js'), 'console.log(1)');
    const app = createApp({ store, logger: silent, clientDir: client });
    const index = await request(app).get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<div id="app">');
    expect((await request(app).get('/concept/fx-ketamine')).text).toContain('<div id="app">');
    const js = await request(app).get('/assets/app.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    // Static files are not rate-limited API calls.
    expect(js.headers.ratelimit).toBeUndefined();
    expect(js.headers['content-security-policy']).toBeDefined();
    const api404 = await request(app).get('/api/nothing');
    expect(api404.status).toBe(404);
    expect(api404.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await request(app).post('/')).status).toBe(404);
  });

  it('says how to build it when it is missing', async () => {
    const res = await request(createApp({ store, logger: silent, clientDir: path.join(dir, 'none') })).get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('npm run build:client');
  });
});

describe('the response cache', () => {
  it('serves the same answers as the store, and forgets them when the data changes', async () => {
    const own = new EmbeddedStore(path.join(dir, 'cache-store'));
    await own.open();
    await own.apply(fixtureBatch());
    const cached = createApp({ store: own, logger: silent, clientDir: null });
    const direct = createApp({ store: own, logger: silent, clientDir: null, responseCache: false });
    const urls = [
      '/api/stats',
      '/api/search?q=ketamine',
      '/api/concepts/fx-ketamine',
      '/api/concepts/fx-ketamine/neighborhood?depth=2',
      '/api/paths?from=fx-ketamine&to=fx-depression&k=10',
      '/api/claims?concept=fx-bdnf',
      '/api/sources/9000001',
      '/api/documents',
      '/api/graph',
    ];
    for (const url of urls) {
      const first = await request(cached).get(url);
      const again = await request(cached).get(url);
      const fresh = await request(direct).get(url);
      expect(first.status, url).toBe(200);
      expect(again.text, url).toBe(first.text);
      expect(again.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(again.text)).toEqual(fresh.body);
      expect(again.headers.etag).toBe(fresh.headers.etag);
      expect((await request(cached).get(url).set('If-None-Match', String(again.headers.etag))).status).toBe(304);
    }
    // A new chapter changes the answers: the cache must not keep the old ones.
    const before = (await request(cached).get('/api/documents')).body as { documents: unknown[] };
    const batch = fixtureBatch();
    const moved = JSON.parse(
      JSON.stringify(batch.upsert[0]).replaceAll('api-fixture/ch1', 'api-fixture/ch2'),
    ) as (typeof batch.upsert)[0];
    await own.apply({ upsert: [moved], remove: [], problems: [] });
    const after = (await request(cached).get('/api/documents')).body as { documents: unknown[] };
    expect(after.documents).toHaveLength(before.documents.length + 1);
    // Errors are never cached.
    expect((await request(cached).get('/api/concepts/nothing')).status).toBe(404);
    expect((await request(cached).get('/api/concepts/nothing')).status).toBe(404);
  });
});

describe('more API routers', () => {
  it('are mounted under /api behind the same headers, limits and problem+json errors', async () => {
    const extra = Router();
    extra.get('/extra', (_req, res) => {
      res.json({ ok: true });
    });
    extra.get('/extra/:id', (req) => {
      throw new NotFoundError('extra', req.params.id);
    });
    const app = createApp({ store, logger: silent, clientDir: null, apiRouters: [extra] });
    const res = await request(app).get('/api/extra');
    expect(res.body).toEqual({ ok: true });
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers.ratelimit).toBeDefined();
    const missing = await request(app).get('/api/extra/7');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((missing.body as { detail: string }).detail).toBe('extra not found: 7');
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, refuses new connections, then closes the store', async () => {
    const { store: slow, sw } = switchable(store);
    const running = await listen(createApp({ store: slow, logger: silent, clientDir: null }), {
      port: 0,
      host: '127.0.0.1',
      store: slow,
      logger: silent,
    });
    sw.delayMs = 300;
    const inFlight = fetch(`${running.url}/api/concepts/fx-ketamine`);
    await new Promise((r) => setTimeout(r, 100));
    const closed = running.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(((await res.json()) as { concept: { key: string } }).concept.key).toBe('concept:fx-ketamine');
    await closed;
    expect(sw.closed).toBe(1);
    await expect(fetch(`${running.url}/api/health`)).rejects.toThrow();
    await running.close();
    expect(sw.closed).toBe(1);
  });
});
