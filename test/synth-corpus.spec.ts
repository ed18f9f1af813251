// Tests for the synthetic corpus generator (scripts/synth-corpus.ts): determinism, shape, marker dialect,
// glossary-id distribution, the folder layout with Appendices.json, and writing to disk.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthCorpus, writeSynthCorpus, type SynthChapter } from '../scripts/synth-corpus';

const CITE = /\[@problem_id:(\d+)\]/g;
const LINK = /\[([^\]\n]+)\]\(@(?:entry_id:\d+|article_id:\d+|keyword=[^)\s]+)\)/;
const ENTRY = /\[([^\]\n]+)\]\(@entry_id:(\d+)\)/g;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const hasMarkers = (c: SynthChapter): boolean => c.content.includes('[@problem_id:') || LINK.test(c.content);

describe('synthCorpus', () => {
  const corpus = synthCorpus({ chapters: 400, seed: 11 });

  it('is deterministic in its seed', () => {
    const a = synthCorpus({ chapters: 60, seed: 42 });
    const b = synthCorpus({ chapters: 60, seed: 42 });
    expect(b).toEqual(a);
    const c = synthCorpus({ chapters: 60, seed: 43 });
    expect(c.map((x) => x.content)).not.toEqual(a.map((x) => x.content));
    expect(c[0]?.content).not.toBe(a[0]?.content);
    const la = synthCorpus({ chapters: 20, seed: 5, appendices: true });
    expect(synthCorpus({ chapters: 20, seed: 5, appendices: true })).toEqual(la);
  });

  it('returns the requested number of chapters with the requested language share', () => {
    expect(corpus).toHaveLength(400);
    expect(corpus.filter((c) => c.lang === 'zh')).toHaveLength(200);
    expect(corpus[0]?.path).toBe('synth-0001.zh.md');
    expect(corpus[1]?.path).toBe('synth-0002.en.md');
    for (const c of corpus) expect(c.path).toMatch(new RegExp(`^synth-\\d{4}\\.${c.lang}\\.md$`));
    expect(new Set(corpus.map((c) => c.path)).size).toBe(400);

    const skewed = synthCorpus({ chapters: 100, seed: 1, zhShare: 0.3 });
    expect(skewed.filter((c) => c.lang === 'zh')).toHaveLength(30);
    expect(synthCorpus({ chapters: 10, seed: 1, zhShare: 0 }).every((c) => c.lang === 'en')).toBe(true);
    expect(synthCorpus({ chapters: 10, seed: 1, zhShare: 1 }).every((c) => c.lang === 'zh')).toBe(true);
    expect(synthCorpus({ chapters: 0, seed: 1 })).toEqual([]);
  });

  it('writes chapters of 6–12 KB with headings, and both marker kinds unless marker-free', () => {
    let markerFree = 0;
    for (const c of corpus) {
      const size = bytes(c.content);
      expect(size).toBeGreaterThanOrEqual(6 * 1024 * 0.9);
      expect(size).toBeLessThanOrEqual(12 * 1024);
      expect(c.content.startsWith('## ')).toBe(true);
      const h3 = c.content.match(/^### /gm)?.length ?? 0;
      expect(h3).toBeGreaterThanOrEqual(4);
      expect(h3).toBeLessThanOrEqual(7);
      if (!hasMarkers(c)) {
        markerFree++;
        continue;
      }
      expect(c.content).toMatch(CITE);
      expect(c.content).toMatch(LINK);
    }
    expect(markerFree).toBeGreaterThan(0);
    expect(markerFree / corpus.length).toBeLessThan(0.12);
    const all = corpus.map((c) => c.content).join('\n');
    expect(all).toContain('@article_id:');
    expect(all).toMatch(/\]\(@keyword=[a-z0-9-]+\|lang=zh-CN\|style=Feynman\)/);
    expect(corpus.some((c) => /^#### /m.test(c.content))).toBe(true);
  });

  it('writes the dialect: citation placements, runs, lists, math, bold definitions', () => {
    const zh = corpus
      .filter((c) => c.lang === 'zh')
      .map((c) => c.content)
      .join('\n');
    const en = corpus
      .filter((c) => c.lang === 'en')
      .map((c) => c.content)
      .join('\n');
    expect(zh).toMatch(/[^\s\]] \[@problem_id:\d+\]。/); // before the full stop
    expect(zh).toMatch(/。\[@problem_id:\d+\] \S/); // after it, then the next sentence
    expect(en).toMatch(/\w \[@problem_id:\d+\]\./);
    expect(en).toMatch(/\. \[@problem_id:\d+\] [A-Z[*]/);
    expect(zh).toMatch(/\[@problem_id:\d+\] \[@problem_id:\d+\]/);
    expect(zh).toMatch(/ \[@problem_id:\d+\]：\n/); // a list lead-in cited before its colon
    expect(en).toMatch(/ \[@problem_id:\d+\]:\n/);
    expect(zh).toMatch(/^- \S/m);
    expect(en).toMatch(/^1\. {1,2}\S/m);
    expect(zh).toMatch(/^\$\$[^\n]*\$\$$|^\$\$\n/m);
    expect(zh).toMatch(/\$\\alpha/);
    expect(zh).toMatch(/\*\*[^*\n]+\*\*（[A-Za-z][^）]*）/);
    expect(en).toMatch(/\*\*[^*\n]+\*\*/);
    expect(en).toMatch(/(^|[^*])\*[^*\s][^*\n]*\*(?!\*)/m);
    for (const m of (zh + en).matchAll(CITE)) expect(m[1]).toMatch(/^\d{6,7}$/);
  });

  it('shares glossary entries across chapters with a skewed distribution and stable surface forms', () => {
    const chaptersPerId = new Map<string, number>();
    const surfaces = new Map<string, Map<string, number>>();
    for (const c of corpus) {
      const seen = new Set<string>();
      for (const m of c.content.matchAll(ENTRY)) {
        const [, text = '', id = ''] = m;
        seen.add(id);
        const key = `${c.lang}:${id}`;
        const forms = surfaces.get(key) ?? new Map<string, number>();
        forms.set(text.toLowerCase(), (forms.get(text.toLowerCase()) ?? 0) + 1);
        surfaces.set(key, forms);
      }
      for (const id of seen) chaptersPerId.set(id, (chaptersPerId.get(id) ?? 0) + 1);
    }
    const df = [...chaptersPerId.values()].sort((a, b) => b - a);
    const top = df[0] ?? 0;
    const median = df[df.length >> 1] ?? 0;
    expect(df.length).toBeGreaterThan(300);
    expect(top).toBeGreaterThan(corpus.length * 0.3);
    expect(top).toBeGreaterThanOrEqual(10 * median);

    let checked = 0;
    for (const forms of surfaces.values()) {
      const counts = [...forms.values()];
      const total = counts.reduce((a, b) => a + b, 0);
      if (total < 20) continue;
      checked++;
      expect(Math.max(...counts) / total).toBeGreaterThan(0.7);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('rejects invalid options', () => {
    expect(() => synthCorpus({ chapters: -1, seed: 1 })).toThrow(RangeError);
    expect(() => synthCorpus({ chapters: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => synthCorpus({ chapters: 1, seed: Number.NaN })).toThrow(RangeError);
    expect(() => synthCorpus({ chapters: 1, seed: 1, zhShare: 1.5 })).toThrow(RangeError);
  });
});

describe('synthCorpus with appendices', () => {
  const files = synthCorpus({ chapters: 61, seed: 3, appendices: true });
  const md = files.filter((f) => f.path.endsWith('.md'));
  const json = files.filter((f) => f.path.endsWith('/Appendices.json'));

  it('lays chapters out in the corpus folder structure', () => {
    expect(md).toHaveLength(61);
    expect(json).toHaveLength(31);
    expect(files).toHaveLength(md.length + json.length);
    for (const f of files) {
      expect(f.path).toMatch(/^([^/]+@@\d+\/){6}(MainContent\.md|Applications\.md|Appendices\.json)$/);
    }
    expect(md.filter((f) => f.path.endsWith('/MainContent.md'))).toHaveLength(31);
    expect(md.find((f) => f.path.endsWith('/MainContent.md'))?.content).toMatch(/^## (Introduction|引言)\n/);
    expect(md.find((f) => f.path.endsWith('/Applications.md'))?.content).toMatch(/^## (Applications|应用)/);
    const zhShare = md.filter((f) => f.lang === 'zh').length / md.length;
    expect(zhShare).toBeGreaterThan(0.4);
    expect(zhShare).toBeLessThan(0.6);
  });

  it('writes Appendices.json with hands-on practices whose ids come from the cited problem pool', () => {
    const ids: string[] = [];
    for (const f of json) {
      const doc: unknown = JSON.parse(f.content);
      expect(doc).toEqual({ hands_on_practices: expect.any(Array) });
      const practices = (doc as { hands_on_practices: unknown[] }).hands_on_practices;
      expect(practices.length).toBeGreaterThan(0);
      for (const p of practices) {
        expect(p).toEqual({
          id: expect.stringMatching(/^\d{6,7}$/),
          introduction: expect.any(String),
          problem: expect.any(String),
          solution: expect.any(String),
          answer: expect.any(String),
        });
        const { id, introduction } = p as { id: string; introduction: string };
        expect(introduction).toContain(`[@problem_id:${id}]`);
        ids.push(id);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    const cited = new Set(md.flatMap((f) => [...f.content.matchAll(CITE)].map((m) => m[1])));
    const citedAppendixIds = ids.filter((id) => cited.has(id));
    expect(citedAppendixIds.length).toBeGreaterThan(ids.length / 2);
  });
});

describe('writeSynthCorpus', () => {
  it('writes every file and reports the byte count', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'synth-corpus-'));
    try {
      const opts = { chapters: 6, seed: 9, appendices: true };
      const result = await writeSynthCorpus(dir, opts);
      const files = synthCorpus(opts);
      expect(result.files).toBe(files.length);
      expect(result.bytes).toBe(files.reduce((n, f) => n + bytes(f.content), 0));
      for (const f of files) expect(await readFile(path.join(dir, f.path), 'utf8')).toBe(f.content);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
