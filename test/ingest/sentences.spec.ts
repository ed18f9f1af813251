import { describe, expect, it } from 'vitest';
import { parseInline } from '../../server/ingest/inline';
import { splitSentences } from '../../server/ingest/sentences';

const split = (raw: string) => {
  const r = parseInline(raw);
  return splitSentences(r).map((s) => r.plain.slice(s.start, s.end));
};

describe('splitSentences', () => {
  it('splits Chinese at 。！？ and keeps closing quotes with the sentence', () => {
    expect(split('第一句。第二句！“第三句？”第四句')).toEqual(['第一句。', '第二句！', '“第三句？”', '第四句']);
  });

  it('does not split at ；or ：', () => {
    expect(split('在PTSD中，是恐惧回路；在OCD中，是CSTC回路。')).toHaveLength(1);
  });

  it('splits English at full stops but not decimals, abbreviations or initials', () => {
    expect(split('The value is 3.5 mV, e.g. at rest. Dr. Smith and J. Doe agree. Next one')).toEqual([
      'The value is 3.5 mV, e.g. at rest.',
      'Dr. Smith and J. Doe agree.',
      'Next one',
    ]);
  });

  it('never splits inside math or link text', () => {
    expect(split('We have $a. B$ here. And [Fig. A](@entry_id:3) there.')).toEqual([
      'We have $a. B$ here.',
      'And Fig. A there.',
    ]);
  });

  it('ends a sentence after display math that closes a line', () => {
    expect(split('我们得到方程：\n$$J = -D$$\n通过提取公因式可得。')).toEqual([
      '我们得到方程： $$J = -D$$',
      '通过提取公因式可得。',
    ]);
  });
});
