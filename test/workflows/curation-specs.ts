/**
 * The curation store contract suite, written once as a factory and run for every implementation
 * (embedded files, Neo4j): verdicts, views, the append-only audit log written in the same step as each
 * change, and persistence across a reopen.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError, UsageError } from '../../server/errors';
import type { CurationStore } from '../../server/curation/curation-store';
import type { AuditInput, Verdict, View } from '../../server/curation/types';
import { edgeKey, type Predicate } from '../../server/model/types';

/** A fresh, empty store for one test, and a way to open the same data again as another process would. */
export interface CurationStoreFactory {
  /** null skips the suite's tests (no Neo4j here). */
  make(): Promise<CurationStore | null>;
  reopen(store: CurationStore): Promise<CurationStore>;
}

const HASH = 'a'.repeat(64);
let clock = Date.parse('2025-03-01T10:00:00.000Z');
/** Strictly increasing timestamps, so ordering by time is well defined. */
const tick = () => new Date((clock += 1000)).toISOString();

export const audit = (note = 'because', author = 'reviewer'): AuditInput => ({ author, note, at: tick() });

export function verdict(
  subject: string,
  predicate: Predicate,
  object: string,
  kind: Verdict['verdict'],
  over: Partial<Verdict> = {},
): Verdict {
  return {
    id: `v-${subject.replace(/\W/g, '')}-${kind}-${clock}`,
    relation: edgeKey.relation(`concept:${subject}`, predicate, `concept:${object}`),
    subject: `concept:${subject}`,
    predicate,
    object: `concept:${object}`,
    verdict: kind,
    note: 'checked against the text',
    evidence: { claim: 'claim:doc#1', textHash: HASH, text: '氯胺酮 "治疗" <抑郁症> & more' },
    author: 'reviewer',
    at: tick(),
    ...over,
  };
}

export function view(id: string, over: Partial<View> = {}): View {
  const at = tick();
  return {
    id,
    name: `地图 ${id}`,
    lang: 'zh',
    concepts: [
      { key: 'concept:a', x: 0, y: 0 },
      { key: 'concept:b', x: 200, y: 50, label: 'B <自定义>' },
    ],
    links: [{ source: 'concept:a', target: 'concept:b', predicate: 'treats' }],
    notes: [{ id: 'n1', text: '先讲 A & B', x: 10, y: 300 }],
    createdAt: at,
    updatedAt: at,
    author: 'teacher',
    ...over,
  };
}

export function curationSpecs(name: string, factory: CurationStoreFactory): void {
  describe(`CurationStore contract: ${name}`, () => {
    /** Runs a test body with a fresh store, or skips it when the factory has none. */
    const withStore =
      (body: (store: CurationStore) => Promise<void>) =>
      async (ctx: { skip: () => void }): Promise<void> => {
        const store = await factory.make();
        if (!store) return ctx.skip();
        try {
          await body(store);
        } finally {
          await store.close();
        }
      };

    it(
      'starts empty',
      withStore(async (store) => {
        expect(await store.listVerdicts()).toEqual([]);
        expect(await store.listViews()).toEqual([]);
        expect(await store.audit(0, 10)).toEqual({ total: 0, offset: 0, limit: 10, items: [] });
        expect(await store.getVerdict('rel:x-treats->y')).toBeNull();
        expect(await store.getView('nope')).toBeNull();
      }),
    );

    it(
      'stores a verdict and logs who, when, what and why in the same step',
      withStore(async (store) => {
        const v = verdict('ketamine', 'treats', 'depression', 'confirmed');
        const a = audit('matches the sentence', 'ana');
        expect(await store.putVerdict(v, a)).toEqual(v);
        expect(await store.getVerdict(v.relation)).toEqual(v);
        const log = await store.audit(0, 10);
        expect(log.total).toBe(1);
        expect(log.items[0]).toEqual({
          seq: 1,
          at: a.at,
          author: 'ana',
          action: 'confirm',
          target: v.relation,
          note: 'matches the sentence',
          after: v,
        });
      }),
    );

    it(
      'replaces a verdict and keeps both pictures in the log',
      withStore(async (store) => {
        const confirmed = verdict('ketamine', 'treats', 'depression', 'confirmed');
        const rejected = { ...confirmed, id: 'v-second', verdict: 'rejected' as const, note: 'negated' };
        await store.putVerdict(confirmed, audit());
        await store.putVerdict(rejected, audit('negated in the text'));
        expect(await store.getVerdict(confirmed.relation)).toEqual(rejected);
        const log = await store.audit(0, 10);
        expect(log.items.map((e) => [e.seq, e.action])).toEqual([
          [1, 'confirm'],
          [2, 'reject'],
        ]);
        expect(log.items[1]!.before).toEqual(confirmed);
        expect(log.items[1]!.after).toEqual(rejected);
      }),
    );

    it(
      'lists verdicts in relation order, filtered by kind and relation',
      withStore(async (store) => {
        const c = verdict('b', 'treats', 'x', 'confirmed');
        const r = verdict('a', 'causes', 'x', 'rejected');
        const ad = verdict('c', 'prevents', 'x', 'added');
        for (const v of [c, r, ad]) await store.putVerdict(v, audit());
        expect(await store.listVerdicts()).toEqual([r, c, ad]);
        expect(await store.listVerdicts({ verdicts: ['rejected', 'added'] })).toEqual([r, ad]);
        expect(await store.listVerdicts({ relations: [c.relation, 'rel:none'] })).toEqual([c]);
        expect((await store.audit(0, 10)).items.map((e) => e.action)).toEqual(['confirm', 'reject', 'add']);
      }),
    );

    it(
      'retracts a verdict, logging what it was; retracting nothing fails and logs nothing',
      withStore(async (store) => {
        const v = verdict('a', 'treats', 'b', 'added');
        await store.putVerdict(v, audit());
        expect(await store.retract(v.relation, audit('added by mistake'))).toEqual(v);
        expect(await store.getVerdict(v.relation)).toBeNull();
        await expect(store.retract(v.relation, audit())).rejects.toBeInstanceOf(NotFoundError);
        const log = await store.audit(0, 10);
        expect(log.total).toBe(2);
        expect(log.items[1]).toMatchObject({ seq: 2, action: 'retract', target: v.relation, before: v });
        expect(log.items[1]!.after).toBeUndefined();
      }),
    );

    it(
      'refuses an entry it could not read back (a bad author) and writes nothing',
      withStore(async (store) => {
        const v = verdict('a', 'treats', 'b', 'confirmed');
        await expect(store.putVerdict(v, audit('x', '<script>'))).rejects.toBeInstanceOf(UsageError);
        expect(await store.getVerdict(v.relation)).toBeNull();
        expect((await store.audit(0, 10)).total).toBe(0);
      }),
    );

    it(
      'creates, lists, opens, renames and deletes views, each step audited',
      withStore(async (store) => {
        const v1 = view('v1');
        const v2 = view('v2');
        expect(await store.createView(v1, audit())).toEqual(v1);
        await store.createView(v2, audit());
        await expect(store.createView(v1, audit())).rejects.toBeInstanceOf(UsageError);
        expect((await store.listViews()).map((v) => v.id)).toEqual(['v2', 'v1']);
        expect(await store.getView('v1')).toEqual(v1);

        const renameAt = audit('clearer name');
        const renamed = await store.updateView('v1', { name: '新名字' }, renameAt);
        expect(renamed).toEqual({ ...v1, name: '新名字', updatedAt: renameAt.at });
        expect((await store.listViews()).map((v) => v.id)).toEqual(['v1', 'v2']);

        // A change that leaves a link dangling is refused as a whole.
        await expect(
          store.updateView('v1', { concepts: [{ key: 'concept:a', x: 1, y: 1 }] }, audit()),
        ).rejects.toBeInstanceOf(UsageError);
        await expect(store.updateView('nope', { name: 'x' }, audit())).rejects.toBeInstanceOf(NotFoundError);

        expect(await store.deleteView('v2', audit('obsolete'))).toEqual(v2);
        expect(await store.getView('v2')).toBeNull();
        await expect(store.deleteView('v2', audit())).rejects.toBeInstanceOf(NotFoundError);

        const log = await store.audit(0, 20);
        expect(log.items.map((e) => [e.seq, e.action, e.target])).toEqual([
          [1, 'view.create', 'v1'],
          [2, 'view.create', 'v2'],
          [3, 'view.update', 'v1'],
          [4, 'view.delete', 'v2'],
        ]);
        expect(log.items[2]).toMatchObject({ before: v1, after: renamed, note: 'clearer name' });
        expect(log.items[3]).toMatchObject({ before: v2, note: 'obsolete' });
      }),
    );

    it(
      'pages the log and filters it by target',
      withStore(async (store) => {
        const a = verdict('a', 'treats', 'b', 'confirmed');
        for (let i = 0; i < 5; i++) await store.putVerdict({ ...a, note: `round ${i}` }, audit(`round ${i}`));
        await store.createView(view('v1'), audit());
        const page = await store.audit(2, 2);
        expect(page).toMatchObject({ total: 6, offset: 2, limit: 2 });
        expect(page.items.map((e) => e.seq)).toEqual([3, 4]);
        const mine = await store.audit(0, 10, 'v1');
        expect(mine.total).toBe(1);
        expect(mine.items[0]).toMatchObject({ seq: 6, action: 'view.create' });
        expect((await store.audit(4, 10, a.relation)).items.map((e) => e.note)).toEqual(['round 4']);
      }),
    );

    it(
      'serialises concurrent writes: every entry gets its own seq, none is lost',
      withStore(async (store) => {
        const vs = Array.from({ length: 12 }, (_, i) => verdict(`c${i}`, 'causes', 'z', 'confirmed'));
        await Promise.all(vs.map((v, i) => store.putVerdict(v, audit(`n${i}`))));
        const log = await store.audit(0, 100);
        expect(log.items.map((e) => e.seq)).toEqual(vs.map((_, i) => i + 1));
        expect(new Set(log.items.map((e) => e.target))).toEqual(new Set(vs.map((v) => v.relation)));
        expect((await store.listVerdicts()).length).toBe(12);
      }),
    );

    it(
      'reads back exactly what it stored after a reopen',
      withStore(async (store) => {
        const c = verdict('a', 'treats', 'b', 'confirmed');
        const r = verdict('b', 'causes', 'c', 'rejected');
        await store.putVerdict(c, audit());
        await store.putVerdict(r, audit());
        await store.retract(r.relation, audit());
        await store.createView(view('v1'), audit());
        await store.updateView('v1', { notes: [] }, audit());
        const before = {
          verdicts: await store.listVerdicts(),
          views: await store.listViews(),
          log: await store.audit(0, 100),
        };
        const again = await factory.reopen(store);
        try {
          expect(await again.listVerdicts()).toEqual(before.verdicts);
          expect(await again.listViews()).toEqual(before.views);
          expect(await again.audit(0, 100)).toEqual(before.log);
          // The log goes on where it stopped.
          await again.putVerdict(verdict('z', 'treats', 'y', 'added'), audit());
          expect((await again.audit(0, 100)).items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
        } finally {
          await again.close();
        }
      }),
    );
  });
}
