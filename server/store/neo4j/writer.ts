/**
 * One write transaction of an ingest: a group of whole chapters (added, replaced or removed) and problem
 * texts, applied all or nothing. Runs inside `executeWrite`, so it may be retried: everything it decides
 * comes from what it reads in the transaction.
 *
 * Shape of a transaction:
 *   1. one statement (FIRST_READ): lock the IngestMeta node (one writer at a time), read the group's
 *      chapters' Contribution nodes and the shared nodes (concepts, sources) the new versions name — for
 *      concepts only the fields that are not growing lists. A group of new chapters needs no other read;
 *   2. when the group replaces or removes stored chapters: read the shared nodes and edges they held;
 *   3. merge, by model/merge.ts. Where a replaced or removed chapter held a shared node or edge, read the
 *      other chapters' versions of it and merge them all again in ingest order. Elsewhere the group's
 *      chapters are new, hence last in ingest order, and their versions are merged into what is stored:
 *      the scalar fields in TypeScript, the lists that only grow (a concept's aliases and documents, an
 *      edge's evidence) appended in Cypher, so a concept named in every chapter is not sent back and
 *      forth whole with every transaction;
 *   4. delete the old chapters' own nodes and what no chapter holds any more (statements of their own,
 *      only when needed); then one statement of fixed text (WRITE) for what every group writes: the shared
 *      nodes, the new chapters' nodes with the edges they start, the shared edges, the Contribution nodes
 *      and the next ingest-order number. Its parameters travel in one map: the server plans a statement
 *      again for every new combination of list-parameter sizes, and this one is large. The chapters' own
 *      rows in it (ownRows: documents, sections, claims and the edges they start, Contribution nodes)
 *      depend on the group alone: the store builds the next group's while the server runs this WRITE.
 *      Claims, the edges they start and the shared edges travel as lists of values in a fixed column order
 *      (Columns), not as maps;
 *   5. when the caller names the next group: that group's first read (READ_AHEAD), made here, where this
 *      transaction holds the lock and sees its own writes.
 *
 * Transactions overlap. Between two groups the server used to wait while this process merged and packed the
 * next one (about 11 s of a 67 s ingest), and this process waited while the server committed (22 s). Now the
 * next group of new chapters is planned from the read made ahead (planAhead: writeGroup itself, against a
 * transaction that answers FIRST_READ with that read) while the server commits, and sent at once
 * (writeAhead): LOCK_AHEAD waits on the server for the lock, then checks that the transaction which read
 * ahead is still the last writer (each writer leaves a token of its own on the IngestMeta node, and every
 * writer, this code's or not, moves its data version). If not (it failed or was retried, or another process
 * wrote in between), WRITE writes nothing, the transaction is rolled back, and the group is written again
 * the usual way. A group that replaces or removes stored chapters always reads for itself. Measured
 * (scripts/bench/neo4j-ingest.ts, 2,000 chapters, pairs run in the same minutes): a warmed server takes
 * 8–14% less time in five pairs (46.2 s against 52.7, …, 56.7 against 64.8); a fresh one, whose JIT compiler
 * already fills the second core, is no faster (from −12% to +20% over five pairs, median +4%), and the
 * server spends 5–15% more CPU (not yet explained: the read ahead runs inside the writing transaction, and
 * two transactions are open at once).
 *
 * The lists that only grow are rewritten whole by every group that extends them: over an ingest of 2,000
 * chapters (46 groups) about 3.9 M concept-list and 3.6 M evidence entries are written again. Leaving out the
 * appends to the edges' evidence and cues altogether once measured about 25% faster, but that wrote less, not
 * just less often: a layout that wrote each group's additions under a slot property of its own and folded the
 * slots into the lists once per edge at the end of the ingest measured no faster (the WRITE statement 30.6 s
 * against 29.9 s over the same ingest), so the lists are appended here.
 * CONCEPT_UPDATE at least reads each stored list once per update, not once per added entry.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { CATEGORIES, type ConceptAttributes, type SourceAttributes } from '../../model/types';
import type { KnownProblem } from '../graph-store';
import { SHARED_KINDS, type ChapterRows, type SharedKind } from './chapter-rows';
import { decodeAttributes, encodeAttributes, plain, type Props } from './codec';
import { decodePart, encodeParts, mergeShared, withProblem, type SharedValue, type StoredPart } from './contributions';
import { conceptTerms } from './search-terms';
import {
  CATEGORY_LABEL,
  CATEGORY_LABELS,
  CONTRIBUTION,
  EDGE_TYPE,
  INGEST_META,
  INTERNAL,
  KNOWN_PROBLEM,
  META_ID,
  NODE_LABEL,
  PREDICATE_TYPE,
} from './schema';

export interface WriteGroup {
  remove: string[];
  upsert: ChapterRows[];
  problems: KnownProblem[];
}

export interface WriteHooks {
  /** Called after every statement of a group ran, before the commit; throwing rolls the group back. */
  beforeCommit?: (documents: string[]) => void | Promise<void>;
  /** Called as each transaction attempt starts: its documents, and whether it was planned ahead (writeAhead). */
  transaction?: (documents: string[], ahead: boolean) => void;
  /** For benchmarks: each statement's time, under its first line. */
  profile?: (statement: string, ms: number) => void;
}

interface StoredContribution {
  id: string;
  seq: number;
  docKey: string;
  sections: string[];
  claims: string[];
  parts: Record<SharedKind, string | StoredPart>;
}

/** A shared element, merged, with the chapters that hold it. */
interface Merged<K extends SharedKind> {
  value: SharedValue[K];
  docs: string[];
}

type Versions<K extends SharedKind> = { seq: number; doc: string; value: SharedValue[K] }[];
type EdgeKind = 'relations' | 'coMentions';
type EdgeValue = SharedValue[EdgeKind];

const CONCEPT = NODE_LABEL.concept;
const SOURCE = NODE_LABEL.source;
/** Holds the raw `problem`/`origin` of a source whose known problem replaced them, to merge from later. */
const RAW = '_raw';
/** Marks a concept whose stored lists hold a repeated entry: it is always merged again from scratch. */
const DUPES = '_dupes';
/** A concept's lists that merging only ever extends (model/merge.ts `union`). */
const CONCEPT_LISTS = ['aliases', 'entryIds', 'xrefs', 'documents'] as const;

type Rows = (cypher: string, params: Record<string, unknown>) => Promise<Props[]>;

/**
 * Runs a statement and returns its rows. Statements are sent as soon as they are issued, so the writes
 * of a group are pipelined: the driver encodes the next statement's parameters while the server runs
 * the previous one. When profiling, statements wait for each other so that each one's time is its own.
 * The no-op handler keeps an early failure from counting as an unhandled rejection; callers get it when
 * they await.
 */
function runner(tx: ManagedTransaction, profile: WriteHooks['profile']): Rows {
  let previous: Promise<unknown> = Promise.resolve();
  return (cypher, params) => {
    const exec = async () => {
      const t0 = performance.now();
      const out = (await tx.run(cypher, params)).records.map((r) => r.toObject() as Props);
      profile?.(cypher.trim().split('\n')[0]!.replace(/\s+/g, ' '), performance.now() - t0);
      return out;
    };
    const p = profile ? previous.then(exec) : exec();
    previous = p.catch(() => undefined);
    return p;
  };
}

/** The relationship type of a shared edge. */
const edgeType = (v: EdgeValue) =>
  v.attributes.kind === 'relation' ? PREDICATE_TYPE[v.attributes.predicate] : EDGE_TYPE[v.attributes.kind];

const docsOf = (props: Props) => (props[INTERNAL.docs] as string[] | undefined) ?? [];
const hasRepeats = (list: readonly string[]) => new Set(list).size !== list.length;
const conceptRepeats = (a: ConceptAttributes) => CONCEPT_LISTS.some((k) => hasRepeats(a[k]));

/** A stored source's attributes as the chapters gave them, before a known problem replaced its text. */
function sourceRaw(props: Props): SourceAttributes {
  const a = decodeAttributes<SourceAttributes>(props, 'source');
  const raw = props[RAW];
  if (typeof raw !== 'string') return a;
  const { problem: _p, origin: _o, ...rest } = a;
  return { ...rest, ...(JSON.parse(raw) as Pick<SourceAttributes, 'problem' | 'origin'>) };
}

function sourceProps(id: string, raw: SourceAttributes, known: KnownProblem | undefined, docs: string[]): Props {
  const props: Props = { id, ...encodeAttributes(withProblem(raw, known)), [INTERNAL.docs]: docs };
  if (known) props[RAW] = JSON.stringify({ problem: raw.problem, origin: raw.origin });
  return props;
}

const namesOf = (a: ConceptAttributes) => [a.label, ...Object.values(a.labels), ...a.aliases];

function conceptProps(id: string, a: ConceptAttributes): Props {
  const props: Props = { id, ...encodeAttributes(a), [INTERNAL.terms]: conceptTerms(namesOf(a)) };
  if (conceptRepeats(a)) props[DUPES] = true;
  return props;
}

/** The stored fields of a concept that are not growing lists (what incremental merging reads). */
const CONCEPT_SCALARS = `n {.*, ${[...CONCEPT_LISTS, INTERNAL.terms].map((k) => `${k}: null`).join(', ')}}`;

/**
 * A concept read without its lists, made whole for model/merge.ts with empty lists and no mentions:
 * merging the new versions into it gives the right scalar fields, and lists and a count that are exactly
 * what must be appended to and added to the stored ones.
 */
function conceptStub(props: Props): ConceptAttributes {
  const a = decodeAttributes<ConceptAttributes>(props, 'concept');
  return { ...a, aliases: [], entryIds: [], xrefs: [], documents: [], mentionCount: 0 };
}

/** What an incremental concept update sets: the scalar fields (null removes one that went) and the additions. */
function conceptUpdate(id: string, stored: Props, merged: ConceptAttributes): Props {
  const { aliases, entryIds, xrefs, documents, mentionCount, ...rest } = merged;
  const scalars: Props = encodeAttributes(rest);
  for (const k of Object.keys(stored)) {
    if (k !== 'id' && !(k in scalars) && stored[k] !== null && k !== 'mentionCount') scalars[k] = null;
  }
  return {
    id,
    scalars,
    add: { aliases, entryIds, xrefs, documents, mentionCount, terms: conceptTerms(namesOf(merged)) },
  };
}

/**
 * Updates the concept `n` from `row` (conceptUpdate): the scalar fields, then each list extended by the
 * additions it does not hold yet. The stored lists are read once, into `old`: in `NOT x IN n.documents`
 * Cypher reads (and decodes) the stored list again for every `x`, which for a concept named in every
 * chapter cost a group's additions times the list's length.
 */
const CONCEPT_UPDATE = `WITH n, row, n {${[...CONCEPT_LISTS, INTERNAL.terms].map((k) => `.${k}`).join(', ')}} AS old
  SET n += row.scalars, ${[
    ...CONCEPT_LISTS.map((k) => `n.${k} = old.${k} + [x IN row.add.${k} WHERE NOT x IN old.${k}]`),
    'n.mentionCount = n.mentionCount + row.add.mentionCount',
    `n.${INTERNAL.terms} = old.${INTERNAL.terms} + [x IN row.add.terms WHERE NOT x IN old.${INTERNAL.terms}]`,
  ].join(', ')}`;

function edgeProps(m: Merged<EdgeKind>): Props {
  return encodeAttributes(m.value.attributes);
}

function appendRow(s: number, t: number, m: Merged<EdgeKind>): unknown[] {
  const a = m.value.attributes;
  const row = SHARED_EDGE_COLUMNS[a.kind].row(edgeProps(m), s, t);
  // A relation's (or a membership's) cues as appended: padded to its evidence, as mergeRelation pads them
  // (null: as they are).
  if (a.kind === 'relation' || a.kind === 'member_of')
    row.push(a.cues.length !== a.evidence.length ? a.evidence.map((_, i) => a.cues[i] ?? '') : null);
  return row;
}

/** Positions in `list`, which grows with every new id asked for. */
function slots(list: string[]): (id: string) => number {
  const at = new Map<string, number>(list.map((id, i) => [id, i]));
  return (id) => {
    let i = at.get(id);
    if (i === undefined) {
      at.set(id, (i = list.length));
      list.push(id);
    }
    return i;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Stored sources by id (with a known problem for one not stored yet), and the sources of known problems. */
const SOURCE_READ = `UNWIND $rows AS row OPTIONAL MATCH (n:${SOURCE} {id: row.id})
     RETURN row.id AS id, properties(n) AS props,
       COLLECT { MATCH (k:${KNOWN_PROBLEM} {problemId: row.pid}) WHERE n IS NULL RETURN k {.problem, .origin} } AS known
     UNION
     UNWIND $problemIds AS pid MATCH (n:${SOURCE} {problemId: pid})
     RETURN n.id AS id, properties(n) AS props, [] AS known`;

/**
 * What the first statement of a write transaction reads (after taking the lock): the group's stored
 * Contribution nodes, and the concepts and sources the group's new versions name (a concept without its
 * lists: those are appended to in Cypher; its documents only when it is merged from scratch).
 */
const GROUP_READ = `WITH m
  CALL () {
    UNWIND $r.ids AS id MATCH (c:${CONTRIBUTION} {document: id})
    RETURN collect(c {id: c.document, .seq, .docKey, .sections, .claims, .concepts, .sources, .relations, .coMentions})
      AS contributions
  }
  CALL () {
    UNWIND $r.concepts AS id MATCH (n:${CONCEPT} {id: id})
    RETURN collect({id: id, props: ${CONCEPT_SCALARS},
      docs: CASE WHEN n.${DUPES} OR id IN $r.recompute THEN n.documents END}) AS concepts
  }
  CALL () {
    CALL () {
      UNWIND $r.sources AS row OPTIONAL MATCH (n:${SOURCE} {id: row.id})
      RETURN row.id AS id, properties(n) AS props,
        COLLECT { MATCH (k:${KNOWN_PROBLEM} {problemId: row.pid}) WHERE n IS NULL RETURN k {.problem, .origin} } AS known
      UNION
      UNWIND $r.problemIds AS pid MATCH (n:${SOURCE} {problemId: pid})
      RETURN n.id AS id, properties(n) AS props, [] AS known
    }
    RETURN collect({id: id, props: props, known: known}) AS sources
  }
  RETURN m.nextSeq AS nextSeq, m.version AS version, contributions, concepts, sources`;

/**
 * The first statement of a write transaction: lock the IngestMeta node (one writer at a time), mark it as
 * this transaction's (`writer`, see LOCK_AHEAD), and read what the group needs (GROUP_READ).
 */
const FIRST_READ = `MATCH (m:${INGEST_META} {id: $meta}) SET m.version = m.version + 1, m.writer = $token
  ${GROUP_READ}`;

/**
 * The next group's first read, made at the end of this group's transaction (which holds the lock and sees
 * its own writes): what the next transaction's FIRST_READ would return if nobody else wrote in between.
 */
const READ_AHEAD = `MATCH (m:${INGEST_META} {id: $meta})
  ${GROUP_READ}`;

/**
 * The first statement of a transaction planned ahead (planAhead): the lock, then whether the transaction
 * that read ahead for it is still the last writer: its token (`$expect`) is the last one written, and the
 * data version is the one it read plus this increment (every writer increments it, a writer that leaves no
 * token too). The lock is taken by the first SET, before either is read, so the values read are the last
 * committed ones. Only then is `writer` this transaction's; otherwise it is cleared, and WRITE (guarded by
 * `$guard`) writes nothing.
 */
const LOCK_AHEAD = `MATCH (m:${INGEST_META} {id: $meta}) SET m.version = m.version + 1
  WITH m, coalesce(m.writer = $expect AND m.version = $version + 1, false) AS ok
  SET m.writer = CASE WHEN ok THEN $token END
  RETURN ok`;

/** The parameters of the group's first read (FIRST_READ, READ_AHEAD). */
interface GroupReadParams {
  ids: string[];
  concepts: string[];
  recompute: string[];
  sources: { id: string; pid: string }[];
  problemIds: string[];
}

function groupReadParams(group: WriteGroup): GroupReadParams {
  const ids = [...new Set([...group.remove, ...group.upsert.map((u) => u.documentId)])];
  const concepts = new Set<string>();
  const recompute = new Set<string>();
  const sources = new Map<string, string>();
  for (const u of group.upsert) {
    for (const [key, value] of u.shared.concepts) {
      concepts.add(key);
      if (conceptRepeats(value)) recompute.add(key);
    }
    for (const [key, value] of u.shared.sources) sources.set(key, value.problemId);
  }
  return {
    ids,
    concepts: [...concepts],
    recompute: [...recompute],
    sources: [...sources].map(([id, pid]) => ({ id, pid })),
    problemIds: [...new Set(group.problems.map((p) => p.problemId))],
  };
}

/**
 * What a transaction read ahead for the next group (READ_AHEAD, with the data version as that transaction
 * left it), and the token it wrote as the last writer.
 */
export interface Ahead {
  first: Props;
  token: string;
}

export interface GroupOptions {
  hooks?: WriteHooks;
  /** The group's own rows (ownRows), when they were built before the transaction. */
  prepared?: OwnRows;
  /** Called once WRITE is on its way: the caller may prepare the next group's own rows meanwhile. */
  whileWriting?: () => void;
  /** The group the next transaction writes: its first read is made at the end of this one (READ_AHEAD)… */
  next?: WriteGroup;
  /** …and handed here once this transaction's writes are done, before it commits. */
  onAhead?: (ahead: Ahead) => void;
}

/** The next group's first read (READ_AHEAD), when the caller names a next group. */
function readAhead(rows: Rows, options: GroupOptions): Promise<Props[]> | null {
  return options.next ? rows(READ_AHEAD, { meta: META_ID, r: groupReadParams(options.next) }) : null;
}

/** Applies one group of chapters and problems inside the caller's write transaction. */
export async function writeGroup(tx: ManagedTransaction, group: WriteGroup, options: GroupOptions = {}): Promise<void> {
  const { hooks = {}, prepared, whileWriting } = options;
  hooks.transaction?.(
    group.upsert.map((u) => u.documentId),
    false,
  );
  const rows = runner(tx, hooks.profile);

  // ---- 1. lock, and what is stored about the group's chapters and the shared nodes they bring ----
  // One statement: the lock, the stored Contribution nodes, and the concepts and sources the new versions
  // name. A group of new chapters (every first ingest) needs no other read; a group that replaces or removes
  // stored chapters reads again below, with the keys the old versions add.
  const token = randomUUID();
  const r = groupReadParams(group);
  const problemIds = r.problemIds;
  const first = await rows(FIRST_READ, { meta: META_ID, token, r });
  if (first.length === 0) throw new Error('neo4j store: the IngestMeta node is missing (was open() called?)');
  let nextSeq = plain(first[0]!.nextSeq) as number;
  const stored = new Map<string, StoredContribution>();
  for (const r of first[0]!.contributions as Props[]) {
    const parts = {} as Record<SharedKind, string | StoredPart>;
    for (const kind of SHARED_KINDS) parts[kind] = (r[kind] as string | StoredPart | null) ?? '[]';
    stored.set(r.id as string, {
      id: r.id as string,
      seq: plain(r.seq) as number,
      docKey: r.docKey as string,
      sections: r.sections as string[],
      claims: r.claims as string[],
      parts,
    });
  }

  // ---- plan: ingest order, chapters whose old version goes, what must be merged from scratch ----
  const removing = new Set(group.remove);
  const dirty = new Set<string>(group.remove.filter((id) => stored.has(id)));
  const seqOf = new Map<string, number>();
  for (const u of group.upsert) {
    const old = stored.get(u.documentId);
    if (old) dirty.add(u.documentId);
    // A replaced chapter keeps its place in ingest order; a new one (or one removed and added again) goes last.
    seqOf.set(u.documentId, old && !removing.has(u.documentId) ? old.seq : nextSeq++);
  }
  const recompute = Object.fromEntries(SHARED_KINDS.map((k) => [k, new Set<string>()])) as Record<
    SharedKind,
    Set<string>
  >;
  const incoming = Object.fromEntries(SHARED_KINDS.map((k) => [k, new Map()])) as {
    [K in SharedKind]: Map<string, Versions<K>>;
  };
  /** Any version of each touched shared edge (its type and ends) and source (its problem id). */
  const someEdge = new Map<string, EdgeValue>();
  const problemOf = new Map<string, string>();
  const note = (kind: SharedKind, key: string, value: SharedValue[SharedKind]) => {
    if (kind === 'relations' || kind === 'coMentions') someEdge.set(key, value as EdgeValue);
    else if (kind === 'sources') problemOf.set(key, (value as SourceAttributes).problemId);
  };
  for (const id of dirty) {
    const old = stored.get(id)!;
    for (const kind of SHARED_KINDS) {
      for (const [key, value] of decodePart(kind, id, old.parts[kind])) {
        recompute[kind].add(key);
        note(kind, key, value as SharedValue[SharedKind]);
      }
    }
  }
  for (const u of group.upsert) {
    const seq = seqOf.get(u.documentId)!;
    const replaced = stored.has(u.documentId) && !removing.has(u.documentId);
    for (const kind of SHARED_KINDS) {
      for (const [key, value] of u.shared[kind] as [string, SharedValue[SharedKind]][]) {
        push(incoming[kind] as Map<string, Versions<SharedKind>>, key, { seq, doc: u.documentId, value });
        // A version with a repeated list entry is merged from scratch: list appends assume none.
        if (replaced || (kind === 'concepts' && conceptRepeats(value as ConceptAttributes))) recompute[kind].add(key);
        note(kind, key, value);
      }
    }
  }
  const touched = (kind: SharedKind) => [...new Set([...recompute[kind], ...incoming[kind].keys()])];

  // ---- 2. what the touched shared nodes and edges are now ----
  const conceptKeys = touched('concepts');
  // Nothing stored is replaced: the first read named every touched concept and source.
  const firstWasEnough = dirty.size === 0;
  const conceptRows = firstWasEnough
    ? (first[0]!.concepts as Props[])
    : await rows(
        `UNWIND $ids AS id MATCH (n:${CONCEPT} {id: id})
         RETURN id, ${CONCEPT_SCALARS} AS props,
           CASE WHEN n.${DUPES} OR id IN $recompute THEN n.documents END AS docs`,
        { ids: conceptKeys, recompute: [...recompute.concepts] },
      );
  /** Stored concepts: their scalar fields (as stored) and, when merged from scratch, their documents. */
  const storedConcepts = new Map<string, { props: Props; docs: string[] }>();
  for (const r of conceptRows) {
    const props = r.props as Props;
    storedConcepts.set(r.id as string, { props, docs: (r.docs as string[] | null) ?? [] });
    if (props[DUPES]) recompute.concepts.add(r.id as string);
  }

  const sourceRows = firstWasEnough
    ? (first[0]!.sources as Props[])
    : await rows(SOURCE_READ, {
        rows: touched('sources').map((id) => ({ id, pid: problemOf.get(id)! })),
        problemIds,
      });
  const current = Object.fromEntries(SHARED_KINDS.map((k) => [k, new Map()])) as {
    [K in SharedKind]: Map<string, Merged<K>>;
  };
  const known = new Map<string, KnownProblem>();
  const storedSources = new Map<string, Props>();
  for (const r of sourceRows) {
    const id = r.id as string;
    const props = r.props as Props | null;
    if (props) {
      current.sources.set(id, { value: sourceRaw(props), docs: docsOf(props) });
      storedSources.set(id, props);
      // A stored source shows its known problem's text (if it has one) in place of its own.
      if (typeof props[RAW] === 'string') {
        const shown = decodeAttributes<SourceAttributes>(props, 'source');
        known.set(shown.problemId, { problemId: shown.problemId, problem: shown.problem!, origin: shown.origin! });
      }
    }
    const k = (r.known as { problem: string; origin: string }[])[0];
    if (k) {
      const problemId = problemOf.get(id)!;
      known.set(problemId, { problemId, problem: JSON.parse(k.problem) as KnownProblem['problem'], origin: k.origin });
    }
  }
  for (const p of group.problems) known.set(p.problemId, p);

  const edgeReads = new Map<string, { k: string; s: string; t: string }[]>();
  for (const kind of ['relations', 'coMentions'] as const) {
    for (const key of recompute[kind]) {
      const v = someEdge.get(key)!;
      push(edgeReads, edgeType(v), { k: key, s: v.source, t: v.target });
    }
  }
  for (const [type, list] of edgeReads) {
    for (const r of await rows(
      `UNWIND $rows AS row MATCH (:${CONCEPT} {id: row.s})-[r:${type}]->(:${CONCEPT} {id: row.t})
       RETURN row.k AS id, properties(r) AS props`,
      { rows: list },
    )) {
      const key = r.id as string;
      const props = r.props as Props;
      const v = someEdge.get(key)!;
      const kind = v.attributes.kind === 'co_mention' ? 'coMentions' : 'relations';
      const value = { source: v.source, target: v.target, attributes: decodeAttributes(props, v.attributes.kind) };
      (current[kind] as Map<string, Merged<EdgeKind>>).set(key, { value: value as EdgeValue, docs: [] });
    }
  }

  // ---- 3. merge ----
  // The other chapters that may hold an element merged from scratch. A concept lists its documents (a
  // chapter's version of a concept always names the chapter: chapter-rows.ts checks); an edge's chapters
  // hold both its ends, so they are among the documents of both; a source keeps its list (`_docs`).
  const skipKeys = new Set([...[...dirty].map((id) => stored.get(id)!.docKey), ...group.upsert.map((u) => u.docKey)]);
  const skipIds = new Set([...dirty, ...group.upsert.map((u) => u.documentId)]);
  const conceptDocs = (key: string) => storedConcepts.get(key)?.docs ?? [];
  const holders = (kind: SharedKind, key: string): string[] => {
    if (kind === 'concepts') return conceptDocs(key);
    if (kind === 'sources') return current.sources.get(key)?.docs ?? [];
    const v = someEdge.get(key)!;
    const other = new Set(conceptDocs(v.target));
    return conceptDocs(v.source).filter((d) => other.has(d));
  };
  const others: Props[][] = [];
  for (const kind of SHARED_KINDS) {
    const skip = kind === 'sources' ? skipIds : skipKeys;
    const docs = new Set<string>();
    for (const key of recompute[kind]) for (const d of holders(kind, key)) if (!skip.has(d)) docs.add(d);
    const by = kind === 'sources' ? 'document' : 'docKey';
    others.push(
      docs.size
        ? await rows(
            `UNWIND $docs AS d MATCH (c:${CONTRIBUTION} {${by}: d}) RETURN c.document AS id, c.seq AS seq, c.${kind} AS part`,
            { docs: [...docs] },
          )
        : [],
    );
  }

  /**
   * Merged value per touched key (null: no chapter holds it any more). Keys in `appended` hold only what
   * the group adds, to be appended to the stored element in Cypher.
   */
  const merged = {} as { [K in SharedKind]: Map<string, Merged<K> | null> };
  const appended = new Set<string>();
  SHARED_KINDS.forEach((kind, i) => {
    const out = new Map<string, Merged<SharedKind> | null>();
    (merged as Record<SharedKind, unknown>)[kind] = out;
    const versions = new Map<string, Versions<SharedKind>>();
    for (const r of others[i]!) {
      for (const [key, value] of decodePart(kind, r.id as string, r.part as string | StoredPart)) {
        if (recompute[kind].has(key)) {
          push(versions, key, {
            seq: plain(r.seq) as number,
            doc: r.id as string,
            value: value as SharedValue[SharedKind],
          });
        }
      }
    }
    for (const key of touched(kind)) {
      const fresh = (incoming[kind] as Map<string, Versions<SharedKind>>).get(key) ?? [];
      let acc: SharedValue[SharedKind] | null = null;
      let docs: string[] = [];
      let list: Versions<SharedKind>;
      if (recompute[kind].has(key)) list = [...(versions.get(key) ?? []), ...fresh];
      else {
        list = [...fresh];
        if (kind === 'concepts') {
          const s = storedConcepts.get(key);
          if (s) {
            acc = conceptStub(s.props);
            appended.add(key);
          }
        } else if (kind === 'sources') {
          const cur = current.sources.get(key);
          acc = cur?.value ?? null;
          docs = cur ? [...cur.docs] : [];
        } else appended.add(key);
      }
      list.sort((a, b) => a.seq - b.seq);
      for (const v of list) {
        acc = mergeShared(kind, acc, v.value);
        docs.push(v.doc);
      }
      out.set(key, acc === null ? null : { value: acc, docs });
    }
  });
  // Sources whose known problem changed but no chapter of the group touched.
  for (const [key, cur] of current.sources) if (!merged.sources.has(key)) merged.sources.set(key, cur);

  // ---- 4. writes ----
  // Writes do not wait for each other (the server runs them in order); all are awaited before the commit.
  // What every group does goes into one statement of fixed text (WRITE, below); what only a replaced or
  // removed chapter needs runs before it, in statements of its own.
  const pending: Promise<unknown>[] = [];
  const run = (cypher: string, params: Record<string, unknown>): void => {
    pending.push(rows(cypher, params));
  };
  const write = emptyWrite();
  /** The nodes WRITE looks up once and edges then name by position (see WRITE): first those the own rows name. */
  const own = prepared ?? ownRows(group);
  write.cids.push(...own.cids);
  write.sids.push(...own.sids);
  const conceptSlot = slots(write.cids);

  // The old versions' own nodes go, with every edge they start.
  const gone = [...dirty].map((id) => stored.get(id)!);
  for (const [label, list] of [
    [NODE_LABEL.claim, gone.flatMap((g) => g.claims)],
    [NODE_LABEL.section, gone.flatMap((g) => g.sections)],
    [NODE_LABEL.document, gone.map((g) => g.docKey)],
  ] as const) {
    if (list.length) run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) DETACH DELETE n`, { ids: list });
  }
  if (gone.length) {
    run(`UNWIND $ids AS id MATCH (c:${CONTRIBUTION} {document: id}) DELETE c`, { ids: gone.map((g) => g.id) });
  }

  // Shared edges no chapter holds any more; then shared nodes (a deleted one takes its edges along).
  const edgeWrites = new Map<string, { create: Props[]; set: Props[]; remove: Props[] }>();
  for (const kind of ['relations', 'coMentions'] as const) {
    for (const [key, m] of merged[kind]) {
      const v = someEdge.get(key)!;
      const type = edgeType(v);
      let w = edgeWrites.get(type);
      if (!w) edgeWrites.set(type, (w = { create: [], set: [], remove: [] }));
      if (appended.has(key)) {
        write[`a${EDGE_TYPES.indexOf(type)}`]!.push(appendRow(conceptSlot(v.source), conceptSlot(v.target), m!));
      } else if (m === null) {
        if (current[kind].has(key)) w.remove.push({ s: v.source, t: v.target });
      } else (current[kind].has(key) ? w.set : w.create).push({ s: v.source, t: v.target, props: edgeProps(m) });
    }
  }
  for (const [type, w] of edgeWrites) {
    if (w.remove.length) {
      run(`UNWIND $rows AS row MATCH (:${CONCEPT} {id: row.s})-[r:${type}]->(:${CONCEPT} {id: row.t}) DELETE r`, {
        rows: w.remove,
      });
    }
  }

  const conceptGone: string[] = [];
  /** Concept writes other than a new concept or an update keeping its category, by kind and new category. */
  const conceptWrites = new Map<string, Props[]>();
  for (const [key, m] of merged.concepts) {
    const s = storedConcepts.get(key);
    if (m === null) {
      if (s) conceptGone.push(key);
      continue;
    }
    const was = s ? decodeAttributes<ConceptAttributes>(s.props, 'concept').category : undefined;
    const label = was === m.value.category ? '=' : m.value.category;
    if (appended.has(key)) {
      const row = conceptUpdate(key, s!.props, m.value);
      if (label === '=') write.cu.push(row);
      else push(conceptWrites, `update ${label}`, row);
    } else if (!s) write[`c${CATEGORIES.indexOf(m.value.category)}`]!.push(conceptProps(key, m.value));
    else push(conceptWrites, `replace ${label}`, { id: key, props: conceptProps(key, m.value) });
  }
  const sourceGone: string[] = [];
  for (const [key, m] of merged.sources) {
    if (m === null) {
      if (current.sources.has(key)) sourceGone.push(key);
      continue;
    }
    const props = sourceProps(key, m.value, known.get(m.value.problemId), m.docs);
    // A source is written only when it changed (most chapters cite sources other chapters cite too).
    const was = storedSources.get(key);
    if (!was || !sameProps(was, props)) write.src.push({ id: key, props });
  }
  if (conceptGone.length) {
    run(`UNWIND $ids AS id MATCH (n:${CONCEPT} {id: id}) DETACH DELETE n`, { ids: conceptGone });
  }
  if (sourceGone.length) {
    run(`UNWIND $ids AS id MATCH (n:${SOURCE} {id: id}) DETACH DELETE n`, { ids: sourceGone });
  }
  for (const [what, list] of conceptWrites) {
    const [kind, category] = what.split(' ') as ['replace' | 'update', string];
    // The category label changes only when the category does: a label change costs index updates.
    const label = category === '=' ? undefined : CATEGORY_LABEL[category as ConceptAttributes['category']];
    const relabel = category === '=' ? '' : ` REMOVE n:${CATEGORY_LABELS}${label ? ` SET n:${label}` : ''}`;
    const body =
      kind === 'replace'
        ? `MATCH (n:${CONCEPT} {id: row.id}) SET n = row.props`
        : `MATCH (n:${CONCEPT} {id: row.id}) ${CONCEPT_UPDATE}`;
    run(`UNWIND $rows AS row ${body}${relabel}`, { rows: list });
  }
  // The new versions' own nodes, and the edges they start (ownRows, built before the transaction when the
  // caller could).
  write.doc = own.doc;
  write.sec = own.sec;
  SECTION_EDGES.forEach((_, i) => (write[`e${i}`] = own.edges[i]!));
  write.claims = own.claims;
  for (const c of own.contributions) write.contributions.push({ ...c, seq: seqOf.get(c.document as string)! });
  for (const p of group.problems) {
    write.problems.push({ problemId: p.problemId, problem: JSON.stringify(p.problem), origin: p.origin });
  }
  const written = rows(WRITE, { w: write, meta: META_ID, nextSeq, guard: null });
  // After the driver has packed and sent WRITE (microtasks), while the server runs it.
  if (whileWriting) setImmediate(whileWriting);
  pending.push(
    written.then((r) => {
      if (r.length !== 1) throw new Error('neo4j store: a concept or source the group refers to is missing');
    }),
  );
  // Shared edges merged from scratch (a replaced or removed chapter held them): their ends exist by now.
  for (const [type, w] of edgeWrites) {
    const ends = `MATCH (a:${CONCEPT} {id: row.s}) MATCH (b:${CONCEPT} {id: row.t})`;
    if (w.create.length) {
      run(`UNWIND $rows AS row ${ends} CREATE (a)-[r:${type}]->(b) SET r = row.props`, { rows: w.create });
    }
    if (w.set.length) {
      run(
        `UNWIND $rows AS row MATCH (:${CONCEPT} {id: row.s})-[r:${type}]->(:${CONCEPT} {id: row.t}) SET r = row.props`,
        { rows: w.set },
      );
    }
  }

  // The next group's first read, after every write of this one (the server runs them in order).
  const ahead = readAhead(rows, options);
  await Promise.all(pending);
  if (ahead) options.onAhead?.({ first: (await ahead)[0]!, token });
  await hooks.beforeCommit?.(group.upsert.map((u) => u.documentId));
}

/** A transaction planned ahead found that someone else wrote after the read it was planned from. */
export class AheadMissed extends Error {
  override name = 'AheadMissed';
  constructor() {
    super('neo4j store: the store changed after the read a transaction was planned from');
  }
}

/** The WRITE statement of a group, planned from a read made ahead (planAhead). */
export interface Planned {
  params: Record<string, unknown>;
  /** The token of the transaction that read ahead: it must still be the last writer. */
  expect: string;
  /** The data version that transaction left (READ_AHEAD's `version`): nobody may have written since. */
  version: number;
}

/** Refuses any statement a group of new chapters does not need (see planAhead). */
class NotAhead extends Error {}

/**
 * The WRITE statement of a group, planned from what the previous transaction read for it ahead, or null
 * when the group needs more than that one read (it replaces or removes stored chapters, or merges
 * something from scratch): writeGroup itself plans it, against a transaction that answers FIRST_READ with
 * the read made ahead, records WRITE and refuses anything else. So the next group's merge and the packing
 * of its parameters happen while the server commits this group, not while it waits for them.
 */
export async function planAhead(group: WriteGroup, ahead: Ahead, prepared?: OwnRows): Promise<Planned | null> {
  let params: Record<string, unknown> | undefined;
  const answer = (row: Props) => ({ records: [{ toObject: () => row }] });
  const tx = {
    run: (cypher: string, p: Record<string, unknown>) => {
      if (cypher === FIRST_READ) return Promise.resolve(answer(ahead.first));
      if (cypher === WRITE && !params) {
        params = p;
        return Promise.resolve(answer({ ok: 1 }));
      }
      return Promise.reject(new NotAhead());
    },
  } as unknown as ManagedTransaction;
  try {
    await writeGroup(tx, group, { prepared });
  } catch {
    // Not a group of new chapters, or one that fails: its own transaction plans it (and meets the error).
    return null;
  }
  return params ? { params, expect: ahead.token, version: plain(ahead.first.version) as number } : null;
}

/**
 * Writes a group planned ahead: LOCK_AHEAD, then WRITE and the next group's read, sent together. The lock
 * waits on the server until the previous transaction has committed; if that transaction was not the last
 * writer then (it failed, it was retried, or another writer came between), WRITE writes nothing and
 * AheadMissed rolls this transaction back: the caller writes the group again, reading for itself.
 */
export async function writeAhead(
  tx: ManagedTransaction,
  group: WriteGroup,
  planned: Planned,
  options: GroupOptions = {},
): Promise<void> {
  options.hooks?.transaction?.(
    group.upsert.map((u) => u.documentId),
    true,
  );
  const rows = runner(tx, undefined);
  const token = randomUUID();
  const locked = rows(LOCK_AHEAD, { meta: META_ID, expect: planned.expect, version: planned.version, token });
  const written = rows(WRITE, { ...planned.params, guard: token });
  if (options.whileWriting) setImmediate(options.whileWriting);
  const ahead = readAhead(rows, options);
  const [lock, write, next] = await Promise.all([locked, written, ahead]);
  if (lock[0]?.ok !== true) throw new AheadMissed();
  if (write.length !== 1) throw new Error('neo4j store: a concept or source the group refers to is missing');
  if (next) options.onAhead?.({ first: next[0]!, token });
  await options.hooks?.beforeCommit?.(group.upsert.map((u) => u.documentId));
}

/**
 * What a group writes of its chapters' own: documents, sections, claims, the edges they start, and the
 * Contribution nodes (without their ingest-order number, which the transaction gives). It depends on the
 * group alone, so the store builds the next group's while the server runs this group's WRITE; edges name
 * their ends by position, in the documents and sections here and in `cids`/`sids` (which WRITE looks up,
 * after the shared nodes are written).
 */
export interface OwnRows {
  cids: string[];
  sids: string[];
  doc: Props[];
  sec: Props[];
  /** Rows of each of SECTION_EDGES (see SECTION_EDGE_COLUMNS). */
  edges: unknown[][][];
  claims: unknown[][];
  contributions: Props[];
}

export function ownRows(group: WriteGroup): OwnRows {
  const own: OwnRows = {
    cids: [],
    sids: [],
    doc: [],
    sec: [],
    edges: SECTION_EDGES.map(() => []),
    claims: [],
    contributions: [],
  };
  const conceptSlot = slots(own.cids);
  const sourceSlot = slots(own.sids);
  const docSlot = new Map<string, number>();
  const sectionSlot = new Map<string, number>();
  const slotOf = (label: string, id: string): number => {
    const i =
      label === NODE_LABEL.concept
        ? conceptSlot(id)
        : label === NODE_LABEL.source
          ? sourceSlot(id)
          : (label === NODE_LABEL.section ? sectionSlot : docSlot).get(id);
    if (i === undefined) throw new Error(`neo4j store: an edge ends at ${id}, which its chapter does not hold`);
    return i;
  };
  for (const u of group.upsert) {
    docSlot.set(u.document.id, own.doc.length);
    own.doc.push(u.document.props);
    for (const sec of u.sections) {
      sectionSlot.set(sec.id, own.sec.length);
      own.sec.push(sec.props);
    }
  }
  for (const u of group.upsert) {
    for (const g of u.edges) {
      const i = SECTION_EDGES.findIndex(([type, from, to]) => type === g.type && from === g.from && to === g.to);
      if (i < 0) throw new Error(`neo4j store: a section starts an unexpected edge ${g.type}>${g.to}`);
      const rows = own.edges[i]!;
      const cols = SECTION_EDGE_COLUMNS[i]!;
      for (const r of g.rows) rows.push(cols.row(r.props, slotOf(g.from, r.s), slotOf(g.to, r.t)));
    }
    for (const c of u.claims) {
      for (const k of Object.keys(c.out)) {
        if (!CLAIM_EDGES.includes(k)) throw new Error(`neo4j store: a claim starts an unexpected edge ${k}`);
      }
      const row: unknown[] = [CLAIM_COLUMNS.row(c.props)];
      CLAIM_EDGES.forEach((k, i) => {
        const label = k.split('>')[1]!;
        const cols = CLAIM_EDGE_COLUMNS[i]!;
        row.push((c.out[k] ?? []).map((e) => cols.row(e.p, slotOf(label, e.t))));
      });
      own.claims.push(row);
    }
    own.contributions.push({
      document: u.documentId,
      hash: u.hash,
      docKey: u.docKey,
      sections: u.sections.map((s) => s.id),
      claims: u.claims.map((c) => c.id),
      ...encodeParts(u.shared),
    });
  }
  return own;
}

/** Same properties (a source as stored, and as it would be written). */
function sameProps(a: Props, b: Props): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (JSON.stringify(plain(a[k]) ?? null) !== JSON.stringify(b[k] ?? null)) return false;
  return true;
}

/**
 * Property rows sent as lists in a fixed column order instead of maps: the key strings are not sent with
 * every row, and the driver packs (and the server reads) a list of plain values faster than a map. The
 * statement creates the node or relationship with `{key: row[i], …}` (a null column is an absent property:
 * Neo4j stores no nulls, and encodeAttributes never gives one), then sets the row's last column, a map of
 * any property outside the columns (null when there is none, which is the rule: the columns list every
 * attribute the model gives), so that what is stored is exactly the row's properties. A relationship row
 * starts with the positions of its end nodes (`slots` of them: the other end, or both).
 */
class Columns {
  private readonly known: Set<string>;
  constructor(
    private readonly keys: readonly string[],
    private readonly slots: number,
  ) {
    this.known = new Set(keys);
  }

  row(props: Props, ...slots: number[]): unknown[] {
    if (slots.length !== this.slots) throw new Error('neo4j store: a row with the wrong number of end positions');
    const out: unknown[] = slots;
    for (const k of this.keys) out.push(props[k] ?? null);
    let rest: Props | null = null;
    for (const k of Object.keys(props)) if (!this.known.has(k)) (rest ??= {})[k] = props[k];
    out.push(rest);
    return out;
  }

  /** The property map of a CREATE pattern, from the list `v`. */
  map(v: string): string {
    return `{${this.keys.map((k) => `\`${k}\`: ${this.col(v, k)}`).join(', ')}}`;
  }

  /** The column of property `key` in the list `v`. */
  col(v: string, key: string): string {
    const i = this.keys.indexOf(key);
    if (i < 0) throw new Error(`neo4j store: no column ${key}`);
    return `${v}[${i + this.slots}]`;
  }

  /** The properties outside the columns (an empty map when there are none), for `SET x += …`. */
  rest(v: string): string {
    return `coalesce(${v}[${this.keys.length + this.slots}], {})`;
  }

  /** The `j`th column after the map of other properties (what a statement needs beside the properties). */
  extra(v: string, j: number): string {
    return `${v}[${this.keys.length + this.slots + 1 + j}]`;
  }

  /** The `i`th end position of the list `v`. */
  slot(v: string, i = 0): string {
    return `${v}[${i}]`;
  }
}

/** A claim's properties (chapter-rows.ts: its attributes, the search tokens, the JSON-encoded names). */
const CLAIM_COLUMNS = new Columns(
  [
    'id',
    'document',
    'section',
    'sectionPath',
    'paragraph',
    'sentence',
    'text',
    'markup',
    'normText',
    'lang',
    'line',
    'column',
    'start',
    'end',
    'citations',
    'contextCitations',
    'links',
    'hedged',
    INTERNAL.json,
    INTERNAL.terms,
  ],
  0,
);

/** Every shared edge type, in a fixed order (one subquery each in WRITE). */
const EDGE_TYPES: readonly string[] = [...Object.values(PREDICATE_TYPE), EDGE_TYPE.co_mention, EDGE_TYPE.member_of];
/** The edges a section starts, by type and end labels (one subquery each in WRITE). */
const SECTION_EDGES: readonly (readonly [string, string, string])[] = [
  [EDGE_TYPE.section_of, NODE_LABEL.section, NODE_LABEL.section],
  [EDGE_TYPE.section_of, NODE_LABEL.section, NODE_LABEL.document],
  [EDGE_TYPE.mentions, NODE_LABEL.section, NODE_LABEL.concept],
];
/** The edges a claim starts, as `TYPE>Label` (chapter-rows.ts), created with the claim. */
const CLAIM_EDGES: readonly string[] = [
  `${EDGE_TYPE.cites}>${NODE_LABEL.source}`,
  `${EDGE_TYPE.in_section}>${NODE_LABEL.section}`,
  `${EDGE_TYPE.mentions}>${NODE_LABEL.concept}`,
];
/** The properties of the edges a claim starts, in CLAIM_EDGES order (model/types.ts, and a key kept by chapter-rows.ts). */
const CLAIM_EDGE_COLUMNS: readonly Columns[] = [
  new Columns(['scope', 'line', 'column'], 1),
  new Columns([], 1),
  new Columns(['surface', 'start', 'end', 'via'], 1),
];
/** The properties of the edges a section starts, in SECTION_EDGES order: rows start with both ends' positions. */
const SECTION_EDGE_COLUMNS: readonly Columns[] = SECTION_EDGES.map(
  ([type]) => new Columns(type === EDGE_TYPE.mentions ? ['surface', 'start', 'end', 'via'] : [], 2),
);
/**
 * Rows of the shared edges appended to (or created): the positions of both ends in `cids`, the attributes
 * (model/types.ts), and for a relation or a membership, after them, its cues as appended (appendRow).
 */
const SHARED_EDGE_COLUMNS: Readonly<Record<'relation' | 'co_mention' | 'member_of', Columns>> = {
  relation: new Columns(['predicate', 'evidence', 'cues', 'confidence', 'hedged', 'negated'], 2),
  co_mention: new Columns(['weight', 'evidence'], 2),
  member_of: new Columns(['evidence', 'cues', 'confidence', 'hedged', 'negated'], 2),
};
/**
 * Appending new chapters' version of an edge to the stored one: model/merge.ts `mergeRelation` /
 * `mergeCoMention` reduced to list appends, sums, max and and — evidence holders belong to one chapter
 * each, so two chapters' lists never overlap. A relation's cues are padded to its evidence, as
 * mergeRelation pads them.
 */
const APPEND: Record<'relation' | 'co_mention' | 'member_of', string> = (() => {
  const stated = (cols: Columns) => {
    const c = (k: string) => cols.col('row', k);
    return `r.evidence = r.evidence + ${c('evidence')}, r.cues = r.cues + coalesce(${cols.extra('row', 0)}, ${c('cues')}),
    r.confidence = CASE WHEN ${c('confidence')} > r.confidence THEN ${c('confidence')} ELSE r.confidence END,
    r.hedged = r.hedged AND ${c('hedged')}, r.negated = r.negated AND ${c('negated')}`;
  };
  const co = (k: string) => SHARED_EDGE_COLUMNS.co_mention.col('row', k);
  return {
    relation: stated(SHARED_EDGE_COLUMNS.relation),
    member_of: stated(SHARED_EDGE_COLUMNS.member_of),
    co_mention: `r.weight = r.weight + ${co('weight')}, r.evidence = r.evidence + ${co('evidence')}`,
  };
})();

type WriteParams = Record<string, unknown[]> & {
  cids: string[];
  sids: string[];
  cu: Props[];
  src: Props[];
  doc: Props[];
  sec: Props[];
  claims: unknown[][];
  contributions: Props[];
  problems: Props[];
};
function emptyWrite(): WriteParams {
  const w: WriteParams = {
    cids: [],
    sids: [],
    cu: [],
    src: [],
    doc: [],
    sec: [],
    claims: [],
    contributions: [],
    problems: [],
  };
  CATEGORIES.forEach((_, i) => (w[`c${i}`] = []));
  SECTION_EDGES.forEach((_, i) => (w[`e${i}`] = []));
  EDGE_TYPES.forEach((_, i) => (w[`a${i}`] = []));
  return w;
}

/**
 * What every write transaction writes, as one statement whose text never changes (so the server plans it
 * once, and `replan=skip` keeps it from planning it again as the graph grows: every lookup in it is by a
 * unique key, whatever the statistics say): concepts updated in place and new ones (one subquery per
 * category label), changed sources, the new versions' documents and sections, then the concepts and sources
 * the group's edges end at, each looked up once (`cids`, `sids`); the edges sections start, claims with the
 * edges they start, the shared edges appended to or created (one subquery per type) name their ends by
 * position in those lists (an index seek per end would cost more than the edge; claims and all these edges
 * are rows of values, see Columns); known problems, Contribution nodes and the next ingest-order number.
 * Unused parts get empty lists. The outer query is one row, so the subqueries run one after the other,
 * each seeing what the ones before it wrote. It returns one row only when every looked-up node was found,
 * in order (the caller fails the transaction otherwise).
 */
const at = (list: string, i: string) => `${list}[toInteger(${i})]`;
const WRITE = [
  // (`$guard`: a transaction planned ahead writes only if LOCK_AHEAD made it the writer; see writeAhead.)
  `CYPHER replan=skip MATCH (m:${INGEST_META} {id: $meta}) WHERE $guard IS NULL OR m.writer = $guard`,
  `CALL () { UNWIND $w.cu AS row MATCH (n:${CONCEPT} {id: row.id}) ${CONCEPT_UPDATE} }`,
  ...CATEGORIES.map((c, i) => {
    const label = CATEGORY_LABEL[c];
    return `CALL () { UNWIND $w.c${i} AS row CREATE (n:${CONCEPT}${label ? `:${label}` : ''}) SET n = row }`;
  }),
  `CALL () { UNWIND $w.src AS row MERGE (n:${SOURCE} {id: row.id}) SET n = row.props }`,
  `CALL () { UNWIND $w.doc AS row CREATE (n:${NODE_LABEL.document}) SET n = row RETURN collect(n) AS docs }`,
  `CALL () { UNWIND $w.sec AS row CREATE (n:${NODE_LABEL.section}) SET n = row RETURN collect(n) AS secs }`,
  `CALL () { UNWIND $w.cids AS id MATCH (n:${CONCEPT} {id: id}) RETURN collect(n) AS cs, collect(n.id) AS cids }`,
  `CALL () { UNWIND $w.sids AS id MATCH (n:${SOURCE} {id: id}) RETURN collect(n) AS ss, collect(n.id) AS sids }`,
  'WITH * WHERE cids = $w.cids AND sids = $w.sids',
  ...SECTION_EDGES.map(([type, , to], i) => {
    const list = to === NODE_LABEL.section ? 'secs' : to === NODE_LABEL.document ? 'docs' : 'cs';
    const cols = SECTION_EDGE_COLUMNS[i]!;
    return `CALL (${list === 'secs' ? 'secs' : `secs, ${list}`}) { UNWIND $w.e${i} AS row
        WITH row, ${at('secs', cols.slot('row', 0))} AS a, ${at(list, cols.slot('row', 1))} AS b
        CREATE (a)-[r:${type} ${cols.map('row')}]->(b) SET r += ${cols.rest('row')} }`;
  }),
  `CALL (ss, secs, cs) { UNWIND $w.claims AS row WITH row, row[0] AS p
    CREATE (c:${NODE_LABEL.claim} ${CLAIM_COLUMNS.map('p')}) SET c += ${CLAIM_COLUMNS.rest('p')}
    WITH c, row, ss, secs, cs ${CLAIM_EDGES.map((k, i) => {
      const [type, label] = k.split('>') as [string, string];
      const list = label === NODE_LABEL.source ? 'ss' : label === NODE_LABEL.section ? 'secs' : 'cs';
      const cols = CLAIM_EDGE_COLUMNS[i]!;
      return `CALL (c, row, ${list}) { UNWIND row[${i + 1}] AS e WITH c, e, ${at(list, cols.slot('e'))} AS x
        CREATE (c)-[r:${type} ${cols.map('e')}]->(x) SET r += ${cols.rest('e')} }`;
    }).join(' ')} }`,
  ...EDGE_TYPES.map((type, i) => {
    const kind = type === EDGE_TYPE.co_mention ? 'co_mention' : type === EDGE_TYPE.member_of ? 'member_of' : 'relation';
    const cols = SHARED_EDGE_COLUMNS[kind];
    return `CALL (cs) { UNWIND $w.a${i} AS row WITH row, ${at('cs', cols.slot('row', 0))} AS a, ${at('cs', cols.slot('row', 1))} AS b
      MERGE (a)-[r:${type}]->(b) ON CREATE SET r = ${cols.map('row')}, r += ${cols.rest('row')} ON MATCH SET ${APPEND[kind]} }`;
  }),
  `CALL () { UNWIND $w.problems AS row MERGE (k:${KNOWN_PROBLEM} {problemId: row.problemId})
    SET k.problem = row.problem, k.origin = row.origin }`,
  `CALL () { UNWIND $w.contributions AS row CREATE (c:${CONTRIBUTION}) SET c = row }`,
  'SET m.nextSeq = $nextSeq',
  'RETURN 1 AS ok',
].join('\n');
