/**
 * Chinese text helpers: traditional → simplified conversion (opencc-js) for matching, CJK detection and
 * word segmentation (jieba, through @node-rs/jieba). The original text is always kept for display.
 */
import * as OpenCC from 'opencc-js';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
let jieba: Jieba | null = null;

const HAN = /\p{Script=Han}/u;

/** Simplified form of a text; equal length for all but a handful of phrases, so offsets are re-checked. */
export function toSimplified(text: string): string {
  return HAN.test(text) ? t2s(text) : text;
}

export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/**
 * Share of Han characters among letters and Han characters, a Latin letter counting a quarter (an English
 * word of four letters weighs about one Chinese character). A plain loop: this runs on every claim.
 */
export function hanShare(text: string): number {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return han + latin === 0 ? 0 : han / (han + latin / 4);
}

/** jieba word segmentation (loaded on first use: the dictionary takes ~0.3 s). */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false);
}

/** Word boundaries (offsets) of a text according to jieba. */
export function wordBoundaries(text: string): Set<number> {
  const cuts = new Set<number>([0]);
  let o = 0;
  for (const w of segment(text)) {
    o += w.length;
    cuts.add(o);
  }
  return cuts;
}
