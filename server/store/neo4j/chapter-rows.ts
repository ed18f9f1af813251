/**
 * One chapter fragment cut into what the Neo4j writer needs: the nodes the chapter owns (its document,
 * sections and claims, which no other chapter shares) as property rows per label, the edges they start
 * (cites, mentions, in_section, section_of) as rows per relationship type and end labels, and the
 * chapter's own version of every shared node (concepts, sources) and shared edge (relations and
 * memberships, co-mentions), which the writer merges with the other chapters' versions by the rules of model/merge.ts.
 * Checks the fragment on the way: a malformed one is refused before anything is written.
 */
import type {
  CoMentionAttributes,
  ConceptAttributes,
  EdgeAttributes,
  MemberOfAttributes,
  NodeAttributes,
  NodeKind,
  RelationAttributes,
  SourceAttributes,
} from '../../model/types';
import { CATEGORIES, PREDICATES } from '../../model/types';
import type { ChapterFragment } from '../graph-store';
import { encodeAttributes, keyOfEdge, type Props } from './codec';
import { claimTerms } from './search-terms';
import { EDGE_TYPE, INTERNAL, NODE_LABEL } from './schema';

export interface NodeRow {
  id: string;
  props: Props;
}

export interface EdgeRow {
  s: string;
  t: string;
  props: Props;
}

/** A claim with the edges it starts, by `TYPE>Label` of their end: created in one statement. */
export interface ClaimRow extends NodeRow {
  out: Record<string, { t: string; p: Props }[]>;
}

/** Rows of one relationship type between two labels: one UNWIND statement. */
export interface EdgeGroup {
  type: string;
  from: string;
  to: string;
  rows: EdgeRow[];
}

export interface SharedEdge<A> {
  source: string;
  target: string;
  attributes: A;
}

/** A chapter's version of the nodes and edges it shares with other chapters, in fragment order. */
export interface SharedParts {
  concepts: [string, ConceptAttributes][];
  sources: [string, SourceAttributes][];
  /** Relations and class memberships: edges with evidence, cues and confidence, merged alike. */
  relations: [string, SharedEdge<RelationAttributes | MemberOfAttributes>][];
  coMentions: [string, SharedEdge<CoMentionAttributes>][];
}

export const SHARED_KINDS = ['concepts', 'sources', 'relations', 'coMentions'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

export interface ChapterRows {
  documentId: string;
  hash: string;
  docKey: string;
  document: NodeRow;
  sections: NodeRow[];
  claims: ClaimRow[];
  /** Edges that sections start (claims carry their own). */
  edges: EdgeGroup[];
  shared: SharedParts;
  /** Nodes plus edges: the unit transactions are sized in. */
  size: number;
}

export class FragmentError extends Error {
  override name = 'FragmentError';
  constructor(documentId: string, detail: string) {
    super(`neo4j store: apply: chapter "${documentId}": ${detail}`);
  }
}

const KNOWN_CATEGORIES = new Set<string>(CATEGORIES);
const stringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const KNOWN_PREDICATES = new Set<string>(PREDICATES);

/** Edge properties, plus the key when it is not the one `keyOfEdge` recomputes on read. */
function edgeProps(key: string, source: string, target: string, a: EdgeAttributes): Props {
  const props = encodeAttributes(a);
  if (keyOfEdge(a, source, target) !== key) props._key = key;
  return props;
}

/** The key of the fragment's document node. */
function docKeyOf(f: ChapterFragment): string {
  const d = f.graph.nodes.find((n) => (n.attributes as NodeAttributes | undefined)?.kind === 'document');
  if (!d) throw new FragmentError(f.documentId, 'no document node');
  return d.key;
}

export function chapterRows(f: ChapterFragment): ChapterRows {
  const ownKey = docKeyOf(f);
  const kinds = new Map<string, NodeKind>();
  let document: NodeRow | null = null;
  const sections: NodeRow[] = [];
  const claims: ClaimRow[] = [];
  const claimRow = new Map<string, ClaimRow>();
  const shared: SharedParts = { concepts: [], sources: [], relations: [], coMentions: [] };
  for (const n of f.graph.nodes) {
    const a = n.attributes as NodeAttributes | undefined;
    if (!a) throw new FragmentError(f.documentId, `node "${n.key}" has no attributes`);
    if (kinds.has(n.key)) throw new FragmentError(f.documentId, `node "${n.key}" appears twice`);
    kinds.set(n.key, a.kind);
    switch (a.kind) {
      case 'document':
        if (document) throw new FragmentError(f.documentId, `two document nodes ("${document.id}", "${n.key}")`);
        document = { id: n.key, props: { id: n.key, ...encodeAttributes(a) } };
        break;
      case 'section':
        sections.push({ id: n.key, props: { id: n.key, ...encodeAttributes(a) } });
        break;
      case 'claim': {
        const row: ClaimRow = {
          id: n.key,
          props: { id: n.key, ...encodeAttributes(a), [INTERNAL.terms]: claimTerms(a.normText) },
          out: {},
        };
        claims.push(row);
        claimRow.set(n.key, row);
        break;
      }
      case 'concept':
        if (!KNOWN_CATEGORIES.has(a.category)) {
          throw new FragmentError(f.documentId, `concept "${n.key}" has an unknown category "${a.category}"`);
        }
        // The writer finds the chapters holding a concept through its documents (neo4j/writer.ts).
        if (!a.documents.includes(ownKey)) {
          throw new FragmentError(f.documentId, `concept "${n.key}" does not list its own document`);
        }
        shared.concepts.push([n.key, a]);
        break;
      case 'source':
        shared.sources.push([n.key, a]);
        break;
      default:
        throw new FragmentError(f.documentId, `node "${n.key}" has an unknown kind`);
    }
  }
  if (!document) throw new FragmentError(f.documentId, 'no document node');

  const groups = new Map<string, EdgeGroup>();
  const add = (type: string, from: NodeKind, to: NodeKind, row: EdgeRow) => {
    const id = `${type} ${from} ${to}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { type, from: NODE_LABEL[from], to: NODE_LABEL[to], rows: [] }));
    g.rows.push(row);
  };
  // Which node kinds each edge kind may join (a fragment's own structure, see build/chapter-graph.ts).
  const ends: Record<Exclude<EdgeAttributes['kind'], 'relation' | 'member_of'>, [NodeKind[], NodeKind[]]> = {
    cites: [['claim'], ['source']],
    mentions: [['claim', 'section'], ['concept']],
    in_section: [['claim'], ['section']],
    section_of: [['section'], ['section', 'document']],
    co_mention: [['concept'], ['concept']],
  };
  let edges = 0;
  for (const e of f.graph.edges) {
    const a = e.attributes as EdgeAttributes | undefined;
    const key = e.key;
    if (!a || key === undefined) throw new FragmentError(f.documentId, `an edge has no key or attributes`);
    const sk = kinds.get(e.source);
    const tk = kinds.get(e.target);
    if (!sk || !tk) throw new FragmentError(f.documentId, `edge "${key}" joins a node missing from the fragment`);
    edges++;
    if (a.kind === 'relation') {
      if (!KNOWN_PREDICATES.has(a.predicate)) {
        throw new FragmentError(f.documentId, `relation "${key}" has an unknown predicate "${a.predicate}"`);
      }
      if (sk !== 'concept' || tk !== 'concept') {
        throw new FragmentError(f.documentId, `relation "${key}" must join two concepts`);
      }
      if (keyOfEdge(a, e.source, e.target) !== key) {
        throw new FragmentError(f.documentId, `relation "${key}" does not have the key its ends and predicate give`);
      }
      // The writer appends evidence in Cypher (neo4j/writer.ts): the merged fields must have these types.
      if (!stringList(a.evidence) || !stringList(a.cues) || typeof a.confidence !== 'number') {
        throw new FragmentError(f.documentId, `relation "${key}": evidence and cues must be string lists`);
      }
      shared.relations.push([key, { source: e.source, target: e.target, attributes: a }]);
      continue;
    }
    if (a.kind === 'member_of') {
      if (sk !== 'concept' || tk !== 'concept') {
        throw new FragmentError(f.documentId, `membership "${key}" must join two concepts`);
      }
      if (keyOfEdge(a, e.source, e.target) !== key) {
        throw new FragmentError(f.documentId, `membership "${key}" does not have the key its ends give`);
      }
      if (!stringList(a.evidence) || !stringList(a.cues) || typeof a.confidence !== 'number') {
        throw new FragmentError(f.documentId, `membership "${key}": evidence and cues must be string lists`);
      }
      shared.relations.push([key, { source: e.source, target: e.target, attributes: a }]);
      continue;
    }
    const allowed = ends[a.kind];
    if (!allowed) throw new FragmentError(f.documentId, `edge "${key}" has an unknown kind`);
    if (!allowed[0].includes(sk) || !allowed[1].includes(tk)) {
      throw new FragmentError(f.documentId, `edge "${key}" (${a.kind}) cannot join a ${sk} to a ${tk}`);
    }
    if (a.kind === 'co_mention') {
      if (keyOfEdge(a, e.source, e.target) !== key) {
        throw new FragmentError(f.documentId, `co-mention "${key}" does not have the key its ends give`);
      }
      if (!stringList(a.evidence) || typeof a.weight !== 'number') {
        throw new FragmentError(f.documentId, `co-mention "${key}": evidence must be a string list`);
      }
      shared.coMentions.push([key, { source: e.source, target: e.target, attributes: a }]);
      continue;
    }
    const props = edgeProps(key, e.source, e.target, a);
    const from = claimRow.get(e.source);
    if (from) (from.out[`${EDGE_TYPE[a.kind]}>${NODE_LABEL[tk]}`] ??= []).push({ t: e.target, p: props });
    else add(EDGE_TYPE[a.kind], sk, tk, { s: e.source, t: e.target, props });
  }
  return {
    documentId: f.documentId,
    hash: f.hash,
    docKey: document.id,
    document,
    sections,
    claims,
    edges: [...groups.values()],
    shared,
    size: f.graph.nodes.length + edges,
  };
}
