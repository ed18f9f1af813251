/**
 * The data-quality report of an ingest: uncited claims, English fragments inside Chinese sentences,
 * glossary links that cut through a word, glossary entries seen under several labels, and malformed
 * markers. Reviewers read it to find what the text or its markup gets wrong.
 */
import type { InputError } from '../errors';
import { isHan, toSimplified, wordBoundaries } from '../text/chinese';
import type { ParsedChapter, ParsedClaim } from './chapter';

export interface ReportItem {
  path: string;
  line: number;
  column: number;
  claim?: string;
  detail: string;
}

export interface QualityReport {
  chapters: number;
  claims: number;
  cited: number;
  coverage: number;
  uncitedClaims: ReportItem[];
  englishFragments: ReportItem[];
  linksCuttingWords: ReportItem[];
  entryLabelConflicts: { entryId: string; labels: string[]; places: ReportItem[] }[];
  badMarkers: ReportItem[];
  coverageBySection: { document: string; section: string; claims: number; cited: number }[];
}

// Latin words inside Chinese text that are not acronyms, units or symbols: `debilitating`, `achieving`.
const LATIN_WORD = /(?<![A-Za-z$\\])[A-Za-z][a-z]{2,}(?:[ -][a-z]{2,})*(?![A-Za-z])/g;

function englishFragments(claim: ParsedClaim): { word: string; at: number }[] {
  const a = claim.attributes;
  if (a.lang !== 'zh') return [];
  const text = a.text;
  const out: { word: string; at: number }[] = [];
  const inMath = (i: number) => claim.math.some((m) => i >= m.plainStart && i < m.plainEnd);
  for (const m of text.matchAll(LATIN_WORD)) {
    const at = m.index;
    if (inMath(at)) continue;
    // A term glossed in brackets after its Chinese name (`扩散（diffusion）`) is a gloss, not a fragment.
    const before = text.slice(Math.max(0, at - 2), at);
    if (/[（(,，、]\s*$/.test(before)) continue;
    const after = text.slice(at + m[0].length, at + m[0].length + 2);
    if (/^\s*[）),，、]/.test(after)) continue;
    out.push({ word: m[0], at });
  }
  return out;
}

/** Offsets in the claim text where a glossary link's edge falls inside a word (jieba's segmentation). */
function linkCuts(claim: ParsedClaim): { text: string; side: 'start' | 'end' }[] {
  const text = claim.attributes.normText;
  const out: { text: string; side: 'start' | 'end' }[] = [];
  for (const l of claim.attributes.links) {
    const edges: ['start' | 'end', number][] = [
      ['start', l.start],
      ['end', l.end],
    ];
    for (const [side, at] of edges) {
      if (!isHan(text[at - 1]) || !isHan(text[at])) continue;
      const from = Math.max(0, at - 6);
      const window = text.slice(from, Math.min(text.length, at + 6));
      if (!wordBoundaries(window).has(at - from)) out.push({ text: l.text, side });
    }
  }
  return out;
}

export function buildQualityReport(chapters: ParsedChapter[], errors: InputError[]): QualityReport {
  const report: QualityReport = {
    chapters: chapters.length,
    claims: 0,
    cited: 0,
    coverage: 0,
    uncitedClaims: [],
    englishFragments: [],
    linksCuttingWords: [],
    entryLabelConflicts: [],
    badMarkers: [],
    coverageBySection: [],
  };
  const entryLabels = new Map<string, Map<string, ReportItem[]>>();
  for (const ch of chapters) {
    const path = ch.attributes.path;
    const bySection = new Map<string, { claims: number; cited: number }>();
    for (const c of ch.claims) {
      const a = c.attributes;
      const place = { path, line: a.line, column: a.column, claim: c.key };
      report.claims++;
      const s = bySection.get(a.section) ?? { claims: 0, cited: 0 };
      s.claims++;
      if (a.citations.length) {
        report.cited++;
        s.cited++;
      } else report.uncitedClaims.push({ ...place, detail: a.text });
      bySection.set(a.section, s);
      for (const f of englishFragments(c))
        report.englishFragments.push({ ...place, detail: `"${f.word}" in: ${a.text}` });
      for (const cut of linkCuts(c)) {
        report.linksCuttingWords.push({
          ...place,
          detail: `link "${cut.text}" cuts a word at its ${cut.side}: ${a.text}`,
        });
      }
      for (const l of a.links) {
        const id = `${l.scheme}:${l.id}`;
        const labels = entryLabels.get(id) ?? new Map<string, ReportItem[]>();
        const label = toSimplified(l.text).toLowerCase();
        labels.set(label, [...(labels.get(label) ?? []), { ...place, detail: l.text }]);
        entryLabels.set(id, labels);
      }
    }
    for (const sec of ch.sections) {
      const s = bySection.get(sec.key);
      if (s) report.coverageBySection.push({ document: ch.key, section: sec.attributes.title, ...s });
    }
  }
  for (const [entryId, labels] of entryLabels) {
    if (labels.size > 1) {
      report.entryLabelConflicts.push({ entryId, labels: [...labels.keys()], places: [...labels.values()].flat() });
    }
  }
  for (const e of errors) {
    if (/marker|link/.test(e.detail)) {
      report.badMarkers.push({
        path: e.path,
        line: e.position?.line ?? 0,
        column: e.position?.column ?? 0,
        detail: e.detail,
      });
    }
  }
  report.coverage = report.claims ? report.cited / report.claims : 0;
  return report;
}

export function formatQualityReport(r: QualityReport): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  lines.push(`Data-quality report: ${r.chapters} chapters, ${r.claims} claims, ${r.cited} cited (${pct(r.coverage)})`);
  const list = (title: string, items: ReportItem[], max = 50) => {
    lines.push('', `${title} (${items.length})`);
    for (const i of items.slice(0, max)) lines.push(`  ${i.path}:${i.line}:${i.column}: ${i.detail}`);
    if (items.length > max) lines.push(`  … ${items.length - max} more (use --report-json for all)`);
  };
  lines.push('', 'Citation coverage by section');
  for (const s of r.coverageBySection) {
    lines.push(`  ${s.document} › ${s.section}: ${s.cited}/${s.claims} (${pct(s.claims ? s.cited / s.claims : 0)})`);
  }
  list('Uncited claims', r.uncitedClaims);
  list('English fragments in Chinese sentences', r.englishFragments);
  list('Glossary links cutting through a word', r.linksCuttingWords);
  lines.push('', `Glossary entries under several labels (${r.entryLabelConflicts.length})`);
  for (const c of r.entryLabelConflicts) lines.push(`  ${c.entryId}: ${c.labels.join(' / ')}`);
  list('Malformed markers and links', r.badMarkers);
  return lines.join('\n');
}
