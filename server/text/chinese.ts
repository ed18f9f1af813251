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
const HAN_G = /\p{Script=Han}/gu;

/** Simplified form of a text; equal length for all but a handful of phrases, so offsets are re-checked. */
export function toSimplified(text: string): string {
  return HAN.test(text) ? t2s(text) : text;
}

export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** Share of Han characters among letters and Han characters. */
export function hanShare(text: string): number {
  const han = text.match(HAN_G)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
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
