/**
 * Routes as data: each route declares its path, parameter schemas, response and handler once; the same
 * declaration is mounted on Express (validation included) and described in the OpenAPI document, so no
 * route can exist without being documented and validated.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { ExportFile } from '../export/formats';
import type { ExplorerService } from '../services/explorer-service';
import type { OverviewService } from '../services/overview-service';
import { RequestValidationError, type InvalidParam } from './problem';
import type { CachedBody, ResponseCache } from './response-cache';

export interface Services {
  explorer: ExplorerService;
  overview: OverviewService;
  /** The OpenAPI document and the docs page, built once from the routes. */
  openapi: () => object;
  docsPage: () => string;
  /** Serialised answers of cacheable routes, when the store can tell when its data changes. */
  cache: ResponseCache | null;
}

/** A file to send as a download instead of a JSON body. */
export class Download {
  constructor(readonly file: ExportFile) {}
}

/** A ready-made text body (the docs page and its stylesheet). */
export class TextBody {
  constructor(
    readonly contentType: string,
    readonly text: string,
  ) {}
}

type ErrorStatus = 400 | 404 | 503;

export interface RouteSpec<P extends z.ZodObject, Q extends z.ZodObject> {
  operationId: string;
  /** The OpenAPI path template (`/api/concepts/{id}`). */
  path: string;
  /** A path parameter that may hold `/` (document ids do): mounted as an Express wildcard. */
  wildcard?: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query: Q;
  /** The body of a 200: a JSON schema registered in `apiSchemas`, or files of other content types. */
  response: { schema: z.ZodType; description: string } | { contentTypes: string[]; description: string };
  /** The error statuses this route can answer besides 400, 405, 429 and 500. */
  errors: ErrorStatus[];
  /** Whether a JSON answer may be served from the response cache (not health: it must ask the store). */
  cacheable?: boolean;
  handle(input: { params: z.output<P>; query: z.output<Q> }, services: Services): Promise<unknown>;
}

export interface Route {
  spec: RouteSpec<z.ZodObject, z.ZodObject>;
  /** Query parameters that take a comma-separated list. */
  listKeys: ReadonlySet<string>;
  /** The request's parameters, validated (RequestValidationError otherwise). */
  parse(req: Request): { params: unknown; query: unknown };
  handle(input: { params: unknown; query: unknown }, services: Services): Promise<unknown>;
}

type Issue = z.core.$ZodIssue;

function reason(issue: Issue): string {
  switch (issue.code) {
    case 'too_big': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' values' : '';
      return `must be at most ${String(issue.maximum)}${unit}`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' values' : '';
      return `must be at least ${String(issue.minimum)}${unit}`;
    }
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.path.length > 1 ? 'each value to be ' : ''}one of ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Every failing parameter of a zod error, named as the caller wrote it. */
export function invalidParams(error: z.ZodError, given: Record<string, unknown>): InvalidParam[] {
  const out: InvalidParam[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ name: key, reason: 'unknown parameter' });
    } else {
      const name = String(issue.path[0] ?? 'request');
      out.push({ name, reason: issue.path.length === 1 && given[name] === undefined ? 'required' : reason(issue) });
    }
  }
  return out;
}

function listKeysOf(schema: z.ZodObject): Set<string> {
  const keys = new Set<string>();
  for (const [key, field] of Object.entries(schema.shape)) {
    const json = z.toJSONSchema(field as z.ZodType, { io: 'output', unrepresentable: 'any' });
    if (json.type === 'array') keys.add(key);
  }
  return keys;
}

const NoParams = z.strictObject({});

export function defineRoute<P extends z.ZodObject = typeof NoParams, Q extends z.ZodObject = typeof NoParams>(
  spec: RouteSpec<P, Q>,
): Route {
  const listKeys = listKeysOf(spec.query);
  const params = spec.params ?? NoParams;
  return {
    spec: spec as unknown as RouteSpec<z.ZodObject, z.ZodObject>,
    listKeys,
    parse(req) {
      const problems: InvalidParam[] = [];
      const rawQuery: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.query as Record<string, string | string[] | undefined>)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) {
          if (listKeys.has(key)) rawQuery[key] = value.join(',');
          else problems.push({ name: key, reason: 'given more than once' });
        } else rawQuery[key] = value;
      }
      const rawParams: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.params as Record<string, string | string[]>)) {
        // An Express wildcard gives the path segments, already percent-decoded.
        rawParams[key] = Array.isArray(value) ? value.join('/') : value;
      }
      const p = params.safeParse(rawParams);
      const q = spec.query.safeParse(rawQuery);
      if (!p.success) problems.push(...invalidParams(p.error, rawParams));
      if (!q.success) problems.push(...invalidParams(q.error, rawQuery));
      if (problems.length || !p.success || !q.success) throw new RequestValidationError(problems);
      return { params: p.data, query: q.data };
    },
    handle: (input, services) =>
      spec.handle({ params: input.params as z.output<P>, query: input.query as z.output<Q> }, services),
  };
}

/** The Express path of a route: `{id}` becomes `:id`, or `*id` for a wildcard parameter. */
export const expressPath = (r: Route) =>
  r.spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === r.spec.wildcard ? `*${name}` : `:${name}`));

/** A cached answer: with its ETag set, Express neither hashes the body again nor fails to answer 304. */
function sendCached(res: Response, cached: CachedBody): void {
  res.status(200).set('ETag', cached.etag).type('application/json; charset=utf-8').send(cached.body);
}

function send(res: Response, body: unknown): void {
  if (body instanceof Download) {
    const { name, contentType, content } = body.file;
    // attachment() guesses a type from the file name (octet-stream for .gexf): set the real one after it.
    res.status(200).attachment(name).type(`${contentType}; charset=utf-8`).send(content);
  } else if (body instanceof TextBody) {
    res.status(200).type(`${body.contentType}; charset=utf-8`).send(body.text);
  } else {
    res.status(200).json(body);
  }
}

/**
 * Mounts every route (GET, and HEAD through it) and, after them all, a 405 for any other method on the
 * same paths.
 */
export function mountRoutes(router: Router, routes: readonly Route[], services: Services): void {
  const { cache } = services;
  for (const r of routes) {
    router.get(expressPath(r), async (req, res) => {
      const input = r.parse(req);
      if (!cache || !r.spec.cacheable) return send(res, await r.handle(input, services));
      // Parsed parameters, so equivalent spellings of a request (defaults, list order aside) share an entry.
      const key = `${r.spec.operationId}\u0000${JSON.stringify(input)}`;
      const hit = cache.get(key);
      if (hit !== undefined) return sendCached(res, hit);
      const generation = cache.generation;
      const body = await r.handle(input, services);
      if (body instanceof Download || body instanceof TextBody) return send(res, body);
      sendCached(res, cache.set(key, JSON.stringify(body), generation));
    });
  }
  for (const r of routes) {
    router.all(expressPath(r), (_req, _res, next) => next(new MethodNotAllowed()));
  }
}

/** Another method than GET or HEAD on an API path. */
export class MethodNotAllowed extends Error {
  override name = 'MethodNotAllowed';
  constructor() {
    super('only GET and HEAD are allowed');
  }
}
