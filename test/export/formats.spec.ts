import { beforeAll, describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { prepare } from '../../server/ingest/prepare';
import { createExtractor } from '../../server/extract/extractor';
import { mergeFragments } from '../../server/build/merge-graph';
import { exportFiles, toGexf, toGraphml, toKgx } from '../../server/export/formats';
import { decodeEdge, decodeNode } from '../../server/export/xml-attributes';
import type { GraphExport } from '../../server/model/types';
import { corpusDir } from '../support/paths';

let data: GraphExport;

beforeAll(async () => {
  const batch = await prepare([corpusDir], { extractor: createExtractor() });
  data = mergeFragments(
    batch.fragments.map((f) => f.graph),
    batch.problems,
  ).export() as GraphExport;
});

/** Reads an exported file back into plain {key → attributes} maps, decoding list and object attributes. */
function readBack(g: Graph) {
  const nodes = new Map<string, unknown>();
  g.forEachNode((k, a) => nodes.set(k, decodeNode(a)));
  const edges = new Map<string, unknown>();
  g.forEachEdge((k, a, s, t) => edges.set(k, { source: s, target: t, attributes: decodeEdge(a) }));
  return { nodes, edges };
}

function expectSameGraph(back: ReturnType<typeof readBack>) {
  expect(back.nodes.size).toBe(data.nodes.length);
  expect(back.edges.size).toBe(data.edges.length);
  for (const n of data.nodes) expect(back.nodes.get(n.key), n.key).toEqual(n.attributes);
  for (const e of data.edges) {
    expect(back.edges.get(e.key!), e.key).toEqual({ source: e.source, target: e.target, attributes: e.attributes });
  }
}

describe('exports', () => {
  it('round-trips through GEXF with graphology-gexf', () => {
    const xml = toGexf(data);
    const g = parseGexf(Graph, xml);
    expectSameGraph(readBack(g));
  });

  it('round-trips through GraphML with graphology-graphml', () => {
    const xml = toGraphml(data);
    // A GraphML reader must accept it as XML first.
    expect(new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length).toBe(0);
    const g = parseGraphml(Graph, xml);
    expectSameGraph(readBack(g));
  });

  it('writes KGX TSV with Biolink categories and predicates, one row per node and edge', () => {
    const { nodes, edges } = toKgx(data);
    const nodeRows = nodes.trim().split('\n');
    const edgeRows = edges.trim().split('\n');
    expect(nodeRows[0]).toBe('id\tcategory\tname\tsynonym\txref\tprovided_by\tdescription');
    expect(nodeRows).toHaveLength(data.nodes.length + 1);
    expect(edgeRows).toHaveLength(data.edges.length + 1);
    expect(nodeRows.every((r) => r.split('\t').length === 7)).toBe(true);
    expect(nodeRows.slice(1).every((r) => /^[^\t]+\tbiolink:[A-Za-z]+\t/.test(r))).toBe(true);
    expect(edgeRows.slice(1).every((r) => r.split('\t')[2]!.startsWith('biolink:'))).toBe(true);
  });

  it('writes CSV with quoted fields where needed', () => {
    const [nodes] = exportFiles(data, 'csv');
    const claimRow = nodes!.content.split('\n').find((l) => l.startsWith('claim:') && l.includes('"'));
    expect(claimRow).toBeDefined();
    expect(nodes!.name).toBe('graph_nodes.csv');
  });
});
