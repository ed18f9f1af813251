/**
 * Finding cue words in a sentence without one large alternation per sentence. Every cue of a language is
 * indexed by the characters its words can start with; a sentence is walked once, and only at a character
 * that starts some cue are those cues tried, in lexicon order, anchored there. The result is what the
 * alternation `(cue 1)|(cue 2)|…` with the `g` flag finds: the leftmost match, the first cue in order
 * that matches there, then on from its end.
 */
import type { Cue } from './cues';

/** The index of the `)` closing the group opened at `open`, or -1. */
function groupEnd(words: string, open: number): number {
  let depth = 0;
  for (let i = open; i < words.length; i++) {
    const c = words[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      // A class: up to its `]` (a `)` inside it closes nothing).
      for (i++; i < words.length && words[i] !== ']'; i++) if (words[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The character codes a cue's alternatives start with, or null when any character may start it. */
function firstChars(words: string, ignoreCase: boolean): Set<number> | null {
  const out = new Set<number>();
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < words.length; i++) {
    const c = words[i]!;
    if (atStart) {
      atStart = false;
      // An alternative opening with a group that must match (`(?:treated|managed) with`): its own first
      // characters; a cue tried at every position of every sentence costs a regex test per character.
      if (words.startsWith('(?:', i)) {
        const end = groupEnd(words, i);
        const after = words[end + 1];
        if (end < 0 || (after !== undefined && '?*{'.includes(after))) return null;
        const inner = firstChars(words.slice(i + 3, end), ignoreCase);
        if (inner === null) return null;
        for (const code of inner) out.add(code);
        i = end;
        continue;
      }
      // A group, class, escape or wildcard first, or an optional first character: no fixed first character.
      // (A one-character last alternative has no next character: `'?*{'.includes('')` would be true.)
      const next = words[i + 1];
      if ('\\([.^$|'.includes(c) || (next !== undefined && next !== '' && '?*{'.includes(next))) return null;
      for (const v of ignoreCase ? [c.toLowerCase(), c.toUpperCase()] : [c]) out.add(v.charCodeAt(0));
    }
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) atStart = true;
  }
  // An empty last alternative matches before any character.
  return atStart ? null : out;
}

/**
 * The character codes a cue's alternatives continue with (their second character), or null when some
 * alternative's second character is not a fixed one (a class, group, escape, quantifier…). A cue tried at
 * `p` can only match when `text[p + 1]` is one of them.
 */
function secondChars(words: string, ignoreCase: boolean): Set<number> | null {
  const out = new Set<number>();
  const special = '\\()[].^$|?*+{';
  const quantifier = '?*+{';
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    const c = words[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (c !== undefined && !(c === '|' && depth === 0)) continue;
    // An alternative words[start, i): two literal characters, neither made optional or repeated.
    const alt = words.slice(start, i);
    start = i + 1;
    if (alt.length < 2 || special.includes(alt[0]!) || special.includes(alt[1]!)) return null;
    if (alt.length > 2 && quantifier.includes(alt[2]!)) return null;
    for (const v of ignoreCase ? [alt[1]!, alt[1]!.toLowerCase(), alt[1]!.toUpperCase()] : [alt[1]!])
      if (v.length === 1) out.add(v.charCodeAt(0));
  }
  return out;
}

/** The alternatives of `words` at its top level (not inside a group or a class). */
function topAlternatives(words: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < words.length; i++) {
    const c = words[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < words.length && words[i] !== ']'; i++) if (words[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(words.slice(start, i));
      start = i + 1;
    }
  }
  out.push(words.slice(start));
  return out;
}

/**
 * The literal openings of a cue's alternatives (ASCII letters in lower case when matching ignores case):
 * the cue can match at `p` only where the text there starts with one of them. `reduc` for
 * `reduc(?:e|es|ed|ing)`, `main` and `major` for `(?:main|major) risks?`. Null when some alternative has
 * none (it opens with a class, an escape, an optional character…): the cue is then always tried.
 */
function literalOpenings(words: string, ignoreCase: boolean): string[] | null {
  const out: string[] = [];
  for (const alt of topAlternatives(words)) {
    if (alt.startsWith('(?:')) {
      // A group that must match: its own alternatives' openings.
      const end = groupEnd(alt, 0);
      const after = alt[end + 1];
      if (end < 0 || (after !== undefined && '?*+{'.includes(after))) return null;
      const inner = literalOpenings(alt.slice(3, end), ignoreCase);
      if (inner === null) return null;
      out.push(...inner);
      continue;
    }
    let open = '';
    for (let i = 0; i < alt.length; i++) {
      const c = alt[i]!;
      const next = alt[i + 1];
      if ('\\()[]{}.^$|?*+'.includes(c) || (next !== undefined && '?*+{'.includes(next))) break;
      // A cased letter beyond ASCII may match its other case: the opening stops before it.
      if (ignoreCase && c.charCodeAt(0) >= 128 && c.toLowerCase() !== c.toUpperCase()) break;
      open += ignoreCase ? c.toLowerCase() : c;
    }
    if (!open) return null;
    out.push(open);
  }
  return out;
}

/** A character and, when case is ignored, its other case (one code unit each). */
function caseVariants(ch: string, ignoreCase: boolean): number[] {
  const out = new Set<number>();
  for (const v of ignoreCase ? [ch, ch.toLowerCase(), ch.toUpperCase()] : [ch])
    if (v.length === 1) out.add(v.charCodeAt(0));
  return [...out];
}

/**
 * The key of the two characters after a cue's first: the look-up of `byPair`. (A 32-bit integer: V8 keeps
 * it unboxed, where a larger number would be allocated for every look-up.)
 */
const pairKey = (c1: number, c2: number) => (c1 << 16) | c2;

/** A character of `\w` (without the `u` flag, as the cue patterns are written). */
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

export interface CueMatch {
  /** Index of the cue in the lexicon. */
  cue: number;
  start: number;
  end: number;
}

export class CueScanner {
  /** Each cue's pattern, anchored (sticky) so it is tried at one position only. */
  private readonly sticky: RegExp[];
  /** Each cue's possible second characters (secondChars), or null. */
  private readonly seconds: (Set<number> | null)[];
  /** Cues (in lexicon order) that may start with a given character code. */
  private readonly byFirst = new Map<number, number[]>();
  /** The same for a position inside a word: cues that open with `\b` and a word character cannot start there. */
  private readonly byFirstInWord = new Map<number, number[]>();
  /** Cues whose first character is not fixed: tried at every position. */
  private readonly anywhere: number[] = [];
  /**
   * The lists above by code unit, for the scan: index + 1 into `lists` (0: only `anywhere`), at a word
   * start and inside a word. A table look-up per character instead of a hash-map one.
   */
  private readonly atStart = new Uint16Array(65536);
  private readonly inWord = new Uint16Array(65536);
  private readonly lists: number[][] = [];
  /**
   * Each of those lists split by the next character: the cues of the list that may go on with it (in
   * lexicon order), and the cues whose second character is not fixed (for any other next character).
   */
  private readonly byNext: Map<number, number[]>[] = [];
  private readonly anyNext: number[][] = [];
  /**
   * Each of those lists by the next two characters, for its cues whose every alternative opens with at
   * least three literal characters (literalOpenings): most cues tried at a position fail there on their
   * first letters (`re…` would try `reduce`, `release`, `reflect`…), and one look-up of the two after the
   * first costs less than those regex tests. A list holds, in lexicon order, the cues so indexed that may
   * go on with the two and the list's other cues that may go on with the first of them; `byNext` and
   * `anyNext` keep only the other cues (for a pair no cue so indexed goes on with).
   */
  private readonly byPair: Map<number, number[]>[] = [];

  /** `ignoreCase`: match every cue regardless of letter case (else as its own pattern says). */
  constructor(cues: readonly Cue[], opts: { ignoreCase?: boolean } = {}) {
    this.sticky = cues.map((c) => {
      const flags = c.re.flags.replace('g', '');
      return new RegExp(c.re.source, `${opts.ignoreCase && !flags.includes('i') ? `${flags}i` : flags}y`);
    });
    const firsts = cues.map((c, i) => firstChars(c.words, this.sticky[i]!.ignoreCase));
    // The pairs of characters after the first that each cue may go on with, when every opening has them.
    // (With the `u` flag a case-insensitive pattern folds beyond ASCII, `ſ` to `s`: no openings then.)
    const pairs = cues.map((c, i) => {
      const re = this.sticky[i]!;
      const openings = re.unicode || re.flags.includes('v') ? null : literalOpenings(c.words, re.ignoreCase);
      if (openings === null || openings.some((o) => o.length < 3)) return null;
      const keys = new Set<number>();
      for (const o of openings)
        for (const c1 of caseVariants(o[1]!, re.ignoreCase))
          for (const c2 of caseVariants(o[2]!, re.ignoreCase)) keys.add(pairKey(c1, c2));
      return keys;
    });
    this.seconds = cues.map((c, i) => (firsts[i] === null ? null : secondChars(c.words, this.sticky[i]!.ignoreCase)));
    firsts.forEach((set, i) => {
      if (set === null) this.anywhere.push(i);
    });
    firsts.forEach((set, i) => {
      const wordStart = cues[i]!.re.source.startsWith('\\b') && [...(set ?? [])].every(isWordCode);
      for (const code of set ?? []) {
        for (const map of wordStart ? [this.byFirst] : [this.byFirst, this.byFirstInWord]) {
          let list = map.get(code);
          if (!list) map.set(code, (list = [...this.anywhere]));
          list.push(i);
        }
      }
    });
    for (const list of [...this.byFirst.values(), ...this.byFirstInWord.values()]) list.sort((a, b) => a - b);
    for (const [map, table] of [
      [this.byFirst, this.atStart],
      [this.byFirstInWord, this.inWord],
    ] as const) {
      for (const [code, list] of map) {
        this.lists.push(list);
        table[code] = this.lists.length;
        const byPair = new Map<number, number[]>();
        for (const i of list) for (const key of pairs[i] ?? []) byPair.set(key, []);
        for (const [key, l] of byPair) {
          const c1 = key >>> 16;
          for (const i of list) {
            const pair = pairs[i];
            const second = this.seconds[i];
            if (pair ? pair.has(key) : second === null || second!.has(c1)) l.push(i);
          }
        }
        this.byPair.push(byPair);
        const byNext = new Map<number, number[]>();
        const anyNext: number[] = [];
        for (const i of list) {
          if (pairs[i]) continue;
          const second = this.seconds[i]!;
          if (second === null) {
            anyNext.push(i);
            for (const l of byNext.values()) l.push(i);
            continue;
          }
          for (const c of second) {
            let l = byNext.get(c);
            if (!l) byNext.set(c, (l = [...anyNext]));
            l.push(i);
          }
        }
        this.byNext.push(byNext);
        this.anyNext.push(anyNext);
      }
    }
  }

  /** Cues without a fixed first character: each is tried at every position, a regex test per character. */
  get triedEverywhere(): number {
    return this.anywhere.length;
  }

  /** Every cue match of `text`, in text order, as the lexicon's alternation would find them. */
  scan(text: string): CueMatch[] {
    const out: CueMatch[] = [];
    for (let p = 0; p < text.length; p++) {
      const inWord = p > 0 && isWordCode(text.charCodeAt(p - 1));
      const list = (inWord ? this.inWord : this.atStart)[text.charCodeAt(p)]!;
      // Only the cues that may start with this character and go on with the next one (or two) are tried.
      let cues = this.anywhere;
      if (list) {
        const next = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
        const pair =
          p + 2 < text.length ? this.byPair[list - 1]!.get(pairKey(next, text.charCodeAt(p + 2))) : undefined;
        cues = pair ?? this.byNext[list - 1]!.get(next) ?? this.anyNext[list - 1]!;
      }
      for (const i of cues) {
        const re = this.sticky[i]!;
        re.lastIndex = p;
        if (re.test(text)) {
          out.push({ cue: i, start: p, end: re.lastIndex });
          // On from the end of the match (an empty one would move on by one).
          p = Math.max(p, re.lastIndex - 1);
          break;
        }
      }
    }
    return out;
  }
}
