// A class membership a sentence names in passing (`SSRIs such as fluoxetine block SERT`, `如A、B等X`, `the 5-HT2A
// antagonist cyproheptadine`) is presupposed, not asserted: it becomes a `member_of` edge (member → class), not a
// `part_of` relation. A sentence whose claim is the membership (`sertraline is an SSRI`, `SSRIs include
// fluoxetine`, `A属于X类药物`) still gives `part_of`.
import { describe, expect, it } from 'vitest';
import { buildChapterGraph } from '../../server/build/chapter-graph';
import { has, lacks, read } from './helpers';

describe('class membership named in passing (member_of)', () => {
  it('`SSRIs such as fluoxetine block SERT`: fluoxetine is a member of the SSRIs, not a part of them', () => {
    const e = has('SSRIs such as fluoxetine block SERT.', [
      'fluoxetine -member_of-> selective serotonin reuptake inhibitor',
    ]);
    expect(e.relations).not.toContain('fluoxetine -part_of-> selective serotonin reuptake inhibitor');
  });

  it('`sertraline is an SSRI`, `SSRIs include fluoxetine`: the membership is the claim, a part_of relation', () => {
    const ssri = 'selective serotonin reuptake inhibitor';
    has('Sertraline is an SSRI.', [`sertraline -part_of-> ${ssri}`]);
    lacks('Sertraline is an SSRI.', [`sertraline -member_of-> ${ssri}`]);
    has('SSRIs include fluoxetine and sertraline.', [`fluoxetine -part_of-> ${ssri}`, `sertraline -part_of-> ${ssri}`]);
    has('舍曲林是一种选择性5-羟色胺再摄取抑制剂。', ['舍曲林 -part_of-> 选择性5-羟色胺再摄取抑制剂']);
  });

  it.each([
    ['SSRIs, including fluoxetine, block SERT.', 'fluoxetine -member_of-> selective serotonin reuptake inhibitor'],
    ['SSRIs, for example fluoxetine, block SERT.', 'fluoxetine -member_of-> selective serotonin reuptake inhibitor'],
    ['The benzodiazepines — diazepam and lorazepam — enhance GABA.', 'diazepam -member_of-> benzodiazepine'],
    ['抗抑郁药，例如氟西汀，可阻断SERT。', '氟西汀 -member_of-> 抗抑郁药'],
    ['氟西汀、舍曲林等抗抑郁药可阻断SERT。', '舍曲林 -member_of-> 抗抑郁药'],
  ])('every list cue names a member in passing: %s', (text, expected) => {
    const e = has(text, [expected]);
    expect(e.relations).not.toContain(expected.replace('member_of', 'part_of'));
  });

  it.each([
    ['The NMDA receptor antagonist ketamine relieves depression.', 'ketamine -member_of-> NMDA receptor antagonist'],
    ['糖皮质激素受体拮抗剂米非司酮可治疗库欣综合征。', '米非司酮 -member_of-> 糖皮质激素受体拮抗剂'],
  ])(
    'a drug named right after its class (`the NMDA receptor antagonist ketamine`) is a member of it: %s',
    (text, m) => {
      const e = has(text, [m]);
      expect(e.relations).not.toContain(m.replace('member_of', 'part_of'));
    },
  );

  it('the chapter graph holds a member_of edge member → class with its evidence, and no part_of relation', () => {
    const { chapter, result } = read('SSRIs such as fluoxetine block SERT. Sertraline is an SSRI.');
    const edges = buildChapterGraph(chapter, result).export().edges;
    const member = edges.find((e) => e.attributes?.kind === 'member_of');
    expect(member?.source).toBe('concept:fluoxetine');
    expect(member?.key).toBe(`member:concept:fluoxetine->${member?.target}`);
    expect(result.concepts.get(member!.target)?.label).toBe('selective serotonin reuptake inhibitor');
    expect(member?.attributes).toMatchObject({
      kind: 'member_of',
      evidence: [expect.stringMatching(/^claim:.*#0$/)],
      cues: ['such as'],
      hedged: false,
      negated: false,
    });
    expect(edges.some((e) => e.key === `rel:concept:fluoxetine-part_of->${member!.target}`)).toBe(false);
    // The membership asserted stays a relation.
    const asserted = edges.find((e) => e.key === `rel:concept:sertraline-part_of->${member!.target}`);
    expect(asserted?.attributes?.kind).toBe('relation');
  });
});
