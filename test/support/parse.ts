/** Helpers that parse a chapter from a string, as the ingest pipeline would from a file. */
import { parseChapter } from '../../server/ingest/chapter';
import { decodeSource } from '../../server/ingest/source-file';

export const parseText = (text: string, path = 'test.zh.md') =>
  parseChapter(decodeSource(path, Buffer.from(text, 'utf8')));
