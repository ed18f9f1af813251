/**
 * Full-text search over concepts, claims and sources. Owns the ranking rules, so every store that answers
 * `search` can reuse them and rank identically:
 *
 *   exact (100) > prefix (80) > substring at a word start (70) > substring (60) > every query word found,
 *   in any order (50) > the same with typos (40, less 5 per extra edit)
 *
 * plus a bonus below 10 for coverage (how much of the name or sentence the query covers) and, for
 * concepts, popularity. Ties go to concepts, then sources, then claims, then by key. Text is compared in
 * the form `normalizeText` gives (NFKC, simplified Chinese, lower case), so traditional input finds
 * simplified text and `ketamine` finds a concept whose English label or alias is `ketamine`.
 *
 * Concepts are few (thousands) and scanned; claims are many and reached through an inverted index of
 * words and Han bigrams, then checked one by one.
 */
import type { Category } from '../../model/types';
import type { SearchHit, SearchQuery } from '../graph-store';
import { Vocabulary, maxEdits } from './fuzzy';
import { atWordStart, foldText, hanBigrams, normalizeText, tokenize, type Tokens } from './text';

export interface SearchableConcept {
  key: string;
  label: string;
  category: Category;
  /** Label, labels in every language, aliases: any of them may be searched for. */
  names: string[];
  /** Mention count: breaks ties between equally good matches. */
  popularity: number;
}

export interface SearchableClaim {
  key: string;
  text: string;
  /** The claim's text with traditional characters already made simplified (`normText`). */
  normText: string;
  document: string;
}

export interface SearchableSource {
  key: string;
  problemId: string;
  label: string;
}

export const TIER_SCORE = { exact: 100, prefix: 80, wordStart: 70, substring: 60, tokens: 50, fuzzy: 40 } as const;
type Tier = keyof typeof TIER_SCORE;

const KIND_ORDER: Record<SearchHit['kind'], number> = { concept: 0, source: 1, claim: 2 };
/** Words a short query prefix may expand to in the claim index: beyond this, the prefix says too little. */
const PREFIX_EXPANSION_CAP = 200;

interface Match {
  tier: Tier;
  edits: number;
}

/** A query prepared once: its normal form and its tokens. */
interface PreparedQuery {
  norm: string;
  tokens: Tokens;
}

function tierScore(m: Match): number {
  return m.tier === 'fuzzy' ? TIER_SCORE.fuzzy - 5 * (m.edits - 1) : TIER_SCORE[m.tier];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How well a normalised text matches a query, or null. `words` gives the text's words on demand (only
 * needed when the query is not a substring), `near` the typo variants of a query word.
 */
function matchText(
  q: PreparedQuery,
  text: string,
  words: () => readonly string[],
  near: (word: string) => Map<string, number>,
): Match | null {
  if (text === q.norm) return { tier: 'exact', edits: 0 };
  const at = text.indexOf(q.norm);
  if (at === 0) return { tier: 'prefix', edits: 0 };
  if (at > 0) return { tier: atWordStart(text, at) ? 'wordStart' : 'substring', edits: 0 };
  if (q.tokens.words.length + q.tokens.han.length === 0) return null;
  for (const h of q.tokens.han) if (!text.includes(h)) return null;
  // A word that cannot have typos must appear as it is: reject before splitting the text into words.
  for (const w of q.tokens.words) if (maxEdits(w) === 0 && !text.includes(w)) return null;
  let edits = 0;
  const own = words();
  for (const w of q.tokens.words) {
    if (own.some((x) => x.startsWith(w))) continue;
    const variants = near(w);
    let best = Infinity;
    for (const x of own) {
      const d = variants.get(x);
      if (d !== undefined && d < best) best = d;
    }
    if (best === Infinity) return null;
    edits += best;
  }
  return edits === 0 ? { tier: 'tokens', edits: 0 } : { tier: 'fuzzy', edits };
}

/** Sorted-array intersection. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

function union(lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Set<number>();
  for (const l of lists) for (const x of l) all.add(x);
  return Int32Array.from(all).sort();
}

function buildPostings(map: Map<string, number[]>): Map<string, Int32Array> {
  const out = new Map<string, Int32Array>();
  for (const [k, v] of map) out.set(k, Int32Array.from(v));
  return out;
}

function post(map: Map<string, number[]>, token: string, id: number): void {
  const list = map.get(token);
  if (!list) map.set(token, [id]);
  // Items are added in id order, so checking the last entry is enough to keep lists distinct.
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Keeps the best `limit` hits seen, in ranking order. */
class TopHits {
  readonly hits: SearchHit[] = [];
  constructor(private readonly limit: number) {}

  static compare(a: SearchHit, b: SearchHit): number {
    return b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  }

  add(hit: SearchHit): void {
    const h = this.hits;
    if (h.length === this.limit && TopHits.compare(hit, h[h.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (TopHits.compare(h[mid]!, hit) <= 0) lo = mid + 1;
      else hi = mid;
    }
    h.splice(lo, 0, hit);
    if (h.length > this.limit) h.pop();
  }
}

interface ConceptEntry {
  item: SearchableConcept;
  names: { text: string; words: string[] }[];
}

export class SearchIndex {
  private readonly concepts: ConceptEntry[];
  private readonly conceptVocabulary: Vocabulary;
  private readonly claims: SearchableClaim[];
  private readonly claimTexts: string[];
  private readonly claimWords: Map<string, Int32Array>;
  private readonly claimGrams: Map<string, Int32Array>;
  private readonly claimVocabulary: Vocabulary;
  private readonly sources: SearchableSource[];
  private readonly sourceById: Map<string, SearchableSource>;

  constructor(data: { concepts: SearchableConcept[]; claims: SearchableClaim[]; sources: SearchableSource[] }) {
    const conceptWords = new Set<string>();
    this.concepts = data.concepts.map((item) => {
      const texts = new Set(item.names.map(normalizeText).filter((n) => n.length > 0));
      const names = [...texts].map((text) => {
        const words = tokenize(text).words;
        for (const w of words) conceptWords.add(w);
        return { text, words };
      });
      return { item, names };
    });
    this.conceptVocabulary = new Vocabulary(conceptWords);

    this.claims = data.claims;
    this.claimTexts = data.claims.map((c) => foldText(c.normText));
    const words = new Map<string, number[]>();
    const grams = new Map<string, number[]>();
    this.claimTexts.forEach((text, id) => {
      const t = tokenize(text);
      for (const w of t.words) post(words, w, id);
      for (const g of hanBigrams(t.han)) post(grams, g, id);
    });
    this.claimWords = buildPostings(words);
    this.claimGrams = buildPostings(grams);
    this.claimVocabulary = new Vocabulary(words.keys());

    this.sources = [...data.sources].sort((a, b) => (a.problemId < b.problemId ? -1 : 1));
    this.sourceById = new Map(this.sources.map((s) => [s.problemId, s]));
  }

  search(query: SearchQuery): SearchHit[] {
    const norm = normalizeText(query.q);
    if (!norm || query.limit <= 0) return [];
    const q: PreparedQuery = { norm, tokens: tokenize(norm) };
    const kinds = new Set(query.kinds?.length ? query.kinds : ['concept', 'claim', 'source']);
    const top = new TopHits(query.limit);
    if (kinds.has('concept')) this.searchConcepts(q, query.categories, top);
    if (kinds.has('source')) this.searchSources(q, top);
    if (kinds.has('claim')) this.searchClaims(q, top);
    return top.hits;
  }

  private nearCache(vocabulary: Vocabulary): (w: string) => Map<string, number> {
    const cache = new Map<string, Map<string, number>>();
    return (w) => {
      let m = cache.get(w);
      if (!m) cache.set(w, (m = vocabulary.near(w)));
      return m;
    };
  }

  private searchConcepts(q: PreparedQuery, categories: Category[] | undefined, top: TopHits): void {
    const cats = categories?.length ? new Set(categories) : null;
    const near = this.nearCache(this.conceptVocabulary);
    for (const { item, names } of this.concepts) {
      if (cats && !cats.has(item.category)) continue;
      let best = -1;
      for (const name of names) {
        const m = matchText(q, name.text, () => name.words, near);
        if (!m) continue;
        const coverage = Math.min(1, q.norm.length / name.text.length);
        const score = tierScore(m) + 5 * coverage + Math.min(4, Math.log10(1 + item.popularity));
        if (score > best) best = score;
      }
      if (best >= 0) {
        top.add({ key: item.key, kind: 'concept', label: item.label, detail: item.category, score: round(best) });
      }
    }
  }

  private searchSources(q: PreparedQuery, top: TopHits): void {
    // A source is found by its problem id, typed bare or as `src:N` / `problem N`.
    const id = q.norm.replace(/^(?:src:|problem[ _-]?|#)/, '');
    if (!id || /\s/.test(id)) return;
    const exact = this.sourceById.get(id);
    if (exact) top.add(this.sourceHit(exact, TIER_SCORE.exact));
    let lo = 0;
    let hi = this.sources.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sources[mid]!.problemId < id) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sources.length; i++) {
      const s = this.sources[i]!;
      if (!s.problemId.startsWith(id)) break;
      if (s !== exact) top.add(this.sourceHit(s, TIER_SCORE.prefix + 5 * (id.length / s.problemId.length)));
    }
  }

  private sourceHit(s: SearchableSource, score: number): SearchHit {
    return { key: s.key, kind: 'source', label: s.label, score: round(score) };
  }

  /** Claims that can match: those holding every query word (or a variant) and every Han bigram. */
  private claimCandidates(q: PreparedQuery, near: (w: string) => Map<string, number>): Int32Array | null {
    const constraints: Int32Array[] = [];
    for (const w of q.tokens.words) {
      // A fragment of one or two letters may start too many words to narrow anything down; so may a
      // prefix with more expansions than the cap. Both are left to the check of each claim.
      if (w.length < 3) continue;
      const longer = this.claimVocabulary.withPrefix(w, PREFIX_EXPANSION_CAP);
      if (longer.length === PREFIX_EXPANSION_CAP) continue;
      const forms = [w, ...near(w).keys(), ...longer];
      const lists = forms.map((f) => this.claimWords.get(f)).filter((l): l is Int32Array => l !== undefined);
      constraints.push(lists.length ? union(lists) : new Int32Array(0));
    }
    for (const g of hanBigrams(q.tokens.han)) constraints.push(this.claimGrams.get(g) ?? new Int32Array(0));
    if (constraints.length === 0) return null;
    constraints.sort((a, b) => a.length - b.length);
    let out = constraints[0]!;
    for (let i = 1; i < constraints.length && out.length > 0; i++) out = intersect(out, constraints[i]!);
    return out;
  }

  private searchClaims(q: PreparedQuery, top: TopHits): void {
    const near = this.nearCache(this.claimVocabulary);
    const candidates = this.claimCandidates(q, near);
    const check = (id: number) => {
      const text = this.claimTexts[id]!;
      const m = matchText(q, text, () => tokenize(text).words, near);
      if (!m) return;
      const c = this.claims[id]!;
      const coverage = Math.min(1, q.norm.length / text.length);
      top.add({
        key: c.key,
        kind: 'claim',
        label: c.text,
        detail: c.document,
        score: round(tierScore(m) + 5 * coverage),
      });
    };
    if (candidates) for (const id of candidates) check(id);
    else for (let id = 0; id < this.claims.length; id++) check(id);
  }
}
