/**
 * Untrusted text stays text: a chapter whose headings, glossary labels, sentences and problem text carry
 * `<img onerror>`, `<script>`, `<svg onload>`, event-handler attributes and KaTeX `\href{javascript:}`
 * is ingested and browsed. Every payload appears literally, no element it describes exists in the page,
 * no script runs (a payload would set window.xssHit), and math still renders through KaTeX.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app-server';
import { browserAvailable, openSession, screenshot, waitForGraph, type Session } from './support/browser';

const run = browserAvailable();
const T = 90_000;
const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'injection');
const IMG_LABEL = `<img src=x onerror="window.xssHit='label'">`;
const LINK_LABEL = `probe <b onmouseover="window.xssHit='link'">bold</b> term`;

/** Nothing a payload describes exists, and nothing ran. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    hit: (window as unknown as { xssHit?: unknown }).xssHit ?? null,
    imgs: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? 'inline'),
    handlers: document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick]').length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => !s.closest('.line-sample, .katex')).length,
    bold: document.querySelectorAll('b').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
  }));
  expect(found.hit).toBeNull();
  expect(found.imgs).toBe(0);
  expect(found.scripts).toHaveLength(1);
  expect(found.scripts[0]).toMatch(/assets\/index-.*\.js$/);
  expect(found.handlers).toBe(0);
  expect(found.bold).toBe(0);
  expect(found.jsLinks).toBe(0);
}

describe.skipIf(!run)('chapter text with markup renders as text in the explorer', () => {
  let app: TestApp;
  let s: Session;

  beforeAll(async () => {
    app = await startApp([FIXTURE]);
    s = await openSession();
  }, 240_000);

  afterAll(async () => {
    await s?.close();
    await app?.close();
  });

  it(
    'shows labels, headings, sentences and problem text literally and runs none of them',
    async () => {
      const page = s.page;
      await page.goto(`${app.url}/?lang=en`);
      await waitForGraph(page);

      // Search suggestions show the label as text.
      const search = page.getByRole('combobox', { name: 'Search concepts, sentences and sources' });
      await search.fill('onerror');
      const option = page.locator('[role="option"][data-key="concept:entry:990001"]');
      await option.waitFor();
      expect(await option.locator('.combo-label').textContent()).toBe(IMG_LABEL);
      await search.press('Escape');
      await expectInert(page);

      // The concept panel.
      const probe = new URL(page.url());
      probe.searchParams.set('sel', 'concept:entry:990001');
      await page.goto(probe.toString());
      await waitForGraph(page);
      const details = page.getByTestId('details');
      await details.locator('[data-concept="concept:entry:990001"]').waitFor();
      expect(await details.locator('.detail-title').textContent()).toBe(IMG_LABEL);
      await details.locator('summary').click();
      const mentions = await details.locator('.claim-text').allTextContents();
      expect(mentions.some((m) => m.includes(IMG_LABEL))).toBe(true);
      await expectInert(page);

      // The chapter outline: headings and sentences.
      await page.getByRole('tab', { name: 'Chapters' }).click();
      await page.getByTestId('outline-document').selectOption('doc:xss-probe.en');
      const sections = page.locator('.section-title');
      await sections.first().waitFor();
      const titles = await sections.allTextContents();
      expect(titles).toContain(
        `Probe <img src=x onerror="window.xssHit='heading'"> and <script>window.xssHit='heading-script'</script>`,
      );
      expect(titles).toContain(`Section <svg onload="window.xssHit='svg'"></svg> title`);
      await page.locator('.section-toggle').first().click();
      const claims = page.locator('.outline-claim');
      await claims.first().waitFor();
      const texts = await page.locator('.outline-claim-text').allTextContents();
      expect(texts.some((t) => t.includes(`<script>window.xssHit='script'</script>`))).toBe(true);
      expect(texts.some((t) => t.includes(LINK_LABEL))).toBe(true);
      await expectInert(page);

      // A sentence with math: KaTeX renders \frac, and \href{javascript:} stays inert (trust: false).
      const math = page.locator('.outline-claim', { hasText: 'Math that tries to escape' });
      await math.click();
      await details.locator('.claim-quote').waitFor();
      expect(await details.locator('.claim-quote .katex').count()).toBeGreaterThanOrEqual(3);
      expect(await details.locator('.claim-quote .katex .mfrac').count()).toBe(1);
      await expectInert(page);

      // The source: problem text with markup and math (a chip of the sentence that quotes the payloads).
      await page.locator('.outline-claim', { hasText: 'This sentence quotes' }).click();
      await details.locator('.claim-quote').waitFor();
      await details.locator('.chip[data-source="990100"]').click();
      const problem = details.getByTestId('problem-text');
      await problem.waitFor();
      const problemText = await problem.innerText();
      expect(problemText).toContain(`<img src=x onerror="window.xssHit='problem'">`);
      expect(problemText).toContain(`<script>window.xssHit='problem-script'</script>`);
      expect(await problem.locator('.katex').count()).toBeGreaterThanOrEqual(2);
      expect(await problem.locator('.math-display .katex-display').count()).toBe(1);
      await screenshot(page, '09-injection-as-text');

      // Hovering and clicking around the panels triggers nothing either.
      await details.locator('.claim-text').first().hover();
      await expectInert(page);

      // The SVG export escapes labels.
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="export-svg"]').click(),
      ]);
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(await svg.path(), 'utf8');
      expect(text).not.toContain('<img');
      expect(text).not.toContain('<b ');

      expect(s.log.dialogs).toEqual([]);
      expect(s.log.errors).toEqual([]);
    },
    2 * T,
  );
});
