/**
 * What the relation readers share: a sentence with its concept slots and cue words, a reading of a cue
 * (subject, object, predicate), the callback that records a relation, and how slots fit a category or
 * stand coordinated (`A和B`, `A, B and C`).
 */
import type { Category } from '../model/types';
import type { Cue, PredicateOption } from './cues';
import type { FoundMention, Holder } from './mentions';
import { sortSmall } from './sort-small';
import { isWhiteSpaceCode } from '../text/whitespace';

/** A concept occurrence in a sentence; a pronoun carries its ranked antecedents instead of one concept. */
export interface Slot {
  start: number;
  end: number;
  /** Candidate concepts, best first (one for a plain mention). */
  concepts: { key: string; category: Category }[];
  pronoun: boolean;
}

export interface Sentence {
  holder: Holder;
  text: string;
  slots: Slot[];
  hedged: boolean;
  /** Cue words, once found. */
  hits?: CueHit[];
  /** The text with its names masked, once computed. */
  masked?: string;
  /** Position in the chapter's sentence list. */
  index: number;
}

export interface CueHit {
  cue: Cue;
  start: number;
  end: number;
  text: string;
}

export interface Reading {
  subj: Slot;
  obj: Slot;
  option: PredicateOption;
  confidence: number;
  negated: boolean;
}

export type Emit = (
  s: Sentence,
  subj: Slot,
  obj: Slot,
  option: PredicateOption,
  cue: string,
  confidence: number,
  negated: boolean,
) => void;

// (`吸入A或静脉注射B`: a route of giving may follow the conjunction.)
const COORD_ZH =
  /^[）)]?\s*(?:和|与|及|及其|以及|或|、|和\/或|或者)\s*(?:静脉注射|肌肉注射|注射|吸入|口服|服用|给予)?\s*$/;
// `to SSRIs and to clomipramine`: a repeated preposition keeps the coordination.
const COORD_EN =
  /^\)?\s*(?:,?\s*and|,?\s*or|,|as well as|and\/or|,\s*and|,\s*or)\s*(?:(?:to|for|in|on|with|by)\s+)?(?:the\s+|even\s+)?$/i;

/** `, and ` or ` or ` after the last name of an English list. */
const EN_LIST_CLOSER = /^,?\s+(?:and|or)\s/i;

export function pick(slot: Slot, cats: readonly Category[]): { key: string; category: Category } | null {
  return slot.concepts.find((c) => cats.includes(c.category)) ?? null;
}

/** Whether two slots are coordinated: joined by `和`/`and`, or on one span (the members of `这两种过程`). */
function joined(text: string, x: Slot, y: Slot, coord: RegExp): boolean {
  return (x.start === y.start && x.end === y.end) || coord.test(text.slice(x.end, y.start));
}

/** Mentions joined to `anchor` by coordination (`A和B`, `A, B and C`), in text order. */
export function coordinated(s: Sentence, anchor: Slot, within: Slot[], zh: boolean): Slot[] {
  const i = within.indexOf(anchor);
  const group = [anchor];
  const coord = zh ? COORD_ZH : COORD_EN;
  // `A and the tricyclic antidepressant B`: an English class noun just before a name of its kind is part of
  // that name's phrase; the coordination runs on past it.
  let link = anchor;
  for (let j = i - 1; j >= 0; j--) {
    const x = within[j]!;
    // (So is a name before its own gloss in brackets: `the rostral ventromedial medulla (RVM)`.)
    // (And in Chinese: `上皮钠通道（ENaC）和钠钾泵`.)
    if (
      link === group[0] &&
      !x.pronoun &&
      !link.pronoun &&
      ((!zh &&
        link.start - x.end === 1 &&
        x.concepts[0]!.category === link.concepts[0]!.category &&
        s.text.charCodeAt(x.end) === 32 &&
        j > 0) ||
        (x.concepts[0]!.key === link.concepts[0]!.key && /^\s*[(（]$/.test(s.text.slice(x.end, link.start))))
    ) {
      link = x;
      continue;
    }
    if (!joined(s.text, x, link, coord)) break;
    group.unshift(x);
    link = x;
  }
  for (let j = i + 1; j < within.length; j++) {
    if (!joined(s.text, group[group.length - 1]!, within[j]!, coord)) break;
    group.push(within[j]!);
  }
  if (zh) return group;
  // An English series joined by bare commas is a list only when `and`/`or` closes it (`A, B and C`);
  // else the comma ends a clause (`X reduces A, B raises C`): the group stops at the anchor's side of it.
  const bare = (k: number) => /^\s*,\s*$/.test(s.text.slice(group[k]!.end, group[k + 1]!.start));
  // (`A, B and traumatic nerve injury`: an `and` after the last name closes the list with an item that is no
  // concept.)
  const closed =
    group.length > 1 &&
    (!bare(group.length - 2) ||
      EN_LIST_CLOSER.test(s.text.slice(group[group.length - 1]!.end, group[group.length - 1]!.end + 6)));
  if (closed) return group;
  const at = group.indexOf(anchor);
  let from = at;
  let to = at;
  while (from > 0 && !bare(from - 1)) from--;
  while (to < group.length - 1 && !bare(to)) to++;
  return group.slice(from, to + 1);
}

/** Whether `text` holds any of `chars` (one-character strings, made once: a Han one is a new string each time). */
export function hasAnyChar(text: string, chars: string[]): boolean {
  for (const c of chars) if (text.includes(c)) return true;
  return false;
}

/** What may stand before the name that opens an English sentence as its subject. */
export const SENTENCE_SUBJECT = /^\s*(?:the\s+|a\s+|an\s+)?$/i;

// Clause marks as code units (clause bounds are scanned character by character for every cue).
// (Tables by code unit: a look-up per character, cheaper than a set's.)
const codeTable = (chars: string) => {
  const table = new Uint8Array(65536);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
};
const CLAUSE_MARK_ZH = codeTable('，,；;。！？!?：:—');
const CLAUSE_MARK_EN = codeTable(';:!?—');

/** Words that open a clause before its subject (`而电势梯度则…`). */
export const ZH_CLAUSE_OPENER = /^\s*(?:而且|而|但是|但|然而|并且|同时|此外|另外|因此|所以|则)?/;

/**
 * Whether a clause ends at `text[i]`. (Module-level helpers rather than closures in the hot paths: the
 * tsx/esbuild build names every closure bound to a const as it is made, at a property definition each.)
 */
function isClauseMark(text: string, i: number, zh: boolean): boolean {
  const c = text.charCodeAt(i);
  if (zh) return CLAUSE_MARK_ZH[c] === 1;
  // `,` or `.` before white space or the end.
  return (
    CLAUSE_MARK_EN[c] === 1 ||
    ((c === 44 || c === 46) && (i + 1 >= text.length || isWhiteSpaceCode(text.charCodeAt(i + 1))))
  );
}

// Whether the last text asked about holds a bracket (clauseBounds asks about one sentence many times).
let bracketText = '';
let bracketFound = false;
function hasBracket(text: string): boolean {
  if (text !== bracketText) {
    bracketText = text;
    bracketFound = text.includes('（') || text.includes('(');
  }
  return bracketFound;
}

/** The span around [from, to) up to the nearest character of `stops` on either side (`stops` has no flags). */
export function spanBetween(text: string, from: number, to: number, stops: RegExp): [number, number] {
  let a = from;
  while (a > 0 && !stops.test(text[a - 1]!)) a--;
  let b = to;
  while (b < text.length && !stops.test(text[b]!)) b++;
  return [a, b];
}

/** The clause around [cs, ce): from the last clause mark before it to the first after it. */
export function clauseBounds(text: string, cs: number, ce: number, zh: boolean): [number, number] {
  let a = cs;
  for (;;) {
    while (a > 0 && !isClauseMark(text, a - 1, zh)) a--;
    // A Chinese clause runs back across a bracketed gloss (`视交叉上核（Suprachiasmatic Nucleus, SCN）产生`):
    // a comma inside a bracket that closes before the cue ends no clause.
    if (!zh || a === 0) break;
    const mark = text.charCodeAt(a - 1);
    if ((mark !== 44 && mark !== 0xff0c) || !hasBracket(text)) break;
    // The bracket the comma stands in: opened within 60 characters before it, closed before the cue.
    let open = -1;
    for (let i = a - 2; i >= 0 && i >= a - 60; i--) {
      const c = text.charCodeAt(i);
      if (c === 0xff09 || c === 41) break;
      if (c === 0xff08 || c === 40) {
        open = i;
        break;
      }
    }
    if (open < 0) break;
    let closed = false;
    for (let i = a; i < cs; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xff09 || c === 41) {
        closed = true;
        break;
      }
    }
    if (!closed) break;
    a = open;
  }
  let b = ce;
  while (b < text.length && !isClauseMark(text, b, zh)) b++;
  return [a, b];
}

const outerFirst = (a: FoundMention, b: FoundMention) => a.start - b.start || b.end - a.end;

/** Mentions not nested inside another (a link inside a longer vocabulary match counts once, as the longer). */
export function outermost(ms: FoundMention[]): FoundMention[] {
  const sorted = sortSmall([...ms], outerFirst);
  const out: FoundMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start >= last.start && m.end <= last.end) continue;
    out.push(m);
  }
  return out;
}
