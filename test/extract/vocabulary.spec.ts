// The vocabulary loader: the real ontology loads and is large enough; broken files are refused with
// errors that name the file and the concept; ambiguous abbreviations are left out of the matcher.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  adoptVocabulary,
  englishVariants,
  getVocabulary,
  loadVocabulary,
  vocabularyData,
  VocabularyError,
} from '../../server/extract/vocabulary';
import { matchKey } from '../../server/text/normalize';

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vocab-'));
  for (const [name, body] of Object.entries(files))
    writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

const concept = (id: string, en: string, zh: string, extra: Record<string, unknown> = {}) => ({
  id,
  category: 'Intervention',
  labels: { en, zh },
  synonyms: { en: [], zh: [] },
  ...extra,
});

function problemsOf(dir: string): string[] {
  try {
    loadVocabulary(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(VocabularyError);
    return (e as VocabularyError).problems;
  }
  throw new Error('expected a VocabularyError');
}

describe('vocabulary', () => {
  it('loads the ontology: at least 600 concepts, every category represented, bilingual forms matched', () => {
    const v = getVocabulary();
    expect(v.concepts.size).toBeGreaterThanOrEqual(600);
    expect(new Set([...v.concepts.values()].map((c) => c.category)).size).toBe(7);
    expect(v.byKey.get(matchKey('氯胺酮'))?.concept).toBe(v.byKey.get(matchKey('ketamine'))?.concept);
    expect(getVocabulary()).toBe(v);
  });

  it('refuses a duplicate id, naming both files', () => {
    const dir = dirWith({
      'a.json': { concepts: [concept('ketamine', 'ketamine', '氯胺酮')] },
      'b.json': { concepts: [concept('ketamine', 'ketalar', '凯他敏')] },
    });
    const [p] = problemsOf(dir);
    expect(p).toMatch(/b\.json: concept "ketamine": duplicate id \(also in .*a\.json\)/);
  });

  it('refuses a surface form claimed by two concepts, naming both', () => {
    const dir = dirWith({
      'a.json': {
        concepts: [
          concept('ketamine', 'ketamine', '氯胺酮'),
          concept('esketamine', 'esketamine', '艾司氯胺酮', { synonyms: { en: ['Ketamine'], zh: [] } }),
        ],
      },
    });
    expect(problemsOf(dir)[0]).toMatch(/concept "esketamine": form "Ketamine" is also a form of "ketamine"/);
  });

  it('refuses entries that break the schema, naming the file, the concept and the field', () => {
    const dir = dirWith({
      'bad.json': {
        concepts: [
          { id: 'x', category: 'Drug', labels: { en: 'x' } },
          { id: 'Bad Id', category: 'Concept', labels: {} },
        ],
      },
      'notjson.json': '{',
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => /bad\.json: concept "x": category/.test(p))).toBe(true);
    expect(problems.some((p) => /bad\.json: concept "Bad Id": id/.test(p))).toBe(true);
    expect(problems.some((p) => /bad\.json: concept "Bad Id": labels/.test(p))).toBe(true);
    expect(problems.some((p) => /notjson\.json: not JSON/.test(p))).toBe(true);
  });

  it('leaves an abbreviation shared by two concepts out of the matcher', () => {
    const dir = dirWith({
      'a.json': {
        concepts: [
          concept('panic-disorder', 'panic disorder', '惊恐障碍', { abbreviations: ['PD'] }),
          concept('parkinsons-disease', "Parkinson's disease", '帕金森病', { abbreviations: ['PD'] }),
          concept('ect', 'electroconvulsive therapy', '电休克疗法', { abbreviations: ['ECT'] }),
        ],
      },
    });
    const v = loadVocabulary(dir);
    expect(v.ambiguous.get('pd')).toEqual(['panic-disorder', 'parkinsons-disease']);
    expect(v.byKey.has('pd')).toBe(false);
    expect(v.byKey.get('ect')).toMatchObject({ concept: 'ect', kind: 'abbreviation', form: 'ECT' });
  });

  it('adds plural and British/American variants of English forms', () => {
    expect(englishVariants('mood stabilizer')).toEqual(
      expect.arrayContaining(['mood stabilizers', 'mood stabiliser', 'mood stabilisers']),
    );
    expect(englishVariants('psychosis')).toContain('psychoses');
    expect(englishVariants('anxiety disorders')).toContain('anxiety disorder');
    const dir = dirWith({ 'a.json': { concepts: [concept('mood-stabilizer', 'mood stabilizer', '情绪稳定剂')] } });
    expect(loadVocabulary(dir).byKey.get(matchKey('Mood-Stabilisers'))?.concept).toBe('mood-stabilizer');
  });

  it('leaves the number of a one-letter or short last token alone', () => {
    // `process S` is no plural of `process`; `laughing gas` and `deep TMS` have no singular.
    const lower = (term: string) => englishVariants(term).map((v) => v.toLowerCase());
    expect(lower('process S')).not.toContain('process');
    expect(lower('laughing gas')).not.toContain('laughing ga');
    expect(lower('deep TMS')).not.toContain('deep tm');
    expect(lower('bipolar I')).toEqual([]);
    expect(lower('vitamin D')).toEqual([]);
    expect(englishVariants('NMDA receptors')).toContain('NMDA receptor');
  });

  it('crosses to another thread as data: the adopted copy matches as the loaded one does', () => {
    // What an ingest worker gets: a structured clone of the loaded vocabulary, adopted under its folder
    // (here a folder that does not exist, so nothing can have been read from disk).
    const loaded = getVocabulary();
    const copy = structuredClone(vocabularyData());
    const dir = path.join(tmpdir(), 'no-such-vocabulary-folder');
    adoptVocabulary(dir, copy);
    const adopted = getVocabulary(dir);
    expect(adopted === loaded).toBe(false);
    expect([...adopted.concepts.keys()]).toEqual([...loaded.concepts.keys()]);
    const hits = (v: typeof loaded, text: string) => {
      const out: string[] = [];
      v.matcher.searchLongestInWords(matchKey(text), (s, e, ref) => out.push(`${s}-${e}:${ref.concept}`) > 0);
      return [...out, ...v.matcher.search(matchKey(text)).map((h) => `${h.start}-${h.end}:${h.payload.concept}`)];
    };
    for (const text of [
      'Ketamine blocks NMDA receptors and raises BDNF in the prefrontal cortex.',
      '氯胺酮通过阻断NMDA受体诱导突触生成，缓解难治性抑郁症。',
    ]) {
      expect(hits(adopted, text).length).toBeGreaterThan(3);
      expect(hits(adopted, text)).toEqual(hits(loaded, text));
    }
    // The matcher's payloads are the map's own objects in the copy too, as in the original.
    const key = matchKey('ketamine');
    let payload: unknown;
    adopted.matcher.searchLongestInWords(key, (_s, _e, ref) => ((payload = ref), true));
    expect(payload).toBe(adopted.byKey.get(key));
  });
});
