/**
 * jieba word boundaries on demand. Segmenting every Chinese sentence of a chapter costs more than all the
 * rest of matching, yet only a few matches ever need it (a short Chinese match glued to Han characters on
 * a side). jieba segments each maximal run of Han, ASCII letters/digits and `+#&._%-` on its own and
 * makes every other character a word of its own, so the boundaries inside one such run, segmented alone,
 * are exactly the boundaries a segmentation of the whole text has there.
 */
import { segment } from './chinese';

/**
 * Characters jieba may join into a word with their neighbours: the union of the joining classes of every
 * jieba version (Han, CJK extensions as surrogate pairs, ASCII letters/digits, `+#&._%-`), plus `\r`
 * (`\r\n` is a single word). Any other character is a word by itself, so a window can stop there.
 */
function mayJoin(c: number): boolean {
  if (c < 128) {
    return (
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 43 || // +
      c === 35 || // #
      c === 38 || // &
      c === 46 || // .
      c === 95 || // _
      c === 37 || // %
      c === 45 || // -
      c === 13 // \r
    );
  }
  return (
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/**
 * The segmented windows of one chapter, by their text (a window's segmentation depends on its text alone,
 * and clauses recur). Windows can be asked for ahead (`want`) and segmented together (`flush`): one call
 * into jieba for a chapter costs much less than one per window.
 */
export class ChapterWindows {
  /** Boundaries of each window: 1 at each offset from its start that ends a word. */
  private readonly cuts = new Map<string, Uint8Array>();
  private pending: string[] = [];

  /** Queues a window for the next flush. */
  want(window: string): void {
    if (this.cuts.has(window)) return;
    this.cuts.set(window, EMPTY);
    this.pending.push(window);
  }

  /** Segments every queued window in one call. */
  flush(): void {
    const windows = this.pending;
    if (!windows.length) return;
    this.pending = [];
    // A space between windows is a word of its own, so each window is cut as if alone (see above).
    const words = segment(windows.join(' '));
    let w = 0;
    let cuts = new Uint8Array(windows[0]!.length + 1);
    let o = 0;
    for (const word of words) {
      o += word.length;
      if (o <= windows[w]!.length) {
        cuts[o] = 1;
        continue;
      }
      // The separating space: the next window starts.
      this.cuts.set(windows[w]!, cuts);
      w++;
      o = 0;
      cuts = new Uint8Array(windows[w]!.length + 1);
    }
    this.cuts.set(windows[w]!, cuts);
  }

  /**
   * jieba's words of any text, run by run through the windows above (so a run segmented once in the
   * chapter is not segmented again). A text with `\r` is segmented whole: jieba keeps `\r\n` together.
   */
  words(text: string): string[] {
    if (text.includes('\r')) return segment(text);
    const out: string[] = [];
    for (let p = 0; p < text.length;) {
      if (!mayJoin(text.charCodeAt(p))) {
        out.push(text[p]!);
        p++;
        continue;
      }
      let end = p + 1;
      while (end < text.length && mayJoin(text.charCodeAt(end))) end++;
      const run = text.slice(p, end);
      const cuts = this.get(run);
      let from = 0;
      for (let o = 1; o <= run.length; o++) {
        if (cuts[o] !== 1) continue;
        out.push(run.slice(from, o));
        from = o;
      }
      p = end;
    }
    return out;
  }

  /** The boundaries of a window, segmenting it now if it was not asked for ahead. */
  get(window: string): Uint8Array {
    let cuts = this.cuts.get(window);
    if (cuts === EMPTY) this.flush();
    cuts = this.cuts.get(window);
    if (!cuts) {
      cuts = new Uint8Array(window.length + 1);
      let o = 0;
      for (const w of segment(window)) cuts[(o += w.length)] = 1;
      this.cuts.set(window, cuts);
    }
    return cuts;
  }
}

/** Marks a window queued but not yet segmented. */
const EMPTY = new Uint8Array(0);

/**
 * Whether offsets of one text fall between two jieba words (offset 0 and the end always do). Each window
 * (a run of joining characters) is segmented when an offset inside it is first asked about, unless it
 * was queued ahead with `want`.
 */
export class WordBoundaries {
  /** The windows looked at so far, by start: their boundaries, or their text while only queued. */
  private readonly windows = new Map<number, Uint8Array | string>();

  constructor(
    private readonly text: string,
    private readonly chapter: ChapterWindows = new ChapterWindows(),
  ) {}

  /** The last window found, [lastStart, lastEnd): offsets are asked about in runs, mostly inside one window. */
  private lastStart = -1;
  private lastEnd = -1;

  /** Start of the window around `offset` when only jieba can tell whether a word ends there, else -1. */
  private windowStart(offset: number): number {
    const t = this.text;
    if (!mayJoin(t.charCodeAt(offset - 1)) || !mayJoin(t.charCodeAt(offset))) return -1;
    if (offset > this.lastStart && offset < this.lastEnd) return this.lastStart;
    let start = offset - 1;
    while (start > 0 && mayJoin(t.charCodeAt(start - 1))) start--;
    let end = offset + 1;
    while (end < t.length && mayJoin(t.charCodeAt(end))) end++;
    this.lastStart = start;
    this.lastEnd = end;
    return start;
  }

  /** The window (the run of joining characters) that starts at `start`. */
  private windowText(start: number): string {
    if (start === this.lastStart) return this.text.slice(start, this.lastEnd);
    const t = this.text;
    let end = start + 1;
    while (end < t.length && mayJoin(t.charCodeAt(end))) end++;
    return t.slice(start, end);
  }

  /** Queues the window `has(offset)` would need, to be segmented with the chapter's others. */
  want(offset: number): void {
    if (offset <= 0 || offset >= this.text.length) return;
    const start = this.windowStart(offset);
    if (start < 0 || this.windows.has(start)) return;
    const window = this.windowText(start);
    this.windows.set(start, window);
    this.chapter.want(window);
  }

  has(offset: number): boolean {
    if (offset <= 0 || offset >= this.text.length) return offset === 0 || offset === this.text.length;
    const start = this.windowStart(offset);
    if (start < 0) return true;
    let cuts = this.windows.get(start);
    if (!(cuts instanceof Uint8Array))
      this.windows.set(start, (cuts = this.chapter.get(cuts ?? this.windowText(start))));
    return cuts[offset - start] === 1;
  }
}
