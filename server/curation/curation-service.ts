/**
 * Curation: reviewers confirm, reject or add relations, each with a note and an evidence sentence, and
 * every verdict is checked against the graph as it is now. Verdicts are never changed by the graph: a
 * verdict whose evidence sentence changed, or whose relation is no longer extracted, is flagged for
 * another look and otherwise left as it was. `overlayGraph` shows the verdicts on a graph the API sends;
 * the read routes apply it through `CurationOverlay`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { NotFoundError, UsageError } from '../errors';
import {
  SYMMETRIC_PREDICATES,
  edgeKey,
  type ConceptAttributes,
  type EdgeAttributes,
  type GraphExport,
  type NodeAttributes,
  type Predicate,
  type RelationAttributes,
} from '../model/types';
import type { ConceptDetail, GraphStoreCore, Page, RelationSummary } from '../store/graph-store';
import type { SerializedGraph } from 'graphology-types';
import type { CurationStore } from './curation-store';
import type { AuditEntry, Verdict, VerdictKind, VerdictStatus } from './types';

export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// ---------------------------------------------------------------------------------------------------------
// What curation reads from the graph
// ---------------------------------------------------------------------------------------------------------

export interface RelationFacts {
  key: string;
  subject: string;
  predicate: Predicate;
  object: string;
  evidence: string[];
}

export type ConceptFacts = ConceptAttributes & { key: string };

/** Keys to look up; what the graph lacks is absent from the answer. */
export interface FactsQuery {
  relations?: Iterable<string>;
  claims?: Iterable<string>;
  concepts?: Iterable<string>;
}

export interface GraphFacts {
  relations: ReadonlyMap<string, RelationFacts>;
  /** Claim texts: of the claims asked for and of the evidence of the relations asked for. */
  claims: ReadonlyMap<string, string>;
  concepts: ReadonlyMap<string, ConceptFacts>;
}

/** The read side curation needs, one round trip per request. */
export interface CurationGraph {
  facts(query: FactsQuery): Promise<GraphFacts>;
}

/** The facts a serialised graph holds about the keys asked for. */
export function factsFromExport(graph: GraphExport, query: FactsQuery): GraphFacts {
  const wantRelations = new Set(query.relations ?? []);
  const wantClaims = new Set(query.claims ?? []);
  const wantConcepts = new Set(query.concepts ?? []);
  const relations = new Map<string, RelationFacts>();
  for (const e of graph.edges) {
    const a = e.attributes;
    if (a?.kind !== 'relation' || e.key === undefined || !wantRelations.has(e.key)) continue;
    relations.set(e.key, {
      key: e.key,
      subject: e.source,
      predicate: a.predicate,
      object: e.target,
      evidence: a.evidence,
    });
    for (const c of a.evidence) wantClaims.add(c);
  }
  const claims = new Map<string, string>();
  const concepts = new Map<string, ConceptFacts>();
  for (const n of graph.nodes) {
    const a = n.attributes;
    if (a?.kind === 'claim' && wantClaims.has(n.key)) claims.set(n.key, a.text);
    else if (a?.kind === 'concept' && wantConcepts.has(n.key)) {
      concepts.set(n.key, { ...a, key: n.key });
    }
  }
  return { relations, claims, concepts };
}

/**
 * Facts from any graph store, through its whole-graph export: one export per curation request. Writes
 * and verdict lists are rare next to graph reads; a store with cheaper point reads can supply its own
 * CurationGraph.
 */
export const storeFacts = (store: Pick<GraphStoreCore, 'exportGraph'>): CurationGraph => ({
  facts: async (query) => factsFromExport(await store.exportGraph(), query),
});

// ---------------------------------------------------------------------------------------------------------
// Verdict status
// ---------------------------------------------------------------------------------------------------------

export interface CuratedVerdict extends Verdict {
  status: VerdictStatus;
  /** The evidence sentence as it reads now (null: gone), when it no longer matches the verdict's. */
  currentText?: string | null;
}

/** What a verdict's evidence and relation need looked up to tell its status. */
export const statusQuery = (verdicts: readonly Verdict[]): FactsQuery => ({
  relations: verdicts.map((v) => v.relation),
  claims: verdicts.map((v) => v.evidence.claim),
  concepts: verdicts.filter((v) => v.verdict === 'added').flatMap((v) => [v.subject, v.object]),
});

/**
 * A verdict against the graph now. `relation-gone`: an extracted relation is no longer extracted, or an
 * added one has lost a concept; `evidence-changed`: the evidence sentence reads differently or is gone.
 * The first outranks the second: a relation that is gone needs the reviewer more.
 */
export function verdictStatus(v: Verdict, facts: GraphFacts): CuratedVerdict {
  const gone =
    v.verdict === 'added'
      ? !facts.concepts.has(v.subject) || !facts.concepts.has(v.object)
      : !facts.relations.has(v.relation);
  const text = facts.claims.get(v.evidence.claim);
  const changed = text === undefined || textHash(text) !== v.evidence.textHash;
  const status: VerdictStatus = gone ? 'relation-gone' : changed ? 'evidence-changed' : 'ok';
  return changed ? { ...v, status, currentText: text ?? null } : { ...v, status };
}

// ---------------------------------------------------------------------------------------------------------
// The overlay
// ---------------------------------------------------------------------------------------------------------

export type CurationMark = VerdictKind;

export type CuratedRelationAttributes = RelationAttributes & { curation?: CurationMark };
export type CuratedEdgeAttributes = Exclude<EdgeAttributes, RelationAttributes> | CuratedRelationAttributes;
export type CuratedGraphExport = SerializedGraph<NodeAttributes, CuratedEdgeAttributes, GraphExport['attributes']>;

export interface OverlayOptions {
  /** Keep rejected relations, marked `curation: 'rejected'`; by default they are left out. */
  showRejected?: boolean;
  /** The predicates the graph was filtered to: added relations outside them stay out too. */
  predicates?: readonly Predicate[];
  /** The evidence the graph's relations were filtered to: an added relation has one sentence. */
  minEvidence?: number;
}

/** The attributes an added relation is drawn with: one evidence sentence, the reviewer's own. */
const addedAttributes = (v: Verdict): CuratedRelationAttributes => ({
  kind: 'relation',
  predicate: v.predicate,
  evidence: [v.evidence.claim],
  cues: [],
  confidence: 1,
  hedged: false,
  negated: false,
  curation: 'added',
});

/**
 * Verdicts shown on a graph (the whole graph, a neighbourhood, a filtered part): rejected relations
 * left out (or marked), confirmed ones marked, added ones drawn between the two concepts when the graph
 * holds both. The graph given is not changed.
 */
export function overlayGraph(
  graph: GraphExport,
  verdicts: readonly Verdict[],
  opts: OverlayOptions = {},
): CuratedGraphExport {
  const byRelation = new Map(verdicts.map((v) => [v.relation, v]));
  const edges: CuratedGraphExport['edges'] = [];
  for (const e of graph.edges) {
    const a = e.attributes;
    const v = a?.kind === 'relation' && e.key !== undefined ? byRelation.get(e.key) : undefined;
    if (!v || a?.kind !== 'relation') {
      edges.push(e);
      continue;
    }
    byRelation.delete(v.relation);
    if (v.verdict === 'rejected' && !opts.showRejected) continue;
    edges.push({ ...e, attributes: { ...a, curation: v.verdict } });
  }
  const nodes = new Set(graph.nodes.map((n) => n.key));
  const predicates = opts.predicates ? new Set(opts.predicates) : null;
  for (const v of byRelation.values()) {
    if (v.verdict !== 'added' || !nodes.has(v.subject) || !nodes.has(v.object)) continue;
    if (predicates && !predicates.has(v.predicate)) continue;
    if ((opts.minEvidence ?? 1) > 1) continue;
    edges.push({ key: v.relation, source: v.subject, target: v.object, attributes: addedAttributes(v) });
  }
  return { ...graph, edges };
}

export type CuratedRelationSummary = RelationSummary & { curation?: CurationMark };
export type CuratedConceptDetail = Omit<ConceptDetail, 'relations'> & { relations: CuratedRelationSummary[] };

/**
 * Verdicts shown on a concept's relation list; `others` gives the label and category of the concepts that
 * added relations lead to (see CurationService.overlayConcept, which looks them up).
 */
export function overlayRelations(
  concept: string,
  relations: readonly RelationSummary[],
  verdicts: readonly Verdict[],
  others: ReadonlyMap<string, ConceptFacts>,
  opts: OverlayOptions = {},
): CuratedRelationSummary[] {
  const byRelation = new Map(verdicts.map((v) => [v.relation, v]));
  const out: CuratedRelationSummary[] = [];
  for (const r of relations) {
    const v = byRelation.get(r.key);
    byRelation.delete(r.key);
    if (!v) out.push(r);
    else if (v.verdict !== 'rejected' || opts.showRejected) out.push({ ...r, curation: v.verdict });
  }
  for (const v of byRelation.values()) {
    if (v.verdict !== 'added' || (v.subject !== concept && v.object !== concept)) continue;
    const other = others.get(v.subject === concept ? v.object : v.subject);
    if (!other) continue;
    out.push({
      key: v.relation,
      predicate: v.predicate,
      direction: v.subject === concept ? 'out' : 'in',
      other: { key: other.key, label: other.label, category: other.category },
      evidenceCount: 1,
      hedged: false,
      negated: false,
      confidence: 1,
      curation: 'added',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------------------

export interface JudgeInput {
  note: string;
  /** One of the relation's evidence sentences; its first one otherwise. */
  evidenceClaim?: string;
}

export interface AddInput {
  subject: string;
  predicate: Predicate;
  object: string;
  evidenceClaim: string;
  note: string;
}

export interface VerdictQuery {
  status?: VerdictStatus;
  verdict?: VerdictKind;
}

export interface CurationServiceOptions {
  now?: () => string;
  newId?: () => string;
}

/** The largest audit page a caller may ask for. */
export const MAX_AUDIT_PAGE = 500;

/**
 * What the read routes need from curation to show verdicts on their answers (see ExplorerService and
 * OverviewService), and a count of the verdict changes made through it, which the response cache adds to
 * the graph store's own: a verdict then never leaves a stale answer behind.
 */
export interface CurationOverlay {
  /** Bumped after every verdict written or retracted through this process. */
  readonly generation: number;
  /** `verdicts`: as `storedVerdicts()` gave them, when the caller has read them already. */
  overlay(graph: GraphExport, opts?: OverlayOptions, verdicts?: readonly Verdict[]): Promise<CuratedGraphExport>;
  overlayConcept(detail: ConceptDetail, opts?: OverlayOptions): Promise<CuratedConceptDetail>;
  /** Every relation's verdict kind, by relation key. */
  marks(): Promise<ReadonlyMap<string, VerdictKind>>;
  /** Every verdict as stored (without checking it against the graph). */
  storedVerdicts(): Promise<readonly Verdict[]>;
}

export class CurationService implements CurationOverlay {
  private readonly now: () => string;
  private readonly newId: () => string;
  private changes = 0;

  constructor(
    private readonly graph: CurationGraph,
    private readonly store: CurationStore,
    opts: CurationServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date().toISOString());
    this.newId = opts.newId ?? (() => randomUUID());
  }

  get generation(): number {
    return this.changes;
  }

  /**
   * Runs a write and counts it once it is done (or failed: it may have reached the store). Counting after
   * the write means an answer computed from the verdicts before it is never kept as current.
   */
  private async counted<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.changes++;
    }
  }

  confirm(relation: string, input: JudgeInput, author: string): Promise<CuratedVerdict> {
    return this.judge(relation, 'confirmed', input, author);
  }

  reject(relation: string, input: JudgeInput, author: string): Promise<CuratedVerdict> {
    return this.judge(relation, 'rejected', input, author);
  }

  private async judge(
    relation: string,
    kind: 'confirmed' | 'rejected',
    input: JudgeInput,
    author: string,
  ): Promise<CuratedVerdict> {
    const facts = await this.graph.facts({ relations: [relation] });
    const r = facts.relations.get(relation);
    if (!r) throw new NotFoundError('relation', relation);
    const claim = input.evidenceClaim ?? r.evidence[0];
    if (claim === undefined) {
      throw new UsageError(`curation: relation ${relation} has no evidence sentence to judge`, 'evidenceClaim');
    }
    if (!r.evidence.includes(claim)) {
      throw new UsageError(
        `curation: ${claim} is not an evidence sentence of ${relation}; expected one of ${r.evidence.join(', ')}`,
        'evidenceClaim',
      );
    }
    const text = facts.claims.get(claim);
    if (text === undefined) throw new NotFoundError('claim', claim);
    return this.save({ ...r, verdict: kind, claim, text }, input.note, author, facts);
  }

  /** A relation the extractor missed, between two concepts of the graph, with the sentence that says it. */
  async add(input: AddInput, author: string): Promise<CuratedVerdict> {
    const { subject, predicate, object, evidenceClaim } = input;
    if (subject === object) throw new UsageError('curation: a relation joins two different concepts', 'object');
    const key = edgeKey.relation(subject, predicate, object);
    const keys = [key];
    // A symmetric relation already extracted the other way round is the same relation.
    if (SYMMETRIC_PREDICATES.has(predicate)) keys.push(edgeKey.relation(object, predicate, subject));
    const facts = await this.graph.facts({ relations: keys, claims: [evidenceClaim], concepts: [subject, object] });
    for (const c of [subject, object]) if (!facts.concepts.has(c)) throw new NotFoundError('concept', c);
    const text = facts.claims.get(evidenceClaim);
    if (text === undefined) throw new NotFoundError('claim', evidenceClaim);
    const extracted = keys.find((k) => facts.relations.has(k));
    if (extracted) {
      throw new UsageError(`curation: ${extracted} is already extracted; confirm it instead of adding it`, 'predicate');
    }
    return this.save(
      { key, subject, predicate, object, verdict: 'added', claim: evidenceClaim, text },
      input.note,
      author,
      facts,
    );
  }

  private async save(
    r: Omit<RelationFacts, 'evidence'> & { verdict: VerdictKind; claim: string; text: string },
    note: string,
    author: string,
    facts: GraphFacts,
  ): Promise<CuratedVerdict> {
    const at = this.now();
    const verdict: Verdict = {
      id: this.newId(),
      relation: r.key,
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      verdict: r.verdict,
      note,
      evidence: { claim: r.claim, textHash: textHash(r.text), text: r.text },
      author,
      at,
    };
    const saved = await this.counted(() => this.store.putVerdict(verdict, { author, at, note }));
    return verdictStatus(saved, facts);
  }

  /** Takes a verdict back (an added relation disappears with it); the log keeps what it was. */
  async retract(relation: string, note: string, author: string): Promise<Verdict> {
    return this.counted(() => this.store.retract(relation, { author, at: this.now(), note }));
  }

  /** A relation's verdict as it stands now, with its whole history. */
  async verdict(relation: string): Promise<{ verdict: CuratedVerdict; history: AuditEntry[] }> {
    const v = await this.store.getVerdict(relation);
    if (!v) throw new NotFoundError('verdict', relation);
    const [facts, history] = await Promise.all([
      this.graph.facts(statusQuery([v])),
      this.store.audit(0, Number.MAX_SAFE_INTEGER, relation),
    ]);
    return { verdict: verdictStatus(v, facts), history: history.items };
  }

  /** Every verdict with its status; `status: 'evidence-changed'` is the reviewer's to-do list. */
  async verdicts(query: VerdictQuery = {}): Promise<CuratedVerdict[]> {
    const list = await this.store.listVerdicts(query.verdict ? { verdicts: [query.verdict] } : {});
    if (list.length === 0) return [];
    const facts = await this.graph.facts(statusQuery(list));
    const curated = list.map((v) => verdictStatus(v, facts));
    return query.status ? curated.filter((v) => v.status === query.status) : curated;
  }

  audit(offset: number, limit: number, target?: string): Promise<Page<AuditEntry>> {
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError('audit: offset must be an integer ≥ 0', 'offset');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
      throw new UsageError(`audit: limit must be an integer from 1 to ${MAX_AUDIT_PAGE}`, 'limit');
    }
    return this.store.audit(offset, limit, target);
  }

  async marks(): Promise<ReadonlyMap<string, VerdictKind>> {
    return new Map((await this.storedVerdicts()).map((v) => [v.relation, v.verdict]));
  }

  storedVerdicts(): Promise<readonly Verdict[]> {
    return this.store.listVerdicts();
  }

  /** The verdicts shown on a graph the API is about to send (see overlayGraph). */
  async overlay(
    graph: GraphExport,
    opts: OverlayOptions = {},
    verdicts?: readonly Verdict[],
  ): Promise<CuratedGraphExport> {
    return overlayGraph(graph, verdicts ?? (await this.storedVerdicts()), opts);
  }

  /** The verdicts shown on a concept's details: its relation list, with added relations in it. */
  async overlayConcept(detail: ConceptDetail, opts: OverlayOptions = {}): Promise<CuratedConceptDetail> {
    const key = detail.concept.key;
    const verdicts = await this.store.listVerdicts();
    const others = verdicts
      .filter((v) => v.verdict === 'added' && (v.subject === key || v.object === key))
      .map((v) => (v.subject === key ? v.object : v.subject));
    const facts = others.length ? (await this.graph.facts({ concepts: others })).concepts : new Map();
    return { ...detail, relations: overlayRelations(key, detail.relations, verdicts, facts, opts) };
  }
}
