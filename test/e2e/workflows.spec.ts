/**
 * Reviewers' and educators' workflows end to end: Debian's Chromium against the real server
 * (server/api/app.ts with the curation, saved-view and audit routers, API_TOKEN set) and data/corpus
 * ingested into a temp store. A reviewer reads the citation audit — the ketamine chapter's uncited count
 * and per-section coverage must be the ingest report's — downloads it as CSV, confirms and rejects
 * relations with notes (badges, the audit trail, rejected relations hidden until asked for) and adds a
 * missing one; an educator builds a concept map from three concepts (search, click, lasso), links and
 * annotates it, saves it, opens it from its shared link, renames it, exports it as CXL and deletes it. A
 * second server without API_TOKEN shows the read-only notice. Nothing may be logged as an error.
 *
 * Every workflow runs twice, over the embedded store and over a throwaway Neo4j server (which then holds
 * the curation and the views too; skipped with one line where Java is missing, an error in CI), in one
 * shared browser: each server is an origin of its own, so no token or setting carries over.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { gatedIt } from '../support/gated-it';
import type { CuratedVerdict } from '../../server/curation/curation-service';
import type { AuditEntry, View } from '../../server/curation/types';
import type { ParsedChapter } from '../../server/ingest/chapter';
import { buildQualityReport, type QualityReport } from '../../server/ingest/quality-report';
import { edgeKey, type GraphExport } from '../../server/model/types';
import type { ConceptView } from '../../server/services/explorer-service';
import type { ClaimDetail, Keyed, Page as ResultPage } from '../../server/store/graph-store';
import type { ClaimAttributes } from '../../server/model/types';
import { browserAvailable, openSession, screenshot, waitForGraph, type Session } from './support/browser';
import { REPO } from './support/client-build';
import { parseCsv } from './support/csv';
import { startWorkflowApp, type WorkflowApp, type WorkflowBackend } from './support/workflow-app';
import { startTestNeo4j, type TestNeo4j } from '../support/neo4j-server';

const run = browserAvailable();
const T = 120_000;
const TOKEN = 'e2e-workflow-token-7f3a';
const CURATOR = 'Ana Reviewer';
const KETAMINE_DOC = 'doc:ketamine-synaptogenesis-applications.zh';
const KETAMINE = 'concept:ketamine';

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** The ingest report's figures for one chapter: what `npm run ingest -- --report` prints for it. */
function reportFor(report: QualityReport, chapters: ParsedChapter[], docKey: string) {
  const chapter = chapters.find((c) => c.key === docKey);
  if (!chapter) throw new Error(`no parsed chapter ${docKey}`);
  const sections = report.coverageBySection.filter((s) => s.document === docKey);
  return {
    claims: sections.reduce((n, s) => n + s.claims, 0),
    cited: sections.reduce((n, s) => n + s.cited, 0),
    uncited: report.uncitedClaims.filter((u) => u.path === chapter.attributes.path),
    sections,
  };
}

/** Types into a combobox and chooses the option with the given key. */
async function choose(page: Page, combobox: Locator, text: string, key: string): Promise<void> {
  await combobox.focus();
  await combobox.fill('');
  await page.keyboard.type(text);
  const listId = await combobox.getAttribute('aria-controls');
  const option = page.locator(`#${listId} [role="option"][data-key="${key}"]`);
  await option.waitFor({ state: 'visible', timeout: 15_000 });
  await option.click();
}

/** Circles of the explorer's graph as the SVG export draws them (viewport coordinates of the stage). */
async function drawnNodes(page: Page): Promise<{ x: number; y: number; r: number; key: string }[]> {
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-svg"]').click()]);
  const drawn = readFileSync(await svg.path(), 'utf8');
  return [...drawn.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)" fill="[^"]+" data-key="([^"]+)"/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]), key: m[4] ?? '' }),
  );
}

const transformOf = async (item: Locator): Promise<{ x: number; y: number }> => {
  const m = /translate\(([\d.-]+) ([\d.-]+)\)/.exec((await item.getAttribute('transform')) ?? '');
  return { x: Number(m?.[1]), y: Number(m?.[2]) };
};

/** Where a run's servers keep the graph and the curation; `open` gives null when it cannot run here. */
interface Backend {
  name: string;
  open(): Promise<WorkflowBackend | null>;
  release(): Promise<void>;
}

let neo4j: TestNeo4j | null = null;
const BACKENDS: Backend[] = [
  { name: 'embedded', open: async () => ({ kind: 'embedded' }), release: async () => undefined },
  {
    name: 'neo4j',
    open: async () => {
      // Null without Java (startTestNeo4j says so on one line); in CI it throws instead.
      neo4j = await startTestNeo4j();
      if (!neo4j) return null;
      const { uri, user, password, database } = neo4j;
      return { kind: 'neo4j', connection: { uri, user, password, database } };
    },
    release: async () => {
      await neo4j?.stop();
      neo4j = null;
    },
  },
];

/** One browser for both runs. */
let shared: Session | null = null;
const sharedSession = async (): Promise<Session> => (shared ??= await openSession());

describe.skipIf(!run)('reviewers and educators in Chromium against the real server with data/corpus', () => {
  afterAll(async () => {
    await shared?.close();
    shared = null;
  });

  describe.each(BACKENDS)('over the $name store', (backend) => workflowSpecs(backend));
});

function workflowSpecs(backend: Backend): void {
  let available = false;
  /** A test that is skipped when the store cannot run here. */
  const it = gatedIt(() => available);
  let app: WorkflowApp;
  let readOnly: WorkflowApp;
  let s: Session;
  let page: Page;
  let expected: ReturnType<typeof reportFor>;

  beforeAll(async () => {
    const where = await backend.open();
    if (!where) return;
    const corpus = path.join(REPO, 'data/corpus');
    app = await startWorkflowApp([corpus], { token: TOKEN, backend: where });
    // Over Neo4j the read-only server shares the database (its chapters are then unchanged).
    readOnly = await startWorkflowApp([corpus], { token: null, backend: where });
    const chapters = app.summary.batch.parsed ?? [];
    expected = reportFor(buildQualityReport(chapters, app.summary.errors), chapters, KETAMINE_DOC);
    s = await sharedSession();
    page = s.page;
    available = true;
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    await readOnly?.close();
    await backend.release();
  }, 120_000);

  it(
    "shows the ketamine chapter's uncited count and per-section coverage exactly as the ingest report",
    async () => {
      await page.goto(`${app.url}/?lang=en&mode=audit`);
      const coverage = page.getByTestId('audit-coverage');
      const chapterRow = coverage.locator(`li[data-document="${KETAMINE_DOC}"]`);
      await chapterRow.waitFor();
      expect(await chapterRow.getAttribute('data-uncited')).toBe(String(expected.uncited.length));
      await chapterRow.locator('.coverage-name').click();
      await page.waitForFunction((doc) => new URL(location.href).searchParams.get('adoc') === doc, KETAMINE_DOC);

      const figures = page.locator(`.figures[data-scope="${KETAMINE_DOC}"]`);
      await figures.waitFor();
      expect(await figures.getAttribute('data-claims')).toBe(String(expected.claims));
      expect(await figures.getAttribute('data-cited')).toBe(String(expected.cited));
      expect(await figures.getAttribute('data-uncited')).toBe(String(expected.uncited.length));
      const shown = (await figures.innerText()).replace(/\s+/g, ' ');
      expect(shown).toContain(`${expected.uncited.length} uncited`);
      expect(shown).toContain(`${((expected.cited / expected.claims) * 100).toFixed(1)}%`);

      // Coverage per section: the report's sections, in its order, with its counts.
      const sections = coverage.locator('.coverage-sections li[data-section]');
      await sections.first().waitFor();
      const rows = await sections.evaluateAll((els) =>
        els.map((e) => ({
          section: e.querySelector('.coverage-name')?.textContent ?? '',
          claims: Number((e as HTMLElement).dataset.claims),
          cited: Number((e as HTMLElement).dataset.cited),
          numbers: e.querySelector('.coverage-numbers')?.textContent ?? '',
        })),
      );
      expect(rows.map(({ numbers: _n, ...r }) => r)).toEqual(
        expected.sections.map((x) => ({ section: x.section, claims: x.claims, cited: x.cited })),
      );
      for (const r of rows) expect(r.numbers.startsWith(`${r.cited}/${r.claims} cited`)).toBe(true);

      // The claim table holds the chapter's sentences; sources and co-citations are listed.
      const table = page.getByTestId('audit-claims').locator('table');
      await page.waitForFunction(
        (n) => document.querySelector('.audit-table')?.getAttribute('data-total') === n,
        String(expected.claims),
      );
      expect(await table.locator('tbody tr').count()).toBe(Math.min(50, expected.claims));
      await page.getByTestId('audit-sources').locator('li[data-source-rank]').first().waitFor();
      expect(await page.getByTestId('audit-cocitations').locator('li[data-pair]').count()).toBeGreaterThan(0);
      await screenshot(page, '10-audit');

      // Filter: uncited only — the report's uncited sentences, over two pages.
      await page.locator('select[data-audit-filter="status"]').selectOption('uncited');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('astatus') === 'uncited');
      await page.waitForFunction(
        (n) => document.querySelector('.audit-table')?.getAttribute('data-total') === n,
        String(expected.uncited.length),
      );
      const statuses = await table
        .locator('tbody tr')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses.every((x) => x === 'uncited' || x === 'context')).toBe(true);
      expect(await page.getByTestId('audit-range').textContent()).toBe(`1–50 of ${expected.uncited.length}`);
      await page.locator('[data-action="audit-next"]').click();
      await page.waitForFunction(
        (t) => document.querySelector('[data-testid="audit-range"]')?.textContent === t,
        `51–${expected.uncited.length} of ${expected.uncited.length}`,
      );

      // Sort by status (keyboard): uncited before context-cited, and the header says so.
      const sortStatus = page.locator('button[data-sort="status"]');
      await sortStatus.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('asort') === 'status');
      await page.waitForFunction(
        () => document.querySelector('th:has(button[data-sort="status"])')?.getAttribute('aria-sort') === 'ascending',
      );
      const sorted = await table
        .locator('tbody tr')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      const rank = (x: string | null) => (x === 'uncited' ? 0 : 1);
      expect(sorted.map(rank)).toEqual([...sorted.map(rank)].sort((a, b) => a - b));

      // A sentence opens in the details, with its place and citation status.
      const first = table.locator('[data-open-claim]').first();
      const key = (await first.getAttribute('data-open-claim')) ?? '';
      await first.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, key);
      await page.getByTestId('details').locator(`[data-claim="${key}"] .claim-quote`).waitFor();
      expect(await page.getByTestId('details').locator('.badge-uncited, .chip').count()).toBeGreaterThan(0);
    },
    T,
  );

  it(
    'downloads the filtered sentences as CSV: the same uncited sentences, text intact',
    async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="audit-csv"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe('audit-claims-ketamine-synaptogenesis-applications.zh-uncited.csv');
      const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
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
      const body = rows.slice(1);
      expect(body).toHaveLength(expected.uncited.length);
      expect(body.map((r) => r[0]).sort()).toEqual(expected.uncited.map((u) => u.claim).sort());
      const byKey = new Map(expected.uncited.map((u) => [u.claim, u]));
      for (const r of body) {
        expect(r[1]).toBe(KETAMINE_DOC);
        expect(['uncited', 'context']).toContain(r[6]);
        const u = byKey.get(r[0] ?? '');
        expect(Number(r[4])).toBe(u?.line);
        expect(r[10]).toBe(u?.detail);
      }
    },
    T,
  );

  it(
    'says the server is read-only when it has no API_TOKEN, and writes nothing',
    async () => {
      const trailBefore = (await getJson<ResultPage<AuditEntry>>(`${readOnly.url}/api/curation/audit`)).total;
      const viewsBefore = (await getJson<{ items: unknown[] }>(`${readOnly.url}/api/views`)).items;
      const ro = await openSession();
      try {
        await ro.page.goto(`${readOnly.url}/?lang=en&sel=${encodeURIComponent(KETAMINE)}`);
        await waitForGraph(ro.page);
        const toggle = ro.page.getByTestId('details').locator('.relation-toggle').first();
        await toggle.waitFor();
        const relation = (await toggle.getAttribute('data-relation')) ?? '';
        await toggle.click();
        const review = ro.page.getByTestId('details').locator(`.review[data-review="${relation}"]`);
        await review.waitFor();
        await review.getByTestId('review-note').fill('Checking whether this server takes writes.');
        await review.locator('[data-action="confirm-relation"]').click();
        await review.locator('[data-testid="write-notice"][data-state="read-only"]').waitFor();
        expect(await review.getByTestId('review-message').textContent()).toContain('read-only');
        expect(await ro.page.locator('[data-action="access"]').textContent()).toBe('Read-only');
        // Saving a map is refused at once now that the client knows: no second request.
        await ro.page.locator('[data-mode="map"]').click();
        await choose(ro.page, ro.page.getByTestId('map-search'), 'ketamine', KETAMINE);
        await ro.page.getByTestId('map-name').fill('Not saved');
        await ro.page.locator('[data-action="map-save"]').click();
        await ro.page.waitForFunction(() =>
          document.querySelector('[data-testid="map-status"]')?.textContent?.includes('read-only'),
        );
        expect(
          await ro.page.getByTestId('map-panel').locator('[data-testid="write-notice"]').getAttribute('data-state'),
        ).toBe('read-only');
        const trail = await getJson<ResultPage<AuditEntry>>(`${readOnly.url}/api/curation/audit`);
        expect(trail.total).toBe(trailBefore);
        expect((await getJson<{ items: unknown[] }>(`${readOnly.url}/api/views`)).items).toEqual(viewsBefore);
        // The one refused write is the browser's only complaint: the 403 it was answered with.
        expect(ro.log.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
        expect(ro.log.errors.length).toBeLessThanOrEqual(1);
        expect(ro.log.dialogs).toEqual([]);
      } finally {
        await ro.close();
      }
    },
    T,
  );

  it(
    'confirms and rejects relations with notes: badges, the audit trail, rejected relations hidden until asked for',
    async () => {
      await page.goto(`${app.url}/?lang=en&sel=${encodeURIComponent(KETAMINE)}`);
      await waitForGraph(page);
      const details = page.getByTestId('details');
      await details.locator(`[data-concept="${KETAMINE}"] .relation-toggle`).first().waitFor();
      expect(await details.getByTestId('write-notice').first().getAttribute('data-state')).toBe('no-token');

      // The token goes in through the access form and stays for the tab's session.
      await page.locator('[data-action="access"]').click();
      await page.getByTestId('access-token').fill(TOKEN);
      await page.getByTestId('access-curator').fill(CURATOR);
      await page.locator('[data-action="save-token"]').click();
      expect(await page.locator('[data-action="access"]').textContent()).toBe('Token set');
      // With a token the client reads the verdicts (none yet).
      await page.waitForFunction(() => document.documentElement.dataset.curation === 'available');

      const toggles = details.locator('.relation-toggle');
      const confirmed = (await toggles.nth(0).getAttribute('data-relation')) ?? '';
      const rejected = (await toggles.nth(1).getAttribute('data-relation')) ?? '';
      expect(confirmed.startsWith('rel:')).toBe(true);
      expect(rejected.startsWith('rel:')).toBe(true);
      const linksShown = async () =>
        Number(
          /and ([\d,]+) links/
            .exec((await page.getByTestId('graph-summary').textContent()) ?? '')?.[1]
            ?.replace(/,/g, ''),
        );
      const before = await linksShown();

      const review = async (toggle: Locator, relation: string) => {
        await toggle.click();
        const region = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
        const form = region.locator(`.review[data-review="${relation}"]`);
        await form.waitFor();
        return form;
      };
      const one = await review(toggles.nth(0), confirmed);
      await one.getByTestId('review-note').fill('The sentence states this plainly, with a citation.');
      await one.locator('[data-action="confirm-relation"]').click();
      await toggles.nth(0).locator('[data-verdict="confirmed"]').waitFor();
      const line = one.getByTestId('verdict');
      await line.waitFor();
      expect(await line.getAttribute('data-verdict')).toBe('confirmed');
      expect(await line.innerText()).toContain(CURATOR);
      expect(await line.innerText()).toContain('The sentence states this plainly');
      await screenshot(page, '11-curation');

      const two = await review(toggles.nth(1), rejected);
      await two
        .getByTestId('review-note')
        .fill('Extraction error: the sentence contrasts the two, it does not relate them.');
      await two.locator('[data-action="reject-relation"]').click();
      await details.locator(`.relation-toggle[data-relation="${rejected}"] [data-verdict="rejected"]`).waitFor();
      expect(await two.getByTestId('review-message').textContent()).toContain('hidden from the graph');
      // The graph hides the rejected relation at once (when the overview draws it), and so does the API now.
      const graphUrl = `${app.url}/api/graph?limit=5000&edges=relation,co_mention`;
      const overview = await getJson<GraphExport>(`${graphUrl}&showRejected=true`);
      expect((await getJson<GraphExport>(graphUrl)).edges.some((e) => e.key === rejected)).toBe(false);
      if (overview.edges.some((e) => e.key === rejected)) {
        expect(overview.edges.find((e) => e.key === rejected)?.attributes).toMatchObject({ curation: 'rejected' });
        await page.waitForFunction(
          (n) =>
            new RegExp(`and ${n} links`).test(
              document.querySelector('[data-testid="graph-summary"]')?.textContent ?? '',
            ),
          before - 1,
        );
      }

      // The audit trail: both verdicts with their notes and their author, over the API and in the Audit mode.
      const trail = await getJson<ResultPage<AuditEntry>>(`${app.url}/api/curation/audit`);
      const byTarget = new Map(trail.items.map((e) => [e.target, e]));
      expect(byTarget.get(confirmed)).toMatchObject({ action: 'confirm', author: CURATOR });
      expect(byTarget.get(rejected)).toMatchObject({ action: 'reject', author: CURATOR });
      expect(byTarget.get(rejected)?.note).toContain('Extraction error');
      await page.locator('[data-mode="audit"]').click();
      const entry = page.getByTestId('curation-trail').locator(`li[data-action="reject"][data-target="${rejected}"]`);
      await entry.waitFor();
      expect(await entry.innerText()).toContain(CURATOR);
      expect(await entry.innerText()).toContain('Extraction error');
      expect(
        await page
          .getByTestId('curation-trail')
          .locator(`li[data-action="confirm"][data-target="${confirmed}"]`)
          .count(),
      ).toBe(1);

      // Opened again: the rejected relation is left out until "show" is asked for.
      await page.goto(`${app.url}/?lang=en&sel=${encodeURIComponent(KETAMINE)}`);
      await waitForGraph(page);
      await details.locator('.rejected-note').waitFor();
      expect(await details.locator(`.relation-toggle[data-relation="${rejected}"]`).count()).toBe(0);
      await details.locator(`.relation-toggle[data-relation="${confirmed}"] [data-verdict="confirmed"]`).waitFor();
      await details.locator('[data-action="toggle-rejected"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('rejected') === '1');
      await details.locator(`.relation-toggle[data-relation="${rejected}"] [data-verdict="rejected"]`).waitFor();
      expect(await page.locator('input[data-filter="show-rejected"]').isChecked()).toBe(true);
      await page.locator('input[data-filter="show-rejected"]').uncheck();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('rejected'));
      await details.locator('.rejected-note').waitFor();
    },
    T,
  );

  it(
    'adds a relation the extractor missed, with its evidence sentence and a note',
    async () => {
      // A concept that shares a sentence with ketamine and has no "contrasted with" relation to it.
      const concept = await getJson<ConceptView>(`${app.url}/api/concepts/${encodeURIComponent(KETAMINE)}`);
      const contrasted = new Set(
        concept.relations
          .filter((g) => g.predicate === 'contrasted_with')
          .flatMap((g) => g.relations.map((r) => r.other.key)),
      );
      const claims = await getJson<ResultPage<Keyed<ClaimAttributes>>>(
        `${app.url}/api/claims?concept=${encodeURIComponent(KETAMINE)}&limit=50`,
      );
      let other: { key: string; label: string } | null = null;
      for (const c of claims.items) {
        const d = await getJson<ClaimDetail>(`${app.url}/api/claims/${encodeURIComponent(c.key)}`);
        const found = d.concepts.find(
          (x) => x.key !== KETAMINE && x.labels.en && !contrasted.has(x.key) && x.labels.en.length > 4,
        );
        if (found) {
          other = { key: found.key, label: found.labels.en ?? found.label };
          break;
        }
      }
      expect(other).not.toBeNull();
      if (!other) return;
      const relation = edgeKey.relation(KETAMINE, 'contrasted_with', other.key);

      const details = page.getByTestId('details');
      const form = details.getByTestId('add-relation');
      await form.locator('[data-action="toggle-add-relation"]').click();
      expect(await form.locator('[data-action="toggle-add-relation"]').getAttribute('aria-expanded')).toBe('true');
      expect(await form.getByTestId('add-subject').inputValue()).toBe('ketamine');
      await choose(page, form.getByTestId('add-object'), other.label, other.key);
      await form.getByTestId('add-predicate').selectOption('contrasted_with');
      const evidence = form.getByTestId('add-evidence').locator('input[type="radio"]');
      await evidence.first().waitFor();
      expect(await evidence.first().isChecked()).toBe(true);
      const claim = (await evidence.first().getAttribute('value')) ?? '';
      await form.getByTestId('add-note').fill('The sentence sets the two side by side.');
      await form.locator('[data-action="add-relation"]').click();
      const opened = form.locator('[data-action="open-added"]');
      await opened.waitFor();
      expect(await opened.getAttribute('data-edge')).toBe(relation);
      const verdicts = await getJson<{ items: CuratedVerdict[] }>(`${app.url}/api/curation/verdicts`);
      expect(verdicts.items.find((v) => v.relation === relation)).toMatchObject({
        verdict: 'added',
        author: CURATOR,
        evidence: { claim },
      });
      await opened.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, relation);
      await details.locator(`.detail-edge[data-edge="${relation}"] .badges [data-verdict="added"]`).waitFor();
      expect(await details.locator('.detail-edge .review').getByTestId('verdict').getAttribute('data-verdict')).toBe(
        'added',
      );
      await details.locator(`.detail-edge li.claim[data-claim="${claim}"]`).waitFor();
    },
    T,
  );

  it(
    'builds a concept map from three concepts (search, click, lasso), links and annotates it, saves and shares it',
    async () => {
      await page.goto(`${app.url}/?lang=en&mode=map`);
      await waitForGraph(page);
      const panel = page.getByTestId('map-panel');
      const canvas = page.getByTestId('map-canvas');
      await choose(page, page.getByTestId('map-search'), 'ketamine', KETAMINE);
      await panel.locator(`[data-map-concept="${KETAMINE}"]`).waitFor();

      // Where the graph's nodes are: two well-separated ones, one to click and one to lasso.
      const stage = await page.getByTestId('graph').boundingBox();
      if (!stage) throw new Error('no stage');
      const circles = await drawnNodes(page);
      const clear = (c: (typeof circles)[number]) =>
        circles.every((o) => o === c || Math.hypot(o.x - c.x, o.y - c.y) > c.r + o.r + 10);
      const candidates = circles
        .filter(
          (c) =>
            c.key !== KETAMINE && c.r >= 4 && c.x > 30 && c.y > 30 && c.x < stage.width - 30 && c.y < stage.height - 40,
        )
        .filter(clear)
        .sort((a, b) => b.r - a.r);
      const [clicked, lassoed] = candidates;
      expect(clicked && lassoed).toBeTruthy();
      if (!clicked || !lassoed) return;
      await page.mouse.click(stage.x + clicked.x, stage.y + clicked.y);
      await panel.locator(`[data-map-concept="${clicked.key}"]`).waitFor();

      const pad = lassoed.r + 5;
      const [cx, cy] = [stage.x + lassoed.x, stage.y + lassoed.y];
      await page.keyboard.down('Shift');
      await page.mouse.move(cx - pad, cy - pad);
      await page.mouse.down();
      for (const [dx, dy] of [
        [pad, -pad],
        [pad, pad],
        [-pad, pad],
        [-pad, -pad],
      ] as const) {
        await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
      }
      await page.mouse.up();
      await page.keyboard.up('Shift');
      await panel.locator(`[data-map-concept="${lassoed.key}"]`).waitFor();
      const keys = await panel
        .locator('[data-map-concept]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-map-concept')));
      expect(keys.sort()).toEqual([KETAMINE, clicked.key, lassoed.key].sort());
      expect(await canvas.locator('[data-kind="concept"]').count()).toBe(3);

      // A link drawn by hand, labelled with the predicate in the interface's language.
      await panel.getByTestId('map-link-source').selectOption(clicked.key);
      await panel.getByTestId('map-link-predicate').selectOption('associated_with');
      await panel.getByTestId('map-link-target').selectOption(lassoed.key);
      await panel.locator('[data-action="map-add-link"]').click();
      await panel
        .locator(`[data-map-link="${clicked.key}→${lassoed.key}"][data-predicate="associated_with"]`)
        .waitFor();
      expect(await canvas.locator(`text[data-link="${clicked.key}→${lassoed.key}"]`).textContent()).toBe(
        'associated with',
      );

      // A note on the map.
      const note = 'Ask the class: why does the effect last after the drug is gone?';
      await panel.getByTestId('map-new-note').fill(note);
      await panel.locator('[data-action="map-add-note"]').click();
      await canvas.locator('[data-kind="note"]').waitFor();
      expect((await canvas.locator('[data-kind="note"] tspan').allTextContents()).join(' ')).toBe(note);

      // Arranging: the layout helpers move concepts; so do dragging and the arrow keys.
      const item = canvas.locator(`[data-map-item="${KETAMINE}"]`);
      const p0 = await transformOf(item);
      await panel.locator('[data-action="map-layout-circle"]').click();
      const p1 = await transformOf(item);
      expect(p1).not.toEqual(p0);
      await panel.locator('[data-action="map-layout-force"]').click();
      await panel.locator('[data-action="map-layout-grid"]').click();
      const p2 = await transformOf(item);
      expect(p2).not.toEqual(p1);
      const box = await item.boundingBox();
      if (!box) throw new Error('no map item');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 50, { steps: 6 });
      await page.mouse.up();
      const p3 = await transformOf(item);
      expect(p3.x).toBeGreaterThan(p2.x + 20);
      expect(p3.y).toBeGreaterThan(p2.y + 10);
      await item.focus();
      await page.keyboard.press('ArrowRight');
      expect((await transformOf(item)).x).toBeCloseTo(p3.x + 10, 0);

      // Saved under a name: the URL and the share link carry the view's id.
      await panel.getByTestId('map-name').fill('Ketamine overview');
      await panel.locator('[data-action="map-save"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('view'));
      await panel.getByTestId('map-share-link').waitFor();
      const id = param(page, 'view') ?? '';
      const shared = await panel.getByTestId('map-share-link').inputValue();
      expect(new URL(shared).searchParams.get('view')).toBe(id);
      expect(new URL(shared).searchParams.get('mode')).toBe('map');
      const view = await getJson<View>(`${app.url}/api/views/${id}`);
      expect(view.name).toBe('Ketamine overview');
      expect(view.concepts.map((c) => c.key).sort()).toEqual(keys.sort());
      expect(view.links).toContainEqual({ source: clicked.key, target: lassoed.key, predicate: 'associated_with' });
      expect(view.notes.map((n) => n.text)).toEqual([note]);

      // Opened from the shared link in another browser: the same map.
      const other = await openSession();
      try {
        await other.page.goto(shared);
        const otherPanel = other.page.getByTestId('map-panel');
        await otherPanel.locator('[data-map-concept]').nth(2).waitFor();
        const otherKeys = await otherPanel
          .locator('[data-map-concept]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-map-concept')));
        expect(otherKeys.sort()).toEqual(keys.sort());
        expect(await otherPanel.getByTestId('map-name').inputValue()).toBe('Ketamine overview');
        await other.page.getByTestId('map-canvas').locator('[data-kind="note"]').waitFor();
        expect(
          await other.page.getByTestId('map-canvas').locator(`text[data-link="${clicked.key}→${lassoed.key}"]`).count(),
        ).toBe(1);
        const moved = await transformOf(other.page.getByTestId('map-canvas').locator(`[data-map-item="${KETAMINE}"]`));
        expect(moved.x).toBeCloseTo(p3.x + 10, 0);
        expect(other.log.errors).toEqual([]);
      } finally {
        await other.close();
      }
    },
    2 * T,
  );

  it(
    'renames the map, exports it as CXL (and GraphML, SVG, PNG), then deletes it',
    async () => {
      const panel = page.getByTestId('map-panel');
      const id = param(page, 'view') ?? '';
      await panel.getByTestId('map-name').fill('Ketamine concept map');
      await panel.locator('[data-action="map-rename"]').click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="map-status"]')?.textContent?.startsWith('Renamed'),
      );
      expect((await getJson<View>(`${app.url}/api/views/${id}`)).name).toBe('Ketamine concept map');
      await panel
        .locator(`[data-testid="map-saved"] li[data-view="${id}"]`)
        .filter({ hasText: 'Ketamine concept map' })
        .waitFor();

      const labels = await panel.locator('[data-map-concept] .link-button').allTextContents();
      const [cxl] = await Promise.all([
        page.waitForEvent('download'),
        panel.locator('[data-action="map-export-cxl"]').click(),
      ]);
      expect(cxl.suggestedFilename()).toBe('Ketamine-concept-map.cxl');
      const parsed = await page.evaluate(
        (text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const ns = 'http://cmap.ihmc.us/xml/cmap/';
          const labelsOf = (tag: string) =>
            [...doc.getElementsByTagNameNS(ns, tag)].map((e) => e.getAttribute('label'));
          return {
            error: doc.getElementsByTagName('parsererror').length,
            root: doc.documentElement.localName,
            namespace: doc.documentElement.namespaceURI,
            title: doc.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0]?.textContent,
            concepts: labelsOf('concept'),
            phrases: labelsOf('linking-phrase'),
            notes: labelsOf('annotation'),
            connections: doc.getElementsByTagNameNS(ns, 'connection').length,
            appearances: doc.getElementsByTagNameNS(ns, 'concept-appearance').length,
          };
        },
        readFileSync(await cxl.path(), 'utf8'),
      );
      expect(parsed).toMatchObject({ error: 0, root: 'cmap', namespace: 'http://cmap.ihmc.us/xml/cmap/' });
      expect(parsed.title).toBe('Ketamine concept map');
      expect([...parsed.concepts].sort()).toEqual([...labels].sort());
      expect(parsed.phrases).toContain('associated with');
      expect(parsed.notes).toEqual(['Ask the class: why does the effect last after the drug is gone?']);
      expect(parsed.connections).toBe(2 * parsed.phrases.length);
      expect(parsed.appearances).toBe(3);

      const [graphml] = await Promise.all([
        page.waitForEvent('download'),
        panel.locator('[data-action="map-export-graphml"]').click(),
      ]);
      expect(readFileSync(await graphml.path(), 'utf8')).toContain('<graphml');
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        panel.locator('[data-action="map-export-svg"]').click(),
      ]);
      const drawn = readFileSync(await svg.path(), 'utf8');
      expect(svg.suggestedFilename()).toBe('Ketamine-concept-map.svg');
      expect(drawn).toMatch(/^<\?xml/);
      for (const l of labels) expect(drawn).toContain(`>${l}<`);
      expect(drawn).toContain('>associated with<');
      expect(drawn).not.toContain('tabindex');
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        panel.locator('[data-action="map-export-png"]').click(),
      ]);
      const bytes = readFileSync(await png.path());
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(5_000);

      // Deleting asks once more, then the view is gone from the server, the list and the URL.
      await panel.locator('[data-action="map-delete"]').click();
      await panel.locator('[data-action="map-delete-confirm"]').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="map-status"]')?.textContent === 'Map deleted.',
      );
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('view'));
      expect((await fetch(`${app.url}/api/views/${id}`)).status).toBe(404);
      await panel.locator(`[data-view="${id}"]`).waitFor({ state: 'detached' });
      const trail = await getJson<ResultPage<AuditEntry>>(`${app.url}/api/curation/audit?target=${id}`);
      expect(trail.items.map((e) => e.action)).toEqual(['view.create', 'view.update', 'view.delete']);
    },
    T,
  );

  it(
    "links the map's concepts with the graph's relations, labelled in the interface's language",
    async () => {
      const panel = page.getByTestId('map-panel');
      const canvas = page.getByTestId('map-canvas');
      // Two relations of ketamine with other predicates: the map should draw both by itself.
      // (Not the relation rejected above: the map leaves rejected relations out.)
      const concept = await getJson<ConceptView>(`${app.url}/api/concepts/${encodeURIComponent(KETAMINE)}`);
      const verdicts = await getJson<{ items: CuratedVerdict[] }>(`${app.url}/api/curation/verdicts`);
      const rejected = new Set(verdicts.items.filter((v) => v.verdict === 'rejected').map((v) => v.relation));
      const all = concept.relations.flatMap((g) => g.relations);
      const picks = concept.relations
        .filter((g) => g.predicate !== 'contrasted_with')
        .map((g) =>
          g.relations.find(
            (r) =>
              r.direction === 'out' &&
              !rejected.has(r.key) &&
              all.filter((x) => x.other.key === r.other.key).length === 1,
          ),
        )
        .filter((r): r is NonNullable<typeof r> => r !== undefined)
        .slice(0, 3);
      expect(picks.length).toBeGreaterThanOrEqual(2);
      await choose(page, page.getByTestId('map-search'), 'ketamine', KETAMINE);
      for (const r of picks) {
        const other = await getJson<ConceptView>(`${app.url}/api/concepts/${encodeURIComponent(r.other.key)}`);
        await choose(page, page.getByTestId('map-search'), other.concept.labels.en ?? other.concept.label, r.other.key);
        await panel.locator(`[data-map-concept="${r.other.key}"]`).waitFor();
      }
      for (const r of picks) {
        const link = panel.locator(`[data-map-link="${KETAMINE}→${r.other.key}"]`);
        await link.waitFor();
        expect(await link.getAttribute('data-origin')).toBe('graph');
        expect(await link.getAttribute('data-predicate')).toBe(r.predicate);
        const label = canvas.locator(`text[data-link="${KETAMINE}→${r.other.key}"]`);
        expect(await label.textContent()).toBe(r.predicate.replace(/_/g, ' '));
      }
      await panel.locator('[data-action="map-layout-force"]').click();
      await panel
        .getByTestId('map-new-note')
        .fill('Hours, not weeks: why is ketamine fast where classic antidepressants are slow?');
      await panel.locator('[data-action="map-add-note"]').click();
      await panel.getByTestId('map-name').fill('Ketamine: a fast antidepressant');
      await panel.locator('[data-action="map-save"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('view'));
      await panel.locator(`[data-map-concept="${KETAMINE}"] .link-button`).click();
      await page.getByTestId('details').locator(`[data-concept="${KETAMINE}"]`).waitFor();
      await page.locator('.sidebar').evaluate((el) => (el.scrollTop = 0));
      await page.mouse.move(5, 5);
      await screenshot(page, '12-concept-map');
    },
    T,
  );

  it('switches the new modes to Chinese, and every control has a name', async () => {
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.locator('[data-mode]').allTextContents()).toEqual(['探索', '审核', '概念图']);
    expect(await page.locator('#map-heading').textContent()).toBe('概念图');
    // The map's links follow the language.
    const labels = await page.getByTestId('map-canvas').locator('text[data-predicate]').allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(l).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(await page.getByTestId('map-canvas').locator(`[data-map-item="${KETAMINE}"] text`).textContent()).toBe(
      '氯胺酮',
    );
    await page.locator('[data-mode="audit"]').click();
    await page.locator('.audit-title').filter({ hasText: '引用审核' }).waitFor();
    const unnamed = await page.evaluate(() => {
      const bad: string[] = [];
      for (const b of document.querySelectorAll('button')) {
        if (!(b.textContent?.trim() || b.getAttribute('aria-label'))) bad.push(b.outerHTML.slice(0, 80));
      }
      for (const f of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
        'input, select, textarea',
      )) {
        if (!(f.labels?.length || f.getAttribute('aria-label'))) bad.push(f.outerHTML.slice(0, 80));
      }
      return bad;
    });
    expect(unnamed).toEqual([]);
  });

  it('logged no errors in the browser console and opened no dialogs', () => {
    expect(s.log.errors).toEqual([]);
    expect(s.log.dialogs).toEqual([]);
  });
}
