/**
 * The embedded store's chapter file: a chapter's graph as compact JSON. The graphology serialisation
 * repeats a lot that can be derived: every edge key (built from its kind and ends, see `keyOfEdge`), every
 * edge's ends (node keys already listed), and a claim's `markup` and `normText`, which for most sentences
 * equal its `text`. A chapter file leaves those out: an edge key is kept only when it differs from the
 * derived one, an edge's ends are indexes into the node list, an equal `markup`/`normText` is written as
 * `1`. That makes the files less than two thirds the size, and ingest and opening faster.
 * `decodeChapter` reads this form and the plain graphology JSON of earlier stores alike, and gives back
 * exactly the graph that was encoded.
 */
import { keyOfEdge, type EdgeAttributes, type GraphExport, type NodeAttributes } from '../model/types';

/** Marks the compact form; a plain graphology export has no such field. */
const FORMAT = 'chapter/2';
/** Stands for "the same as `text`" in a claim's `markup` and `normText`. */
const SAME = 1;

type NodeRow = [key: string, attributes: NodeAttributes];
/** An end is the index of its node in `nodes`, or its key when the node is not in the file. */
type End = number | string;
type EdgeRow = [source: End, target: End, attributes: EdgeAttributes, key?: string];

type ChapterFile = Omit<GraphExport, 'nodes' | 'edges'> & { format: typeof FORMAT; nodes: NodeRow[]; edges: EdgeRow[] };

function compactNode(attributes: NodeAttributes): NodeAttributes {
  if (attributes.kind !== 'claim') return attributes;
  const sameMarkup = attributes.markup === attributes.text;
  const sameNorm = attributes.normText === attributes.text;
  if (!sameMarkup && !sameNorm) return attributes;
  // Spread keeps the attribute order, so decoding gives back the same object shape.
  const out: Record<string, unknown> = { ...attributes };
  if (sameMarkup) out.markup = SAME;
  if (sameNorm) out.normText = SAME;
  return out as unknown as NodeAttributes;
}

export function encodeChapter(graph: GraphExport): string {
  const { nodes: _nodes, edges: _edges, ...rest } = graph;
  const index = new Map<string, number>();
  graph.nodes.forEach((n, i) => index.set(n.key, i));
  const file: ChapterFile = {
    format: FORMAT,
    ...rest,
    nodes: graph.nodes.map((n) => [n.key, compactNode(n.attributes!)]),
    edges: graph.edges.map((e) => {
      const a = e.attributes!;
      const row: EdgeRow = [index.get(e.source) ?? e.source, index.get(e.target) ?? e.target, a];
      if (e.key !== keyOfEdge(a, e.source, e.target)) row.push(e.key!);
      return row;
    }),
  };
  return JSON.stringify(file);
}

export function decodeChapter(json: string): GraphExport {
  const parsed = JSON.parse(json) as ChapterFile | GraphExport;
  if (!('format' in parsed)) return parsed;
  const { format, nodes: rows, edges: edgeRows, ...rest } = parsed;
  if (format !== FORMAT) throw new Error(`unknown chapter file format "${String(format)}"`);
  const nodes: GraphExport['nodes'] = rows.map(([key, attributes]) => {
    if (attributes.kind === 'claim') {
      const a = attributes as unknown as Record<string, unknown>;
      if (a.markup === SAME) a.markup = a.text;
      if (a.normText === SAME) a.normText = a.text;
    }
    return { key, attributes };
  });
  const keyOf = (end: End) => (typeof end === 'number' ? rows[end]![0] : end);
  const edges: GraphExport['edges'] = edgeRows.map(([s, t, attributes, key]) => {
    const source = keyOf(s);
    const target = keyOf(t);
    return { key: key ?? keyOfEdge(attributes, source, target), source, target, attributes };
  });
  return { ...rest, nodes, edges };
}
