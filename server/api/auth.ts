/**
 * Write access: reads are open, writes (curation, views) need `Authorization: Bearer <API_TOKEN>` and
 * are rate-limited. Without API_TOKEN the server is read-only and every write says so. Also who a write
 * is by: the curator named in `X-Curator`, shown in the audit log.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import { UsageError } from '../errors';
import { AUTHOR_PATTERN } from '../curation/types';
import { problem, sendProblem, type Problem } from './problem';

export const READ_ONLY_DETAIL = 'read-only: set API_TOKEN to enable writes';
const REALM = 'Bearer realm="textbook-graph"';

/**
 * The problems only writes meet, in the shape of the app's others (problem.ts). They are sent from the
 * middleware itself: a refused write never reaches a route, a service or the error middleware.
 */
const WRITE_PROBLEMS = {
  unauthorized: { status: 401, title: 'Unauthorized' },
  'read-only': { status: 403, title: 'Forbidden' },
} as const;

function writeProblem(type: keyof typeof WRITE_PROBLEMS, detail: string): Problem {
  return { type: `/api/docs#problem-${type}`, ...WRITE_PROBLEMS[type], detail };
}

// Hashing first gives both sides the same length, so the comparison takes the same time whatever the
// caller sent and the token's length does not leak.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const sameToken = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** Whether this server takes writes, for a health or meta answer to tell clients. */
export const writeAccess = (config: Pick<Config, 'API_TOKEN'>): { writable: boolean; detail?: string } =>
  config.API_TOKEN ? { writable: true } : { writable: false, detail: READ_ONLY_DETAIL };

/**
 * Lets a write through only with the right bearer token: 403 when the server has none (read-only),
 * 401 with `WWW-Authenticate` when the request has none or a wrong one.
 */
export function requireWriteToken(config: Pick<Config, 'API_TOKEN'>): RequestHandler {
  const token = config.API_TOKEN;
  return (req, res, next) => {
    if (!token) return sendProblem(req, res, writeProblem('read-only', READ_ONLY_DETAIL));
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get('authorization') ?? '');
    if (!match) {
      const p = writeProblem('unauthorized', 'writes need Authorization: Bearer <API_TOKEN>');
      return sendProblem(req, res, p, { 'WWW-Authenticate': REALM });
    }
    if (!sameToken(match[1]!, token)) {
      const p = writeProblem('unauthorized', 'the bearer token is not this server’s API_TOKEN');
      return sendProblem(req, res, p, { 'WWW-Authenticate': `${REALM}, error="invalid_token"` });
    }
    next();
  };
}

export interface WriteLimitOptions {
  /** Writes one client may make per window; 60 by default. */
  limit?: number;
  windowMs?: number;
}

/** A rate limit for writes, per client address, answering 429 problem+json with Retry-After. */
export function writeRateLimit(opts: WriteLimitOptions = {}): RequestHandler {
  const windowMs = opts.windowMs ?? 60_000;
  return rateLimit({
    windowMs,
    limit: opts.limit ?? 60,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const p = problem('rate-limited', `writes are limited to ${opts.limit ?? 60} per ${windowMs / 1000} s`);
      sendProblem(req, res, p, { 'Retry-After': String(Math.ceil(windowMs / 1000)) });
    },
  });
}

/**
 * The handlers every write route runs first: the rate limit (before the token check, so guessing tokens
 * is limited too), then the token. Create one guard per app and give it to every write router, so the
 * limit counts all writes together.
 */
export function writeGuard(config: Pick<Config, 'API_TOKEN'>, limits: WriteLimitOptions = {}): RequestHandler {
  return Router().use(writeRateLimit(limits), requireWriteToken(config));
}

export const DEFAULT_CURATOR = 'api-token';

/**
 * Who a write is by: the `X-Curator` header, or the token's default name. Header values are bytes, so a
 * name beyond ASCII comes percent-encoded (UTF-8), as `encodeURIComponent` gives it.
 */
export function curatorOf(req: Request): string {
  const raw = req.get('x-curator')?.trim();
  if (raw === undefined || raw === '') return DEFAULT_CURATOR;
  let name: string | null = null;
  try {
    name = /^[\x20-\x7E]+$/.test(raw) ? decodeURIComponent(raw).trim() : null;
  } catch {
    name = null;
  }
  if (name === null || !AUTHOR_PATTERN.test(name)) {
    throw new UsageError(
      'X-Curator: expected 1–64 letters, digits, spaces or "._@-" (percent-encoded UTF-8 beyond ASCII), ' +
        'starting with a letter or digit',
      'X-Curator',
    );
  }
  return name;
}
