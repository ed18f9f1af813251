// Class memberships named in passing (`SSRIs such as fluoxetine block SERT`) through the API: a concept's
// classes ("kind of") and examples with their evidence, the overview's `member_of` edges when asked for,
// the counts, the KGX export; neighbourhoods and paths leave them out. Each answer is checked against the
// route's response schema (the schema the OpenAPI document publishes).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app';
import { ROUTES } from '../../server/api/routes';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { enc } from './support';

const silent = pino({ level: 'silent' });
const FLUOXETINE = 'concept:fluoxetine';
const SSRI = 'concept:ssri';
const MEMBER = `member:${FLUOXETINE}->${SSRI}`;
let dir: string;
let store: EmbeddedStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'api-members-'));
  await writeFile(
    path.join(dir, 'classes.en.md'),
    '# Classes\n\nSSRIs such as fluoxetine and sertraline block SERT. SSRIs such as fluoxetine may cause nausea. ' +
      'Sertraline is an SSRI.\n',
  );
  store = new EmbeddedStore(path.join(dir, 'store'));
  await store.open();
  const summary = await ingestInto(store, [path.join(dir, 'classes.en.md')], { extractor: createExtractor() });
  expect(summary.errors).toEqual([]);
  expect(summary.memberships).toBe(2);
  app = createApp({ store, logger: silent, clientDir: null });
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A 200 whose body the route's response schema accepts. */
async function ok<T>(operationId: string, url: string): Promise<T> {
  const res = await request(app).get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const spec = ROUTES.find((r) => r.spec.operationId === operationId)!.spec.response;
  if (!('schema' in spec)) throw new Error(`${operationId} answers no JSON`);
  return spec.schema.parse(res.body) as T;
}

interface Membership {
  key: string;
  direction: 'out' | 'in';
  other: { key: string };
  evidence: string[];
  cues: string[];
  evidenceCount: number;
}
interface View {
  relations: { predicate: string; relations: { key: string }[] }[];
  memberships: Membership[];
}
interface Drawn {
  edges: { key: string; attributes: { kind: string; evidence?: string[]; evidenceCount: number } }[];
}

describe('class memberships (member_of) through the API', () => {
  it("lists a concept's classes and examples, each with its evidence, apart from its relations", async () => {
    const fluoxetine = await ok<View>('concept', `/api/concepts/${enc(FLUOXETINE)}`);
    expect(fluoxetine.memberships).toEqual([
      {
        key: MEMBER,
        direction: 'out',
        other: { key: SSRI, label: 'selective serotonin reuptake inhibitor', category: 'Intervention' },
        evidence: ['claim:classes.en#0', 'claim:classes.en#1'],
        cues: ['such as', 'such as'],
        evidenceCount: 2,
        hedged: false,
        negated: false,
        confidence: 0.6,
      },
    ]);
    expect(fluoxetine.relations.some((g) => g.predicate === 'part_of')).toBe(false);
    const ssri = await ok<View>('concept', `/api/concepts/${enc(SSRI)}`);
    expect(ssri.memberships.map((m) => [m.key, m.direction, m.evidenceCount])).toEqual([
      [MEMBER, 'in', 2],
      [`member:concept:sertraline->${SSRI}`, 'in', 1],
    ]);
    // `Sertraline is an SSRI` asserts the membership: a part_of relation, listed with the relations.
    const partOf = ssri.relations.find((g) => g.predicate === 'part_of');
    expect(partOf?.relations.map((r) => r.key)).toEqual([`rel:concept:sertraline-part_of->${SSRI}`]);
  });

  it('draws them in the overview only when asked for, with their first evidence keys', async () => {
    const plain = await ok<Drawn>('graph', '/api/graph');
    expect(plain.edges.some((e) => e.attributes.kind === 'member_of')).toBe(false);
    const drawn = await ok<Drawn>('graph', '/api/graph?edges=relation,member_of');
    const m = drawn.edges.find((e) => e.key === MEMBER);
    expect(m?.attributes).toMatchObject({
      kind: 'member_of',
      evidence: ['claim:classes.en#0', 'claim:classes.en#1'],
      evidenceCount: 2,
    });
  });

  it('counts them apart from relations, and exports them to KGX as biolink:subclass_of', async () => {
    const stats = await ok<{ edges: Record<string, number> }>('stats', '/api/stats');
    expect(stats.edges.member_of).toBe(2);
    const res = await request(app).get('/api/export?format=kgx&part=edges').buffer(true);
    expect(res.status).toBe(200);
    expect(String(res.text)).toContain(`${MEMBER}\t${FLUOXETINE}\tbiolink:subclass_of\t${SSRI}\t`);
  });

  it('leaves them out of neighbourhoods and paths, which step along relations only', async () => {
    const nb = await ok<Drawn & { nodes: { key: string }[] }>(
      'neighborhood',
      `/api/concepts/${enc(FLUOXETINE)}/neighborhood?depth=2`,
    );
    expect(nb.nodes.map((n) => n.key)).not.toContain(SSRI);
    expect(nb.edges.some((e) => e.key.startsWith('member:'))).toBe(false);
    const paths = await ok<{ paths: unknown[] }>(
      'paths',
      `/api/paths?from=${enc(FLUOXETINE)}&to=${enc('concept:sertraline')}`,
    );
    expect(paths.paths).toEqual([]);
  });
});
