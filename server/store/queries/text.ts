/**
 * Text normalisation and tokenisation for search: one definition of "the same text" (NFKC, simplified
 * Chinese, lower case, single spaces) and of the tokens a text is indexed by (Latin-script words and
 * Han-character bigrams), shared by the index and by the query so both sides agree.
 */
import { toSimplified } from '../../text/chinese';

/** The form every searchable string and every query is compared in. */
export function normalizeText(text: string): string {
  return foldText(toSimplified(text.normalize('NFKC')));
}

/**
 * The same without the traditional → simplified step, for text that is already simplified (a claim's
 * `normText`): the conversion is the costly part and indexing runs it over every claim.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

// Han runs first, then runs of other letters and digits: a run such as `nmda受体` gives `nmda` and `受体`.
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const HAN = /^\p{Script=Han}/u;

export interface Tokens {
  /** Latin-script (or other non-Han) words. */
  words: string[];
  /** Runs of Han characters, matched as substrings: Chinese has no spaces to split words on. */
  han: string[];
}

export function tokenize(normalized: string): Tokens {
  const words: string[] = [];
  const han: string[] = [];
  for (const m of normalized.matchAll(TOKEN)) (HAN.test(m[0]) ? han : words).push(m[0]);
  return { words, han };
}

/** Distinct bigrams of Han runs: the unit the claim index uses for Chinese. */
export function hanBigrams(runs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const run of runs) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** Whether `needle` starts at a word boundary of `haystack` at `index` (Han characters always do). */
export function atWordStart(haystack: string, index: number): boolean {
  if (index === 0) return true;
  const before = haystack[index - 1]!;
  const first = haystack[index]!;
  return !/[\p{L}\p{N}]/u.test(before) || HAN.test(first) || HAN.test(before);
}
