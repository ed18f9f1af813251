/**
 * The explorer end to end: Debian's Chromium against the real server (server/api/app.ts) with
 * data/corpus ingested into a temp store. One page walks through what a reader does — load, search in
 * both languages, read a concept, open a relation's evidence, follow a citation to its source, find the
 * paths between two concepts, switch language, export, share a link, go back and forward — and nothing
 * may be logged as an error in the browser console along the way.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app-server';
import { browserAvailable, openSession, screenshot, waitForGraph, type Session } from './support/browser';
import { REPO } from './support/client-build';
import { countPixels } from './support/pixels';

const run = browserAvailable();
const T = 90_000;

const KETAMINE = 'concept:ketamine';
const OCD = 'concept:obsessive-compulsive-disorder';

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Types into a combobox with the keyboard, waits for the options, picks the first concept with ArrowDown + Enter. */
async function chooseFirstConcept(
  page: Page,
  combobox: ReturnType<Page['getByRole']>,
  text: string,
  shot?: string,
): Promise<string> {
  await combobox.focus();
  await combobox.fill('');
  await page.keyboard.type(text);
  const listId = await combobox.getAttribute('aria-controls');
  const firstConcept = page.locator(`#${listId} [role="option"][data-key^="concept:"]`).first();
  await firstConcept.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await combobox.getAttribute('aria-expanded')).toBe('true');
  const options = page.locator(`#${listId} [role="option"]`);
  const keys = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  const index = keys.findIndex((k) => k?.startsWith('concept:'));
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  const active = await combobox.getAttribute('aria-activedescendant');
  expect(active).toBeTruthy();
  expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
  const key = (await page.locator(`#${active}`).getAttribute('data-key')) ?? '';
  if (shot) await screenshot(page, shot);
  await page.keyboard.press('Enter');
  return key;
}

describe.skipIf(!run)('explorer in Chromium against the real server with data/corpus', () => {
  let app: TestApp;
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    app = await startApp([path.join(REPO, 'data/corpus')]);
    s = await openSession();
    page = s.page;
  }, 240_000);

  afterAll(async () => {
    await s?.close();
    await app?.close();
  });

  it(
    'loads the overview and draws it with sigma',
    async () => {
      await page.goto(`${app.url}/?lang=en`);
      await waitForGraph(page);
      expect(await page.locator('.stage canvas').count()).toBeGreaterThanOrEqual(5);
      const summary = (await page.getByTestId('graph-summary').textContent()) ?? '';
      const shown = Number(/^([\d,]+) concepts/.exec(summary)?.[1]?.replace(/,/g, ''));
      expect(shown).toBeGreaterThan(50);
      // The legend counts what the store holds, per category.
      const categories = await page.locator('[data-category]').count();
      expect(categories).toBeGreaterThanOrEqual(5);
      // Nodes are drawn: the Intervention and Disorder colours are on screen.
      const px = await countPixels(page, '.stage', ['#0b6bb0', '#c2362b']);
      expect(px.inked).toBeGreaterThan(2000);
      expect(px.byColor['#0b6bb0']).toBeGreaterThan(20);
      expect(px.byColor['#c2362b']).toBeGreaterThan(20);
      await screenshot(page, '01-overview');
    },
    T,
  );

  it(
    'finds the same node for 氯胺酮 and ketamine, keyboard only, and moves the camera to it',
    async () => {
      const search = page.getByRole('combobox', { name: 'Search concepts, sentences and sources' });
      const zh = await chooseFirstConcept(page, search, '氯胺酮', '02-search');
      expect(zh).toBe(KETAMINE);
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, KETAMINE);
      const en = await chooseFirstConcept(page, search, 'ketamine');
      expect(en).toBe(zh);
      // Traditional characters find the simplified concept.
      const trad = await chooseFirstConcept(page, search, '強迫症');
      expect(trad).toBe(OCD);
      await chooseFirstConcept(page, search, 'ketamine');
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, KETAMINE);
      // The camera flew to the node and the URL records where it is.
      await page.waitForFunction(() => new URL(location.href).searchParams.has('cam'), null, { timeout: 10_000 });
      const ratio = Number(param(page, 'cam')?.split(',')[2]);
      expect(ratio).toBeLessThan(1);
    },
    T,
  );

  it(
    'shows the concept panel: both labels, category, relations grouped by predicate with evidence counts',
    async () => {
      const details = page.getByTestId('details');
      await details.locator(`[data-concept="${KETAMINE}"] .detail-title`).waitFor();
      expect(await details.locator('.detail-title').textContent()).toBe('ketamine');
      expect(await details.locator('.detail-subtitle').textContent()).toBe('氯胺酮');
      const facts = (await details.locator('.facts').innerText()).replace(/\s+/g, ' ');
      expect(facts).toContain('Chinese 氯胺酮');
      expect(facts).toContain('English ketamine');
      expect(facts).toContain('Category Intervention');
      const groups = details.locator('.relation-group');
      await groups.first().waitFor();
      const predicates = await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-predicate')));
      expect(predicates).toContain('treats');
      const badges = await details.locator('.relation-toggle .badge').allTextContents();
      expect(badges.some((b) => /^\d+ evidence$/.test(b))).toBe(true);
      await screenshot(page, '03-concept-panel');
    },
    T,
  );

  it(
    'expands a relation to its evidence sentences, each with citation chips or marked uncited',
    async () => {
      const treats = page.locator('.relation-group[data-predicate="treats"] .relation-toggle').first();
      await treats.click();
      expect(await treats.getAttribute('aria-expanded')).toBe('true');
      const region = page.locator(`#${await treats.getAttribute('aria-controls')}`);
      await region.locator('li.claim').first().waitFor();
      const texts = await region.locator('.claim-text').allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) expect(t.trim().length).toBeGreaterThan(5);
      // Each sentence shown is one the store says asserts this very relation.
      const relation = (await treats.getAttribute('data-relation')) ?? '';
      const claimKeys = await region
        .locator('li.claim')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
      for (const key of claimKeys) {
        const res = await fetch(`${app.url}/api/claims/${encodeURIComponent(key ?? '')}`);
        const detail = (await res.json()) as { relations: { key: string }[] };
        expect(detail.relations.map((r) => r.key)).toContain(relation);
      }
      const items = await region.locator('li.claim').count();
      const marked = await region.locator('li.claim:has(.chip), li.claim:has(.badge-uncited)').count();
      expect(marked).toBe(items);
      await screenshot(page, '04-relation-evidence');
    },
    T,
  );

  it(
    'opens a citation chip: the source, and every sentence that cites it',
    async () => {
      // Find a relation of ketamine whose evidence cites a source.
      const toggles = page.locator('.relation-toggle');
      const n = await toggles.count();
      let chip = page.locator('.relation-evidence:not([hidden]) .chip').first();
      for (let i = 0; i < n && !(await chip.isVisible()); i++) {
        const t = toggles.nth(i);
        if ((await t.getAttribute('aria-expanded')) !== 'true') await t.click();
        await page
          .locator(`#${await t.getAttribute('aria-controls')} li.claim`)
          .first()
          .waitFor();
        chip = page.locator('.relation-evidence:not([hidden]) .chip').first();
      }
      expect(await chip.isVisible()).toBe(true);
      const problemId = (await chip.getAttribute('data-source')) ?? '';
      const citing =
        (await chip.locator('xpath=ancestor::li[contains(@class,"claim")]').locator('.claim-text').textContent()) ?? '';
      await chip.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, `src:${problemId}`);
      const details = page.getByTestId('details');
      await details.locator(`[data-source="${problemId}"] .detail-title`).waitFor();
      expect(await details.locator('.detail-title').textContent()).toBe(`problem ${problemId}`);
      const claims = await details.getByTestId('citing-claims').locator('.claim-text').allTextContents();
      expect(claims).toContain(citing);
      // Every sentence listed cites this problem: each carries a chip for it.
      const rows = await details.getByTestId('citing-claims').locator('li.claim').count();
      expect(
        await details.getByTestId('citing-claims').locator(`li.claim:has(.chip[data-source="${problemId}"])`).count(),
      ).toBe(rows);
      await screenshot(page, '05-source');
      // Back returns to the concept.
      await page.goBack();
      await details.locator(`[data-concept="${KETAMINE}"]`).waitFor();
    },
    T,
  );

  it(
    'finds the paths between 氯胺酮 and 强迫症, each hop with its evidence',
    async () => {
      await page.getByRole('tab', { name: 'Paths' }).click();
      const from = page.getByRole('combobox', { name: 'From' });
      const to = page.getByRole('combobox', { name: 'To' });
      expect(await chooseFirstConcept(page, from, '氯胺酮')).toBe(KETAMINE);
      expect(await chooseFirstConcept(page, to, '强迫症')).toBe(OCD);
      await page.getByRole('button', { name: 'Find paths' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('to') !== null);
      const paths = page.getByTestId('path-results').locator('li.path');
      await paths.first().waitFor();
      const summaries = await page.locator('.path-summary').allTextContents();
      for (const sum of summaries) {
        expect(sum.startsWith('ketamine')).toBe(true);
        expect(sum.endsWith('obsessive-compulsive disorder') || sum.endsWith('OCD') || sum.includes('obsessive')).toBe(
          true,
        );
      }
      // Fewest hops first.
      const hops = await paths.evaluateAll((els) => els.map((e) => e.querySelectorAll('.hop').length));
      expect([...hops].sort((a, b) => a - b)).toEqual(hops);
      const hop = paths.first().locator('.hop-toggle').first();
      await hop.click();
      const evidence = page.locator(`#${await hop.getAttribute('aria-controls')}`);
      expect(await evidence.isVisible()).toBe(true);
      expect(await evidence.locator('li.claim').count()).toBeGreaterThan(0);
      await screenshot(page, '06-paths');
    },
    T,
  );

  it(
    'switches the interface and the labels to Chinese',
    async () => {
      await page.getByRole('button', { name: 'Switch the interface to Chinese' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      expect(param(page, 'lang')).toBe('zh');
      expect(await page.locator('h1').textContent()).toBe('教材知识图谱浏览器');
      expect(await page.getByRole('tab').allTextContents()).toEqual(['筛选', '章节', '路径']);
      const summaries = await page.locator('.path-summary').allTextContents();
      expect(summaries[0]?.startsWith('氯胺酮')).toBe(true);
      expect(summaries[0]?.endsWith('强迫症')).toBe(true);
      await page.getByRole('button', { name: '将界面切换为英文' }).waitFor();
      // Node labels follow the language: the exported view names ketamine in Chinese.
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="export-svg"]').click(),
      ]);
      const { readFileSync } = await import('node:fs');
      const drawn = readFileSync(await svg.path(), 'utf8');
      expect(drawn).toContain('>氯胺酮<');
      expect(drawn).not.toContain('>ketamine<');
      await screenshot(page, '07-chinese');
    },
    T,
  );

  it(
    'puts selection, filters, path, language and camera in the URL: a link reproduces the view, back and forward work',
    async () => {
      await page.getByRole('tab', { name: '筛选' }).click();
      const conceptCategory = page.locator('[data-category="Concept"]');
      await conceptCategory.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === 'Concept');
      await page.locator('[data-action="close-details"]').click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
      const search = page.getByRole('combobox', { name: '搜索概念、句子和来源' });
      await chooseFirstConcept(page, search, '氯胺酮');
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, KETAMINE);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('cam'));
      await page.waitForTimeout(800);
      const shared = page.url();
      const before = await countPixels(page, '.stage', ['#c2362b']);

      const other = await openSession();
      try {
        await other.page.goto(shared);
        await waitForGraph(other.page);
        await other.page.getByTestId('details').locator(`[data-concept="${KETAMINE}"]`).waitFor();
        expect(other.page.url()).toBe(shared);
        expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        expect(await other.page.locator('.detail-title').textContent()).toBe('氯胺酮');
        expect(await other.page.locator('[data-category="Concept"]').getAttribute('aria-pressed')).toBe('false');
        expect(await other.page.locator('[data-category="Disorder"]').getAttribute('aria-pressed')).toBe('true');
        await other.page.getByRole('tab', { name: '路径' }).click();
        await other.page.locator('.path-summary').first().waitFor();
        expect(await other.page.locator('.path-summary').allTextContents()).toEqual(
          await page.locator('.path-summary').allTextContents(),
        );
        await other.page.getByRole('tab', { name: '筛选' }).click();
        // Same camera, same layout, same filters: the same picture, within anti-aliasing.
        const after = await countPixels(other.page, '.stage', ['#c2362b']);
        expect(Math.abs(after.inked - before.inked) / before.inked).toBeLessThan(0.05);
        const red = (c: typeof after) => c.byColor['#c2362b'] ?? 0;
        expect(red(before)).toBeGreaterThan(20);
        expect(Math.abs(red(after) - red(before)) / red(before)).toBeLessThan(0.1);
        await screenshot(other.page, '08-shared-link');
        expect(other.log.errors).toEqual([]);
      } finally {
        await other.close();
      }

      // Back: the concept is deselected (the search that selected it was one step), the filter stays.
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
      expect(param(page, 'hide')).toBe('Concept');
      expect(await page.getByTestId('details').locator('.empty').count()).toBe(1);
      // Back twice more: before the details were closed, then before the category was hidden.
      await page.goBack();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, KETAMINE);
      await page.goBack();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === null);
      expect(await page.locator('[data-category="Concept"]').getAttribute('aria-pressed')).toBe('true');
      await page.goForward();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === 'Concept');
      expect(await page.locator('[data-category="Concept"]').getAttribute('aria-pressed')).toBe('false');
      await page.goForward();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
      await page.goForward();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, KETAMINE);
      expect(page.url()).toBe(shared.replace(/&cam=[^&]*/, page.url().match(/&cam=[^&]*/)?.[0] ?? ''));
      await page.getByTestId('details').locator(`[data-concept="${KETAMINE}"]`).waitFor();
    },
    2 * T,
  );

  it(
    'shows a chapter outline with citation status; choosing a sentence shows it and its concepts',
    async () => {
      await page.getByRole('tab', { name: '章节' }).click();
      await page.getByTestId('outline-document').selectOption('doc:ketamine-synaptogenesis-applications.zh');
      const toggles = page.locator('.section-toggle');
      await toggles.nth(1).waitFor();
      await toggles.nth(1).click();
      const claims = page.locator('.outline-claim');
      await claims.first().waitFor();
      const statuses = await claims.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses).toContain('cited');
      const cited = page.locator('.outline-claim[data-status="cited"]').first();
      const key = (await cited.getAttribute('data-claim')) ?? '';
      await cited.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, key);
      const details = page.getByTestId('details');
      await details.locator(`[data-claim="${key}"] .claim-quote`).waitFor();
      expect(await details.locator('.chip').count()).toBeGreaterThan(0);
      expect(await cited.getAttribute('aria-current')).toBe('true');
    },
    T,
  );

  it(
    'shows an edge with its evidence, and expands and collapses a neighbourhood',
    async () => {
      await page.getByRole('button', { name: '将界面切换为英文' }).click();
      const search = page.getByRole('combobox', { name: 'Search concepts, sentences and sources' });
      await chooseFirstConcept(page, search, 'ketamine');
      const details = page.getByTestId('details');
      const relation = (await details.locator('.relation-toggle').first().getAttribute('data-relation')) ?? '';
      expect(relation.startsWith('rel:')).toBe(true);
      const url = new URL(page.url());
      url.searchParams.set('sel', relation);
      await page.goto(url.toString());
      await waitForGraph(page);
      await details.locator('.detail-edge').waitFor();
      expect(await details.locator('.detail-edge').getAttribute('data-edge')).toBe(relation);
      await details.locator('.evidence li.claim').first().waitFor();

      await page.locator('[data-concept]').first().click();
      const expand = details.locator('[data-action="expand"]');
      await expand.waitFor();
      await expand.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.getAll('exp').length === 1);
      expect(await expand.getAttribute('aria-pressed')).toBe('true');
      await expand.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.getAll('exp').length === 0);
      expect(await expand.getAttribute('aria-pressed')).toBe('false');
    },
    T,
  );

  it(
    'filters by category, relation type, chapter, minimum evidence and hedging; sizes by PageRank',
    async () => {
      await page.getByRole('tab', { name: 'Filters' }).click();
      const counts = async () => {
        const text = (await page.getByTestId('graph-summary').textContent()) ?? '';
        const m = /^([\d,]+) concepts and ([\d,]+) links/.exec(text);
        return { nodes: Number(m?.[1]?.replace(/,/g, '')), links: Number(m?.[2]?.replace(/,/g, '')) };
      };
      await page.locator('[data-action="reset-filters"]').click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('hide'));
      const all = await counts();
      expect(all.links).toBeGreaterThan(5);

      // The chapter filter shows the chapter's concepts, as the API lists them, and the links among them.
      const ketamine = 'doc:ketamine-synaptogenesis-applications.zh';
      const inChapter = await page.evaluate(async (doc) => {
        const res = await fetch(`/api/graph?documents=${encodeURIComponent(doc)}&limit=5000`);
        const g = (await res.json()) as { nodes: { attributes: { kind: string } }[] };
        return g.nodes.filter((n) => n.attributes.kind === 'concept').length;
      }, ketamine);
      expect(inChapter).toBeGreaterThan(10);
      expect(inChapter).toBeLessThan(all.nodes);
      await page.locator('select[data-filter="chapter"]').selectOption(ketamine);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('chapter') !== null);
      await expect.poll(async () => (await counts()).nodes).toBe(inChapter);
      const chapter = await counts();
      expect(chapter.links).toBeGreaterThan(0);
      expect(chapter.links).toBeLessThan(all.links);
      await page.locator('select[data-filter="chapter"]').selectOption('');

      await page.locator('input[data-filter="min-evidence"]').fill('2');
      await page.locator('input[data-filter="min-evidence"]').press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('ev') === '2');
      const strong = await counts();
      expect(strong.links).toBeLessThan(all.links);
      expect(strong.nodes).toBe(all.nodes);
      await page.locator('input[data-filter="min-evidence"]').fill('1');
      await page.locator('input[data-filter="min-evidence"]').press('Enter');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('ev'));

      await page.getByRole('radio', { name: 'Hedged only' }).check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('hedged') === 'hedged');
      const hedged = await counts();
      await page.getByRole('radio', { name: 'Asserted only' }).check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('hedged') === 'asserted');
      const asserted = await counts();
      expect(hedged.links).toBeGreaterThan(0);
      expect(hedged.links + asserted.links).toBe(all.links);
      await page.getByRole('radio', { name: 'All relations' }).check();

      const causes = page.locator('[data-link="causes"]');
      const causesCount = Number(await causes.locator('.legend-count').textContent());
      await causes.click();
      expect(await causes.getAttribute('aria-pressed')).toBe('false');
      expect((await counts()).links).toBe(all.links - causesCount);
      await page.locator('[data-link="causes"]').click();

      await page.getByRole('radio', { name: 'PageRank' }).check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('size') === 'pagerank');
      await page.getByRole('radio', { name: 'Degree' }).check();
      expect(await counts()).toEqual(all);
    },
    T,
  );

  it(
    "highlights a hovered node's neighbourhood; clicking a node or an edge in the graph opens it",
    async () => {
      await page.getByRole('tab', { name: 'Paths' }).click();
      await page.locator('[data-action="clear-paths"]').click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
      await page.getByRole('tab', { name: 'Filters' }).click();
      if (await page.locator('[data-action="close-details"]').isVisible())
        await page.locator('[data-action="close-details"]').click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);

      // Where things are on screen: the SVG export draws the same view with the same coordinates.
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="export-svg"]').click(),
      ]);
      const { readFileSync } = await import('node:fs');
      const drawn = readFileSync(await svg.path(), 'utf8');
      const circles = [
        ...drawn.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)" fill="[^"]+" data-key="([^"]+)"/g),
      ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]), key: m[4] ?? '' }));
      const lines = [
        ...drawn.matchAll(
          /<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"[^>]*data-key="(rel:[^"]+)"/g,
        ),
      ].map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), key: m[5] ?? '' }));
      const box = await page.getByTestId('graph').boundingBox();
      if (!box) throw new Error('no stage');
      const inside = (x: number, y: number) => x > 20 && y > 20 && x < box.width - 20 && y < box.height - 40;
      const clear = (x: number, y: number, margin: number) =>
        circles.every((c) => Math.hypot(c.x - x, c.y - y) > c.r + margin);

      const node = circles.filter((c) => c.r >= 6 && inside(c.x, c.y)).sort((a, b) => b.r - a.r)[0];
      expect(node).toBeTruthy();
      if (!node) return;
      const faded = async () => (await countPixels(page, '.stage', ['#d9dde3'])).byColor['#d9dde3'] ?? 0;
      const fadedBefore = await faded();
      await page.mouse.move(box.x + node.x, box.y + node.y);
      await page.waitForTimeout(400);
      expect(await faded()).toBeGreaterThan(fadedBefore + 200);
      await page.mouse.click(box.x + node.x, box.y + node.y);
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('sel') === k, node.key);
      await page.getByTestId('details').locator(`[data-concept="${node.key}"]`).waitFor();

      await page.locator('[data-action="close-details"]').click();
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      const edge = lines
        .map((l) => ({ ...l, mx: (l.x1 + l.x2) / 2, my: (l.y1 + l.y2) / 2, len: Math.hypot(l.x2 - l.x1, l.y2 - l.y1) }))
        .filter((l) => l.len > 60 && inside(l.mx, l.my) && clear(l.mx, l.my, 8))
        .sort((a, b) => b.len - a.len)[0];
      expect(edge).toBeTruthy();
      if (!edge) return;
      await page.mouse.click(box.x + edge.mx, box.y + edge.my);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sel')?.startsWith('rel:'));
      const details = page.getByTestId('details');
      await details.locator('.detail-edge').waitFor();
      expect(await details.locator('.detail-edge').getAttribute('data-edge')).toBe(param(page, 'sel'));
      await details.locator('.evidence li.claim').first().waitFor();
    },
    T,
  );

  it(
    'runs ForceAtlas2 in a worker with start and stop, and keeps positions between visits',
    async () => {
      const layout = page.locator('[data-action="layout"]');
      await layout.click();
      expect(await layout.getAttribute('aria-pressed')).toBe('true');
      const storedBefore = await page.evaluate(() => localStorage.getItem('textbook-graph:positions:v1'));
      await page.waitForTimeout(1500);
      await layout.click();
      expect(await layout.getAttribute('aria-pressed')).toBe('false');
      const stored = await page.evaluate(() => localStorage.getItem('textbook-graph:positions:v1'));
      expect(stored).not.toBe(storedBefore);
      await page.waitForTimeout(300);
      const before = await countPixels(page, '.stage', ['#c2362b', '#0b6bb0']);
      await page.reload();
      await waitForGraph(page);
      await page.waitForTimeout(500);
      // No new layout ran: the stored positions are the ones the layout left, and the picture is the same.
      expect(await page.evaluate(() => localStorage.getItem('textbook-graph:positions:v1'))).toBe(stored);
      const after = await countPixels(page, '.stage', ['#c2362b', '#0b6bb0']);
      expect(Math.abs(after.inked - before.inked) / before.inked).toBeLessThan(0.05);
    },
    T,
  );

  it(
    'exports the current view as PNG and SVG',
    async () => {
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="export-png"]').click(),
      ]);
      expect(png.suggestedFilename()).toBe('textbook-graph.png');
      const pngPath = await png.path();
      const { readFileSync } = await import('node:fs');
      const pngBytes = readFileSync(pngPath);
      expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
      expect(pngBytes.length).toBeGreaterThan(10_000);
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="export-svg"]').click(),
      ]);
      expect(svg.suggestedFilename()).toBe('textbook-graph.svg');
      const text = readFileSync(await svg.path(), 'utf8');
      expect(text).toMatch(/^<\?xml/);
      expect(text).toContain('<svg');
      expect((text.match(/<circle /g) ?? []).length).toBeGreaterThan(10);
      expect((text.match(/<line /g) ?? []).length).toBeGreaterThan(0);
    },
    T,
  );

  it(
    'is keyboard navigable: tabs with arrow keys, graph keys, visible focus',
    async () => {
      const filtersTab = page.getByRole('tab', { name: 'Filters' });
      await filtersTab.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: 'Chapters' }).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowLeft');
      expect(await filtersTab.getAttribute('aria-selected')).toBe('true');
      const outline = await filtersTab.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      // Every control has an accessible name: buttons by text or aria-label, fields by a label.
      const unnamed = await page.evaluate(() => {
        const bad: string[] = [];
        for (const b of document.querySelectorAll('button')) {
          if (!(b.textContent?.trim() || b.getAttribute('aria-label'))) bad.push(b.outerHTML.slice(0, 80));
        }
        for (const f of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
          if (!(f.labels?.length || f.getAttribute('aria-label'))) bad.push(f.outerHTML.slice(0, 80));
        }
        return bad;
      });
      expect(unnamed).toEqual([]);
      const stage = page.getByTestId('graph');
      await stage.focus();
      const cam = param(page, 'cam');
      await page.keyboard.press('+');
      await page.waitForFunction((c) => new URL(location.href).searchParams.get('cam') !== c, cam);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
    },
    T,
  );

  it('logged no errors in the browser console and opened no dialogs', () => {
    expect(s.log.errors).toEqual([]);
    expect(s.log.dialogs).toEqual([]);
  });
});
