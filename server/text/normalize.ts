/**
 * Matching keys for terms: one normal form shared by the vocabulary and the text, with a map from each
 * normalised character back to the original offset, so a match found in the key lands on the words a
 * reader sees. The key is simplified Chinese, NFKC, lower case, hyphens as spaces, quotes and apostrophes
 * dropped, white space collapsed (and dropped next to Han characters, where it carries no meaning).
 */
import { toSimplified } from './chinese';

export interface MatchText {
  /** The normal form. */
  text: string;
  /** `offsets[i]` is the offset in the original of normalised character i; one extra entry for the end. */
  offsets: Int32Array;
  /** The original text. */
  source: string;
}

// Hyphen-like marks join words the same way a space does (`top-down` = `top down`); em dashes do not.
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2212', '_', '/']);
// Quotes and apostrophes are dropped: `“自上而下”控制` = `自上而下控制`, `Bayes' rule` = `Bayes rule`.
const DROPPED = new Set([
  '"',
  "'",
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u300c',
  '\u300d',
  '\u300e',
  '\u300f',
  '`',
  '*',
]);
const SPACE = /\s/;

const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** The folded form of one character that is not plain ASCII or a common Han character. */
function foldChar(ch: string): string {
  let c = ch.normalize('NFKC').toLowerCase();
  if (c.length === 1 && HYPHENS.has(c)) c = ' ';
  return c;
}

/**
 * The matching key of `text`. `simplified`, when given, is `toSimplified(text)` already computed (a
 * claim's normText); it is used only if it has the same length, since a phrase conversion can change it.
 * This runs on every sentence: ASCII and common Han characters take a fast path without normalisation.
 */
export function matchText(text: string, simplified?: string): MatchText {
  let s = simplified !== undefined && simplified.length === text.length ? simplified : null;
  if (s === null) {
    const whole = toSimplified(text);
    s = whole.length === text.length ? whole : [...text].map((ch) => toSimplified(ch)).join('');
    // A per-character conversion keeps surrogate pairs together, so lengths agree again.
    if (s.length !== text.length) s = text;
  }
  const codes: number[] = [];
  const offsets: number[] = [];
  let pendingSpace = -1;
  let prevHan = false;
  const emit = (code: number, at: number) => {
    if (pendingSpace >= 0) {
      // A space survives only between two non-Han characters.
      if (codes.length && !prevHan && !isHanCode(code)) {
        codes.push(32);
        offsets.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    codes.push(code);
    offsets.push(at);
    prevHan = isHanCode(code);
  };
  const space = (at: number) => {
    if (codes.length && pendingSpace < 0) pendingSpace = at;
  };
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) emit(code, i);
      else if (code >= 65 && code <= 90) emit(code + 32, i);
      else if (code === 32 || code === 9 || code === 10 || code === 13 || code === 45 || code === 95 || code === 47)
        space(i);
      else if (code === 34 || code === 39 || code === 96 || code === 42) continue;
      else emit(code, i);
      continue;
    }
    if (isHanCode(code)) {
      emit(code, i);
      continue;
    }
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length;
    const ch = pair ? s.slice(i, i + 2) : s[i]!;
    const start = i;
    if (pair) i++;
    if (DROPPED.has(ch)) continue;
    const folded = foldChar(ch);
    if (folded === ' ' || SPACE.test(folded)) {
      space(start);
      continue;
    }
    for (let k = 0; k < folded.length; k++) emit(folded.charCodeAt(k), start);
  }
  offsets.push(s.length);
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return { text: out, offsets: Int32Array.from(offsets), source: text };
}

const keyCache = new Map<string, string>();

/** The matching key alone (for vocabulary forms and lookups); cached, since the same terms recur. */
export function matchKey(term: string): string {
  let k = keyCache.get(term);
  if (k === undefined) {
    // A bounded cache: a long run over many chapters keeps memory flat.
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(term, (k = matchText(term).text));
  }
  return k;
}

/** Offsets in the original of the normalised range [start, end). */
export function originalRange(m: MatchText, start: number, end: number): [number, number] {
  const last = m.offsets[end - 1]!;
  const code = m.source.charCodeAt(last);
  // The end is just past the last original character that produced the range (two units for a surrogate pair).
  return [m.offsets[start]!, last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)];
}
