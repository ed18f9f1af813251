/**
 * Reading a chapter file into text: size limit, binary detection, strict UTF-8 decoding, BOM removal and
 * line endings. Positions reported later are computed on the returned text, whose line breaks are `\n`;
 * `fileOffset` maps an offset back to the file's own bytes-as-characters when it had CRLF endings.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface SourceText {
  path: string;
  text: string;
  hash: string;
  bytes: number;
  /** Start offset of each line in `text`. */
  lineStarts: number[];
  /** 1 when the file used CRLF line endings: each earlier line break was one character longer. */
  crlf: boolean;
}

/** Line and 1-based column of a byte offset inside a buffer, for errors found before decoding. */
function positionOfByte(buf: Buffer, byteOffset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < byteOffset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lastBreak = i;
    }
  }
  const column = new TextDecoder('utf-8').decode(buf.subarray(lastBreak + 1, byteOffset)).length + 1;
  return { line, column };
}

/** Index of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Decodes a chapter's bytes; throws InputError naming the place of the first problem. */
export function decodeSource(path: string, buf: Buffer, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
  if (buf.length > maxBytes) {
    throw new InputError(
      path,
      null,
      `file too large: ${(buf.length / 1048576).toFixed(1)} MiB, expected at most ${(maxBytes / 1048576).toFixed(1)} MiB (set MAX_FILE_MB)`,
    );
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    throw new InputError(path, positionOfByte(buf, nul), 'binary file: NUL byte, expected UTF-8 Markdown text');
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new InputError(
      path,
      positionOfByte(buf, Math.max(at, 0)),
      `invalid UTF-8 byte 0x${(buf[at] ?? 0).toString(16)}, expected UTF-8 text`,
    );
  }
  // TextDecoder drops a leading BOM already; a BOM elsewhere is an ordinary (invisible) character.
  const crlf = decoded.includes('\r\n');
  const text = crlf ? decoded.replace(/\r\n?/g, '\n') : decoded.replace(/\r/g, '\n');
  return {
    path,
    text,
    hash: createHash('sha256').update(buf).digest('hex'),
    bytes: buf.length,
    lineStarts: computeLineStarts(text),
    crlf,
  };
}

/** 1-based line and column of an offset in the decoded text. */
export function positionAt(src: Pick<SourceText, 'lineStarts'>, offset: number): { line: number; column: number } {
  const starts = src.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The offset in the file itself (CRLF files have one more character per earlier line). */
export function fileOffset(src: SourceText, offset: number): number {
  return src.crlf ? offset + positionAt(src, offset).line - 1 : offset;
}
