// Extraction quality, scored by the shared scorer on the real pipeline (prepare → extractor → merge).
// The ketamine chapter must meet the bar; the predictive-coding chapter (an English gold made by
// hand by someone else) must hold what was measured, less a margin of about one item per figure; the GHK
// chapter and the two development chapters (test/fixtures/heldout: written and annotated blind, then used to
// develop general rules) hold what was measured too. The blind test chapters (test/fixtures/heldout-test)
// are not scored here: a floor on them would invite tuning on them (see their README).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOf, repoRoot } from './pipeline';

// CI has ../shared beside the clone, at the same relative path as here.
const shared = path.resolve(repoRoot, '../shared/eval');
const scorer = path.join(shared, 'score.mjs');

interface Score {
  conceptR: number;
  conceptP: number;
  relationR: number;
  relationP: number;
  citations: [number, number];
  entries: [number, number] | null;
  line: string;
}

async function score(chapter: string, gold: string): Promise<Score> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'gold-')), 'export.json');
  writeFileSync(out, JSON.stringify(await exportOf([path.resolve(repoRoot, 'data/corpus', chapter)])));
  // The scorer exits 1 only when a --min threshold is given and missed; none is given here.
  const text = execFileSync(process.execPath, [scorer, gold, out], { encoding: 'utf8' });
  const line = text.trim().split('\n').pop()!;
  const m =
    /concepts R=([\d.]+).*P=([\d.]+) \(\d+\/\d+\) \| relations R=([\d.]+).*P=([\d.]+) \(\d+\/\d+\) \| citations (\d+)\/(\d+)(?: \| entries (\d+)\/(\d+))?/.exec(
      line,
    );
  if (!m) throw new Error(`unexpected scorer output: ${line}`);
  const n = (i: number) => Number(m[i]);
  return {
    conceptR: n(1),
    conceptP: n(2),
    relationR: n(3),
    relationP: n(4),
    citations: [n(5), n(6)],
    entries: m[7] ? [n(7), n(8)] : null,
    line,
  };
}

describe('gold scores', () => {
  it('ketamine chapter (zh): concepts R ≥ 0.95, P ≥ 0.85; relations R ≥ 0.85, P ≥ 0.75; citations 11/11; entries 13/13', async () => {
    const s = await score(
      'ketamine-synaptogenesis-applications.zh.md',
      path.join(shared, 'ketamine-synaptogenesis-applications.zh.gold.json'),
    );
    console.log(s.line);
    expect(s.conceptR).toBeGreaterThanOrEqual(0.95);
    expect(s.conceptP).toBeGreaterThanOrEqual(0.85);
    expect(s.relationR).toBeGreaterThanOrEqual(0.85);
    expect(s.relationP).toBeGreaterThanOrEqual(0.75);
    expect(s.citations).toEqual([11, 11]);
    expect(s.entries).toEqual([13, 13]);
  });

  // Measured: concepts R=0.96 (24/25) P=1.00 (29/29); relations R=0.80 (8/10) P=0.80 (8/10); citations
  // 11/11; entries 4/4. One required concept is 0.04 of recall, one required relation 0.10: the floors
  // below allow one concept and one relation to slip (and two typed false positives) before failing.
  it('predictive-coding chapter (en): concepts R ≥ 0.92, P ≥ 0.90; relations R ≥ 0.70, P ≥ 0.65; citations 11/11', async () => {
    const s = await score(
      'predictive-coding-psychiatry.en.md',
      path.join(repoRoot, 'test/fixtures/predictive-coding-psychiatry.en.gold.json'),
    );
    console.log(s.line);
    expect(s.conceptR).toBeGreaterThanOrEqual(0.92);
    expect(s.conceptP).toBeGreaterThanOrEqual(0.9);
    expect(s.relationR).toBeGreaterThanOrEqual(0.7);
    expect(s.relationP).toBeGreaterThanOrEqual(0.65);
    expect(s.citations).toEqual([11, 11]);
    expect(s.entries).toEqual([4, 4]);
  });

  // A physiology chapter annotated from the text alone; it was held out at first, then its misses guided
  // general rules, so it measures no generalisation any more. Its bar is the aim for unseen
  // chapters: concept recall ≥ 0.8, relation recall ≥ 0.5 at precision ≥ 0.7. Measured: concepts R=0.97 (38/39) P=0.97 (32/33); relations
  // R=0.80 (12/15) P=0.83 (10/12); citations 15/15; entries 59/59. One required relation is 0.07 of recall
  // and one typed relation about 0.08 of precision: the floors allow two concepts and two relations to slip
  // (and one more typed false positive) and stay at or above the unseen-chapter bar.
  it('GHK chapter (zh, physiology, held out): concepts R ≥ 0.9, P ≥ 0.9; relations R ≥ 0.66, P ≥ 0.7; citations 15/15', async () => {
    const s = await score(
      'ghk-voltage-equation.zh.md',
      path.join(repoRoot, 'test/fixtures/ghk-voltage-equation.zh.gold.json'),
    );
    console.log(s.line);
    expect(s.conceptR).toBeGreaterThanOrEqual(0.9);
    expect(s.conceptP).toBeGreaterThanOrEqual(0.9);
    expect(s.relationR).toBeGreaterThanOrEqual(0.66);
    expect(s.relationP).toBeGreaterThanOrEqual(0.7);
    expect(s.citations).toEqual([15, 15]);
    expect(s.entries).toEqual([59, 59]);
  });

  // Development chapters (pharmacology en, physiology zh; test/fixtures/heldout): blind at first (first scores:
  // relations R 0.14 and 0.23), then the general rules of test/extract/pharmacology-relations.spec.ts were
  // written against their misses. Measured: en concepts R=0.99 (79/80) P=0.91, relations R=0.61 (42/69) P=0.93;
  // zh concepts R=1.00 (49/49) P=0.87, relations R=0.64 (25/39) P=0.76.
  // Second development pair (test/fixtures/heldout-dev2: psychiatry en, physiology zh), blind at first (first
  // scores: en concepts R=0.91 P=0.91, relations R=0.30 (14/46) P=0.63; zh concepts R=0.66 (35/53) P=0.84,
  // relations R=0.17 (7/42) P=0.61), then the rule families of test/extract/relation-families.spec.ts and two
  // vocabulary groups (sleep–wake; learning theory and addiction) were written against their misses.
  // Measured: en concepts R=0.98 (53/54) P=0.92 (88/96), relations R=0.63 (29/46) P=0.90 (37/41); zh concepts
  // R=0.87 (46/53) P=0.95 (70/74), relations R=0.67 (28/42) P=0.83 (34/41).
  // Third development pair (test/fixtures/heldout-dev3: pain and analgesia en, fear and anxiety zh), blind at
  // first (first scores: en concepts R=0.90 (78/87) P=0.73, relations R=0.32 (21/66) P=0.44; zh concepts R=0.86
  // (44/51) P=0.77, relations R=0.31 (15/49) P=0.48), then the rules of test/extract/clause-structure.spec.ts
  // (relative clauses, passives, gerunds, coordination, Chinese topics, comparisons, pronouns) and a few
  // vocabulary entries (nerve fibre classes, fear, worry, catastrophising, …) were written against their misses.
  // Measured: en concepts R=0.99 (86/87) P=0.76 (117/154), relations R=0.73 (48/66) P=0.74 (63/85); zh concepts
  // R=0.98 (50/51) P=0.80 (74/92), relations R=0.82 (40/49) P=0.78 (49/63).
  // Fourth development pair (test/fixtures/heldout-dev4: neurodegeneration en, bipolar disorder and mood
  // stabilisers zh), blind at first (first scores: en concepts R=0.80 (68/85) P=0.83, relations R=0.30 (18/61)
  // P=0.40; zh concepts R=0.90 (54/60) P=0.75, relations R=0.34 (17/50) P=0.56), then the rules of
  // test/extract/round-dev4.spec.ts (surface forms: a salt's bare element, eponyms before a Chinese head, math
  // symbols; a bare `疾病`; one subject with coordinated partners; coordinated verbs; Chinese causatives; means
  // phrases; composition; measurement and risk cues) and a neurodegeneration vocabulary were written against
  // their misses. Measured: en concepts R=1.00 (85/85) P=0.88 (105/119), relations R=0.52 (32/61) P=0.60
  // (40/67); zh concepts R=0.98 (59/60) P=0.80 (88/110), relations R=0.68 (34/50) P=0.71 (45/63).
  // Fifth development pair (test/fixtures/heldout-dev5: stroke en, ADHD zh), blind at first (stroke concepts
  // R=0.63, relations R=0.19 (7/37) P=0.50; ADHD concepts R=0.87, relations R=0.43 (16/37) P=0.50). Rules
  // written against their misses lifted them (stroke relations 0.38, ADHD 0.70) but not one blind chapter, so
  // they were not merged (see its README); vocabulary written for whole fields (cerebrovascular disease,
  // neuroimmunology, endocrinology, general physiology and pharmacology), not from these chapters, did.
  // Measured: en concepts R=0.86 (63/73) P=0.81 (86/106), relations R=0.41 (15/37) P=0.57 (21/37); zh concepts
  // R=0.87 (33/38) P=0.68 (45/66), relations R=0.43 (16/37) P=0.50 (16/32). Later general rules and field terms
  // (conversions, risk nouns, clearing verbs, topic chains; ODD, non-stimulants, TNF, NADPH oxidase): en concepts
  // R=0.92 (67/73) P=0.83 (90/109), relations R=0.51 (19/37) P=0.69 (25/36); zh concepts R=1.00 (38/38) P=0.71
  // (50/70), relations R=0.73 (27/37) P=0.64 (29/45).
  // Sixth and seventh pairs (test/fixtures/heldout-dev6: MS en, HPA and hormones zh; heldout-dev7: cardiac
  // electrophysiology en, renal physiology and diuretics zh), blind until 28 November 2026; last blind scores at
  // 570aa93: MS concepts R=0.89 P=0.84, relations R=0.29 (12/42) P=0.42; HPA concepts R=0.94 P=0.76, relations
  // R=0.28 (11/39) P=0.42; cardiac concepts R=0.82 P=0.74, relations R=0.21 (9/43) P=0.32; renal concepts R=0.96
  // P=0.79, relations R=0.57 (23/40) P=0.50. Then the rules of test/extract/round-dev6.spec.ts and
  // shared-heads.spec.ts, setting-frames.spec.ts and five field vocabularies (none written from these chapters).
  // Measured: MS concepts R=0.89 (51/57) P=0.81 (81/100), relations R=0.43 (18/42) P=0.53 (21/40); HPA concepts
  // R=0.94 (47/50) P=0.76 (76/100), relations R=0.41 (16/39) P=0.49 (24/49); cardiac concepts R=0.88 (53/60)
  // P=0.77 (84/109), relations R=0.37 (16/43) P=0.38 (20/53); renal concepts R=0.98 (49/50) P=0.78 (87/111),
  // relations R=0.75 (30/40) P=0.54 (43/80).
  // Floors: two or three items below each figure. (Anxiety's relation precision 0.77 -> 0.72 when a treatment named after its disorder was read: the four
  // drugs of its list `其他常用于焦虑障碍的药物包括：` now treat anxiety disorders, which its gold does not list.)
  it.each([
    [
      'heldout',
      'antidepressant-pharmacology.en',
      // (Relations 41 -> 38 found when class memberships named in passing became `member_of` edges: its gold
      // lists three `SSRIs such as …` memberships as part_of relations.)
      { conceptR: 0.95, conceptP: 0.85, relationR: 0.52, relationP: 0.85 },
      11,
      10,
    ],
    ['heldout', 'stress-hpa-axis.zh', { conceptR: 0.94, conceptP: 0.8, relationR: 0.58, relationP: 0.7 }, 11, 9],
    [
      'heldout-dev2',
      'addiction-reward.en',
      { conceptR: 0.94, conceptP: 0.88, relationR: 0.58, relationP: 0.84 },
      16,
      12,
    ],
    [
      'heldout-dev2',
      'sleep-regulation.zh',
      { conceptR: 0.83, conceptP: 0.9, relationR: 0.61, relationP: 0.76 },
      14,
      10,
    ],
    ['heldout-dev3', 'pain-analgesia.en', { conceptR: 0.95, conceptP: 0.73, relationR: 0.68, relationP: 0.7 }, 22, 13],
    ['heldout-dev3', 'anxiety-fear.zh', { conceptR: 0.92, conceptP: 0.77, relationR: 0.76, relationP: 0.69 }, 18, 11],
    [
      'heldout-dev4',
      'neurodegeneration.en',
      { conceptR: 0.96, conceptP: 0.85, relationR: 0.47, relationP: 0.55 },
      19,
      12,
    ],
    [
      'heldout-dev4',
      'bipolar-mood-stabilizers.zh',
      { conceptR: 0.93, conceptP: 0.76, relationR: 0.62, relationP: 0.68 },
      15,
      11,
    ],
    [
      'heldout-dev5',
      'stroke-neuroprotection.en',
      { conceptR: 0.89, conceptP: 0.8, relationR: 0.45, relationP: 0.63 },
      20,
      6,
    ],
    ['heldout-dev5', 'adhd-stimulants.zh', { conceptR: 0.94, conceptP: 0.67, relationR: 0.67, relationP: 0.6 }, 17, 8],
    [
      'heldout-dev6',
      'ms-neuroimmunology.en',
      { conceptR: 0.85, conceptP: 0.78, relationR: 0.38, relationP: 0.47 },
      20,
      6,
    ],
    [
      'heldout-dev6',
      'hpa-stress-endocrine.zh',
      { conceptR: 0.9, conceptP: 0.73, relationR: 0.35, relationP: 0.44 },
      17,
      8,
    ],
    [
      'heldout-dev7',
      'cardiac-electrophysiology.en',
      { conceptR: 0.85, conceptP: 0.74, relationR: 0.32, relationP: 0.34 },
      20,
      6,
    ],
    ['heldout-dev7', 'renal-diuretics.zh', { conceptR: 0.94, conceptP: 0.75, relationR: 0.68, relationP: 0.5 }, 17, 8],
  ] as const)('development chapter %s/%s holds what was measured', async (folder, name, floor, citations, entries) => {
    const dir = path.join(repoRoot, 'test/fixtures', folder);
    const s = await score(path.join(dir, `${name}.md`), path.join(dir, `${name}.gold.json`));
    console.log(s.line);
    expect(s.conceptR).toBeGreaterThanOrEqual(floor.conceptR);
    expect(s.conceptP).toBeGreaterThanOrEqual(floor.conceptP);
    expect(s.relationR).toBeGreaterThanOrEqual(floor.relationR);
    expect(s.relationP).toBeGreaterThanOrEqual(floor.relationP);
    expect(s.citations).toEqual([citations, citations]);
    expect(s.entries).toEqual([entries, entries]);
  });
});
