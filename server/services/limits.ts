/**
 * The API's limits in one place: the request schemas enforce them (a 400 naming the parameter and the
 * limit) and the OpenAPI document publishes them.
 */
export const LIMITS = {
  /** Neighbourhood depth. */
  depth: 3,
  /** Paths asked for at once. */
  k: 10,
  /** Hops in one path. */
  pathLength: 8,
  /** Items in one page (claims, mentions, search hits). */
  pageSize: 500,
  /** Characters in a search query. */
  queryLength: 200,
  /** Characters in an identifier. */
  idLength: 500,
  /** Concepts in a neighbourhood or overview graph. */
  graphNodes: 5000,
  /** Relations in a neighbourhood or overview graph. */
  graphEdges: 50000,
  /** Relations listed per predicate in a concept view, evidence sentences per path hop. */
  listed: 500,
  /** Values in one list parameter. */
  listItems: 50,
} as const;

export const DEFAULTS = {
  searchLimit: 20,
  pageSize: 50,
  mentionsPageSize: 20,
  depth: 1,
  k: 3,
  pathLength: 5,
  neighborhoodNodes: 50,
  neighborhoodEdges: 250,
  overviewNodes: 300,
  overviewEdges: 2000,
  relationsPerPredicate: 50,
  evidencePerHop: 5,
} as const;
