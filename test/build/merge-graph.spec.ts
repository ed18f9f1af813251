// Merging many fragments in place must give, byte for byte, what folding the pure merge rules one
// fragment at a time gives, and must not change the fragments (the embedded store keeps and re-merges them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSynthCorpus } from '../../scripts/synth-corpus';
import { createGraph } from '../../server/build/chapter-graph';
import { addFragment, applyProblems, mergeFragments } from '../../server/build/merge-graph';
import { createExtractor } from '../../server/extract/extractor';
import { prepare } from '../../server/ingest/prepare';
import type { ConceptAttributes, GraphExport } from '../../server/model/types';
import { corpusDir } from '../support/paths';

describe('mergeFragments', () => {
  it('gives what the pure rules give, one fragment at a time, and leaves the fragments as they were', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-'));
    await writeSynthCorpus(dir, { chapters: 60, seed: 3, appendices: true });
    const batch = await prepare([dir, corpusDir], { extractor: createExtractor() });
    const fragments = batch.fragments.map((f) => f.graph);
    const before = JSON.stringify(fragments);

    const folded = createGraph();
    for (const f of fragments) addFragment(folded, f);
    applyProblems(folded, batch.problems);
    const merged = mergeFragments(fragments, batch.problems);

    expect(JSON.stringify(merged.export())).toBe(JSON.stringify(folded.export()));
    expect(JSON.stringify(fragments)).toBe(before);
    // The corpus exercises the merge: concepts in many chapters, relations with evidence from several.
    const concepts = merged.filterNodes((_k, a) => a.kind === 'concept');
    expect(
      Math.max(...concepts.map((k) => (merged.getNodeAttributes(k) as ConceptAttributes).documents.length)),
    ).toBeGreaterThan(10);
    const multi = merged.filterEdges((_k, a) => a.kind === 'relation' && a.evidence.length > 1);
    expect(multi.length).toBeGreaterThan(0);
  });

  it('prefers the better-named version of a concept whichever chapter comes first', () => {
    const concept = (origin: ConceptAttributes['origin'], label: string, doc: string): GraphExport => ({
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: false },
      nodes: [
        {
          key: 'concept:x',
          attributes: {
            kind: 'concept',
            category: 'Molecule',
            label,
            labels: { en: label },
            aliases: [label],
            entryIds: [],
            xrefs: [],
            origin,
            documents: [doc],
            mentionCount: 1,
          },
        },
      ],
      edges: [],
    });
    const frags = [
      concept('glossary', 'gloss', 'doc:a'),
      concept('vocabulary', 'vocab', 'doc:b'),
      concept('rule', 'r', 'doc:c'),
    ];
    const a = mergeFragments(frags).getNodeAttributes('concept:x') as ConceptAttributes;
    expect(a).toMatchObject({
      label: 'vocab',
      origin: 'vocabulary',
      mentionCount: 3,
      documents: ['doc:a', 'doc:b', 'doc:c'],
    });
    expect(a.aliases).toEqual(['gloss', 'vocab', 'r']);
  });

  it('merges a class membership seen in several chapters into one member_of edge with all its evidence', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-members-'));
    writeFileSync(path.join(dir, 'a.en.md'), '# A\n\nSSRIs such as fluoxetine may cause nausea.\n');
    writeFileSync(path.join(dir, 'b.en.md'), '# B\n\nSSRIs such as fluoxetine and sertraline block SERT.\n');
    const batch = await prepare([dir], { extractor: createExtractor() });
    const fragments = batch.fragments.map((f) => f.graph);
    const before = JSON.stringify(fragments);
    const folded = createGraph();
    for (const f of fragments) addFragment(folded, f);
    const merged = mergeFragments(fragments);
    expect(JSON.stringify(merged.export())).toBe(JSON.stringify(folded.export()));
    expect(JSON.stringify(fragments)).toBe(before);
    expect(merged.getEdgeAttributes('member:concept:fluoxetine->concept:ssri')).toEqual({
      kind: 'member_of',
      evidence: ['claim:a.en#0', 'claim:b.en#0'],
      cues: ['such as', 'such as'],
      confidence: 0.6,
      hedged: false,
      negated: false,
    });
    expect(merged.hasEdge('rel:concept:fluoxetine-part_of->concept:ssri')).toBe(false);
  });
});
