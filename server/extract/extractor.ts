/**
 * The default extractor used by ingest and extract: concept mentions (glossary links, defined terms, the
 * domain vocabulary, head-word compounds) and typed relations from cue patterns. The vocabulary is loaded
 * once per process; the extractor itself keeps no state between chapters.
 */
import type { ConceptMention } from './glossary-concepts';
import type { Extractor } from './extraction';
import { findMentions, type FoundMention } from './mentions';
import { findRelations } from './relations';
import { DEFAULT_VOCABULARY_DIR, getVocabulary } from './vocabulary';

export interface ExtractorOptions {
  /** Folder of the vocabulary files (data/ontology by default). */
  vocabularyDir?: string;
}

/**
 * One mention per (holder, concept): the first found, the finder's mentions before those made through
 * pronouns. The finder gives its mentions holder by holder, so a holder's concepts so far are the tail of
 * the list (looked through: a sentence names few concepts); pronoun mentions look their holder's run up.
 */
function uniqueMentions(found: FoundMention[], pronouns: FoundMention[]): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  /** Where each holder's mentions start and end in `mentions`. */
  const runs = new Map<string, [number, number]>();
  let holder: string | null = null;
  let from = 0;
  for (const m of found) {
    if (m.holder !== holder) {
      if (holder !== null) runs.set(holder, [from, mentions.length]);
      holder = m.holder;
      from = mentions.length;
      // A holder met again further on (not the finder's order): the general way.
      if (runs.has(holder)) return uniqueMentionsBySet(found, pronouns);
    }
    if (hasConcept(mentions, from, mentions.length, m.concept)) continue;
    mentions.push(mentionOf(m));
  }
  if (holder !== null) runs.set(holder, [from, mentions.length]);
  if (!pronouns.length) return mentions;
  // Pronoun mentions: against their holder's found ones and the pronoun mentions kept before them.
  const extra = new Map<string, Set<string>>();
  for (const m of pronouns) {
    const run = runs.get(m.holder);
    if (run && hasConcept(mentions, run[0], run[1], m.concept)) continue;
    let concepts = extra.get(m.holder);
    if (!concepts) extra.set(m.holder, (concepts = new Set()));
    if (concepts.has(m.concept)) continue;
    concepts.add(m.concept);
    mentions.push(mentionOf(m));
  }
  return mentions;
}

function hasConcept(mentions: ConceptMention[], from: number, to: number, concept: string): boolean {
  for (let i = from; i < to; i++) if (mentions[i]!.concept === concept) return true;
  return false;
}

const mentionOf = (m: FoundMention): ConceptMention => ({
  claim: m.holder,
  concept: m.concept,
  attributes: { kind: 'mentions', surface: m.surface, start: m.start, end: m.end, via: m.via },
});

/** uniqueMentions without assuming the finder's order. */
function uniqueMentionsBySet(found: FoundMention[], pronouns: FoundMention[]): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  const seen = new Map<string, Set<string>>();
  for (const list of [found, pronouns]) {
    for (const m of list) {
      let concepts = seen.get(m.holder);
      if (!concepts) seen.set(m.holder, (concepts = new Set()));
      if (concepts.has(m.concept)) continue;
      concepts.add(m.concept);
      mentions.push(mentionOf(m));
    }
  }
  return mentions;
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
    const mentions = uniqueMentions(found.mentions, pronounMentions);
    return { concepts: found.concepts, mentions, relations };
  };
}
