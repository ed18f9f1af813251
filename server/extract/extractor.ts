/**
 * The default extractor used by ingest and extract: glossary links for now; vocabulary mentions,
 * defined terms and typed relations plug in here.
 */
import type { Extractor } from './extraction';
import { glossaryConcepts } from './glossary-concepts';

export function createExtractor(): Extractor {
  return (chapter) => ({ ...glossaryConcepts(chapter), relations: [] });
}
