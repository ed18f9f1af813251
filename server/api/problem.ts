/**
 * Errors as RFC 9457 problem details (`application/problem+json`): the one place where typed errors
 * become HTTP status codes. Each problem type has an anchor in the docs page; nothing internal (stack,
 * driver message) is ever sent, only what the caller can act on.
 */
import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
// pino-http adds the request id to the request type.
import type {} from 'pino-http';
import { NotFoundError, StoreUnavailableError, UsageError } from '../errors';

export const PROBLEM_TYPES = {
  'invalid-parameter': {
    status: 400,
    title: 'Invalid parameter',
    doc: 'A parameter is malformed, unknown or beyond its limit; `invalid-params` names each one.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    doc: 'No concept, claim, source, document or route has this id or path.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    doc: 'A write without the right `Authorization: Bearer <API_TOKEN>`.',
  },
  'read-only': {
    status: 403,
    title: 'Forbidden',
    doc: 'This server takes no writes: it was started without `API_TOKEN`.',
  },
  'method-not-allowed': { status: 405, title: 'Method not allowed', doc: 'The API only answers GET (and HEAD).' },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    doc: 'Too many requests from one address in a minute; retry after `Retry-After` seconds.',
  },
  'store-unavailable': {
    status: 503,
    title: 'Store unavailable',
    doc: 'The graph store cannot be reached now; retry after `Retry-After` seconds.',
  },
  'bad-request': {
    status: 400,
    title: 'Bad request',
    doc: 'The request itself is malformed (for example an invalid percent-encoding).',
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    doc: 'Something failed on the server; the request id identifies it in the logs.',
  },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  'invalid-params'?: InvalidParam[];
  requestId?: string;
}

/** A request whose parameters failed validation: every failing parameter with the reason. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
  constructor(readonly params: InvalidParam[]) {
    super(params.map((p) => `${p.name}: ${p.reason}`).join('; '));
  }
}

export const problemTypeUri = (type: ProblemType) => `/api/docs#problem-${type}`;

export function problem(type: ProblemType, detail: string, extra: Partial<Problem> = {}): Problem {
  const t = PROBLEM_TYPES[type];
  return { type: problemTypeUri(type), title: t.title, status: t.status, detail, ...extra };
}

export function sendProblem(req: Request, res: Response, p: Problem, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body: Problem = { ...p, instance: req.originalUrl.slice(0, 2000), requestId: String(req.id ?? '') };
  res.status(p.status).set(headers).type('application/problem+json').send(JSON.stringify(body));
}

/** HTTP errors raised by Express or its middleware (`http-errors`: a status and an `expose` flag). */
interface HttpError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

function toProblem(err: unknown): { problem: Problem; headers: Record<string, string> } {
  if (err instanceof RequestValidationError) {
    return { problem: problem('invalid-parameter', err.message, { 'invalid-params': err.params }), headers: {} };
  }
  if (err instanceof UsageError) {
    const params = err.parameter ? [{ name: err.parameter, reason: err.message.replace(/^[^:]+: /, '') }] : undefined;
    return { problem: problem('invalid-parameter', err.message, { 'invalid-params': params }), headers: {} };
  }
  if (err instanceof NotFoundError) return { problem: problem('not-found', err.message), headers: {} };
  if (err instanceof Error && err.name === 'MethodNotAllowed') {
    return {
      problem: problem('method-not-allowed', 'Only GET and HEAD are allowed.'),
      headers: { Allow: 'GET, HEAD' },
    };
  }
  if (err instanceof StoreUnavailableError) {
    return {
      problem: problem('store-unavailable', 'The graph store cannot be reached; retry later.'),
      headers: { 'Retry-After': String(err.retryAfterSeconds) },
    };
  }
  const h = (typeof err === 'object' && err !== null ? err : {}) as HttpError;
  const status = h.status ?? h.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const detail = h.expose && h.message ? h.message : (STATUS_CODES[status] ?? 'Bad request');
    return {
      problem: { ...problem('bad-request', detail), status, title: STATUS_CODES[status] ?? 'Bad request' },
      headers: {},
    };
  }
  return { problem: problem('internal-error', 'The request failed on the server.'), headers: {} };
}

/** The error middleware: logs server-side failures (with the stack, in the log only) and answers a problem. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { problem: p, headers } = toProblem(err);
    if (p.status >= 500 && p.status !== 503) logger.error({ err, reqId: req.id }, 'request failed');
    sendProblem(req, res, p, headers);
  };
}
