/**
 * From a chapter's text to its parsed structure: the document, its nested sections and its claims (one
 * per sentence) with their citations, glossary links, emphasis and math, all with positions in the file.
 * A marker belongs to the sentence it ends, also when it stands after the full stop.
 */
import { InputError, InputErrors, type InputWarning } from '../errors';
import {
  nodeKey,
  type ClaimAttributes,
  type DocumentAttributes,
  type GlossaryLink,
  type Lang,
  type SectionAttributes,
} from '../model/types';
import { hanShare, toSimplified } from '../text/chinese';
import { isHedged } from '../extract/hedging';
import { parseBlocks } from './blocks';
import { parseInline, type InlineResult, type InlineSpan } from './inline';
import { splitSentences } from './sentences';
import { positionAt, type SourceText } from './source-file';
import { documentIdentity } from './document-id';

export interface ClaimMarker {
  problemId: string;
  line: number;
  column: number;
}

export interface ParsedClaim {
  key: string;
  attributes: ClaimAttributes;
  markers: ClaimMarker[];
  /** Markers of the next sentence that also support this one (see contextCitations). */
  contextMarkers?: ClaimMarker[];
  /** Claim-relative spans in `attributes.text`. */
  bold: InlineSpan[];
  italic: InlineSpan[];
  math: InlineSpan[];
  /** Whether the sentence is in a list item (a list led in by the sentence before it reads on into it). */
  listItem: boolean;
}

export interface ParsedSection {
  key: string;
  parent: string;
  attributes: SectionAttributes;
}

export interface ParsedChapter {
  id: string;
  key: string;
  attributes: DocumentAttributes;
  sections: ParsedSection[];
  claims: ParsedClaim[];
  warnings: InputWarning[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether a sentence has a letter or digit outside math. */
const hasWords = (s: string) => WORD_CHAR.test(s.includes('$') ? s.replace(/\$\$?[^$]*\$\$?/g, '') : s);

/** Emphasis and math delimiters: markup that opens or closes a span but shows no text. */
const DELIMITERS = new Set(['*', '_', '$']);

/**
 * Where the sentence plain[start, end) lies in the raw content, markup included: a glossary link at
 * either end counts whole (`[text](@entry_id:1)`, not `text`), and so do the delimiters of emphasis
 * or math that opens or closes it, so that `markup` reproduces the source and `column` points at its first
 * character. It never reaches into the text of the sentences before or after.
 */
function rawBounds(inline: InlineResult, content: string, start: number, end: number): [number, number] {
  let rawStart = inline.plainToRaw[start]!;
  let rawEnd = inline.plainToRaw[end - 1]! + 1;
  const floor = start > 0 ? inline.plainToRaw[start - 1]! + 1 : 0;
  const ceiling = inline.plainToRaw[end]!;
  for (const l of inline.links) {
    if (l.plainStart === start) rawStart = Math.min(rawStart, l.rawStart);
    if (l.plainEnd === end) rawEnd = Math.max(rawEnd, l.rawEnd);
  }
  const spans = [...inline.bold, ...inline.italic, ...inline.math];
  if (spans.some((x) => x.plainStart === start)) {
    while (rawStart > floor && DELIMITERS.has(content[rawStart - 1]!)) rawStart--;
  }
  if (spans.some((x) => x.plainEnd === end)) {
    while (rawEnd < ceiling && DELIMITERS.has(content[rawEnd]!)) rawEnd++;
  }
  return [rawStart, rawEnd];
}

/** Spans of `spans` that fall inside [start, end), made relative to start. */
function within(spans: InlineSpan[], start: number, end: number): InlineSpan[] {
  return spans
    .filter((s) => s.plainStart >= start && s.plainEnd <= end && s.plainEnd > s.plainStart)
    .map((s) => ({ plainStart: s.plainStart - start, plainEnd: s.plainEnd - start }));
}

// A sentence that opens by pointing back (这一效果…, 在此期间…, This effect…) continues the one before it.
const BACK_REFERENCE = /^(?:[，,\s]*)(?:这|此|该|上述|在此|在这|由此|因此|It\b|This\b|These\b|That\b|Those\b|Such\b)/;

/**
 * When a cited sentence refers back to an uncited one just before it in the same paragraph, its markers
 * also support that one (as context citations, kept apart from the sentence's own).
 */
function propagateToAntecedents(blockClaims: ParsedClaim[]): void {
  for (let i = 1; i < blockClaims.length; i++) {
    const c = blockClaims[i]!;
    const prev = blockClaims[i - 1]!;
    if (!c.attributes.citations.length || prev.attributes.citations.length) continue;
    if (!BACK_REFERENCE.test(c.attributes.text)) continue;
    prev.attributes.contextCitations = [...c.attributes.citations];
    prev.contextMarkers = c.markers;
  }
}

/**
 * Parses one chapter. Throws InputErrors listing every malformed marker or link (positioned); returns
 * warnings for what is suspicious but usable.
 */
export function parseChapter(src: SourceText): ParsedChapter {
  const identity = documentIdentity(src.path);
  const docKey = nodeKey.document(identity.id);
  const errors: InputError[] = [];
  const warnings: InputWarning[] = [];
  const sections: ParsedSection[] = [];
  const claims: ParsedClaim[] = [];
  const stack: ParsedSection[] = [];
  let title: string | null = null;
  let paragraph = 0;
  let zhChars = 0;
  let allChars = 0;

  const at = (fileOffset: number) => positionAt(src, fileOffset);

  const currentSection = (): ParsedSection => {
    const top = stack[stack.length - 1];
    if (top) return top;
    // Text before the first heading gets a section of its own, titled like the document.
    const s: ParsedSection = {
      key: nodeKey.section(identity.id, sections.length),
      parent: docKey,
      attributes: {
        kind: 'section',
        document: docKey,
        title: identity.topic ?? identity.id,
        level: 1,
        path: [identity.topic ?? identity.id],
        order: sections.length,
        line: 1,
        links: [],
      },
    };
    sections.push(s);
    stack.push(s);
    return s;
  };

  if (src.text.trim() === '') {
    warnings.push({
      path: src.path,
      line: 1,
      column: 1,
      code: 'empty-file',
      message: 'empty chapter: no text to ingest',
    });
  }

  for (const block of parseBlocks(src)) {
    const inline: InlineResult = parseInline(block.content);
    for (const p of inline.problems) {
      const pos = at(block.toFile(p.rawOffset));
      if (p.severity === 'error') errors.push(new InputError(src.path, pos, p.message));
      else warnings.push({ path: src.path, ...pos, code: 'unbalanced-bracket', message: p.message });
    }
    if (block.type === 'heading') {
      const text = inline.plain.trim();
      title ??= text;
      while (stack.length && stack[stack.length - 1]!.attributes.level >= block.level) stack.pop();
      const parent = stack[stack.length - 1];
      const s: ParsedSection = {
        key: nodeKey.section(identity.id, sections.length),
        parent: parent?.key ?? docKey,
        attributes: {
          kind: 'section',
          document: docKey,
          title: text,
          level: block.level,
          path: [...(parent?.attributes.path ?? []), text],
          order: sections.length,
          line: block.line,
          links: inline.links.map((l) => ({
            text: l.text,
            scheme: l.scheme,
            id: l.id,
            start: l.plainStart,
            end: l.plainEnd,
          })),
        },
      };
      sections.push(s);
      stack.push(s);
      if (inline.markers.length) {
        const pos = at(block.toFile(inline.markers[0]!.rawStart));
        warnings.push({
          path: src.path,
          ...pos,
          code: 'uncited-claim',
          message: 'citation marker in a heading is not attached to a claim',
        });
      }
      continue;
    }
    paragraph++;
    const section = currentSection();
    const spans = splitSentences(inline);
    const blockClaims: ParsedClaim[] = [];
    const claimStart = new Map<ParsedClaim, number>();
    const claimRawStart = new Map<ParsedClaim, number>();
    let sentenceIndex = 0;
    for (const span of spans) {
      const text = inline.plain.slice(span.start, span.end);
      if (!hasWords(text)) continue;
      const [rawStart, rawEnd] = rawBounds(inline, block.content, span.start, span.end);
      const start = block.toFile(rawStart);
      const pos = at(start);
      const links: GlossaryLink[] = inline.links
        .filter((l) => l.plainStart >= span.start && l.plainEnd <= span.end)
        .map((l) => ({
          text: l.text,
          scheme: l.scheme,
          id: l.id,
          start: l.plainStart - span.start,
          end: l.plainEnd - span.start,
        }));
      const han = hanShare(text);
      // The same string when conversion changes nothing (most claims): a chapter's claims stay in memory
      // until the batch is stored, and a copy per claim is only more to keep and to collect.
      const simplified = toSimplified(text);
      const lang: Lang = han > 0.3 ? 'zh' : 'en';
      zhChars += han * text.length;
      allChars += text.length;
      const index = claims.length + blockClaims.length;
      const claim: ParsedClaim = {
        key: nodeKey.claim(identity.id, index),
        attributes: {
          kind: 'claim',
          document: docKey,
          section: section.key,
          sectionPath: section.attributes.path,
          paragraph,
          sentence: sentenceIndex++,
          text,
          markup: block.content.slice(rawStart, rawEnd),
          normText: simplified === text ? text : simplified,
          lang,
          line: pos.line,
          column: pos.column,
          start,
          end: block.toFile(rawEnd),
          citations: [],
          contextCitations: [],
          links,
          hedged: isHedged(text),
        },
        markers: [],
        bold: within(inline.bold, span.start, span.end),
        italic: within(inline.italic, span.start, span.end),
        math: within(inline.math, span.start, span.end),
        listItem: block.listItem,
      };
      blockClaims.push(claim);
      claimStart.set(claim, span.start);
      claimRawStart.set(claim, rawStart);
    }
    // Each marker goes to the last sentence starting before it: a marker after a full stop still ends
    // the sentence before it. Markers in a block with no sentence go to the previous claim.
    for (const m of inline.markers) {
      let target: ParsedClaim | undefined;
      for (const c of blockClaims) {
        if (claimStart.get(c)! < m.plainOffset) target = c;
      }
      target ??= blockClaims[0] ?? claims[claims.length - 1];
      const pos = at(block.toFile(m.rawStart));
      if (!target) {
        warnings.push({
          path: src.path,
          ...pos,
          code: 'uncited-claim',
          message: `citation [@problem_id:${m.problemId}] has no sentence to attach to`,
        });
        continue;
      }
      target.markers.push({ problemId: m.problemId, ...pos });
      if (!target.attributes.citations.includes(m.problemId)) target.attributes.citations.push(m.problemId);
      const rawEnd = m.rawEnd;
      const targetStart = claimRawStart.get(target);
      if (targetStart !== undefined) {
        const end = block.toFile(rawEnd);
        if (end > target.attributes.end) {
          target.attributes.end = end;
          target.attributes.markup = block.content.slice(targetStart, rawEnd);
        }
      }
    }
    propagateToAntecedents(blockClaims);
    claims.push(...blockClaims);
  }
  if (errors.length) throw new InputErrors(errors);
  const lang: Lang = allChars && zhChars / allChars > 0.3 ? 'zh' : 'en';
  return {
    id: identity.id,
    key: docKey,
    attributes: {
      kind: 'document',
      path: src.path,
      title: identity.topic ? `${identity.topic} — ${identity.id.split('/')[1]}` : (title ?? identity.id),
      lang,
      hash: src.hash,
      trail: identity.trail,
      claimCount: claims.length,
    },
    sections,
    claims,
    warnings,
  };
}
