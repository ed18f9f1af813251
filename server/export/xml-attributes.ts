/**
 * GEXF and GraphML carry only flat, primitive attributes. Lists and objects (aliases, labels, evidence,
 * problem texts…) travel as JSON strings under their own names and are decoded on the way back, by kind,
 * so a round trip restores the graph exactly.
 */
import type { Attributes } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from '../model/types';

const NODE_JSON_KEYS: Record<NodeAttributes['kind'], readonly string[]> = {
  document: ['trail'],
  section: ['path', 'links'],
  claim: ['sectionPath', 'citations', 'contextCitations', 'links'],
  source: ['problem'],
  concept: ['labels', 'aliases', 'entryIds', 'xrefs', 'documents'],
};
const EDGE_JSON_KEYS: Record<EdgeAttributes['kind'], readonly string[]> = {
  cites: [],
  mentions: [],
  relation: ['evidence', 'cues'],
  in_section: [],
  section_of: [],
  co_mention: ['evidence'],
  member_of: ['evidence', 'cues'],
};

function encode(attrs: Attributes, keys: readonly string[]): Attributes {
  const out: Attributes = { ...attrs };
  for (const k of keys) if (k in out) out[k] = JSON.stringify(out[k]);
  return out;
}

function decode(attrs: Attributes, keys: readonly string[]): Attributes {
  const out: Attributes = { ...attrs };
  for (const k of keys) if (typeof out[k] === 'string') out[k] = JSON.parse(out[k] as string);
  return out;
}

export const encodeNode = (a: NodeAttributes): Attributes => encode(a, NODE_JSON_KEYS[a.kind]);
export const encodeEdge = (a: EdgeAttributes): Attributes => encode(a, EDGE_JSON_KEYS[a.kind]);

// GEXF gives every node a display label; only concepts and sources carry one of their own.
const OWN_LABEL = new Set(['concept', 'source']);

export function decodeNode(a: Attributes): NodeAttributes {
  const kind = a.kind as NodeAttributes['kind'];
  const out = decode(a, NODE_JSON_KEYS[kind] ?? []);
  if (!OWN_LABEL.has(kind)) delete out.label;
  return out as NodeAttributes;
}

export function decodeEdge(a: Attributes): EdgeAttributes {
  const kind = a.kind as EdgeAttributes['kind'];
  return decode(a, EDGE_JSON_KEYS[kind] ?? []) as EdgeAttributes;
}
