/**
 * The workflow API suite, written once and run for every curation store: reviewers confirming,
 * rejecting, adding and retracting relations; educators saving, listing, opening, renaming, exporting
 * and deleting views; the audit log; write access (token, read-only, rate limit, curator name); and the
 * verdicts on the app's graph answers (graph, neighbourhood, concept, paths, export, cached or not).
 * The graph side is an embedded graph store holding the fixture chapter.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/api/app';
import { textHash } from '../../server/curation/curation-service';
import type { CurationStore } from '../../server/curation/curation-store';
import type { AuditEntry } from '../../server/curation/types';
import { READ_ONLY_DETAIL } from '../../server/api/auth';
import { EmbeddedStore } from '../../server/store/embedded-store';
import type { CurationStoreFactory } from './curation-specs';
import {
  ASSOCIATED,
  CONCEPTS,
  INCREASES,
  RELATIONS,
  TEXTS,
  TREATS,
  claimKey,
  ingestFixture,
  testApp,
  type TestAppOptions,
} from './support';

const TOKEN = 'test-token-0123456789';
const silent = pino({ level: 'silent' });
const auth = { Authorization: `Bearer ${TOKEN}` };
const rel = (key: string) => `/api/relations/${encodeURIComponent(key)}`;

const mapBody = {
  name: '氯胺酮 & 抑郁 <第一课>',
  lang: 'zh',
  concepts: [
    { key: CONCEPTS.ketamine.key, x: 0, y: 0 },
    { key: CONCEPTS.depression.key, x: 240, y: 0 },
    { key: CONCEPTS.synaptogenesis.key, x: 120, y: 160, label: '新突触 "快速"' },
  ],
  links: [
    { source: CONCEPTS.ketamine.key, target: CONCEPTS.depression.key, predicate: 'treats' },
    { source: CONCEPTS.ketamine.key, target: CONCEPTS.synaptogenesis.key, predicate: 'increases' },
  ],
  notes: [{ id: 'n1', text: '先讲机制，再讲疗效', x: 0, y: 300 }],
};

export function workflowApiSpecs(name: string, factory: CurationStoreFactory): void {
  describe(`workflow API: ${name}`, () => {
    const open: CurationStore[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    /** A fresh graph (the fixture chapter) and curation store, and the app over them; null skips. */
    async function setup(over: Partial<TestAppOptions> = {}) {
      const curation = await factory.make();
      if (!curation) return null;
      open.push(curation);
      const graph = new EmbeddedStore(mkdtempSync(path.join(os.tmpdir(), 'wf-graph-')));
      await graph.open();
      await ingestFixture(graph);
      return { graph, store: curation, ...testApp({ graph, curation, token: TOKEN, ...over }) };
    }

    describe('write access', () => {
      it('answers every write 403 on a read-only server, and still serves reads', async (ctx) => {
        const s = await setup({ token: undefined });
        if (!s) return ctx.skip();
        for (const call of [
          request(s.app).post('/api/views').set(auth).send(mapBody),
          request(s.app)
            .post(`${rel(TREATS)}/confirm`)
            .set(auth)
            .send({ note: 'x' }),
          request(s.app).delete('/api/views/abc'),
        ]) {
          const res = await call;
          expect(res.status).toBe(403);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.body.detail).toBe(READ_ONLY_DETAIL);
        }
        expect((await request(s.app).get('/api/views')).status).toBe(200);
        expect((await request(s.app).get('/api/curation/audit')).body.total).toBe(0);
      });

      it('wants the right bearer token: 401 with WWW-Authenticate otherwise', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const missing = await request(s.app).post('/api/views').send(mapBody);
        expect(missing.status).toBe(401);
        expect(missing.headers['www-authenticate']).toBe('Bearer realm="textbook-graph"');
        const wrong = await request(s.app).post('/api/views').set('Authorization', 'Bearer nope').send(mapBody);
        expect(wrong.status).toBe(401);
        expect(wrong.headers['www-authenticate']).toMatch(/error="invalid_token"/);
        const basic = await request(s.app).post('/api/views').set('Authorization', `Basic ${TOKEN}`).send(mapBody);
        expect(basic.status).toBe(401);
        expect((await request(s.app).post('/api/views').set(auth).send(mapBody)).status).toBe(201);
        expect((await request(s.app).get('/api/curation/audit')).body.total).toBe(1);
      });

      it('limits writes: 429 problem with Retry-After past the limit, reads unaffected', async (ctx) => {
        const s = await setup({ writeLimit: 2 });
        if (!s) return ctx.skip();
        const note = { note: 'ok' };
        expect(
          (
            await request(s.app)
              .post(`${rel(TREATS)}/confirm`)
              .set(auth)
              .send(note)
          ).status,
        ).toBe(200);
        expect(
          (
            await request(s.app)
              .post(`${rel(INCREASES)}/confirm`)
              .set(auth)
              .send(note)
          ).status,
        ).toBe(200);
        const third = await request(s.app)
          .post(`${rel(ASSOCIATED)}/confirm`)
          .set(auth)
          .send(note);
        expect(third.status).toBe(429);
        expect(third.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
        expect((await request(s.app).get('/api/curation/verdicts')).body.total).toBe(2);
      });

      it('records the curator named in X-Curator (percent-encoded beyond ASCII) and refuses odd names', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const res = await request(s.app)
          .post(`${rel(TREATS)}/confirm`)
          .set(auth)
          .set('X-Curator', encodeURIComponent('审稿人 Li'))
          .send({ note: '原文如此' });
        expect(res.status).toBe(200);
        expect(res.body.author).toBe('审稿人 Li');
        const bad = await request(s.app)
          .post(`${rel(TREATS)}/reject`)
          .set(auth)
          .set('X-Curator', '<b>me</b>')
          .send({ note: 'x' });
        expect(bad.status).toBe(400);
        const anonymous = await request(s.app)
          .post(`${rel(INCREASES)}/confirm`)
          .set(auth)
          .send({ note: 'x' });
        expect(anonymous.body.author).toBe('api-token');
      });
    });

    describe('curation', () => {
      it('confirms a relation with its first evidence sentence, hashed, and shows it with its history', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const res = await request(s.app)
          .post(`${rel(TREATS)}/confirm`)
          .set(auth)
          .set('X-Curator', 'ana')
          .send({ note: 'the sentence says so' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          relation: TREATS,
          subject: CONCEPTS.ketamine.key,
          predicate: 'treats',
          object: CONCEPTS.depression.key,
          verdict: 'confirmed',
          note: 'the sentence says so',
          evidence: { claim: claimKey(0), textHash: textHash(TEXTS[0]!), text: TEXTS[0] },
          author: 'ana',
          at: '2025-05-01T08:00:01.000Z',
          status: 'ok',
        });
        const got = await request(s.app).get(`${rel(TREATS)}/verdict`);
        expect(got.status).toBe(200);
        expect(got.body.verdict).toEqual(res.body);
        expect(got.body.history.map((e: AuditEntry) => [e.action, e.author, e.note])).toEqual([
          ['confirm', 'ana', 'the sentence says so'],
        ]);
      });

      it('rejects with a chosen evidence sentence; changing a verdict keeps both in the audit', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        await request(s.app)
          .post(`${rel(TREATS)}/confirm`)
          .set(auth)
          .send({ note: 'first look' });
        const res = await request(s.app)
          .post(`${rel(TREATS)}/reject`)
          .set(auth)
          .send({ note: 'only about refractory cases', evidenceClaim: claimKey(1) });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ verdict: 'rejected', evidence: { claim: claimKey(1), text: TEXTS[1] } });
        const audit = (await request(s.app).get('/api/curation/audit')).body;
        expect(audit.items.map((e: AuditEntry) => e.action)).toEqual(['confirm', 'reject']);
        expect(audit.items[1].before.verdict).toBe('confirmed');
        expect(audit.items[1].after.verdict).toBe('rejected');
        const rejected = await request(s.app).get('/api/curation/verdicts?verdict=rejected');
        expect(rejected.body.items.map((v: { relation: string }) => v.relation)).toEqual([TREATS]);
      });

      it('refuses bad curation requests with the right status and writes nothing', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const cases: [request.Test, number][] = [
          [
            request(s.app)
              .post(`${rel('rel:concept:x-treats->concept:y')}/confirm`)
              .set(auth)
              .send({ note: 'x' }),
            404,
          ],
          [
            request(s.app)
              .post(`${rel(TREATS)}/confirm`)
              .set(auth)
              .send({}),
            400,
          ],
          [
            request(s.app)
              .post(`${rel(TREATS)}/confirm`)
              .set(auth)
              .send({ note: '   ' }),
            400,
          ],
          [
            request(s.app)
              .post(`${rel(TREATS)}/confirm`)
              .set(auth)
              .send({ note: 'x', evidenceClaim: claimKey(3) }),
            400,
          ],
          [
            request(s.app)
              .post(`/api/relations/${encodeURIComponent('not-a-relation')}/confirm`)
              .set(auth)
              .send({ note: 'x' }),
            400,
          ],
          [
            request(s.app)
              .post(`${rel(TREATS)}/retract`)
              .set(auth)
              .send({ note: 'nothing to retract' }),
            404,
          ],
          [request(s.app).get(`${rel(TREATS)}/verdict`), 404],
          [request(s.app).get('/api/curation/verdicts?status=fine'), 400],
          [request(s.app).get('/api/curation/audit?limit=100000'), 400],
        ];
        for (const [i, [call, status]] of cases.entries()) {
          const res = await call;
          expect({ case: i, status: res.status }).toEqual({ case: i, status });
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
        expect((await request(s.app).get('/api/curation/audit')).body.total).toBe(0);
      });

      it('adds a relation the extractor missed, with its evidence sentence, and retracts it', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const body = {
          subject: CONCEPTS.synaptogenesis.key,
          predicate: 'implicated_in',
          object: CONCEPTS.depression.key,
          evidenceClaim: claimKey(2),
          note: '第三句隐含了这一点',
        };
        const res = await request(s.app).post('/api/relations').set(auth).send(body);
        expect(res.status).toBe(201);
        const key = 'rel:concept:synaptogenesis-implicated_in->concept:depression';
        expect(res.headers.location).toBe(`/api/relations/${encodeURIComponent(key)}/verdict`);
        expect(res.body).toMatchObject({
          relation: key,
          verdict: 'added',
          evidence: { claim: claimKey(2), text: TEXTS[2] },
          status: 'ok',
        });

        // Shown on the graph as a relation edge marked `added`, with its evidence.
        const overlaid = await s.curation.overlay(await s.graph.exportGraph());
        expect(overlaid.edges.find((e) => e.key === key)?.attributes).toMatchObject({
          kind: 'relation',
          predicate: 'implicated_in',
          evidence: [claimKey(2)],
          curation: 'added',
        });

        const retracted = await request(s.app)
          .post(`${rel(key)}/retract`)
          .set(auth)
          .send({ note: 'too speculative' });
        expect(retracted.status).toBe(200);
        expect(retracted.body.verdict).toBe('added');
        expect((await request(s.app).get(`${rel(key)}/verdict`)).status).toBe(404);
        const overlaidAfter = await s.curation.overlay(await s.graph.exportGraph());
        expect(overlaidAfter.edges.some((e) => e.key === key)).toBe(false);
        const history = await request(s.app).get(`/api/curation/audit?target=${encodeURIComponent(key)}`);
        expect(history.body.items.map((e: AuditEntry) => [e.action, e.note])).toEqual([
          ['add', '第三句隐含了这一点'],
          ['retract', 'too speculative'],
        ]);
      });

      it('refuses to add what cannot be added', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const base = {
          subject: CONCEPTS.synaptogenesis.key,
          predicate: 'implicated_in',
          object: CONCEPTS.depression.key,
          evidenceClaim: claimKey(2),
          note: 'x',
        };
        const cases: [object, number][] = [
          [{ ...base, subject: 'concept:unknown' }, 404],
          [{ ...base, evidenceClaim: 'claim:ketamine#99' }, 404],
          [{ ...base, object: base.subject }, 400],
          [{ ...base, predicate: 'cures' }, 400],
          // Already extracted: confirm it instead.
          [{ ...base, subject: CONCEPTS.ketamine.key, predicate: 'treats' }, 400],
          // A symmetric relation extracted the other way round is the same relation.
          [{ ...base, subject: CONCEPTS.pfc.key, predicate: 'associated_with', object: CONCEPTS.depression.key }, 400],
        ];
        for (const [body, status] of cases) {
          expect((await request(s.app).post('/api/relations').set(auth).send(body)).status).toBe(status);
        }
        expect((await request(s.app).get('/api/curation/audit')).body.total).toBe(0);
      });

      it('hides rejected relations on the graph unless asked, and marks confirmed ones', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        await request(s.app)
          .post(`${rel(TREATS)}/reject`)
          .set(auth)
          .send({ note: 'no' });
        await request(s.app)
          .post(`${rel(INCREASES)}/confirm`)
          .set(auth)
          .send({ note: 'yes' });
        const graph = await s.graph.exportGraph();
        const hidden = await s.curation.overlay(graph);
        expect(hidden.edges.some((e) => e.key === TREATS)).toBe(false);
        expect(hidden.edges.find((e) => e.key === INCREASES)?.attributes).toMatchObject({ curation: 'confirmed' });
        expect(hidden.edges.find((e) => e.key === ASSOCIATED)?.attributes).not.toHaveProperty('curation');
        const shown = await s.curation.overlay(graph, { showRejected: true });
        expect(shown.edges.find((e) => e.key === TREATS)?.attributes).toMatchObject({ curation: 'rejected' });
        // The graph itself is untouched.
        expect(graph.edges.find((e) => e.key === TREATS)?.attributes).not.toHaveProperty('curation');
      });

      it('flags verdicts whose evidence changed or whose relation is gone, and changes nothing else', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        for (const key of [TREATS, INCREASES, ASSOCIATED]) {
          await request(s.app)
            .post(`${rel(key)}/confirm`)
            .set(auth)
            .send({ note: 'ok' });
        }
        const before = (await request(s.app).get('/api/curation/verdicts')).body.items;
        // A re-ingest: the first sentence reworded, the third relation no longer extracted.
        const texts = [...TEXTS];
        texts[0] = '氯胺酮可以在数小时内治疗抑郁症。';
        await ingestFixture(s.graph, texts, RELATIONS.slice(0, 2));
        const after = (await request(s.app).get('/api/curation/verdicts')).body.items;
        const status = Object.fromEntries(
          after.map((v: { relation: string; status: string }) => [v.relation, v.status]),
        );
        expect(status).toEqual({ [TREATS]: 'evidence-changed', [INCREASES]: 'ok', [ASSOCIATED]: 'relation-gone' });
        const changed = after.find((v: { relation: string }) => v.relation === TREATS);
        expect(changed.currentText).toBe(texts[0]);
        // The verdicts themselves are exactly as they were.
        const strip = (v: Record<string, unknown>) => {
          const { status: _s, currentText: _c, ...rest } = v;
          return rest;
        };
        expect(after.map(strip)).toEqual(before.map(strip));
        const flagged = await request(s.app).get('/api/curation/verdicts?status=evidence-changed');
        expect(flagged.body.items.map((v: { relation: string }) => v.relation)).toEqual([TREATS]);
      });

      it('pages the audit log', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        for (const key of [TREATS, INCREASES, ASSOCIATED]) {
          await request(s.app)
            .post(`${rel(key)}/confirm`)
            .set(auth)
            .send({ note: key });
        }
        const page = await request(s.app).get('/api/curation/audit?offset=1&limit=1');
        expect(page.body).toMatchObject({ total: 3, offset: 1, limit: 1 });
        expect(page.body.items.map((e: AuditEntry) => [e.seq, e.target])).toEqual([[2, INCREASES]]);
      });
    });

    describe('views', () => {
      it('creates, lists, opens, renames, changes and deletes a view, each step audited', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const created = await request(s.app).post('/api/views').set(auth).set('X-Curator', 'teacher').send(mapBody);
        expect(created.status).toBe(201);
        const id: string = created.body.id;
        expect(created.headers.location).toBe(`/api/views/${id}`);
        expect(created.body).toMatchObject({ ...mapBody, author: 'teacher' });
        expect(created.body.createdAt).toBe(created.body.updatedAt);

        const list = await request(s.app).get('/api/views');
        expect(list.body.items).toEqual([
          {
            id,
            name: mapBody.name,
            lang: 'zh',
            concepts: 3,
            links: 2,
            notes: 1,
            createdAt: created.body.createdAt,
            updatedAt: created.body.updatedAt,
            author: 'teacher',
          },
        ]);
        // The share link: anyone can open it, without a token.
        expect((await request(s.app).get(`/api/views/${id}`)).body).toEqual(created.body);

        const renamed = await request(s.app).put(`/api/views/${id}`).set(auth).send({ name: '第一课' });
        expect(renamed.status).toBe(200);
        expect(renamed.body).toMatchObject({
          name: '第一课',
          concepts: mapBody.concepts,
          createdAt: created.body.createdAt,
        });
        expect(renamed.body.updatedAt > created.body.updatedAt).toBe(true);

        const moved = await request(s.app)
          .put(`/api/views/${id}`)
          .set(auth)
          .send({ concepts: mapBody.concepts.map((c) => ({ ...c, x: c.x + 10 })), notes: [] });
        expect(moved.status).toBe(200);
        expect(moved.body.notes).toEqual([]);

        expect((await request(s.app).delete(`/api/views/${id}`).set(auth)).status).toBe(204);
        expect((await request(s.app).get(`/api/views/${id}`)).status).toBe(404);
        expect((await request(s.app).get('/api/views')).body.items).toEqual([]);

        const audit = (await request(s.app).get('/api/curation/audit')).body.items as AuditEntry[];
        expect(audit.map((e) => [e.action, e.target, e.note])).toEqual([
          ['view.create', id, `created "${mapBody.name}"`],
          ['view.update', id, 'changed name'],
          ['view.update', id, 'changed concepts, notes'],
          ['view.delete', id, 'deleted'],
        ]);
      });

      it('refuses bad views with the right status and writes nothing', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const id = (await request(s.app).post('/api/views').set(auth).send(mapBody)).body.id as string;
        const cases: [request.Test, number][] = [
          [
            request(s.app)
              .post('/api/views')
              .set(auth)
              .send({ ...mapBody, name: '' }),
            400,
          ],
          [
            request(s.app)
              .post('/api/views')
              .set(auth)
              .send({ ...mapBody, lang: 'fr' }),
            400,
          ],
          [
            request(s.app)
              .post('/api/views')
              .set(auth)
              .send({ ...mapBody, concepts: [...mapBody.concepts, { key: 'concept:nowhere', x: 0, y: 0 }] }),
            400,
          ],
          [
            request(s.app)
              .post('/api/views')
              .set(auth)
              .send({ ...mapBody, links: [...mapBody.links, mapBody.links[0]] }),
            400,
          ],
          [
            request(s.app)
              .put(`/api/views/${id}`)
              .set(auth)
              .send({ concepts: [mapBody.concepts[0]] }),
            400,
          ],
          [request(s.app).put(`/api/views/${id}`).set(auth).send({}), 400],
          [request(s.app).put('/api/views/no-such-view').set(auth).send({ name: 'x' }), 404],
          [request(s.app).delete('/api/views/no-such-view').set(auth), 404],
          [request(s.app).get('/api/views/bad%20id'), 400],
          [request(s.app).get(`/api/views/${id}/export?format=pdf`), 400],
        ];
        for (const [i, [call, status]] of cases.entries()) {
          expect({ case: i, status: (await call).status }).toEqual({ case: i, status });
        }
        expect((await request(s.app).get('/api/curation/audit')).body.total).toBe(1);
      });

      it('exports a view as CXL, GraphML and GEXF with the labels of its language', async (ctx) => {
        const s = await setup();
        if (!s) return ctx.skip();
        const id = (await request(s.app).post('/api/views').set(auth).send(mapBody)).body.id as string;

        const cxl = await request(s.app).get(`/api/views/${id}/export?format=cxl`);
        expect(cxl.status).toBe(200);
        expect(cxl.headers['content-type']).toMatch(/^application\/xml/);
        expect(cxl.headers['content-disposition']).toContain(
          `filename*=UTF-8''${encodeURIComponent('氯胺酮-抑郁-第一课.cxl')}`,
        );
        const doc = new DOMParser().parseFromString(cxl.text, 'text/xml');
        const labels = (tag: string) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.getAttribute('label'));
        expect(labels('concept')).toEqual(['氯胺酮', '抑郁症', '新突触 "快速"']);
        expect(labels('linking-phrase')).toEqual(['治疗', '增加']);
        expect(labels('annotation')).toEqual(['先讲机制，再讲疗效']);

        const graphml = await request(s.app).get(`/api/views/${id}/export?format=graphml`);
        expect(graphml.status).toBe(200);
        const g = new DOMParser().parseFromString(graphml.text, 'text/xml');
        expect(g.getElementsByTagName('node').length).toBe(3);
        expect(g.getElementsByTagName('edge').length).toBe(2);

        const gexf = await request(s.app).get(`/api/views/${id}/export?format=gexf`);
        expect(gexf.status).toBe(200);
        const x = new DOMParser().parseFromString(gexf.text, 'text/xml');
        expect(Array.from(x.getElementsByTagName('node')).map((n) => n.getAttribute('label'))).toEqual([
          '氯胺酮',
          '抑郁症',
          '新突触 "快速"',
        ]);
        // Exporting is a read: no token, nothing audited.
        expect((await request(s.app).get('/api/curation/audit')).body.total).toBe(1);
      });
    });

    describe('verdicts on the graph answers', () => {
      type Edge = { key: string; source: string; target: string; attributes: Record<string, unknown> };
      type Graphish = { nodes: { key: string }[]; edges: Edge[] };
      type Summary = { key: string; predicate: string; curation?: string; other: { key: string } };
      type ConceptBody = { relations: { predicate: string; count: number; relations: Summary[] }[] };

      /** The fixture behind the app as `npm start` builds it (response cache on), and the routes that write. */
      async function served() {
        const s = await setup();
        if (!s) return null;
        const read = createApp({
          store: s.graph,
          logger: silent,
          clientDir: null,
          config: { RATE_LIMIT_PER_MINUTE: 1e6, API_TOKEN: TOKEN },
          curation: s.curation,
        });
        return { ...s, read };
      }
      const write = (app: Express, path: string, body: object) => request(app).post(path).set(auth).send(body);
      const body = async <T>(app: Express, url: string): Promise<T> => {
        const res = await request(app).get(url);
        expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
        return res.body as T;
      };
      const edge = (g: Graphish, key: string) => g.edges.find((e) => e.key === key);
      const listed = (c: ConceptBody) => c.relations.flatMap((g) => g.relations);
      const exported = async (app: Express, query: string) =>
        JSON.parse((await request(app).get(`/api/export?format=graphology${query}`).buffer(true)).text) as Graphish;
      const KETAMINE = encodeURIComponent(CONCEPTS.ketamine.key);

      it('leaves a rejected relation out of the graph, neighbourhood, concept, paths and export until asked', async (ctx) => {
        const s = await served();
        if (!s) return ctx.skip();
        expect((await write(s.app, `${rel(TREATS)}/reject`, { note: 'a contrast, not a claim' })).status).toBe(200);
        expect((await write(s.app, `${rel(INCREASES)}/confirm`, { note: 'stated plainly' })).status).toBe(200);

        for (const [what, url] of [
          ['graph', '/api/graph'],
          ['neighbourhood', `/api/concepts/${KETAMINE}/neighborhood?depth=2`],
        ] as const) {
          const hidden = await body<Graphish>(s.read, url);
          expect(edge(hidden, TREATS), what).toBeUndefined();
          expect(edge(hidden, INCREASES)?.attributes, what).toMatchObject({ curation: 'confirmed' });
          // The neighbourhood's walk does not step along the rejected relation, so it never reaches this one.
          if (what === 'graph') expect(edge(hidden, ASSOCIATED)?.attributes, what).not.toHaveProperty('curation');
          else expect(edge(hidden, ASSOCIATED), what).toBeUndefined();
          const shown = await body<Graphish>(s.read, `${url}${url.includes('?') ? '&' : '?'}showRejected=true`);
          expect(edge(shown, TREATS)?.attributes, what).toMatchObject({ predicate: 'treats', curation: 'rejected' });
        }

        const concept = await body<ConceptBody>(s.read, `/api/concepts/${KETAMINE}`);
        expect(listed(concept).map((r) => r.key)).toEqual([INCREASES]);
        expect(concept.relations.map((g) => [g.predicate, g.count])).toEqual([['increases', 1]]);
        expect(listed(concept)[0]).toMatchObject({ curation: 'confirmed' });
        const all = await body<ConceptBody>(s.read, `/api/concepts/${KETAMINE}?showRejected=true`);
        expect(listed(all).find((r) => r.key === TREATS)).toMatchObject({ curation: 'rejected' });

        const hiddenExport = await exported(s.read, '');
        expect(edge(hiddenExport, TREATS)).toBeUndefined();
        expect(edge(hiddenExport, INCREASES)?.attributes).toMatchObject({ curation: 'confirmed' });
        expect(edge(await exported(s.read, '&showRejected=true'), TREATS)?.attributes).toMatchObject({
          curation: 'rejected',
        });
        const csv = await request(s.read).get('/api/export?format=csv&part=edges').buffer(true);
        expect(csv.text).not.toContain(TREATS);
        expect(csv.text).toContain(INCREASES);

        // Ketamine reaches the prefrontal cortex only through the rejected relation: not by a path, and
        // not in its neighbourhood either.
        const hood = `/api/concepts/${KETAMINE}/neighborhood?depth=2`;
        const reached = async (url: string) => (await body<Graphish>(s.read, url)).nodes.map((n) => n.key);
        expect(await reached(hood)).not.toContain(CONCEPTS.pfc.key);
        expect(await reached(`${hood}&showRejected=true`)).toContain(CONCEPTS.pfc.key);
        const paths = `/api/paths?from=${KETAMINE}&to=${encodeURIComponent(CONCEPTS.pfc.key)}`;
        expect((await body<{ paths: unknown[] }>(s.read, paths)).paths).toEqual([]);
        const through = await body<{ paths: { hops: { relation: string; curation?: string }[] }[] }>(
          s.read,
          `${paths}&showRejected=true`,
        );
        expect(through.paths.map((p) => p.hops.map((h) => [h.relation, h.curation ?? null]))).toEqual([
          [
            [TREATS, 'rejected'],
            [ASSOCIATED, null],
          ],
        ]);
      });

      it('shows a relation a reviewer added wherever both its concepts are, and no longer once retracted', async (ctx) => {
        const s = await served();
        if (!s) return ctx.skip();
        const added = 'rel:concept:synaptogenesis-implicated_in->concept:depression';
        const res = await write(s.app, '/api/relations', {
          subject: CONCEPTS.synaptogenesis.key,
          predicate: 'implicated_in',
          object: CONCEPTS.depression.key,
          evidenceClaim: claimKey(2),
          note: '第三句隐含了这一点',
        });
        expect(res.status).toBe(201);
        const attributes = { kind: 'relation', predicate: 'implicated_in', curation: 'added', evidenceCount: 1 };
        const graph = await body<Graphish>(s.read, '/api/graph');
        expect(edge(graph, added)).toMatchObject({
          source: CONCEPTS.synaptogenesis.key,
          target: CONCEPTS.depression.key,
          attributes,
        });
        const synaptogenesis = encodeURIComponent(CONCEPTS.synaptogenesis.key);
        const nb = await body<Graphish>(s.read, `/api/concepts/${synaptogenesis}/neighborhood?depth=2`);
        expect(edge(nb, added)?.attributes).toMatchObject(attributes);
        const concept = await body<ConceptBody>(s.read, `/api/concepts/${synaptogenesis}`);
        expect(listed(concept).find((r) => r.key === added)).toMatchObject({
          predicate: 'implicated_in',
          curation: 'added',
          other: { key: CONCEPTS.depression.key },
        });
        expect(edge(await exported(s.read, ''), added)?.attributes).toMatchObject({
          curation: 'added',
          evidence: [claimKey(2)],
        });
        // Filtered to other predicates, the graph leaves it out like any relation of its predicate.
        expect(edge(await body<Graphish>(s.read, '/api/graph?predicates=treats'), added)).toBeUndefined();

        expect((await write(s.app, `${rel(added)}/retract`, { note: 'too speculative' })).status).toBe(200);
        expect(edge(await body<Graphish>(s.read, '/api/graph'), added)).toBeUndefined();
        expect(listed(await body<ConceptBody>(s.read, `/api/concepts/${synaptogenesis}`)).map((r) => r.key)).toEqual([
          INCREASES,
        ]);
      });

      it('never serves a cached answer from before a verdict', async (ctx) => {
        const s = await served();
        if (!s) return ctx.skip();
        const urls = ['/api/graph', `/api/concepts/${KETAMINE}/neighborhood`, `/api/concepts/${KETAMINE}`];
        // The first read builds the store's indexes (a change of its own); answers are kept from then on.
        s.graph.warmUp();
        const first = await Promise.all(urls.map((u) => request(s.read).get(u)));
        // Asked again, the answers come from the cache: the store is not read.
        const reads = vi.spyOn(s.graph, 'exportGraph');
        const again = await Promise.all(urls.map((u) => request(s.read).get(u)));
        expect(reads).not.toHaveBeenCalled();
        expect(again.map((r) => r.headers.etag)).toEqual(first.map((r) => r.headers.etag));
        reads.mockRestore();

        expect((await write(s.app, `${rel(TREATS)}/reject`, { note: 'no' })).status).toBe(200);
        expect(edge(await body<Graphish>(s.read, urls[0]!), TREATS)).toBeUndefined();
        expect(edge(await body<Graphish>(s.read, urls[1]!), TREATS)).toBeUndefined();
        expect(listed(await body<ConceptBody>(s.read, urls[2]!)).map((r) => r.key)).not.toContain(TREATS);

        expect((await write(s.app, `${rel(TREATS)}/retract`, { note: 'on second thought' })).status).toBe(200);
        expect(edge(await body<Graphish>(s.read, urls[0]!), TREATS)?.attributes).not.toHaveProperty('curation');
        const back = await request(s.read).get(urls[0]!);
        expect(back.headers.etag).toBe(first[0]!.headers.etag);
      });
    });
  });
}
