import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

describe('exports of class memberships (member_of)', () => {
  let members: GraphExport;
  const KEY = 'member:concept:fluoxetine->concept:ssri';

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'export-members-'));
    writeFileSync(
      path.join(dir, 'classes.en.md'),
      '# Classes\n\nSSRIs such as fluoxetine and sertraline block SERT. SSRIs such as fluoxetine may cause nausea.\n',
    );
    const batch = await prepare([dir], { extractor: createExtractor() });
    members = mergeFragments(
      batch.fragments.map((f) => f.graph),
      batch.problems,
    ).export() as GraphExport;
    rmSync(dir, { recursive: true, force: true });
    // The fixture holds a membership with evidence from two sentences.
    expect(members.edges.find((e) => e.key === KEY)?.attributes).toMatchObject({
      kind: 'member_of',
      evidence: ['claim:classes.en#0', 'claim:classes.en#1'],
    });
  });

  it('round-trips them through GEXF and GraphML with their evidence and cues', () => {
    for (const g of [parseGexf(Graph, toGexf(members)), parseGraphml(Graph, toGraphml(members))]) {
      const back = readBack(g);
      const e = members.edges.find((x) => x.key === KEY)!;
      expect(back.edges.get(KEY)).toEqual({ source: e.source, target: e.target, attributes: e.attributes });
    }
  });

  it('writes them to KGX as biolink:subclass_of with their evidence, and to CSV as their own kind', () => {
    const row = toKgx(members)
      .edges.split('\n')
      .find((l) => l.startsWith(`${KEY}\t`))!
      .split('\t');
    expect(row.slice(1, 4)).toEqual(['concept:fluoxetine', 'biolink:subclass_of', 'concept:ssri']);
    expect(row[6]).toBe('claim:classes.en#0|claim:classes.en#1');
    expect(row[7]).toBe('false');
    expect(row[8]).toBe('project:member_of');
    const [, edges] = exportFiles(members, 'csv');
    const csv = edges!.content.split('\n').find((l) => l.startsWith(`${KEY},`));
    expect(csv).toBe(`${KEY},member_of,concept:fluoxetine,concept:ssri,,2,false,false,`);
  });
});
