/**
 * Coordinated modifiers that share one head noun: `sodium, potassium and calcium channels`, `D1 and D2
 * receptors`, `前额叶和扣带皮层`, `D1和D2受体`. The vocabulary matches only the last item with its head
 * (`calcium channels`); each earlier item names the concept its modifier forms with the same head
 * (`sodium channel`, `potassium channel`) when the vocabulary knows that form. Nothing is guessed: an item
 * whose form with the head is not a vocabulary form ends the walk.
 */
import { matchKey } from '../text/normalize';
import type { FormRef, Vocabulary } from './vocabulary';

/** A span the vocabulary matched, whose head the items before it may share. */
export interface HeadSpan {
  start: number;
  end: number;
}

/** An item of the coordination read as its own concept. */
export interface SharedHeadItem {
  start: number;
  end: number;
  ref: FormRef;
}

/** Between two English items: a comma, `and`, `or`, or both (`A, B, and C`). */
const EN_SEPARATOR = /(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;
/** An English item: one word (letters, digits, Greek, inner hyphens: `5-HT1A`, `D1`, `potassium`). */
const EN_ITEM = /(?:^|[^\w\u0370-\u03ff-])([A-Za-z0-9\u0370-\u03ff][\w\u0370-\u03ff-]{0,19})$/;
const ZH_SEPARATOR = /(?:、|和|与|及|或|以及)$/;
/** A Chinese item: a run of Latin letters and digits (`D1`, `5-HT1A`), or one to four Han characters. */
const ZH_LATIN_ITEM = /([A-Za-z0-9\u0370-\u03ff][A-Za-z0-9\u0370-\u03ff-]{0,11})$/;
const HAN_RUN = /[\u4e00-\u9fff]{1,4}$/;
const HAN_START = /^[\u4e00-\u9fff]/;
const MAX_ITEMS = 6;

/** The vocabulary form of `key`, unless it is an abbreviation (those match only as written). */
function formOf(vocab: Vocabulary, term: string): FormRef | undefined {
  const ref = vocab.byKey.get(matchKey(term));
  return ref && ref.kind !== 'abbreviation' ? ref : undefined;
}

/**
 * The items before `span` that share its head, nearest first, each with the concept it names; empty when
 * the text before the span is no coordination or the vocabulary knows no item's form with the head.
 */
export function sharedHeadItems(text: string, span: HeadSpan, vocab: Vocabulary): SharedHeadItem[] {
  if (!coordinationBefore(text, span.start)) return [];
  const surface = text.slice(span.start, span.end);
  const zh = HAN_START.test(surface) || /[\u4e00-\u9fff]$/.test(surface);
  return zh ? zhItems(text, span, surface, vocab) : enItems(text, span, surface, vocab);
}

/** A cheap look at the characters before a span: a comma, `and`/`or`, or a Chinese conjunction. */
function coordinationBefore(text: string, at: number): boolean {
  if (at < 2) return false;
  const ch = text[at - 1]!;
  if (ch === ' ') return /(?:,|\band|\bor) $/.test(text.slice(Math.max(0, at - 5), at));
  return ch === '、' || ch === '和' || ch === '与' || ch === '及' || ch === '或';
}

function enItems(text: string, span: HeadSpan, surface: string, vocab: Vocabulary): SharedHeadItem[] {
  // The head is what follows the surface's first word (`calcium channels` → `channels`).
  const space = surface.indexOf(' ');
  if (space < 1) return [];
  const head = surface.slice(space + 1);
  const out: SharedHeadItem[] = [];
  let pos = span.start;
  while (out.length < MAX_ITEMS) {
    const before = text.slice(Math.max(0, pos - 12), pos);
    const sep = EN_SEPARATOR.exec(before);
    if (!sep) break;
    const itemEnd = pos - sep[0].length;
    const item = EN_ITEM.exec(text.slice(Math.max(0, itemEnd - 21), itemEnd));
    if (!item) break;
    const word = item[1]!;
    if (/^(?:and|or|the|a|an|both|either|of|in|to|by|with)$/i.test(word)) break;
    const ref = formOf(vocab, `${word} ${head}`);
    if (!ref) break;
    out.push({ start: itemEnd - word.length, end: itemEnd, ref });
    pos = itemEnd - word.length;
  }
  return out;
}

function zhItems(text: string, span: HeadSpan, surface: string, vocab: Vocabulary): SharedHeadItem[] {
  const out: SharedHeadItem[] = [];
  let pos = span.start;
  // The heads to try: the surface's proper suffixes, longest first (`扣带皮层` → `带皮层`, `皮层`, `层`).
  const heads: string[] = [];
  // (Two characters at least: a one-character head, `体`, `核`, would join too much.)
  for (let k = 1; k <= surface.length - 2; k++) heads.push(surface.slice(k));
  while (out.length < MAX_ITEMS) {
    const sep = ZH_SEPARATOR.exec(text.slice(Math.max(0, pos - 2), pos));
    if (!sep) break;
    const itemEnd = pos - sep[0].length;
    const found = zhItem(text, itemEnd, heads, vocab);
    if (!found) break;
    out.push(found);
    pos = found.start;
  }
  return out;
}

/** The longest item ending at `end` whose form with one of `heads` is a vocabulary form. */
function zhItem(text: string, end: number, heads: string[], vocab: Vocabulary): SharedHeadItem | undefined {
  const before = text.slice(Math.max(0, end - 12), end);
  const latin = ZH_LATIN_ITEM.exec(before);
  const lengths: number[] = [];
  if (latin) lengths.push(latin[1]!.length);
  else {
    const han = HAN_RUN.exec(before);
    for (let n = han ? han[0].length : 0; n >= 1; n--) lengths.push(n);
  }
  for (const n of lengths) {
    const item = text.slice(end - n, end);
    for (const head of heads) {
      const ref = formOf(vocab, item + head);
      if (ref) return { start: end - n, end, ref };
    }
  }
  return undefined;
}
