/**
 * The Express application: security headers, request logs, CORS, rate limiting, the API routes, the
 * built client and the error handler, around an injected store. Building it opens no port and no
 * connection, so tests import it and drive it with supertest; `index.ts` is what listens.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from 'cors';
import express, { type Express, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import { ConfigError, type Config } from '../config';
import type { CurationOverlay } from '../curation/curation-service';
import { NotFoundError } from '../errors';
import type { GraphStore } from '../store/graph-store';
import { ExplorerService } from '../services/explorer-service';
import { OverviewService } from '../services/overview-service';
import { writeAccess } from './auth';
import { buildOpenApi, renderDocsPage } from './openapi';
import { operationsOf, type Operation } from './operations';
import { problem, problemHandler, sendProblem } from './problem';
import { ResponseCache, isVersioned, versionOf } from './response-cache';
import { mountRoutes, type Services } from './route';
import { ROUTES } from './routes';

export interface AppOptions {
  store: GraphStore;
  /** API_TOKEN: GET /api/health says whether writes are taken (the write routes check it themselves). */
  config?: Partial<Pick<Config, 'CORS_ORIGINS' | 'RATE_LIMIT_PER_MINUTE' | 'LOG_LEVEL' | 'API_TOKEN'>>;
  /** Defaults to a pino logger at the configured level, writing to stdout. */
  logger?: Logger;
  /** The built client to serve at `/`; defaults to `client/dist` when it exists, `null` serves none. */
  clientDir?: string | null;
  /**
   * More routers to mount under `/api` (curation, views), behind the same logging, security headers,
   * CORS and rate limit, and answered by the same problem+json error handler. The OpenAPI document
   * describes the operations a router carries (see operations.ts `documented`).
   */
  apiRouters?: Router[];
  /**
   * Reviewers' verdicts, shown on the graph, concept, neighbourhood, path and export answers (openWorkflows
   * gives it). Cached answers are keyed by its changes as well as the store's.
   */
  curation?: CurationOverlay | null;
  /** Keep serialised answers while the store's data is unchanged (stores that count changes only). */
  responseCache?: boolean;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The Content-Security-Policy: nothing but this origin, with the exceptions a Vite + sigma.js client
 * needs. `blob:` workers: the ForceAtlas2 layout runs in a worker built from a blob URL. `data:` images
 * and fonts: inlined small assets and KaTeX's fonts. Inline style *attributes* (not style elements): KaTeX
 * renders formulas as HTML whose layout is in `style="…"`. WebGL needs no directive.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const Origins = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()))
  .pipe(z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)])));

/** `CORS_ORIGINS`: `*`, or a comma-separated list of origins; unset allows none (same origin only). */
export function corsOrigins(value: string | undefined): '*' | string[] | false {
  if (value === undefined) return false;
  const parsed = Origins.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      `config: invalid CORS_ORIGINS "${value}": expected * or a comma-separated list of http(s) origins`,
    );
  }
  return parsed.data.includes('*') ? '*' : parsed.data;
}

export interface ServiceOptions {
  responseCache?: boolean;
  config?: Partial<Pick<Config, 'API_TOKEN'>>;
  curation?: CurationOverlay | null;
  /** Operations of the mounted API routers, for the OpenAPI document. */
  operations?: readonly Operation[];
}

export function createServices(store: GraphStore, opts: ServiceOptions = {}): Services {
  let doc: object | null = null;
  let page: string | null = null;
  const curation = opts.curation ?? null;
  const openapi = () => (doc ??= buildOpenApi(ROUTES, VERSION, opts.operations));
  const versioned = isVersioned(store) ? (curation ? versionOf(store, curation) : store) : null;
  return {
    explorer: new ExplorerService(store, { access: writeAccess({ API_TOKEN: opts.config?.API_TOKEN }), curation }),
    overview: new OverviewService(store, curation),
    openapi,
    docsPage: () => (page ??= renderDocsPage(openapi() as Record<string, unknown>)),
    cache: opts.responseCache !== false && versioned ? new ResponseCache(versioned) : null,
  };
}

export function createApp(opts: AppOptions): Express {
  const config = opts.config ?? {};
  const logger = opts.logger ?? pino({ level: config.LOG_LEVEL ?? 'info' });
  const origins = corsOrigins(config.CORS_ORIGINS);
  const services = createServices(opts.store, {
    responseCache: opts.responseCache,
    config,
    curation: opts.curation,
    operations: (opts.apiRouters ?? []).flatMap(operationsOf),
  });
  const app = express();
  app.disable('x-powered-by');
  // Plain key=value pairs only: no nested objects a parameter could smuggle in.
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // An outage (503) is expected and answered properly: a warning, not an error, per request.
      customLogLevel: (_req, res, err) =>
        res.statusCode === 503 || (res.statusCode >= 400 && res.statusCode < 500)
          ? 'warn'
          : err || res.statusCode >= 500
            ? 'error'
            : 'info',
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } }));

  const api = express.Router();
  // CORS and the rate limit concern the API only, not the client's static files.
  api.use(
    '/api',
    cors({
      origin: origins,
      // Writes (curation, views) need a bearer token anyway; reads are GET and HEAD.
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['Retry-After', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Content-Disposition'],
      maxAge: 600,
    }),
  );
  const perMinute = config.RATE_LIMIT_PER_MINUTE ?? 600;
  api.use(
    '/api',
    rateLimit({
      windowMs: 60_000,
      limit: perMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // Health checks come from supervisors polling on their own schedule.
      skip: (req) => `${req.baseUrl}${req.path}` === '/api/health',
      handler: (req, res) =>
        sendProblem(req, res, problem('rate-limited', `More than ${perMinute} requests a minute from this address.`)),
    }),
  );
  mountRoutes(api, ROUTES, services);
  for (const r of opts.apiRouters ?? []) api.use('/api', r);
  api.use('/api', (req, _res, next) => next(new NotFoundError('route', `${req.baseUrl}${req.path}`)));
  app.use(api);

  const clientDir = opts.clientDir === undefined ? path.join(ROOT, 'client/dist') : opts.clientDir;
  const index = clientDir ? path.join(clientDir, 'index.html') : null;
  if (clientDir && index && existsSync(index)) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser: any other page path gets the app shell.
    app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? res.sendFile(index) : next()));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>textbook-graph</title></head><body><p>The client is not built: run <code>npm run build:client</code>. The API is documented at <a href="/api/docs">/api/docs</a>.</p></body></html>',
        );
    });
  }
  app.use((req, _res, next) => next(new NotFoundError('page', req.path)));
  app.use(problemHandler(logger));
  return app;
}
