/**
 * Curation and views survive a re-ingest of the real sample corpus: verdicts, views and the audit log
 * live beside the graph under the same STORE_DIR, and neither a forced re-ingest nor a changed chapter
 * loses or alters any of them. The verdict whose evidence sentence changed is flagged for another look.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CurationService, storeFacts } from '../../server/curation/curation-service';
import { EmbeddedCurationStore } from '../../server/curation/embedded-curation-store';
import type { ViewContent } from '../../server/curation/types';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import type { ClaimAttributes, DocumentAttributes, GraphExport, RelationAttributes } from '../../server/model/types';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { ViewService } from '../../server/views/view-service';
import { corpusDir } from '../support/paths';

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

interface Relation {
  key: string;
  source: string;
  target: string;
  attributes: RelationAttributes;
}

const relationsOf = (g: GraphExport): Relation[] =>
  g.edges
    .filter((e) => e.attributes?.kind === 'relation')
    .map((e) => ({ key: e.key!, source: e.source, target: e.target, attributes: e.attributes as RelationAttributes }))
    .sort((a, b) => a.key.localeCompare(b.key));

function claimsOf(g: GraphExport): Map<string, ClaimAttributes> {
  const out = new Map<string, ClaimAttributes>();
  for (const n of g.nodes) if (n.attributes?.kind === 'claim') out.set(n.key, n.attributes);
  return out;
}

function documentsOf(g: GraphExport): Map<string, DocumentAttributes> {
  const out = new Map<string, DocumentAttributes>();
  for (const n of g.nodes) if (n.attributes?.kind === 'document') out.set(n.key, n.attributes);
  return out;
}

describe('curation and views across a re-ingest', () => {
  it('keeps every verdict and view unchanged, and flags the one whose evidence sentence changed', async () => {
    const corpus = tmp('wf-corpus-');
    cpSync(corpusDir, corpus, { recursive: true });
    const storeDir = tmp('wf-store-');
    const graph = new EmbeddedStore(storeDir);
    await graph.open();
    await ingestInto(graph, [corpus], { extractor: createExtractor() });

    // Curation lives in the same STORE_DIR as the graph, as it does in production.
    const store = new EmbeddedCurationStore(storeDir);
    await store.open();
    const facts = storeFacts(graph);
    const curation = new CurationService(facts, store);
    const views = new ViewService(facts, store);

    const g0 = await graph.exportGraph();
    const claims = claimsOf(g0);
    const documents = documentsOf(g0);
    const relations = relationsOf(g0);
    const claimFile = (claim: string) => path.resolve(corpus, documents.get(claims.get(claim)!.document)!.path);
    /** A claim whose sentence can be found, once, in its file: the one the test will reword. */
    const editable = (claim: string) => {
      const markup = claims.get(claim)!.markup;
      const text = readFileSync(claimFile(claim), 'utf8');
      return /[。.]$/.test(markup) && text.indexOf(markup) >= 0 && text.indexOf(markup) === text.lastIndexOf(markup);
    };

    // One relation to confirm whose sentence will change; one to reject and one to confirm and leave
    // alone, supported by other sentences (from other chapters when there are any).
    const toChange = relations.find((r) => editable(r.attributes.evidence[0]!));
    expect(toChange, 'the sample corpus has a relation whose sentence can be reworded').toBeTruthy();
    const changedClaim = toChange!.attributes.evidence[0]!;
    const changedDoc = claims.get(changedClaim)!.document;
    const inChangedDoc = (r: Relation) => Number(claims.get(r.attributes.evidence[0]!)!.document === changedDoc);
    const [toReject, toKeep] = relations
      .filter((r) => r !== toChange && !r.attributes.evidence.includes(changedClaim))
      .sort((a, b) => inChangedDoc(a) - inChangedDoc(b));
    expect(toReject && toKeep, 'the sample corpus has three relations').toBeTruthy();

    // A relation the extractor missed: two concepts mentioned in one sentence with no relation between them.
    const extracted = new Set(relations.flatMap((r) => [`${r.source}|${r.target}`, `${r.target}|${r.source}`]));
    const mentions = new Map<string, string[]>();
    for (const e of g0.edges) {
      if (e.attributes?.kind !== 'mentions' || !claims.has(e.source)) continue;
      mentions.set(e.source, [...(mentions.get(e.source) ?? []), e.target]);
    }
    const missed = [...mentions]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([claim, cs]) => cs.flatMap((a) => cs.map((b) => ({ claim, a, b }))))
      .find(({ a, b }) => a !== b && !extracted.has(`${a}|${b}`))!;
    expect(missed, 'some sentence mentions two concepts with no relation between them').toBeTruthy();

    await curation.confirm(toChange!.key, { note: 'the sentence says so' }, 'ana');
    await curation.reject(toReject!.key, { note: 'misread cue' }, 'ana');
    await curation.confirm(toKeep!.key, { note: 'fine' }, 'bo');
    const added = await curation.add(
      {
        subject: missed.a,
        predicate: 'associated_with',
        object: missed.b,
        evidenceClaim: missed.claim,
        note: 'missed',
      },
      'bo',
    );
    const content: ViewContent = {
      name: '复习图',
      lang: 'zh',
      concepts: [toChange!.source, toChange!.target, toReject!.source]
        .filter((k, i, all) => all.indexOf(k) === i)
        .map((key, i) => ({ key, x: i * 150, y: i * 40 })),
      links: [{ source: toChange!.source, target: toChange!.target, predicate: toChange!.attributes.predicate }],
      notes: [{ id: 'n1', text: '期末复习', x: 0, y: 200 }],
    };
    const view = await views.create(content, 'teacher');
    await views.update(view.id, { name: '复习图（第二版）' }, 'teacher');

    const snapshot = async () => ({
      verdicts: await store.listVerdicts(),
      views: await store.listViews(),
      audit: await store.audit(0, 1000),
    });
    const before = await snapshot();
    expect(before.verdicts).toHaveLength(4);
    expect(before.audit.total).toBe(6);
    expect((await curation.verdicts()).map((v) => v.status)).toEqual(['ok', 'ok', 'ok', 'ok']);

    // 1. A forced re-ingest of the same text: nothing moves, nothing is flagged.
    const forced = await ingestInto(graph, [corpus], { extractor: createExtractor(), force: true });
    expect(forced.chapters.ingested).toBe(forced.chapters.found);
    expect(await snapshot()).toEqual(before);
    expect((await curation.verdicts()).map((v) => v.status)).toEqual(['ok', 'ok', 'ok', 'ok']);

    // 2. The chapter of the first verdict's evidence sentence is reworded, then re-ingested.
    const evidence = before.verdicts.find((v) => v.relation === toChange!.key)!.evidence.claim;
    const file = claimFile(evidence);
    const markup = claims.get(evidence)!.markup;
    const reworded = markup.replace(/([。.])$/, markup.endsWith('。') ? '（修订）。' : ' (revised).');
    writeFileSync(file, readFileSync(file, 'utf8').replace(markup, reworded));
    const changed = await ingestInto(graph, [corpus], { extractor: createExtractor() });
    expect(changed.chapters).toMatchObject({ ingested: 1 });
    const g1 = await graph.exportGraph();
    expect(claimsOf(g1).get(evidence)?.text, 'the sentence keeps its key, with new text').not.toBe(
      claims.get(evidence)!.text,
    );

    // Verdicts, views and log exactly as they were; only the status of the changed one differs.
    expect(await snapshot()).toEqual(before);
    const statuses = Object.fromEntries((await curation.verdicts()).map((v) => [v.relation, v.status]));
    expect(statuses).toEqual({
      [toChange!.key]: 'evidence-changed',
      [toReject!.key]: 'ok',
      [toKeep!.key]: 'ok',
      [added.relation]: 'ok',
    });
    const flagged = await curation.verdicts({ status: 'evidence-changed' });
    expect(flagged.map((v) => [v.relation, v.currentText])).toEqual([
      [toChange!.key, claimsOf(g1).get(evidence)!.text],
    ]);
    expect(flagged[0]!.evidence.text).toBe(claims.get(evidence)!.text);

    // The verdicts still apply to the new graph: the rejected relation hidden, the added one drawn.
    const shown = await curation.overlay(g1);
    expect(shown.edges.some((e) => e.key === toReject!.key)).toBe(false);
    expect(shown.edges.find((e) => e.key === added.relation)?.attributes).toMatchObject({ curation: 'added' });

    // And a fresh process reads the same curation back from disk.
    await store.close();
    const reopened = new EmbeddedCurationStore(storeDir);
    await reopened.open();
    expect(await reopened.listVerdicts()).toEqual(before.verdicts);
    expect(await reopened.listViews()).toEqual(before.views);
    expect(await reopened.audit(0, 1000)).toEqual(before.audit);
    await reopened.close();
  });
});
