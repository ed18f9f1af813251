// Matching keys and the Aho–Corasick matcher: one normal form for text and vocabulary, offsets that land
// back on the original text, every occurrence of every pattern.
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../server/extract/aho-corasick';
import { matchKey, matchText, originalRange } from '../../server/text/normalize';

describe('matchText', () => {
  it('folds case, width, traditional characters, hyphens and quotes', () => {
    expect(matchKey('Top-Down  Control')).toBe('top down control');
    expect(matchKey('“自上而下”控制')).toBe('自上而下控制');
    expect(matchKey('創傷後應激障礙（PTSD）')).toBe('创伤后应激障碍(ptsd)');
    expect(matchKey('GABA 能网络')).toBe('gaba能网络');
    expect(matchKey("Bayes' rule")).toBe(matchKey('Bayes’ rule'));
  });

  it('maps a normalised range back to the original text', () => {
    const src = '氯胺酮“诱导”的 Synapto-genesis。';
    const m = matchText(src);
    const at = m.text.indexOf('synapto genesis');
    const [s, e] = originalRange(m, at, at + 'synapto genesis'.length);
    expect(src.slice(s, e)).toBe('Synapto-genesis');
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const ac = new AhoCorasick<string>();
    for (const p of ['he', 'she', 'his', 'hers']) ac.add(p, p);
    const hits = ac
      .build()
      .search('ushers')
      .map((h) => `${h.payload}@${h.start}`);
    expect(hits.sort()).toEqual(['he@2', 'hers@2', 'she@1']);
  });

  it('keeps the first payload of a pattern added twice', () => {
    const ac = new AhoCorasick<number>();
    expect(ac.add('抑郁症', 1)).toBe(true);
    expect(ac.add('抑郁症', 2)).toBe(false);
    expect(ac.search('重度抑郁症患者')).toEqual([{ start: 2, end: 5, payload: 1 }]);
  });
});
