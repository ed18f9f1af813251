/**
 * Debian's Chromium driven by playwright-core, headless, with SwiftShader WebGL so sigma renders
 * without a GPU. Every browser gets a fresh profile. The skip policy: without /usr/bin/chromium a suite
 * is skipped with one clear line, except in CI (CI=true), where a missing browser fails the run.
 * Each page records console errors, uncaught exceptions and dialogs, which the suites assert are none.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO } from './client-build';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Whether the browser suites can run. Throws in CI when the browser is missing, so a broken CI image
 * fails instead of silently skipping the end-to-end tests.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `e2e: ${CHROMIUM} not found (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true, so the browser tests fail instead of skipping`);
  console.warn(`${message}: skipping the browser tests`);
  return false;
}

export interface PageLog {
  errors: string[];
  dialogs: string[];
}

export interface Session {
  context: BrowserContext;
  page: Page;
  log: PageLog;
  close(): Promise<void>;
}

/** A new browser with a fresh profile and one page whose console errors and dialogs are recorded. */
export async function openSession(opts: { width?: number; height?: number; locale?: string } = {}): Promise<Session> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'textbook-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    locale: opts.locale ?? 'en-US',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const log: PageLog = { errors: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return {
    context,
    page,
    log,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the explorer has loaded its graph and drawn it once. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.graphReady === 'true', null, { timeout: 60_000 });
  await page.waitForFunction(() => document.documentElement.dataset.graphRendered !== undefined, null, {
    timeout: 60_000,
  });
}

const SHOTS_TMP = path.join(REPO, 'test-results', 'e2e');
const SHOTS_DOCS = path.join(REPO, 'docs', 'screenshots');

/**
 * Saves a screenshot under test-results/e2e, and under docs/screenshots too when UPDATE_SCREENSHOTS=1
 * (the committed pictures the README shows are refreshed on purpose, never as a side effect of a run).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ type: 'png' });
  mkdirSync(SHOTS_TMP, { recursive: true });
  writeFileSync(path.join(SHOTS_TMP, `${name}.png`), png);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SHOTS_DOCS, { recursive: true });
    writeFileSync(path.join(SHOTS_DOCS, `${name}.png`), png);
  }
}
