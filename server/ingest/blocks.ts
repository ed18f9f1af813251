/**
 * The block layer: markdown-it finds headings, paragraphs, list items and table cells with their line
 * ranges; each block's inline content is mapped back to offsets in the file so every later position
 * (claims, markers, errors) points at the right line and column.
 */
import MarkdownIt from 'markdown-it';
import type { SourceText } from './source-file';

export interface Block {
  type: 'heading' | 'paragraph';
  /** Heading level (1–6); 0 for other blocks. */
  level: number;
  /** Whether the block is a list item's paragraph. */
  listItem: boolean;
  /** The block's inline content (indentation and list/quote prefixes removed). */
  content: string;
  /** File offset of each content character (length content.length + 1). */
  toFile: (contentOffset: number) => number;
  line: number;
}

const md = new MarkdownIt('commonmark', { html: false });
// Tables are part of GitHub-flavoured Markdown and appear in textbooks.
md.enable('table');
// Only the block structure is read here (the inline layer is ours, inline.ts): markdown-it's own inline
// parse of every block, and the pass that joins its text tokens, would be thrown away.
md.core.ruler.disable(['inline', 'text_join']);

/** Builds the content → file offset map of one block from its line range. */
function offsetMapper(src: SourceText, content: string, firstLine: number): (o: number) => number {
  const lines = content.split('\n');
  const contentStarts: number[] = [];
  const fileStarts: number[] = [];
  let c = 0;
  for (let k = 0; k < lines.length; k++) {
    const lineNo = firstLine + k;
    const lineStart = src.lineStarts[lineNo] ?? src.text.length;
    const lineEnd = (src.lineStarts[lineNo + 1] ?? src.text.length + 1) - 1;
    const srcLine = src.text.slice(lineStart, lineEnd);
    const text = lines[k]!;
    let col = text ? srcLine.indexOf(text) : -1;
    if (col === -1) col = srcLine.length - srcLine.trimStart().length;
    contentStarts.push(c);
    fileStarts.push(lineStart + col);
    c += text.length + 1;
  }
  return (o: number) => {
    let k = contentStarts.length - 1;
    while (k > 0 && contentStarts[k]! > o) k--;
    return fileStarts[k]! + (o - contentStarts[k]!);
  };
}

/** Splits a chapter into blocks, in document order. */
export function parseBlocks(src: SourceText): Block[] {
  const tokens = md.parse(src.text, {});
  const blocks: Block[] = [];
  let listDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'list_item_open') listDepth++;
    else if (t.type === 'list_item_close') listDepth--;
    if (t.type !== 'inline' || !t.map) continue;
    const parent = tokens[i - 1];
    const isHeading = parent?.type === 'heading_open';
    const firstLine = t.map[0];
    blocks.push({
      type: isHeading ? 'heading' : 'paragraph',
      level: isHeading ? Number(parent.tag.slice(1)) : 0,
      listItem: listDepth > 0,
      content: t.content,
      toFile: offsetMapper(src, t.content, firstLine),
      line: firstLine + 1,
    });
  }
  return blocks;
}
