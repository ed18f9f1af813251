/**
 * Class memberships named in passing (`SSRIs such as fluoxetine block SERT`) in the explorer, in Chromium
 * against the real server: a legend entry of their own (a thin arrow, counted, hidden and shown like any
 * link type), a concept panel listing "Kind of" and "Examples" with their evidence sentences, and an edge
 * panel for the membership itself, without the review form relations have; in English and in Chinese.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app-server';
import { browserAvailable, openSession, screenshot, waitForGraph, type Session } from './support/browser';

const run = browserAvailable();
const T = 90_000;
const MEMBER = 'member:concept:fluoxetine->concept:ssri';

describe.skipIf(!run)('class memberships (member_of) in the explorer', () => {
  let app: TestApp;
  let s: Session;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-members-'));
    writeFileSync(
      path.join(dir, 'classes.en.md'),
      '# Classes\n\nSSRIs such as fluoxetine and sertraline block SERT. SSRIs such as fluoxetine may cause nausea. ' +
        'Sertraline is an SSRI.\n',
    );
    app = await startApp([dir]);
    s = await openSession();
    page = s.page;
  }, 240_000);

  afterAll(async () => {
    await s?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'draws them as a link type of their own in the legend, which hides and shows them',
    async () => {
      await page.goto(`${app.url}/?lang=en`);
      await waitForGraph(page);
      const legend = page.locator('[data-link="member_of"]');
      await legend.waitFor();
      expect(await legend.locator('.legend-name').textContent()).toBe('member of');
      expect(await legend.locator('.legend-count').textContent()).toBe('2');
      expect(await legend.getAttribute('aria-pressed')).toBe('true');
      // A thin arrow: a line narrower than a relation's, with a head.
      const sample = legend.locator('svg.line-sample line');
      expect(Number(await sample.getAttribute('stroke-width'))).toBeLessThan(2.5);
      expect(await legend.locator('svg.line-sample path').count()).toBe(1);
      await legend.click();
      expect(await legend.getAttribute('aria-pressed')).toBe('false');
      await page.waitForFunction(() =>
        (new URL(location.href).searchParams.get('links') ?? '').split(',').includes('member_of'),
      );
      await legend.click();
      expect(await legend.getAttribute('aria-pressed')).toBe('true');
    },
    T,
  );

  it(
    "lists a concept's classes and examples with their evidence sentences",
    async () => {
      await page.goto(`${app.url}/?lang=en&sel=${encodeURIComponent('concept:fluoxetine')}`);
      await waitForGraph(page);
      const details = page.getByTestId('details');
      const section = details.locator('.memberships');
      await section.waitFor();
      expect(await section.locator('h4').first().textContent()).toContain('Kind of');
      const item = section.locator(`button[data-membership="${MEMBER}"]`);
      expect(await item.locator('.relation-other').textContent()).toBe('selective serotonin reuptake inhibitor');
      await item.click();
      const claims = section.locator('.evidence li.claim');
      await claims.nth(1).waitFor();
      expect(await claims.first().textContent()).toContain('SSRIs such as fluoxetine and sertraline block SERT.');
      await screenshot(page, 'member-of-concept');

      await page.goto(`${app.url}/?lang=en&sel=${encodeURIComponent('concept:ssri')}`);
      await waitForGraph(page);
      const examples = details.locator('.memberships [data-membership-direction="in"]');
      await examples.waitFor();
      expect(await examples.locator('h4').textContent()).toContain('Examples');
      expect(await examples.locator('button[data-membership]').count()).toBe(2);
      // `Sertraline is an SSRI` asserts the membership: it stays among the relations.
      expect(await details.locator('[data-predicate="part_of"] .relation-toggle').count()).toBe(1);
    },
    T,
  );

  it(
    'opens a membership as an edge with its evidence and no review form, in English and Chinese',
    async () => {
      await page.goto(`${app.url}/?lang=en&sel=${encodeURIComponent(MEMBER)}`);
      await waitForGraph(page);
      const details = page.getByTestId('details');
      const edge = details.locator('.detail-edge');
      await edge.waitFor();
      expect(await edge.getAttribute('data-edge')).toBe(MEMBER);
      expect(await edge.locator('.kicker').textContent()).toBe('Class membership');
      expect(await edge.locator('.membership-note').count()).toBe(1);
      await edge.locator('.evidence li.claim').nth(1).waitFor();
      expect(await edge.locator('[data-testid="review-note"]').count()).toBe(0);

      await page.goto(`${app.url}/?lang=zh&sel=${encodeURIComponent(MEMBER)}`);
      await waitForGraph(page);
      await edge.waitFor();
      expect(await edge.locator('.kicker').textContent()).toBe('类别归属');
      expect(await page.locator('[data-link="member_of"] .legend-name').textContent()).toBe('属于类别');
      expect(s.log.errors).toEqual([]);
    },
    T,
  );
});
