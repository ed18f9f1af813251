/**
 * Schemas of what the workflow routes (curation, views, audit) take and return, registered with the API's
 * other schemas so the OpenAPI document names them. Verdicts, views and audit entries are the curation
 * module's own boundary schemas; the rest mirror the services' types, and the checks at the bottom fail to
 * compile when a schema and its type drift.
 */
import { z } from 'zod';
import type { CuratedVerdict } from '../curation/curation-service';
import {
  AuditEntry,
  VERDICT_STATUSES,
  Verdict,
  View,
  ViewContent,
  ViewPatch,
  type ViewSummary,
} from '../curation/types';
import { LANGS } from '../model/types';
import {
  CITATION_STATUSES,
  type AuditClaim,
  type AuditCounts,
  type AuditSummary,
  type CoCitation,
  type SourceRank,
} from '../services/audit-service';
import type { Page } from '../store/graph-store';
import { apiSchemas } from './responses';

const count = () => z.number().int().min(0);
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: count(), offset: count(), limit: count(), items: z.array(item) });

export const VerdictSchema = Verdict.register(apiSchemas, {
  id: 'Verdict',
  description: "A reviewer's verdict on a relation, with the evidence sentence as it read then.",
});
export const CuratedVerdictSchema = Verdict.extend({
  status: z.enum(VERDICT_STATUSES).meta({
    description:
      '`evidence-changed`: the evidence sentence reads differently now; `relation-gone`: the relation is no longer extracted (or an added one lost a concept).',
  }),
  currentText: z
    .string()
    .nullable()
    .optional()
    .meta({ description: 'The evidence sentence as it reads now (null: gone), when it changed.' }),
}).register(apiSchemas, { id: 'CuratedVerdict', description: 'A verdict with how it stands against the graph now.' });

export const ViewSchema = View.register(apiSchemas, { id: 'View', description: 'A saved concept map.' });
export const ViewContentSchema = ViewContent.register(apiSchemas, {
  id: 'ViewContent',
  description: 'A concept map to save: links join concepts of the map, one link per ordered pair.',
});
export const ViewPatchSchema = ViewPatch.register(apiSchemas, {
  id: 'ViewPatch',
  description: 'Parts of a view to change (a rename sends only `name`); the result is checked as a whole.',
});
export const AuditEntrySchema = AuditEntry.register(apiSchemas, {
  id: 'AuditEntry',
  description: 'One entry of the append-only audit log: who, when, what and why, with before and after.',
});

export const VerdictWithHistorySchema = z
  .object({ verdict: CuratedVerdictSchema, history: z.array(AuditEntrySchema) })
  .register(apiSchemas, { id: 'VerdictWithHistory' });
export const VerdictListSchema = z
  .object({ total: count(), items: z.array(CuratedVerdictSchema) })
  .register(apiSchemas, { id: 'VerdictList' });
export const AuditLogPageSchema = pageOf(AuditEntrySchema).register(apiSchemas, { id: 'AuditLogPage' });

const ViewSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    lang: z.enum(LANGS),
    concepts: count(),
    links: count(),
    notes: count(),
    createdAt: z.string(),
    updatedAt: z.string(),
    author: z.string(),
  })
  .register(apiSchemas, { id: 'ViewSummary', description: 'A view as the list shows it: counts, not content.' });
export const ViewListSchema = z.object({ items: z.array(ViewSummarySchema) }).register(apiSchemas, { id: 'ViewList' });

const countsShape = {
  claims: count(),
  cited: count().meta({ description: 'Claims ended by a marker of their own.' }),
  contextCited: count().meta({ description: "Uncited claims the next sentence's marker supports." }),
  uncited: count().meta({ description: 'Claims without a marker of their own.' }),
  hedged: count(),
  coverage: z.number().min(0).max(1).meta({ description: 'cited / claims; 0 without claims.' }),
};
const AuditCountsSchema = z.object(countsShape).register(apiSchemas, { id: 'AuditCounts' });
const SectionAuditSchema = z.object({
  ...countsShape,
  key: z.string(),
  title: z.string(),
  path: z.array(z.string()),
  level: z.number().int(),
});
export const AuditSummarySchema = z
  .object({
    totals: AuditCountsSchema,
    documents: z.array(
      z.object({
        ...countsShape,
        key: z.string(),
        title: z.string(),
        path: z.string(),
        lang: z.enum(LANGS),
        sections: z.array(SectionAuditSchema),
      }),
    ),
  })
  .register(apiSchemas, { id: 'AuditSummary', description: 'Citation coverage per chapter and section.' });

const AuditClaimSchema = z
  .object({
    key: z.string(),
    document: z.string(),
    section: z.string(),
    sectionTitle: z.string(),
    sectionPath: z.array(z.string()),
    text: z.string(),
    lang: z.enum(LANGS),
    line: z.number().int(),
    column: z.number().int(),
    status: z.enum(CITATION_STATUSES),
    hedged: z.boolean(),
    citations: z.array(z.string()),
    contextCitations: z.array(z.string()),
  })
  .register(apiSchemas, { id: 'AuditClaim', description: 'A claim with its citation status.' });
export const AuditClaimPageSchema = pageOf(AuditClaimSchema)
  .extend({ counts: AuditCountsSchema })
  .register(apiSchemas, { id: 'AuditClaimPage', description: 'One page of claims and the counts of all that match.' });

const SourceRankSchema = z
  .object({
    problemId: z.string(),
    label: z.string(),
    claims: count(),
    contextClaims: count(),
    documents: z.array(z.string()),
    known: z.boolean(),
  })
  .register(apiSchemas, { id: 'SourceRank' });
export const SourceRankPageSchema = pageOf(SourceRankSchema).register(apiSchemas, { id: 'SourceRankPage' });
const CoCitationSchema = z
  .object({ a: z.string(), b: z.string(), count: count(), claims: z.array(z.string()) })
  .register(apiSchemas, { id: 'CoCitation' });
export const CoCitationPageSchema = pageOf(CoCitationSchema).register(apiSchemas, { id: 'CoCitationPage' });

// ---- compile-time checks: each schema's type and the TypeScript type it mirrors accept each other ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type WorkflowSchemaChecks = [
  Check<Same<z.infer<typeof CuratedVerdictSchema>, CuratedVerdict>>,
  Check<Same<z.infer<typeof ViewSummarySchema>, ViewSummary>>,
  Check<Same<z.infer<typeof AuditCountsSchema>, AuditCounts>>,
  Check<Same<z.infer<typeof AuditSummarySchema>, AuditSummary>>,
  Check<Same<z.infer<typeof AuditClaimSchema>, AuditClaim>>,
  Check<Same<z.infer<typeof AuditClaimPageSchema>, Page<AuditClaim> & { counts: AuditCounts }>>,
  Check<Same<z.infer<typeof SourceRankSchema>, SourceRank>>,
  Check<Same<z.infer<typeof CoCitationSchema>, CoCitation>>,
];
