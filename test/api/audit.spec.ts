// The citation audit over HTTP, against data/corpus in the embedded store: its figures are the ingest
// report's (buildQualityReport, what `npm run ingest -- --report` prints) for the ketamine chapter and in
// all; claims filter, sort and page; the CSV holds the same claims; sources and co-citations count what
// the chapters cite; bad parameters are 400 and unknown documents 404, as problem+json.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app';
import { auditRouter, csvField } from '../../server/api/routes/audit';
import { createExtractor } from '../../server/extract/extractor';
import type { ParsedChapter } from '../../server/ingest/chapter';
import { ingestInto } from '../../server/ingest/ingest-service';
import { buildQualityReport, type QualityReport } from '../../server/ingest/quality-report';
import {
  AuditService,
  type AuditClaim,
  type AuditSummary,
  type CoCitation,
  type SourceRank,
} from '../../server/services/audit-service';
import type { Page } from '../../server/store/graph-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { parseCsv } from '../e2e/support/csv';

const KETAMINE = 'doc:ketamine-synaptogenesis-applications.zh';

let dir: string;
let store: EmbeddedStore;
let app: ReturnType<typeof createApp>;
let report: QualityReport;
let chapters: ParsedChapter[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'api-audit-'));
  store = new EmbeddedStore(dir);
  await store.open();
  const summary = await ingestInto(store, ['data/corpus'], { extractor: createExtractor(), keepParsed: true });
  if (summary.errors.length) throw new Error(summary.errors.map((e) => e.message).join('\n'));
  chapters = summary.batch.parsed ?? [];
  report = buildQualityReport(chapters, summary.errors);
  app = createApp({
    store,
    logger: pino({ level: 'silent' }),
    clientDir: null,
    apiRouters: [auditRouter({ audit: new AuditService(store) })],
  });
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = async <T>(url: string): Promise<T> => {
  const res = await request(app).get(url);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as T;
};

/** The report's figures for one chapter: what `--report` prints for it. */
function reportFor(docKey: string) {
  const chapter = chapters.find((c) => c.key === docKey);
  if (!chapter) throw new Error(`no parsed chapter ${docKey}`);
  const sections = report.coverageBySection.filter((s) => s.document === docKey);
  const claims = sections.reduce((n, s) => n + s.claims, 0);
  const cited = sections.reduce((n, s) => n + s.cited, 0);
  const uncited = report.uncitedClaims.filter((u) => u.path === chapter.attributes.path);
  return { chapter, sections, claims, cited, uncited };
}

describe('the audit summary', () => {
  it("gives the ketamine chapter's claims, cited, uncited and coverage per section exactly as the ingest report", async () => {
    const expected = reportFor(KETAMINE);
    expect(expected.claims).toBe(expected.chapter.claims.length);
    const s = await get<AuditSummary>(`/api/audit?document=${encodeURIComponent(KETAMINE)}`);
    expect(s.documents).toHaveLength(1);
    const doc = s.documents[0]!;
    expect(doc.key).toBe(KETAMINE);
    expect(doc.claims).toBe(expected.claims);
    expect(doc.cited).toBe(expected.cited);
    expect(doc.uncited).toBe(expected.uncited.length);
    expect(doc.uncited).toBeGreaterThan(0);
    expect(doc.coverage).toBeCloseTo(expected.cited / expected.claims, 12);
    expect(
      doc.sections.map((x) => ({ document: KETAMINE, section: x.title, claims: x.claims, cited: x.cited })),
    ).toEqual(expected.sections);
    for (const x of doc.sections) {
      expect(x.uncited).toBe(x.claims - x.cited);
      expect(x.coverage).toBeCloseTo(x.claims ? x.cited / x.claims : 0, 12);
      expect(x.contextCited).toBeLessThanOrEqual(x.uncited);
    }
    // Context-cited and hedged: counted from the parsed claims the report reads.
    const parsed = expected.chapter.claims.map((c) => c.attributes);
    expect(doc.contextCited).toBe(parsed.filter((a) => !a.citations.length && a.contextCitations.length).length);
    expect(doc.hedged).toBe(parsed.filter((a) => a.hedged).length);
    expect(s.totals).toMatchObject({ claims: doc.claims, cited: doc.cited, uncited: doc.uncited });
  });

  it('gives the totals of the whole corpus as the report does', async () => {
    const s = await get<AuditSummary>('/api/audit');
    expect(s.documents.map((d) => d.key)).toEqual([...chapters.map((c) => c.key)].sort());
    expect(s.totals.claims).toBe(report.claims);
    expect(s.totals.cited).toBe(report.cited);
    expect(s.totals.uncited).toBe(report.uncitedClaims.length);
    expect(s.totals.coverage).toBeCloseTo(report.coverage, 12);
    // Chapter by chapter (the report lists them in ingest order, the audit by key).
    for (const d of s.documents) {
      const sections = d.sections.map((x) => ({ document: d.key, section: x.title, claims: x.claims, cited: x.cited }));
      expect(sections).toEqual(report.coverageBySection.filter((x) => x.document === d.key));
    }
  });
});

describe('the claim list', () => {
  it('lists exactly the uncited claims of the report for a chapter, in reading order', async () => {
    const expected = reportFor(KETAMINE);
    const page = await get<Page<AuditClaim>>(
      `/api/audit/claims?document=${encodeURIComponent(KETAMINE)}&status=uncited&limit=500`,
    );
    expect(page.total).toBe(expected.uncited.length);
    expect(page.items.map((c) => c.key)).toEqual(expected.uncited.map((u) => u.claim));
    for (const c of page.items) expect(c.status === 'uncited' || c.status === 'context').toBe(true);
  });

  it('filters by section and status, sorts and pages', async () => {
    const s = await get<AuditSummary>(`/api/audit?document=${encodeURIComponent(KETAMINE)}`);
    const section = s.documents[0]!.sections.find((x) => x.cited > 0 && x.uncited > 0)!;
    const all = await get<Page<AuditClaim>>(`/api/audit/claims?section=${encodeURIComponent(section.key)}&limit=500`);
    expect(all.total).toBe(section.claims);
    expect(all.items.every((c) => c.section === section.key)).toBe(true);
    const cited = await get<Page<AuditClaim>>(
      `/api/audit/claims?section=${encodeURIComponent(section.key)}&status=cited&limit=500`,
    );
    expect(cited.total).toBe(section.cited);
    expect(cited.items.every((c) => c.citations.length > 0)).toBe(true);
    const hedged = await get<Page<AuditClaim>>(
      `/api/audit/claims?document=${encodeURIComponent(KETAMINE)}&status=hedged&limit=500`,
    );
    expect(hedged.items.every((c) => c.hedged)).toBe(true);
    expect(hedged.total).toBe(s.documents[0]!.hedged);

    // Uncited first (status ascending), cited first when descending; ties keep reading order.
    const up = await get<Page<AuditClaim>>(
      `/api/audit/claims?section=${encodeURIComponent(section.key)}&sort=status&limit=500`,
    );
    const down = await get<Page<AuditClaim>>(
      `/api/audit/claims?section=${encodeURIComponent(section.key)}&sort=-status&limit=500`,
    );
    expect(up.items[0]!.status).not.toBe('cited');
    expect(down.items[0]!.status).toBe('cited');
    const rank = new Map(all.items.map((c, i) => [c.key, i]));
    const cite = down.items.filter((c) => c.status === 'cited').map((c) => rank.get(c.key)!);
    expect(cite).toEqual([...cite].sort((a, b) => a - b));

    // Pages put together give the whole list.
    const pages: string[] = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const p = await get<Page<AuditClaim>>(
        `/api/audit/claims?section=${encodeURIComponent(section.key)}&offset=${offset}&limit=3`,
      );
      pages.push(...p.items.map((c) => c.key));
    }
    expect(pages).toEqual(all.items.map((c) => c.key));
  });

  it('downloads the same claims as CSV, with a header, one row per claim and the text intact', async () => {
    const url = `/api/audit/claims.csv?document=${encodeURIComponent(KETAMINE)}&status=uncited`;
    const res = await request(app).get(url).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="audit-claims-ketamine-synaptogenesis-applications.zh-uncited.csv"',
    );
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([
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
    ]);
    const json = await get<Page<AuditClaim>>(
      `/api/audit/claims?document=${encodeURIComponent(KETAMINE)}&status=uncited&limit=500`,
    );
    const body = rows.slice(1);
    expect(body.map((r) => r[0])).toEqual(json.items.map((c) => c.key));
    for (const [i, r] of body.entries()) {
      const c = json.items[i]!;
      expect(r[1]).toBe(KETAMINE);
      expect(r[6]).toBe(c.status);
      expect(r[10]).toBe(c.text);
    }
  });

  it('quotes fields with commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(12)).toBe('12');
  });
});

describe('sources and co-citations', () => {
  it('ranks sources by the claims citing them with their own markers', async () => {
    const page = await get<Page<SourceRank>>('/api/audit/sources?limit=500');
    expect(page.total).toBeGreaterThan(3);
    const counts = page.items.map((s) => s.claims);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const parsed = chapters.flatMap((c) => c.claims.map((x) => x.attributes));
    for (const s of page.items.slice(0, 5)) {
      expect(s.claims).toBe(parsed.filter((a) => a.citations.includes(s.problemId)).length);
    }
    // One chapter's ranking counts that chapter's claims only.
    const one = await get<Page<SourceRank>>(`/api/audit/sources?document=${encodeURIComponent(KETAMINE)}&limit=500`);
    const ketamine = reportFor(KETAMINE).chapter.claims.map((x) => x.attributes);
    for (const s of one.items) {
      expect(s.documents).toEqual([KETAMINE]);
      expect(s.claims).toBe(ketamine.filter((a) => a.citations.includes(s.problemId)).length);
    }
  });

  it('counts pairs of problems cited by one claim', async () => {
    const page = await get<Page<CoCitation>>('/api/audit/co-citations?limit=500');
    expect(page.total).toBeGreaterThan(0);
    const parsed = chapters.flatMap((c) => c.claims.map((x) => ({ key: x.key, a: x.attributes })));
    for (const p of page.items.slice(0, 10)) {
      expect(p.a < p.b).toBe(true);
      const both = parsed.filter((c) => c.a.citations.includes(p.a) && c.a.citations.includes(p.b));
      expect(p.count).toBe(both.length);
      expect(p.claims).toEqual(both.slice(0, 5).map((c) => c.key));
    }
    const counts = page.items.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('parameters', () => {
  it.each([
    ['/api/audit/claims?status=maybe', 'status'],
    ['/api/audit/claims?sort=text', 'sort'],
    ['/api/audit/claims?limit=501', 'limit'],
    ['/api/audit/claims?limit=-1', 'limit'],
    ['/api/audit/claims?colour=red', 'query'],
    ['/api/audit/claims.csv?offset=0', 'query'],
    ['/api/audit?section=x', 'query'],
    ['/api/audit/sources?limit=0', 'limit'],
  ])('%s is a 400 naming %s', async (url, name) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body as { detail: string }).detail).toContain(name);
  });

  it('answers 404 for a document or section that does not exist, 400 for a section of another document', async () => {
    for (const url of [
      '/api/audit?document=nothing',
      '/api/audit/claims?document=nothing',
      '/api/audit/claims?section=sec:nothing%230',
      '/api/audit/sources?document=nothing',
    ]) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const s = await get<AuditSummary>('/api/audit');
    const other = s.documents.find((d) => d.key !== KETAMINE)!.sections[0]!.key;
    const res = await request(app).get(
      `/api/audit/claims?document=${encodeURIComponent(KETAMINE)}&section=${encodeURIComponent(other)}`,
    );
    expect(res.status).toBe(400);
  });
});

describe('fresh figures', () => {
  it('follow a store that counts its changes at once, and an unversioned one within its time-to-live', async () => {
    const extra = 'test/fixtures/contract/corpus/a.zh.md';
    const fixed = { t: 0 };
    const unversioned = new Proxy(store, {
      get(target, prop) {
        if (prop === 'generation') return undefined;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const slow = new AuditService(unversioned, { ttlMs: 1000, now: () => fixed.t });
    const before = await get<AuditSummary>('/api/audit');
    expect((await slow.summary()).totals).toEqual(before.totals);

    const summary = await ingestInto(store, [extra], { extractor: createExtractor() });
    expect(summary.errors).toEqual([]);
    const after = await get<AuditSummary>('/api/audit');
    expect(after.documents).toHaveLength(before.documents.length + 1);
    expect(after.totals.claims).toBeGreaterThan(before.totals.claims);
    // Within its time-to-live the unversioned service still answers from its snapshot, then catches up.
    expect((await slow.summary()).totals).toEqual(before.totals);
    fixed.t = 1001;
    expect((await slow.summary()).totals).toEqual(after.totals);
  });
});
