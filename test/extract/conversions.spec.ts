// Conversions (server/extract/conversions.ts): what converts a substrate raises the product and acts on the
// substrate, and a precursor raises its product, in active and passive voice in both languages; on sentences of
// our own, with the cases it must not fire on (a negated conversion, a place that is no substrate).
import { describe, expect, it } from 'vitest';
import { has, lacks, read } from './helpers';

describe('conversions: the converter raises the product, a precursor raises what it becomes', () => {
  it.each([
    [
      'Angiotensin-converting enzyme converts angiotensin I to angiotensin II.',
      [
        'angiotensin-converting enzyme -increases-> angiotensin II',
        'angiotensin-converting enzyme -interacts_with-> angiotensin I',
        'angiotensin I -increases-> angiotensin II',
      ],
    ],
    // An appositive between the subject and the verb; a pronoun whose nearest antecedent is the product itself.
    [
      'Alteplase, a recombinant tissue activator, converts plasminogen into plasmin.',
      ['alteplase -increases-> plasmin', 'alteplase -interacts_with-> plasminogen'],
    ],
    [
      'Dopamine does not cross the barrier, but levodopa does, and it is then converted to dopamine by AADC.',
      ['levodopa -increases-> dopamine', 'aromatic L-amino acid decarboxylase -increases-> dopamine'],
    ],
    ['In the liver, codeine is converted to morphine by CYP2D6.', ['codeine -increases-> morphine']],
    [
      '血管紧张素转化酶将血管紧张素I转化为血管紧张素II。',
      ['血管紧张素转换酶 -increases-> 血管紧张素II', '血管紧张素I -increases-> 血管紧张素II'],
    ],
    [
      '血管紧张素原被肾素转化为血管紧张素I。',
      ['肾素 -increases-> 血管紧张素I', '血管紧张素原 -increases-> 血管紧张素I'],
    ],
    ['左旋多巴在脑内转化为多巴胺。', ['左旋多巴 -increases-> 多巴胺']],
    // `A在Z（的）作用下转变为B`: the agent after `在`, marked by its tail of action, past its gloss.
    [
      '肾素将血管紧张素原转化为血管紧张素I，后者在血管紧张素转换酶（ACE）作用下转变为血管紧张素II。',
      ['血管紧张素转换酶 -increases-> 血管紧张素II'],
    ],
    [
      '血管紧张素I在血管紧张素转换酶作用下转变为血管紧张素II。',
      ['血管紧张素转换酶 -increases-> 血管紧张素II', '血管紧张素I -increases-> 血管紧张素II'],
    ],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('reads nothing from a negated conversion', () => {
    const e = read('With carbidopa, levodopa cannot be converted to dopamine in the periphery.');
    expect(e.relations.filter((r) => r.includes('-> dopamine'))).toEqual([]);
    const z = read('在外周，左旋多巴不会转化为多巴胺。');
    expect(z.relations.filter((r) => r.includes('-> 多巴胺'))).toEqual([]);
  });

  it('takes no place for the substrate or the converter', () => {
    lacks('左旋多巴在脑内转化为多巴胺。', ['脑 -increases-> 多巴胺']);
    lacks('左旋多巴在纹状体转化为多巴胺。', ['纹状体 -increases-> 多巴胺']);
    has('Codeine in the liver is converted to morphine by CYP2D6.', ['codeine -increases-> morphine']);
    lacks('Codeine in the liver is converted to morphine by CYP2D6.', ['liver -increases-> morphine']);
  });
});
