/**
 * The curation service's pure parts: a verdict's status against the graph, and the overlay of verdicts
 * on a graph and on a concept's relation list (what the API applies to /api/graph, neighbourhoods and
 * concept details).
 */
import { describe, expect, it } from 'vitest';
import {
  factsFromExport,
  overlayGraph,
  overlayRelations,
  statusQuery,
  textHash,
  verdictStatus,
  type ConceptFacts,
} from '../../server/curation/curation-service';
import type { Verdict } from '../../server/curation/types';
import type { RelationSummary } from '../../server/store/graph-store';
import { ASSOCIATED, CONCEPTS, INCREASES, TEXTS, TREATS, claimKey, fixtureFragment } from './support';

const graph = fixtureFragment().graph;

function verdictOn(relation: string, kind: Verdict['verdict'], claim = 0, text = TEXTS[claim]!): Verdict {
  const [, subject, predicate, object] = /^rel:(.+)-(\w+)->(.+)$/.exec(relation)!;
  return {
    id: `v-${kind}-${claim}`,
    relation,
    subject: subject!,
    predicate: predicate as Verdict['predicate'],
    object: object!,
    verdict: kind,
    note: 'n',
    evidence: { claim: claimKey(claim), textHash: textHash(text), text },
    author: 'r',
    at: '2025-01-01T00:00:00.000Z',
  };
}

const ADDED = 'rel:concept:synaptogenesis-implicated_in->concept:depression';

describe('verdictStatus', () => {
  const status = (v: Verdict, g = graph) => verdictStatus(v, factsFromExport(g, statusQuery([v]))).status;

  it('is ok while the relation and its evidence sentence are as they were', () => {
    expect(status(verdictOn(TREATS, 'confirmed'))).toBe('ok');
    expect(status(verdictOn(ADDED, 'added', 2))).toBe('ok');
  });

  it('flags a changed or vanished evidence sentence, giving the text as it reads now', () => {
    const changed = verdictOn(TREATS, 'confirmed', 0, 'an older wording');
    const out = verdictStatus(changed, factsFromExport(graph, statusQuery([changed])));
    expect(out).toMatchObject({ status: 'evidence-changed', currentText: TEXTS[0] });
    const gone = verdictOn(TREATS, 'confirmed', 9, 'x');
    expect(verdictStatus(gone, factsFromExport(graph, statusQuery([gone])))).toMatchObject({
      status: 'evidence-changed',
      currentText: null,
    });
  });

  it('flags a relation no longer extracted, and an added one that lost a concept', () => {
    const smaller = fixtureFragment(TEXTS, []).graph;
    expect(status(verdictOn(TREATS, 'rejected'), smaller)).toBe('relation-gone');
    const noPfc = { ...graph, nodes: graph.nodes.filter((n) => n.key !== CONCEPTS.synaptogenesis.key) };
    expect(status(verdictOn(ADDED, 'added', 2), noPfc)).toBe('relation-gone');
    // An added relation does not need to be extracted.
    expect(status(verdictOn(ADDED, 'added', 2), smaller)).toBe('ok');
  });
});

describe('overlayGraph', () => {
  const verdicts = [verdictOn(TREATS, 'rejected'), verdictOn(INCREASES, 'confirmed', 2), verdictOn(ADDED, 'added', 2)];

  it('hides rejected relations, marks confirmed ones and draws added ones', () => {
    const out = overlayGraph(graph, verdicts);
    const rels = out.edges.filter((e) => e.attributes?.kind === 'relation');
    expect(rels.map((e) => [e.key, (e.attributes as { curation?: string }).curation])).toEqual([
      [INCREASES, 'confirmed'],
      [ASSOCIATED, undefined],
      [ADDED, 'added'],
    ]);
    expect(out.edges.find((e) => e.key === ADDED)).toEqual({
      key: ADDED,
      source: CONCEPTS.synaptogenesis.key,
      target: CONCEPTS.depression.key,
      attributes: {
        kind: 'relation',
        predicate: 'implicated_in',
        evidence: [claimKey(2)],
        cues: [],
        confidence: 1,
        hedged: false,
        negated: false,
        curation: 'added',
      },
    });
    expect(out.nodes).toBe(graph.nodes);
  });

  it('shows rejected relations marked when asked', () => {
    const out = overlayGraph(graph, verdicts, { showRejected: true });
    expect(out.edges.find((e) => e.key === TREATS)?.attributes).toMatchObject({ curation: 'rejected' });
  });

  it('draws an added relation only where the graph holds both concepts and its predicate passes the filter', () => {
    const part = { ...graph, nodes: graph.nodes.filter((n) => n.key !== CONCEPTS.synaptogenesis.key) };
    expect(overlayGraph(part, verdicts).edges.some((e) => e.key === ADDED)).toBe(false);
    expect(overlayGraph(graph, verdicts, { predicates: ['treats'] }).edges.some((e) => e.key === ADDED)).toBe(false);
  });
});

describe('overlayRelations', () => {
  const summary = (key: string, other: keyof typeof CONCEPTS): RelationSummary => ({
    key,
    predicate: 'treats',
    direction: 'out',
    other: { key: CONCEPTS[other].key, label: CONCEPTS[other].zh, category: CONCEPTS[other].category },
    evidenceCount: 2,
    hedged: false,
    negated: false,
    confidence: 0.8,
  });
  const facts = factsFromExport(graph, { concepts: [CONCEPTS.synaptogenesis.key] }).concepts as ReadonlyMap<
    string,
    ConceptFacts
  >;

  it('gives a concept’s relation list the same verdicts as the graph', () => {
    const verdicts = [verdictOn(TREATS, 'rejected'), verdictOn(ADDED, 'added', 2)];
    const relations = [summary(TREATS, 'ketamine'), summary(ASSOCIATED, 'pfc')];
    const out = overlayRelations(CONCEPTS.depression.key, relations, verdicts, facts);
    expect(out.map((r) => [r.key, r.direction, r.other.label, r.curation])).toEqual([
      [ASSOCIATED, 'out', '前额叶皮层', undefined],
      [ADDED, 'in', '突触发生', 'added'],
    ]);
    const shown = overlayRelations(CONCEPTS.depression.key, relations, verdicts, facts, { showRejected: true });
    expect(shown[0]).toMatchObject({ key: TREATS, curation: 'rejected' });
  });
});
