import { describe, expect, it } from 'vitest';
import { parseInline } from '../../server/ingest/inline';

describe('parseInline', () => {
  it('removes citation markers from the text and records where they stood', () => {
    const r = parseInline('如果它们能起效的话 [@problem_id:4706634]。');
    expect(r.plain).toBe('如果它们能起效的话。');
    expect(r.markers).toEqual([{ problemId: '4706634', plainOffset: 9, rawStart: 10, rawEnd: 31 }]);
  });

  it('reads runs of markers separated by spaces', () => {
    const r = parseInline('回路 [@problem_id:1] [@problem_id:22]。');
    expect(r.plain).toBe('回路。');
    expect(r.markers.map((m) => m.problemId)).toEqual(['1', '22']);
  });

  it('reduces the three glossary link schemes to their text', () => {
    const r = parseInline(
      '[神经回路](@entry_id:163225) and [old](@article_id:7) and [NVU](@keyword=nvu|lang=zh-CN|style=Feynman).',
    );
    expect(r.plain).toBe('神经回路 and old and NVU.');
    expect(r.links.map((l) => [l.scheme, l.id, l.text, r.plain.slice(l.plainStart, l.plainEnd)])).toEqual([
      ['entry', '163225', '神经回路', '神经回路'],
      ['article', '7', 'old', 'old'],
      ['keyword', 'nvu', 'NVU', 'NVU'],
    ]);
    expect(r.links[2]!.params).toEqual({ lang: 'zh-CN', style: 'Feynman' });
  });

  it('keeps inline and display math intact, including brackets and underscores inside it', () => {
    const r = parseInline('浓度 $[\\mathrm{K}^+]_\\mathrm{o}$ 与 $$V_m = \\frac{RT}{F}$$');
    expect(r.plain).toBe('浓度 $[\\mathrm{K}^+]_\\mathrm{o}$ 与 $$V_m = \\frac{RT}{F}$$');
    expect(r.math.map((m) => m.display)).toEqual([false, true]);
    expect(r.problems).toEqual([]);
  });

  it('drops emphasis markup and records bold and italic spans', () => {
    const r = parseInline('**神经血管单元**（Neurovascular Unit, NVU）和 *hedged* 词');
    expect(r.plain).toBe('神经血管单元（Neurovascular Unit, NVU）和 hedged 词');
    expect(r.bold.map((s) => r.plain.slice(s.plainStart, s.plainEnd))).toEqual(['神经血管单元']);
    expect(r.italic.map((s) => r.plain.slice(s.plainStart, s.plainEnd))).toEqual(['hedged']);
  });

  it('maps every plain character back to the raw content', () => {
    const raw = 'A [term](@entry_id:1) b [@problem_id:2].';
    const r = parseInline(raw);
    const t = r.plain.indexOf('term');
    expect(raw.slice(r.plainToRaw[t]!, r.plainToRaw[t]! + 4)).toBe('term');
    expect(raw[r.plainToRaw[r.plain.length - 1]!]).toBe('.');
  });

  it.each([
    ['[@problem_id:]', /without an id/],
    ['[@problem_id:abc]', /non-numeric id/],
    ['[@problem_id:12', /unclosed citation marker/],
    ['[神经回路](@entry_id:', /unclosed glossary link/],
    ['[神经回路](@entry_id:x1)', /non-numeric/],
    ['[[a](@entry_id:1) b](@entry_id:2)', /nested glossary link/],
    ['[神经回路(@entry_id:1)', /unbalanced "\[" in a glossary link/],
  ])('reports %s as an error at its offset', (raw, message) => {
    const r = parseInline(`前文 ${raw} 后文`);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(message);
    expect(errors[0]!.rawOffset).toBeGreaterThanOrEqual(3);
  });

  it('warns, without failing, about a lone "[" in prose', () => {
    const r = parseInline('see [1 for details');
    expect(r.problems).toEqual([
      { rawOffset: 4, severity: 'warning', message: 'unclosed "[", expected a matching "]"' },
    ]);
    expect(r.plain).toBe('see [1 for details');
  });

  it('treats ordinary Markdown links as their text', () => {
    expect(parseInline('read [the docs](https://example.org) now').plain).toBe('read the docs now');
  });
});
