/**
 * Concept mentions in a chapter: where each sentence (and heading) names a concept, and what that concept
 * is. Four sources, in order of authority: glossary links (the author's own), terms the chapter defines
 * (`**术语**（English, ABBR）`, `Long Name (ABBR)`, bilingual pairs, named hypotheses), the domain
 * vocabulary, and head-word compounds built on it (`GABA能网络`, `fear circuit`). Terms found anywhere in
 * the chapter are matched everywhere in it, so an unlinked later use is still a mention.
 */
import type { ParsedChapter } from '../ingest/chapter';
import type { Category, ConceptAttributes, GlossaryLink, Lang, MentionsAttributes } from '../model/types';
import { nodeKey } from '../model/types';
import { toSimplified } from '../text/chinese';
import { isKeyWordCode, matchKey, matchText, originalRange, type MatchText } from '../text/normalize';
import { isWhiteSpaceCode } from '../text/whitespace';
import { ChapterWindows, WordBoundaries } from '../text/word-boundaries';
import { AhoCorasick } from './aho-corasick';
import { sharedHeadItems } from './shared-heads';
import { sortSmall } from './sort-small';
import { glossaryConceptId } from './glossary-concepts';
import { categoryFromHeadWord } from './head-words';
import type { FormRef, Vocabulary } from './vocabulary';

/** Something that holds text: a claim (sentence) or a section (its heading). */
export interface Holder {
  key: string;
  text: string;
  /** Simplified form when the parser gave one. */
  normText?: string;
  links: GlossaryLink[];
  bold: { plainStart: number; plainEnd: number }[];
  italic: { plainStart: number; plainEnd: number }[];
  lang: Lang;
  /** Whether the sentence is hedged, when the parser has said (claims). */
  hedged?: boolean;
  isHeading: boolean;
  /** Whether a claim stands in a list item (headings: never). */
  listItem?: boolean;
  paragraph: number;
  section: string;
}

export interface FoundMention {
  holder: string;
  concept: string;
  start: number;
  end: number;
  surface: string;
  via: MentionsAttributes['via'];
  category: Category;
}

/** A concept the chapter itself introduces (glossary entry, defined term, compound). */
interface LocalTerm {
  key: string;
  category: Category;
  origin: ConceptAttributes['origin'];
  labels: Partial<Record<Lang, string>>;
  entryIds: Set<string>;
  /** Extra forms the chapter gives it (English name, abbreviation), matched like its label. */
  forms: Set<string>;
}

const HAN = /\p{Script=Han}/u;
const isHanText = (s: string) => HAN.test(s);
const langOf = (s: string): Lang => (isHanText(s) ? 'zh' : 'en');
const QUOTES = /^[“”"「」『』‘’'\s*]+|[“”"「」『』‘’'\s*]+$/g;
const NEEDS_CLEAN = /^[“”"「」『』‘’'\s*]|[“”"「」『』‘’'\s*]$|\s\s|[\t\n]/;
const clean = (s: string) => (NEEDS_CLEAN.test(s) ? s.replace(QUOTES, '').replace(/\s+/g, ' ').trim() : s);

/** An abbreviation: short, at least two capitals, no spaces (`PTSD`, `vmPFC`, `NMDARs`). */
const ABBR = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9α-ωΑ-Ω-]{2,10}$/;
/** ABBR.test, without running the pattern on what is too short or too long for it (most terms and texts). */
const isAbbr = (s: string) => s.length >= 2 && s.length <= 10 && ABBR.test(s);

// Words that end or start no term: a bold or italic span made of these is emphasis, not a definition.
const EN_STOP = new Set(
  'a an the this that these those it its is are was were be been being to of in on at by for from with and or but not no as than then so such what which who whom whose when where why how all any each every some more most very also just only even still can could may might must should will would do does did has have had we you they he she i our your their his her my up down out into over under'.split(
    ' ',
  ),
);
const ZH_NOT_TERM = /[，。；：！？、,.;:!?]|必须|可以|能够|如何|为什么|是否|我们|你们|他们|这个|那个|一个/;

function isEnglishTerm(s: string, maxWords = 6): boolean {
  const words = s.toLowerCase().split(/\s+/);
  if (!words.length || words.length > maxWords) return false;
  if (!/^[a-z0-9α-ω][a-z0-9α-ω'’ -]*$/i.test(s)) return false;
  if (EN_STOP.has(words[0]!) || EN_STOP.has(words[words.length - 1]!)) return false;
  return words.filter((w) => EN_STOP.has(w) && w !== 'of').length === 0;
}

function isChineseTerm(s: string): boolean {
  return s.length >= 2 && s.length <= 16 && isHanText(s) && !ZH_NOT_TERM.test(s);
}

/**
 * The long form an abbreviation stands for, among the words just before it (Schwartz & Hearst 2003):
 * each letter of the abbreviation, right to left, is found in the candidate, the first one starting a word.
 */
export function longFormOf(abbr: string, before: string): string | null {
  const words = before.trim().split(/\s+/);
  const letters = abbr
    .replace(/s$/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  const maxWords = Math.min(words.length, letters.length + 5);
  for (let n = 1; n <= maxWords; n++) {
    const cand = words.slice(words.length - n).join(' ');
    const lc = cand.toLowerCase();
    let li = letters.length - 1;
    let ci = lc.length - 1;
    while (li >= 0) {
      const ch = letters[li]!;
      while (ci >= 0 && (lc[ci] !== ch || (li === 0 && ci > 0 && /[a-z0-9]/.test(lc[ci - 1]!)))) ci--;
      if (ci < 0) break;
      li--;
      ci--;
    }
    if (li < 0) {
      const first = cand.split(/\s+/)[0]!.toLowerCase();
      // The long form must start on a word that carries the first letter, and not on a function word.
      if (!first.startsWith(letters[0]!) || EN_STOP.has(first)) continue;
      return cand.replace(/^[("'“]+/, '');
    }
  }
  return null;
}

export interface ChapterMentions {
  mentions: FoundMention[];
  concepts: Map<string, ConceptAttributes>;
  holders: Holder[];
}

const categoryCache = new WeakMap<Vocabulary, Map<string, Category>>();

/** The category a term gets when the vocabulary has no entry for it: its head word's, else its head's. */
export function categorize(term: string, vocab: Vocabulary): Category {
  // Cached per vocabulary: the same terms recur in every chapter (bounded, so memory stays flat).
  let cache = categoryCache.get(vocab);
  if (!cache) categoryCache.set(vocab, (cache = new Map()));
  let c = cache.get(term);
  if (c === undefined) {
    if (cache.size > 100_000) cache.clear();
    cache.set(term, (c = categorizeTerm(term, vocab)));
  }
  return c;
}

function categorizeTerm(term: string, vocab: Vocabulary): Category {
  const ref = vocab.byKey.get(matchKey(term));
  if (ref) return vocab.concepts.get(ref.concept)!.category;
  const rule = categoryFromHeadWord(term);
  if (rule) return rule;
  const head = vocabHead(term, vocab);
  return head ? vocab.concepts.get(head.concept)!.category : 'Concept';
}

/** The vocabulary concept the term ends with (its head), if any: `抑郁大脑` → brain, `health anxiety` → anxiety. */
function vocabHead(term: string, vocab: Vocabulary): FormRef | null {
  const key = matchKey(term);
  if (isHanText(term)) {
    for (let i = 1; i <= key.length - 2; i++) {
      const ref = vocab.byKey.get(key.slice(i));
      if (ref && ref.kind !== 'abbreviation') return ref;
    }
    return null;
  }
  const words = key.split(' ');
  for (let i = 1; i < words.length; i++) {
    const ref = vocab.byKey.get(words.slice(i).join(' '));
    if (ref && ref.kind !== 'abbreviation') return ref;
  }
  return null;
}

function holdersOf(chapter: ParsedChapter): Holder[] {
  const out: Holder[] = [];
  for (const s of chapter.sections) {
    out.push({
      key: s.key,
      text: s.attributes.title,
      links: s.attributes.links,
      bold: [],
      italic: [],
      lang: langOf(s.attributes.title),
      isHeading: true,
      paragraph: -1,
      section: s.key,
    });
  }
  for (const c of chapter.claims) {
    out.push({
      key: c.key,
      text: c.attributes.text,
      normText: c.attributes.normText,
      links: c.attributes.links,
      bold: c.bold,
      italic: c.italic,
      lang: c.attributes.lang,
      hedged: c.attributes.hedged,
      isHeading: false,
      listItem: c.listItem,
      paragraph: c.attributes.paragraph,
      section: c.attributes.section,
    });
  }
  return out;
}

/** Adds an alias to a concept's list unless it is there already (`set` mirrors the list). */
function addAlias(a: ConceptAttributes, set: Set<string>, alias: string): void {
  if (set.has(alias)) return;
  set.add(alias);
  a.aliases.push(alias);
}

// `GABA能网络`, `多巴胺能神经元`: a molecule's name with 能 and a structure.
const NENG_COMPOUND = /([A-Za-z0-9-]{2,12}|[\u4e00-\u9fff]{2,6})能(神经元|网络|系统|通路|回路|突触)/g;

/** Heading links may be offset by the heading's leading white space; find the link text itself. */
function linkSpan(h: Holder, l: GlossaryLink): [number, number] | null {
  if (h.text.slice(l.start, l.end) === l.text) return [l.start, l.end];
  const at = h.text.indexOf(l.text);
  return at >= 0 ? [at, at + l.text.length] : null;
}

interface Candidate {
  start: number;
  end: number;
  concept: string;
  via: MentionsAttributes['via'];
  /** Glossary links and defined terms are authoritative: they are kept whatever overlaps them. */
  fixed: boolean;
}

const QUOTED = /[“"「]([^”"」]{2,40})[”"」]/g;
const NAMED_IDEA = /^\s*(hypothesis|theory|model|account|framework|假说|假设|理论|模型)/i;
// `X（Y）` / `X (Y)`: a gloss in brackets right after a term.
const BRACKET = /[（(]([^（）()]{1,80})[）)]/g;
// `X, or ABBR,`: an abbreviation given in apposition.
const OR_ABBR = /,\s*or\s+([A-Za-z][A-Za-z0-9-]{1,9})\b/g;

/** Parses a gloss `English name, ABBR` / `ABBR` / `英文名`: its name and abbreviations. */
function parseGloss(gloss: string): { name?: string; abbrs: string[]; zh?: string } | null {
  const parts = gloss
    .split(/[,，;；]|\bor\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length || parts.length > 3) return null;
  const out: { name?: string; abbrs: string[]; zh?: string } = { abbrs: [] };
  for (const p of parts) {
    if (isAbbr(p)) out.abbrs.push(p);
    else if (!isHanText(p) && isEnglishTerm(p, 7) && !/^(e\.g|i\.e|see|like|such as)\b/i.test(p)) out.name ??= p;
    else if (isChineseTerm(p)) out.zh ??= p;
    else return null;
  }
  return out.name || out.abbrs.length || out.zh ? out : null;
}

/** A function that returns `v` (made here: a closure bound to a const in a loop costs a naming call under tsx). */
const constant =
  <T>(v: T) =>
  () =>
    v;

// The vocabulary forms met in a chapter's Chinese holders (see findMentions), in buffers shared by every
// chapter: a normalised range and the form.
let hitStarts = new Int32Array(4096);
let hitEnds = new Int32Array(4096);
let hitRefs: (FormRef | undefined)[] = new Array<FormRef | undefined>(4096).fill(undefined);

function growHits(): void {
  const size = 2 * hitStarts.length;
  const starts = new Int32Array(size);
  starts.set(hitStarts);
  hitStarts = starts;
  const ends = new Int32Array(size);
  ends.set(hitEnds);
  hitEnds = ends;
  hitRefs = hitRefs.concat(new Array<FormRef | undefined>(size - hitRefs.length).fill(undefined));
}

/**
 * Finds every concept mention of a chapter. Pure apart from the vocabulary (read-only) and jieba.
 */
export function findMentions(chapter: ParsedChapter, vocab: Vocabulary): ChapterMentions {
  const holders = holdersOf(chapter);
  const local = new Map<string, LocalTerm>();
  // Matching key → concept key, for forms the chapter itself gives (link texts, defined terms, glosses).
  const localForms = new Map<string, string>();
  const entryToVocab = new Map<string, string>();
  /**
   * Matching keys of abbreviations the chapter defines for another concept than the vocabulary's
   * (`惊恐障碍（Panic Disorder, PD）` where the vocabulary's PD is Parkinson's disease): in this chapter the
   * abbreviation means what the chapter says, and the vocabulary's match of it is refused.
   */
  const redefined = new Set<string>();

  /** The concept key a term stands for: the vocabulary's when it knows any of its forms, else a local one. */
  const resolveTerm = (forms: string[]): string | null => {
    for (const f of forms) {
      const ref = vocab.byKey.get(matchKey(f));
      if (ref && (ref.kind !== 'abbreviation' || f.normalize('NFKC') === ref.form)) return ref.key;
    }
    for (const f of forms) {
      const k = localForms.get(matchKey(f));
      if (k) return k;
    }
    return null;
  };

  const addLocal = (
    forms: string[],
    origin: ConceptAttributes['origin'],
    opts: { entry?: string; category?: Category; key?: string } = {},
  ): string | null => {
    const usable = forms.map(clean).filter((f) => matchKey(f).length >= 2);
    if (!usable.length) return null;
    let key = opts.key ?? resolveTerm(usable);
    if (!key) {
      const en = usable.find((f) => !isHanText(f) && !isAbbr(f));
      const id = matchKey(simplifiedOf(en ?? usable[0]!)).replace(/\s+/g, '-');
      key = nodeKey.concept(`term:${id}`);
    }
    let term = local.get(key);
    if (!term) {
      const vocabId = key.startsWith('concept:') ? key.slice('concept:'.length) : key;
      const known = vocab.concepts.get(vocabId);
      const labels: Partial<Record<Lang, string>> = {};
      for (const f of usable) if (!isAbbr(f)) labels[langOf(f)] ??= simplifiedOf(f);
      if (!labels.en && !labels.zh) labels.en = usable[0];
      const category =
        known?.category ?? opts.category ?? (labels.zh ? categorize(labels.zh, vocab) : 'Concept') ?? 'Concept';
      term = {
        key,
        category: category === 'Concept' && labels.en && !known ? categorize(labels.en, vocab) : category,
        origin: known ? 'vocabulary' : origin,
        labels,
        entryIds: new Set(),
        forms: new Set(),
      };
      local.set(key, term);
    }
    if (opts.entry) term.entryIds.add(opts.entry);
    for (const f of usable) {
      term.forms.add(f);
      const k = matchKey(f);
      // A form keeps the first concept that claimed it; the vocabulary's forms are never taken over, but
      // for an abbreviation the chapter itself defines.
      if (origin === 'defined' && isAbbr(f) && !localForms.has(k) && vocab.byKey.get(k)?.key !== key) {
        // (Only an abbreviation: a vocabulary name written in capitals, `NKCC1`, means the same everywhere.)
        const ref = vocab.byKey.get(k);
        if (ref?.kind === 'abbreviation' && f.normalize('NFKC') === ref.form) {
          localForms.set(k, key);
          redefined.add(k);
        }
      }
      if (!localForms.has(k) && !vocab.byKey.has(k)) localForms.set(k, key);
      // (`ICDs`, `LABAs`: an abbreviation the chapter defines, in the plural.)
      if (origin === 'defined' && isAbbr(f) && /[A-Z0-9]$/.test(f)) {
        const pk = matchKey(`${f}s`);
        if (!localForms.has(pk) && !vocab.byKey.has(pk)) localForms.set(pk, key);
      }
      if (!isAbbr(f) && !term.labels[langOf(f)]) term.labels[langOf(f)] = simplifiedOf(f);
    }
    return key;
  };

  // Pass 1a: glossary links. A link whose text the vocabulary knows is that vocabulary concept; all links
  // of one entry id follow the first of them that the vocabulary knows.
  for (const h of holders) {
    for (const l of h.links) {
      const ref = vocab.byKey.get(matchKey(l.text));
      if (ref && ref.kind !== 'abbreviation') entryToVocab.set(`${l.scheme}:${l.id}`, ref.key);
    }
  }
  const seenLinks = new Set<string>();
  for (const h of holders) {
    for (const l of h.links) {
      const id = glossaryConceptId(l.scheme, l.id);
      const key = entryToVocab.get(id) ?? nodeKey.concept(id);
      // The same link recurs through a chapter: its form and entry are recorded once.
      const seen = `${key}\u0000${l.id}\u0000${l.text}`;
      if (seenLinks.has(seen)) continue;
      seenLinks.add(seen);
      addLocal([l.text], 'glossary', { key, entry: l.scheme === 'entry' ? l.id : undefined });
    }
  }

  // The chapter's jieba windows, shared by every look at Chinese word boundaries (see ChapterWindows).
  const windows = new ChapterWindows();
  const titles = new Set(chapter.sections.map((x) => matchKey(x.attributes.title)));
  // Pass 1b: what the chapter defines. Bold spans (with a gloss inside or right after them), bilingual
  // pairs, abbreviations, quoted named hypotheses.
  for (const h of holders) {
    if (h.isHeading) continue;
    const text = h.text;
    for (const b of h.bold) {
      let term = clean(text.slice(b.plainStart, b.plainEnd));
      let gloss: ReturnType<typeof parseGloss> = null;
      const inner = /^(.+?)\s*[（(]([^（）()]+)[）)]$/.exec(term);
      if (inner) {
        term = clean(inner[1]!);
        gloss = parseGloss(inner[2]!);
      } else {
        const after = /^\s*[（(]([^（）()]+)[）)]/.exec(text.slice(b.plainEnd));
        if (after) gloss = parseGloss(after[1]!);
        const orAbbr = /^,\s*or\s+([A-Za-z][A-Za-z0-9-]{1,9})\b/.exec(text.slice(b.plainEnd));
        if (orAbbr && isAbbr(orAbbr[1]!)) gloss = { abbrs: [orAbbr[1]!] };
      }
      // An English term's abbreviation must spell it (`vmPFC` for ventromedial prefrontal cortex).
      if (gloss && !isHanText(term)) gloss.abbrs = gloss.abbrs.filter((a) => longFormOf(a, term) !== null);
      const ok = isHanText(term) ? isChineseTerm(term) : isEnglishTerm(term, 5);
      if (!ok) continue;
      const forms = [
        term,
        ...(gloss?.name ? [gloss.name] : []),
        ...(gloss?.zh ? [gloss.zh] : []),
        ...(gloss?.abbrs ?? []),
      ];
      addLocal(forms, 'defined');
    }
    // Italic multi-word terms (`*precision-weighted average*`); single italic words are emphasis.
    for (const it of h.italic) {
      const term = clean(text.slice(it.plainStart, it.plainEnd));
      if (isHanText(term) || !/[\s-]/.test(term) || !isEnglishTerm(term, 4)) continue;
      if (categoryFromHeadWord(term) || vocabHead(term, vocab) || /-/.test(term)) addLocal([term], 'defined');
    }
    // Glosses in brackets after a term: `难治性抑郁症（TRD）`, `Generalized Anxiety Disorder (GAD)`.
    const hasBracket = text.includes('(') || text.includes('（');
    for (const m of hasBracket ? text.matchAll(BRACKET) : []) {
      const gloss = parseGloss(m[1]!);
      if (!gloss) continue;
      const before = text.slice(0, m.index);
      if (isHanText(before.slice(-1))) {
        // A Chinese gloss after a Chinese term explains it (`所有内向（正电荷流入）`); a name is Latin.
        if (!gloss.name && !gloss.abbrs.length) continue;
        const head = termBefore(h, m.index, vocab, windows);
        if (!head) continue;
        addLocal([head, ...(gloss.name ? [gloss.name] : []), ...gloss.abbrs], 'defined');
      } else if (gloss.abbrs.length === 1 && !gloss.name) {
        const long = longFormOf(gloss.abbrs[0]!, before.slice(-120));
        if (long) addLocal([long, gloss.abbrs[0]!], 'defined');
      }
    }
    for (const m of text.includes(', or ') ? text.matchAll(OR_ABBR) : []) {
      if (!isAbbr(m[1]!)) continue;
      const long = longFormOf(m[1]!, text.slice(0, m.index).slice(-120));
      if (long) addLocal([long, m[1]!], 'defined');
    }
    // A quoted phrase named as a hypothesis or theory (`the "aberrant salience" hypothesis`) is a concept;
    // other quoted phrases only when their head word gives them a category and they read like a term.
    for (const m of /[“"「]/.test(text) ? text.matchAll(QUOTED) : []) {
      const term = clean(m[1]!);
      const idea = NAMED_IDEA.test(text.slice(m.index + m[0].length));
      // Coordinated phrases (`原理与机制`) and section titles in quotes are no terms.
      const termLike =
        (isHanText(term)
          ? isChineseTerm(term) && term.length <= 10 && !/[与和及]/.test(term)
          : isEnglishTerm(term, 4)) && !titles.has(matchKey(term));
      if (!termLike) continue;
      if (vocab.byKey.has(matchKey(term))) continue;
      if (idea) addLocal([term], 'defined', { category: categorize(term, vocab) });
      else if (categoryFromHeadWord(term) && term.length >= (isHanText(term) ? 4 : 3))
        addLocal([term], 'rule', { category: categoryFromHeadWord(term)! });
    }
  }

  // Pass 1c: head-word compounds on vocabulary molecules (`GABA能网络`, `dopaminergic neurons`).
  for (const h of holders) {
    if (!h.text.includes('能')) continue;
    for (const m of h.text.matchAll(NENG_COMPOUND)) {
      const ref = vocab.byKey.get(matchKey(m[1]!));
      if (ref && vocab.concepts.get(ref.concept)!.category === 'Molecule')
        addLocal([m[0]], 'rule', { category: 'Circuit' });
    }
  }

  // Pass 2: the vocabulary's matches in every holder (computed once), then head-word compounds built on
  // them, then the chapter's own forms; spans are chosen last. jieba is asked only about the offsets a
  // match needs (see WordBoundaries). Per-holder state is kept by the holder's index: its matching key,
  // its word boundaries (made when first needed) and the spans links, vocabulary and chapter forms give.
  const keys = holders.map((h) => matchText(h.text, h.normText));
  const bounds = holders.map((h) => {
    let wb: WordBoundaries | null = null;
    return () => (wb ??= hanBoundaries(h, windows));
  });
  /** Takes the vocabulary's form `ref` at the normalised range [hs, he) of holder i if it stands there. */
  const takeVocab = (i: number, cands: Candidate[], hs: number, he: number, ref: FormRef): boolean => {
    const m = keys[i]!;
    if (!boundaryOk(m, hs, he, bounds[i]!)) return false;
    if (redefined.size && redefined.has(m.text.slice(hs, he))) return false;
    if (afterNon(m.text, hs)) return false;
    const [s, e] = originalRange(m, hs, he);
    const t = holders[i]!.text;
    if (mathSymbol(t, s, e) || likeAfter(t, e)) return false;
    if (verbTail(t, s, e) && vocab.byKey.has(matchKey(t.slice(s, e - 2)))) return false;
    if (ref.kind === 'abbreviation' && t.slice(s, e).normalize('NFKC') !== ref.form) return false;
    cands.push({ start: s, end: e, concept: ref.key, via: 'vocabulary', fixed: false });
    return true;
  };
  /** The vocabulary's matches in holder i: at each end, the longest form on word boundaries. */
  const vocabMatches = (i: number): Candidate[] => {
    const cands: Candidate[] = [];
    vocab.matcher.searchLongestInWords(keys[i]!.text, (hs, he, ref) => takeVocab(i, cands, hs, he, ref));
    return cands;
  };
  // Holders without Chinese need no jieba and are matched at once. In the others, a first walk over every
  // form found (not only the longest) queues each jieba window a boundary test could ask about, so that
  // the chapter's windows are segmented in one call before they are matched. That walk records the forms
  // it meets (per end offset, longest first, as the automaton reports them); the matching then reads
  // them back instead of walking the text again.
  const vocabHits: Candidate[][] = [];
  const chinese: number[] = [];
  let hitCount = 0;
  keys.forEach((m, i) => {
    if (!hasHanCode(m.text)) {
      vocabHits[i] = vocabMatches(i);
      return;
    }
    chinese.push(i, hitCount);
    const wb = bounds[i]!;
    const ahead: BoundaryTest = {
      has: (offset) => {
        wb().want(offset);
        return true;
      },
    };
    const aheadOf = constant(ahead);
    vocab.matcher.searchLongestInWords(m.text, (hs, he, ref) => {
      if (hitCount === hitStarts.length) growHits();
      hitStarts[hitCount] = hs;
      hitEnds[hitCount] = he;
      hitRefs[hitCount++] = ref;
      boundaryOk(m, hs, he, aheadOf);
      return false;
    });
  });
  windows.flush();
  for (let k = 0; k < chinese.length; k += 2) {
    const i = chinese[k]!;
    const to = k + 2 < chinese.length ? chinese[k + 3]! : hitCount;
    const cands: Candidate[] = [];
    // As searchLongest: at each end, the first form taken ends the look at that end.
    for (let j = chinese[k + 1]!; j < to;) {
      const he = hitEnds[j]!;
      let taken = false;
      for (; j < to && hitEnds[j] === he; j++) if (!taken) taken = takeVocab(i, cands, hitStarts[j]!, he, hitRefs[j]!);
    }
    vocabHits[i] = cands;
  }
  // (The recorded forms are not kept past the chapter.)
  hitRefs.fill(undefined, 0, hitCount);
  // A concept's category: found ones are cached (a category never changes once the concept is known; a
  // key that is not yet a concept may become a chapter term later, so 'Concept' is not cached).
  const categories = new Map<string, Category>();
  const catOf = (key: string): Category => {
    let c = categories.get(key);
    if (c === undefined) {
      c = vocab.concepts.get(key.slice('concept:'.length))?.category ?? local.get(key)?.category;
      if (c === undefined) return 'Concept';
      categories.set(key, c);
    }
    return c;
  };
  const localHits = (i: number, matcher: AhoCorasick<string>): Candidate[] => {
    const out: Candidate[] = [];
    if (!matcher.size) return out;
    const m = keys[i]!;
    matcher.searchLongestInWords(m.text, (hs, he, concept) => {
      if (!boundaryOk(m, hs, he, bounds[i]!) || afterNon(m.text, hs)) return false;
      const [s, e] = originalRange(m, hs, he);
      const term = local.get(concept)!;
      const via = term.origin === 'glossary' ? 'glossary' : term.origin === 'rule' ? 'rule' : 'defined';
      out.push({ start: s, end: e, concept, via, fixed: false });
      return true;
    });
    return out;
  };
  // Links are final after pass 1a: their spans are computed once.
  const linkHits: Candidate[][] = holders.map((h) => {
    const out: Candidate[] = [];
    for (const l of h.links) {
      const span = linkSpan(h, l);
      if (!span) continue;
      const id = glossaryConceptId(l.scheme, l.id);
      const concept = entryToVocab.get(id) ?? nodeKey.concept(id);
      out.push({ start: span[0], end: span[1], concept, via: 'glossary', fixed: true });
    }
    return out;
  });
  const buildMatcher = (skip: ReadonlySet<string>) => {
    const matcher = new AhoCorasick<string>();
    for (const [k, concept] of localForms) if (!skip.has(k)) matcher.add(k, concept);
    // Compiled by its first search (searchLongestInWords needs no failure links).
    return matcher;
  };
  // Compounds are built on what links, the vocabulary and the chapter's terms found so far; a second,
  // small matcher then finds only the compounds, so no holder is searched twice for the same forms.
  const firstMatcher = buildMatcher(new Set());
  const firstForms = new Set(localForms.keys());
  const firstHits: Candidate[][] = [];
  /** The spans chosen among those hits (null: none), final for a holder where no compound is found. */
  const firstSpans: (Candidate[] | null)[] = [];
  holders.forEach((h, i) => {
    const lh = localHits(i, firstMatcher);
    firstHits.push(lh);
    const vh = vocabHits[i]!;
    const lk = linkHits[i]!;
    if (!vh.length && !lh.length && !lk.length) {
      firstSpans.push(null);
      return;
    }
    const spans = selectSpans(concat3(lk, vh, lh));
    firstSpans.push(spans);
    for (const c of compoundsIn(h, spans, catOf, vocab)) addLocal([c.term], 'rule', { category: c.category });
  });
  const compoundMatcher = buildMatcher(firstForms);

  const concepts = new Map<string, ConceptAttributes>();
  /** Aliases of each concept as a set, beside the list (which keeps the order they were seen in). */
  const aliasSets = new Map<string, Set<string>>();
  /** Concepts already counted for the holder at hand: a concept counts once per sentence. */
  const counted = new Set<string>();
  const mentions: FoundMention[] = [];
  holders.forEach((h, i) => {
    const compounds = localHits(i, compoundMatcher);
    // (selectSpans depends on its candidates alone: without compounds, they are the first pass's.)
    const selected = compounds.length
      ? selectSpans([...linkHits[i]!, ...vocabHits[i]!, ...firstHits[i]!, ...compounds])
      : firstSpans[i];
    if (!selected?.length) return;
    const chosen = withSharedHeads(h.text, selected, vocab);
    counted.clear();
    for (const c of chosen) {
      const surface = clean(h.text.slice(c.start, c.end));
      if (!surface) continue;
      if (gluedModifier(h, c, chosen, catOf)) continue;
      const attrs = conceptFor(c.concept, surface);
      mentions.push({
        holder: h.key,
        concept: c.concept,
        start: c.start,
        end: c.end,
        surface,
        via: c.via,
        category: attrs.category,
      });
      // `CRH1受体拮抗剂`: a drug named by its target also mentions the target (nested, for its relation).
      if (attrs.category === 'Intervention' && ZH_TARGETED.test(surface)) {
        const cands = [...linkHits[i]!, ...vocabHits[i]!, ...firstHits[i]!, ...compounds];
        let inner: Candidate | undefined;
        for (const o of cands)
          if (o.start === c.start && o.end < c.end && o.concept !== c.concept && catOf(o.concept) === 'Molecule')
            if (!inner || o.end > inner.end) inner = o;
        if (inner) {
          const innerSurface = clean(h.text.slice(inner.start, inner.end));
          const ia = conceptFor(inner.concept, innerSurface);
          mentions.push({
            holder: h.key,
            concept: inner.concept,
            start: inner.start,
            end: inner.end,
            surface: innerSurface,
            via: inner.via,
            category: ia.category,
          });
        }
      }
    }
  });

  function conceptFor(key: string, surface: string): ConceptAttributes {
    let a = concepts.get(key);
    let aliases = aliasSets.get(key);
    const simplified = simplifiedOf(surface);
    // (Both are made together below.)
    if (!a || !aliases) {
      const id = key.slice('concept:'.length);
      const v = vocab.concepts.get(id);
      const t = local.get(key);
      const labels: Partial<Record<Lang, string>> = v ? { ...v.labels } : { ...(t?.labels ?? {}) };
      // (for-in: the keys in the order Object.entries gives them, without its arrays.)
      if (t) for (const l in t.labels) labels[l as Lang] ??= t.labels[l as Lang];
      const lang = chapter.attributes.lang;
      a = {
        kind: 'concept',
        category: v?.category ?? t?.category ?? categorize(simplified, vocab),
        label: labels[lang] ?? labels.en ?? labels.zh ?? simplified,
        labels,
        aliases: [],
        entryIds: t ? [...t.entryIds] : [],
        xrefs: v ? [...v.xrefs] : [],
        origin: v ? 'vocabulary' : (t?.origin ?? 'rule'),
        documents: [chapter.key],
        mentionCount: 0,
      };
      aliases = new Set();
      // Forms the chapter gives a term (its English name, abbreviation) are its aliases even where unused.
      for (const f of t?.forms ?? []) {
        addAlias(a, aliases, f);
        addAlias(a, aliases, simplifiedOf(f));
      }
      concepts.set(key, a);
      aliasSets.set(key, aliases);
    }
    addAlias(a, aliases, surface);
    if (simplified !== surface) addAlias(a, aliases, simplified);
    // A concept counts once per sentence: a gloss (`术语（Term, ABBR）`) is not a second mention.
    if (!counted.has(key)) {
      counted.add(key);
      a.mentionCount++;
    }
    return a;
  }

  return { mentions, concepts, holders };
}

// Heads that make a new term of the concept before them (`自杀念头`, `谷氨酸盐激增`, `多巴胺释放`,
// `CRH1受体拮抗剂`). Read in
// place (sticky) rather than on a slice: every head is at most four characters long.
const ZH_HEAD_TOKEN =
  /(?:念头|观念|倾向|症状|障碍|激增|释放|耗竭|摄取|再摄取|合成|信号|信号传导|水平|浓度|窗口|窗口期|回路|通路|网络|系统|受体|通道|能神经元|功能障碍|缺陷|失调|拮抗剂|激动剂|抑制剂|阻断剂)/y;

/** A Chinese drug name that ends with what it does to its target (`…受体拮抗剂`). */
const ZH_TARGETED = /(?:拮抗剂|激动剂|抑制剂|阻断剂)$/;

/** Head tokens that are also verbs: after a structure they are what it does, not a new term. */
const ZH_VERB_HEAD = /^(?:释放|耗竭|摄取|再摄取|合成|激增)$/;

/** The head token at `at` in `text`, or null. */
function headTokenAt(text: string, at: number): string | null {
  ZH_HEAD_TOKEN.lastIndex = at;
  return ZH_HEAD_TOKEN.exec(text)?.[0] ?? null;
}

/** Whether a head token starts at `at`. */
export const startsWithHeadToken = (text: string, at: number) => headTokenAt(text, at) !== null;

/** Whether a head token that is also a verb (`释放`, `合成`) starts at `at`. */
export const startsWithVerbHead = (text: string, at: number) => ZH_VERB_HEAD.test(headTokenAt(text, at) ?? '');

/** Whether a drug head (`拮抗剂`) starts at `at`: the name before it is the drug's target, not a modifier. */
export const startsWithDrugHead = (text: string, at: number) => ZH_DRUG_HEAD.test(headTokenAt(text, at) ?? '');
const ZH_DRUG_HEAD = /^(?:拮抗剂|激动剂|抑制剂|阻断剂)$/;

// English modifiers that narrow a head into a term of the field (`sensory precision`, `fear circuit`).
const EN_DOMAIN_MODIFIER = new Set(
  (
    'sensory motor neural neuronal cortical subcortical synaptic visual auditory somatic limbic prefrontal frontal ' +
    'temporal parietal occipital hippocampal striatal thalamic cerebellar spinal cerebral glial presynaptic ' +
    'postsynaptic interoceptive exteroceptive proprioceptive affective cognitive metabolic vascular cardiac renal ' +
    'hepatic immune inflammatory hormonal endocrine genetic epigenetic molecular cellular ionic electrical mesolimbic ' +
    'mesocortical nigrostriatal tonic phasic excitatory inhibitory dendritic axonal somatosensory olfactory ' +
    'gustatory vestibular autonomic sympathetic parasympathetic peripheral central noradrenergic'
  ).split(' '),
);
// Field adjectives of place: before a molecule they say where it is (`synaptic acetylcholine`).
const EN_PLACE_MODIFIER = new Set(
  (
    'cortical subcortical synaptic presynaptic postsynaptic prefrontal frontal temporal parietal occipital ' +
    'hippocampal striatal thalamic cerebellar spinal cerebral extracellular intracellular'
  ).split(' '),
);
// Evaluative or quantitative words never start a term (`low precision`, `strong prior`).
const EN_NOT_MODIFIER = new Set(
  'low high great greater extreme strong weak good poor more less much very new old same other such this that their its our your random simple rational'.split(
    ' ',
  ),
);

/** Modifiers that Chinese uses as possessives (`大脑回路` = the brain's circuits), never as part of a name. */
export const ZH_POSSESSIVE = /^(?:大脑|脑|人脑|脑部|神经系统|身体|机体)$/;

interface Compound {
  term: string;
  category: Category;
}

/**
 * Head-word compounds on the concepts a holder mentions: a Chinese concept followed by a head word
 * (`自杀` + `念头`), an English concept preceded by a noun concept or a field adjective (`learning` +
 * `gain`, `sensory` + `precision`). A structure named after a structure (`大脑回路`) is left alone: the
 * head says nothing new.
 */
function compoundsIn(h: Holder, spans: Candidate[], catOf: (key: string) => Category, vocab: Vocabulary): Compound[] {
  const out: Compound[] = [];
  const text = h.normText && h.normText.length === h.text.length ? h.normText : h.text;
  for (const sp of spans) {
    const cat = catOf(sp.concept);
    if (h.lang === 'zh' || isHanText(text.slice(sp.start, sp.end))) {
      const head = headTokenAt(text, sp.end);
      if (!head || spans.some((o) => o !== sp && o.start === sp.end)) continue;
      // `多巴胺释放` names a process of a molecule; `下丘脑释放CRH` is a structure and its verb.
      if (cat === 'Circuit' && ZH_VERB_HEAD.test(head)) continue;
      const term = text.slice(sp.start, sp.end + head.length);
      if (!isHanText(term) || !isChineseTerm(term)) continue;
      const category = categorize(term, vocab);
      // `大脑回路` is the brain's circuits: a possessive, not a new term.
      if (category === 'Concept' || ZH_POSSESSIVE.test(text.slice(sp.start, sp.end))) continue;
      out.push({ term, category });
      continue;
    }
    if (cat === 'Concept' || cat === 'Intervention') continue;
    const modifier = wordBefore(text, sp.start);
    if (!modifier) continue;
    const w = modifier.toLowerCase();
    if (EN_NOT_MODIFIER.has(w) || EN_STOP.has(w)) continue;
    const modSpan = spans.find((o) => o.end <= sp.start && sp.start - o.end <= 1 && o.end - o.start === w.length);
    const isConceptMod = !!modSpan && catOf(modSpan.concept) !== 'Intervention';
    if (!isConceptMod && !EN_DOMAIN_MODIFIER.has(w) && !/ergic$/.test(w)) continue;
    // `synaptic acetylcholine`, `striatal dopamine`: a molecule said where it is, not a term of its own.
    if (cat === 'Molecule' && !isConceptMod && EN_PLACE_MODIFIER.has(w)) continue;
    const term = `${modifier} ${text.slice(sp.start, sp.end)}`;
    if (vocab.byKey.has(matchKey(term))) continue;
    const rule = categoryFromHeadWord(term);
    const category = rule ?? cat;
    // (A structure's cells are a population of their own: `VTA neurons`, `amygdala cells`.)
    if (
      cat === 'Circuit' &&
      isConceptMod &&
      catOf(modSpan!.concept) === 'Circuit' &&
      !CELL_HEAD.test(text.slice(sp.start, sp.end))
    )
      continue;
    out.push({ term, category });
  }
  return out;
}

/** Heads that name the cells of a structure or a transmitter (`VTA neurons`, `dopamine cells`). */
const CELL_HEAD = /^(?:neurons?|cells?)$/i;

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The English word (3 to 21 letters or hyphens, starting with a letter) that ends in white space just
 * before `at`, looking back at most 24 characters: what `/([A-Za-z][A-Za-z-]{2,20})\s+$/` finds in that
 * stretch, read without a regex run from every position of it.
 */
export function wordBefore(text: string, at: number): string | null {
  const from = Math.max(0, at - 24);
  let w = at;
  while (w > from && isWhiteSpaceCode(text.charCodeAt(w - 1))) w--;
  if (w === at) return null;
  let run = w;
  while (run > from && (isAsciiLetter(text.charCodeAt(run - 1)) || text.charCodeAt(run - 1) === 45)) run--;
  // The leftmost start that the pattern accepts, as a regex search finds it.
  for (let p = Math.max(run, w - 21); p <= w - 3; p++) if (isAsciiLetter(text.charCodeAt(p))) return text.slice(p, w);
  return null;
}

const simplifiedCache = new Map<string, string>();
/** toSimplified, cached: the same surface forms recur in every chapter. */
function simplifiedOf(s: string): string {
  if (!HAN.test(s)) return s;
  let v = simplifiedCache.get(s);
  if (v === undefined) {
    if (simplifiedCache.size > 100_000) simplifiedCache.clear();
    simplifiedCache.set(s, (v = toSimplified(s)));
  }
  return v;
}

/** Word boundaries of a holder's text for Chinese matches (jieba), on its simplified form when it has one. */
function hanBoundaries(h: Holder, windows: ChapterWindows): WordBoundaries {
  return new WordBoundaries(h.normText && h.normText.length === h.text.length ? h.normText : h.text, windows);
}

/**
 * Whether a match of the normalised range [s, e) stands on word boundaries: Latin words must not go on
 * (`ect` in `effect`); a Chinese match must start and end between jieba words, or, when it is long enough
 * to be unambiguous (four characters or more), at least on one side (jieba often glues the next word on).
 */
/**
 * A structure written straight onto the name of another (`中脑` in `中脑边缘奖赏通路`) is part of that
 * name, not a mention of its own.
 */
function gluedModifier(h: Holder, c: Candidate, chosen: Candidate[], catOf: (key: string) => Category): boolean {
  if (c.fixed || catOf(c.concept) !== 'Circuit' || !HAN.test(h.text[c.end - 1] ?? '')) return false;
  const next = chosen.find((o) => o.start >= c.end && o.start - c.end <= 2);
  if (!next || next.concept === c.concept || catOf(next.concept) !== 'Circuit') return false;
  const gap = h.text.slice(c.end, next.start);
  // A verb between them (`海马由齿状回组成`, `边缘系统包括海马`) keeps them apart.
  return /^[\u4e00-\u9fff]*$/.test(gap) && !/[在的和与及是为中对从向把被或由包含构组位属连投到至]/.test(gap);
}

/** `剂`, the agent suffix. */
const AGENT_CODE = 0x5242;
const STRADDLE = new Set(['剂量', '药量', '症状', '病理', '病人', '性质']);
/** Their first characters (a match ending on any other is not looked up). */
const STRADDLE_FIRST = new Set([...STRADDLE].map((w) => w.charCodeAt(0)));

/**
 * Whether the key text has `non` as a word right before `at` (`non-cancer pain`: a hyphen is a space in a
 * key): what follows is named to be excluded, and a vocabulary term there (`cancer pain`) is not mentioned.
 */
function afterNon(key: string, at: number): boolean {
  return at >= 4 && key.startsWith('non ', at - 4) && (at === 4 || !isKeyWordCode(key.charCodeAt(at - 5)));
}

/**
 * Whether `-like` follows a name ending at `e`: `a prion-like manner`, `Parkinson-like rigidity` compare with
 * the thing and do not mention it (a vocabulary form that goes on, `insulin-like growth factor`, is longer).
 */
function likeAfter(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 45 && c !== 0x2010 && c !== 0x2011) return false;
  return /^like(?![A-Za-z])/i.test(text.slice(e + 1, e + 6));
}

/**
 * Whether [s, e) of a text is a symbol of its math, not a name: a TeX command (`$\\tau$` is no tau protein)
 * or a whole inline formula of one variable (`$CL$` is a clearance, not chloride).
 */
export function mathSymbol(text: string, s: number, e: number): boolean {
  if (s > 0 && text.charCodeAt(s - 1) === 92) return true;
  return s > 0 && text.charCodeAt(s - 1) === 36 && text.charCodeAt(e) === 36;
}

/**
 * Whether a Chinese name ending in `治疗` at [s, e) may be a name and the verb of a clause instead (`使用抗抑郁药
 * 治疗双相抑郁`: the drug treats what follows): a Chinese noun, not a particle or a time word, comes straight
 * after. (The caller asks too whether what stands before `治疗` is a name of its own.)
 */
export function verbTail(text: string, s: number, e: number): boolean {
  if (e - s <= 2 || !text.startsWith('治疗', e - 2)) return false;
  const next = text.charCodeAt(e);
  return next >= 0x4e00 && next <= 0x9fff && !/[的后前中时期和与或及上方效组者]/.test(text[e]!);
}

/** What boundaryOk asks jieba: whether a word boundary falls at an offset of the holder's text. */
interface BoundaryTest {
  has(offset: number): boolean;
}

function boundaryOk(m: MatchText, s: number, e: number, bounds: () => BoundaryTest): boolean {
  const t = m.text;
  const first = t.charCodeAt(s);
  const last = t.charCodeAt(e - 1);
  // (searchLongestInWords never offers such a match; other searches may.)
  if (isKeyWordCode(first) && s > 0 && isKeyWordCode(t.charCodeAt(s - 1))) return false;
  if (isKeyWordCode(last) && e < t.length && isKeyWordCode(t.charCodeAt(e))) return false;
  const hanStart = isHanCode(first);
  const hanEnd = isHanCode(last);
  if (!hanStart && !hanEnd) return true;
  // jieba splits `麻醉剂量` as 麻醉剂/量, but a dose is no anaesthetic.
  if (hanEnd && STRADDLE_FIRST.has(last) && STRADDLE.has(t.slice(e - 1, e + 1))) return false;
  // `正性变构调节剂`, `免疫抑制剂`: a name followed by `剂` is what an agent does, not a mention of its own.
  if (hanEnd && t.charCodeAt(e) === AGENT_CODE) return false;
  // A side next to a non-Han character or the edge needs no segmenter; jieba is asked only when it must.
  const startFree = !hanStart || s === 0 || !isHanCode(t.charCodeAt(s - 1));
  const endFree = !hanEnd || e === t.length || !isHanCode(t.charCodeAt(e));
  if (startFree && endFree) return true;
  let hanLen = 0;
  for (let i = s; i < e; i++) if (isHanCode(t.charCodeAt(i))) hanLen++;
  if (hanLen >= 4 && (startFree || endFree)) return true;
  const b = bounds();
  const startOk = startFree || b.has(m.offsets[s]!);
  if (!startOk && hanLen < 4) return false;
  const endOk =
    endFree || b.has(m.offsets[e - 1]! + 1) || (hanLen === 3 && startOk && GLUED_AFTER.has(t.charCodeAt(e)));
  return (startOk && endOk) || (hanLen >= 4 && (startOk || endOk));
}

/**
 * Conjunctions jieba may glue onto the last character of a name it does not know (`奥氮平和利培酮`: 奥/氮/平和):
 * a three-character name that starts on a word boundary may end before one of them.
 */
const GLUED_AFTER = new Set([...'和与及或等'].map((c) => c.charCodeAt(0)));

function hasHanCode(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) return true;
  return false;
}

const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** `[...a, ...b, ...c]`, without the iterators of a spread. */
function concat3<T>(a: T[], b: T[], c: T[]): T[] {
  const out = a.slice();
  for (const x of b) out.push(x);
  for (const x of c) out.push(x);
  return out;
}

/**
 * Non-overlapping spans: authoritative spans first, then the longest, leftmost others. A longer match
 * that wholly contains a link (`中脑边缘[奖赏通路]`) is kept beside it; a shorter one inside is dropped.
 */
function selectSpans(cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return [...cands];
  const chosen: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const c of cands) (c.fixed ? chosen : rest).push(c);
  sortSmall(rest, longestFirst);
  let seen: Set<string> | null = null;
  for (const c of rest) {
    if (clashes(c, chosen)) continue;
    // Only an empty span can repeat one already chosen without clashing with it.
    if (c.end === c.start) {
      const id = `${c.start}:${c.concept}`;
      if (seen?.has(id)) continue;
      (seen ??= new Set()).add(id);
    }
    chosen.push(c);
  }
  return sortSmall(chosen, inTextOrder);
}

/**
 * `sodium, potassium and calcium channels`, `D1和D2受体`: the items before a span that share its head name
 * their own concepts (shared-heads.ts); a span the item holds (`sodium` alone) gives way to it. The walk stops
 * at an item that a longer span or an authoritative one (a link, a defined term) covers otherwise.
 */
function withSharedHeads(text: string, chosen: Candidate[], vocab: Vocabulary): Candidate[] {
  let out: Candidate[] | null = null;
  for (const c of chosen) {
    const items = sharedHeadItems(text, c, vocab);
    if (!items.length) continue;
    let next: Candidate[] = out ?? [...chosen];
    for (const it of items) {
      const inside = (o: Candidate) => o.start >= it.start && o.end <= it.end;
      if (next.some((o) => o.start < it.end && o.end > it.start && (!inside(o) || o.fixed))) break;
      next = next.filter((o) => !inside(o));
      next.push({ start: it.start, end: it.end, concept: it.ref.key, via: 'vocabulary', fixed: false });
    }
    out = next;
  }
  return out ? sortSmall(out, inTextOrder) : chosen;
}

const longestFirst = (a: Candidate, b: Candidate) => b.end - b.start - (a.end - a.start) || a.start - b.start;
const inTextOrder = (a: Candidate, b: Candidate) => a.start - b.start || b.end - a.end;

/** Whether `c` overlaps a chosen span (a longer span wholly containing an authoritative one does not). */
function clashes(c: Candidate, chosen: Candidate[]): boolean {
  for (const o of chosen) {
    if (c.end <= o.start || c.start >= o.end) continue;
    if (o.fixed && c.start <= o.start && c.end >= o.end && c.end - c.start > o.end - o.start) continue;
    return true;
  }
  return false;
}

// Function words that end a Chinese term on its left.
const ZH_STOP_TOKEN =
  /^(的|和|与|及|及其|以及|或|、|是|在|了|为|将|被|由|从|对|向|把|中|等|其|这|那|这种|一种|一个|称为|即|如|诸如|包括|例如|特别是|尤其是)$/;

/**
 * The Chinese term that ends at `end` (just before a bracketed gloss): the longest vocabulary or chapter
 * form ending there, else the jieba words before it up to a function word or punctuation (at most four).
 */
function termBefore(h: Holder, end: number, vocab: Vocabulary, windows: ChapterWindows): string | null {
  const src = (h.normText && h.normText.length === h.text.length ? h.normText : h.text).slice(0, end);
  // The longest vocabulary form ending just before the bracket.
  let known: string | null = null;
  const tail = src.slice(Math.max(0, end - 16));
  const m = matchText(tail);
  for (const hit of vocab.matcher.search(m.text)) {
    if (hit.end !== m.text.length || !HAN.test(m.text[hit.start]!)) continue;
    const [s] = originalRange(m, hit.start, hit.end);
    const cand = h.text.slice(end - tail.length + s, end);
    if (!known || cand.length > known.length) known = cand;
  }
  const segs = src ? segmentTail(src, windows) : [];
  const words: string[] = [];
  let count = 0;
  for (let i = segs.length - 1; i >= 0 && count < 4; i--) {
    const w = segs[i]!;
    if (ZH_STOP_TOKEN.test(w) || !/^[\u4e00-\u9fff-]+$/.test(w)) break;
    words.unshift(w);
    // Hyphens join a chain of parts (`皮质-纹状体-丘脑-皮质`): they do not count as words.
    if (w !== '-') count++;
  }
  while (words[0] === '-') words.shift();
  const chain = words.join('');
  // A hyphenated chain is one name, longer than the vocabulary word it ends with (`…-丘脑-皮质`).
  if (chain.includes('-') && isChineseTerm(chain) && (!known || chain.length > known.length)) return chain;
  if (known) return known;
  return isChineseTerm(chain) ? chain : null;
}

function segmentTail(src: string, windows: ChapterWindows): string[] {
  // Only the last clause matters; segmenting it alone keeps jieba from gluing across punctuation.
  const cut = Math.max(...['，', '。', '；', '：', '、', ',', ' '].map((p) => src.lastIndexOf(p)));
  return windows.words(src.slice(cut + 1));
}
