import { describe, expect, it } from 'vitest';
import type { SharedParts } from '../../server/store/neo4j/chapter-rows';
import { decodePart, encodeParts } from '../../server/store/neo4j/contributions';

const doc = 'ch1/MainContent';
const parts: SharedParts = {
  concepts: [
    [
      'concept:a',
      {
        kind: 'concept',
        category: 'Concept',
        label: 'a',
        labels: { en: 'a', zh: '甲' },
        aliases: ['A'],
        entryIds: [],
        xrefs: [],
        origin: 'glossary',
        documents: [`doc:${doc}`],
        mentionCount: 2,
      },
    ],
  ],
  sources: [['src:7', { kind: 'source', problemId: '7', label: 'problem 7' }]],
  relations: [
    [
      'concept:a|treats|concept:b',
      {
        source: 'concept:a',
        target: 'concept:b',
        attributes: {
          kind: 'relation',
          predicate: 'treats',
          evidence: [`claim:${doc}#0`],
          cues: ['treats'],
          confidence: 0.5,
          hedged: false,
          negated: false,
        },
      },
    ],
  ],
  coMentions: [
    [
      'concept:a~concept:b',
      {
        source: 'concept:a',
        target: 'concept:b',
        attributes: { kind: 'co_mention', weight: 1, evidence: [`claim:${doc}#0`] },
      },
    ],
  ],
};

describe('neo4j store: Contribution parts', () => {
  it('are stored as deflated JSON bytes and read back whole', () => {
    const stored = encodeParts(parts);
    expect(stored.concepts).toBeInstanceOf(Int8Array);
    expect(decodePart('concepts', doc, stored.concepts)).toEqual(parts.concepts);
    expect(decodePart('sources', doc, stored.sources)).toEqual(parts.sources);
    expect(decodePart('relations', doc, stored.relations).map(([, e]) => e)).toEqual(parts.relations.map(([, e]) => e));
    expect(decodePart('coMentions', doc, stored.coMentions).map(([, e]) => e)).toEqual(
      parts.coMentions.map(([, e]) => e),
    );
  });

  it('still reads the text that earlier versions of the store wrote', () => {
    // Compact JSON with frequent text replaced by control characters (contributions.ts substitutions).
    const legacy = '[[\u0004a",\u0004b",\u00061,\u0008\u00010"]}]]';
    expect(decodePart('coMentions', doc, legacy)).toEqual(decodePart('coMentions', doc, encodeParts(parts).coMentions));
    expect(decodePart('coMentions', doc, legacy)[0]![1]).toEqual(parts.coMentions[0]![1]);
  });
});
