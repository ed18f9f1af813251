/**
 * CXL export checked against the structure CmapTools expects: the CXL namespace, the lists in their
 * order, unique ids, every connection joining a concept and a linking phrase that exist, each phrase with
 * one incoming and at least one outgoing connection, an appearance for everything drawn, and labels that
 * survive XML escaping exactly. Also the view as a graph for GraphML and GEXF.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { CXL_NAMESPACE, PREDICATE_LABELS, toCxl, viewToGraphExport } from '../../server/export/cxl';
import { toGexf, toGraphml } from '../../server/export/formats';
import type { View } from '../../server/curation/types';
import type { ConceptAttributes } from '../../server/model/types';
import { view } from './curation-specs';

const tricky = 'A < B & "C" \'D\' > E';

function concept(label: string, labels: ConceptAttributes['labels'] = {}): ConceptAttributes {
  return {
    kind: 'concept',
    category: 'Intervention',
    label,
    labels,
    aliases: [label],
    entryIds: ['7'],
    xrefs: ['MESH:D007649'],
    origin: 'vocabulary',
    documents: ['doc:x'],
    mentionCount: 3,
  };
}

const graphConcepts = new Map<string, ConceptAttributes>([
  ['concept:ketamine', concept('氯胺酮', { zh: '氯胺酮', en: 'ketamine' })],
  ['concept:depression', concept('抑郁症', { zh: '抑郁症', en: 'depression' })],
  ['concept:nmda', concept('NMDA受体', { zh: 'NMDA受体' })],
]);

const sample: View = view('cxl1', {
  name: `Map ${tricky}`,
  lang: 'en',
  concepts: [
    { key: 'concept:ketamine', x: -120, y: -40 },
    { key: 'concept:depression', x: 200, y: 10 },
    { key: 'concept:nmda', x: 40, y: 220, label: tricky },
    // A concept a re-ingest removed: it keeps its place, labelled by its key.
    { key: 'concept:gone', x: 300, y: 300 },
  ],
  links: [
    { source: 'concept:ketamine', target: 'concept:depression', predicate: 'treats' },
    { source: 'concept:ketamine', target: 'concept:nmda', predicate: 'interacts_with' },
    { source: 'concept:nmda', target: 'concept:depression', predicate: 'implicated_in', label: 'may & "explain"' },
    { source: 'concept:depression', target: 'concept:gone', predicate: 'risk_of' },
  ],
  notes: [
    { id: 'n1', text: `Line one ${tricky}\nline two`, x: 0, y: 400 },
    { id: 'n2', text: '讨论：剂量？', x: 500, y: -200 },
  ],
});

function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

const elements = (root: { getElementsByTagName(tag: string): ArrayLike<Element> }, tag: string): Element[] =>
  Array.from(root.getElementsByTagName(tag));
const childElements = (e: Element): Element[] => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);

describe('toCxl', () => {
  const xml = toCxl(sample, graphConcepts);
  const doc = parse(xml);
  const map = elements(doc, 'map')[0]!;

  it('is a CXL document: namespace, metadata, and the lists in the order CmapTools writes them', () => {
    const root = doc.documentElement!;
    expect(root.localName).toBe('cmap');
    expect(root.namespaceURI).toBe(CXL_NAMESPACE);
    expect(elements(doc, 'dc:title')[0]!.textContent).toBe(`Map ${tricky}`);
    expect(elements(doc, 'dc:language')[0]!.textContent).toBe('en');
    expect(elements(doc, 'dc:format')[0]!.textContent).toBe('x-cmap/x-storable');
    expect(map.namespaceURI).toBe(CXL_NAMESPACE);
    expect(childElements(map).map((e) => e.localName)).toEqual([
      'concept-list',
      'linking-phrase-list',
      'connection-list',
      'concept-appearance-list',
      'linking-phrase-appearance-list',
      'connection-appearance-list',
    ]);
  });

  it('gives every element a unique id', () => {
    const ids = ['concept', 'linking-phrase', 'connection', 'annotation'].flatMap((t) =>
      elements(doc, t).map((e) => e.getAttribute('id')),
    );
    expect(ids.every((id) => !!id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(4 + 4 + 8 + 2);
  });

  it('joins concept → linking phrase → concept: each phrase one connection in, at least one out', () => {
    const concepts = new Set(elements(doc, 'concept').map((e) => e.getAttribute('id')!));
    const phrases = new Set(elements(doc, 'linking-phrase').map((e) => e.getAttribute('id')!));
    const connections = elements(doc, 'connection').map((c): [string, string] => [
      c.getAttribute('from-id')!,
      c.getAttribute('to-id')!,
    ]);
    for (const [from, to] of connections) {
      const conceptToPhrase = concepts.has(from) && phrases.has(to);
      const phraseToConcept = phrases.has(from) && concepts.has(to);
      expect(conceptToPhrase || phraseToConcept, `${from} → ${to}`).toBe(true);
    }
    for (const p of phrases) {
      expect(connections.filter(([, to]) => to === p)).toHaveLength(1);
      expect(connections.filter(([from]) => from === p).length).toBeGreaterThanOrEqual(1);
    }
    // The links as a reader follows them.
    const label = (id: string) =>
      elements(doc, '*')
        .find((e) => e.getAttribute('id') === id)
        ?.getAttribute('label');
    const triples = [...phrases].map((p) => {
      const from = connections.find(([, to]) => to === p)![0];
      const to = connections.find(([f]) => f === p)![1];
      return [label(from), label(p), label(to)];
    });
    expect(triples).toEqual([
      ['ketamine', 'treats', 'depression'],
      ['ketamine', 'interacts with', tricky],
      [tricky, 'may & "explain"', 'depression'],
      ['depression', 'risk of', 'concept:gone'],
    ]);
  });

  it('draws everything: one appearance per concept, phrase, connection and note, at x, y ≥ 0', () => {
    const appearances = (list: string, tag: string) =>
      elements(elements(doc, list)[0]!, tag).map((a) => a.getAttribute('id'));
    const ids = (tag: string) => elements(doc, tag).map((e) => e.getAttribute('id'));
    expect(appearances('concept-appearance-list', 'concept-appearance')).toEqual(ids('concept'));
    expect(appearances('linking-phrase-appearance-list', 'linking-phrase-appearance')).toEqual(ids('linking-phrase'));
    expect(appearances('connection-appearance-list', 'connection-appearance')).toEqual(ids('connection'));
    expect(appearances('annotation-appearance-list', 'annotation-appearance')).toEqual(ids('annotation'));
    for (const tag of ['concept-appearance', 'linking-phrase-appearance', 'annotation-appearance']) {
      for (const a of elements(doc, tag)) {
        for (const attr of ['x', 'y', 'width', 'height']) {
          expect(Number(a.getAttribute(attr)), `${tag} ${attr}`).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(Number(a.getAttribute(attr)))).toBe(true);
        }
      }
    }
    // Relative positions are kept: the shift is the same for all.
    const at = (id: string) => {
      const a = elements(doc, 'concept-appearance').find((e) => e.getAttribute('id') === id)!;
      return [Number(a.getAttribute('x')), Number(a.getAttribute('y'))];
    };
    const [x1, y1] = at('concept-1');
    const [x2, y2] = at('concept-2');
    expect([x2! - x1!, y2! - y1!]).toEqual([320, 50]);
    // A symmetric predicate is drawn without an arrowhead.
    const arrows = elements(doc, 'connection-appearance').map((a) => a.getAttribute('arrowhead'));
    expect(arrows).toEqual(['if-to-concept', 'if-to-concept', 'no', 'no', ...Array(4).fill('if-to-concept')]);
  });

  it('escapes <, &, quotes and keeps line breaks, so every label reads back exactly', () => {
    expect(xml).toContain('&lt;');
    expect(xml).toContain('&amp;');
    expect(xml).toContain('&quot;');
    expect(xml).not.toContain(tricky);
    expect(elements(doc, 'annotation').map((a) => a.getAttribute('label'))).toEqual([
      `Line one ${tricky}\nline two`,
      '讨论：剂量？',
    ]);
    // The graph key of each concept travels along, for a round trip.
    expect(elements(doc, 'concept').map((c) => c.getAttribute('short-comment'))).toEqual(
      sample.concepts.map((c) => c.key),
    );
  });

  it('names links in the view’s language', () => {
    const zh = parse(toCxl({ ...sample, lang: 'zh' }, graphConcepts));
    expect(elements(zh, 'concept').map((c) => c.getAttribute('label'))).toEqual([
      '氯胺酮',
      '抑郁症',
      tricky,
      'concept:gone',
    ]);
    expect(elements(zh, 'linking-phrase').map((c) => c.getAttribute('label'))).toEqual([
      '治疗',
      '相互作用',
      'may & "explain"',
      '风险',
    ]);
  });

  it('writes an empty map as empty lists', () => {
    const empty = parse(toCxl(view('e', { concepts: [], links: [], notes: [] }), new Map()));
    expect(elements(empty, 'concept')).toEqual([]);
    expect(elements(empty, 'concept-list')).toHaveLength(1);
  });
});

describe('PREDICATE_LABELS', () => {
  it('names every predicate in both languages', () => {
    expect(Object.values(PREDICATE_LABELS.zh)).toEqual([
      '治疗',
      '预防',
      '导致',
      '增加',
      '降低',
      '风险',
      '生物标志物',
      '参与',
      '属于',
      '相互作用',
      '联合使用',
      '对比',
      '相关',
    ]);
    expect(PREDICATE_LABELS.en.biomarker_for).toBe('biomarker for');
  });
});

describe('viewToGraphExport', () => {
  const graph = viewToGraphExport(sample, graphConcepts);

  it('holds the view’s concepts (labelled as shown, placed) and its links as relations', () => {
    expect(graph.attributes).toEqual({ name: sample.name });
    expect(graph.nodes.map((n) => [n.key, n.attributes!.kind === 'concept' && n.attributes!.label])).toEqual([
      ['concept:ketamine', 'ketamine'],
      ['concept:depression', 'depression'],
      ['concept:nmda', tricky],
      ['concept:gone', 'concept:gone'],
    ]);
    expect(graph.nodes[0]!.attributes).toMatchObject({ x: -120, y: -40, xrefs: ['MESH:D007649'] });
    expect(graph.edges.map((e) => [e.source, e.target, (e.attributes as { label?: string }).label])).toEqual([
      ['concept:ketamine', 'concept:depression', 'treats'],
      ['concept:ketamine', 'concept:nmda', 'interacts with'],
      ['concept:nmda', 'concept:depression', 'may & "explain"'],
      ['concept:depression', 'concept:gone', 'risk of'],
    ]);
  });

  it('goes through the GraphML and GEXF writers as well-formed XML', () => {
    const graphml = parse(toGraphml(graph));
    expect(elements(graphml, 'node')).toHaveLength(4);
    expect(elements(graphml, 'edge')).toHaveLength(4);
    const gexf = parse(toGexf(graph));
    expect(elements(gexf, 'node').map((n) => n.getAttribute('label'))).toEqual([
      'ketamine',
      'depression',
      tricky,
      'concept:gone',
    ]);
  });
});
