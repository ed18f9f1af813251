/**
 * `npx tsx scripts/bench/client.ts [--nodes N] [--edges M] [--runs R] [--pan-seconds S] [--json FILE]`
 *
 * The explorer against a bare sigma page, in headless Chromium (SwiftShader WebGL), on one synthetic
 * graph of 10,000 concepts and 50,000 relations (by default). A small HTTP server serves the built client
 * with the API's overview answered from the synthetic graph, and a bare page (sigma + graphology UMD
 * builds, nothing else) that fetches the same JSON and draws the same nodes and edges at the same
 * positions. For each page, in alternating order, each in a fresh profile:
 *   - time to first render: from navigation start to the end of sigma's first (synchronous) render;
 *   - frames per second while panning: a mouse drag in circles over the stage for S seconds, frames
 *     counted with requestAnimationFrame.
 * Medians are printed with the explorer/bare ratio of each. Targets: explorer within 1.25× of bare sigma
 * (time ratio ≤ 1.25, bare/explorer fps ratio ≤ 1.25) and first render ≤ 2 s. Exit code 1 if a target is
 * missed (and --strict), 0 otherwise.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { ConceptAttributes, GraphExport, Predicate, RelationAttributes } from '../../server/model/types';
import { CATEGORIES, PREDICATES, SYMMETRIC_PREDICATES } from '../../server/model/types';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/support/browser';
import { CLIENT_DIST, REPO, ensureClientBuilt } from '../../test/e2e/support/client-build';
// The explorer's own colours, so that both pages draw the same thing.
import { CATEGORY_COLORS, LINK_COLORS } from '../../client/src/graph/palette';
import { mulberry32 } from '../synth-corpus';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '10000' },
    edges: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    'pan-seconds': { type: 'string', default: '5' },
    json: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const NODES = Number(values.nodes);
const EDGES = Number(values.edges);
const RUNS = Number(values.runs);
const PAN_MS = Number(values['pan-seconds']) * 1000;
const POSITIONS_STORAGE_KEY = 'textbook-graph:positions:v1';

type Hinted<A> = A & { x: number; y: number; size: number; color: string };

/**
 * A clustered graph: 40 communities placed on a disc, nodes scattered around their community's centre,
 * most edges inside a community, some between neighbouring ones, a few long-range. Nodes carry the
 * overview's hints (x, y, size, colour), which the bare page uses as they are.
 */
function syntheticGraph(): GraphExport {
  // Seeded, so every run draws the same graph.
  const rand = mulberry32(20240611);
  const communities = 40;
  const centres = Array.from({ length: communities }, (_, i) => {
    const a = (i / communities) * Math.PI * 2 * 3.7;
    const r = 200 + 800 * Math.sqrt(i / communities);
    return { x: Math.cos(a) * r, y: Math.sin(a) * r };
  });
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
  const community: number[] = [];
  const nodes: GraphExport['nodes'] = [];
  const degree = new Array<number>(NODES).fill(0);
  const edgeList: { s: number; t: number; p: Predicate; hedged: boolean; ev: number }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < NODES; i++) community.push(Math.floor(rand() * communities));
  const members: number[][] = Array.from({ length: communities }, () => []);
  community.forEach((c, i) => members[c]?.push(i));
  while (edgeList.length < EDGES) {
    const s = Math.floor(rand() * NODES);
    const roll = rand();
    const c = community[s] ?? 0;
    const pool = roll < 0.8 ? members[c] : roll < 0.95 ? members[(c + 1) % communities] : null;
    const t = pool && pool.length ? (pool[Math.floor(rand() * pool.length)] ?? 0) : Math.floor(rand() * NODES);
    if (s === t || seen.has(`${s}>${t}`) || seen.has(`${t}>${s}`)) continue;
    seen.add(`${s}>${t}`);
    const p = PREDICATES[Math.floor(rand() * PREDICATES.length)] ?? 'associated_with';
    edgeList.push({ s, t, p, hedged: rand() < 0.1, ev: 1 + Math.floor(rand() * rand() * 8) });
    degree[s] = (degree[s] ?? 0) + 1;
    degree[t] = (degree[t] ?? 0) + 1;
  }
  const maxDegree = Math.max(...degree);
  for (let i = 0; i < NODES; i++) {
    const category = CATEGORIES[(community[i] ?? 0) % CATEGORIES.length] ?? 'Concept';
    const centre = centres[community[i] ?? 0] ?? { x: 0, y: 0 };
    const attributes: Hinted<ConceptAttributes> = {
      kind: 'concept',
      category,
      label: `concept ${i}`,
      labels: { en: `concept ${i}`, zh: `概念 ${i}` },
      aliases: [],
      entryIds: [],
      xrefs: [],
      origin: 'vocabulary',
      documents: [`doc:synthetic-${community[i]}`],
      mentionCount: degree[i] ?? 0,
      x: Math.round((centre.x + gauss() * 60) * 100) / 100,
      y: Math.round((centre.y + gauss() * 60) * 100) / 100,
      // The explorer's own sizing (degree, square root, 4 to 16 px), so both pages draw the same picture.
      size: 4 + 12 * Math.sqrt((degree[i] ?? 0) / maxDegree),
      color: CATEGORY_COLORS[category],
    };
    nodes.push({ key: `concept:n${i}`, attributes });
  }
  const edges: GraphExport['edges'] = edgeList.map((e, i) => {
    const attributes: Hinted<RelationAttributes> & { type: string } = {
      kind: 'relation',
      predicate: e.p,
      evidence: Array.from({ length: e.ev }, (_, j) => `claim:synthetic-${i % 97}#${j}`),
      cues: [],
      confidence: 0.8,
      hedged: e.hedged,
      negated: false,
      x: 0,
      y: 0,
      // The explorer's edge thickness (2 px, thicker with more evidence) and one colour per predicate.
      size: 2 + Math.min(3, Math.log2(e.ev)),
      color: LINK_COLORS[e.p],
      // The bare page draws directed predicates with sigma's arrow and the others as lines, like the explorer.
      type: SYMMETRIC_PREDICATES.has(e.p) ? 'line' : 'arrow',
    };
    return { key: `rel:${i}`, source: `concept:n${e.s}`, target: `concept:n${e.t}`, attributes };
  });
  return {
    attributes: { name: 'synthetic' },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}

const BARE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare sigma</title><link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%}#stage{position:absolute;inset:0;background:#fff}</style></head>
<body><div id="stage"></div>
<script src="/bare/graphology.umd.min.js"></script>
<script src="/bare/sigma.min.js"></script>
<script>
fetch('/api/graph').then((r) => r.json()).then((data) => {
  const graph = new graphology.MultiDirectedGraph();
  for (const n of data.nodes) graph.addNode(n.key, { x: n.attributes.x, y: n.attributes.y, size: n.attributes.size, color: n.attributes.color, label: n.attributes.label });
  for (const e of data.edges) graph.addEdgeWithKey(e.key, e.source, e.target, { size: e.attributes.size, color: e.attributes.color, type: e.attributes.type });
  new Sigma(graph, document.getElementById('stage'));
  // Sigma renders once, synchronously, in its constructor (the explorer marks the same moment).
  document.documentElement.dataset.graphRendered = String(Math.round(performance.now()));
});
</script></body></html>`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

let graphRequests = 0;

function serve(graphJson: string): Promise<{ url: string; close(): Promise<void> }> {
  const files: Record<string, string> = {
    '/bare/sigma.min.js': path.join(REPO, 'node_modules/sigma/dist/sigma.min.js'),
    '/bare/graphology.umd.min.js': path.join(REPO, 'node_modules/graphology/dist/graphology.umd.min.js'),
  };
  const json = (res: http.ServerResponse, body: string) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    if (p === '/api/graph') {
      graphRequests++;
      return json(res, graphJson);
    }
    if (p === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (p === '/api/documents') return json(res, '{"documents":[]}');
    // As the real server answers a read-only start: the client asks once whether it may write.
    if (p === '/api/health') return json(res, '{"status":"ok","store":"embedded","writable":false}');
    if (p === '/api/curation/verdicts') return json(res, '{"items":[]}');
    // A read-only client asks the API document whether the server has curation at all.
    if (p === '/api/openapi.json') return json(res, '{"openapi":"3.1.0","paths":{"/api/curation/verdicts":{}}}');
    if (p === '/bare/' || p === '/bare') {
      res.writeHead(200, { 'content-type': MIME['.html'] ?? 'text/html' });
      return res.end(BARE_HTML);
    }
    const file =
      files[p] ?? (p === '/' ? path.join(CLIENT_DIST, 'index.html') : path.join(CLIENT_DIST, path.normalize(p)));
    if (!file.startsWith(CLIENT_DIST) && !Object.values(files).includes(file)) {
      res.writeHead(404);
      return res.end();
    }
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      return res.end(JSON.stringify({ title: 'Not found', status: 404 }));
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    }),
  );
}

interface Measure {
  firstRenderMs: number;
  fps: number;
  frames: number;
}

/** Pans with the mouse in circles over the stage for PAN_MS and counts animation frames meanwhile. */
async function panFps(page: Page, selector: string): Promise<{ fps: number; frames: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`bench: ${selector} not visible`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.benchFrames = 0;
    window.benchCounting = true;
    const tick = () => { if (!window.benchCounting) return; window.benchFrames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < PAN_MS) {
    const a = (i++ / 30) * Math.PI * 2;
    await page.mouse.move(cx + Math.cos(a) * 150, cy + Math.sin(a) * 150, { steps: 1 });
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const elapsed = (Date.now() - start) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number; benchCounting: boolean };
    w.benchCounting = false;
    return w.benchFrames;
  });
  return { fps: frames / elapsed, frames };
}

async function measure(url: string, selector: string, positions: string | null): Promise<Measure> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'textbook-graph-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    if (positions) {
      // The explorer keeps positions between visits: this is a return visit, so no layout runs.
      await page.goto(`${new URL(url).origin}/api/documents`);
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [POSITIONS_STORAGE_KEY, positions] as const);
    }
    await page.goto(url);
    await page
      .waitForFunction(() => document.documentElement.dataset.graphRendered !== undefined, null, { timeout: 120_000 })
      .catch((e: unknown) => {
        throw new Error(
          `bench: ${url} never rendered (${e instanceof Error ? e.message : e}); page errors: ${errors.join('; ')}`,
        );
      });
    const firstRenderMs = Number(await page.evaluate(() => document.documentElement.dataset.graphRendered));
    await page.waitForTimeout(1000);
    const { fps, frames } = await panFps(page, selector);
    if (errors.length) throw new Error(`bench: page errors on ${url}: ${errors.join('; ')}`);
    return { firstRenderMs, fps, frames };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`bench: ${CHROMIUM} not found (apt-get install chromium)`);
    return 2;
  }
  await ensureClientBuilt();
  const graph = syntheticGraph();
  const graphJson = JSON.stringify(graph);
  const positions = JSON.stringify(
    Object.fromEntries(
      graph.nodes.map((n) => {
        const a = n.attributes as Hinted<ConceptAttributes>;
        return [n.key, [a.x, a.y]];
      }),
    ),
  );
  const server = await serve(graphJson);
  const explorer: Measure[] = [];
  const bare: Measure[] = [];
  try {
    console.log(
      `bench client: ${NODES} nodes, ${EDGES} edges (${(graphJson.length / 1048576).toFixed(1)} MB JSON), ${RUNS} runs, ${PAN_MS / 1000} s pan, Chromium ${CHROMIUM}`,
    );
    for (let r = 0; r < RUNS; r++) {
      const order = r % 2 === 0 ? (['bare', 'explorer'] as const) : (['explorer', 'bare'] as const);
      for (const which of order) {
        const m =
          which === 'bare'
            ? await measure(`${server.url}/bare/`, '#stage', null)
            : await measure(`${server.url}/?lang=en`, '.stage', positions);
        (which === 'bare' ? bare : explorer).push(m);
        if (graphRequests !== 1) console.log(`  (the page requested the overview ${graphRequests} times)`);
        graphRequests = 0;
        console.log(
          `  run ${r + 1} ${which.padEnd(8)} first render ${m.firstRenderMs.toFixed(0).padStart(6)} ms   pan ${m.fps.toFixed(1).padStart(5)} fps (${m.frames} frames)`,
        );
      }
    }
  } finally {
    await server.close();
  }
  const result = {
    nodes: NODES,
    edges: EDGES,
    runs: RUNS,
    bare: { firstRenderMs: median(bare.map((m) => m.firstRenderMs)), fps: median(bare.map((m) => m.fps)) },
    explorer: { firstRenderMs: median(explorer.map((m) => m.firstRenderMs)), fps: median(explorer.map((m) => m.fps)) },
    ratios: { firstRender: 0, fps: 0 },
    targets: { withinRatio: 1.25, firstRenderMs: 2000 },
    pass: { firstRenderRatio: false, fpsRatio: false, firstRenderAbsolute: false },
  };
  result.ratios.firstRender = result.explorer.firstRenderMs / result.bare.firstRenderMs;
  result.ratios.fps = result.bare.fps / result.explorer.fps;
  result.pass = {
    firstRenderRatio: result.ratios.firstRender <= 1.25,
    fpsRatio: result.ratios.fps <= 1.25,
    firstRenderAbsolute: result.explorer.firstRenderMs <= 2000,
  };
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`\n                 bare sigma    explorer    ratio`);
  console.log(
    `first render    ${result.bare.firstRenderMs.toFixed(0).padStart(7)} ms  ${result.explorer.firstRenderMs.toFixed(0).padStart(7)} ms   ${result.ratios.firstRender.toFixed(2)}× (explorer/bare, target ≤ 1.25: ${mark(result.pass.firstRenderRatio)}; ≤ 2000 ms: ${mark(result.pass.firstRenderAbsolute)})`,
  );
  console.log(
    `pan fps         ${result.bare.fps.toFixed(1).padStart(7)}     ${result.explorer.fps.toFixed(1).padStart(7)}      ${result.ratios.fps.toFixed(2)}× (bare/explorer, target ≤ 1.25: ${mark(result.pass.fpsRatio)})`,
  );
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  const allPass = Object.values(result.pass).every(Boolean);
  return values.strict && !allPass ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
