/**
 * A saved concept-map view as CmapTools reads it (CXL), and as a small graph for the GraphML and GEXF
 * writers of formats.ts. In CXL a link is a linking phrase with two connections (concept → phrase →
 * concept), and everything drawn has an appearance (its place on the map); the educator's free-text notes
 * become CmapTools annotations. Linking phrases are the predicates named in the view's language.
 */
import {
  SYMMETRIC_PREDICATES,
  edgeKey,
  type ConceptAttributes,
  type GraphExport,
  type RelationAttributes,
} from '../model/types';
import type { View } from '../curation/types';
import { PREDICATE_LABELS } from '../model/predicate-labels';

export const CXL_NAMESPACE = 'http://cmap.ihmc.us/xml/cmap/';

export { PREDICATE_LABELS };

/** The label a concept shows on the map: the educator's, the graph's in the view's language, or its key. */
export function conceptLabel(
  view: Pick<View, 'lang'>,
  concept: View['concepts'][number],
  info: Pick<ConceptAttributes, 'label' | 'labels'> | undefined,
): string {
  return concept.label ?? info?.labels[view.lang] ?? info?.label ?? concept.key;
}

export const linkLabel = (view: Pick<View, 'lang'>, link: View['links'][number]): string =>
  link.label ?? PREDICATE_LABELS[view.lang][link.predicate];

// Attribute values keep their line breaks and tabs as character references (a parser would turn them
// into spaces); characters XML 1.0 forbids are dropped.
const ATTR_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};
export const xmlAttr = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[<>&"'\n\r\t]/g, (c) => ATTR_ESCAPES[c]!);
const xmlText = (s: string): string => xmlAttr(s);

/** A box wide enough for its text: CJK characters take about twice the width of Latin ones. */
function boxWidth(label: string): number {
  let units = 0;
  for (const ch of label) units += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(ch) ? 2 : 1;
  return Math.max(60, Math.min(320, Math.round(units * 7 + 16)));
}

/**
 * A view as a CXL document. `concepts` holds what the graph knows of the view's concepts (a concept it no
 * longer holds is absent); positions are shifted so the map starts at a small margin, as CmapTools draws
 * from (0, 0).
 */
export function toCxl(view: View, concepts: ReadonlyMap<string, ConceptAttributes>): string {
  const margin = 40;
  const xs = [...view.concepts.map((c) => c.x), ...view.notes.map((n) => n.x)];
  const ys = [...view.concepts.map((c) => c.y), ...view.notes.map((n) => n.y)];
  const dx = margin - Math.min(margin, ...xs);
  const dy = margin - Math.min(margin, ...ys);
  const px = (x: number) => Math.round(x + dx);
  const py = (y: number) => Math.round(y + dy);

  const width = Math.max(0, ...xs.map((x) => px(x))) + 2 * margin + 160;
  const height = Math.max(0, ...ys.map((y) => py(y))) + 2 * margin + 60;

  const conceptId = new Map(view.concepts.map((c, i) => [c.key, `concept-${i + 1}`]));
  const position = new Map(view.concepts.map((c) => [c.key, c]));

  const conceptList: string[] = [];
  const conceptAppearances: string[] = [];
  for (const c of view.concepts) {
    const id = conceptId.get(c.key)!;
    const label = conceptLabel(view, c, concepts.get(c.key));
    conceptList.push(`<concept id="${id}" label="${xmlAttr(label)}" short-comment="${xmlAttr(c.key)}"/>`);
    conceptAppearances.push(
      `<concept-appearance id="${id}" x="${px(c.x)}" y="${py(c.y)}" width="${boxWidth(label)}" height="28"/>`,
    );
  }

  const phraseList: string[] = [];
  const phraseAppearances: string[] = [];
  const connections: string[] = [];
  const connectionAppearances: string[] = [];
  for (const [i, link] of view.links.entries()) {
    const phrase = `phrase-${i + 1}`;
    const label = linkLabel(view, link);
    const from = position.get(link.source)!;
    const to = position.get(link.target)!;
    phraseList.push(`<linking-phrase id="${phrase}" label="${xmlAttr(label)}"/>`);
    // The phrase sits halfway between its two concepts, where CmapTools would put it.
    phraseAppearances.push(
      `<linking-phrase-appearance id="${phrase}" x="${px((from.x + to.x) / 2)}" y="${py((from.y + to.y) / 2)}" ` +
        `width="${boxWidth(label)}" height="22"/>`,
    );
    const arrow = SYMMETRIC_PREDICATES.has(link.predicate) ? 'no' : 'if-to-concept';
    for (const [end, fromId, toId] of [
      ['in', conceptId.get(link.source)!, phrase],
      ['out', phrase, conceptId.get(link.target)!],
    ] as const) {
      const id = `connection-${i + 1}-${end}`;
      connections.push(`<connection id="${id}" from-id="${fromId}" to-id="${toId}"/>`);
      connectionAppearances.push(
        `<connection-appearance id="${id}" from-pos="center" to-pos="center" arrowhead="${arrow}"/>`,
      );
    }
  }

  const annotations = view.notes.map((n, i) => `<annotation id="note-${i + 1}" label="${xmlAttr(n.text)}"/>`);
  const annotationAppearances = view.notes.map(
    (n, i) =>
      `<annotation-appearance id="note-${i + 1}" x="${px(n.x)}" y="${py(n.y)}" ` +
      `width="${boxWidth(n.text.split('\n')[0] ?? '')}" height="${28 + 16 * (n.text.split('\n').length - 1)}"/>`,
  );

  const list = (tag: string, items: string[]) =>
    items.length ? [`    <${tag}>`, ...items.map((s) => `      ${s}`), `    </${tag}>`] : [`    <${tag}/>`];

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<cmap xmlns="${CXL_NAMESPACE}" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:vcard="http://www.w3.org/2001/vcard-rdf/3.0#">',
    '  <res-meta>',
    `    <dc:title>${xmlText(view.name)}</dc:title>`,
    `    <dc:creator><vcard:FN>${xmlText(view.author)}</vcard:FN></dc:creator>`,
    `    <dc:language>${view.lang}</dc:language>`,
    `    <dcterms:created>${xmlText(view.createdAt)}</dcterms:created>`,
    `    <dcterms:modified>${xmlText(view.updatedAt)}</dcterms:modified>`,
    '    <dc:format>x-cmap/x-storable</dc:format>',
    '  </res-meta>',
    `  <map width="${width}" height="${height}">`,
    ...list('concept-list', conceptList),
    ...list('linking-phrase-list', phraseList),
    ...list('connection-list', connections),
    ...list('concept-appearance-list', conceptAppearances),
    ...list('linking-phrase-appearance-list', phraseAppearances),
    ...list('connection-appearance-list', connectionAppearances),
    '  </map>',
    '  <cmap-parts-list>',
    `    <annotations xmlns="${CXL_NAMESPACE}">`,
    ...list('annotation-list', annotations).map((s) => `  ${s}`),
    ...list('annotation-appearance-list', annotationAppearances).map((s) => `  ${s}`),
    '    </annotations>',
    '  </cmap-parts-list>',
    '</cmap>',
    '',
  ].join('\n');
}

/** A concept the graph no longer holds keeps its place on the map, with what the view knows of it. */
const placeholder = (label: string): ConceptAttributes => ({
  kind: 'concept',
  category: 'Concept',
  label,
  labels: {},
  aliases: [],
  entryIds: [],
  xrefs: [],
  origin: 'rule',
  documents: [],
  mentionCount: 0,
});

/**
 * A view as graphology serialised JSON, for the GraphML and GEXF writers: its concepts (with the label
 * they show and their x, y) and its links as relations (with their linking phrase as `label`). Notes are
 * not part of the graph and stay out.
 */
export function viewToGraphExport(view: View, concepts: ReadonlyMap<string, ConceptAttributes>): GraphExport {
  const nodes: GraphExport['nodes'] = view.concepts.map((c) => {
    const info = concepts.get(c.key);
    const label = conceptLabel(view, c, info);
    const attributes: ConceptAttributes & { x: number; y: number } = {
      ...(info ?? placeholder(label)),
      label,
      x: c.x,
      y: c.y,
    };
    return { key: c.key, attributes };
  });
  const edges: GraphExport['edges'] = view.links.map((l) => {
    const attributes: RelationAttributes & { label: string } = {
      kind: 'relation',
      predicate: l.predicate,
      evidence: [],
      cues: [],
      confidence: 1,
      hedged: false,
      negated: false,
      label: linkLabel(view, l),
    };
    return { key: edgeKey.relation(l.source, l.predicate, l.target), source: l.source, target: l.target, attributes };
  });
  return {
    attributes: { name: view.name },
    options: { type: 'directed', multi: false, allowSelfLoops: false },
    nodes,
    edges,
  };
}
