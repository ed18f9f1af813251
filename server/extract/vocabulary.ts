/**
 * The domain vocabulary: reviewable JSON files under data/ontology/ (one concept per entry, with its
 * category, zh/en labels, synonyms, abbreviations and public ids), checked at load (schema, unique ids,
 * no surface form claimed by two concepts) and compiled once per process into one Aho–Corasick matcher
 * over the matching keys of every form and its English variants (plural, British/American spelling).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CATEGORIES, nodeKey, type Category, type Lang } from '../model/types';
import { matchKey } from '../text/normalize';
import { AhoCorasick, type AhoCorasickData } from './aho-corasick';

const Term = z.string().trim().min(1);

const ConceptEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case slug (a-z, 0-9, -)'),
  category: z.enum(CATEGORIES),
  labels: z
    .strictObject({ en: Term.optional(), zh: Term.optional() })
    .refine((l) => l.en !== undefined || l.zh !== undefined, 'expected an en or a zh label'),
  synonyms: z
    .strictObject({ en: z.array(Term).default([]), zh: z.array(Term).default([]) })
    .default({ en: [], zh: [] }),
  abbreviations: z.array(Term).default([]),
  xrefs: z.array(Term).default([]),
});

const VocabularyFile = z.strictObject({ concepts: z.array(z.unknown()) });

export type ConceptEntry = z.infer<typeof ConceptEntry>;

export interface VocabConcept extends ConceptEntry {
  /** The file it came from (for error messages and review). */
  file: string;
}

/** What a matched form stands for. */
export interface FormRef {
  concept: string;
  /** The concept's node key (`concept:<id>`), made once here rather than for every match. */
  key: string;
  /** `abbreviation` forms match only with the same letter case as written (`ECT`, not `ect`). */
  kind: 'label' | 'synonym' | 'abbreviation' | 'variant';
  /** The form as written in the vocabulary (NFKC), for the case check of abbreviations. */
  form: string;
  lang: Lang;
}

export class VocabularyError extends Error {
  override name = 'VocabularyError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface Vocabulary {
  concepts: Map<string, VocabConcept>;
  matcher: AhoCorasick<FormRef>;
  /** Concept id of a matching key (labels, synonyms and variants; unambiguous abbreviations). */
  byKey: Map<string, FormRef>;
  /** Abbreviations used by several concepts: matched for none (the text must define them). */
  ambiguous: Map<string, string[]>;
  files: string[];
}

const HAN = /\p{Script=Han}/u;
const isLatinOnly = (s: string) => !HAN.test(s);

/** The last word of a term: a one-letter token (`process S`, `vitamin D`) has no number to change. */
const lastWordLength = (term: string) => term.length - term.search(/\S+$/);

/** Plural of the last word of an English term. */
function plural(term: string): string | null {
  if (!/[a-z]$/i.test(term) || lastWordLength(term) < 2) return null;
  if (/(s|x|z|ch|sh)$/i.test(term)) return /is$/i.test(term) ? term.replace(/is$/i, 'es') : `${term}es`;
  if (/[^aeiou]y$/i.test(term)) return term.replace(/y$/i, 'ies');
  if (/(um)$/i.test(term)) return term.replace(/um$/i, 'a');
  return `${term}s`;
}

/** Singular of an English term written in the plural (`mood stabilizers` → `mood stabilizer`). */
function singular(term: string): string | null {
  if (lastWordLength(term) < 4) return null;
  if (/ies$/i.test(term)) return term.replace(/ies$/i, 'y');
  if (/(ses|xes|ches|shes)$/i.test(term)) return term.replace(/es$/i, '');
  if (/[^su]s$/i.test(term)) return term.replace(/s$/i, '');
  return null;
}

/** British and American spellings of one term. */
function spellings(term: string): string[] {
  const out = new Set([term]);
  const swaps: [RegExp, string][] = [
    [/is(e|ed|es|ing|ation|ations|er|ers)\b/gi, 'iz$1'],
    [/iz(e|ed|es|ing|ation|ations|er|ers)\b/gi, 'is$1'],
    [/yse\b/gi, 'yze'],
    [/yze\b/gi, 'yse'],
    [/our\b/gi, 'or'],
    [/(behavi|tum|col|hum)or/gi, '$1our'],
    [/ae/gi, 'e'],
    [/oe(?=[ds])/gi, 'e'],
  ];
  for (const [re, to] of swaps) out.add(term.replace(re, to));
  return [...out];
}

/** An English eponym (`Stevens-Johnson syndrome`, `Parkinson's disease`): the names and the head noun. */
const EPONYM = /^([A-Z][a-z]+(?:[-–][A-Z][a-z]+)*)(?:['’]s)? (syndrome|disease)$/;
const ZH_HEAD: Record<string, string> = { syndrome: '综合征', disease: '病' };

/** Chinese forms of a concept's English eponyms: the Latin names before the Chinese head (`Parkinson病`). */
export function eponymForms(forms: [string, unknown, Lang][]): string[] {
  const out = new Set<string>();
  for (const [form, , lang] of forms) {
    const m = lang === 'en' ? EPONYM.exec(form) : null;
    if (m) out.add(`${m[1]!.replace(/–/g, '-')}${ZH_HEAD[m[2]!]!}`);
  }
  return [...out];
}

/** English forms a text may use for a vocabulary form. */
export function englishVariants(term: string): string[] {
  const out = new Set<string>();
  for (const s of spellings(term)) {
    out.add(s);
    const p = plural(s);
    if (p) out.add(p);
    const sg = singular(s);
    if (sg && sg.length > 3) out.add(sg);
  }
  out.delete(term);
  return [...out];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_VOCABULARY_DIR = path.resolve(here, '../../data/ontology');

/** Reads, validates and compiles every `*.json` of a folder. Throws VocabularyError listing every problem. */
export function loadVocabulary(dir: string = DEFAULT_VOCABULARY_DIR): Vocabulary {
  const problems: string[] = [];
  const concepts = new Map<string, VocabConcept>();
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (e) {
    throw new VocabularyError([`vocabulary: cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? e}`]);
  }
  for (const file of files) {
    const shown = path.join(path.basename(dir), file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`vocabulary: ${shown}: not JSON: ${(e as Error).message}`);
      continue;
    }
    const top = VocabularyFile.safeParse(raw);
    if (!top.success) {
      problems.push(`vocabulary: ${shown}: expected {"concepts": [...]}`);
      continue;
    }
    top.data.concepts.forEach((item, i) => {
      const parsed = ConceptEntry.safeParse(item);
      const id = typeof item === 'object' && item && 'id' in item && typeof item.id === 'string' ? item.id : `#${i}`;
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push(
            `vocabulary: ${shown}: concept "${id}": ${issue.path.join('.') || '(entry)'}: ${issue.message}`,
          );
        return;
      }
      const other = concepts.get(parsed.data.id);
      if (other) {
        problems.push(`vocabulary: ${shown}: concept "${id}": duplicate id (also in ${other.file})`);
        return;
      }
      concepts.set(parsed.data.id, { ...parsed.data, file: shown });
    });
  }

  // Labels and synonyms: one matching key, one concept. Abbreviations may be shared (PD, MS): then the
  // text must define them, so they are left out of the matcher.
  const byKey = new Map<string, FormRef>();
  const owner = new Map<string, VocabConcept>();
  const abbrOwners = new Map<string, Set<string>>();
  for (const c of concepts.values()) {
    const forms: [string, FormRef['kind'], Lang][] = [];
    if (c.labels.en) forms.push([c.labels.en, 'label', 'en']);
    if (c.labels.zh) forms.push([c.labels.zh, 'label', 'zh']);
    for (const s of c.synonyms.en) forms.push([s, 'synonym', 'en']);
    for (const s of c.synonyms.zh) forms.push([s, 'synonym', 'zh']);
    // A Chinese text writes an eponym in Latin letters before its Chinese head (`Stevens-Johnson 综合征`).
    for (const f of eponymForms(forms)) forms.push([f, 'synonym', 'zh']);
    for (const [form, kind, lang] of forms) {
      const key = matchKey(form);
      if (!key) {
        problems.push(`vocabulary: ${c.file}: concept "${c.id}": form "${form}" has no letters`);
        continue;
      }
      const prev = owner.get(key);
      if (prev && prev.id !== c.id) {
        problems.push(
          `vocabulary: ${c.file}: concept "${c.id}": form "${form}" is also a form of "${prev.id}" (${prev.file})`,
        );
        continue;
      }
      owner.set(key, c);
      if (!byKey.has(key))
        byKey.set(key, { concept: c.id, key: nodeKey.concept(c.id), kind, form: form.normalize('NFKC'), lang });
    }
    for (const a of c.abbreviations) {
      const key = matchKey(a);
      let set = abbrOwners.get(key);
      if (!set) abbrOwners.set(key, (set = new Set()));
      set.add(c.id);
    }
  }
  if (problems.length) throw new VocabularyError(problems);

  const ambiguous = new Map<string, string[]>();
  for (const [key, ids] of abbrOwners) {
    const full = owner.get(key);
    // An abbreviation that is also a full form of another concept (`GABA`) is that concept's.
    if (full) {
      if (!ids.has(full.id)) ambiguous.set(key, [full.id, ...ids]);
      continue;
    }
    if (ids.size > 1) {
      ambiguous.set(key, [...ids]);
      continue;
    }
    const id = [...ids][0]!;
    const c = concepts.get(id)!;
    const form = c.abbreviations.find((a) => matchKey(a) === key)!.normalize('NFKC');
    byKey.set(key, { concept: id, key: nodeKey.concept(id), kind: 'abbreviation', form, lang: 'en' });
  }
  // English variants fill in keys no concept claims.
  for (const c of concepts.values()) {
    const en = [c.labels.en, ...c.synonyms.en].filter((s): s is string => !!s && isLatinOnly(s));
    for (const form of en) {
      for (const v of englishVariants(form)) {
        const key = matchKey(v);
        if (key && !byKey.has(key))
          byKey.set(key, { concept: c.id, key: nodeKey.concept(c.id), kind: 'variant', form: v, lang: 'en' });
      }
    }
  }
  // Chinese drug names are written with `药` or `药物` alike (`催眠药`, `催眠药物`): the other spelling of a
  // drug or drug-class form fills in a key no concept claims.
  for (const c of concepts.values()) {
    if (c.category !== 'Intervention') continue;
    for (const form of [c.labels.zh, ...c.synonyms.zh]) {
      if (!form || form.length < 3 || !form.endsWith('药') === !form.endsWith('药物')) continue;
      const v = form.endsWith('药') ? `${form}物` : form.slice(0, -1);
      const key = matchKey(v);
      if (key && !byKey.has(key))
        byKey.set(key, { concept: c.id, key: nodeKey.concept(c.id), kind: 'variant', form: v, lang: 'zh' });
    }
  }
  const matcher = new AhoCorasick<FormRef>();
  for (const [key, ref] of byKey) matcher.add(key, ref);
  matcher.build();
  return { concepts, matcher, byKey, ambiguous, files };
}

const cache = new Map<string, Vocabulary>();

/** The vocabulary of a folder, loaded once per process (or adopted from another thread, see adoptVocabulary). */
export function getVocabulary(dir: string = DEFAULT_VOCABULARY_DIR): Vocabulary {
  let v = cache.get(dir);
  if (!v) cache.set(dir, (v = loadVocabulary(dir)));
  return v;
}

/** A loaded vocabulary as data that survives a structured clone (its matcher as AhoCorasickData). */
export type VocabularyData = Omit<Vocabulary, 'matcher'> & { matcher: AhoCorasickData<FormRef> };

/**
 * The vocabulary of a folder as data for another thread: an ingest's worker threads take the one its own
 * thread loaded and checked rather than each reading, checking and compiling the files again (half a
 * second each). A clone keeps the objects the maps and the matcher share shared.
 */
export function vocabularyData(dir: string = DEFAULT_VOCABULARY_DIR): VocabularyData {
  const v = getVocabulary(dir);
  return { ...v, matcher: v.matcher.toData() };
}

/** Makes `data` (see vocabularyData) this thread's vocabulary of `dir`. */
export function adoptVocabulary(dir: string, data: VocabularyData): void {
  cache.set(dir, { ...data, matcher: AhoCorasick.fromData(data.matcher) });
}

/** A vocabulary concept's category, or undefined. */
export const vocabCategory = (v: Vocabulary, id: string): Category | undefined => v.concepts.get(id)?.category;
