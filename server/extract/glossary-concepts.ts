/**
 * The baseline concept finder: every glossary link names a concept, identified by its entry id (the same
 * id across chapters is one concept); its category comes from head-word rules on its label.
 */
import type { ParsedChapter } from '../ingest/chapter';
import type { ConceptAttributes, MentionsAttributes } from '../model/types';
import { nodeKey } from '../model/types';
import { toSimplified } from '../text/chinese';
import { categoryFromHeadWord } from './head-words';

export interface ConceptMention {
  claim: string;
  concept: string;
  attributes: MentionsAttributes;
}

export interface ChapterConcepts {
  concepts: Map<string, ConceptAttributes>;
  mentions: ConceptMention[];
}

/** A glossary link's concept id: `entry:N`, `article:N` or `keyword:slug`. */
export const glossaryConceptId = (scheme: string, id: string) => `${scheme}:${id}`;

export function glossaryConcepts(chapter: ParsedChapter): ChapterConcepts {
  const concepts = new Map<string, ConceptAttributes>();
  const mentions: ConceptMention[] = [];
  // Headings name concepts too (`### 更广阔的视野：[神经发育](@entry_id:170731)及其他`); they are mentioned by the section.
  const holders = [
    ...chapter.sections.map((s) => ({ key: s.key, links: s.attributes.links })),
    ...chapter.claims.map((c) => ({ key: c.key, links: c.attributes.links })),
  ];
  for (const claim of holders) {
    for (const link of claim.links) {
      const key = nodeKey.concept(glossaryConceptId(link.scheme, link.id));
      const simplified = toSimplified(link.text);
      const lang = /\p{Script=Han}/u.test(link.text) ? 'zh' : 'en';
      const existing = concepts.get(key);
      if (existing) {
        for (const f of [link.text, simplified]) if (!existing.aliases.includes(f)) existing.aliases.push(f);
        existing.mentionCount++;
      } else {
        concepts.set(key, {
          kind: 'concept',
          category: categoryFromHeadWord(simplified) ?? 'Concept',
          label: simplified,
          labels: { [lang]: simplified },
          aliases: [...new Set([link.text, simplified])],
          entryIds: link.scheme === 'entry' ? [link.id] : [],
          xrefs: [],
          origin: 'glossary',
          documents: [chapter.key],
          mentionCount: 1,
        });
      }
      mentions.push({
        claim: claim.key,
        concept: key,
        attributes: { kind: 'mentions', surface: link.text, start: link.start, end: link.end, via: 'glossary' },
      });
    }
  }
  return { concepts, mentions };
}
