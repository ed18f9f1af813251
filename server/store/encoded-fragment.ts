/**
 * A chapter fragment already serialised where it was built (an ingest worker thread): its graph as UTF-8
 * chapter-file JSON (`chapter-file.ts`) with the JSON's SHA-1, and a tally of what it holds. A store that persists JSON writes the bytes as
 * they are; the graph object is decoded only when something reads it, so the thread that gathers a batch
 * neither parses nor re-serialises it.
 */
import { createHash } from 'node:crypto';
import type { Category, GraphExport } from '../model/types';
import { decodeChapter, encodeChapter } from './chapter-file';
import type { ChapterFragment } from './graph-store';

/** What a chapter holds, for ingest summaries, without walking its graph again. */
export interface FragmentTally {
  claims: number;
  /** `cites` edges from the sentence a marker ends. */
  citations: number;
  /** `cites` edges to a claim the next sentence's marker supports (it refers back). */
  contextCitations: number;
  relations: number;
  /** Class memberships named in passing (`member_of` edges). */
  memberships: number;
  /** Problem ids of the sources it cites. */
  sources: string[];
  /** Its concepts with their categories. */
  concepts: [string, Category][];
}

export function tallyGraph(graph: GraphExport): FragmentTally {
  const t: FragmentTally = {
    claims: 0,
    citations: 0,
    contextCitations: 0,
    relations: 0,
    memberships: 0,
    sources: [],
    concepts: [],
  };
  for (const n of graph.nodes) {
    const a = n.attributes!;
    if (a.kind === 'claim') t.claims++;
    else if (a.kind === 'source') t.sources.push(a.problemId);
    else if (a.kind === 'concept') t.concepts.push([n.key, a.category]);
  }
  for (const e of graph.edges) {
    const a = e.attributes!;
    if (a.kind === 'cites') {
      if (a.scope === 'context') t.contextCitations++;
      else t.citations++;
    } else if (a.kind === 'relation') t.relations++;
    else if (a.kind === 'member_of') t.memberships++;
  }
  return t;
}

export const sha1Hex = (bytes: Uint8Array | string) => createHash('sha1').update(bytes).digest('hex');

/** The parts of an encoded fragment that cross from a worker thread (the bytes are transferred, not copied). */
export interface EncodedParts {
  documentId: string;
  hash: string;
  json: Uint8Array;
  sha1: string;
  tally: FragmentTally;
}

export function encodeFragment(documentId: string, hash: string, graph: GraphExport): EncodedParts {
  const json = new TextEncoder().encode(encodeChapter(graph));
  return { documentId, hash, json, sha1: sha1Hex(json), tally: tallyGraph(graph) };
}

export class EncodedFragment implements ChapterFragment {
  readonly documentId: string;
  readonly hash: string;
  readonly tally: FragmentTally;
  private bytes: Uint8Array | null;
  private decoded: GraphExport | null = null;
  private readonly digest: string;

  constructor(parts: EncodedParts) {
    this.documentId = parts.documentId;
    this.hash = parts.hash;
    this.tally = parts.tally;
    this.bytes = parts.json;
    this.digest = parts.sha1;
  }

  /** The JSON and its SHA-1, until the graph has been decoded (then the object is what is kept). */
  get encoded(): { json: Uint8Array; sha1: string } | undefined {
    return this.bytes ? { json: this.bytes, sha1: this.digest } : undefined;
  }

  get graph(): GraphExport {
    if (!this.decoded) {
      this.decoded = decodeChapter(new TextDecoder().decode(this.bytes!));
      this.bytes = null;
    }
    return this.decoded;
  }
}
