/**
 * The read side of the store contract (`StoreReads`, stats, export) in Cypher, answering exactly as the
 * embedded store does (server/store/graph-queries.ts documents the orderings both follow). Where the
 * answer is a ranking or a graph algorithm, Cypher fetches the data and the algorithm shared with the
 * embedded store ranks it: search candidates come from the full-text and text indexes and are ranked by
 * queries/search-index.ts; k shortest paths and PageRank run in TypeScript over the concept–relation
 * graph, which is loaded once per data version (Community edition has no graph data science library).
 */
import neo4j from 'neo4j-driver';
import { createGraph } from '../../build/chapter-graph';
import { NotFoundError } from '../../errors';
import {
  CATEGORIES,
  PREDICATES,
  edgeKey,
  type Category,
  type ClaimAttributes,
  type ConceptAttributes,
  type DocumentAttributes,
  type GraphExport,
  type NodeAttributes,
  type NodeKind,
  type Predicate,
  type RelationAttributes,
  type SectionAttributes,
  type SourceAttributes,
} from '../../model/types';
import type {
  ClaimDetail,
  ClaimFilter,
  ConceptDetail,
  ConceptPath,
  DocumentDetail,
  DocumentSummary,
  GraphFilter,
  NeighborhoodFilter,
  Keyed,
  MembershipSummary,
  Page,
  PathHop,
  PathQuery,
  RelationSummary,
  SearchHit,
  SearchQuery,
  SourceDetail,
  StoreReads,
  StoreStats,
} from '../graph-store';
import { conceptMetrics, type ConceptMetrics } from '../queries/metrics';
import { kShortestPaths } from '../queries/paths';
import {
  SearchIndex,
  type SearchableClaim,
  type SearchableConcept,
  type SearchableSource,
} from '../queries/search-index';
import { compareMemberships } from '../queries/read-index';
import { normalizeText } from '../queries/text';
import { decodeAttributes, decodeEdge, decodeNode, keyOfEdge, kindOfLabels, plain, type Props } from './codec';
import {
  EDGE_TYPE,
  FULLTEXT,
  INGEST_META,
  INTERNAL,
  META_ID,
  NODE_LABEL,
  PREDICATE_OF_TYPE,
  PREDICATE_TYPE,
  RELATION_TYPES,
} from './schema';
import { candidateQuery } from './search-terms';
import type { Cypher } from './session';

const { document: DOCUMENT, section: SECTION, claim: CLAIM, source: SOURCE, concept: CONCEPT } = NODE_LABEL;

/** A node's properties without the bookkeeping ones that weigh something (search text, chapter lists). */
const nodeProps = (v: string) => `${v} {.*, ${INTERNAL.terms}: null, ${INTERNAL.docs}: null, _raw: null}`;
const relProps = (v: string) => `${v} {.*, ${INTERNAL.docs}: null}`;

/** The options of the graphs the embedded store builds and exports, so that both stores' exports agree. */
const GRAPH_OPTIONS: GraphExport['options'] = createGraph().export().options;
const PREDICATE_ORDER: ReadonlyMap<Predicate, number> = new Map(PREDICATES.map((p, i) => [p, i]));
const KNOWN_CATEGORIES = new Set<string>(CATEGORIES);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: { key: string }, b: { key: string }) => cmp(a.key, b.key);
type AttributesOf<K extends NodeKind> = Extract<NodeAttributes, { kind: K }>;
const keyed = <A extends NodeAttributes>(key: string, a: A): Keyed<A> => ({ key, ...a });
const docKey = (d: string) => (d.startsWith('doc:') ? d : `doc:${d}`);
/** SKIP and LIMIT take integers, and the driver sends JS numbers as floats unless told otherwise. */
const int = (n: number) => neo4j.int(Math.max(0, Math.trunc(n)));
/** Cypher's test for `isCited` (queries/read-index.ts): a marker of the claim's own. */
const CITED = (c: string) => `(size(${c}.citations) > 0)`;
/** Reading order (queries/read-index.ts `compareClaims`): document key, position in the file, key. */
const READING_ORDER = (c: string) => `${c}.document, ${c}.start, ${c}.id`;

/** Relationship types for a predicate filter (`TREATS|CAUSES`), from the whitelist only. */
function relationTypes(predicates: readonly Predicate[] | undefined): string | null {
  if (!predicates?.length) return RELATION_TYPES;
  const known = PREDICATES.filter((p) => predicates.includes(p));
  return known.length ? known.map((p) => PREDICATE_TYPE[p]).join('|') : null;
}

interface RelationRecord {
  edge: string;
  source: string;
  target: string;
  attributes: RelationAttributes;
}

/**
 * The concept–relation graph of one data version: what PageRank, k shortest paths and "which relations
 * does this claim assert" need, loaded in one query and kept until the next write.
 */
class RelationGraph {
  readonly byConcept = new Map<string, (RelationRecord & { other: string; direction: 'out' | 'in' })[]>();
  readonly byClaim = new Map<string, string[]>();
  readonly byKey = new Map<string, RelationRecord>();
  private metricsValue: ConceptMetrics | null = null;

  constructor(
    readonly version: number,
    private readonly concepts: string[],
    readonly relations: RelationRecord[],
  ) {
    for (const c of concepts) this.byConcept.set(c, []);
    for (const r of relations) {
      this.byKey.set(r.edge, r);
      this.byConcept.get(r.source)?.push({ ...r, other: r.target, direction: 'out' });
      this.byConcept.get(r.target)?.push({ ...r, other: r.source, direction: 'in' });
      for (const c of r.attributes.evidence) {
        let list = this.byClaim.get(c);
        if (!list) this.byClaim.set(c, (list = []));
        list.push(r.edge);
      }
    }
    for (const list of this.byConcept.values()) {
      list.sort((x, y) => cmp(x.other, y.other) || cmp(x.edge, y.edge));
    }
    for (const list of this.byClaim.values()) list.sort();
  }

  get metrics(): ConceptMetrics {
    return (this.metricsValue ??= conceptMetrics(
      this.concepts,
      this.relations.map((r) => ({
        source: r.source,
        target: r.target,
        predicate: r.attributes.predicate,
        evidenceCount: r.attributes.evidence.length,
      })),
    ));
  }
}

export class Neo4jReads implements StoreReads {
  private relationGraph: RelationGraph | null = null;
  private loading: Promise<RelationGraph> | null = null;

  constructor(protected readonly db: Cypher) {}

  /** Drops what was loaded for the previous data version (writers call it; readers also check the version). */
  protected invalidate(): void {
    this.relationGraph = null;
  }

  private async version(): Promise<number> {
    const rows = await this.db.read(`MATCH (m:${INGEST_META} {id: $id}) RETURN m.version AS v`, { id: META_ID });
    return (plain(rows[0]?.v) as number | undefined) ?? 0;
  }

  /** The relation graph of the current data version (one small query to check the version). */
  private async relations(): Promise<RelationGraph> {
    const v = await this.version();
    if (this.relationGraph?.version === v) return this.relationGraph;
    this.loading ??= (async () => {
      try {
        // Read the version again after the load: a write in between means the load may mix two versions.
        for (;;) {
          const before = await this.version();
          const [concepts, rels] = await Promise.all([
            this.db.read(`MATCH (c:${CONCEPT}) RETURN c.id AS id ORDER BY id`),
            this.db.read(
              `MATCH (a:${CONCEPT})-[r:${RELATION_TYPES}]->(b:${CONCEPT}) RETURN a.id AS s, b.id AS t, type(r) AS type, ${relProps('r')} AS props`,
            ),
          ]);
          if ((await this.version()) !== before) continue;
          const records = rels.map((r) => {
            const attributes = decodeEdge(r.props as Props, r.type as string) as RelationAttributes;
            const s = r.s as string;
            const t = r.t as string;
            return { edge: keyOfEdge(attributes, s, t), source: s, target: t, attributes };
          });
          records.sort((x, y) => cmp(x.edge, y.edge));
          return (this.relationGraph = new RelationGraph(
            before,
            concepts.map((c) => c.id as string),
            records,
          ));
        }
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  // ---- typed node access: NotFoundError for a missing key or a node of another kind ----

  private async node<K extends NodeKind>(kind: K, key: string, what: string = kind): Promise<AttributesOf<K>> {
    const rows = await this.db.read(`MATCH (n:${NODE_LABEL[kind]} {id: $key}) RETURN ${nodeProps('n')} AS props`, {
      key,
    });
    if (!rows.length) throw new NotFoundError(what, key);
    return decodeNode<AttributesOf<K>>(rows[0]!.props as Props, kind);
  }

  private async nodes<K extends NodeKind>(kind: K, keys: readonly string[]): Promise<Map<string, AttributesOf<K>>> {
    if (!keys.length) return new Map();
    const rows = await this.db.read(
      `UNWIND $keys AS key MATCH (n:${NODE_LABEL[kind]} {id: key}) RETURN key, ${nodeProps('n')} AS props`,
      { keys: [...new Set(keys)] },
    );
    return new Map(rows.map((r) => [r.key as string, decodeNode<AttributesOf<K>>(r.props as Props, kind)]));
  }

  // ---- stats and export ----

  protected async computeStats(): Promise<StoreStats> {
    const counts: string[] = [
      ...Object.entries(NODE_LABEL).map(([k, l]) => `COUNT { (:${l}) } AS node_${k}`),
      ...Object.entries(EDGE_TYPE).map(([k, t]) => `COUNT { ()-[:${t}]->() } AS edge_${k}`),
      ...PREDICATES.map((p) => `COUNT { ()-[:${PREDICATE_TYPE[p]}]->() } AS pred_${p}`),
    ];
    const [row, categories, docs] = await Promise.all([
      this.db.read(`RETURN ${counts.join(', ')}`),
      this.db.read(`MATCH (c:${CONCEPT}) RETURN c.category AS category, count(*) AS n`),
      this.db.read(
        `MATCH (d:${DOCUMENT})
         CALL (d) { MATCH (c:${CLAIM} {document: d.id}) RETURN count(c) AS claims, count(CASE WHEN ${CITED('c')} THEN 1 END) AS cited }
         RETURN d.id AS id, d.title AS title, claims, cited`,
      ),
    ]);
    const r = row[0]!;
    const n = (k: string) => plain(r[k]) as number;
    const stats: StoreStats = {
      nodes: { document: 0, section: 0, claim: 0, source: 0, concept: 0 },
      edges: { cites: 0, mentions: 0, relation: 0, in_section: 0, section_of: 0, co_mention: 0, member_of: 0 },
      conceptsByCategory: {},
      relationsByPredicate: {},
      documents: [],
    };
    for (const k of Object.keys(stats.nodes) as (keyof StoreStats['nodes'])[]) stats.nodes[k] = n(`node_${k}`);
    for (const k of Object.keys(EDGE_TYPE) as (keyof typeof EDGE_TYPE)[]) stats.edges[k] = n(`edge_${k}`);
    const byCategory = new Map(categories.map((c) => [c.category as Category, plain(c.n) as number]));
    for (const c of CATEGORIES) if (byCategory.get(c)) stats.conceptsByCategory[c] = byCategory.get(c);
    for (const p of PREDICATES) {
      const count = n(`pred_${p}`);
      if (count > 0) stats.relationsByPredicate[p] = count;
      stats.edges.relation += count;
    }
    stats.documents = docs.map((d) => ({
      id: d.id as string,
      title: d.title as string,
      claims: plain(d.claims) as number,
      cited: plain(d.cited) as number,
    }));
    stats.documents.sort((a, b) => a.id.localeCompare(b.id));
    return stats;
  }

  /**
   * The graph, or the part of it that passes a filter, with the embedded store's rules: concepts by
   * category and document (the `limit` most mentioned), documents, sections and claims by document,
   * relations by predicate, evidence and hedging, every edge only between kept nodes, and sources only
   * when a kept claim cites them.
   */
  protected async exportFiltered(filter?: GraphFilter): Promise<GraphExport> {
    const whole = !filter || Object.values(filter).every((v) => v === undefined);
    const f = filter ?? {};
    const docs = f.documents ? f.documents.map(docKey) : null;
    const cats = f.categories ? f.categories.filter((c) => KNOWN_CATEGORIES.has(c)) : null;
    const labels = `n:${DOCUMENT} OR n:${SECTION} OR n:${CLAIM} OR n:${SOURCE} OR n:${CONCEPT}`;
    const [nodeRows, edgeRows] = await Promise.all([
      whole
        ? this.db.read(`MATCH (n) WHERE ${labels} RETURN n.id AS key, labels(n) AS labels, ${nodeProps('n')} AS props`)
        : this.db.read(
            `MATCH (n) WHERE ${labels}
             WITH n, CASE
               WHEN n:${CONCEPT} THEN ($cats IS NULL OR n.category IN $cats)
                 AND ($docs IS NULL OR any(d IN n.documents WHERE d IN $docs))
               WHEN n:${DOCUMENT} THEN $docs IS NULL OR n.id IN $docs
               WHEN n:${SECTION} OR n:${CLAIM} THEN $docs IS NULL OR n.document IN $docs
               ELSE true END AS keep
             WHERE keep
             RETURN n.id AS key, labels(n) AS labels, ${nodeProps('n')} AS props`,
            { docs, cats },
          ),
      this.db.read(`MATCH (a)-[r]->(b) RETURN a.id AS s, b.id AS t, type(r) AS type, ${relProps('r')} AS props`),
    ]);
    let nodes = nodeRows.map((r) => ({
      key: r.key as string,
      attributes: decodeNode(r.props as Props, kindOfLabels(r.labels as string[])),
    }));
    const edges = edgeRows.map((r) => {
      const props = r.props as Props;
      const attributes = decodeEdge(props, r.type as string);
      const s = r.s as string;
      const t = r.t as string;
      return {
        key: (props._key as string | undefined) ?? keyOfEdge(attributes, s, t),
        source: s,
        target: t,
        attributes,
      };
    });
    const options = GRAPH_OPTIONS;
    if (whole) return { attributes: {}, options, nodes, edges };

    if (f.limit !== undefined) {
      const concepts = nodes.filter((n) => n.attributes.kind === 'concept');
      if (concepts.length > f.limit) {
        const count = (a: NodeAttributes) => (a.kind === 'concept' ? a.mentionCount : 0);
        const kept = new Set(
          concepts
            .sort((x, y) => count(y.attributes) - count(x.attributes) || cmp(x.key, y.key))
            .slice(0, f.limit)
            .map((n) => n.key),
        );
        nodes = nodes.filter((n) => n.attributes.kind !== 'concept' || kept.has(n.key));
      }
    }
    const keep = new Set(nodes.map((n) => n.key));
    const preds = f.predicates ? new Set<Predicate>(f.predicates) : null;
    const keptEdges = edges.filter((e) => {
      if (!keep.has(e.source) || !keep.has(e.target)) return false;
      const a = e.attributes;
      // A membership has evidence and hedging like a relation, and no predicate: a predicate filter keeps it.
      if (a.kind !== 'relation' && a.kind !== 'member_of') return true;
      if (a.kind === 'relation' && preds && !preds.has(a.predicate)) return false;
      if (f.minEvidence !== undefined && a.evidence.length < f.minEvidence) return false;
      return f.hedged === undefined || a.hedged === f.hedged;
    });
    const cited = new Set(keptEdges.filter((e) => e.attributes.kind === 'cites').map((e) => e.target));
    nodes = nodes.filter((n) => n.attributes.kind !== 'source' || cited.has(n.key));
    return { attributes: {}, options, nodes, edges: keptEdges };
  }

  // ---- StoreReads ----

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const norm = normalizeText(query.q);
    if (!norm || query.limit <= 0) return [];
    const kinds = new Set(query.kinds?.length ? query.kinds : ['concept', 'claim', 'source']);
    const lucene = candidateQuery(norm);
    // Candidates from the terms index; a query without any token has no index to use and scans.
    const candidates = (label: string, index: string, ret: string) =>
      lucene === null
        ? this.db.read(`MATCH (n:${label}) RETURN ${ret}`)
        : this.db.read(`CALL db.index.fulltext.queryNodes('${index}', $lucene) YIELD node AS n RETURN ${ret}`, {
            lucene,
          });
    const id = norm.replace(/^(?:src:|problem[ _-]?|#)/, '');
    const [conceptRows, claimRows, sourceRows] = await Promise.all([
      kinds.has('concept')
        ? candidates(
            CONCEPT,
            FULLTEXT.conceptTerms,
            `n.id AS key, n {.label, .category, .labels, .aliases, .mentionCount, ._json} AS props`,
          )
        : [],
      kinds.has('claim')
        ? candidates(
            CLAIM,
            FULLTEXT.claimTerms,
            'n.id AS key, n.text AS text, n.normText AS normText, n.document AS document',
          )
        : [],
      kinds.has('source') && id && !/\s/.test(id)
        ? this.db.read(
            `MATCH (n:${SOURCE}) WHERE n.problemId STARTS WITH $id RETURN n.id AS key, n.problemId AS problemId, n.label AS label`,
            { id },
          )
        : [],
    ]);
    const concepts: SearchableConcept[] = conceptRows.map((r) => {
      const a = decodeAttributes<ConceptAttributes>(r.props as Props, 'concept');
      return {
        key: r.key as string,
        label: a.label,
        category: a.category,
        names: [a.label, ...Object.values(a.labels), ...a.aliases],
        popularity: a.mentionCount,
      };
    });
    const claims: SearchableClaim[] = claimRows.map((r) => ({
      key: r.key as string,
      text: r.text as string,
      normText: r.normText as string,
      document: r.document as string,
    }));
    const sources: SearchableSource[] = sourceRows.map((r) => ({
      key: r.key as string,
      problemId: r.problemId as string,
      label: r.label as string,
    }));
    return new SearchIndex({ concepts, claims, sources }).search(query);
  }

  async concept(key: string, mentions: { offset: number; limit: number }): Promise<ConceptDetail> {
    const [a, rels, members, total, page, graph] = await Promise.all([
      this.node('concept', key),
      this.db.read(
        `MATCH (c:${CONCEPT} {id: $key})-[r:${RELATION_TYPES}]-(o:${CONCEPT})
         RETURN type(r) AS type, startNode(r) = c AS out, o.id AS other, o.label AS label, o.category AS category,
                size(r.evidence) AS evidence, r.hedged AS hedged, r.negated AS negated, r.confidence AS confidence`,
        { key },
      ),
      this.db.read(
        `MATCH (c:${CONCEPT} {id: $key})-[r:${EDGE_TYPE.member_of}]-(o:${CONCEPT})
         RETURN startNode(r) = c AS out, o.id AS other, o.label AS label, o.category AS category,
                r.evidence AS evidence, r.cues AS cues, r.hedged AS hedged, r.negated AS negated, r.confidence AS confidence`,
        { key },
      ),
      this.db.read(`MATCH (:${CONCEPT} {id: $key})<-[:${EDGE_TYPE.mentions}]-(c:${CLAIM}) RETURN count(c) AS n`, {
        key,
      }),
      this.db.read(
        `MATCH (:${CONCEPT} {id: $key})<-[:${EDGE_TYPE.mentions}]-(c:${CLAIM})
         RETURN c.id AS key, ${nodeProps('c')} AS props ORDER BY ${READING_ORDER('c')} SKIP $offset LIMIT $limit`,
        { key, offset: int(mentions.offset), limit: int(mentions.limit) },
      ),
      this.relations(),
    ]);
    const relations: RelationSummary[] = rels.map((r) => {
      const predicate = PREDICATE_OF_TYPE.get(r.type as string)!;
      const out = r.out as boolean;
      const other = r.other as string;
      return {
        key: out ? `rel:${key}-${predicate}->${other}` : `rel:${other}-${predicate}->${key}`,
        predicate,
        direction: out ? 'out' : 'in',
        other: { key: other, label: r.label as string, category: r.category as Category },
        evidenceCount: plain(r.evidence) as number,
        hedged: r.hedged as boolean,
        negated: r.negated as boolean,
        confidence: plain(r.confidence) as number,
      };
    });
    relations.sort(
      (x, y) =>
        PREDICATE_ORDER.get(x.predicate)! - PREDICATE_ORDER.get(y.predicate)! ||
        (x.direction === y.direction ? 0 : x.direction === 'out' ? -1 : 1) ||
        y.evidenceCount - x.evidenceCount ||
        cmp(x.other.key, y.other.key) ||
        byKey(x, y),
    );
    const memberships: MembershipSummary[] = members.map((r) => {
      const out = r.out as boolean;
      const other = r.other as string;
      const evidence = r.evidence as string[];
      return {
        key: out ? edgeKey.memberOf(key, other) : edgeKey.memberOf(other, key),
        direction: out ? 'out' : 'in',
        other: { key: other, label: r.label as string, category: r.category as Category },
        evidence,
        cues: r.cues as string[],
        evidenceCount: evidence.length,
        hedged: r.hedged as boolean,
        negated: r.negated as boolean,
        confidence: plain(r.confidence) as number,
      };
    });
    memberships.sort(compareMemberships);
    return {
      concept: keyed(key, a),
      degree: relations.length,
      pagerank: graph.metrics.pagerank.get(key) ?? 0,
      relations,
      memberships,
      mentions: {
        total: plain(total[0]?.n) as number,
        claims: page.map((r) => keyed(r.key as string, decodeNode<ClaimAttributes>(r.props as Props, 'claim'))),
      },
    };
  }

  async neighborhood(key: string, depth: number, filter: NeighborhoodFilter): Promise<GraphExport> {
    const start = await this.node('concept', key);
    const types = relationTypes(filter.predicates);
    const cats = filter.categories?.length ? filter.categories : null;
    const docs = filter.documents?.length ? filter.documents.map(docKey) : null;
    // A relation's key is a function of its ends and type (model/types.ts edgeKey.relation).
    const relWhere = `($min IS NULL OR size(r.evidence) >= $min) AND ($hedged IS NULL OR r.hedged = $hedged)
      AND NOT 'rel:' + startNode(r).id + '-' + toLower(type(r)) + '->' + endNode(r).id IN $excluded`;
    const params = {
      min: filter.minEvidence ?? null,
      hedged: filter.hedged ?? null,
      cats,
      docs,
      excluded: [...(filter.excludeRelations ?? [])],
    };
    const limit = filter.limit ?? Infinity;
    const found = new Map<string, { mentionCount: number }>([[key, { mentionCount: start.mentionCount }]]);
    // One query per level: the level's nodes are then cut to the limit in the contract's priority order.
    const keys = types
      ? await this.walk(
          key,
          depth,
          limit,
          async (frontier, seen) => {
            const rows = await this.db.read(
              `UNWIND $frontier AS u MATCH (:${CONCEPT} {id: u})-[r:${types}]-(b:${CONCEPT})
             WHERE ${relWhere} AND NOT b.id IN $seen
               AND ($cats IS NULL OR b.category IN $cats) AND ($docs IS NULL OR any(d IN b.documents WHERE d IN $docs))
             RETURN DISTINCT b.id AS id, b.mentionCount AS mentionCount`,
              { ...params, frontier, seen },
            );
            for (const r of rows) found.set(r.id as string, { mentionCount: plain(r.mentionCount) as number });
            return rows.map((r) => r.id as string);
          },
          (x, y) => found.get(y)!.mentionCount - found.get(x)!.mentionCount || cmp(x, y),
        )
      : [key];
    const [props, edgeRows] = await Promise.all([
      this.nodes('concept', keys),
      types && keys.length > 1
        ? this.db.read(
            `UNWIND $keys AS u MATCH (a:${CONCEPT} {id: u})-[r:${types}]->(b:${CONCEPT})
             WHERE b.id IN $keys AND ${relWhere}
             RETURN a.id AS s, b.id AS t, type(r) AS type, ${relProps('r')} AS props`,
            { ...params, keys },
          )
        : [],
    ]);
    const rank = new Map(keys.map((k, i) => [k, i]));
    const edges = edgeRows
      .map((r) => {
        const attributes = decodeEdge(r.props as Props, r.type as string);
        const s = r.s as string;
        const t = r.t as string;
        return { key: keyOfEdge(attributes, s, t), source: s, target: t, attributes };
      })
      .sort((x, y) => rank.get(x.source)! - rank.get(y.source)! || cmp(x.target, y.target) || cmp(x.key, y.key));
    return {
      attributes: { name: `neighborhood of ${key}` },
      options: GRAPH_OPTIONS,
      nodes: keys.map((k) => ({ key: k, attributes: props.get(k)! })),
      edges,
    };
  }

  /** queries/neighborhood.ts's walk, one level per query. */
  private async walk(
    start: string,
    depth: number,
    limit: number,
    level: (frontier: string[], seen: string[]) => Promise<string[]>,
    compare: (a: string, b: string) => number,
  ): Promise<string[]> {
    const kept = [start];
    const seen = new Set(kept);
    let frontier = [start];
    for (let d = 0; d < depth && frontier.length && kept.length < limit; d++) {
      const next = (await level(frontier, [...seen])).sort(compare).slice(0, limit - kept.length);
      for (const v of next) {
        seen.add(v);
        kept.push(v);
      }
      frontier = next;
    }
    return kept;
  }

  async paths(query: PathQuery): Promise<ConceptPath[]> {
    await Promise.all([this.node('concept', query.from), this.node('concept', query.to)]);
    const graph = await this.relations();
    const preds = query.predicates?.length ? new Set<Predicate>(query.predicates) : null;
    const excluded = new Set(query.excludeRelations ?? []);
    const ok = (r: RelationRecord) => (!preds || preds.has(r.attributes.predicate)) && !excluded.has(r.edge);
    const cache = new Map<string, string[]>();
    const neighbors = (u: string) => {
      let list = cache.get(u);
      if (!list) {
        list = [...new Set((graph.byConcept.get(u) ?? []).filter(ok).map((r) => r.other))];
        cache.set(u, list);
      }
      return list;
    };
    const found = kShortestPaths({ neighbors }, query.from, query.to, query.k, query.maxLength);
    const hops = found.map((nodes) =>
      nodes.slice(1).map((to, i) => {
        const candidates = (graph.byConcept.get(nodes[i]!) ?? []).filter((r) => r.other === to && ok(r));
        candidates.sort(
          (x, y) =>
            y.attributes.evidence.length - x.attributes.evidence.length ||
            PREDICATE_ORDER.get(x.attributes.predicate)! - PREDICATE_ORDER.get(y.attributes.predicate)! ||
            cmp(x.edge, y.edge),
        );
        return candidates[0]!;
      }),
    );
    const conceptKeys = found.flat();
    const claimKeys = hops.flat().flatMap((r) => r.attributes.evidence);
    const [concepts, claims] = await Promise.all([
      this.nodes('concept', conceptKeys),
      this.claimsWithCitations(claimKeys),
    ]);
    return found.map((nodes, i) => ({
      nodes: nodes.map((k) => keyed(k, concepts.get(k)!)),
      hops: hops[i]!.map((r): PathHop => ({
        relation: r.edge,
        from: r.source,
        to: r.target,
        predicate: r.attributes.predicate,
        evidence: r.attributes.evidence
          .filter((c) => claims.has(c))
          .map((c) => ({ claim: keyed(c, claims.get(c)!.claim), sources: claims.get(c)!.sources })),
      })),
    }));
  }

  /** Claims with the problem ids each cites (in code-unit order). */
  private async claimsWithCitations(
    keys: string[],
  ): Promise<Map<string, { claim: ClaimAttributes; sources: string[] }>> {
    if (!keys.length) return new Map();
    const rows = await this.db.read(
      `UNWIND $keys AS key MATCH (c:${CLAIM} {id: key})
       RETURN key, ${nodeProps('c')} AS props, COLLECT { MATCH (c)-[:${EDGE_TYPE.cites}]->(s:${SOURCE}) RETURN s.problemId } AS sources`,
      { keys: [...new Set(keys)] },
    );
    return new Map(
      rows.map((r) => [
        r.key as string,
        {
          claim: decodeNode<ClaimAttributes>(r.props as Props, 'claim'),
          sources: (r.sources as string[]).slice().sort(cmp),
        },
      ]),
    );
  }

  async claims(filter: ClaimFilter): Promise<Page<Keyed<ClaimAttributes>>> {
    const doc = filter.document !== undefined ? docKey(filter.document) : undefined;
    await Promise.all([
      doc !== undefined ? this.node('document', doc) : null,
      filter.section !== undefined ? this.node('section', filter.section) : null,
      filter.concept !== undefined ? this.node('concept', filter.concept) : null,
    ]);
    // The most selective filter picks the index; the others are conditions. Only fixed text is spliced.
    const match =
      filter.concept !== undefined
        ? `MATCH (:${CONCEPT} {id: $concept})<-[:${EDGE_TYPE.mentions}]-(c:${CLAIM})`
        : filter.section !== undefined
          ? `MATCH (c:${CLAIM})-[:${EDGE_TYPE.in_section}]->(:${SECTION} {id: $section})`
          : doc !== undefined
            ? `MATCH (c:${CLAIM} {document: $doc})`
            : `MATCH (c:${CLAIM})`;
    const where = `WHERE ($doc IS NULL OR c.document = $doc) AND ($section IS NULL OR c.section = $section)
      AND ($cited IS NULL OR ${CITED('c')} = $cited) AND ($hedged IS NULL OR c.hedged = $hedged)`;
    const params = {
      concept: filter.concept ?? null,
      section: filter.section ?? null,
      doc: doc ?? null,
      cited: filter.cited ?? null,
      hedged: filter.hedged ?? null,
    };
    const [total, page] = await Promise.all([
      this.db.read(`${match} ${where} RETURN count(c) AS n`, params),
      filter.limit > 0
        ? this.db.read(
            `${match} ${where} RETURN c.id AS key, ${nodeProps('c')} AS props
             ORDER BY ${READING_ORDER('c')} SKIP $offset LIMIT $limit`,
            { ...params, offset: int(filter.offset), limit: int(filter.limit) },
          )
        : [],
    ]);
    return {
      total: plain(total[0]?.n) as number,
      offset: filter.offset,
      limit: filter.limit,
      items: page.map((r) => keyed(r.key as string, decodeNode<ClaimAttributes>(r.props as Props, 'claim'))),
    };
  }

  async claim(key: string): Promise<ClaimDetail> {
    const [rows, graph] = await Promise.all([
      this.db.read(
        `MATCH (c:${CLAIM} {id: $key})
         OPTIONAL MATCH (d:${DOCUMENT} {id: c.document})
         OPTIONAL MATCH (s:${SECTION} {id: c.section})
         RETURN ${nodeProps('c')} AS claim, ${nodeProps('d')} AS document, ${nodeProps('s')} AS section,
           COLLECT { MATCH (c)-[:${EDGE_TYPE.cites}]->(x:${SOURCE}) RETURN [x.id, ${nodeProps('x')}] } AS sources,
           COLLECT { MATCH (c)-[:${EDGE_TYPE.mentions}]->(x:${CONCEPT}) RETURN [x.id, ${nodeProps('x')}] } AS concepts`,
        { key },
      ),
      this.relations(),
    ]);
    if (!rows.length) throw new NotFoundError('claim', key);
    const r = rows[0]!;
    const a = decodeNode<ClaimAttributes>(r.claim as Props, 'claim');
    if (!r.document) throw new NotFoundError('document', a.document);
    if (!r.section) throw new NotFoundError('section', a.section);
    const pairs = <A extends NodeAttributes>(list: unknown, kind: A['kind']) =>
      (list as [string, Props][]).map(([k, p]) => keyed(k, decodeNode<A>(p, kind)));
    const sources = pairs<SourceAttributes>(r.sources, 'source').sort((x, y) => cmp(x.problemId, y.problemId));
    const concepts = pairs<ConceptAttributes>(r.concepts, 'concept').sort(byKey);
    const relations = (graph.byClaim.get(key) ?? []).map((e) => {
      const rel = graph.byKey.get(e)!;
      return { key: e, ...rel.attributes, source: rel.source, target: rel.target };
    });
    return {
      claim: keyed(key, a),
      document: keyed(a.document, decodeNode<DocumentAttributes>(r.document as Props, 'document')),
      section: keyed(a.section, decodeNode<SectionAttributes>(r.section as Props, 'section')),
      sources,
      concepts,
      relations,
    };
  }

  async source(problemId: string): Promise<SourceDetail> {
    const key = `src:${problemId}`;
    const [a, claimRows, coRows] = await Promise.all([
      this.node('source', key),
      this.db.read(
        `MATCH (:${SOURCE} {id: $key})<-[:${EDGE_TYPE.cites}]-(c:${CLAIM})
         RETURN c.id AS key, ${nodeProps('c')} AS props ORDER BY ${READING_ORDER('c')}`,
        { key },
      ),
      this.db.read(
        `MATCH (s:${SOURCE} {id: $key})<-[:${EDGE_TYPE.cites}]-(:${CLAIM})-[:${EDGE_TYPE.cites}]->(o:${SOURCE})
         WHERE o <> s AND o.problemId <> $problemId
         RETURN o.problemId AS problemId, count(*) AS count`,
        { key, problemId },
      ),
    ]);
    const coCited = coRows
      .map((r) => ({ problemId: r.problemId as string, count: plain(r.count) as number }))
      .sort((x, y) => y.count - x.count || cmp(x.problemId, y.problemId));
    return {
      source: keyed(key, a),
      claims: claimRows.map((r) => keyed(r.key as string, decodeNode<ClaimAttributes>(r.props as Props, 'claim'))),
      coCited,
    };
  }

  async documents(): Promise<DocumentSummary[]> {
    const rows = await this.db.read(
      `MATCH (d:${DOCUMENT})
       CALL (d) { MATCH (c:${CLAIM} {document: d.id}) RETURN count(c) AS claims, count(CASE WHEN ${CITED('c')} THEN 1 END) AS cited }
       RETURN d.id AS key, ${nodeProps('d')} AS props, claims, cited`,
    );
    return rows
      .map((r) => ({
        document: keyed(r.key as string, decodeNode<DocumentAttributes>(r.props as Props, 'document')),
        claims: plain(r.claims) as number,
        cited: plain(r.cited) as number,
      }))
      .sort((x, y) => byKey(x.document, y.document));
  }

  async document(id: string): Promise<DocumentDetail> {
    const key = docKey(id);
    const [a, sections, counts] = await Promise.all([
      this.node('document', key),
      this.db.read(`MATCH (s:${SECTION} {document: $key}) RETURN s.id AS key, ${nodeProps('s')} AS props`, { key }),
      this.db.read(
        `MATCH (c:${CLAIM} {document: $key})
         RETURN c.section AS section, count(c) AS claims, count(CASE WHEN ${CITED('c')} THEN 1 END) AS cited`,
        { key },
      ),
    ]);
    const bySection = new Map(
      counts.map((r) => [r.section as string, { claims: plain(r.claims) as number, cited: plain(r.cited) as number }]),
    );
    let claims = 0;
    let cited = 0;
    for (const c of bySection.values()) {
      claims += c.claims;
      cited += c.cited;
    }
    const list = sections
      .map((r) => {
        const k = r.key as string;
        const c = bySection.get(k) ?? { claims: 0, cited: 0 };
        return {
          ...keyed(k, decodeNode<SectionAttributes>(r.props as Props, 'section')),
          claims: c.claims,
          cited: c.cited,
        };
      })
      .sort((x, y) => x.order - y.order || byKey(x, y));
    return { document: keyed(key, a), claims, cited, sections: list };
  }
}
