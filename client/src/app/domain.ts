/**
 * Runtime lists of the domain's categories and predicates. The client imports the domain module
 * type-only (it must not bundle server code), so the lists are repeated here and checked against the
 * server's types at compile time: adding a category there without adding it here fails `tsc`.
 */
import type { Category, Predicate } from '../../../server/model/types';

export const CATEGORY_ORDER = [
  'Intervention',
  'Disorder',
  'Mechanism',
  'Circuit',
  'Molecule',
  'Biomarker',
  'Concept',
] as const satisfies readonly Category[];

export const PREDICATE_ORDER = [
  'treats',
  'prevents',
  'causes',
  'increases',
  'decreases',
  'risk_of',
  'biomarker_for',
  'implicated_in',
  'part_of',
  'interacts_with',
  'combined_with',
  'contrasted_with',
  'associated_with',
] as const satisfies readonly Predicate[];

/**
 * A link the graph draws: a typed relation, a class membership named in passing (`member_of`, member →
 * class: `SSRIs such as fluoxetine`), or the weighted co-occurrence of two concepts in one sentence.
 */
export type LinkType = Predicate | 'member_of' | 'co_mention';
export const LINK_TYPES: readonly LinkType[] = [...PREDICATE_ORDER, 'member_of', 'co_mention'];

/** Predicates whose direction carries no meaning: drawn without an arrow (mirrors SYMMETRIC_PREDICATES). */
export const SYMMETRIC: ReadonlySet<LinkType> = new Set<LinkType>([
  'interacts_with',
  'combined_with',
  'contrasted_with',
  'associated_with',
  'co_mention',
]);

// Compile-time exhaustiveness: each list names every member of its union.
type Missing<All, Listed> = Exclude<All, Listed>;
const categoriesComplete: Missing<Category, (typeof CATEGORY_ORDER)[number]> extends never ? true : never = true;
const predicatesComplete: Missing<Predicate, (typeof PREDICATE_ORDER)[number]> extends never ? true : never = true;
void categoriesComplete;
void predicatesComplete;

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_ORDER);
const LINK_SET: ReadonlySet<string> = new Set(LINK_TYPES);

export const isCategory = (v: string): v is Category => CATEGORY_SET.has(v);
export const isLinkType = (v: string): v is LinkType => LINK_SET.has(v);
