/**
 * The extraction contract: from a parsed chapter to the concepts it mentions and the typed relations it
 * asserts. The ingest pipeline calls one Extractor per chapter; the default one is set in `extractor.ts`.
 */
import type { ParsedChapter } from '../ingest/chapter';
import type { RelationAttributes } from '../model/types';
import type { ChapterConcepts } from './glossary-concepts';

export interface ExtractedRelation {
  subject: string;
  object: string;
  attributes: RelationAttributes;
  /**
   * A class membership the sentence names in passing (`SSRIs such as fluoxetine block SERT`): the chapter
   * graph records it as a `member_of` edge (member → class) with these attributes' evidence, cues,
   * confidence and flags, not as a relation. Its predicate is `part_of`, the reading it replaces.
   */
  member?: true;
}

export interface ChapterExtraction extends ChapterConcepts {
  relations: ExtractedRelation[];
}

export type Extractor = (chapter: ParsedChapter) => ChapterExtraction;
