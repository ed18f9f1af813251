/**
 * Routes for curation: confirm, reject, add and retract relations (writes, behind the guard), a
 * relation's verdict with its history, every verdict with its status, and the audit log (open reads).
 * Thin: parse, call CurationService, answer. Mount at /api: `app.use('/api', curationRouter({ … }))`.
 */
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { PREDICATES } from '../../model/types';
import { curatorOf } from '../auth';
import { MAX_AUDIT_PAGE, type CurationService } from '../../curation/curation-service';
import { VERDICT_KINDS, VERDICT_STATUSES, parseInput } from '../../curation/types';

export interface CurationRouterDeps {
  curation: CurationService;
  /** The app's write guard (see writeGuard in ../auth): one for all write routes. */
  guard: RequestHandler;
}

const Key = z.string().min(1).max(512);
/** A verdict says why: the note is what a later reviewer reads first. */
const Note = z.string().trim().min(1, 'a verdict needs a note saying why').max(4000);

const RelationParams = z.object({ id: Key.startsWith('rel:', 'expected a relation key (rel:…)') });
const JudgeBody = z.object({ note: Note, evidenceClaim: Key.optional() });
const RetractBody = z.object({ note: Note });
const AddBody = z.object({
  subject: Key,
  predicate: z.enum(PREDICATES),
  object: Key,
  evidenceClaim: Key,
  note: Note,
});
const VerdictsQuery = z.object({
  status: z.enum(VERDICT_STATUSES).optional(),
  verdict: z.enum(VERDICT_KINDS).optional(),
});
const AuditQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
  target: Key.optional(),
});

export function curationRouter({ curation, guard }: CurationRouterDeps): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  const relation = (params: unknown) => parseInput(RelationParams, params, 'path').id;

  router.post('/relations', guard, json, async (req, res) => {
    const body = parseInput(AddBody, req.body, 'body');
    const verdict = await curation.add(body, curatorOf(req));
    res
      .status(201)
      .location(`${req.baseUrl}/relations/${encodeURIComponent(verdict.relation)}/verdict`)
      .json(verdict);
  });

  for (const kind of ['confirm', 'reject'] as const) {
    router.post(`/relations/:id/${kind}`, guard, json, async (req, res) => {
      const key = relation(req.params);
      const body = parseInput(JudgeBody, req.body, 'body');
      res.json(await curation[kind](key, body, curatorOf(req)));
    });
  }

  router.post('/relations/:id/retract', guard, json, async (req, res) => {
    const key = relation(req.params);
    const { note } = parseInput(RetractBody, req.body, 'body');
    res.json(await curation.retract(key, note, curatorOf(req)));
  });

  router.get('/relations/:id/verdict', async (req, res) => {
    res.json(await curation.verdict(relation(req.params)));
  });

  router.get('/curation/verdicts', async (req, res) => {
    const items = await curation.verdicts(parseInput(VerdictsQuery, req.query, 'query'));
    res.json({ total: items.length, items });
  });

  router.get('/curation/audit', async (req, res) => {
    const { offset, limit, target } = parseInput(AuditQuery, req.query, 'query');
    res.json(await curation.audit(offset, limit, target));
  });

  return router;
}
