/**
 * The default extractor used by ingest and extract: concept mentions (glossary links, defined terms, the
 * domain vocabulary, head-word compounds) and typed relations from cue patterns. The vocabulary is loaded
 * once per process; the extractor itself keeps no state between chapters.
 */
import type { ConceptMention } from './glossary-concepts';
import type { Extractor } from './extraction';
import { findMentions } from './mentions';
import { findRelations } from './relations';
import { DEFAULT_VOCABULARY_DIR, getVocabulary } from './vocabulary';

export interface ExtractorOptions {
  /** Folder of the vocabulary files (data/ontology by default). */
  vocabularyDir?: string;
}

export function createExtractor(opts: ExtractorOptions = {}): Extractor {
  const vocab = getVocabulary(opts.vocabularyDir ?? DEFAULT_VOCABULARY_DIR);
  return (chapter) => {
    const found = findMentions(chapter, vocab);
    const { relations, pronounMentions } = findRelations({
      holders: found.holders,
      mentions: found.mentions,
      category: (k) => found.concepts.get(k)?.category,
    });
    const mentions: ConceptMention[] = [];
    // One mention per (holder, concept): the first found.
    const seen = new Map<string, Set<string>>();
    for (const list of [found.mentions, pronounMentions]) {
      for (const m of list) {
        let concepts = seen.get(m.holder);
        if (!concepts) seen.set(m.holder, (concepts = new Set()));
        if (concepts.has(m.concept)) continue;
        concepts.add(m.concept);
        mentions.push({
          claim: m.holder,
          concept: m.concept,
          attributes: { kind: 'mentions', surface: m.surface, start: m.start, end: m.end, via: m.via },
        });
      }
    }
    return { concepts: found.concepts, mentions, relations };
  };
}
