import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChapterGraph } from '../../server/build/chapter-graph';
import { createExtractor } from '../../server/extract/extractor';
import type { GraphExport } from '../../server/model/types';
import { decodeChapter, encodeChapter } from '../../server/store/chapter-file';
import { parseText } from '../support/parse';
import { corpusDir } from '../support/paths';

const extractor = createExtractor();
function chapterGraph(file: string): GraphExport {
  const chapter = parseText(readFileSync(path.join(corpusDir, file), 'utf8'), file);
  return buildChapterGraph(chapter, extractor(chapter)).export();
}

describe('chapter file', () => {
  it.each(['ketamine-synaptogenesis-applications.zh.md', 'predictive-coding-psychiatry.en.md'])(
    'gives back exactly the graph it encoded, in the same order (%s)',
    (file) => {
      const graph = chapterGraph(file);
      const encoded = encodeChapter(graph);
      const decoded = decodeChapter(encoded);
      expect(decoded).toEqual(graph);
      // Same attribute order too: a store rewrites nothing when a decoded chapter is encoded again.
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(graph));
      expect(encodeChapter(decoded)).toBe(encoded);
      // What it leaves out is real: the file is much smaller than the graphology JSON.
      expect(encoded.length).toBeLessThan(JSON.stringify(graph).length * 0.75);
    },
  );

  it('keeps what cannot be derived: a different claim markup, an unusual edge key, an end outside the file', () => {
    const graph: GraphExport = {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: false },
      nodes: [
        {
          key: 'claim:d#0',
          attributes: {
            kind: 'claim',
            text: 'A cites.',
            markup: 'A **cites**.',
            normText: 'A cites.',
          } as unknown as GraphExport['nodes'][number]['attributes'],
        },
      ],
      edges: [
        { key: 'cites:claim:d#0->src:1', source: 'claim:d#0', target: 'src:1', attributes: { kind: 'cites' } as never },
        { key: 'custom', source: 'claim:d#0', target: 'src:2', attributes: { kind: 'cites' } as never },
      ],
    };
    const file = JSON.parse(encodeChapter(graph)) as { nodes: [string, Record<string, unknown>][]; edges: unknown[][] };
    expect(file.nodes[0]![1]).toMatchObject({ markup: 'A **cites**.', normText: 1 });
    expect(file.edges[0]).toEqual([0, 'src:1', { kind: 'cites' }]);
    expect(file.edges[1]).toEqual([0, 'src:2', { kind: 'cites' }, 'custom']);
    expect(decodeChapter(encodeChapter(graph))).toEqual(graph);
  });

  it('reads the plain graphology JSON of stores written before it', () => {
    const graph = chapterGraph('ketamine-synaptogenesis-applications.zh.md');
    expect(decodeChapter(JSON.stringify(graph))).toEqual(graph);
  });

  it('refuses a chapter file of a format it does not know', () => {
    expect(() => decodeChapter('{"format":"chapter/9","nodes":[],"edges":[]}')).toThrow(/unknown chapter file format/);
  });
});
