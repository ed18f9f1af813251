// Coordinated modifiers that share one head noun (server/extract/shared-heads.ts): each item names the concept
// its modifier forms with the head, when the vocabulary knows that form; nothing is guessed otherwise.
import { describe, expect, it } from 'vitest';
import { extract, has, lacks } from './helpers';

const zh = (md: string) => extract(md, 'snippet.zh.md');
const en = (md: string) => extract(md, 'snippet.en.md');

describe('items that share a head noun', () => {
  it('`sodium, potassium and calcium channels` are three channels, not two ions and a channel', () => {
    const e = en('Amiodarone blocks sodium, potassium and calcium channels.');
    expect([...e.concepts.keys()].sort()).toEqual([
      'amiodarone',
      'calcium channel',
      'potassium channel',
      'sodium channel',
    ]);
    has('Amiodarone blocks sodium, potassium and calcium channels.', [
      'amiodarone -decreases-> sodium channel',
      'amiodarone -decreases-> potassium channel',
      'amiodarone -decreases-> calcium channel',
    ]);
  });

  it.each([
    ['胺碘酮阻断钠、钾和钙通道。', ['钠通道', '钾通道', '钙通道']],
    ['氯氮平阻断D1和D2受体。', ['多巴胺D1受体', '多巴胺D2受体']],
    ['前额叶和扣带皮层参与情绪调节。', ['前额叶皮层', '扣带皮层']],
  ])('Chinese: %s', (text, names) => {
    const e = zh(text);
    for (const n of names) expect(e.concepts.has(n), n).toBe(true);
  });

  it('an item whose form with the head the vocabulary does not know stays what it was', () => {
    const e = en('Ketamine and calcium channels were studied.');
    expect(e.concepts.has('ketamine')).toBe(true);
    expect(e.concepts.has('calcium channel')).toBe(true);
  });

  it('an item inside a longer name keeps the longer name (`anterior cingulate and insular cortex`)', () => {
    const e = en('The anterior cingulate and insular cortex are active.');
    expect(e.concepts.has('anterior cingulate cortex')).toBe(true);
    expect(e.concepts.has('cingulate cortex')).toBe(false);
  });
});

describe('one subject binds every coordinated partner', () => {
  it('`X binds D1 and D2 receptors`', () => {
    has('Clozapine binds D1 and D2 receptors.', [
      'clozapine -interacts_with-> dopamine D1 receptor',
      'clozapine -interacts_with-> dopamine D2 receptor',
    ]);
  });
});

describe('`drive` after a determiner or an adjective is a noun', () => {
  it('`reduce sympathetic drive to the nodes`: the nodes are lowered, not raised', () => {
    lacks('Beta blockers reduce sympathetic drive to the SA and AV nodes.', [
      'beta blocker -increases-> sinoatrial node',
      'beta blocker -increases-> atrioventricular node',
    ]);
    has('The amygdala drives the HPA axis.', ['amygdala -increases-> hypothalamic–pituitary–adrenal axis']);
  });
});
