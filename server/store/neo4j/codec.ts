/**
 * Attributes ⇄ Neo4j properties. Neo4j stores strings, numbers, booleans and homogeneous lists of them;
 * nested values (a concept's `labels`, a claim's `links`, a source's `problem`) are stored as JSON strings
 * and the names of those properties listed in `_json`, so that reading a node back gives exactly the
 * attributes that were written and exportGraph() returns what the embedded store returns. Driver values
 * that JSON cannot carry (Integer) are converted here too.
 */
import neo4j from 'neo4j-driver';
import { type EdgeAttributes, type NodeAttributes, type NodeKind } from '../../model/types';
import { EDGE_TYPE, INTERNAL, NODE_LABEL, PREDICATE_TYPE } from './schema';

export type Props = Record<string, unknown>;

const isScalarList = (v: unknown[]): boolean => {
  if (v.length === 0) return true;
  const t = typeof v[0];
  if (t !== 'string' && t !== 'number' && t !== 'boolean') return false;
  return v.every((x) => typeof x === t && (t !== 'number' || Number.isFinite(x)));
};

/**
 * Properties for a set of attributes: scalars and scalar lists as they are, anything else as JSON. The
 * `kind` is left out: a node's label and a relationship's type say it (and an edge without other
 * attributes then needs no property record at all).
 */
export function encodeAttributes(attrs: object): Props {
  const props: Props = {};
  const json: string[] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || k === 'kind') continue;
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
      props[k] = v;
    } else if (Array.isArray(v) && isScalarList(v)) {
      props[k] = v;
    } else {
      props[k] = JSON.stringify(v);
      json.push(k);
    }
  }
  if (json.length) props[INTERNAL.json] = json;
  return props;
}

/** A driver value as plain JSON data: Integers become numbers (the store only writes safe ones). */
export function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return v.toNumber();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/**
 * The attributes stored in a node's or relationship's properties, with the kind its label or type gives:
 * `id` and the `_`-prefixed bookkeeping properties are not attributes.
 */
export function decodeAttributes<A>(props: Props, kind: string): A {
  const json = new Set((props[INTERNAL.json] as string[] | undefined) ?? []);
  const out: Props = { kind };
  for (const [k, v] of Object.entries(props)) {
    if (v === null) continue;
    if (k === 'id' || k.startsWith('_')) continue;
    out[k] = json.has(k) ? JSON.parse(v as string) : plain(v);
  }
  return out as A;
}

export const decodeNode = <A extends NodeAttributes = NodeAttributes>(props: Props, kind: NodeKind): A =>
  decodeAttributes<A>(props, kind);

/** A relationship's attributes from its type (`CITES` → cites, `TREATS` → a relation). */
export function decodeEdge(props: Props, type: string): EdgeAttributes {
  const kind = EDGE_KIND_OF_TYPE.get(type);
  if (!kind) throw new Error(`neo4j store: unexpected relationship type ${type}`);
  return decodeAttributes<EdgeAttributes>(props, kind);
}

/** A node's kind from its labels. */
export function kindOfLabels(labels: readonly string[]): NodeKind {
  for (const l of labels) {
    const k = NODE_KIND_OF_LABEL.get(l);
    if (k) return k;
  }
  throw new Error(`neo4j store: a node labelled ${labels.join(':')} is not part of the graph`);
}

const NODE_KIND_OF_LABEL = new Map<string, NodeKind>(
  (Object.entries(NODE_LABEL) as [NodeKind, string][]).map(([k, l]) => [l, k]),
);
const EDGE_KIND_OF_TYPE = new Map<string, EdgeAttributes['kind']>([
  ...(Object.entries(EDGE_TYPE) as [EdgeAttributes['kind'], string][]).map(([k, t]) => [t, k] as const),
  ...Object.values(PREDICATE_TYPE).map((t) => [t, 'relation'] as const),
]);

export { keyOfEdge } from '../../model/types';
