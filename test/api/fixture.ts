/**
 * A small hand-made chapter with typed relations, applied to the store next to the sample corpus: the
 * extractor may not find relations yet, and paths, neighbourhoods and PageRank need a graph whose
 * answers are known exactly. Its document id holds a `/` so every route's URL encoding is exercised.
 *
 *   ketamine ─treats→ depression            ketamine ─decreases→ NMDA ─implicated_in→ depression
 *   ketamine ─increases→ BDNF ─causes→ synaptogenesis ─decreases→ depression
 *   BDNF ─associated_with→ depression (hedged)   ECT ─treats→ depression   ECT ─combined_with→ ketamine
 *   NMDA ─interacts_with→ ketamine (two claims)  "isolated" has no relation
 *
 * The second section's heading mentions BDNF and asserts BDNF ─causes→ synaptogenesis, as the extractor's
 * headings do: neither may show up where claims are listed.
 */
import type { ChapterFragment, KnownProblem, IngestBatch } from '../../server/store/graph-store';
import {
  edgeKey,
  nodeKey,
  type Category,
  type ClaimAttributes,
  type ConceptAttributes,
  type EdgeAttributes,
  type GraphExport,
  type NodeAttributes,
  type Predicate,
} from '../../server/model/types';

export const FX_DOC_ID = 'api-fixture/ch1';
export const FX_DOC = nodeKey.document(FX_DOC_ID);
const SEC0 = nodeKey.section(FX_DOC_ID, 0);
const SEC1 = nodeKey.section(FX_DOC_ID, 1);

export const C = {
  ketamine: 'concept:fx-ketamine',
  nmda: 'concept:fx-nmda',
  bdnf: 'concept:fx-bdnf',
  synaptogenesis: 'concept:fx-synaptogenesis',
  depression: 'concept:fx-depression',
  ect: 'concept:fx-ect',
  isolated: 'concept:fx-isolated',
} as const;

export const claimKeyOf = (n: number) => nodeKey.claim(FX_DOC_ID, n);

interface ClaimSpec {
  text: string;
  section: 0 | 1;
  citations?: string[];
  contextCitations?: string[];
  hedged?: boolean;
  mentions: string[];
}

/** Claims in reading order: index n is `claim:api-fixture/ch1#n`. */
export const CLAIMS: ClaimSpec[] = [
  {
    text: 'Ketamine treats depression within hours.',
    section: 0,
    citations: ['9000001', '9000002'],
    mentions: [C.ketamine, C.depression],
  },
  { text: 'Ketamine blocks the NMDA receptor.', section: 0, citations: ['9000001'], mentions: [C.ketamine, C.nmda] },
  {
    text: 'NMDA receptor signalling is implicated in depression.',
    section: 0,
    contextCitations: ['9000003'],
    mentions: [C.nmda, C.depression],
  },
  { text: 'This effect was replicated.', section: 0, citations: ['9000003'], mentions: [] },
  { text: 'Ketamine increases BDNF release.', section: 1, citations: ['9000002'], mentions: [C.ketamine, C.bdnf] },
  { text: 'BDNF causes synaptogenesis.', section: 1, mentions: [C.bdnf, C.synaptogenesis] },
  { text: 'Synaptogenesis decreases depression symptoms.', section: 1, mentions: [C.synaptogenesis, C.depression] },
  {
    text: 'Electroconvulsive therapy treats depression.',
    section: 1,
    citations: ['9000001'],
    mentions: [C.ect, C.depression],
  },
  { text: 'ECT is sometimes combined with ketamine.', section: 1, mentions: [C.ect, C.ketamine] },
  { text: 'BDNF may be associated with depression.', section: 1, hedged: true, mentions: [C.bdnf, C.depression] },
  { text: 'Ketamine binds the NMDA receptor directly.', section: 1, mentions: [C.ketamine, C.nmda] },
  { text: 'The NMDA receptor interacts with ketamine at the PCP site.', section: 1, mentions: [C.nmda, C.ketamine] },
  { text: 'An isolated idea mentioned once.', section: 1, mentions: [C.isolated] },
];

interface RelationSpec {
  s: string;
  p: Predicate;
  o: string;
  evidence: number[];
  hedged?: boolean;
  /** Also asserted by the heading of the second section (the extractor reads headings too). */
  inHeading?: boolean;
}

export const RELATIONS: RelationSpec[] = [
  { s: C.ketamine, p: 'treats', o: C.depression, evidence: [0] },
  { s: C.ketamine, p: 'decreases', o: C.nmda, evidence: [1] },
  { s: C.nmda, p: 'implicated_in', o: C.depression, evidence: [2] },
  { s: C.ketamine, p: 'increases', o: C.bdnf, evidence: [4] },
  { s: C.bdnf, p: 'causes', o: C.synaptogenesis, evidence: [5], inHeading: true },
  { s: C.synaptogenesis, p: 'decreases', o: C.depression, evidence: [6] },
  { s: C.ect, p: 'treats', o: C.depression, evidence: [7] },
  { s: C.ect, p: 'combined_with', o: C.ketamine, evidence: [8] },
  { s: C.bdnf, p: 'associated_with', o: C.depression, evidence: [9], hedged: true },
  { s: C.nmda, p: 'interacts_with', o: C.ketamine, evidence: [10, 11] },
];

function concept(
  category: Category,
  label: string,
  labels: ConceptAttributes['labels'],
  aliases: string[],
): ConceptAttributes {
  return {
    kind: 'concept',
    category,
    label,
    labels,
    aliases,
    entryIds: [],
    xrefs: [],
    origin: 'vocabulary',
    documents: [FX_DOC],
    mentionCount: 0,
  };
}

const CONCEPTS: Record<string, ConceptAttributes> = {
  [C.ketamine]: concept('Intervention', '氯胺酮', { zh: '氯胺酮', en: 'ketamine' }, ['氯胺酮', 'ketamine']),
  [C.nmda]: concept('Molecule', 'NMDA receptor', { en: 'NMDA receptor', zh: 'NMDA受体' }, [
    'NMDA receptor',
    'NMDA受体',
  ]),
  [C.bdnf]: concept('Molecule', 'BDNF', { en: 'BDNF' }, ['BDNF', 'brain-derived neurotrophic factor']),
  [C.synaptogenesis]: concept('Mechanism', 'synaptogenesis', { en: 'synaptogenesis', zh: '突触生成' }, [
    'synaptogenesis',
    '突触生成',
  ]),
  [C.depression]: concept('Disorder', '抑郁症', { zh: '抑郁症', en: 'depression' }, ['抑郁症', 'depression']),
  [C.ect]: concept('Intervention', 'electroconvulsive therapy', { en: 'electroconvulsive therapy' }, [
    'electroconvulsive therapy',
    'ECT',
  ]),
  [C.isolated]: concept('Concept', 'isolated idea', { en: 'isolated idea' }, ['isolated idea']),
};

export const PROBLEMS: KnownProblem[] = [
  {
    problemId: '9000001',
    problem: { problem: 'Estimate the onset of the antidepressant effect.', answer: 'Hours.' },
    origin: 'test',
  },
];

/** The fixture chapter as the ingest pipeline would hand it to a store. */
export function fixtureFragment(): ChapterFragment {
  const nodes: GraphExport['nodes'] = [];
  const edges: GraphExport['edges'] = [];
  const node = (key: string, attributes: NodeAttributes) => nodes.push({ key, attributes });
  const edge = (key: string, source: string, target: string, attributes: EdgeAttributes) =>
    edges.push({ key, source, target, attributes });

  node(FX_DOC, {
    kind: 'document',
    path: `test/${FX_DOC_ID}.md`,
    title: 'API fixture',
    lang: 'en',
    hash: 'fixture-hash-1',
    trail: [],
    claimCount: CLAIMS.length,
  });
  const sections = [
    { key: SEC0, title: 'Fast antidepressants', order: 0, line: 1 },
    { key: SEC1, title: 'Mechanisms', order: 1, line: 10 },
  ];
  for (const s of sections) {
    node(s.key, {
      kind: 'section',
      document: FX_DOC,
      title: s.title,
      level: 2,
      path: [s.title],
      order: s.order,
      line: s.line,
      links: [],
    });
    edge(edgeKey.sectionOf(s.key), s.key, FX_DOC, { kind: 'section_of' });
  }

  const mentionCount = new Map<string, number>();
  let offset = 0;
  CLAIMS.forEach((c, i) => {
    const key = claimKeyOf(i);
    const sec = sections[c.section]!;
    const attrs: ClaimAttributes = {
      kind: 'claim',
      document: FX_DOC,
      section: sec.key,
      sectionPath: [sec.title],
      paragraph: 1,
      sentence: i,
      text: c.text,
      markup: c.citations ? `${c.text} ${c.citations.map((p) => `[@problem_id:${p}]`).join(' ')}` : c.text,
      normText: c.text,
      lang: 'en',
      line: sec.line + 1 + i,
      column: 1,
      start: offset,
      end: offset + c.text.length,
      citations: c.citations ?? [],
      contextCitations: c.contextCitations ?? [],
      links: [],
      hedged: c.hedged ?? false,
    };
    offset += c.text.length + 1;
    node(key, attrs);
    edge(edgeKey.inSection(key), key, sec.key, { kind: 'in_section' });
    for (const [list, scope] of [
      [c.citations ?? [], 'sentence'],
      [c.contextCitations ?? [], 'context'],
    ] as const) {
      for (const p of list) {
        const src = nodeKey.source(p);
        if (!nodes.some((n) => n.key === src)) node(src, { kind: 'source', problemId: p, label: `problem ${p}` });
        edge(edgeKey.cites(key, src), key, src, { kind: 'cites', scope, line: attrs.line, column: 40 });
      }
    }
    for (const m of c.mentions) {
      mentionCount.set(m, (mentionCount.get(m) ?? 0) + 1);
      edge(edgeKey.mentions(key, m), key, m, { kind: 'mentions', surface: m, start: 0, end: 1, via: 'vocabulary' });
    }
  });
  // A heading mentions a concept too: not a claim, so never listed among mentioning claims.
  edge(edgeKey.mentions(SEC1, C.bdnf), SEC1, C.bdnf, {
    kind: 'mentions',
    surface: 'BDNF',
    start: 0,
    end: 4,
    via: 'vocabulary',
  });
  for (const [key, attrs] of Object.entries(CONCEPTS))
    node(key, { ...attrs, mentionCount: mentionCount.get(key) ?? 0 });
  for (const r of RELATIONS) {
    edge(edgeKey.relation(r.s, r.p, r.o), r.s, r.o, {
      kind: 'relation',
      predicate: r.p,
      evidence: [...r.evidence.map(claimKeyOf), ...(r.inHeading ? [SEC1] : [])],
      cues: [...r.evidence.map(() => r.p), ...(r.inHeading ? [r.p] : [])],
      confidence: 0.9,
      hedged: r.hedged ?? false,
      negated: false,
    });
  }
  return {
    documentId: FX_DOC_ID,
    hash: 'fixture-hash-1',
    graph: {
      attributes: { name: FX_DOC_ID },
      options: { type: 'directed', multi: false, allowSelfLoops: false },
      nodes,
      edges,
    },
  };
}

export function fixtureBatch(): IngestBatch {
  return { upsert: [fixtureFragment()], remove: [], problems: PROBLEMS };
}
