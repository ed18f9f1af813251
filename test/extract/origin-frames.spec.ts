// A cause named after the effect it causes (cues.ts `origin` family; server/extract/origin-frames.ts):
// `D的最常见原因是X`, `其最常见的原因是X`, `its commonest cause is X`, `the most common cause of D is X`,
// `causes of D include A and B`. On sentences of our own, with the readings that must not appear.
import { describe, expect, it } from 'vitest';
import { has, lacks } from './helpers';

describe('a cause after the effect it is the cause of', () => {
  it.each([
    ['库欣综合征最常见的病因是垂体腺瘤。', ['垂体腺瘤 -causes-> 库欣综合征'], ['库欣综合征 -causes-> 垂体腺瘤']],
    ['库欣综合征很少见。其最常见的原因是长期使用糖皮质激素。', ['糖皮质激素 -causes-> 库欣综合征'], []],
    [
      "Cushing's syndrome is rare. Its commonest cause is a pituitary adenoma.",
      ["pituitary adenoma -causes-> Cushing's syndrome"],
      ["Cushing's syndrome -causes-> pituitary adenoma"],
    ],
    [
      "The most common cause of Cushing's syndrome is the long-term use of exogenous glucocorticoids.",
      ["glucocorticoid -causes-> Cushing's syndrome"],
      [],
    ],
    [
      'Causes of hypokalemia include diuretics and vomiting.',
      ['diuretic -causes-> hypokalemia', 'vomiting -causes-> hypokalemia'],
      [],
    ],
  ])('%s', (text, expected, reversed) => {
    // (The cause is the subject: the reverse reading, `D causes X`, is not there.)
    const { relations } = has(text, expected);
    for (const r of reversed) expect(relations).not.toContain(r);
  });

  it('relates nothing when the cause is left unnamed', () => {
    lacks('The cause of schizophrenia is unknown, but dopamine is implicated.', ['dopamine -causes-> schizophrenia']);
  });
});
