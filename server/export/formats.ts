/**
 * The export formats: graphology JSON (the wire format), GEXF (graphology-gexf, for Gephi), GraphML (for
 * yEd, Cytoscape; graphology-graphml only parses, so it is written here), KGX TSV (Biolink categories and
 * predicates, for knowledge-graph tools) and plain CSV. Each returns named files.
 */
import Graph from 'graphology';
import { write as writeGexfXml } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import {
  BIOLINK_CATEGORY,
  BIOLINK_MEMBER_OF,
  BIOLINK_PREDICATE,
  type EdgeAttributes,
  type GraphExport,
  type NodeAttributes,
} from '../model/types';
import { encodeEdge, encodeNode } from './xml-attributes';

export const EXPORT_FORMATS = ['graphology', 'gexf', 'graphml', 'kgx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  contentType: string;
  content: string;
}

function flatGraph(data: GraphExport): Graph {
  const g = new Graph({ type: 'directed', multi: true });
  for (const n of data.nodes) g.addNode(n.key, encodeNode(n.attributes!));
  for (const e of data.edges) g.addEdgeWithKey(e.key!, e.source, e.target, encodeEdge(e.attributes!));
  return g;
}

export function toGexf(data: GraphExport): string {
  return writeGexfXml(flatGraph(data), {
    // `label` stays an attribute as well, so a round trip gives it back unchanged.
    formatNode: (_key, attributes) => ({
      label: String(attributes.label ?? attributes.title ?? attributes.text ?? ''),
      attributes,
    }),
    formatEdge: (_key, attributes) => ({ attributes }),
  });
}

const xmlEscape = (s: string) =>
  s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 forbids cannot appear even escaped.
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

type XmlType = 'string' | 'double' | 'boolean';
const typeOf = (v: unknown): XmlType =>
  typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';

export function toGraphml(data: GraphExport): string {
  const g = flatGraph(data);
  const keys = new Map<string, { id: string; for: 'node' | 'edge'; name: string; type: XmlType }>();
  const declare = (scope: 'node' | 'edge', attrs: Attributes) => {
    for (const [name, v] of Object.entries(attrs)) {
      const id = `${scope[0]}_${name}`;
      const known = keys.get(id);
      if (!known) keys.set(id, { id, for: scope, name, type: typeOf(v) });
      else if (known.type !== typeOf(v)) known.type = 'string';
    }
  };
  g.forEachNode((_k, a) => declare('node', a));
  g.forEachEdge((_k, a) => declare('edge', a));
  const data_ = (scope: 'node' | 'edge', attrs: Attributes) =>
    Object.entries(attrs)
      .map(([name, v]) => `<data key="${scope[0]}_${xmlEscape(name)}">${xmlEscape(String(v))}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...keys.values()].map(
      (k) => `  <key id="${xmlEscape(k.id)}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph edgedefault="directed">',
  ];
  g.forEachNode((k, a) => lines.push(`    <node id="${xmlEscape(k)}">${data_('node', a)}</node>`));
  g.forEachEdge((k, a, s, t) =>
    lines.push(
      `    <edge id="${xmlEscape(k)}" source="${xmlEscape(s)}" target="${xmlEscape(t)}">${data_('edge', a)}</edge>`,
    ),
  );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const tsvCell = (v: unknown) => String(v ?? '').replace(/[\t\r\n]+/g, ' ');
const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join('|') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function nodeName(a: NodeAttributes): string {
  switch (a.kind) {
    case 'concept':
      return a.label;
    case 'claim':
      return a.text;
    case 'source':
      return a.label;
    case 'document':
    case 'section':
      return a.title;
  }
}

const KGX_NODE_CATEGORY: Record<Exclude<NodeAttributes['kind'], 'concept'>, string> = {
  document: 'biolink:Publication',
  section: 'biolink:InformationContentEntity',
  claim: 'biolink:InformationContentEntity',
  source: 'biolink:InformationContentEntity',
};
const KGX_EDGE_PREDICATE: Record<Exclude<EdgeAttributes['kind'], 'relation'>, string> = {
  cites: 'biolink:related_to',
  mentions: 'biolink:mentions',
  in_section: 'biolink:part_of',
  section_of: 'biolink:part_of',
  co_mention: 'biolink:related_to',
  // A member of a class named in passing (`SSRIs such as fluoxetine`): the member's class.
  member_of: BIOLINK_MEMBER_OF,
};

/** KGX TSV: nodes with Biolink categories, edges with Biolink predicates and their evidence. */
export function toKgx(data: GraphExport): { nodes: string; edges: string } {
  const nodes = ['id\tcategory\tname\tsynonym\txref\tprovided_by\tdescription'];
  for (const n of data.nodes) {
    const a = n.attributes!;
    const category = a.kind === 'concept' ? BIOLINK_CATEGORY[a.category] : KGX_NODE_CATEGORY[a.kind];
    const synonyms = a.kind === 'concept' ? a.aliases.join('|') : '';
    const xrefs = a.kind === 'concept' ? a.xrefs.join('|') : '';
    nodes.push([n.key, category, nodeName(a), synonyms, xrefs, 'textbook-graph', a.kind].map(tsvCell).join('\t'));
  }
  const edges = ['id\tsubject\tpredicate\tobject\tknowledge_level\tagent_type\tpublications\tnegated\tqualifiers'];
  for (const e of data.edges) {
    const a = e.attributes!;
    const predicate = a.kind === 'relation' ? BIOLINK_PREDICATE[a.predicate] : KGX_EDGE_PREDICATE[a.kind];
    const stated = a.kind === 'relation' || a.kind === 'member_of';
    const evidence = stated || a.kind === 'co_mention' ? a.evidence.join('|') : '';
    const negated = stated ? String(a.negated) : '';
    const qualifiers = stated
      ? `project:${a.kind === 'relation' ? a.predicate : a.kind}${a.hedged ? '|hedged' : ''}`
      : `project:${a.kind}`;
    edges.push(
      [e.key, e.source, predicate, e.target, 'knowledge_assertion', 'text_mining_agent', evidence, negated, qualifiers]
        .map(tsvCell)
        .join('\t'),
    );
  }
  return { nodes: nodes.join('\n') + '\n', edges: edges.join('\n') + '\n' };
}

/** CSV: one row per node and per edge, with the attributes every kind shares and the ones readers want. */
export function toCsv(data: GraphExport): { nodes: string; edges: string } {
  const nodes = ['key,kind,label,category,aliases,document,cited,problem_id'];
  for (const n of data.nodes) {
    const a = n.attributes!;
    nodes.push(
      [
        n.key,
        a.kind,
        nodeName(a),
        a.kind === 'concept' ? a.category : '',
        a.kind === 'concept' ? a.aliases : '',
        a.kind === 'claim' || a.kind === 'section' ? a.document : '',
        a.kind === 'claim' ? a.citations.length > 0 : '',
        a.kind === 'source' ? a.problemId : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  const edges = ['key,kind,source,target,predicate,evidence_count,hedged,negated,weight'];
  for (const e of data.edges) {
    const a = e.attributes!;
    const stated = a.kind === 'relation' || a.kind === 'member_of';
    edges.push(
      [
        e.key,
        a.kind,
        e.source,
        e.target,
        a.kind === 'relation' ? a.predicate : '',
        stated || a.kind === 'co_mention' ? a.evidence.length : '',
        stated ? a.hedged : '',
        stated ? a.negated : '',
        a.kind === 'co_mention' ? a.weight : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { nodes: nodes.join('\n') + '\n', edges: edges.join('\n') + '\n' };
}

/** The files of an export in a given format. */
export function exportFiles(data: GraphExport, format: ExportFormat, base = 'graph'): ExportFile[] {
  switch (format) {
    case 'graphology':
      return [{ name: `${base}.json`, contentType: 'application/json', content: JSON.stringify(data) }];
    case 'gexf':
      return [{ name: `${base}.gexf`, contentType: 'application/xml', content: toGexf(data) }];
    case 'graphml':
      return [{ name: `${base}.graphml`, contentType: 'application/xml', content: toGraphml(data) }];
    case 'kgx': {
      const { nodes, edges } = toKgx(data);
      return [
        { name: `${base}_nodes.tsv`, contentType: 'text/tab-separated-values', content: nodes },
        { name: `${base}_edges.tsv`, contentType: 'text/tab-separated-values', content: edges },
      ];
    }
    case 'csv': {
      const { nodes, edges } = toCsv(data);
      return [
        { name: `${base}_nodes.csv`, contentType: 'text/csv', content: nodes },
        { name: `${base}_edges.csv`, contentType: 'text/csv', content: edges },
      ];
    }
  }
}
