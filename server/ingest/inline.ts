/**
 * The inline layer of the chapter dialect: citation markers, glossary links (three schemes), inline and
 * display math, emphasis, code and escapes. It turns a block's raw content into plain text (what a
 * reader sees) plus the spans found in it, keeping a map from every plain-text character back to the raw
 * content so that positions in the file survive. Malformed markers are collected as positioned problems.
 */

import { isSurrogate, stringFromCodes } from '../text/utf16';

export type LinkScheme = 'entry' | 'article' | 'keyword';

export interface InlineLink {
  text: string;
  scheme: LinkScheme;
  id: string;
  /** Extra `key=value` parts of a keyword link (`lang`, `style`). */
  params?: Record<string, string>;
  plainStart: number;
  plainEnd: number;
  rawStart: number;
  rawEnd: number;
}

export interface InlineMarker {
  problemId: string;
  /** Where the marker stood in the plain text (it is removed from it). */
  plainOffset: number;
  rawStart: number;
  rawEnd: number;
}

export interface InlineSpan {
  plainStart: number;
  plainEnd: number;
}

export interface InlineProblem {
  rawOffset: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface InlineResult {
  plain: string;
  /** plainToRaw[i] = offset in the raw content of plain character i (length plain.length + 1). */
  plainToRaw: Int32Array;
  links: InlineLink[];
  markers: InlineMarker[];
  math: (InlineSpan & { display: boolean })[];
  bold: InlineSpan[];
  italic: InlineSpan[];
  /** Plain offsets after which a sentence must end (after display math that closes a line). */
  hardBreaks: number[];
  problems: InlineProblem[];
}

const MARKER_RE = /^\[@problem_id:([^\]\s]*)\]/;
const LINK_TARGET_RE = /^\(@(entry_id|article_id):([^)\s]*)\)|^\(@keyword=([^)]*)\)/;
const SCHEME_OF: Record<string, LinkScheme> = { entry_id: 'entry', article_id: 'article' };
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\u3000';
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 0x3000;
/** Characters with a meaning of their own in scan(): `\\ $ \` * _ ! [`. */
const isSpecial = (c: number) => c === 92 || c === 36 || c === 96 || c === 42 || c === 95 || c === 33 || c === 91;

// The plain text and its map to raw offsets are built in buffers shared by every call (a block at a time,
// one code unit per slot), not in arrays of one-character strings: this runs over every character.
let plainCodes = new Uint16Array(4096);
let plainMap = new Int32Array(4096);

class PlainBuilder {
  length = 0;
  /** Whether a surrogate code unit was written (see stringFromCodes). */
  private surrogates = false;

  private reserve(n: number): void {
    if (this.length + n <= plainCodes.length) return;
    const size = Math.max(2 * plainCodes.length, this.length + n);
    const codes = new Uint16Array(size);
    const map = new Int32Array(size);
    codes.set(plainCodes.subarray(0, this.length));
    map.set(plainMap.subarray(0, this.length));
    plainCodes = codes;
    plainMap = map;
  }

  /** Appends one code unit that stands for the raw character at `raw`. */
  pushCode(code: number, raw: number): void {
    this.reserve(1);
    if (isSurrogate(code)) this.surrogates = true;
    plainCodes[this.length] = code;
    plainMap[this.length++] = raw;
  }

  push(text: string, rawStart: number, oneToOne: boolean) {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isSurrogate(code)) this.surrogates = true;
      plainCodes[this.length] = code;
      plainMap[this.length++] = oneToOne ? rawStart + i : rawStart;
    }
  }

  /** Drops trailing spaces (before a removed marker) so claim text reads `…的话。`, not `…的话 。`. */
  trimEnd() {
    while (this.length && isSpaceCode(plainCodes[this.length - 1]!)) this.length--;
  }

  /** The plain text of [start, end). */
  text(start: number, end: number): string {
    return stringFromCodes(plainCodes, start, end, this.surrogates);
  }

  /** plainToRaw (see InlineResult), ending with `rawLength`. */
  toRaw(rawLength: number): Int32Array {
    const out = new Int32Array(this.length + 1);
    out.set(plainMap.subarray(0, this.length));
    out[this.length] = rawLength;
    return out;
  }
}

/** Finds the `]` closing the `[` at `open`, skipping math, escapes and nested brackets. -1 when unclosed. */
function findClosingBracket(raw: string, open: number, blockEnd: number): { close: number; nested: number } {
  let depth = 0;
  let nested = -1;
  for (let i = open; i < blockEnd; i++) {
    const c = raw[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$') {
      const end = raw.indexOf('$', i + 1);
      if (end !== -1 && end < blockEnd) i = end;
      continue;
    }
    if (c === '\n' && raw[i + 1] === '\n') return { close: -1, nested };
    if (c === '[') {
      depth++;
      if (depth === 2 && nested === -1) nested = i;
    } else if (c === ']') {
      depth--;
      if (depth === 0) return { close: i, nested };
    }
  }
  return { close: -1, nested };
}

/** Parses the inline content of one block. `raw` is the block's content exactly as in the file. */
export function parseInline(raw: string): InlineResult {
  const out = new PlainBuilder();
  const links: InlineLink[] = [];
  const markers: InlineMarker[] = [];
  const math: InlineResult['math'] = [];
  const bold: InlineSpan[] = [];
  const italic: InlineSpan[] = [];
  const hardBreaks: number[] = [];
  const problems: InlineProblem[] = [];
  const openStrong: number[] = [];
  const openEm: number[] = [];
  const n = raw.length;

  const scan = (from: number, to: number, inLink: boolean): void => {
    let i = from;
    while (i < to) {
      const code = raw.charCodeAt(i);
      // Plain characters (nearly all of them) go straight to the output; a line break reads as a space.
      if (!isSpecial(code)) {
        out.pushCode(code === 10 ? 32 : code, i);
        i++;
        continue;
      }
      const c = raw[i]!;
      // Escapes: the next character is literal.
      if (c === '\\' && i + 1 < to && /[[\]()*_$`\\@!#]/.test(raw[i + 1]!)) {
        out.push(raw[i + 1]!, i + 1, true);
        i += 2;
        continue;
      }
      if (c === '$') {
        const display = raw[i + 1] === '$';
        const close = display ? raw.indexOf('$$', i + 2) : raw.indexOf('$', i + 1);
        if (close !== -1 && close < to && (display || !raw.slice(i + 1, close).includes('\n\n'))) {
          const end = close + (display ? 2 : 1);
          const start = out.length;
          out.push(raw.slice(i, end), i, true);
          math.push({ plainStart: start, plainEnd: out.length, display });
          i = end;
          if (display) {
            let j = i;
            while (j < to && (raw[j] === ' ' || raw[j] === '\t')) j++;
            if (j >= to || raw[j] === '\n') hardBreaks.push(out.length);
          }
          continue;
        }
        out.push(c, i, true);
        i++;
        continue;
      }
      if (c === '`') {
        const close = raw.indexOf('`', i + 1);
        if (close !== -1 && close < to) {
          out.push(raw.slice(i + 1, close), i + 1, true);
          i = close + 1;
          continue;
        }
      }
      if (c === '*' || c === '_') {
        let run = 1;
        while (raw[i + run] === c) run++;
        const prev = raw[i - 1];
        const next = raw[i + run];
        // `_` inside a word (snake_case, subscripts outside math) is text, as in CommonMark.
        const intraword = c === '_' && prev !== undefined && /\w/.test(prev) && next !== undefined && /\w/.test(next);
        if (!intraword && run <= 3) {
          const closing = prev !== undefined && !isSpace(prev);
          const opening = next !== undefined && !isSpace(next);
          if (run >= 2) {
            if (closing && openStrong.length) bold.push({ plainStart: openStrong.pop()!, plainEnd: out.length });
            else if (opening) openStrong.push(out.length);
          }
          if (run === 1 || run === 3) {
            if (closing && openEm.length) italic.push({ plainStart: openEm.pop()!, plainEnd: out.length });
            else if (opening) openEm.push(out.length);
          }
          i += run;
          continue;
        }
        out.push(raw.slice(i, i + run), i, true);
        i += run;
        continue;
      }
      if (c === '!' && raw[i + 1] === '[') {
        // An image: keep its alt text only.
        i++;
        continue;
      }
      if (c === '[') {
        if (raw.startsWith('[@', i)) {
          const m = MARKER_RE.exec(raw.slice(i, Math.min(to, i + 64)));
          if (!m) {
            const close = raw.indexOf(']', i);
            const within = close !== -1 && close < to && !raw.slice(i, close).includes('\n');
            const body = within ? raw.slice(i + 2, close) : raw.slice(i + 2, Math.min(to, i + 30));
            problems.push({
              rawOffset: i,
              severity: 'error',
              message: within
                ? `malformed citation marker "[@${body}]", expected [@problem_id:<digits>]`
                : `unclosed citation marker "[@${body.split('\n')[0]}", expected [@problem_id:<digits>]`,
            });
            i = within ? close + 1 : i + 2;
            continue;
          }
          const id = m[1]!;
          if (!/^\d+$/.test(id)) {
            problems.push({
              rawOffset: i,
              severity: 'error',
              message: id
                ? `citation marker with a non-numeric id "${m[0]}", expected [@problem_id:<digits>]`
                : `citation marker without an id "${m[0]}", expected [@problem_id:<digits>]`,
            });
          } else {
            out.trimEnd();
            markers.push({ problemId: id, plainOffset: out.length, rawStart: i, rawEnd: i + m[0].length });
          }
          i += m[0].length;
          // Spaces between a marker and what follows it are dropped when punctuation or another marker follows.
          let j = i;
          while (j < to && (raw[j] === ' ' || raw[j] === '\t')) j++;
          if (j < to && ((raw[j] === '[' && raw[j + 1] === '@') || /[。；：，！？.;:,!?）)]/.test(raw[j]!))) i = j;
          continue;
        }
        const { close, nested } = findClosingBracket(raw, i, to);
        if (close === -1) {
          // Is there a glossary target further on? Then the link itself is broken, not just a bracket.
          const target = raw.slice(i, to).search(/\]?\(@(entry_id|article_id|keyword)/);
          problems.push({
            rawOffset: i,
            severity: target !== -1 ? 'error' : 'warning',
            message:
              target !== -1
                ? 'unbalanced "[" in a glossary link, expected [text](@entry_id:<digits>)'
                : 'unclosed "[", expected a matching "]"',
          });
          out.push('[', i, true);
          i++;
          continue;
        }
        const after = raw.slice(close + 1, Math.min(to, close + 1 + 300));
        if (after.startsWith('(@')) {
          const t = LINK_TARGET_RE.exec(after);
          if (!t) {
            const paren = after.indexOf(')');
            problems.push({
              rawOffset: close + 1,
              severity: 'error',
              message:
                paren === -1
                  ? `unclosed glossary link "${raw.slice(i, close + 1)}${after.split('\n')[0]!.slice(0, 40)}", expected ")"`
                  : `malformed glossary link target "${after.slice(0, paren + 1)}", expected (@entry_id:<digits>), (@article_id:<digits>) or (@keyword=<slug>|…)`,
            });
            scan(i + 1, close, true);
            i = paren === -1 ? close + 1 : close + 1 + paren + 1;
            continue;
          }
          if (inLink || nested !== -1) {
            problems.push({
              rawOffset: nested !== -1 ? nested : i,
              severity: 'error',
              message: 'nested glossary link, expected link text without another link inside',
            });
          }
          let scheme: LinkScheme;
          let id: string;
          let params: Record<string, string> | undefined;
          if (t[3] !== undefined) {
            const parts = t[3].split('|');
            scheme = 'keyword';
            id = parts[0]!.trim();
            params = {};
            for (const p of parts.slice(1)) {
              const eq = p.indexOf('=');
              if (eq > 0) params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
            }
            if (!id) {
              problems.push({
                rawOffset: close + 1,
                severity: 'error',
                message: 'keyword link without a slug, expected (@keyword=<slug>|…)',
              });
            }
          } else {
            scheme = SCHEME_OF[t[1]!]!;
            id = t[2]!;
            if (!/^\d+$/.test(id)) {
              problems.push({
                rawOffset: close + 1,
                severity: 'error',
                message: `glossary link with a ${id ? 'non-numeric' : 'missing'} id "${t[0]}", expected (@${t[1]}:<digits>)`,
              });
            }
          }
          const start = out.length;
          scan(i + 1, close, true);
          const end = out.length;
          const rawEnd = close + 1 + t[0].length;
          if (!inLink && nested === -1 && id) {
            links.push({
              text: out.text(start, end),
              scheme,
              id,
              ...(params ? { params } : {}),
              plainStart: start,
              plainEnd: end,
              rawStart: i,
              rawEnd,
            });
          }
          i = rawEnd;
          continue;
        }
        if (after.startsWith('(')) {
          // An ordinary Markdown link: its text is what a reader sees.
          const paren = after.indexOf(')');
          if (paren !== -1) {
            scan(i + 1, close, inLink);
            i = close + 1 + paren + 1;
            continue;
          }
        }
        out.push('[', i, true);
        scan(i + 1, close, inLink);
        out.push(']', close, true);
        i = close + 1;
        continue;
      }
      out.push(c === '\n' ? ' ' : c, i, true);
      i++;
    }
  };
  scan(0, n, false);
  const plainToRaw = out.toRaw(n);
  return { plain: out.text(0, out.length), plainToRaw, links, markers, math, bold, italic, hardBreaks, problems };
}
