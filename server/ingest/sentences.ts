/**
 * Sentence boundaries in plain text, for Chinese and English alike. A sentence ends after `。！？!?`
 * (with any closing quotes or brackets), after `.` that is not a decimal point, an abbreviation or an
 * initial, and after display math that closes a line. Math and link text are never split.
 */
import { isWhiteSpaceCode } from '../text/whitespace';
import type { InlineResult } from './inline';

const TERMINAL = new Set(['。', '！', '？', '!', '?', '．']);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', '）', ')', '】', '》']);
// The same as code units: the scan below reads codes, not one-character strings.
const TERMINAL_CODES = new Set([...TERMINAL].map((c) => c.charCodeAt(0)));
const CLOSER_CODES = new Set([...CLOSERS].map((c) => c.charCodeAt(0)));
const isCloserOrTerminal = (c: number) => CLOSER_CODES.has(c) || TERMINAL_CODES.has(c);
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'al',
  'fig',
  'figs',
  'eq',
  'eqs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'no',
  'vol',
  'approx',
  'ca',
  'resp',
  'sec',
  'ch',
  'ref',
  'refs',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'viz',
  'p',
  'pp',
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

function atomicMask(r: InlineResult): Uint8Array {
  const mask = new Uint8Array(r.plain.length);
  for (const m of r.math) mask.fill(1, m.plainStart, m.plainEnd);
  for (const l of r.links) mask.fill(1, l.plainStart, l.plainEnd);
  return mask;
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[A-Za-z.]/.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial ("J. Smith"), except a sentence that ends in one is rare enough.
  return /^[a-z]$/.test(word) && /[A-Z]/.test(text[dot - 1]!);
}

/** Splits a block's plain text into sentence spans (trimmed, non-empty). */
export function splitSentences(r: InlineResult): SentenceSpan[] {
  const text = r.plain;
  const mask = atomicMask(r);
  const hard = new Set(r.hardBreaks);
  const cuts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (hard.size && hard.has(i) && i > 0) {
      cuts.push(i);
      continue;
    }
    if (mask[i]) continue;
    const code = text.charCodeAt(i);
    let end = -1;
    if (TERMINAL_CODES.has(code)) {
      end = i + 1;
    } else if (code === 46) {
      // `.`
      const next = text[i + 1];
      const prev = text[i - 1];
      if (next !== undefined && !/\s/.test(next) && !CLOSERS.has(next)) continue; // 3.5, e.g, file.md
      if (prev === '.' || text[i + 1] === '.') continue; // an ellipsis
      if (endsWithAbbreviation(text, i)) continue;
      // The next sentence should not begin in lower case ("approx. three").
      let j = i + 1;
      while (j < text.length && (CLOSERS.has(text[j]!) || /\s/.test(text[j]!))) j++;
      if (j < text.length && /[a-z]/.test(text[j]!)) continue;
      end = i + 1;
    } else continue;
    while (end < text.length && isCloserOrTerminal(text.charCodeAt(end))) end++;
    cuts.push(end);
    i = end - 1;
  }
  if (hard.has(text.length)) cuts.push(text.length);
  cuts.push(text.length);
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const cut of cuts) {
    let s = start;
    let e = cut;
    while (s < e && isWhiteSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = cut;
  }
  return spans;
}
