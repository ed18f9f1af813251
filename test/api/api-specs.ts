/**
 * The API contract suite, written once as a factory and run against every store (graphology's `specs(Graph)`
 * pattern): each route and each of its error paths, the OpenAPI document (checked by a real validator),
 * limits, identifiers in URLs, store outages and recovery, and injection attempts in every parameter.
 * Exact answers come from the fixture chapter (`fixture.ts`), applied next to the sample corpus.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { validate } from '@readme/openapi-parser';
import { pino } from 'pino';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { gatedIt } from '../support/gated-it';
import { Router, type Express } from 'express';
import { createApp } from '../../server/api/app';
import { READ_ONLY_DETAIL } from '../../server/api/auth';
import { OPERATION_METHODS } from '../../server/api/operations';
import { ROUTES } from '../../server/api/routes';
import { openWorkflows, type Workflows } from '../../server/api/workflows';
import { loadConfig } from '../../server/config';
import { edgeKey } from '../../server/model/types';
import { CATEGORY_COLORS } from '../../server/services/overview-service';
import { LIMITS } from '../../server/services/limits';
import type { GraphStore } from '../../server/store/graph-store';
import { C, FX_DOC, FX_DOC_ID, claimKeyOf, fixtureBatch } from './fixture';
import { enc, fingerprint, qs, switchable, type StoreUnderTest, type Switch } from './support';

const silent = pino({ level: process.env.API_TEST_LOG_LEVEL ?? 'silent' });
const PROBLEM_JSON = /^application\/problem\+json/;
const TOKEN = 'api-specs-token-4b1d';
const auth = { Authorization: `Bearer ${TOKEN}` };

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: unknown[] };
  rawPath?: unknown;
};

/**
 * Every route an Express app serves, as `METHOD /openapi/{template}`: routers are walked with the path
 * they are mounted at, `:id` and `*id` become `{id}`. HEAD (answered through GET) and `all` (the 405s)
 * are not operations of their own.
 */
function servedOperations(app: Express): string[] {
  const served = new Set<string>();
  const walk = (stack: unknown[], prefix: string) => {
    for (const layer of stack as Layer[]) {
      if (layer.route) {
        const template = `${prefix}${layer.route.path}`.replace(/[:*](\w+)/g, '{$1}');
        for (const m of OPERATION_METHODS) if (layer.route.methods[m]) served.add(`${m.toUpperCase()} ${template}`);
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack, '');
  served.delete('GET /');
  return [...served].sort();
}

/** Every operation an OpenAPI document describes, as `METHOD /path`. */
const documentedOperations = (doc: Record<string, unknown>): string[] =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

function routeOf(operationId: string) {
  const r = ROUTES.find((x) => x.spec.operationId === operationId);
  if (!r) throw new Error(`no route ${operationId}`);
  return r;
}

/** Asserts a 200 whose body matches the route's response schema, and returns the parsed body. */
function ok<T = Record<string, unknown>>(operationId: string, res: Response): T {
  if (res.status !== 200)
    throw new Error(`${operationId}: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
  const spec = routeOf(operationId).spec.response;
  if ('schema' in spec) {
    const parsed = spec.schema.safeParse(res.body);
    if (!parsed.success) throw new Error(`${operationId}: response does not match its schema: ${parsed.error.message}`);
  }
  return res.body as T;
}

/** Asserts a problem+json answer with the status and, for 400s, the parameter it names. */
function problemOf(res: Response, status: number, param?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  const body = res.body as {
    type: string;
    status: number;
    title: string;
    detail: string;
    'invalid-params'?: { name: string; reason: string }[];
  };
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/api\/docs#problem-/);
  if (param !== undefined) expect(body['invalid-params']?.map((p) => p.name)).toContain(param);
  return body;
}

function reasonFor(res: Response, param: string): string | undefined {
  return (res.body as { 'invalid-params'?: { name: string; reason: string }[] })['invalid-params']?.find(
    (p) => p.name === param,
  )?.reason;
}

/** Collects a download as text whatever its content type (superagent only buffers types it knows). */
function collectText(res: unknown, cb: (err: Error | null, body: string) => void): void {
  const stream = res as NodeJS.ReadableStream;
  let data = '';
  stream.setEncoding('utf8');
  stream.on('data', (c: string) => (data += c));
  stream.on('end', () => cb(null, data));
}

/**
 * Registers the suite. `makeStore` gives a store holding the sample corpus, or null when that store cannot
 * run here (Neo4j without Java): every test is then reported as skipped.
 */
export function apiSpecs(name: string, makeStore: () => Promise<StoreUnderTest | null>): void {
  let available = false;
  /** A test that is skipped when the store cannot run here. */
  const it = gatedIt(() => available);

  describe(`API against the ${name} store`, () => {
    let sut: StoreUnderTest;
    let store: GraphStore;
    let sw: Switch;
    let app: Express;
    let readOnlyApp: Express;
    let workflows: Workflows | null = null;
    let curationDir: string | null = null;
    const covered = new Set<string>();
    const get = (operationId: string, url: string) => {
      covered.add(operationId);
      return request(app).get(url);
    };

    beforeAll(async () => {
      const made = await makeStore();
      if (!made) return;
      sut = made;
      available = true;
      await sut.store.apply(fixtureBatch());
      ({ store, sw } = switchable(sut.store));
      // The app as `npm start` builds it: the workflow routers mounted and their verdicts on the answers.
      curationDir = await mkdtemp(path.join(os.tmpdir(), `api-${name}-curation-`));
      const config = { RATE_LIMIT_PER_MINUTE: 1_000_000, API_TOKEN: TOKEN };
      workflows = await openWorkflows(store, loadConfig({ STORE_DIR: curationDir, API_TOKEN: TOKEN }));
      app = createApp({
        store,
        config,
        logger: silent,
        clientDir: null,
        apiRouters: workflows.routers,
        curation: workflows.curation,
      });
      readOnlyApp = createApp({ store, config: { RATE_LIMIT_PER_MINUTE: 1_000_000 }, logger: silent, clientDir: null });
    });

    afterAll(async () => {
      await workflows?.close();
      if (curationDir) await rm(curationDir, { recursive: true, force: true });
      await sut?.close();
    });

    describe('service routes', () => {
      it('GET /api/health answers ok with the store kind, and that writes are taken with API_TOKEN', async () => {
        const body = ok('health', await get('health', '/api/health'));
        expect(body).toEqual({ status: 'ok', store: sut.store.kind, writable: true });
      });

      it('GET /api/health says the server is read-only without API_TOKEN, and why', async () => {
        const body = ok('health', await request(readOnlyApp).get('/api/health'));
        expect(body).toEqual({ status: 'ok', store: sut.store.kind, writable: false, detail: READ_ONLY_DETAIL });
        // The write routes agree: without a token of its own the server refuses every write.
        const off = await openWorkflows(store, loadConfig({ STORE_DIR: curationDir! }));
        try {
          const writesOff = createApp({ store, logger: silent, clientDir: null, apiRouters: off.routers });
          const refused = await request(writesOff).post('/api/views').set(auth).send({});
          expect(refused.status).toBe(403);
          expect(ok('health', await request(writesOff).get('/api/health'))).toMatchObject({ writable: false });
        } finally {
          await off.close();
        }
      });

      it('GET /api/stats counts by kind, category, predicate and chapter', async () => {
        const body = ok<{
          nodes: Record<string, number>;
          relationsByPredicate: Record<string, number>;
          conceptsByCategory: Record<string, number>;
          documents: { id: string; claims: number; cited: number }[];
        }>('stats', await get('stats', '/api/stats'));
        expect(body.nodes.document).toBeGreaterThanOrEqual(6);
        expect(body.documents.find((d) => d.id === FX_DOC)).toMatchObject({ claims: 13, cited: 5 });
        expect(body.relationsByPredicate.treats).toBeGreaterThanOrEqual(2);
        expect(body.conceptsByCategory.Intervention).toBeGreaterThanOrEqual(2);
      });

      it('HEAD works wherever GET does', async () => {
        const res = await request(app).head(`/api/concepts/${enc(C.ketamine)}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
      });
    });

    describe('GET /api/search', () => {
      type Hits = { q: string; hits: { key: string; kind: string; label: string; detail?: string; score: number }[] };
      const search = async (params: Record<string, string | number>) =>
        ok<Hits>('search', await get('search', `/api/search${qs(params)}`)).hits;

      it('finds a concept by its English label, exactly, and ranks hits by score', async () => {
        const hits = await search({ q: 'ketamine' });
        const hit = hits.find((h) => h.key === C.ketamine);
        expect(hit).toMatchObject({ kind: 'concept', label: '氯胺酮', detail: 'Intervention' });
        expect(hit!.score).toBeGreaterThanOrEqual(100);
        expect(hits[0]!.kind).toBe('concept');
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      });

      it('finds it by its Chinese label, and traditional input finds simplified text', async () => {
        expect((await search({ q: '氯胺酮' })).find((h) => h.key === C.ketamine)?.score).toBeGreaterThanOrEqual(100);
        expect((await search({ q: '抑鬱症' })).find((h) => h.key === C.depression)?.score).toBeGreaterThanOrEqual(100);
      });

      it('folds case and full-width forms', async () => {
        expect(
          (await search({ q: 'DEPRESSION', kinds: 'concept' })).find((h) => h.key === C.depression)?.score,
        ).toBeGreaterThanOrEqual(100);
        expect((await search({ q: 'ｋｅｔａｍｉｎｅ', kinds: 'concept' })).map((h) => h.key)).toContain(C.ketamine);
      });

      it('ranks exact above prefix above typo matches', async () => {
        const exact = (await search({ q: 'synaptogenesis', kinds: 'concept' })).find((h) => h.key === C.synaptogenesis);
        const prefix = (await search({ q: 'synaptogen', kinds: 'concept' })).find((h) => h.key === C.synaptogenesis);
        const typo = (await search({ q: 'synaptogensis', kinds: 'concept' })).find((h) => h.key === C.synaptogenesis);
        expect(exact && prefix && typo).toBeTruthy();
        expect(exact!.score).toBeGreaterThan(prefix!.score);
        expect(prefix!.score).toBeGreaterThan(typo!.score);
      });

      it('tolerates English typos (transposition, missing letter)', async () => {
        expect((await search({ q: 'ketmaine', kinds: 'concept' })).map((h) => h.key)).toContain(C.ketamine);
        expect((await search({ q: 'electroconvulsive therpy', kinds: 'concept' })).map((h) => h.key)).toContain(C.ect);
      });

      it('searches claims by their text and sources by problem id', async () => {
        const claims = await search({ q: 'binds the NMDA receptor', kinds: 'claim' });
        expect(claims.every((h) => h.kind === 'claim')).toBe(true);
        expect(claims[0]).toMatchObject({ key: claimKeyOf(10), detail: FX_DOC });
        const sources = await search({ q: '9000001', kinds: 'source' });
        expect(sources[0]).toMatchObject({ key: 'src:9000001', kind: 'source' });
      });

      it('filters by kind and category and honours the limit', async () => {
        const hits = await search({ q: 'receptor', kinds: 'concept', categories: 'Molecule' });
        expect(hits.map((h) => h.key)).toContain(C.nmda);
        expect(hits.every((h) => h.kind === 'concept' && h.detail === 'Molecule')).toBe(true);
        expect(await search({ q: 'the', limit: 1 })).toHaveLength(1);
      });

      it('accepts a repeated list parameter as a list', async () => {
        const res = await get('search', '/api/search?q=ketamine&kinds=concept&kinds=source');
        expect(ok<Hits>('search', res).hits.every((h) => h.kind !== 'claim')).toBe(true);
      });

      it('refuses a missing, empty or too long query, naming q and the limit', async () => {
        expect(
          reasonFor(
            problemOf(await get('search', '/api/search'), 400, 'q') && (await get('search', '/api/search')),
            'q',
          ),
        ).toBe('required');
        expect(reasonFor(await get('search', '/api/search?q=%20%20'), 'q')).toBe('must not be empty');
        const long = await get('search', `/api/search${qs({ q: 'x'.repeat(LIMITS.queryLength + 1) })}`);
        problemOf(long, 400, 'q');
        expect(reasonFor(long, 'q')).toBe(`must be at most ${LIMITS.queryLength} characters`);
        expect(
          ok<Hits>('search', await get('search', `/api/search${qs({ q: 'x'.repeat(LIMITS.queryLength) })}`)).hits,
        ).toBeDefined();
      });

      it('refuses unknown kinds and categories, and a limit beyond the page size', async () => {
        problemOf(await get('search', '/api/search?q=a&kinds=concept,planet'), 400, 'kinds');
        problemOf(await get('search', '/api/search?q=a&categories=Vegetable'), 400, 'categories');
        const res = await get('search', `/api/search?q=a&limit=${LIMITS.pageSize + 1}`);
        expect(reasonFor(res, 'limit')).toBe(`must be at most ${LIMITS.pageSize}`);
      });
    });

    describe('GET /api/concepts/:id', () => {
      type View = {
        concept: { key: string; label: string; labels: Record<string, string> };
        degree: number;
        pagerank: number;
        relations: {
          predicate: string;
          count: number;
          evidenceCount: number;
          relations: { direction: string; other: { key: string } }[];
        }[];
        mentions: { total: number; offset: number; limit: number; items: { key: string }[] };
      };

      it('gives labels, degree, PageRank, relations grouped by predicate and mentioning claims', async () => {
        const v = ok<View>('concept', await get('concept', `/api/concepts/${enc(C.ketamine)}`));
        expect(v.concept).toMatchObject({ key: C.ketamine, label: '氯胺酮', labels: { zh: '氯胺酮', en: 'ketamine' } });
        expect(v.degree).toBe(5);
        expect(v.pagerank).toBeGreaterThan(0);
        expect(v.relations.map((g) => g.predicate)).toEqual([
          'treats',
          'increases',
          'decreases',
          'interacts_with',
          'combined_with',
        ]);
        const interacts = v.relations.find((g) => g.predicate === 'interacts_with')!;
        expect(interacts).toMatchObject({ count: 1, evidenceCount: 2 });
        expect(interacts.relations[0]).toMatchObject({ direction: 'in', other: { key: C.nmda } });
        expect(v.mentions.total).toBe(6);
        expect(v.mentions.items.map((c) => c.key)).toEqual([0, 1, 4, 8, 10, 11].map(claimKeyOf));
      });

      it('lists at most the asked number of relations per predicate, counting them all', async () => {
        const v = ok<View>('concept', await get('concept', `/api/concepts/fx-depression?relations=1`));
        const treats = v.relations.find((g) => g.predicate === 'treats')!;
        expect(treats).toMatchObject({ count: 2, evidenceCount: 2 });
        expect(treats.relations).toHaveLength(1);
        problemOf(await get('concept', `/api/concepts/fx-depression?relations=${LIMITS.listed + 1}`), 400, 'relations');
      });

      it('pages the mentioning claims', async () => {
        const v = ok<View>('concept', await get('concept', `/api/concepts/fx-ketamine?offset=2&limit=2`));
        expect(v.mentions).toMatchObject({ total: 6, offset: 2, limit: 2 });
        expect(v.mentions.items.map((c) => c.key)).toEqual([4, 8].map(claimKeyOf));
      });

      it('accepts the key with or without its prefix, encoded or not', async () => {
        for (const id of ['fx-ketamine', enc('fx-ketamine'), C.ketamine, enc(C.ketamine)]) {
          expect(ok<View>('concept', await get('concept', `/api/concepts/${id}`)).concept.key).toBe(C.ketamine);
        }
      });

      it('ranks a concept many relations point to above an isolated one', async () => {
        const dep = ok<View>('concept', await get('concept', `/api/concepts/${enc(C.depression)}`));
        const iso = ok<View>('concept', await get('concept', `/api/concepts/${enc(C.isolated)}`));
        expect(dep.pagerank).toBeGreaterThan(iso.pagerank);
        expect(iso.degree).toBe(0);
        expect(iso.relations).toEqual([]);
      });

      it('answers 404 for an unknown concept and 400 beyond the page size', async () => {
        problemOf(await get('concept', '/api/concepts/no-such-concept'), 404);
        problemOf(await get('concept', `/api/concepts/${enc(claimKeyOf(0))}`), 404);
        const res = await get('concept', `/api/concepts/fx-ketamine?limit=${LIMITS.pageSize + 1}`);
        expect(reasonFor(res, 'limit')).toBe(`must be at most ${LIMITS.pageSize}`);
        problemOf(await get('concept', '/api/concepts/fx-ketamine?offset=-1'), 400, 'offset');
        problemOf(await get('concept', `/api/concepts/${'x'.repeat(LIMITS.idLength + 1)}`), 400, 'id');
      });
    });

    describe('GET /api/concepts/:id/neighborhood', () => {
      const hood = async (params: Record<string, string | number>) => {
        const body = ok(
          'neighborhood',
          await get('neighborhood', `/api/concepts/fx-ketamine/neighborhood${qs(params)}`),
        );
        const g = Graph.from(body as Parameters<typeof Graph.from>[0]);
        return { keys: g.nodes().sort(), size: g.size, body };
      };

      it('returns concepts one relation away and the relations between them, as graphology JSON', async () => {
        const { keys, size, body } = await hood({});
        expect(keys).toEqual([C.bdnf, C.depression, C.ect, C.ketamine, C.nmda].sort());
        expect(size).toBe(8);
        const g = body as {
          attributes: { edgeCount: number };
          nodes: { key: string; attributes: Record<string, unknown> }[];
        };
        expect(g.attributes.edgeCount).toBe(8);
        // Nested concepts carry their document count, not the list.
        const ketamine = g.nodes.find((n) => n.key === C.ketamine)!.attributes;
        expect(ketamine).toMatchObject({ label: '氯胺酮', documentCount: 1, mentionCount: 6 });
        expect(ketamine.documents).toBeUndefined();
        // Relations carry their evidence count, not the keys (GET /api/relations/:id has them).
        const interacts = (body as { edges: { key: string; attributes: Record<string, unknown> }[] }).edges.find(
          (e) => e.key === edgeKey.relation(C.nmda, 'interacts_with', C.ketamine),
        )!.attributes;
        expect(interacts).toEqual({
          kind: 'relation',
          predicate: 'interacts_with',
          confidence: expect.any(Number) as number,
          hedged: false,
          negated: false,
          evidenceCount: 2,
        });
      });

      it('keeps the best-attested relations within the edge limit', async () => {
        const { size, body } = await hood({ edgeLimit: 1 });
        expect(size).toBe(1);
        const g = body as {
          attributes: { edgeCount: number };
          edges: { key: string; attributes: { evidenceCount: number } }[];
        };
        expect(g.attributes.edgeCount).toBe(8);
        expect(g.edges[0]).toMatchObject({
          key: `rel:${C.nmda}-interacts_with->${C.ketamine}`,
          attributes: { evidenceCount: 2 },
        });
      });

      it('goes deeper with depth and stops at the limit, nearest and most mentioned first', async () => {
        expect((await hood({ depth: 2 })).keys).toContain(C.synaptogenesis);
        expect((await hood({ depth: 2 })).size).toBe(10);
        expect((await hood({ depth: 3 })).keys).toHaveLength(6);
        expect((await hood({ limit: 3 })).keys).toEqual([C.depression, C.ketamine, C.nmda].sort());
      });

      it('filters concepts by category and relations by predicate', async () => {
        const molecules = await hood({ categories: 'Molecule' });
        expect(molecules.keys).toEqual([C.bdnf, C.ketamine, C.nmda].sort());
        expect(molecules.size).toBe(3);
        const treats = await hood({ depth: 2, predicates: 'treats' });
        expect(treats.keys).toEqual([C.depression, C.ect, C.ketamine].sort());
        expect(treats.size).toBe(2);
      });

      it('refuses depth beyond 3 naming the limit, and answers 404 for an unknown concept', async () => {
        const res = await get('neighborhood', `/api/concepts/fx-ketamine/neighborhood?depth=${LIMITS.depth + 1}`);
        problemOf(res, 400, 'depth');
        expect(reasonFor(res, 'depth')).toBe(`must be at most ${LIMITS.depth}`);
        expect(reasonFor(await get('neighborhood', '/api/concepts/fx-ketamine/neighborhood?depth=0'), 'depth')).toBe(
          'must be at least 1',
        );
        problemOf(await get('neighborhood', '/api/concepts/fx-ketamine/neighborhood?depth=two'), 400, 'depth');
        problemOf(
          await get('neighborhood', '/api/concepts/fx-ketamine/neighborhood?predicates=cures'),
          400,
          'predicates',
        );
        problemOf(
          await get('neighborhood', `/api/concepts/fx-ketamine/neighborhood?limit=${LIMITS.graphNodes + 1}`),
          400,
          'limit',
        );
        problemOf(await get('neighborhood', '/api/concepts/nothing/neighborhood'), 404);
      });
    });

    describe('GET /api/relations/:id', () => {
      const relation = async (key: string) => ok('relation', await get('relation', `/api/relations/${enc(key)}`));

      it('gives a relation whole: its ends and every evidence key with its cue', async () => {
        const key = edgeKey.relation(C.nmda, 'interacts_with', C.ketamine);
        const r = await relation(key);
        expect(r).toMatchObject({
          key,
          source: C.nmda,
          target: C.ketamine,
          kind: 'relation',
          predicate: 'interacts_with',
          evidence: [claimKeyOf(10), claimKeyOf(11)],
          evidenceCount: 2,
          hedged: false,
          negated: false,
        });
        expect(r.cues).toHaveLength(2);
        expect(r).not.toHaveProperty('curation');
        // The evidence of a hedged relation; both directions of the key are told apart.
        expect(await relation(edgeKey.relation(C.bdnf, 'associated_with', C.depression))).toMatchObject({
          evidence: [claimKeyOf(9)],
          hedged: true,
        });
      });

      it('marks a verdict, answering a rejected relation too', async () => {
        const key = edgeKey.relation(C.ketamine, 'increases', C.bdnf);
        try {
          const res = await request(app)
            .post(`/api/relations/${enc(key)}/reject`)
            .set(auth)
            .send({ note: 'relation route test' });
          expect(res.status).toBe(200);
          expect(await relation(key)).toMatchObject({ key, curation: 'rejected', evidence: [claimKeyOf(4)] });
        } finally {
          await request(app)
            .post(`/api/relations/${enc(key)}/retract`)
            .set(auth)
            .send({ note: 'end of the relation route test' });
        }
        expect(await relation(key)).not.toHaveProperty('curation');
      });

      it('answers 404 for a relation that does not exist or a key that names none', async () => {
        for (const key of [
          edgeKey.relation(C.depression, 'treats', C.ketamine),
          edgeKey.relation(C.ketamine, 'causes', C.depression),
          edgeKey.relation('concept:nope', 'treats', C.depression),
          'rel:nothing',
          C.ketamine,
        ]) {
          problemOf(await get('relation', `/api/relations/${enc(key)}`), 404);
        }
      });
    });

    describe('GET /api/paths', () => {
      type Paths = {
        from: string;
        to: string;
        paths: {
          nodes: { key: string }[];
          hops: {
            relation: string;
            from: string;
            to: string;
            predicate: string;
            evidence: { claim: { key: string; text: string }; sources: string[] }[];
          }[];
        }[];
      };
      const paths = async (params: Record<string, string | number>) =>
        ok<Paths>(
          'paths',
          await get('paths', `/api/paths${qs({ from: 'fx-ketamine', to: 'fx-depression', ...params })}`),
        );
      const seqs = (p: Paths) => p.paths.map((x) => x.nodes.map((n) => n.key));

      it('gives the k shortest paths, fewest hops first, then by node keys', async () => {
        const p = await paths({});
        expect(p).toMatchObject({ from: C.ketamine, to: C.depression });
        expect(seqs(p)).toEqual([
          [C.ketamine, C.depression],
          [C.ketamine, C.bdnf, C.depression],
          [C.ketamine, C.ect, C.depression],
        ]);
        expect(seqs(await paths({ k: 10 }))).toEqual([
          [C.ketamine, C.depression],
          [C.ketamine, C.bdnf, C.depression],
          [C.ketamine, C.ect, C.depression],
          [C.ketamine, C.nmda, C.depression],
          [C.ketamine, C.bdnf, C.synaptogenesis, C.depression],
        ]);
      });

      it('reports every hop in its real direction with its evidence and their sources', async () => {
        const p = await paths({ k: 10 });
        const [direct, , viaEct, viaNmda] = p.paths;
        expect(direct!.hops).toHaveLength(1);
        expect(direct!.hops[0]).toMatchObject({ from: C.ketamine, to: C.depression, predicate: 'treats' });
        expect(direct!.hops[0]!.evidence).toEqual([
          expect.objectContaining({
            claim: expect.objectContaining({ key: claimKeyOf(0) }),
            sources: ['9000001', '9000002'],
          }),
        ]);
        expect(viaEct!.hops.map((h) => [h.from, h.predicate, h.to])).toEqual([
          [C.ect, 'combined_with', C.ketamine],
          [C.ect, 'treats', C.depression],
        ]);
        expect(viaEct!.hops[1]!.evidence[0]!.sources).toEqual(['9000001']);
        // Two relations join ketamine and NMDA: the hop reports the one with more evidence.
        expect(viaNmda!.hops[0]).toMatchObject({ from: C.nmda, to: C.ketamine, predicate: 'interacts_with' });
        expect(viaNmda!.hops[0]!.evidence.map((e) => e.claim.key)).toEqual([claimKeyOf(10), claimKeyOf(11)]);
        expect(viaNmda!.nodes[1]).toMatchObject({ key: C.nmda, documentCount: 1 });
        // A heading among the evidence is not a sentence: hops list claims only.
        const longest = p.paths[4]!;
        expect(longest.hops[1]).toMatchObject({ from: C.bdnf, to: C.synaptogenesis, predicate: 'causes' });
        expect(longest.hops[1]!.evidence.map((e) => e.claim.key)).toEqual([claimKeyOf(5)]);
      });

      it('lists at most the asked number of evidence sentences per hop, counting them all', async () => {
        const viaNmda = (await paths({ k: 10, evidence: 1 })).paths[3]!;
        expect(viaNmda.hops[0]!.evidence).toHaveLength(1);
        expect(viaNmda.hops[0]).toMatchObject({ predicate: 'interacts_with', evidenceCount: 2 });
      });

      it('honours maxLength and the predicate filter', async () => {
        expect(seqs(await paths({ maxLength: 1, k: 10 }))).toEqual([[C.ketamine, C.depression]]);
        expect(seqs(await paths({ k: 10, predicates: 'treats,combined_with' }))).toEqual([
          [C.ketamine, C.depression],
          [C.ketamine, C.ect, C.depression],
        ]);
      });

      it('gives no path between unconnected concepts', async () => {
        expect((await paths({ to: 'fx-isolated' })).paths).toEqual([]);
      });

      it('never steps along a relation a reviewer rejected, unless asked to, and marks verdicts on hops', async () => {
        const direct = edgeKey.relation(C.ketamine, 'treats', C.depression);
        const interacts = edgeKey.relation(C.nmda, 'interacts_with', C.ketamine);
        const ectTreats = edgeKey.relation(C.ect, 'treats', C.depression);
        const verdict = (key: string, kind: string) =>
          request(app)
            .post(`/api/relations/${enc(key)}/${kind}`)
            .set(auth)
            .send({ note: `${kind} for the paths test` });
        try {
          for (const [key, kind] of [
            [direct, 'reject'],
            [interacts, 'reject'],
            [ectTreats, 'confirm'],
          ] as const) {
            expect((await verdict(key, kind)).status, `${kind} ${key}`).toBe(200);
          }
          const p = await paths({ k: 10 });
          expect(seqs(p)).toEqual([
            [C.ketamine, C.bdnf, C.depression],
            [C.ketamine, C.ect, C.depression],
            [C.ketamine, C.nmda, C.depression],
            [C.ketamine, C.bdnf, C.synaptogenesis, C.depression],
          ]);
          const hops = p.paths.flatMap((x) => x.hops);
          expect(hops.map((h) => h.relation)).not.toContain(direct);
          // Ketamine and NMDA stay joined by the relation nobody rejected.
          expect(p.paths[2]!.hops[0]).toMatchObject({ from: C.ketamine, predicate: 'decreases', to: C.nmda });
          expect(hops.find((h) => h.relation === ectTreats)).toMatchObject({ curation: 'confirmed' });

          const shown = await paths({ k: 10, showRejected: 'true' });
          expect(seqs(shown)).toEqual([
            [C.ketamine, C.depression],
            [C.ketamine, C.bdnf, C.depression],
            [C.ketamine, C.ect, C.depression],
            [C.ketamine, C.nmda, C.depression],
            [C.ketamine, C.bdnf, C.synaptogenesis, C.depression],
          ]);
          expect(shown.paths[0]!.hops[0]).toMatchObject({ relation: direct, curation: 'rejected' });
          expect(shown.paths[3]!.hops[0]).toMatchObject({ relation: interacts, curation: 'rejected' });
        } finally {
          for (const key of [direct, interacts, ectTreats]) {
            await request(app)
              .post(`/api/relations/${enc(key)}/retract`)
              .set(auth)
              .send({ note: 'end of the paths test' });
          }
        }
        expect(seqs(await paths({}))[0]).toEqual([C.ketamine, C.depression]);
      });

      it('refuses k beyond 10, missing ends and identical ends; 404 for an unknown concept', async () => {
        const res = await get(
          'paths',
          `/api/paths${qs({ from: 'fx-ketamine', to: 'fx-depression', k: LIMITS.k + 1 })}`,
        );
        expect(reasonFor(problemOf(res, 400, 'k') && res, 'k')).toBe(`must be at most ${LIMITS.k}`);
        problemOf(
          await get(
            'paths',
            `/api/paths${qs({ from: 'fx-ketamine', to: 'fx-depression', maxLength: LIMITS.pathLength + 1 })}`,
          ),
          400,
          'maxLength',
        );
        problemOf(await get('paths', '/api/paths?from=fx-ketamine'), 400, 'to');
        problemOf(await get('paths', '/api/paths?from=fx-ketamine&to=concept%3Afx-ketamine'), 400, 'to');
        problemOf(await get('paths', '/api/paths?from=fx-ketamine&to=unknown'), 404);
        problemOf(await get('paths', '/api/paths?from=unknown&to=fx-ketamine'), 404);
      });
    });

    describe('GET /api/claims and /api/claims/:id', () => {
      type ClaimPage = {
        total: number;
        offset: number;
        limit: number;
        items: { key: string; citations: string[]; hedged: boolean }[];
      };
      const claims = async (params: Record<string, string | number | boolean>) =>
        ok<ClaimPage>('claims', await get('claims', `/api/claims${qs(params)}`));
      const idx = (p: ClaimPage) => p.items.map((c) => Number(c.key.split('#')[1]));

      it('lists a document in reading order, paged', async () => {
        const all = await claims({ document: FX_DOC_ID, limit: 500 });
        expect(all.total).toBe(13);
        expect(idx(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        const page = await claims({ document: FX_DOC, offset: 10, limit: 2 });
        expect(page).toMatchObject({ total: 13, offset: 10, limit: 2 });
        expect(idx(page)).toEqual([10, 11]);
      });

      it('filters by citation (cited=false lists unsupported claims), hedging, section and concept', async () => {
        // #2 has no marker of its own: only the next sentence's supports it (its contextCitations).
        expect(idx(await claims({ document: FX_DOC_ID, cited: false }))).toEqual([2, 5, 6, 8, 9, 10, 11, 12]);
        expect(idx(await claims({ document: FX_DOC_ID, cited: true }))).toEqual([0, 1, 3, 4, 7]);
        expect(idx(await claims({ document: FX_DOC_ID, hedged: true }))).toEqual([9]);
        expect(idx(await claims({ section: `${FX_DOC_ID}#0` }))).toEqual([0, 1, 2, 3]);
        expect(idx(await claims({ concept: 'fx-bdnf' }))).toEqual([4, 5, 9]);
        expect(idx(await claims({ concept: C.bdnf, cited: true }))).toEqual([4]);
      });

      it('lists unsupported claims across the corpus', async () => {
        const page = await claims({ cited: false, limit: 500 });
        expect(page.total).toBeGreaterThan(7);
        expect(page.items.every((c) => c.citations.length === 0)).toBe(true);
      });

      it('refuses bad filters and answers 404 for unknown documents, sections and concepts', async () => {
        problemOf(await get('claims', '/api/claims?cited=maybe'), 400, 'cited');
        problemOf(await get('claims', `/api/claims?limit=${LIMITS.pageSize + 1}`), 400, 'limit');
        problemOf(await get('claims', '/api/claims?limit=0'), 400, 'limit');
        problemOf(await get('claims', '/api/claims?document=nowhere'), 404);
        problemOf(await get('claims', '/api/claims?section=nowhere%230'), 404);
        problemOf(await get('claims', '/api/claims?concept=nothing'), 404);
      });

      type Detail = {
        claim: { key: string; text: string; markup: string; line: number; column: number; section: string };
        document: { key: string };
        section: { key: string; title: string };
        sources: { key: string; problemId: string; problem?: { problem?: string } }[];
        concepts: { key: string }[];
        relations: { key: string; predicate: string; source: string; target: string }[];
      };

      it('gives a claim with its text, markup, place, sources (with problem text), concepts and relations', async () => {
        const d = ok<Detail>('claim', await get('claim', `/api/claims/${enc(claimKeyOf(0))}`));
        expect(d.claim).toMatchObject({ key: claimKeyOf(0), text: 'Ketamine treats depression within hours.' });
        expect(d.claim.markup).toContain('[@problem_id:9000001]');
        expect(d.document.key).toBe(FX_DOC);
        expect(d.section).toMatchObject({ key: `sec:${FX_DOC_ID}#0`, title: 'Fast antidepressants' });
        expect(d.sources.map((s) => s.problemId)).toEqual(['9000001', '9000002']);
        expect(d.sources[0]!.problem?.problem).toBe('Estimate the onset of the antidepressant effect.');
        expect(d.concepts.map((c) => c.key)).toEqual([C.depression, C.ketamine]);
        expect(d.concepts[1]).toMatchObject({ documentCount: 1 });
        expect(d.relations).toEqual([
          expect.objectContaining({ predicate: 'treats', source: C.ketamine, target: C.depression }),
        ]);
      });

      it('accepts the claim id without prefix, and with its / unencoded', async () => {
        const key = claimKeyOf(10);
        for (const url of [
          `/api/claims/${enc(key.slice('claim:'.length))}`,
          `/api/claims/${FX_DOC_ID}%2310`,
          `/api/claims/claim:${FX_DOC_ID}%2310`,
        ]) {
          const d = ok<Detail>('claim', await get('claim', url));
          expect(d.claim.key).toBe(key);
          expect(d.relations.map((r) => r.predicate)).toEqual(['interacts_with']);
        }
      });

      it('answers 404 for an unknown claim', async () => {
        problemOf(await get('claim', `/api/claims/${enc(`claim:${FX_DOC_ID}#999`)}`), 404);
        problemOf(await get('claim', `/api/claims/${enc(C.ketamine)}`), 404);
      });
    });

    describe('GET /api/sources/:problemId', () => {
      type Source = {
        source: { key: string; problem?: { answer?: string } };
        claims: { key: string }[];
        coCited: { problemId: string; count: number }[];
      };

      it('gives the problem when known, every claim citing it and the sources cited with it', async () => {
        const s = ok<Source>('source', await get('source', '/api/sources/9000001'));
        expect(s.source).toMatchObject({ key: 'src:9000001', problem: { answer: 'Hours.' } });
        expect(s.claims.map((c) => c.key)).toEqual([0, 1, 7].map(claimKeyOf));
        expect(s.coCited).toEqual([{ problemId: '9000002', count: 1 }]);
      });

      it('counts a context citation, and accepts the src: prefix', async () => {
        const s = ok<Source>('source', await get('source', `/api/sources/${enc('src:9000003')}`));
        expect(s.source.problem).toBeUndefined();
        expect(s.claims.map((c) => c.key)).toEqual([2, 3].map(claimKeyOf));
        expect(s.coCited).toEqual([]);
      });

      it('answers 404 for an unknown problem', async () => {
        problemOf(await get('source', '/api/sources/123456789012'), 404);
      });
    });

    describe('GET /api/documents and /api/documents/:id', () => {
      type Summary = { document: { key: string; title: string }; claims: number; cited: number; coverage: number };
      type Doc = Summary & {
        sections: { key: string; title: string; claims: number; cited: number; coverage: number }[];
      };

      it('lists every document with claim counts and citation coverage', async () => {
        const { documents } = ok<{ documents: Summary[] }>('documents', await get('documents', '/api/documents'));
        expect(documents.map((d) => d.document.key)).toEqual(
          expect.arrayContaining([FX_DOC, 'doc:ghk-voltage-equation.zh']),
        );
        expect(documents.find((d) => d.document.key === FX_DOC)).toMatchObject({
          claims: 13,
          cited: 5,
          coverage: 0.3846,
        });
        const keys = documents.map((d) => d.document.key);
        expect(keys).toEqual([...keys].sort());
      });

      it('gives a document with its sections in order and their coverage', async () => {
        for (const id of [enc(FX_DOC_ID), FX_DOC_ID, enc(FX_DOC)]) {
          const d = ok<Doc>('document', await get('document', `/api/documents/${id}`));
          expect(d.document.key).toBe(FX_DOC);
          expect(d.sections.map((s) => [s.title, s.claims, s.cited, s.coverage])).toEqual([
            ['Fast antidepressants', 4, 3, 0.75],
            ['Mechanisms', 9, 2, 0.2222],
          ]);
        }
      });

      it('answers 404 for an unknown document', async () => {
        problemOf(await get('document', '/api/documents/no%2Fsuch'), 404);
      });
    });

    describe('GET /api/graph and /api/export', () => {
      type Overview = {
        nodes: {
          key: string;
          attributes: { category: keyof typeof CATEGORY_COLORS; size: number; color: string; x: number; y: number };
        }[];
        edges: { key: string; attributes: { kind: string; size: number; evidenceCount: number } }[];
      };
      const overview = async (params: Record<string, string | number>) =>
        ok<Overview>('graph', await get('graph', `/api/graph${qs({ documents: FX_DOC_ID, ...params })}`));

      it('draws the filtered concepts and their relations with size and colour hints', async () => {
        const g = await overview({});
        expect(g.nodes.map((n) => n.key).sort()).toEqual(Object.values(C).sort());
        expect(g.edges).toHaveLength(10);
        for (const n of g.nodes) {
          expect(n.attributes.color).toBe(CATEGORY_COLORS[n.attributes.category]);
          expect(n.attributes.size).toBeGreaterThan(0);
          expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
        }
        expect(() => Graph.from(g as unknown as Parameters<typeof Graph.from>[0])).not.toThrow();
      });

      it('filters by category, evidence and limit', async () => {
        expect((await overview({ categories: 'Molecule' })).nodes.map((n) => n.key).sort()).toEqual([C.bdnf, C.nmda]);
        expect((await overview({ minEvidence: 2 })).edges.map((e) => e.key).sort()).toEqual(
          [`rel:${C.bdnf}-causes->${C.synaptogenesis}`, `rel:${C.nmda}-interacts_with->${C.ketamine}`].sort(),
        );
        expect((await overview({ limit: 2 })).nodes.map((n) => n.key).sort()).toEqual([C.depression, C.ketamine]);
        const top = await overview({ edgeLimit: 2 });
        expect(top.edges.map((e) => e.attributes.evidenceCount)).toEqual([2, 2]);
        expect((top as unknown as { attributes: { edgeCount: number } }).attributes.edgeCount).toBe(10);
        problemOf(await get('graph', `/api/graph?limit=${LIMITS.graphNodes + 1}`), 400, 'limit');
        problemOf(await get('graph', '/api/graph?edges=cites'), 400, 'edges');
        problemOf(await get('graph', '/api/graph?minEvidence=0'), 400, 'minEvidence');
      });

      const download = (params: Record<string, string>) =>
        get('export', `/api/export${qs({ documents: FX_DOC_ID, ...params })}`)
          .buffer(true)
          .parse(collectText);

      it('downloads graphology JSON, GEXF and GraphML as attachments', async () => {
        const json = await download({ format: 'graphology' });
        expect(json.status).toBe(200);
        expect(json.headers['content-disposition']).toMatch(/^attachment; filename="?textbook-graph\.json"?$/);
        const g = Graph.from(JSON.parse(json.body as string) as Parameters<typeof Graph.from>[0]);
        expect(g.hasNode(C.ketamine) && g.hasNode(claimKeyOf(0))).toBe(true);
        const gexf = await download({ format: 'gexf' });
        expect(gexf.headers['content-type']).toMatch(/^application\/xml/);
        expect(gexf.body as string).toContain('<gexf');
        expect((await download({ format: 'graphml' })).body as string).toContain('<graphml');
      });

      it('downloads the nodes or edges file of KGX and CSV', async () => {
        const kgxNodes = await download({ format: 'kgx', part: 'nodes' });
        expect(kgxNodes.headers['content-type']).toMatch(/^text\/tab-separated-values/);
        expect(kgxNodes.headers['content-disposition']).toMatch(/textbook-graph_nodes\.tsv/);
        expect((kgxNodes.body as string).split('\n')[0]).toBe(
          'id\tcategory\tname\tsynonym\txref\tprovided_by\tdescription',
        );
        const kgxEdges = await download({ format: 'kgx', part: 'edges' });
        expect(kgxEdges.body as string).toContain('biolink:treats_or_applied_or_studied_to_treat');
        const csvEdges = await download({ format: 'csv', part: 'edges' });
        expect((csvEdges.body as string).split('\n')[0]).toBe(
          'key,kind,source,target,predicate,evidence_count,hedged,negated,weight',
        );
        const csvNodes = await download({ format: 'csv', part: 'nodes', categories: 'Molecule' });
        expect(csvNodes.body as string).toContain(C.nmda);
        expect(csvNodes.body as string).not.toContain(C.ketamine);
      });

      it('requires part for two-file formats, refuses it for others, and validates the format', async () => {
        problemOf(await get('export', '/api/export?format=csv'), 400, 'part');
        problemOf(await get('export', '/api/export?format=gexf&part=nodes'), 400, 'part');
        problemOf(await get('export', '/api/export?format=csv&part=both'), 400, 'part');
        problemOf(await get('export', '/api/export?format=pdf'), 400, 'format');
        expect(reasonFor(await get('export', '/api/export'), 'format')).toBe('required');
      });
    });

    describe('requests the API does not serve', () => {
      it('answers 404 problems for unknown API paths', async () => {
        problemOf(await request(app).get('/api/nothing/here'), 404);
      });

      it('answers 405 with Allow for other methods', async () => {
        for (const method of ['post', 'put', 'delete', 'patch'] as const) {
          const res = await request(app)[method]('/api/search?q=x');
          problemOf(res, 405);
          expect(res.headers.allow).toBe('GET, HEAD');
        }
      });

      it('refuses unknown and repeated parameters, naming them', async () => {
        const unknown = await get('search', '/api/search?q=a&color=red');
        expect(reasonFor(problemOf(unknown, 400, 'color') && unknown, 'color')).toBe('unknown parameter');
        const repeated = await get('neighborhood', '/api/concepts/fx-ketamine/neighborhood?depth=1&depth=2');
        expect(reasonFor(problemOf(repeated, 400, 'depth') && repeated, 'depth')).toBe('given more than once');
        problemOf(await get('documents', '/api/documents?x=1'), 400, 'x');
      });

      it('answers 400 for a malformed percent-encoding', async () => {
        problemOf(await request(app).get('/api/concepts/%E0%A4%A'), 400);
      });

      it('never sends a stack trace, even for an unexpected failure', async () => {
        sw.broken = true;
        try {
          const res = await get('concept', '/api/concepts/fx-ketamine');
          const body = problemOf(res, 500);
          expect(JSON.stringify(body)).not.toMatch(/secret|\.ts:|\bat /);
        } finally {
          sw.broken = false;
        }
      });
    });

    describe('store outages', () => {
      const storeRoutes = () => ROUTES.filter((r) => r.spec.errors.includes(503));
      const sampleUrl: Record<string, string> = {
        health: '/api/health',
        stats: '/api/stats',
        search: '/api/search?q=ketamine',
        concept: '/api/concepts/fx-ketamine',
        neighborhood: '/api/concepts/fx-ketamine/neighborhood',
        relation: `/api/relations/${enc(edgeKey.relation(C.ketamine, 'treats', C.depression))}`,
        paths: '/api/paths?from=fx-ketamine&to=fx-depression',
        claims: '/api/claims',
        claim: `/api/claims/${enc(claimKeyOf(0))}`,
        source: '/api/sources/9000001',
        documents: '/api/documents',
        document: `/api/documents/${enc(FX_DOC_ID)}`,
        graph: '/api/graph',
        export: '/api/export?format=gexf',
      };

      it('answer 503 with Retry-After on every store route, then recover without a restart', async () => {
        for (const failure of ['typed', 'plain'] as const) {
          sw.down = true;
          sw.failure = failure;
          try {
            for (const r of storeRoutes()) {
              const url = sampleUrl[r.spec.operationId];
              expect(url, r.spec.operationId).toBeDefined();
              const res = await get(r.spec.operationId, url!);
              problemOf(res, 503);
              expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
            }
            // Documentation does not need the store.
            expect((await get('openapi', '/api/openapi.json')).status).toBe(200);
          } finally {
            sw.down = false;
          }
          for (const r of storeRoutes()) {
            expect((await get(r.spec.operationId, sampleUrl[r.spec.operationId]!)).status, r.spec.operationId).toBe(
              200,
            );
          }
        }
      });
    });

    describe('the OpenAPI document', () => {
      let doc: Record<string, unknown>;
      beforeAll(async () => {
        if (available) doc = ok('openapi', await get('openapi', '/api/openapi.json'));
      });

      it('is valid OpenAPI 3.1 according to @readme/openapi-parser', async () => {
        expect(doc.openapi).toBe('3.1.0');
        const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
        expect(result.valid ? [] : result.errors).toEqual([]);
      });

      it("describes every route the app serves, the workflow routers' too, with its parameters and limits", () => {
        const paths = doc.paths as Record<
          string,
          { get: { parameters?: { name: string; schema: { maximum?: number } }[] } }
        >;
        // Every mounted route, whatever its method and router, is in the document, and nothing else is.
        const served = servedOperations(app);
        expect(documentedOperations(doc)).toEqual(served);
        for (const r of ROUTES) expect(served).toContain(`GET ${r.spec.path}`);
        for (const op of [
          'POST /api/relations',
          'POST /api/relations/{id}/reject',
          'GET /api/curation/audit',
          'PUT /api/views/{id}',
          'DELETE /api/views/{id}',
          'GET /api/views/{id}/export',
          'GET /api/audit/claims.csv',
        ]) {
          expect(served).toContain(op);
        }
        const param = (path: string, name: string) => paths[path]!.get.parameters!.find((p) => p.name === name)!;
        expect(param('/api/concepts/{id}/neighborhood', 'depth').schema.maximum).toBe(LIMITS.depth);
        expect(param('/api/paths', 'k').schema.maximum).toBe(LIMITS.k);
        expect(param('/api/claims', 'limit').schema.maximum).toBe(LIMITS.pageSize);
        expect((param('/api/search', 'q').schema as { maxLength?: number }).maxLength).toBe(LIMITS.queryLength);
        for (const path of ['/api/graph', '/api/export', '/api/concepts/{id}', '/api/concepts/{id}/neighborhood']) {
          expect(param(path, 'showRejected').schema).toEqual({ type: 'boolean', default: false });
        }
      });

      it('notices a mounted route it does not describe', () => {
        const extra = Router();
        extra.get('/undocumented/:id', (_req, res) => void res.json({}));
        const more = createApp({ store, logger: silent, clientDir: null, apiRouters: [extra] });
        const served = servedOperations(more);
        expect(served).toContain('GET /api/undocumented/{id}');
        expect(served.filter((op) => !documentedOperations(doc).includes(op))).toEqual(['GET /api/undocumented/{id}']);
      });

      it('asks for the bearer token on every write and only there, with the problems a write can meet', () => {
        const ops = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
          ([p, item]) => Object.entries(item).map(([method, op]) => ({ p, method, op })),
        );
        for (const { p, method, op } of ops) {
          const responses = Object.keys(op.responses as object);
          if (method === 'get') {
            expect(op.security, `${method} ${p}`).toBeUndefined();
          } else {
            expect(op.security, `${method} ${p}`).toEqual([{ bearer: [] }]);
            expect(responses, `${method} ${p}`).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
          }
        }
        const components = doc.components as { securitySchemes: Record<string, unknown> };
        expect(components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
        const views = (doc.paths as Record<string, Record<string, Record<string, unknown>>>)['/api/views']!;
        expect(views.post!.requestBody).toEqual({
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ViewContent' } } },
        });
      });

      it('has a readable docs page with its stylesheet', async () => {
        const page = await get('docs', '/api/docs');
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        for (const op of documentedOperations(doc)) {
          const [method, p] = op.split(' ');
          expect(page.text).toContain(`<span class="method">${method}</span> <code>${p}</code>`);
        }
        expect(page.text).toContain('id="problem-store-unavailable"');
        const css = await get('docsStylesheet', '/api/docs.css');
        expect(css.headers['content-type']).toMatch(/^text\/css/);
      });
    });

    describe('injection attempts', () => {
      const PAYLOADS = [
        "' OR 1=1 --",
        '"}) MATCH (n) DETACH DELETE n //',
        "x') WITH 1 AS a MATCH (n) DETACH DELETE n RETURN ('",
        '`); CALL db.clearQueryCaches(); //',
        'MERGE (x:Concept {key:"evil"})',
        '\\',
        '\\\' \\"',
        '"',
        "'",
        '\u0000',
        'ｃｏｎｃｅｐｔ：ｋｅｔａｍｉｎｅ',
        'kеtаmine',
        '\u202Eenimatek\u200B',
        '😀'.repeat(50),
        '../../../etc/passwd',
        '<script>alert(1)</script>',
        '{"$gt":""}',
        '__proto__',
        'a'.repeat(6000),
      ];
      const valid: Record<string, { params?: Record<string, string>; query: Record<string, string> }> = {
        health: { query: {} },
        stats: { query: {} },
        search: { query: { q: 'ketamine', kinds: 'concept', categories: 'Intervention', limit: '5' } },
        concept: { params: { id: 'fx-ketamine' }, query: { offset: '0', limit: '5' } },
        neighborhood: {
          params: { id: 'fx-ketamine' },
          query: { depth: '2', predicates: 'treats', categories: 'Disorder', limit: '10' },
        },
        relation: { params: { id: edgeKey.relation(C.ketamine, 'treats', C.depression) }, query: {} },
        paths: { query: { from: 'fx-ketamine', to: 'fx-depression', k: '3', maxLength: '4', predicates: 'treats' } },
        claims: {
          query: {
            document: FX_DOC_ID,
            section: `${FX_DOC_ID}#0`,
            cited: 'true',
            hedged: 'false',
            concept: 'fx-ketamine',
            offset: '0',
            limit: '5',
          },
        },
        claim: { params: { id: claimKeyOf(0) }, query: {} },
        source: { params: { problemId: '9000001' }, query: {} },
        documents: { query: {} },
        document: { params: { id: FX_DOC_ID }, query: {} },
        graph: {
          query: {
            categories: 'Molecule',
            documents: FX_DOC_ID,
            predicates: 'treats',
            minEvidence: '1',
            limit: '10',
            edges: 'relation',
          },
        },
        export: {
          query: {
            format: 'csv',
            part: 'nodes',
            categories: 'Molecule',
            documents: FX_DOC_ID,
            predicates: 'treats',
            minEvidence: '1',
            limit: '10',
          },
        },
        openapi: { query: {} },
        docs: { query: {} },
        docsStylesheet: { query: {} },
      };
      const url = (path: string, params: Record<string, string>, query: Record<string, string>) =>
        path.replace(/\{(\w+)\}/g, (_m, k: string) => enc(params[k] ?? '')) + qs(query);

      it('every parameter of every route: no 5xx, and the data is unchanged', async () => {
        const before = await fingerprint(sut.store);
        const failures: string[] = [];
        let requests = 0;
        for (const r of ROUTES) {
          const base = valid[r.spec.operationId];
          expect(base, `valid request for ${r.spec.operationId}`).toBeDefined();
          const names = [
            ...Object.keys(r.spec.params?.shape ?? {}).map((n) => ['path', n] as const),
            ...Object.keys(r.spec.query.shape).map((n) => ['query', n] as const),
          ];
          const baseline = await get(r.spec.operationId, url(r.spec.path, base!.params ?? {}, base!.query));
          expect(baseline.status, `${r.spec.operationId} baseline`).toBe(200);
          for (const [where, n] of [...names, ['query', '__proto__'] as const]) {
            for (const payload of PAYLOADS) {
              const params = { ...base!.params };
              const query = { ...base!.query };
              if (where === 'path') params[n] = payload;
              else query[n] = payload;
              const res = await get(r.spec.operationId, url(r.spec.path, params, query));
              requests++;
              if (res.status >= 500)
                failures.push(`${r.spec.operationId} ${n}=${JSON.stringify(payload).slice(0, 40)}: ${res.status}`);
              else if (res.status >= 400 && !PROBLEM_JSON.test(String(res.headers['content-type']))) {
                failures.push(`${r.spec.operationId} ${n}: ${res.status} without problem+json`);
              }
            }
          }
        }
        // Raw, unencoded and malformed forms the encoder above never produces.
        for (const raw of [
          '/api/concepts/%',
          '/api/concepts/%ZZ',
          '/api/claims/%E0%A4%A',
          '/api/search?q=%',
          '/api/search?q=%E0%A4%A',
          `/api/search?q=${'%27'.repeat(300)}`,
        ]) {
          const res = await request(app).get(raw);
          requests++;
          if (res.status >= 500) failures.push(`${raw}: ${res.status}`);
        }
        expect(failures).toEqual([]);
        expect(requests).toBeGreaterThan(500);
        expect(await fingerprint(sut.store)).toBe(before);
      }, 120_000);
    });

    it('covered every route', () => {
      expect([...covered].sort()).toEqual(ROUTES.map((r) => r.spec.operationId).sort());
    });
  });
}
