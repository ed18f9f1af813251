/**
 * The domain model: node kinds, edge kinds, categories, predicates and the attribute types of every
 * element of the graph. Shared by scripts, server and client (type-only there). Graph data travels as
 * graphology's serialised JSON whose attributes are exactly these types.
 */
import type { SerializedGraph } from 'graphology-types';

export const NODE_KINDS = ['document', 'section', 'claim', 'source', 'concept'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * Edge kinds. `cites`: claim → source; `mentions`: claim → concept; `relation`: concept → concept (typed
 * by a predicate); `in_section`: claim → section; `section_of`: section → parent section or document;
 * `co_mention`: concept — concept seen in one sentence (weighted, not a relation); `member_of`: concept →
 * concept, a member of a class that a sentence names in passing (`SSRIs such as fluoxetine block SERT`:
 * fluoxetine → SSRI), with its evidence like a relation's, but not a relation (the sentence asserts the
 * blocking; a sentence whose claim is the membership, `sertraline is an SSRI`, gives a `part_of` relation).
 */
export const EDGE_KINDS = [
  'cites',
  'mentions',
  'relation',
  'in_section',
  'section_of',
  'co_mention',
  'member_of',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const CATEGORIES = [
  'Intervention',
  'Disorder',
  'Mechanism',
  'Circuit',
  'Molecule',
  'Biomarker',
  'Concept',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PREDICATES = [
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
] as const;
export type Predicate = (typeof PREDICATES)[number];

/** Predicates whose direction carries no meaning. */
export const SYMMETRIC_PREDICATES: ReadonlySet<Predicate> = new Set([
  'interacts_with',
  'combined_with',
  'contrasted_with',
  'associated_with',
]);

/** The Biolink predicate of a `member_of` edge in the KGX export. */
export const BIOLINK_MEMBER_OF = 'biolink:subclass_of';

/** Biolink equivalents, used by the KGX export. */
export const BIOLINK_PREDICATE: Record<Predicate, string> = {
  treats: 'biolink:treats_or_applied_or_studied_to_treat',
  prevents: 'biolink:preventative_for_condition',
  causes: 'biolink:causes',
  increases: 'biolink:increases_amount_or_activity_of',
  decreases: 'biolink:decreases_amount_or_activity_of',
  risk_of: 'biolink:has_adverse_event',
  biomarker_for: 'biolink:biomarker_for',
  implicated_in: 'biolink:contributes_to',
  part_of: 'biolink:part_of',
  interacts_with: 'biolink:physically_interacts_with',
  combined_with: 'biolink:related_to',
  contrasted_with: 'biolink:related_to',
  associated_with: 'biolink:associated_with',
};

export const BIOLINK_CATEGORY: Record<Category, string> = {
  Intervention: 'biolink:Treatment',
  Disorder: 'biolink:DiseaseOrPhenotypicFeature',
  Mechanism: 'biolink:BiologicalProcess',
  Circuit: 'biolink:AnatomicalEntity',
  Molecule: 'biolink:MolecularEntity',
  Biomarker: 'biolink:ClinicalAttribute',
  Concept: 'biolink:NamedThing',
};

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A position in a source file: 1-based line and column (in UTF-16 code units), 0-based offset. */
export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

export interface DocumentAttributes {
  kind: 'document';
  /** Path relative to the ingest root, with forward slashes. */
  path: string;
  title: string;
  lang: Lang;
  /** sha256 of the file's bytes: an unchanged chapter is skipped. */
  hash: string;
  /** The corpus layout's folder names (`Domain@@id/…/Topic@@id`), without the ids; empty outside it. */
  trail: string[];
  claimCount: number;
}

export interface SectionAttributes {
  kind: 'section';
  document: string;
  title: string;
  level: number;
  /** Titles from the top heading down to this one. */
  path: string[];
  order: number;
  line: number;
  /** Glossary links in the heading. */
  links: GlossaryLink[];
}

export interface GlossaryLink {
  text: string;
  /** `entry` for `(@entry_id:N)`, `article` for `(@article_id:N)`, `keyword` for `(@keyword=slug|…)`. */
  scheme: 'entry' | 'article' | 'keyword';
  id: string;
  /** Offsets of the link in the plain text of its claim. */
  start: number;
  end: number;
}

export interface ClaimAttributes {
  kind: 'claim';
  document: string;
  section: string;
  sectionPath: string[];
  paragraph: number;
  sentence: number;
  /** The sentence as a reader sees it: links reduced to their text, markers removed. */
  text: string;
  /** The sentence's original markup. */
  markup: string;
  /** The same text with traditional characters made simplified, for matching. */
  normText: string;
  lang: Lang;
  line: number;
  column: number;
  start: number;
  end: number;
  /** Problems cited by markers that end this sentence. */
  citations: string[];
  /**
   * Problems cited by the next sentence of the paragraph when that sentence refers back to this one
   * (`这一效果…`, `在此窗口期间…`, `This effect…`): the citation supports the argument across both.
   */
  contextCitations: string[];
  links: GlossaryLink[];
  hedged: boolean;
}

export interface Problem {
  introduction?: string;
  problem?: string;
  solution?: string;
  answer?: string;
}

export interface SourceAttributes {
  kind: 'source';
  problemId: string;
  label: string;
  /** The problem's text when an appendix or `data/sources/*.json` gives it. */
  problem?: Problem;
  /** Where the problem's text came from. */
  origin?: string;
}

export interface ConceptAttributes {
  kind: 'concept';
  category: Category;
  label: string;
  labels: Partial<Record<Lang, string>>;
  /** Every surface form seen in the text, and its simplified-Chinese form. */
  aliases: string[];
  entryIds: string[];
  /** Public identifiers (MeSH, ChEBI, …) from the vocabulary. */
  xrefs: string[];
  /** Where the concept's identity comes from. */
  origin: 'vocabulary' | 'glossary' | 'defined' | 'rule';
  /** Documents that mention it. */
  documents: string[];
  mentionCount: number;
}

export type NodeAttributes =
  DocumentAttributes | SectionAttributes | ClaimAttributes | SourceAttributes | ConceptAttributes;

export interface CitesAttributes {
  kind: 'cites';
  /** `sentence`: the marker ends the claim; `context`: it ends the next sentence, which refers back. */
  scope: 'sentence' | 'context';
  /** Position of the marker in the file. */
  line: number;
  column: number;
}

export interface MentionsAttributes {
  kind: 'mentions';
  surface: string;
  start: number;
  end: number;
  via: 'vocabulary' | 'glossary' | 'defined' | 'rule' | 'pronoun';
}

/** What a relation and a membership carry from the sentences that state them. */
export interface StatedAttributes {
  /** Claim keys that assert it. */
  evidence: string[];
  /** The cue words that fired, one per evidence claim. */
  cues: string[];
  confidence: number;
  hedged: boolean;
  negated: boolean;
}

export interface RelationAttributes extends StatedAttributes {
  kind: 'relation';
  predicate: Predicate;
}

/** A member → its class, named in passing (`SSRIs such as fluoxetine`, `如A、B等X`, `the 5-HT2A antagonist X`). */
export interface MemberOfAttributes extends StatedAttributes {
  kind: 'member_of';
}

export interface InSectionAttributes {
  kind: 'in_section';
}

export interface SectionOfAttributes {
  kind: 'section_of';
}

export interface CoMentionAttributes {
  kind: 'co_mention';
  weight: number;
  evidence: string[];
}

export type EdgeAttributes =
  | CitesAttributes
  | MentionsAttributes
  | RelationAttributes
  | InSectionAttributes
  | SectionOfAttributes
  | CoMentionAttributes
  | MemberOfAttributes;

export type GraphExport = SerializedGraph<NodeAttributes, EdgeAttributes, { name?: string }>;

/** Node keys: one prefix per kind, so a key says what it names. */
export const nodeKey = {
  document: (docId: string) => `doc:${docId}`,
  section: (docId: string, order: number) => `sec:${docId}#${order}`,
  claim: (docId: string, index: number) => `claim:${docId}#${index}`,
  source: (problemId: string) => `src:${problemId}`,
  concept: (conceptId: string) => `concept:${conceptId}`,
};

/** Edge keys are deterministic, so re-ingesting the same text yields the same graph. */
export const edgeKey = {
  cites: (claim: string, source: string) => `cites:${claim}->${source}`,
  mentions: (claim: string, concept: string) => `mentions:${claim}->${concept}`,
  relation: (subject: string, predicate: Predicate, object: string) => `rel:${subject}-${predicate}->${object}`,
  inSection: (claim: string) => `in:${claim}`,
  sectionOf: (section: string) => `of:${section}`,
  coMention: (a: string, b: string) => (a < b ? `co:${a}~${b}` : `co:${b}~${a}`),
  memberOf: (member: string, klass: string) => `member:${member}->${klass}`,
};

/**
 * An edge's key from its kind and ends (and a relation's predicate): keys are a function of them, so a store
 * may leave them out and recompute them on read (the embedded store's chapter files, Neo4j's relationships).
 */
export function keyOfEdge(a: EdgeAttributes, source: string, target: string): string {
  switch (a.kind) {
    case 'cites':
      return edgeKey.cites(source, target);
    case 'mentions':
      return edgeKey.mentions(source, target);
    case 'relation':
      return edgeKey.relation(source, a.predicate, target);
    case 'in_section':
      return edgeKey.inSection(source);
    case 'section_of':
      return edgeKey.sectionOf(source);
    case 'co_mention':
      return edgeKey.coMention(source, target);
    case 'member_of':
      return edgeKey.memberOf(source, target);
  }
}
