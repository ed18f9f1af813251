/**
 * How the Neo4j store finds search candidates without changing the ranking: the ranking itself is
 * queries/search-index.ts (shared with the embedded store), applied to a candidate set that holds every
 * node the ranking could accept. Claims and concepts carry `_terms`, their tokens as the ranking splits
 * them (queries/text.ts: words, and Han runs as bigrams plus the run's last character, so that a single
 * character is a prefix query; a claim's as one space-separated string, a concept's as a list, which the
 * writer appends to), indexed by a whitespace full-text index; one Lucene query then matches:
 *
 *  - the substring tiers (exact, prefix, word start, substring): the query's tokens in the text, the
 *    first word possibly the end of a longer word (`*w`), the last one possibly the start of one (`w*`),
 *    the words between whole, every Han run through its bigrams;
 *  - the every-word and typo tiers: every query word as the prefix of a token or within the ranking's
 *    edit budget of one (`w* OR w~k`: Lucene's fuzzy query, like the ranking, counts a transposition as
 *    one edit), every Han run through its bigrams.
 *
 * A query without any token (punctuation only) has no such superset; the caller then scans.
 * Known limit: Lucene expands a fuzzy term to its 50 closest spellings in the index, so a typo with more
 * near spellings than that in the corpus can miss the farthest ones, where the embedded store finds them.
 */
import { maxEdits } from '../queries/fuzzy';
import { foldText, hanBigrams, normalizeText, tokenize } from '../queries/text';

/** Lucene caps a boolean query at 1,024 clauses; fewer required clauses still give a superset. */
const MAX_CLAUSES = 64;

function termsOf(normalized: string, into: Set<string>): void {
  const t = tokenize(normalized);
  for (const w of t.words) into.add(w);
  for (const g of hanBigrams(t.han)) into.add(g);
  for (const run of t.han) {
    const chars = Array.from(run);
    into.add(chars[chars.length - 1]!);
  }
}

/**
 * `_terms` of a claim, from its simplified text (`normText`), folded as the ranking folds it: one string,
 * the tokens separated by spaces. No token holds whitespace, so the whitespace analyzer gives back exactly
 * these tokens, as it would from a list of them (the candidate queries have no phrases, which would see
 * the difference); one string per claim is much cheaper to send and store than a list of a few dozen.
 */
export function claimTerms(normText: string): string {
  const terms = new Set<string>();
  termsOf(foldText(normText), terms);
  return [...terms].join(' ');
}

/** `_terms` of a concept: the tokens of all its names. */
export function conceptTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const n of names) termsOf(normalizeText(n), terms);
  return [...terms];
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const escapeLucene = (s: string) => s.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

function hanClauses(runs: readonly string[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const chars = Array.from(run);
    if (chars.length === 1) out.push(`+${escapeLucene(chars[0]!)}*`);
  }
  for (const g of hanBigrams(runs)) out.push(`+${escapeLucene(g)}`);
  return out;
}

const group = (clauses: string[]) => `(${clauses.slice(0, MAX_CLAUSES).join(' ')})`;

/**
 * The Lucene query (over `_terms`) whose matches include every text the ranking can accept for the
 * normalised query `norm`, or null when `norm` has no token.
 */
export function candidateQuery(norm: string): string | null {
  const t = tokenize(norm);
  if (t.words.length + t.han.length === 0) return null;
  const han = hanClauses(t.han);

  const substring: string[] = [];
  t.words.forEach((w, i) => {
    const open = (i === 0 && norm.startsWith(w) ? '*' : '') + escapeLucene(w);
    substring.push(`+${i === t.words.length - 1 && norm.endsWith(w) ? `${open}*` : open}`);
  });

  const tokens: string[] = [];
  for (const w of new Set(t.words)) {
    const e = escapeLucene(w);
    const k = maxEdits(w);
    tokens.push(k === 0 ? `+${e}*` : `+(${e}* OR ${e}~${k})`);
  }
  return `${group([...substring, ...han])} ${group([...tokens, ...han])}`;
}
