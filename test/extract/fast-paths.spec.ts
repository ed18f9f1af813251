// The fast paths of extraction and parsing give exactly what the plain versions they replace gave: the
// cue scanner what one alternation per sentence found, word boundaries per window what jieba said on the
// whole text, the code-unit helpers what `/\s/`, a regex or `Array.prototype.sort` said, the automaton
// what a brute-force search finds.
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../server/extract/aho-corasick';
import { CueScanner } from '../../server/extract/cue-scanner';
import { EN_CUES, ZH_CUES, type Cue } from '../../server/extract/cues';
import { execAll } from '../../server/extract/exec-all';
import { wordBefore } from '../../server/extract/mentions';
import { sortSmall } from '../../server/extract/sort-small';
import { segment, wordBoundaries } from '../../server/text/chinese';
import { isWhiteSpaceCode } from '../../server/text/whitespace';
import { ChapterWindows, WordBoundaries } from '../../server/text/word-boundaries';

/** A small deterministic random source. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

function randomText(next: () => number, alphabet: string[], max: number): string {
  let t = '';
  const n = Math.floor(next() * max);
  for (let i = 0; i < n; i++) t += alphabet[Math.floor(next() * alphabet.length)]!;
  return t;
}

const SENTENCES = [
  '氯胺酮通过阻断NMDA受体迅速缓解抑郁症状，而SSRI需要数周才能起效。',
  '与电休克疗法相比，氯胺酮的起效更快；这一效果由突触生成介导。',
  '在PTSD中，恐惧回路变得病理性过度活跃，并且与杏仁核的异常激活有关。',
  'Ketamine rapidly reduces depressive symptoms, and this effect is mediated by synaptogenesis.',
  'Compared with ECT, ketamine TREATS treatment-resistant depression faster than SSRIs.',
  'The vmPFC, which encodes priors, is hyperactive; it is thought that this drug blocks NMDA receptors.',
  '对TRD患者有效的联合治疗在严密监测下给予，风险较低。',
];

describe('CueScanner', () => {
  const alternation = (cues: Cue[]) => new RegExp(cues.map((c) => `(${c.re.source})`).join('|'), 'gi');

  it('finds what one alternation of every cue finds: the leftmost match, the first cue in order', () => {
    const next = random(7);
    const pieces = [...SENTENCES.join('').split(''), ' ', 'treat', 'by', 'vs.', 'than', '相比', '的'];
    const texts = [...SENTENCES];
    for (let i = 0; i < 400; i++) texts.push(randomText(next, pieces, 40));
    for (const cues of [ZH_CUES, EN_CUES]) {
      const all = alternation(cues);
      const scanner = new CueScanner(cues, { ignoreCase: true });
      for (const text of texts) {
        const expected = execAll(all, text).map((m) => {
          let i = 0;
          while (m[i + 1] === undefined) i++;
          return [i, m.index, m.index + m[0].length];
        });
        expect(scanner.scan(text).map((m) => [m.cue, m.start, m.end])).toEqual(expected);
      }
    }
  });

  it('reads the first characters of a cue that opens with a group, and still finds what the alternation finds', () => {
    // Groups that must match (the first two cues), an optional group, groups with an empty alternative, a
    // class: the scanner indexes the first two cues by their first characters and tries the others everywhere.
    const words = [
      String.raw`(?:treated|managed) (?:\w+ly )?with`,
      String.raw`(?:main|major) risks? (?:is|are)|risk of`,
      String.raw`(?:very )?effective`,
      String.raw`(?:anti|)psychotic`,
      String.raw`[cd]ure`,
      String.raw`(?:(?:co|pre)-|)treat`,
    ];
    const cues = words.map((w) => ({ words: w, re: new RegExp(String.raw`\b(?:${w})\b`, 'i') }) as unknown as Cue);
    const next = random(11);
    const pieces = ['treated', 'managed', ' ', 'quickly', 'with', 'main', 'major', 'risk', 'risks', 'is', 'are', 'of'];
    pieces.push('very', 'effective', 'anti', 'psychotic', 'cure', 'dure', 'co-', 'pre-', 'treat', ',', 'x');
    const texts = ['It is treated rapidly with lithium; the main risk is mania, a very effective antipsychotic cure.'];
    // Mostly whole words, mostly apart (the cues sit between word boundaries), now and then glued together.
    for (let i = 0; i < 400; i++) texts.push(randomText(next, [...pieces, ' ', ' ', ' ', ' ', ' ', ' '], 24));
    const all = alternation(cues);
    const scanner = new CueScanner(cues, { ignoreCase: true });
    let found = 0;
    for (const text of texts) {
      const expected = execAll(all, text).map((m) => {
        let i = 0;
        while (m[i + 1] === undefined) i++;
        return [i, m.index, m.index + m[0].length];
      });
      found += expected.length;
      expect(scanner.scan(text).map((m) => [m.cue, m.start, m.end])).toEqual(expected);
    }
    expect(found).toBeGreaterThan(80);
    // The optional group, the two groups with an empty alternative and the class have no fixed first character.
    expect(scanner.triedEverywhere).toBe(4);
  });

  it('tries no cue of the lexicons at every position of a sentence', () => {
    // A cue without a fixed first character costs a regex test per character of every sentence: one such
    // cue family made extraction a fifth slower. Write its alternatives so that each starts with a letter.
    for (const cues of [ZH_CUES, EN_CUES]) expect(new CueScanner(cues, { ignoreCase: true }).triedEverywhere).toBe(0);
  });
});

describe('WordBoundaries', () => {
  it('says what jieba says on the whole text, asked one window at a time or all ahead', () => {
    const next = random(3);
    const pieces = [...SENTENCES.join('').split(''), ' ', '\n', '-', '.', '𠀀', 'ab'];
    const texts = [...SENTENCES];
    for (let i = 0; i < 150; i++) texts.push(randomText(next, pieces, 60));
    const chapter = new ChapterWindows();
    const ahead = texts.map((t) => new WordBoundaries(t, chapter));
    ahead.forEach((b, i) => {
      for (let o = 0; o <= texts[i]!.length; o++) b.want(o);
    });
    chapter.flush();
    texts.forEach((text, i) => {
      // jieba over the text itself, with line breaks as spaces (as the matcher always asked it).
      const whole = wordBoundaries(text.replace(/\n/g, ' '));
      const lazy = new WordBoundaries(text);
      for (let o = -1; o <= text.length + 1; o++) {
        const expected = o === text.length || whole.has(o);
        expect(lazy.has(o), `${JSON.stringify(text)} @${o}`).toBe(expected && o >= 0 && o <= text.length);
        expect(ahead[i]!.has(o)).toBe(lazy.has(o));
      }
    });
  });

  it("words() gives jieba's words of a text, run by run through the chapter's windows", () => {
    const next = random(11);
    const pieces = [...SENTENCES.join('').split(''), ' ', '\n', '\r\n', '-', '.', '（', '𠀀', '😀', 'ab'];
    const texts = [...SENTENCES];
    for (let i = 0; i < 150; i++) texts.push(randomText(next, pieces, 60));
    const chapter = new ChapterWindows();
    for (const text of texts) expect(chapter.words(text), JSON.stringify(text)).toEqual(segment(text));
  });
});

describe('code-unit helpers', () => {
  it('isWhiteSpaceCode is /\\s/ on every code unit', () => {
    for (let c = 0; c < 65536; c++) expect(isWhiteSpaceCode(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('wordBefore finds what /([A-Za-z][A-Za-z-]{2,20})\\s+$/ finds in the 24 characters before', () => {
    const next = random(11);
    const alphabet = ['a', 'B', '-', ' ', '\u3000', '\t', '中', '1', 'z', 'Q', '\n', '\u00a0', '_', 'x'];
    for (let k = 0; k < 20_000; k++) {
      const text = randomText(next, alphabet, 40);
      const at = Math.floor(next() * (text.length + 1));
      const m = /([A-Za-z][A-Za-z-]{2,20})\s+$/.exec(text.slice(Math.max(0, at - 24), at));
      expect(wordBefore(text, at)).toBe(m ? m[1] : null);
    }
  });

  it('sortSmall orders as Array.prototype.sort does, keeping equal elements in order', () => {
    const next = random(5);
    for (let k = 0; k < 2000; k++) {
      const items = Array.from({ length: Math.floor(next() * 40) }, (_, i) => ({ key: Math.floor(next() * 6), i }));
      const cmp = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(sortSmall([...items], cmp)).toEqual([...items].sort(cmp));
    }
  });

  it('execAll gives what matchAll gives', () => {
    const re = /a+|(?=b)/g;
    for (const text of ['', 'aab', 'baab', 'xyz', 'abab']) {
      expect(execAll(re, text).map((m) => [m.index, m[0]])).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0]]));
      expect(re.lastIndex).toBe(0);
    }
  });
});

describe('AhoCorasick (compiled tables)', () => {
  it('finds what a brute-force search finds, with small and large pattern sets', () => {
    const next = random(13);
    const alphabet = ['a', 'b', 'c', ' ', '中', '国', '人', '𠀀'];
    for (const count of [1, 5, 12, 1200]) {
      const patterns = Array.from({ length: count }, () => randomText(next, alphabet, 6) || 'a');
      const ac = new AhoCorasick<number>();
      const first = new Map<string, number>();
      patterns.forEach((p, i) => {
        ac.add(p, i);
        if (!first.has(p)) first.set(p, i);
      });
      ac.build();
      for (let t = 0; t < 30; t++) {
        const text = randomText(next, alphabet, 50);
        const expected: [number, number, number][] = [];
        for (let end = 1; end <= text.length; end++) {
          // Longest first at each end, as the automaton reports them.
          for (let start = 0; start < end; start++) {
            const p = first.get(text.slice(start, end));
            if (p !== undefined) expected.push([start, end, p]);
          }
        }
        expect(ac.search(text).map((h) => [h.start, h.end, h.payload])).toEqual(expected);
      }
    }
  });
});
