/**
 * What the relation readers share: a sentence with its concept slots and cue words, a reading of a cue
 * (subject, object, predicate), the callback that records a relation, and how slots fit a category or
 * stand coordinated (`A和B`, `A, B and C`).
 */
import type { Category } from '../model/types';
import type { Cue, PredicateOption } from './cues';
import type { Holder } from './mentions';

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

const COORD_ZH = /^\s*(?:和|与|及|及其|以及|或|、|和\/或|或者)\s*$/;
// `to SSRIs and to clomipramine`: a repeated preposition keeps the coordination.
const COORD_EN =
  /^\s*(?:,?\s*and|,?\s*or|,|as well as|and\/or|,\s*and|,\s*or)\s*(?:(?:to|for|in|on|with|by)\s+)?(?:the\s+|even\s+)?$/i;

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
  for (let j = i - 1; j >= 0; j--) {
    if (!joined(s.text, within[j]!, group[0]!, coord)) break;
    group.unshift(within[j]!);
  }
  for (let j = i + 1; j < within.length; j++) {
    if (!joined(s.text, group[group.length - 1]!, within[j]!, coord)) break;
    group.push(within[j]!);
  }
  if (zh) return group;
  // An English series joined by bare commas is a list only when `and`/`or` closes it (`A, B and C`);
  // else the comma ends a clause (`X reduces A, B raises C`): the group stops at the anchor's side of it.
  const bare = (k: number) => /^\s*,\s*$/.test(s.text.slice(group[k]!.end, group[k + 1]!.start));
  const closed = group.length > 1 && !bare(group.length - 2);
  if (closed) return group;
  const at = group.indexOf(anchor);
  let from = at;
  let to = at;
  while (from > 0 && !bare(from - 1)) from--;
  while (to < group.length - 1 && !bare(to)) to++;
  return group.slice(from, to + 1);
}
