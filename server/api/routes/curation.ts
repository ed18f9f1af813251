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
import { documented, type Operation } from '../operations';
import {
  AuditLogPageSchema,
  CuratedVerdictSchema,
  VerdictListSchema,
  VerdictSchema,
  VerdictWithHistorySchema,
} from '../workflow-schemas';

export interface CurationRouterDeps {
  curation: CurationService;
  /** The app's write guard (see writeGuard in ../auth): one for all write routes. */
  guard: RequestHandler;
}

const Key = z.string().min(1).max(512);
/** A verdict says why: the note is what a later reviewer reads first. */
const Note = z.string().trim().min(1, 'a verdict needs a note saying why').max(4000);

const RelationParams = z.object({
  id: Key.startsWith('rel:', 'expected a relation key (rel:…)').meta({
    description: 'A relation key (`rel:<subject>-<predicate>-><object>`), percent-encoded.',
  }),
});
const JudgeBody = z.object({
  note: Note,
  evidenceClaim: Key.optional().meta({ description: "One of the relation's evidence claims (default: its first)." }),
});
const RetractBody = z.object({ note: Note });
const AddBody = z.object({
  subject: Key,
  predicate: z.enum(PREDICATES),
  object: Key,
  evidenceClaim: Key.meta({ description: 'The claim whose sentence states the relation.' }),
  note: Note,
});
const VerdictsQuery = z.object({
  status: z.enum(VERDICT_STATUSES).optional().meta({ description: 'Only verdicts standing so against the graph.' }),
  verdict: z.enum(VERDICT_KINDS).optional().meta({ description: 'Only verdicts of this kind.' }),
});
const AuditQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Entries to skip.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_AUDIT_PAGE)
    .default(50)
    .meta({ description: `Entries per page (at most ${MAX_AUDIT_PAGE}).` }),
  target: Key.optional().meta({ description: 'Only the entries about this relation key or view id.' }),
});

const judge = (kind: 'confirm' | 'reject'): Operation => ({
  method: 'post',
  path: `/api/relations/{id}/${kind}`,
  operationId: `${kind}Relation`,
  tag: 'curation',
  summary: `${kind === 'confirm' ? 'Confirms' : 'Rejects'} an extracted relation, with a note and an evidence sentence`,
  description:
    kind === 'reject'
      ? 'Rejected relations are then left out of the graph answers unless `showRejected=true`. Replaces any earlier verdict; the audit log keeps both.'
      : 'Replaces any earlier verdict; the audit log keeps both.',
  params: RelationParams,
  body: JudgeBody,
  response: { status: 200, schema: CuratedVerdictSchema, description: 'The verdict as stored.' },
  errors: [400, 404, 413, 503],
  write: true,
});

export const CURATION_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/relations',
    operationId: 'addRelation',
    tag: 'curation',
    summary: 'Adds a relation the extractor missed, between two concepts, with its evidence sentence and a note',
    body: AddBody,
    response: {
      status: 201,
      schema: CuratedVerdictSchema,
      description: 'The `added` verdict.',
      headers: { Location: "The verdict's URL." },
    },
    errors: [400, 404, 413, 503],
    write: true,
  },
  judge('confirm'),
  judge('reject'),
  {
    method: 'post',
    path: '/api/relations/{id}/retract',
    operationId: 'retractVerdict',
    tag: 'curation',
    summary: "Takes a relation's verdict back (an added relation disappears with it)",
    params: RelationParams,
    body: RetractBody,
    response: { status: 200, schema: VerdictSchema, description: 'The verdict that was taken back.' },
    errors: [400, 404, 413, 503],
    write: true,
  },
  {
    method: 'get',
    path: '/api/relations/{id}/verdict',
    operationId: 'relationVerdict',
    tag: 'curation',
    summary: "A relation's verdict as it stands now, with its whole history",
    params: RelationParams,
    response: { status: 200, schema: VerdictWithHistorySchema, description: 'The verdict and its audit entries.' },
    errors: [400, 404, 503],
  },
  {
    method: 'get',
    path: '/api/curation/verdicts',
    operationId: 'verdicts',
    tag: 'curation',
    summary: 'Every verdict with how it stands against the graph now',
    description: '`status=evidence-changed` is the reviewers’ to-do list after a re-ingest.',
    query: VerdictsQuery,
    response: { status: 200, schema: VerdictListSchema, description: 'The verdicts, by relation key.' },
    errors: [400, 503],
  },
  {
    method: 'get',
    path: '/api/curation/audit',
    operationId: 'curationAudit',
    tag: 'curation',
    summary: 'The append-only audit log of verdicts and views, oldest first',
    query: AuditQuery,
    response: { status: 200, schema: AuditLogPageSchema, description: 'One page of the log.' },
    errors: [400, 503],
  },
];

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

  return documented(router, CURATION_OPERATIONS);
}
