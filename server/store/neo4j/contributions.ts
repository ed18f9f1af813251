/**
 * Shared nodes and edges from the chapters' versions of them, by the rules of model/merge.ts and in the
 * order the embedded store folds them: chapters in ingest order (a replaced chapter keeps its place, a
 * new one goes last), each chapter's version merged into what the earlier ones gave. Keeping each
 * chapter's own version (in its Contribution node) is what lets a changed chapter be taken out exactly:
 * first-wins labels, the highest-ranked origin and max confidence cannot be undone by subtraction.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { mergeCoMention, mergeConcept, mergeRelation, mergeSource } from '../../model/merge';
import type {
  CoMentionAttributes,
  ConceptAttributes,
  EdgeAttributes,
  MemberOfAttributes,
  RelationAttributes,
  SourceAttributes,
} from '../../model/types';
import type { KnownProblem } from '../graph-store';
import type { SharedEdge, SharedKind, SharedParts } from './chapter-rows';
import { keyOfEdge } from './codec';

/** What one shared element of each kind is, once merged. */
export interface SharedValue {
  concepts: ConceptAttributes;
  sources: SourceAttributes;
  relations: SharedEdge<RelationAttributes | MemberOfAttributes>;
  coMentions: SharedEdge<CoMentionAttributes>;
}

export type Contribution<K extends SharedKind> = SharedParts[K][number];

const MERGE: { [K in SharedKind]: (a: SharedValue[K], b: SharedValue[K]) => SharedValue[K] } = {
  concepts: mergeConcept,
  sources: mergeSource,
  // (A key names one kind: a relation's versions are relations, a membership's memberships.)
  relations: (a, b) => ({ ...a, attributes: mergeRelation(a.attributes, b.attributes) }),
  coMentions: (a, b) => ({ ...a, attributes: mergeCoMention(a.attributes, b.attributes) }),
};

/** Merges `next` into `acc` (null: nothing yet) as build/chapter-graph.ts `upsertNode`/`upsertEdge` do. */
export function mergeShared<K extends SharedKind>(
  kind: K,
  acc: SharedValue[K] | null,
  next: SharedValue[K],
): SharedValue[K] {
  return acc === null ? next : MERGE[kind](acc, next);
}

/** A source as the merged graph shows it: a known problem's text replaces whatever the chapters said. */
export function withProblem(a: SourceAttributes, p: KnownProblem | undefined): SourceAttributes {
  return p ? { ...a, problem: p.problem, origin: p.origin } : a;
}

/**
 * Frequent text in a chapter's parts, each replaced by one control character when stored. JSON text
 * never holds a raw control character (JSON.stringify escapes them inside strings), so the replacement
 * is exact both ways. Parts stored as text (by earlier versions of the store) are written this way.
 */
function substitutions(docId: string): [string, string][] {
  return [
    ['\u0001', `"claim:${docId}#`],
    ['\u0002', `"sec:${docId}#`],
    ['\u0003', `"doc:${docId}"`],
    ['\u0004', '"concept:'],
    ['\u0005', '{"kind":"concept","category":"'],
    ['\u0006', '{"kind":"co_mention","weight":'],
    ['\u0007', '{"kind":"relation","predicate":"'],
    ['\u0008', '"evidence":['],
    ['\u000e', '"mentionCount":'],
  ];
}

/** Shared edges are stored as [source, target, attributes]: the key follows from them (codec.ts keyOfEdge). */
type StoredEdge<A> = [string, string, A];

/**
 * A part as stored in a Contribution node: its JSON, deflated (a byte array in Neo4j). Deflate (at its
 * fastest level) makes the Contribution nodes less than a third of the size of the JSON text, and they are
 * most of what an ingest sends to the server besides the chapters' own nodes: less to send, decode,
 * store and log. An Int8Array, which the driver sends as bytes (a Buffer would go as a list of numbers).
 */
export type StoredPart = Int8Array;

function deflate(value: unknown): StoredPart {
  const bytes = deflateRawSync(JSON.stringify(value), { level: 1 });
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A chapter's parts as stored in its Contribution node: one deflated JSON document per kind. */
export function encodeParts(parts: SharedParts): Record<SharedKind, StoredPart> {
  const edges = <A>(list: [string, SharedEdge<A>][]): StoredEdge<A>[] =>
    list.map(([, e]) => [e.source, e.target, e.attributes]);
  return {
    concepts: deflate(parts.concepts),
    sources: deflate(parts.sources),
    relations: deflate(edges(parts.relations)),
    coMentions: deflate(edges(parts.coMentions)),
  };
}

/** A stored part: deflated JSON bytes, or (written by earlier versions of the store) compact JSON text. */
export function decodePart<K extends SharedKind>(
  kind: K,
  docId: string,
  stored: string | Uint8Array | Int8Array,
): SharedParts[K] {
  let text: string;
  if (typeof stored === 'string') {
    const long = new Map(substitutions(docId));
    text = '';
    for (const c of stored) text += long.get(c) ?? c;
  } else {
    text = inflateRawSync(new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength)).toString('utf8');
  }
  const json = JSON.parse(text) as unknown[];
  if (kind !== 'relations' && kind !== 'coMentions') return json as SharedParts[K];
  return (json as StoredEdge<EdgeAttributes>[]).map(([source, target, attributes]) => [
    keyOfEdge(attributes, source, target),
    { source, target, attributes },
  ]) as SharedParts[K];
}
