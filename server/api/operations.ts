/**
 * Operations of the routers mounted by hand beside the route table (curation, views, audit): each router
 * carries the description of every route it serves, next to the zod schemas it validates with, and the
 * app hands them to the OpenAPI document. The API test walks the mounted routes and fails on any that the
 * document leaves out, so a route cannot be added to a router without being described.
 */
import type { Router } from 'express';
import type { z } from 'zod';

export const OPERATION_METHODS = ['get', 'post', 'put', 'delete'] as const;
export type OperationMethod = (typeof OPERATION_METHODS)[number];

/** Error statuses an operation can answer besides 429 and 500, which every API route can. */
export type OperationError = 400 | 401 | 403 | 404 | 413 | 503;

export interface Operation {
  method: OperationMethod;
  /** The OpenAPI path template (`/api/views/{id}`). */
  path: string;
  operationId: string;
  tag: 'audit' | 'curation' | 'views';
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON request body. */
  body?: z.ZodType;
  /** The success answer: JSON (a schema registered in apiSchemas), files of other types, or no body. */
  response: {
    status: 200 | 201 | 204;
    description: string;
    schema?: z.ZodType;
    contentTypes?: string[];
    /** Response headers worth naming (`Location`, `Content-Disposition`), with what they hold. */
    headers?: Record<string, string>;
  };
  errors: OperationError[];
  /** A write: it needs `Authorization: Bearer <API_TOKEN>` and counts against the write rate limit. */
  write?: boolean;
}

const OPERATIONS = Symbol('operations');
type Documented = Router & { [OPERATIONS]?: readonly Operation[] };

/** Attaches the descriptions of a router's routes to it; returns the router. */
export function documented(router: Router, operations: readonly Operation[]): Router {
  (router as Documented)[OPERATIONS] = operations;
  return router;
}

/** The operations a router carries (none for a router that was not `documented`). */
export const operationsOf = (router: Router): readonly Operation[] => (router as Documented)[OPERATIONS] ?? [];
