/**
 * Schemas of what the API returns, mirroring the domain model and the store contract. They feed the
 * OpenAPI document (components) and the tests (every response body is checked against its route's
 * schema). The type assertions at the bottom fail to compile when a schema and its TypeScript type drift.
 */
import { z } from 'zod';
import { VERDICT_KINDS } from '../curation/types';
import type { CuratedRelationSummary } from '../curation/curation-service';
import { CATEGORIES, LANGS, PREDICATES } from '../model/types';
import type {
  ClaimAttributes,
  ConceptAttributes,
  DocumentAttributes,
  EdgeAttributes,
  NodeAttributes,
  RelationAttributes,
  SectionAttributes,
  SourceAttributes,
} from '../model/types';
import type { Keyed, MembershipSummary, SearchHit, SourceDetail, StoreStats } from '../store/graph-store';
import type {
  ClaimView,
  ConceptView,
  DocumentSummaryView,
  DocumentView,
  Health,
  PathView,
  PathsView,
} from '../services/explorer-service';
import type { ConceptSummary, GraphView, RelationView } from '../services/shapes';
import type { OverviewGraph } from '../services/overview-service';

/**
 * The named schemas of the API: the OpenAPI document's components. A registry of its own keeps them
 * apart from anything else that registers zod schemas.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const int = () => z.number().int();
const count = () => int().min(0);
const strings = () => z.array(z.string());

export const CategorySchema = z.enum(CATEGORIES).register(apiSchemas, { id: 'Category' });
export const PredicateSchema = z.enum(PREDICATES).register(apiSchemas, { id: 'Predicate' });
const Lang = z.enum(LANGS);

const GlossaryLink = z
  .object({
    text: z.string(),
    scheme: z.enum(['entry', 'article', 'keyword']),
    id: z.string(),
    start: int(),
    end: int(),
  })
  .register(apiSchemas, { id: 'GlossaryLink' });

const DocumentAttributesSchema = z.object({
  kind: z.literal('document'),
  path: z.string(),
  title: z.string(),
  lang: Lang,
  hash: z.string(),
  trail: strings(),
  claimCount: int(),
});
const SectionAttributesSchema = z.object({
  kind: z.literal('section'),
  document: z.string(),
  title: z.string(),
  level: int(),
  path: strings(),
  order: int(),
  line: int(),
  links: z.array(GlossaryLink),
});
const ClaimAttributesSchema = z.object({
  kind: z.literal('claim'),
  document: z.string(),
  section: z.string(),
  sectionPath: strings(),
  paragraph: int(),
  sentence: int(),
  text: z.string().meta({ description: 'The sentence as a reader sees it.' }),
  markup: z.string().meta({ description: 'The sentence as written, with its glossary links and markers.' }),
  normText: z.string(),
  lang: Lang,
  line: int(),
  column: int(),
  start: int(),
  end: int(),
  citations: strings().meta({ description: 'Problem ids cited by markers ending this sentence.' }),
  contextCitations: strings().meta({ description: 'Problem ids cited by the next sentence, which refers back.' }),
  links: z.array(GlossaryLink),
  hedged: z.boolean(),
});
const ProblemSchema = z
  .object({
    introduction: z.string().optional(),
    problem: z.string().optional(),
    solution: z.string().optional(),
    answer: z.string().optional(),
  })
  .register(apiSchemas, { id: 'Problem' });
const SourceAttributesSchema = z.object({
  kind: z.literal('source'),
  problemId: z.string(),
  label: z.string(),
  problem: ProblemSchema.optional(),
  origin: z.string().optional(),
});
const ConceptAttributesSchema = z.object({
  kind: z.literal('concept'),
  category: CategorySchema,
  label: z.string(),
  labels: z.object({ zh: z.string().optional(), en: z.string().optional() }),
  aliases: strings(),
  entryIds: strings(),
  xrefs: strings(),
  origin: z.enum(['vocabulary', 'glossary', 'defined', 'rule']),
  documents: strings(),
  mentionCount: int(),
});

const keyedSchema = <T extends z.ZodRawShape>(s: z.ZodObject<T>, id: string) =>
  s.extend({ key: z.string() }).register(apiSchemas, { id });

export const DocumentSchema = keyedSchema(DocumentAttributesSchema, 'Document');
export const SectionSchema = keyedSchema(SectionAttributesSchema, 'Section');
export const ClaimSchema = keyedSchema(ClaimAttributesSchema, 'Claim');
export const SourceSchema = keyedSchema(SourceAttributesSchema, 'Source');
export const ConceptSchema = keyedSchema(ConceptAttributesSchema, 'Concept');

const ConceptSummaryAttributesSchema = ConceptAttributesSchema.omit({ documents: true }).extend({
  documentCount: count().meta({
    description: 'Documents that mention the concept (GET /api/concepts/{id} lists them).',
  }),
});
export const ConceptSummarySchema = ConceptSummaryAttributesSchema.extend({ key: z.string() }).register(apiSchemas, {
  id: 'ConceptSummary',
  description: 'A concept as nested in other answers: its document count instead of its document list.',
});

const NodeAttributesSchema = z
  .discriminatedUnion('kind', [
    DocumentAttributesSchema,
    SectionAttributesSchema,
    ClaimAttributesSchema,
    SourceAttributesSchema,
    ConceptAttributesSchema,
  ])
  .register(apiSchemas, { id: 'NodeAttributes' });

const RelationAttributesSchema = z
  .object({
    kind: z.literal('relation'),
    predicate: PredicateSchema,
    evidence: strings().meta({ description: 'Keys of the claims that assert the relation.' }),
    cues: strings(),
    confidence: z.number(),
    hedged: z.boolean(),
    negated: z.boolean(),
  })
  .register(apiSchemas, { id: 'RelationAttributes' });
const CoMentionAttributesSchema = z.object({ kind: z.literal('co_mention'), weight: z.number(), evidence: strings() });
const MemberOfAttributesSchema = z
  .object({
    kind: z.literal('member_of'),
    evidence: strings().meta({ description: 'Keys of the claims that name the member with its class.' }),
    cues: strings(),
    confidence: z.number(),
    hedged: z.boolean(),
    negated: z.boolean(),
  })
  .register(apiSchemas, {
    id: 'MemberOfAttributes',
    description:
      'A member → its class, named in passing (`SSRIs such as fluoxetine block SERT`): not a relation, but kept with its evidence.',
  });
const EdgeAttributesSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('cites'), scope: z.enum(['sentence', 'context']), line: int(), column: int() }),
    z.object({
      kind: z.literal('mentions'),
      surface: z.string(),
      start: int(),
      end: int(),
      via: z.enum(['vocabulary', 'glossary', 'defined', 'rule', 'pronoun']),
    }),
    RelationAttributesSchema,
    z.object({ kind: z.literal('in_section') }),
    z.object({ kind: z.literal('section_of') }),
    CoMentionAttributesSchema,
    MemberOfAttributesSchema,
  ])
  .register(apiSchemas, { id: 'EdgeAttributes' });

/** A reviewer's verdict on a relation, as the graph routes mark it. */
const CurationMarkSchema = z.enum(VERDICT_KINDS).register(apiSchemas, {
  id: 'CurationMark',
  description:
    "A reviewer's verdict on the relation: `rejected` ones are left out unless `showRejected=true`; `added` ones were added by a reviewer.",
});
const curation = () => CurationMarkSchema.optional();

const evidenceCount = () =>
  count().meta({ description: 'All evidence sentences; `evidence` lists the first few of them.' });
const RelationEdgeSchema = RelationAttributesSchema.extend({ evidenceCount: evidenceCount(), curation: curation() });
const CoMentionEdgeSchema = CoMentionAttributesSchema.extend({ evidenceCount: evidenceCount() });
const MemberOfEdgeSchema = MemberOfAttributesSchema.extend({ evidenceCount: evidenceCount() });
const GraphRelationSchema = RelationAttributesSchema.omit({ evidence: true, cues: true }).extend({
  evidenceCount: count().meta({
    description: 'Evidence sentences asserting the relation (GET /api/relations/{id} lists their keys).',
  }),
  curation: curation(),
});

const GraphOptionsSchema = z.object({
  type: z.enum(['directed', 'undirected', 'mixed']).optional(),
  multi: z.boolean().optional(),
  allowSelfLoops: z.boolean().optional(),
});

export const GraphExportSchema = z
  .object({
    attributes: z.object({ name: z.string().optional() }),
    options: GraphOptionsSchema,
    nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributesSchema.optional() })),
    edges: z.array(
      z.object({
        key: z.string().optional(),
        source: z.string(),
        target: z.string(),
        attributes: EdgeAttributesSchema.optional(),
        undirected: z.boolean().optional(),
      }),
    ),
  })
  .register(apiSchemas, {
    id: 'GraphExport',
    description: "graphology's serialised graph: `Graph.from(json)` rebuilds it in a client.",
  });

const GraphViewAttributesSchema = z.object({
  name: z.string().optional(),
  edgeCount: count().meta({ description: 'Relations between the concepts shown, before the edge limit.' }),
});

export const GraphViewSchema = z
  .object({
    attributes: GraphViewAttributesSchema,
    options: GraphOptionsSchema,
    nodes: z.array(z.object({ key: z.string(), attributes: ConceptSummaryAttributesSchema.optional() })),
    edges: z.array(
      z.object({
        key: z.string().optional(),
        source: z.string(),
        target: z.string(),
        attributes: GraphRelationSchema.optional(),
        undirected: z.boolean().optional(),
      }),
    ),
  })
  .register(apiSchemas, {
    id: 'GraphView',
    description:
      "graphology's serialised graph of concepts and relations: `Graph.from(json)` rebuilds it in a client. Relations carry the number of their evidence sentences; GET /api/relations/{id} gives the sentences' keys.",
  });

const Hints = { size: z.number(), color: z.string() };
export const OverviewGraphSchema = z
  .object({
    attributes: GraphViewAttributesSchema,
    options: GraphOptionsSchema,
    nodes: z.array(
      z.object({
        key: z.string(),
        attributes: ConceptSummaryAttributesSchema.extend({ ...Hints, x: z.number(), y: z.number() }).optional(),
      }),
    ),
    edges: z.array(
      z.object({
        key: z.string().optional(),
        source: z.string(),
        target: z.string(),
        attributes: z
          .discriminatedUnion('kind', [
            RelationEdgeSchema.extend(Hints),
            CoMentionEdgeSchema.extend(Hints),
            MemberOfEdgeSchema.extend(Hints),
          ])
          .optional(),
        undirected: z.boolean().optional(),
      }),
    ),
  })
  .register(apiSchemas, {
    id: 'OverviewGraph',
    description: 'Concepts and the edges between them, with size, colour and starting-position hints for sigma.js.',
  });

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    store: z.enum(['embedded', 'neo4j']),
    writable: z.boolean().meta({ description: 'Whether the server takes writes (curation, views).' }),
    detail: z.string().optional().meta({ description: 'Why it does not, when it does not.' }),
  })
  .register(apiSchemas, { id: 'Health' });

export const StatsSchema = z
  .object({
    nodes: z.object({ document: count(), section: count(), claim: count(), source: count(), concept: count() }),
    edges: z.object({
      cites: count(),
      mentions: count(),
      relation: count(),
      in_section: count(),
      section_of: count(),
      co_mention: count(),
      member_of: count(),
    }),
    conceptsByCategory: z.partialRecord(CategorySchema, count()),
    relationsByPredicate: z.partialRecord(PredicateSchema, count()),
    documents: z.array(z.object({ id: z.string(), title: z.string(), claims: count(), cited: count() })),
  })
  .register(apiSchemas, { id: 'Stats' });

export const SearchHitSchema = z
  .object({
    key: z.string(),
    kind: z.enum(['concept', 'claim', 'source']),
    label: z.string(),
    detail: z.string().optional().meta({ description: 'The category (concepts) or document (claims).' }),
    score: z.number(),
  })
  .register(apiSchemas, { id: 'SearchHit' });
export const SearchResultSchema = z
  .object({ q: z.string(), hits: z.array(SearchHitSchema) })
  .register(apiSchemas, { id: 'SearchResult' });

const RelationSummarySchema = z
  .object({
    key: z.string(),
    predicate: PredicateSchema,
    direction: z.enum(['out', 'in']),
    other: z.object({ key: z.string(), label: z.string(), category: CategorySchema }),
    evidenceCount: count(),
    hedged: z.boolean(),
    negated: z.boolean(),
    confidence: z.number(),
    curation: curation(),
  })
  .register(apiSchemas, { id: 'RelationSummary' });

const MembershipSummarySchema = z
  .object({
    key: z.string().meta({ description: 'The membership edge: `member:<member>-><class>`.' }),
    direction: z
      .enum(['out', 'in'])
      .meta({ description: '`out`: the concept is a kind of `other`; `in`: `other` is an example of the concept.' }),
    other: z.object({ key: z.string(), label: z.string(), category: CategorySchema }),
    evidence: strings().meta({ description: 'Keys of every claim that names the membership.' }),
    cues: strings(),
    evidenceCount: count(),
    hedged: z.boolean(),
    negated: z.boolean(),
    confidence: z.number(),
  })
  .register(apiSchemas, { id: 'MembershipSummary' });

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: count(), offset: count(), limit: count(), items: z.array(item) });

export const ClaimPageSchema = pageOf(ClaimSchema).register(apiSchemas, { id: 'ClaimPage' });

export const ConceptViewSchema = z
  .object({
    concept: ConceptSchema,
    degree: count(),
    pagerank: z.number(),
    relations: z.array(
      z.object({
        predicate: PredicateSchema,
        count: count(),
        evidenceCount: count(),
        relations: z.array(RelationSummarySchema),
      }),
    ),
    memberships: z.array(MembershipSummarySchema).meta({
      description:
        'Class memberships named in passing, not relations: the concept’s classes (`out`) before its examples (`in`).',
    }),
    mentions: ClaimPageSchema,
  })
  .register(apiSchemas, { id: 'ConceptView' });

const PathHopSchema = z.object({
  relation: z.string(),
  from: z.string().meta({ description: 'The relation’s subject (hops keep the real direction).' }),
  to: z.string(),
  predicate: PredicateSchema,
  evidence: z.array(z.object({ claim: ClaimSchema, sources: strings().meta({ description: 'Problem ids.' }) })),
  evidenceCount: evidenceCount(),
  curation: curation(),
});
const PathSchema = z.object({ nodes: z.array(ConceptSummarySchema), hops: z.array(PathHopSchema) });
export const PathsSchema = z
  .object({ from: z.string(), to: z.string(), paths: z.array(PathSchema) })
  .register(apiSchemas, { id: 'Paths' });

const RelationWithEndsSchema = RelationAttributesSchema.extend({
  key: z.string(),
  source: z.string(),
  target: z.string(),
});
export const RelationViewSchema = RelationWithEndsSchema.extend({
  evidenceCount: count(),
  curation: curation(),
}).register(apiSchemas, {
  id: 'RelationView',
  description:
    'A relation whole: its ends, every evidence claim key (in the order the store keeps them) with the cue that fired, and a reviewer’s verdict when it has one.',
});

export const ClaimDetailSchema = z
  .object({
    claim: ClaimSchema,
    document: DocumentSchema,
    section: SectionSchema,
    sources: z.array(SourceSchema),
    concepts: z.array(ConceptSummarySchema),
    relations: z.array(RelationWithEndsSchema),
  })
  .register(apiSchemas, { id: 'ClaimDetail' });

export const SourceDetailSchema = z
  .object({
    source: SourceSchema,
    claims: z.array(ClaimSchema),
    coCited: z.array(z.object({ problemId: z.string(), count: count() })),
  })
  .register(apiSchemas, { id: 'SourceDetail' });

const DocumentSummarySchema = z
  .object({
    document: DocumentSchema,
    claims: count(),
    cited: count(),
    coverage: z.number().min(0).max(1).meta({ description: 'Share of claims that cite a source.' }),
  })
  .register(apiSchemas, { id: 'DocumentSummary' });
export const DocumentListSchema = z
  .object({ documents: z.array(DocumentSummarySchema) })
  .register(apiSchemas, { id: 'DocumentList' });
export const DocumentViewSchema = DocumentSummarySchema.extend({
  sections: z.array(SectionSchema.extend({ claims: count(), cited: count(), coverage: z.number().min(0).max(1) })),
}).register(apiSchemas, { id: 'DocumentView' });

export const ProblemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: int(),
    detail: z.string(),
    instance: z.string().optional(),
    'invalid-params': z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .register(apiSchemas, { id: 'ProblemDetails', description: 'RFC 9457 problem details.' });

// ---- compile-time checks: each schema's type and the TypeScript type it mirrors accept each other ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type SchemaChecks = [
  Check<Same<z.infer<typeof DocumentSchema>, Keyed<DocumentAttributes>>>,
  Check<Same<z.infer<typeof SectionSchema>, Keyed<SectionAttributes>>>,
  Check<Same<z.infer<typeof ClaimSchema>, Keyed<ClaimAttributes>>>,
  Check<Same<z.infer<typeof SourceSchema>, Keyed<SourceAttributes>>>,
  Check<Same<z.infer<typeof ConceptSchema>, Keyed<ConceptAttributes>>>,
  Check<Same<z.infer<typeof NodeAttributesSchema>, NodeAttributes>>,
  Check<Same<z.infer<typeof EdgeAttributesSchema>, EdgeAttributes>>,
  Check<Same<z.infer<typeof RelationAttributesSchema>, RelationAttributes>>,
  Check<Same<z.infer<typeof StatsSchema>, StoreStats>>,
  Check<Same<z.infer<typeof SearchHitSchema>, SearchHit>>,
  Check<Same<z.infer<typeof RelationSummarySchema>, CuratedRelationSummary>>,
  Check<Same<z.infer<typeof MembershipSummarySchema>, MembershipSummary>>,
  Check<Same<z.infer<typeof ConceptSummarySchema>, Keyed<ConceptSummary>>>,
  Check<Same<z.infer<typeof PathSchema>, PathView>>,
  Check<Same<z.infer<typeof ClaimDetailSchema>, ClaimView>>,
  Check<Same<z.infer<typeof GraphViewSchema>, GraphView>>,
  Check<Same<z.infer<typeof RelationViewSchema>, RelationView>>,
  Check<Same<z.infer<typeof SourceDetailSchema>, SourceDetail>>,
  Check<Same<z.infer<typeof HealthSchema>, Health>>,
  Check<Same<z.infer<typeof ConceptViewSchema>, ConceptView>>,
  Check<Same<z.infer<typeof PathsSchema>, PathsView>>,
  Check<Same<z.infer<typeof DocumentSummarySchema>, DocumentSummaryView>>,
  Check<Same<z.infer<typeof DocumentViewSchema>, DocumentView>>,
  Check<Same<z.infer<typeof OverviewGraphSchema>, OverviewGraph>>,
];
