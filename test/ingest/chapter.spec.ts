import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChapter } from '../../server/ingest/chapter';
import { decodeSource } from '../../server/ingest/source-file';
import { prepare } from '../../server/ingest/prepare';
import { createExtractor } from '../../server/extract/extractor';
import { mergeFragments } from '../../server/build/merge-graph';
import { corpusDir, ketaminePath, sharedEval } from '../support/paths';
import { parseText } from '../support/parse';
import path from 'node:path';

const ketamine = () => parseChapter(decodeSource('ketamine.zh.md', readFileSync(ketaminePath)));

describe('parseChapter on the ketamine chapter', () => {
  it('finds the 7 sections, nested under the top heading', () => {
    const ch = ketamine();
    expect(ch.sections).toHaveLength(7);
    expect(ch.sections[0]!.attributes).toMatchObject({
      title: '应用与跨学科联系',
      level: 2,
      path: ['应用与跨学科联系'],
    });
    expect(ch.sections.slice(1).every((s) => s.parent === ch.sections[0]!.key && s.attributes.level === 3)).toBe(true);
  });

  it('attaches every marker to the sentence it ends, as the gold annotation says', () => {
    const gold = JSON.parse(
      readFileSync(path.join(sharedEval, 'ketamine-synaptogenesis-applications.zh.gold.json'), 'utf8'),
    ) as {
      citations: { source: string; claimContains: string }[];
    };
    const ch = ketamine();
    const direct = ch.claims.flatMap((c) => c.attributes.citations.map((s) => ({ s, text: c.attributes.text })));
    expect(direct).toHaveLength(11);
    expect(new Set(direct.map((d) => d.s)).size).toBe(10);
    for (const g of gold.citations) {
      const hit = ch.claims.some(
        (c) =>
          [...c.attributes.citations, ...c.attributes.contextCitations].includes(g.source) &&
          c.attributes.text.includes(g.claimContains),
      );
      expect(hit, `${g.source} on "${g.claimContains}"`).toBe(true);
    }
  });

  it('keeps positions, markup and plain text of a claim', () => {
    const c = ketamine().claims.find((x) => x.attributes.citations.includes('4706634'))!;
    expect(c.attributes).toMatchObject({ line: 9, column: 21, lang: 'zh', paragraph: 3, sentence: 1 });
    expect(c.attributes.text).toBe(
      '单次、亚麻醉剂量的氯胺酮可以在数小时内 achieving 其他药物可能需要数月才能做到的事情，如果它们能起效的话。',
    );
    expect(c.attributes.markup.endsWith('的话 [@problem_id:4706634]。')).toBe(true);
    const src = readFileSync(ketaminePath, 'utf8');
    expect(src.slice(c.attributes.start, c.attributes.end)).toBe(c.attributes.markup);
    expect(c.markers).toEqual([{ problemId: '4706634', line: 9, column: 79 }]);
  });

  it('keeps the whole markup of a sentence that starts or ends with a link, emphasis or math', () => {
    const src = [
      '# T',
      '',
      '[受体内化](@entry_id:162929)的失调是否足以解释疼痛？*Dopamine* shapes reward. It raises $x^2$',
      '',
      'Ketamine blocks the [NMDA receptor](@entry_id:12) [@problem_id:7].',
    ].join('\n');
    const ch = parseText(src);
    const claims = ch.claims.map((c) => c.attributes);
    expect(claims.map((c) => c.markup)).toEqual([
      '[受体内化](@entry_id:162929)的失调是否足以解释疼痛？',
      '*Dopamine* shapes reward.',
      'It raises $x^2$',
      'Ketamine blocks the [NMDA receptor](@entry_id:12) [@problem_id:7].',
    ]);
    for (const c of claims) expect(src.slice(c.start, c.end)).toBe(c.markup);
    expect(claims[0]).toMatchObject({ line: 3, column: 1 });
    expect(claims[1]).toMatchObject({ line: 3, column: 37 });
  });

  it('normalises traditional characters for matching and keeps the original for display', () => {
    const c = ketamine().claims.find((x) => x.attributes.text.includes('漫長時間'))!;
    expect(c.attributes.normText).toContain('漫长时间');
  });

  it('records the 13 glossary entries with their forms, heading links included', () => {
    const ch = ketamine();
    const entries = new Map<string, Set<string>>();
    for (const l of [
      ...ch.sections.flatMap((s) => s.attributes.links),
      ...ch.claims.flatMap((c) => c.attributes.links),
    ]) {
      entries.set(l.id, (entries.get(l.id) ?? new Set()).add(l.text));
    }
    expect(entries.size).toBe(13);
    expect([...entries.get('196836')!].sort()).toEqual(['关键窗口', '窗口期']);
  });
});

describe('parseChapter on any chapter', () => {
  it('turns every marker of every sample chapter into a cites edge from a claim', async () => {
    const batch = await prepare([corpusDir], { extractor: createExtractor() });
    expect(batch.errors).toEqual([]);
    const g = mergeFragments(batch.fragments.map((f) => f.graph));
    let markers = 0;
    for (const f of batch.fragments) {
      const file = g.getNodeAttribute(`doc:${f.documentId}`, 'path' as never) as string;
      markers += (readFileSync(file, 'utf8').match(/\[@problem_id:\d+\]/g) ?? []).length;
    }
    const direct = g.filterEdges((_k, a) => a.kind === 'cites' && a.scope === 'sentence');
    // Markers repeated inside one sentence make one edge; the samples have none.
    expect(direct.length).toBe(markers);
    expect(direct.every((e) => g.getNodeAttributes(g.source(e)).kind === 'claim')).toBe(true);
  });

  it('attaches a marker standing after the full stop to the sentence before it', () => {
    const ch = parseText('第一句在分母中）。[@problem_id:2763556] 最终第二句。');
    expect(ch.claims.map((c) => [c.attributes.text, c.attributes.citations])).toEqual([
      ['第一句在分母中）。', ['2763556']],
      ['最终第二句。', []],
    ]);
  });

  it('attaches a marker at the end of a list lead-in to the lead-in', () => {
    const ch = parseText('成分包括 [@problem_id:2765629]：\n\n- 第一项。\n- 第二项。\n');
    expect(ch.claims[0]!.attributes).toMatchObject({ text: '成分包括：', citations: ['2765629'] });
    expect(ch.claims.slice(1).map((c) => c.attributes.text)).toEqual(['第一项。', '第二项。']);
  });

  it('gives claims and no error for a chapter with no markers', () => {
    const ch = parseText('## Title\n\nOne sentence here. Another one.\n', 'plain.en.md');
    expect(ch.claims.map((c) => c.attributes.text)).toEqual(['One sentence here.', 'Another one.']);
    expect(ch.claims.every((c) => c.attributes.citations.length === 0)).toBe(true);
    expect(ch.attributes.lang).toBe('en');
  });

  it('derives the document id from the corpus layout', () => {
    const ch = parseText(
      '## H\n\nText.\n',
      'x/Dom@@1/graduate@@2/Course@@3/Cat@@4/Ch@@5/Topic A@@900591/MainContent.md',
    );
    expect(ch.id).toBe('900591/MainContent');
    expect(ch.attributes.trail).toEqual(['Dom', 'graduate', 'Course', 'Cat', 'Ch', 'Topic A']);
  });

  it('gives a sentence that refers back the citation as context to the one before it', () => {
    const ch = parseText('它可以减少自杀念头。这一显著效果建立了新标准 [@problem_id:9]。');
    expect(ch.claims.map((c) => [c.attributes.citations, c.attributes.contextCitations])).toEqual([
      [[], ['9']],
      [['9'], []],
    ]);
  });
});
