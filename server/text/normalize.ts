/**
 * Matching keys for terms: one normal form shared by the vocabulary and the text, with a map from each
 * normalised character back to the original offset, so a match found in the key lands on the words a
 * reader sees. The key is simplified Chinese, NFKC, lower case, hyphens as spaces, quotes and apostrophes
 * dropped, white space collapsed (and dropped next to Han characters, where it carries no meaning).
 */
import { toSimplified } from './chinese';
import { stringFromCodes } from './utf16';

export interface MatchText {
  /** The normal form. */
  text: string;
  /** `offsets[i]` is the offset in the original of normalised character i; one extra entry for the end. */
  offsets: readonly number[];
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

/** What a character that is not plain ASCII or Han gives the key: nothing. */
const DROP = '';
const foldedKeys = new Map<string, string>();

/**
 * What one character (not plain ASCII, not common Han) contributes to a key: DROP, ' ' for a space, else
 * its folded form. Cached: Chinese punctuation and Greek letters recur in every sentence, and NFKC is slow.
 */
function foldedKey(ch: string): string {
  let k = foldedKeys.get(ch);
  if (k === undefined) {
    if (DROPPED.has(ch)) k = DROP;
    else {
      const folded = foldChar(ch);
      k = folded === ' ' || SPACE.test(folded) ? ' ' : folded;
    }
    // Bounded (a text may hold any number of distinct rare characters).
    if (foldedKeys.size > 10_000) foldedKeys.clear();
    foldedKeys.set(ch, k);
  }
  return k;
}

// The key is built in buffers shared by every call (it runs on every sentence and heading): codes of
// the key and, for each, its offset in the original. They grow as needed and are copied out at the end.
let keyCodes = new Uint16Array(1024);
// A plain array: copying out a slice of one is much cheaper than allocating a typed array per call.
let keyOffsets: number[] = new Array<number>(1024).fill(0);

/** Makes room for `n` more key characters after the first `used`. */
function reserve(used: number, n: number): void {
  if (used + n <= keyCodes.length) return;
  const size = Math.max(2 * keyCodes.length, used + n);
  const codes = new Uint16Array(size);
  codes.set(keyCodes.subarray(0, used));
  keyCodes = codes;
  keyOffsets = keyOffsets.concat(new Array<number>(size - keyOffsets.length).fill(0));
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
  // Each character of `s` gives at most a pending space and one key character on the fast paths.
  reserve(0, 2 * s.length + 2);
  let n = 0;
  // Offset of a run of spaces not yet written (-1: none): a space survives only between two non-Han characters.
  let pendingSpace = -1;
  let prevHan = false;
  let surrogates = false;
  for (let i = 0; i < s.length; i++) {
    let code = s.charCodeAt(i);
    let start = i;
    let folded: string | null = null;
    if (code < 128) {
      if (code >= 65 && code <= 90) code += 32;
      else if (code === 32 || code === 9 || code === 10 || code === 13 || code === 45 || code === 95 || code === 47) {
        if (n && pendingSpace < 0) pendingSpace = i;
        continue;
      } else if (code === 34 || code === 39 || code === 96 || code === 42) continue;
    } else if (!isHanCode(code)) {
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length;
      if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
      const ch = pair ? s.slice(i, i + 2) : s[i]!;
      start = i;
      if (pair) i++;
      folded = foldedKey(ch);
      if (folded === DROP) continue;
      if (folded === ' ') {
        if (n && pendingSpace < 0) pendingSpace = start;
        continue;
      }
      if (/[\uD800-\uDFFF]/.test(folded)) surrogates = true;
      // Room for this folding (and a space before it) and for two characters per character left.
      reserve(n, folded.length + 1 + 2 * (s.length - i));
      code = folded.charCodeAt(0);
    }
    // Emit `code` (and the rest of a multi-character folding) at `start`.
    for (let k = 0; ;) {
      if (pendingSpace >= 0) {
        if (n && !prevHan && !isHanCode(code)) {
          keyCodes[n] = 32;
          keyOffsets[n++] = pendingSpace;
        }
        pendingSpace = -1;
      }
      keyCodes[n] = code;
      keyOffsets[n++] = start;
      prevHan = isHanCode(code);
      if (folded === null || ++k >= folded.length) break;
      code = folded.charCodeAt(k);
    }
  }
  reserve(n, 1);
  keyOffsets[n] = s.length;
  // Most keys map character for character (offsets k → k), and many are the text itself or its lower
  // case: those need neither a copy of the offsets nor a string made of the codes.
  if (n === s.length) {
    let same = true;
    let lowered = true;
    for (let k = 0; k < n; k++) {
      if (keyOffsets[k] !== k) {
        same = lowered = false;
        break;
      }
      const c = s.charCodeAt(k);
      if (keyCodes[k] === c) {
        if (c >= 128 && !isHanCode(c)) lowered = false;
        continue;
      }
      same = false;
      if (!(c >= 65 && c <= 90 && keyCodes[k] === c + 32)) lowered = false;
      if (!lowered) break;
    }
    if (same || lowered) {
      if (identity.length <= n) growIdentity(n + 1);
      return { text: same ? s : s.toLowerCase(), offsets: identity, source: text };
    }
    if (keyOffsets[n - 1] === n - 1 && offsetsIdentity(n)) {
      if (identity.length <= n) growIdentity(n + 1);
      return { text: stringFromCodes(keyCodes, 0, n, surrogates), offsets: identity, source: text };
    }
  }
  return { text: stringFromCodes(keyCodes, 0, n, surrogates), offsets: keyOffsets.slice(0, n + 1), source: text };
}

/** Whether the first `n` key offsets are 0, 1, …, n - 1. */
function offsetsIdentity(n: number): boolean {
  for (let k = 0; k < n; k++) if (keyOffsets[k] !== k) return false;
  return true;
}

/** Offsets 0, 1, 2, …: shared by every key that maps its text character for character (read only). */
let identity: number[] = Array.from({ length: 1024 }, (_, i) => i);

function growIdentity(size: number): void {
  const next = Math.max(size, 2 * identity.length);
  identity = Array.from({ length: next }, (_, i) => i);
}

/**
 * A character of a word in a matching key: `[a-z0-9α-ω]` (letters are lower case in a key). A term found
 * in a key must not start or end inside a word (`ect` in `effect`).
 */
export const isKeyWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x3b1 && c <= 0x3c9);

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
