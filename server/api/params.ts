/**
 * Request parameters: one zod schema per route for its path and one for its query string. They validate
 * every request at the boundary (with the limits of `services/limits.ts`) and generate the parameters of
 * the OpenAPI document, so what is documented is what is enforced. Query objects are strict: an unknown
 * parameter is a 400, not silently ignored.
 *
 * Query values arrive as strings. Lists are comma-separated (`kinds=concept,claim`; a repeated
 * parameter is joined the same way); numbers are decimal digits only; booleans `true` or `false`.
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/formats';
import { CATEGORIES, PREDICATES } from '../model/types';
import { OVERVIEW_EDGE_KINDS } from '../services/overview-service';
import { DEFAULTS, LIMITS } from '../services/limits';

function int(opts: { min: number; max: number; description: string }) {
  return z
    .string()
    .regex(/^\d{1,15}$/, { error: 'expected a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(opts.min).max(opts.max))
    .meta({ description: opts.description });
}

function intWithDefault(opts: { min: number; max: number; default: number; description: string }) {
  return int(opts).default(opts.default).meta({ description: opts.description });
}

/** A comma-separated query value as its non-empty, trimmed items. */
const commaItems = () =>
  z.string().transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
  );

function list<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return commaItems()
    .pipe(z.array(z.enum(values)).min(1).max(LIMITS.listItems))
    .meta({ description });
}

function idList(description: string) {
  return commaItems()
    .pipe(z.array(z.string().max(LIMITS.idLength)).min(1).max(LIMITS.listItems))
    .meta({ description });
}

const bool = (description: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .pipe(z.boolean())
    .meta({ description });

/** Shared by every route that answers with relations: reviewers' rejected ones stay out unless asked for. */
const showRejected = (
  description = 'Keep relations a reviewer rejected, marked `curation: rejected` (default: left out). Confirmed and added relations are always shown, marked.',
) => bool(description).default(false).meta({ description });

const id = (description: string) => z.string().min(1).max(LIMITS.idLength).meta({ description });

const categories = () => list(CATEGORIES, 'Concept categories to keep, comma-separated.');
const predicates = () => list(PREDICATES, 'Relation predicates to keep, comma-separated.');

const offset = () => intWithDefault({ min: 0, max: 1e12, default: 0, description: 'Items to skip.' });
const pageLimit = (d: number, what: string) =>
  intWithDefault({
    min: 1,
    max: LIMITS.pageSize,
    default: d,
    description: `${what} per page (at most ${LIMITS.pageSize}).`,
  });

export const NoParams = z.strictObject({});

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .max(LIMITS.queryLength)
    .refine((s) => s.trim().length > 0, { error: 'must not be empty' })
    .meta({
      description: `Text to look for (at most ${LIMITS.queryLength} characters): concept names and aliases in Chinese (simplified or traditional) or English, claim text, problem ids.`,
      examples: ['ketamine', '氯胺酮', 'predictive coding'],
    }),
  kinds: list(['concept', 'claim', 'source'] as const, 'Kinds of result, comma-separated (default: all).').optional(),
  categories: categories().optional(),
  limit: intWithDefault({
    min: 1,
    max: LIMITS.pageSize,
    default: DEFAULTS.searchLimit,
    description: `Hits to return (at most ${LIMITS.pageSize}).`,
  }),
});

export const ConceptPath = z.strictObject({
  id: id('A concept key, with or without the `concept:` prefix (`concept:entry:163225`, `entry:163225`).'),
});

export const ConceptQuery = z.strictObject({
  offset: offset(),
  limit: pageLimit(DEFAULTS.mentionsPageSize, 'Mentioning claims'),
  relations: intWithDefault({
    min: 1,
    max: LIMITS.listed,
    default: DEFAULTS.relationsPerPredicate,
    description: `Relations listed per predicate (at most ${LIMITS.listed}); each group's \`count\` gives them all.`,
  }),
  showRejected: showRejected(),
});

export const NeighborhoodQuery = z.strictObject({
  depth: intWithDefault({
    min: 1,
    max: LIMITS.depth,
    default: DEFAULTS.depth,
    description: `Relation steps from the concept (at most ${LIMITS.depth}).`,
  }),
  predicates: predicates().optional(),
  categories: categories().optional(),
  limit: intWithDefault({
    min: 1,
    max: LIMITS.graphNodes,
    default: DEFAULTS.neighborhoodNodes,
    description: `Concepts to return, nearest first (at most ${LIMITS.graphNodes}).`,
  }),
  edgeLimit: intWithDefault({
    min: 1,
    max: LIMITS.graphEdges,
    default: DEFAULTS.neighborhoodEdges,
    description: `Relations to return, most evidence first (at most ${LIMITS.graphEdges}); the graph's \`edgeCount\` gives them all.`,
  }),
  showRejected: showRejected(),
});

export const PathsQuery = z.strictObject({
  from: id('The first concept (key, with or without `concept:`).'),
  to: id('The last concept (key, with or without `concept:`).'),
  k: intWithDefault({
    min: 1,
    max: LIMITS.k,
    default: DEFAULTS.k,
    description: `Paths to return (at most ${LIMITS.k}).`,
  }),
  maxLength: intWithDefault({
    min: 1,
    max: LIMITS.pathLength,
    default: DEFAULTS.pathLength,
    description: `Relations in one path (at most ${LIMITS.pathLength}).`,
  }),
  predicates: predicates().optional(),
  evidence: intWithDefault({
    min: 1,
    max: LIMITS.listed,
    default: DEFAULTS.evidencePerHop,
    description: `Evidence sentences listed per hop (at most ${LIMITS.listed}); each hop's \`evidenceCount\` gives them all.`,
  }),
  showRejected: showRejected(
    'Let paths step along relations a reviewer rejected, marked `curation: rejected` (default: they do not).',
  ),
});

export const ClaimsQuery = z.strictObject({
  document: id('Only claims of this document (`doc:` prefix optional).').optional(),
  section: id('Only claims directly under this section (`sec:` prefix optional).').optional(),
  cited: bool(
    '`true`: claims with a citation marker of their own; `false`: claims without one (unsupported, or supported only by the next sentence’s marker: see `contextCitations`).',
  ).optional(),
  hedged: bool('Only hedged (`true`) or unhedged (`false`) claims.').optional(),
  concept: id('Only claims that mention this concept (`concept:` prefix optional).').optional(),
  offset: offset(),
  limit: pageLimit(DEFAULTS.pageSize, 'Claims'),
});

export const RelationPath = z.strictObject({
  id: id(
    'A relation key `rel:<subject>-<predicate>-><object>`, as graph edges and concept views give it. Percent-encode it (`>` as `%3E`).',
  ),
});

export const RelationQuery = z.strictObject({});

export const ClaimPath = z.strictObject({
  id: id(
    'A claim key `claim:<document>#<n>` (prefix optional). Percent-encode it: `#` as `%23`, and `/` in document ids as `%2F` (a literal `/` is accepted too).',
  ),
});

export const SourcePath = z.strictObject({
  problemId: id('A problem id (`src:` prefix optional).'),
});

export const DocumentPath = z.strictObject({
  id: id(
    'A document id (`doc:` prefix optional). Document ids may contain `/`: percent-encode it as `%2F` or write it as is.',
  ),
});

const graphFilters = {
  categories: categories().optional(),
  documents: idList('Only concepts mentioned in these documents, comma-separated ids.').optional(),
  predicates: predicates().optional(),
  minEvidence: int({
    min: 1,
    max: 1e9,
    description: 'Only relations asserted by at least this many claims.',
  }).optional(),
  showRejected: showRejected(),
};

export const GraphQuery = z.strictObject({
  ...graphFilters,
  limit: intWithDefault({
    min: 1,
    max: LIMITS.graphNodes,
    default: DEFAULTS.overviewNodes,
    description: `Concepts to draw, most mentioned first (at most ${LIMITS.graphNodes}).`,
  }),
  edgeLimit: intWithDefault({
    min: 1,
    max: LIMITS.graphEdges,
    default: DEFAULTS.overviewEdges,
    description: `Edges to draw, best attested first (at most ${LIMITS.graphEdges}); the graph's \`edgeCount\` gives them all.`,
  }),
  edges: list(
    OVERVIEW_EDGE_KINDS,
    'Edge kinds to draw, comma-separated (default: relation): `co_mention`, `member_of` (class memberships named in passing).',
  )
    .default(['relation'])
    .meta({
      description:
        'Edge kinds to draw, comma-separated (default: relation): `co_mention`, `member_of` (class memberships named in passing).',
    }),
});

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).meta({ description: 'The file format.' }),
  part: z
    .enum(['nodes', 'edges'])
    .optional()
    .meta({ description: 'Which file of a two-file format (kgx, csv); required for those, refused for the others.' }),
  ...graphFilters,
  limit: int({ min: 1, max: 1e9, description: 'Concepts to keep, most mentioned first (default: all).' }).optional(),
});
