/**
 * What the workflow tests share: a small hand-made chapter (four claims, four concepts, three relations)
 * whose texts and relations a test can change to play a re-ingest, and the Express app the route tests
 * drive — the curation and views routers behind the write guard, with a local error middleware that maps
 * typed errors to problem+json the way the app's does.
 */
import express, { type ErrorRequestHandler } from 'express';
import { NotFoundError, UsageError } from '../../server/errors';
import { CurationService, storeFacts } from '../../server/curation/curation-service';
import type { CurationStore } from '../../server/curation/curation-store';
import { ViewService } from '../../server/views/view-service';
import { writeGuard } from '../../server/api/auth';
import { curationRouter } from '../../server/api/routes/curation';
import { viewsRouter } from '../../server/api/routes/views';
import type { ChapterFragment, GraphStoreCore } from '../../server/store/graph-store';
import {
  edgeKey,
  type ClaimAttributes,
  type ConceptAttributes,
  type GraphExport,
  type Predicate,
} from '../../server/model/types';

export const DOC = 'doc:ketamine';
export const SECTION = 'sec:ketamine#0';
export const claimKey = (i: number) => `claim:ketamine#${i}`;

export const CONCEPTS = {
  ketamine: { key: 'concept:ketamine', zh: '氯胺酮', en: 'ketamine', category: 'Intervention' },
  depression: { key: 'concept:depression', zh: '抑郁症', en: 'depression', category: 'Disorder' },
  synaptogenesis: { key: 'concept:synaptogenesis', zh: '突触发生', en: 'synaptogenesis', category: 'Mechanism' },
  pfc: { key: 'concept:pfc', zh: '前额叶皮层', en: 'prefrontal cortex', category: 'Circuit' },
} as const;

export const TEXTS = [
  '氯胺酮可以快速治疗抑郁症。',
  '多项试验表明氯胺酮对难治性抑郁症有效。',
  '氯胺酮增加前额叶的突触发生。',
  '抑郁症与前额叶皮层的功能改变相关。',
];

interface FixtureRelation {
  subject: keyof typeof CONCEPTS;
  predicate: Predicate;
  object: keyof typeof CONCEPTS;
  evidence: number[];
}

export const RELATIONS: FixtureRelation[] = [
  { subject: 'ketamine', predicate: 'treats', object: 'depression', evidence: [0, 1] },
  { subject: 'ketamine', predicate: 'increases', object: 'synaptogenesis', evidence: [2] },
  { subject: 'depression', predicate: 'associated_with', object: 'pfc', evidence: [3] },
];

export const relationKey = (r: Pick<FixtureRelation, 'subject' | 'predicate' | 'object'>) =>
  edgeKey.relation(CONCEPTS[r.subject].key, r.predicate, CONCEPTS[r.object].key);
export const TREATS = relationKey(RELATIONS[0]!);
export const INCREASES = relationKey(RELATIONS[1]!);
export const ASSOCIATED = relationKey(RELATIONS[2]!);

const claim = (i: number, text: string): ClaimAttributes => ({
  kind: 'claim',
  document: DOC,
  section: SECTION,
  sectionPath: ['氯胺酮'],
  paragraph: i,
  sentence: 0,
  text,
  markup: text,
  normText: text,
  lang: 'zh',
  line: 3 + 2 * i,
  column: 1,
  start: 0,
  end: text.length,
  citations: [],
  contextCitations: [],
  links: [],
  hedged: false,
});

const concept = (c: (typeof CONCEPTS)[keyof typeof CONCEPTS]): ConceptAttributes => ({
  kind: 'concept',
  category: c.category,
  label: c.zh,
  labels: { zh: c.zh, en: c.en },
  aliases: [c.zh],
  entryIds: [],
  xrefs: [],
  origin: 'vocabulary',
  documents: [DOC],
  mentionCount: 1,
});

/** The chapter as one ingest would store it; `texts` and `relations` let a test change what it says. */
export function fixtureFragment(texts: readonly string[] = TEXTS, relations = RELATIONS): ChapterFragment {
  const graph: GraphExport = {
    attributes: {},
    options: { type: 'directed', multi: false, allowSelfLoops: false },
    nodes: [
      {
        key: DOC,
        attributes: {
          kind: 'document',
          path: 'ketamine.zh.md',
          title: '氯胺酮',
          lang: 'zh',
          hash: texts.join('|'),
          trail: [],
          claimCount: texts.length,
        },
      },
      {
        key: SECTION,
        attributes: {
          kind: 'section',
          document: DOC,
          title: '氯胺酮',
          level: 2,
          path: ['氯胺酮'],
          order: 0,
          line: 1,
          links: [],
        },
      },
      ...texts.map((t, i) => ({ key: claimKey(i), attributes: claim(i, t) })),
      ...Object.values(CONCEPTS).map((c) => ({ key: c.key, attributes: concept(c) })),
    ],
    edges: [
      { key: edgeKey.sectionOf(SECTION), source: SECTION, target: DOC, attributes: { kind: 'section_of' } },
      ...texts.map((_, i) => ({
        key: edgeKey.inSection(claimKey(i)),
        source: claimKey(i),
        target: SECTION,
        attributes: { kind: 'in_section' as const },
      })),
      ...relations.map((r) => ({
        key: relationKey(r),
        source: CONCEPTS[r.subject].key,
        target: CONCEPTS[r.object].key,
        attributes: {
          kind: 'relation' as const,
          predicate: r.predicate,
          evidence: r.evidence.map(claimKey),
          cues: r.evidence.map(() => 'cue'),
          confidence: 0.8,
          hedged: false,
          negated: false,
        },
      })),
    ],
  };
  return { documentId: DOC, hash: texts.join('|'), graph };
}

/** Stores the fixture chapter (or a changed version of it) as an ingest would: one atomic batch. */
export async function ingestFixture(
  store: GraphStoreCore,
  texts: readonly string[] = TEXTS,
  relations = RELATIONS,
): Promise<void> {
  await store.apply({ upsert: [fixtureFragment(texts, relations)], remove: [], problems: [] });
}

const testErrors: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const status = err instanceof UsageError ? 400 : err instanceof NotFoundError ? 404 : 500;
  const detail = status === 500 ? 'The request failed on the server.' : (err as Error).message;
  res.status(status).type('application/problem+json').json({ status, detail });
};

export interface TestAppOptions {
  graph: GraphStoreCore;
  curation: CurationStore;
  token?: string;
  writeLimit?: number;
}

/** The routers as the app mounts them, a fixed clock for readable times, and the services behind them. */
export function testApp(opts: TestAppOptions) {
  const facts = storeFacts(opts.graph);
  let now = Date.parse('2025-05-01T08:00:00.000Z');
  const clock = () => new Date((now += 1000)).toISOString();
  const curation = new CurationService(facts, opts.curation, { now: clock });
  const views = new ViewService(facts, opts.curation, { now: clock });
  const guard = writeGuard({ API_TOKEN: opts.token }, { limit: opts.writeLimit ?? 1000 });
  const app = express();
  app.use('/api', viewsRouter({ views, guard }), curationRouter({ curation, guard }));
  app.use(testErrors);
  return { app, curation, views };
}
