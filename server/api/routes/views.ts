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

export interface ViewsRouterDeps {
  views: ViewService;
  /** The app's write guard (see writeGuard in ../auth): one for all write routes. */
  guard: RequestHandler;
}

const Params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a view id') });
const ExportQuery = z.object({ format: z.enum(VIEW_EXPORT_FORMATS).default('cxl') });

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

  return router;
}
