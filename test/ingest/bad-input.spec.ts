import { mkdtempSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputErrors, InputError } from '../../server/errors';
import { decodeSource } from '../../server/ingest/source-file';
import { prepare } from '../../server/ingest/prepare';
import { createExtractor } from '../../server/extract/extractor';
import { parseText } from '../support/parse';

const errorsOf = (text: string): string[] => {
  try {
    parseText(text, 'bad.md');
    return [];
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    throw e;
  }
};

describe('bad input', () => {
  it('warns about an empty file and stores nothing for it', () => {
    const ch = parseText('', 'empty.md');
    expect(ch.claims).toEqual([]);
    expect(ch.warnings.map((w) => w.code)).toEqual(['empty-file']);
  });

  it('refuses a binary file, naming where the NUL byte is', () => {
    expect(() => decodeSource('bin.md', Buffer.from([0x41, 0x0a, 0x42, 0x00, 0x43]))).toThrow(
      /bin\.md:2:2: binary file: NUL byte/,
    );
  });

  it('refuses invalid UTF-8, naming the line and column', () => {
    const buf = Buffer.concat([Buffer.from('第一行\n好'), Buffer.from([0xc3, 0x28])]);
    expect(() => decodeSource('bad.md', buf)).toThrow(/bad\.md:2:2: invalid UTF-8 byte 0xc3/);
  });

  it('drops a BOM and reads CRLF files with the right positions', () => {
    const src = decodeSource('crlf.md', Buffer.from('\uFEFF## T\r\n\r\n第一句 [@problem_id:]。\r\n', 'utf8'));
    expect(src.text.startsWith('## T\n')).toBe(true);
    expect(src.crlf).toBe(true);
    expect(errorsOf(src.text)).toEqual([
      'bad.md:3:5: citation marker without an id "[@problem_id:]", expected [@problem_id:<digits>]',
    ]);
  });

  it('positions every malformed marker and link', () => {
    expect(errorsOf('## H\n\n好 [@problem_id:abc]。\n\n[神经回路](@entry_id:\n')).toEqual([
      'bad.md:3:3: citation marker with a non-numeric id "[@problem_id:abc]", expected [@problem_id:<digits>]',
      'bad.md:5:7: unclosed glossary link "[神经回路](@entry_id:", expected ")"',
    ]);
    expect(errorsOf('文 [[a](@entry_id:1) b](@entry_id:2)')[0]).toMatch(/^bad\.md:1:4: nested glossary link/);
  });

  it('refuses a file over the size limit (a 50 MB chapter)', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    expect(() => decodeSource('big.md', big)).toThrow(/big\.md: file too large: 50\.0 MiB, expected at most 20\.0 MiB/);
  });

  it('reports unreadable files and malformed appendices with their paths, and keeps the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-'));
    writeFileSync(path.join(dir, 'good.md'), '## T\n\n好句子 [@problem_id:1]。\n');
    const topic = path.join(dir, 'Topic@@7');
    mkdirSync(topic);
    writeFileSync(path.join(topic, 'Appendices.json'), '{"hands_on_practices": [\n  {"id": 1,}\n]}');
    writeFileSync(path.join(dir, 'locked.md'), '## L\n');
    chmodSync(path.join(dir, 'locked.md'), 0o000);
    const batch = await prepare([dir], { extractor: createExtractor() });
    const messages = batch.errors.map((e) => e.message);
    expect(messages.some((m) => /Topic@@7\/Appendices\.json:2:12: malformed JSON/.test(m))).toBe(true);
    // root reads any file: the permission check only bites for other users.
    if (process.getuid?.() !== 0) expect(messages.some((m) => /locked\.md: cannot read: EACCES/.test(m))).toBe(true);
    expect(batch.fragments.map((f) => f.documentId)).toContain('good');
    expect(batch.errors.every((e) => e instanceof InputError)).toBe(true);
  });
});
