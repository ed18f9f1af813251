/**
 * Test helpers for extraction: parse a Markdown snippet as a chapter and run the default extractor on it,
 * with readable views of the result (relations as `subject -predicate-> object` by label).
 */
import { expect } from 'vitest';
import { parseChapter } from '../../server/ingest/chapter';
import { decodeSource } from '../../server/ingest/source-file';
import { createExtractor } from '../../server/extract/extractor';
import type { ChapterExtraction } from '../../server/extract/extraction';
import type { ParsedChapter } from '../../server/ingest/chapter';

const extractor = createExtractor();

export interface Extracted {
  chapter: ParsedChapter;
  result: ChapterExtraction;
  /**
   * `subject -predicate-> object` by concept label, sorted; a class membership named in passing (a
   * `member_of` edge in the graph, not a relation) as `member -member_of-> class`.
   */
  relations: string[];
  /** Concept labels by category. */
  concepts: Map<string, string>;
  relation: (subject: string, predicate: string, object: string) => ChapterExtraction['relations'][number] | undefined;
}

export function extract(markdown: string, name = 'snippet.zh.md'): Extracted {
  const chapter = parseChapter(decodeSource(name, Buffer.from(markdown, 'utf8')));
  const result = extractor(chapter);
  const label = (key: string) => result.concepts.get(key)?.label ?? key;
  const predicate = (r: ChapterExtraction['relations'][number]) => (r.member ? 'member_of' : r.attributes.predicate);
  const relations = result.relations.map((r) => `${label(r.subject)} -${predicate(r)}-> ${label(r.object)}`).sort();
  const concepts = new Map<string, string>();
  for (const c of result.concepts.values()) concepts.set(c.label, c.category);
  const relation = (subject: string, p: string, object: string) =>
    result.relations.find(
      (r) =>
        predicate(r) === p &&
        ((label(r.subject) === subject && label(r.object) === object) ||
          (label(r.subject) === object && label(r.object) === subject)),
    );
  return { chapter, result, relations, concepts, relation };
}

/** Extracts a snippet, as a Chinese chapter when it holds Han characters, else as an English one. */
export const read = (text: string): Extracted =>
  extract(text, /[\u4e00-\u9fff]/.test(text) ? 'snippet.zh.md' : 'snippet.en.md');

/**
 * Expects every `subject -predicate-> object` of `expected` among the relations of `text` (`member_of`: a
 * class membership named in passing).
 */
export function has(text: string, expected: string[]): Extracted {
  return expectRelations(text, expected, true);
}

/** Expects none of the `subject -predicate-> object` of `unexpected` among the relations of `text`. */
export function lacks(text: string, unexpected: string[]): Extracted {
  return expectRelations(text, unexpected, false);
}

function expectRelations(text: string, list: string[], present: boolean): Extracted {
  const e = read(text);
  for (const r of list) {
    const [, subject, predicate, object] = /^(.+) -(\w+)-> (.+)$/.exec(r)!;
    const found = e.relation(subject!, predicate!, object!);
    const what = `${r} in ${JSON.stringify(e.relations)}`;
    if (present) expect(found, what).toBeDefined();
    else expect(found, what).toBeUndefined();
  }
  return e;
}
