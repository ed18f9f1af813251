/**
 * Routes for the citation audit (open reads): the figures per chapter and section, the claims with their
 * citation status (paged JSON, or every match as CSV), sources ranked by citing claims, and co-citations.
 * Thin: parse the query, call AuditService, answer. Mount at /api: `app.use('/api', auditRouter({ audit }))`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../../curation/types';
import { LIMITS } from '../../services/limits';
import { AUDIT_SORTS, AUDIT_STATUS_FILTERS, type AuditClaim, type AuditService } from '../../services/audit-service';
import { documented, type Operation } from '../operations';
import {
  AuditClaimPageSchema,
  AuditSummarySchema,
  CoCitationPageSchema,
  SourceRankPageSchema,
} from '../workflow-schemas';

export interface AuditRouterDeps {
  audit: AuditService;
}

const Id = z.string().min(1).max(LIMITS.idLength);
const DocumentId = Id.meta({ description: 'Only this document (`doc:` prefix optional).' });
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const Filters = {
  document: DocumentId.optional(),
  section: Id.meta({ description: 'Only claims directly under this section (`sec:` prefix optional).' }).optional(),
  status: z
    .enum(AUDIT_STATUS_FILTERS)
    .meta({ description: '`uncited` includes claims only the next sentence supports (`context`).' })
    .optional(),
  sort: z.enum(AUDIT_SORTS).meta({ description: 'A sort field, descending with a leading `-`.' }).optional(),
};
const Paging = {
  offset: whole(0, 1e12).default(0).meta({ description: 'Items to skip.' }),
  limit: whole(1, LIMITS.pageSize)
    .default(50)
    .meta({ description: `Items per page (at most ${LIMITS.pageSize}).` }),
};

const SummaryQuery = z.strictObject({ document: DocumentId.optional() });
const ClaimsQuery = z.strictObject({ ...Filters, ...Paging });
const CsvQuery = z.strictObject(Filters);
const ListQuery = z.strictObject({ document: DocumentId.optional(), ...Paging });

export const CSV_COLUMNS = [
  'claim',
  'document',
  'section',
  'section_path',
  'line',
  'column',
  'status',
  'hedged',
  'citations',
  'context_citations',
  'text',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe.
 */
export function csvField(value: string | number | boolean): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (c: AuditClaim): string =>
  [
    c.key,
    c.document,
    c.section,
    c.sectionPath.join(' › '),
    c.line,
    c.column,
    c.status,
    c.hedged,
    c.citations.join(' '),
    c.contextCitations.join(' '),
    c.text,
  ]
    .map(csvField)
    .join(',');

/** The claims as a CSV document: a BOM (spreadsheets then read the Chinese as UTF-8), a header, CRLF lines. */
export const claimsCsv = (claims: readonly AuditClaim[]): string =>
  `\uFEFF${[CSV_COLUMNS.join(','), ...claims.map(csvRow)].join('\r\n')}\r\n`;

/** A file name from the filters: `audit-claims[-<document>][-<status>].csv`, ASCII only. */
function csvName(q: { document?: string; status?: string }): string {
  const part = (s: string | undefined) =>
    s === undefined
      ? ''
      : `-${s
          .replace(/^doc:/, '')
          .replace(/[^A-Za-z0-9._-]+/g, '-')
          .slice(0, 80)}`;
  return `audit-claims${part(q.document)}${part(q.status)}.csv`;
}

const read = (op: Omit<Operation, 'method' | 'tag' | 'errors'>): Operation => ({
  method: 'get',
  tag: 'audit',
  errors: [400, 404, 503],
  ...op,
});

export const AUDIT_OPERATIONS: readonly Operation[] = [
  read({
    path: '/api/audit',
    operationId: 'auditSummary',
    summary: 'Citation coverage per chapter and section, and in all',
    description: 'The same figures as `npm run ingest -- --report`.',
    query: SummaryQuery,
    response: { status: 200, schema: AuditSummarySchema, description: 'The figures.' },
  }),
  read({
    path: '/api/audit/claims',
    operationId: 'auditClaims',
    summary: 'Claims with their citation status, filtered, sorted and paged',
    query: ClaimsQuery,
    response: { status: 200, schema: AuditClaimPageSchema, description: 'One page, and the counts of every match.' },
  }),
  read({
    path: '/api/audit/claims.csv',
    operationId: 'auditClaimsCsv',
    summary: 'Every claim the filters keep, as CSV',
    description: `UTF-8 with a BOM, CRLF lines; columns ${CSV_COLUMNS.join(', ')}.`,
    query: CsvQuery,
    response: {
      status: 200,
      contentTypes: ['text/csv'],
      description: 'The CSV file.',
      headers: { 'Content-Disposition': 'attachment; the file name names the filters.' },
    },
  }),
  read({
    path: '/api/audit/sources',
    operationId: 'auditSources',
    summary: 'Sources ranked by the claims citing them',
    query: ListQuery,
    response: { status: 200, schema: SourceRankPageSchema, description: 'One page of sources, most cited first.' },
  }),
  read({
    path: '/api/audit/co-citations',
    operationId: 'auditCoCitations',
    summary: 'Pairs of sources cited together by one claim, most often first',
    query: ListQuery,
    response: { status: 200, schema: CoCitationPageSchema, description: 'One page of pairs.' },
  }),
];

export function auditRouter({ audit }: AuditRouterDeps): Router {
  const router = Router();

  router.get('/audit', async (req, res) => {
    const { document } = parseInput(SummaryQuery, req.query, 'query');
    res.json(await audit.summary(document));
  });

  router.get('/audit/claims', async (req, res) => {
    const q = parseInput(ClaimsQuery, req.query, 'query');
    res.json(await audit.claims(q));
  });

  router.get('/audit/claims.csv', async (req, res) => {
    const q = parseInput(CsvQuery, req.query, 'query');
    const claims = await audit.allClaims(q);
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${csvName(q)}"`)
      .send(claimsCsv(claims));
  });

  router.get('/audit/sources', async (req, res) => {
    res.json(await audit.sources(parseInput(ListQuery, req.query, 'query')));
  });

  router.get('/audit/co-citations', async (req, res) => {
    res.json(await audit.coCitations(parseInput(ListQuery, req.query, 'query')));
  });

  return documented(router, AUDIT_OPERATIONS);
}
