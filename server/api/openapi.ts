/**
 * The OpenAPI 3.1 document, generated from the routes and their zod schemas (`z.toJSONSchema`; OpenAPI
 * 3.1 schemas are JSON Schema 2020-12) and from the operations the workflow routers carry (operations.ts),
 * and the human-readable docs page rendered from that document.
 */
import { z } from 'zod';
import type { Operation } from './operations';
import { PROBLEM_TYPES } from './problem';
import { apiSchemas } from './responses';
import type { Route } from './route';

type Json = Record<string, unknown>;

const STANDARD_ERRORS: Record<number, { ref: string; description: string }> = {
  400: { ref: 'BadRequest', description: 'A parameter is invalid or beyond its limit.' },
  401: {
    ref: 'Unauthorized',
    description: 'A write without the right `Authorization: Bearer <API_TOKEN>` (`WWW-Authenticate` says so).',
  },
  403: { ref: 'ReadOnly', description: 'The server was started without API_TOKEN: it takes no writes.' },
  404: { ref: 'NotFound', description: 'No such id.' },
  405: { ref: 'MethodNotAllowed', description: 'Only GET and HEAD are allowed.' },
  413: { ref: 'PayloadTooLarge', description: 'The request body is larger than the route takes.' },
  429: { ref: 'TooManyRequests', description: 'Rate limit reached; retry after `Retry-After` seconds.' },
  500: { ref: 'InternalError', description: 'The request failed on the server.' },
  503: { ref: 'StoreUnavailable', description: 'The store cannot be reached; retry after `Retry-After` seconds.' },
};

function strip(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function parameters(
  params: z.ZodObject | undefined,
  query: z.ZodObject | undefined,
  listKeys: ReadonlySet<string> = new Set(),
): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', shape: Record<string, z.ZodType>) => {
    for (const [name, field] of Object.entries(shape)) {
      const schema = strip(z.toJSONSchema(field, { io: 'output' }) as Json);
      const { description, ...rest } = schema;
      const required = where === 'path' || !field.safeParse(undefined).success;
      const p: Json = { name, in: where, required, schema: rest };
      if (typeof description === 'string') p.description = description;
      if (listKeys.has(name)) {
        p.style = 'form';
        p.explode = false;
      }
      out.push(p);
    }
  };
  if (params) add('path', params.shape as Record<string, z.ZodType>);
  if (query) add('query', query.shape as Record<string, z.ZodType>);
  return out;
}

function schemaRef(schema: z.ZodType): Json {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error(`openapi: a response schema is not registered in apiSchemas`);
  return { $ref: `#/components/schemas/${id}` };
}

const errorResponses = (statuses: readonly number[]): Json =>
  Object.fromEntries(
    [...new Set(statuses)]
      .sort((a, b) => a - b)
      .map((status) => [String(status), { $ref: `#/components/responses/${STANDARD_ERRORS[status]!.ref}` }]),
  );

function operation(route: Route): Json {
  const { spec } = route;
  const ok = spec.response;
  const content =
    'schema' in ok
      ? { 'application/json': { schema: schemaRef(ok.schema) } }
      : Object.fromEntries(ok.contentTypes.map((t) => [t, { schema: { type: 'string' } }]));
  const responses: Json = {
    '200': { description: ok.description, content },
    ...errorResponses([400, ...spec.errors, 405, 429, 500]),
  };
  const op: Json = { operationId: spec.operationId, tags: [spec.tag], summary: spec.summary, responses };
  if (spec.description) op.description = spec.description;
  const params = parameters(spec.params, spec.query, route.listKeys);
  if (params.length) op.parameters = params;
  return op;
}

/** A JSON body or answer: a reference when the schema is a named one, the schema itself otherwise. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const id = apiSchemas.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : strip(z.toJSONSchema(schema, { io }) as Json);
}

/** A hand-mounted route (operations.ts): any method, a request body, bearer security for writes. */
function handOperation(o: Operation): Json {
  const ok = o.response;
  const success: Json = { description: ok.description };
  if (ok.schema) success.content = { 'application/json': { schema: schemaRef(ok.schema) } };
  else if (ok.contentTypes) {
    success.content = Object.fromEntries(ok.contentTypes.map((t) => [t, { schema: { type: 'string' } }]));
  }
  if (ok.headers) {
    success.headers = Object.fromEntries(
      Object.entries(ok.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
    );
  }
  const op: Json = {
    operationId: o.operationId,
    tags: [o.tag],
    summary: o.summary,
    responses: {
      [String(ok.status)]: success,
      ...errorResponses([...o.errors, ...(o.write ? [401, 403] : []), 429, 500]),
    },
  };
  if (o.description) op.description = o.description;
  const params = parameters(o.params, o.query);
  if (params.length) op.parameters = params;
  if (o.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(o.body, 'input') } } };
  }
  if (o.write) op.security = [{ bearer: [] }];
  return op;
}

/** The OpenAPI 3.1 document of the given routes and hand-mounted operations. */
export function buildOpenApi(routes: readonly Route[], version: string, operations: readonly Operation[] = []): Json {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const retryAfter = {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 0 },
  };
  const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
  const responses: Json = {};
  for (const [status, e] of Object.entries(STANDARD_ERRORS)) {
    const r: Json = { description: e.description, content: problemContent };
    if (status === '429' || status === '503') r.headers = { 'Retry-After': retryAfter };
    if (status === '405') r.headers = { Allow: { description: 'The allowed methods.', schema: { type: 'string' } } };
    if (status === '401') {
      r.headers = { 'WWW-Authenticate': { description: 'The Bearer challenge.', schema: { type: 'string' } } };
    }
    responses[e.ref] = r;
  }
  const paths: Record<string, Json> = {};
  for (const r of routes) paths[r.spec.path] = { get: operation(r) };
  for (const o of operations) {
    const item = (paths[o.path] ??= {});
    if (item[o.method]) throw new Error(`openapi: ${o.method.toUpperCase()} ${o.path} is described twice`);
    item[o.method] = handOperation(o);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'textbook-graph API',
      version,
      description:
        'A knowledge graph of science textbooks: concepts, the relations the text asserts between them, the claims (sentences) that assert them and the sources (problems) the claims cite. Graphs travel as graphology serialised JSON. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'explore', description: 'Search and read concepts, claims, sources and documents.' },
      { name: 'graph', description: 'The graph as a whole: overview and downloads.' },
      { name: 'service', description: 'Health, statistics and this documentation.' },
      { name: 'audit', description: 'Citation audit: coverage, claims by citation status, sources, co-citations.' },
      { name: 'curation', description: "Reviewers' verdicts on relations and their audit log." },
      { name: 'views', description: 'Saved concept maps: open to read and share, written with the token.' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, strip(v)])),
      responses,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The server’s API_TOKEN. Writes (curation, views) need it; reads are open.',
        },
      },
    },
  };
}

/** ` (a ViewContent)` when a request body is a named schema. */
function bodyName(requestBody: Json): string {
  const content = requestBody.content as Record<string, { schema?: Json }>;
  const ref = content['application/json']?.schema?.$ref;
  return typeof ref === 'string' ? ` (<code>${esc(ref.replace('#/components/schemas/', ''))}</code>)` : '';
}

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Inline code spans, the only markup the descriptions use. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

function typeOf(schema: Json): string {
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Json;
    return Array.isArray(items.enum)
      ? `list of ${items.enum.join(' | ')}`
      : `list of ${String(items.type ?? 'string')}`;
  }
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ');
  const range =
    schema.minimum !== undefined || schema.maximum !== undefined
      ? ` ${String(schema.minimum ?? '')}…${String(schema.maximum ?? '')}`
      : '';
  const len = schema.maxLength !== undefined ? ` ≤ ${String(schema.maxLength)} chars` : '';
  return `${String(schema.type ?? 'any')}${range}${len}`;
}

/** The docs page: every operation with its parameters and responses, and the problem types. */
export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const sections = operations.map(({ path, method, op }) => {
    const params = (op.parameters ?? []) as Json[];
    const rows = params
      .map((p) => {
        const schema = p.schema as Json;
        const def =
          schema.default !== undefined ? `<br><small>default ${esc(JSON.stringify(schema.default))}</small>` : '';
        return `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}${p.required ? ', required' : ''}</td><td>${esc(typeOf(schema))}${def}</td><td>${prose(p.description ?? '')}</td></tr>`;
      })
      .join('\n');
    const statuses = Object.keys(op.responses as Json).join(', ');
    const body = op.requestBody ? `\n<p>Body: JSON${bodyName(op.requestBody as Json)}.</p>` : '';
    const auth = op.security ? '\n<p>Needs <code>Authorization: Bearer &lt;API_TOKEN&gt;</code>.</p>' : '';
    return `<section id="${esc(op.operationId)}">
<h2><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${prose(op.summary)}</p>${op.description ? `\n<p>${prose(op.description)}</p>` : ''}${auth}
${rows ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p><em>No parameters.</em></p>'}${body}
<p class="statuses">Responses: ${esc(statuses)}</p>
</section>`;
  });
  const problems = Object.entries(PROBLEM_TYPES)
    .map(([type, t]) => `<dt id="problem-${esc(type)}">${esc(type)} (${t.status})</dt><dd>${prose(t.doc)}</dd>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)}</title>
<link rel="stylesheet" href="/api/docs.css">
</head>
<body>
<header><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${prose(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Identifiers in paths are percent-encoded: <code>/api/claims/claim%3A900591%2FMainContent%2312</code>. Lists are comma-separated.</p>
<nav>${operations.map(({ op }) => `<a href="#${esc(op.operationId)}">${esc(op.operationId)}</a>`).join(' · ')}</nav></header>
<main>
${sections.join('\n')}
<section id="problems"><h2>Errors</h2><p>Errors are <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, and for invalid parameters <code>invalid-params</code>: a list of <code>{name, reason}</code>.</p>
<dl>
${problems}
</dl></section>
</main>
</body>
</html>
`;
}

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;color:#222}
code{font:13px ui-monospace,monospace;background:#f3f3f3;padding:0 .2em;border-radius:3px}
h1 small{font-weight:normal;color:#777;font-size:.6em}
h2{font-size:1.1rem;border-top:1px solid #ddd;padding-top:1rem;margin-top:2rem}
.method{background:#0072B2;color:#fff;border-radius:3px;padding:0 .4em;font-size:.8em}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #eee;padding:.3em .5em}
nav a{margin-right:.2em}.statuses{color:#555;font-size:14px}
dt{font-weight:600;margin-top:.5em}
`;
