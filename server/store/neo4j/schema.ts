/**
 * The Neo4j schema: which label each node kind gets, which relationship type each edge kind and each
 * predicate gets, the bookkeeping labels the store adds, and the constraints and indexes it creates.
 * Labels and relationship types reach Cypher only from the tables here (never from input), so every
 * query can splice them in and keep its values as parameters.
 */
import type { Driver } from 'neo4j-driver';
import { CATEGORIES, PREDICATES, type Category, type EdgeKind, type NodeKind, type Predicate } from '../../model/types';

/** A label or type is spliced into Cypher unquoted: refuse anything that is not a plain identifier. */
function identifier(name: string): string {
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) throw new Error(`neo4j schema: "${name}" is not a safe label or type name`);
  return name;
}

export const NODE_LABEL: Readonly<Record<NodeKind, string>> = {
  document: identifier('Document'),
  section: identifier('Section'),
  claim: identifier('Claim'),
  source: identifier('Source'),
  concept: identifier('Concept'),
};

/**
 * A concept's category is its second label (`:Concept:Intervention`). The category `Concept` is the node
 * label itself, so those concepts carry that one label only.
 */
export const CATEGORY_LABEL: Readonly<Record<Category, string | null>> = Object.fromEntries(
  CATEGORIES.map((c) => [c, c === 'Concept' ? null : identifier(c)]),
) as Record<Category, string | null>;

/** Relationship types of the edge kinds that are not typed by a predicate. */
export const EDGE_TYPE: Readonly<Record<Exclude<EdgeKind, 'relation'>, string>> = {
  cites: identifier('CITES'),
  mentions: identifier('MENTIONS'),
  in_section: identifier('IN_SECTION'),
  section_of: identifier('SECTION_OF'),
  co_mention: identifier('CO_MENTION'),
  member_of: identifier('MEMBER_OF'),
};

/** One relationship type per predicate: `treats` → `:TREATS`. */
export const PREDICATE_TYPE: Readonly<Record<Predicate, string>> = Object.fromEntries(
  PREDICATES.map((p) => [p, identifier(p.toUpperCase())]),
) as Record<Predicate, string>;

export const PREDICATE_OF_TYPE: ReadonlyMap<string, Predicate> = new Map(PREDICATES.map((p) => [PREDICATE_TYPE[p], p]));

/** `TREATS|PREVENTS|…`: every predicate relationship, for patterns such as `-[r:${RELATION_TYPES}]-`. */
export const RELATION_TYPES = PREDICATES.map((p) => PREDICATE_TYPE[p]).join('|');

/** Every category label, for `REMOVE n:${CATEGORY_LABELS}` before the current one is set. */
export const CATEGORY_LABELS = CATEGORIES.map((c) => CATEGORY_LABEL[c])
  .filter((l): l is string => l !== null)
  .join(':');

/**
 * Bookkeeping, not part of the exported graph. `Contribution`: what one chapter brought (its hash, its
 * position in ingest order, its own nodes, and its version of every shared node and edge) so that a
 * changed or removed chapter can be taken out of the merged nodes exactly. `KnownProblem`: problem texts
 * from appendices, kept even while no claim cites them (the embedded store does the same). `IngestMeta`:
 * one node holding the data version and the next ingest-order number; every write locks it.
 */
export const CONTRIBUTION = identifier('Contribution');
export const KNOWN_PROBLEM = identifier('KnownProblem');
export const INGEST_META = identifier('IngestMeta');
export const META_ID = 'meta';

/** Property names the store adds to nodes and relationships beside the export contract's attributes. */
export const INTERNAL = {
  /** Attribute names whose values are stored JSON-encoded (nested objects and mixed lists). */
  json: '_json',
  /** Documents (ids) whose fragments hold this source. */
  docs: '_docs',
  /** The tokens the search ranking uses (neo4j/search-terms.ts), for the whitespace full-text index. */
  terms: '_terms',
} as const;

export const FULLTEXT = {
  conceptNamesZh: 'concept_names_zh',
  conceptNamesEn: 'concept_names_en',
  claimText: 'claim_text',
  conceptTerms: 'concept_terms',
  claimTerms: 'claim_terms',
} as const;

/**
 * Full-text indexes are eventually consistent: Lucene takes a committed transaction's updates on a thread
 * of its own instead of inside the commit (on two cores the other one is often idle then). A write is only
 * done when its updates are searchable: Neo4jStore.apply ends with AWAIT_FULLTEXT.
 */
const fulltextOptions = (analyzer: string) =>
  `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${analyzer}', \`fulltext.eventually_consistent\`: true}}`;

/** Waits until every committed update is in the (eventually consistent) full-text indexes. */
export const AWAIT_FULLTEXT = 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()';

/** Every statement is idempotent (`IF NOT EXISTS`), so opening a store runs them all, every time. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  ...Object.values(NODE_LABEL).map(
    (l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`,
  ),
  `CREATE CONSTRAINT contribution_document IF NOT EXISTS FOR (n:${CONTRIBUTION}) REQUIRE n.document IS UNIQUE`,
  `CREATE CONSTRAINT known_problem_id IF NOT EXISTS FOR (n:${KNOWN_PROBLEM}) REQUIRE n.problemId IS UNIQUE`,
  `CREATE CONSTRAINT ingest_meta_id IF NOT EXISTS FOR (n:${INGEST_META}) REQUIRE n.id IS UNIQUE`,
  // A concept lists the documents (keys) that hold it; merging it again reads those chapters' versions.
  `CREATE INDEX contribution_doc_key IF NOT EXISTS FOR (n:${CONTRIBUTION}) ON (n.docKey)`,
  `CREATE INDEX claim_document IF NOT EXISTS FOR (n:${NODE_LABEL.claim}) ON (n.document)`,
  `CREATE INDEX section_document IF NOT EXISTS FOR (n:${NODE_LABEL.section}) ON (n.document)`,
  `CREATE INDEX source_problem IF NOT EXISTS FOR (n:${NODE_LABEL.source}) ON (n.problemId)`,
  // For people querying the graph themselves (Browser, Bloom): Chinese names and sentences through the
  // cjk analyzer (bigrams), English names through the standard one. The property order differs between
  // the two name indexes because Neo4j treats two full-text indexes over the same list as the same index.
  `CREATE FULLTEXT INDEX ${FULLTEXT.conceptNamesZh} IF NOT EXISTS FOR (n:${NODE_LABEL.concept}) ON EACH [n.label, n.aliases] ${fulltextOptions('cjk')}`,
  `CREATE FULLTEXT INDEX ${FULLTEXT.conceptNamesEn} IF NOT EXISTS FOR (n:${NODE_LABEL.concept}) ON EACH [n.aliases, n.label] ${fulltextOptions('standard')}`,
  `CREATE FULLTEXT INDEX ${FULLTEXT.claimText} IF NOT EXISTS FOR (n:${NODE_LABEL.claim}) ON EACH [n.text] ${fulltextOptions('cjk')}`,
  // For the store's own search: our tokens (see neo4j/search.ts) through the whitespace analyzer, so that
  // the index and the ranking in queries/search-index.ts agree on what a word is.
  `CREATE FULLTEXT INDEX ${FULLTEXT.conceptTerms} IF NOT EXISTS FOR (n:${NODE_LABEL.concept}) ON EACH [n.${INTERNAL.terms}] ${fulltextOptions('whitespace')}`,
  `CREATE FULLTEXT INDEX ${FULLTEXT.claimTerms} IF NOT EXISTS FOR (n:${NODE_LABEL.claim}) ON EACH [n.${INTERNAL.terms}] ${fulltextOptions('whitespace')}`,
];

/** Creates what is missing, makes sure the bookkeeping node exists, and waits until every index is online. */
export async function ensureSchema(driver: Driver, database: string): Promise<void> {
  // Schema statements cannot share a transaction with writes, so each runs on its own.
  for (const statement of SCHEMA_STATEMENTS) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery(
    `MERGE (m:${INGEST_META} {id: $id}) ON CREATE SET m.version = 0, m.nextSeq = 0`,
    { id: META_ID },
    { database },
  );
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}
