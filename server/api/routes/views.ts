/**
 * Routes for saved concept-map views: list, open and export are open to everyone (a view's URL is its
 * share link); create, change and delete need the write guard. Thin: parse, call ViewService, answer.
 * Mount at /api: `app.use('/api', viewsRouter({ views, guard }))`.
 */
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { curatorOf } from '../auth';
import { ViewContent, ViewPatch, parseInput } from '../../curation/types';
import { VIEW_EXPORT_FORMATS, type ViewService } from '../../views/view-service';
import { documented, type Operation } from '../operations';
import { ViewContentSchema, ViewListSchema, ViewPatchSchema, ViewSchema } from '../workflow-schemas';

export interface ViewsRouterDeps {
  views: ViewService;
  /** The app's write guard (see writeGuard in ../auth): one for all write routes. */
  guard: RequestHandler;
}

const Params = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a view id')
    .meta({ description: "The view's id: its share link is `/?mode=map&view=<id>`." }),
});
const ExportQuery = z.object({
  format: z.enum(VIEW_EXPORT_FORMATS).default('cxl').meta({ description: 'CXL (CmapTools), GraphML or GEXF.' }),
});

const view = (op: Omit<Operation, 'tag'>): Operation => ({ tag: 'views', ...op });

export const VIEW_OPERATIONS: readonly Operation[] = [
  view({
    method: 'get',
    path: '/api/views',
    operationId: 'views',
    summary: 'Saved concept maps, the most recently changed first',
    response: { status: 200, schema: ViewListSchema, description: 'The views, without their content.' },
    errors: [503],
  }),
  view({
    method: 'post',
    path: '/api/views',
    operationId: 'createView',
    summary: 'Saves a concept map as a named view',
    body: ViewContentSchema,
    response: {
      status: 201,
      schema: ViewSchema,
      description: 'The view as saved, with its id.',
      headers: { Location: "The view's URL." },
    },
    errors: [400, 413, 503],
    write: true,
  }),
  view({
    method: 'get',
    path: '/api/views/{id}',
    operationId: 'view',
    summary: 'A view, whole: what its share link opens',
    params: Params,
    response: { status: 200, schema: ViewSchema, description: 'The view.' },
    errors: [400, 404, 503],
  }),
  view({
    method: 'put',
    path: '/api/views/{id}',
    operationId: 'updateView',
    summary: 'Renames a view or changes any of its parts',
    params: Params,
    body: ViewPatchSchema,
    response: { status: 200, schema: ViewSchema, description: 'The view as changed.' },
    errors: [400, 404, 413, 503],
    write: true,
  }),
  view({
    method: 'delete',
    path: '/api/views/{id}',
    operationId: 'deleteView',
    summary: 'Deletes a view (the audit log keeps what it was)',
    params: Params,
    response: { status: 204, description: 'Deleted.' },
    errors: [400, 404, 503],
    write: true,
  }),
  view({
    method: 'get',
    path: '/api/views/{id}/export',
    operationId: 'exportView',
    summary: 'A view as a CmapTools, GraphML or GEXF file',
    params: Params,
    query: ExportQuery,
    response: {
      status: 200,
      contentTypes: ['application/xml'],
      description: 'The file, as an attachment.',
      headers: { 'Content-Disposition': 'attachment, named after the view (RFC 5987 for names beyond ASCII).' },
    },
    errors: [400, 404, 503],
  }),
];

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 form (view names are often Chinese). */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7E]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function viewsRouter({ views, guard }: ViewsRouterDeps): Router {
  const router = Router();
  // A view holds at most a few thousand small items; 1 MB is far above any real one.
  const json = express.json({ limit: '1mb' });
  const id = (params: unknown) => parseInput(Params, params, 'path').id;

  router.get('/views', async (_req, res) => {
    res.json({ items: await views.list() });
  });

  router.post('/views', guard, json, async (req, res) => {
    const content = parseInput(ViewContent, req.body, 'body');
    const view = await views.create(content, curatorOf(req));
    res.status(201).location(`${req.baseUrl}/views/${view.id}`).json(view);
  });

  router.get('/views/:id', async (req, res) => {
    res.json(await views.get(id(req.params)));
  });

  router.put('/views/:id', guard, json, async (req, res) => {
    const viewId = id(req.params);
    const patch = parseInput(ViewPatch, req.body, 'body');
    res.json(await views.update(viewId, patch, curatorOf(req)));
  });

  router.delete('/views/:id', guard, async (req, res) => {
    await views.delete(id(req.params), curatorOf(req));
    res.status(204).end();
  });

  router.get('/views/:id/export', async (req, res) => {
    const viewId = id(req.params);
    const { format } = parseInput(ExportQuery, req.query, 'query');
    const file = await views.export(viewId, format);
    res.type(file.contentType).set('Content-Disposition', attachment(file.name)).send(file.content);
  });

  return documented(router, VIEW_OPERATIONS);
}
