/**
 * The Neo4j curation store: verdicts, views and the audit log as :Verdict, :View and :AuditEntry nodes in
 * the graph's database, beside the extracted graph but never part of it (the graph's writes only touch
 * its own labels, so a re-ingest leaves them alone). Nested fields (evidence, a view's concepts, links
 * and notes, an entry's before/after) are stored as JSON strings and checked against the schemas when
 * read back.
 *
 * Every write is one transaction: it takes the write lock of the :CurationMeta node and draws the next
 * audit number from it, reads what it changes, creates the audit entry and makes the change. Writers are
 * therefore serialised, the numbers have no gaps, and an entry exists exactly when its change does.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { NotFoundError, UsageError } from '../errors';
import type { Page } from '../store/graph-store';
import { Cypher, type Neo4jConnection } from '../store/neo4j/session';
import { CurationDataError, verdictOrder, viewOrder, type CurationStore, type VerdictFilter } from './curation-store';
import { ACTION_OF_VERDICT, AuditEntry, Verdict, View, applyViewPatch, type AuditInput, type ViewPatch } from './types';

/** Labels reach Cypher only from this table. */
const LABEL = {
  verdict: 'Verdict',
  view: 'View',
  audit: 'AuditEntry',
  meta: 'CurationMeta',
} as const;
const META_ID = 'curation';

export const CURATION_SCHEMA: readonly string[] = [
  `CREATE CONSTRAINT curation_verdict_relation IF NOT EXISTS FOR (n:${LABEL.verdict}) REQUIRE n.relation IS UNIQUE`,
  `CREATE CONSTRAINT curation_verdict_id IF NOT EXISTS FOR (n:${LABEL.verdict}) REQUIRE n.id IS UNIQUE`,
  `CREATE CONSTRAINT curation_view_id IF NOT EXISTS FOR (n:${LABEL.view}) REQUIRE n.id IS UNIQUE`,
  `CREATE CONSTRAINT curation_audit_seq IF NOT EXISTS FOR (n:${LABEL.audit}) REQUIRE n.seq IS UNIQUE`,
  `CREATE CONSTRAINT curation_meta_id IF NOT EXISTS FOR (n:${LABEL.meta}) REQUIRE n.id IS UNIQUE`,
  `CREATE INDEX curation_audit_target IF NOT EXISTS FOR (n:${LABEL.audit}) ON (n.target)`,
];

type Props = Record<string, unknown>;
type NewEntry = Omit<AuditEntry, 'seq'>;

const verdictProps = (v: Verdict): Props => ({
  id: v.id,
  relation: v.relation,
  subject: v.subject,
  predicate: v.predicate,
  object: v.object,
  verdict: v.verdict,
  note: v.note,
  author: v.author,
  at: v.at,
  evidence: JSON.stringify(v.evidence),
});

const viewProps = (v: View): Props => ({
  id: v.id,
  name: v.name,
  lang: v.lang,
  author: v.author,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
  concepts: JSON.stringify(v.concepts),
  links: JSON.stringify(v.links),
  notes: JSON.stringify(v.notes),
});

const auditProps = (e: AuditEntry): Props => ({
  seq: neo4j.int(e.seq),
  at: e.at,
  author: e.author,
  action: e.action,
  target: e.target,
  note: e.note,
  // null sets no property: an entry without a before (or after) picture has none.
  before: e.before ? JSON.stringify(e.before) : null,
  after: e.after ? JSON.stringify(e.after) : null,
});

const issuesOf = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** A stored node back as its type; what does not fit the schema is reported, not passed on. */
function decode<S extends z.ZodType>(schema: S, what: string, props: Props, json: readonly string[]): z.output<S> {
  const raw: Props = { ...props };
  try {
    for (const k of json) if (typeof raw[k] === 'string') raw[k] = JSON.parse(raw[k] as string);
  } catch {
    throw new CurationDataError(`neo4j ${what}`, null, 'a JSON property does not parse');
  }
  if (neo4j.isInt(raw.seq)) raw.seq = raw.seq.toNumber();
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CurationDataError(`neo4j ${what}`, null, issuesOf(parsed.error));
  return parsed.data;
}

const toVerdict = (p: Props) => decode(Verdict, `:${LABEL.verdict} ${String(p.relation)}`, p, ['evidence']);
const toView = (p: Props) => decode(View, `:${LABEL.view} ${String(p.id)}`, p, ['concepts', 'links', 'notes']);
const toEntry = (p: Props) => decode(AuditEntry, `:${LABEL.audit} ${String(p.seq)}`, p, ['before', 'after']);

export class Neo4jCurationStore implements CurationStore {
  readonly kind = 'neo4j' as const;
  private readonly db: Cypher;
  private readonly ownsDriver: boolean;

  /**
   * Give it the graph store's Cypher to share its driver (one per process), or a connection to have a
   * driver of its own, closed by close().
   */
  constructor(source: Cypher | Neo4jConnection) {
    this.ownsDriver = !(source instanceof Cypher);
    this.db = source instanceof Cypher ? source : new Cypher(source);
  }

  async open(): Promise<void> {
    await this.db.driver.verifyConnectivity({ database: this.db.database });
    // Schema statements cannot share a transaction with anything else, so each runs on its own.
    for (const statement of CURATION_SCHEMA) {
      await this.db.driver.executeQuery(statement, {}, { database: this.db.database });
    }
    await this.db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: this.db.database });
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.db.close();
  }

  /**
   * One write: lock the meta node and take the next number, let `build` read the state it changes (under
   * the lock) and describe the entry, then store the entry and the change together.
   */
  private commit(build: (tx: ManagedTransaction) => Promise<NewEntry>): Promise<AuditEntry> {
    return this.db.write(async (tx) => {
      // Setting a property first takes the node's write lock, so the number is read after any other
      // writer has committed: no two entries get the same one.
      const locked = await tx.run(
        `MERGE (m:${LABEL.meta} {id: $id}) ON CREATE SET m.seq = 0
         SET m._lock = true
         WITH m SET m.seq = m.seq + 1 REMOVE m._lock
         RETURN m.seq AS seq`,
        { id: META_ID },
      );
      const seq = Number(locked.records[0]!.get('seq'));
      const parsed = AuditEntry.safeParse({ seq, ...(await build(tx)) });
      if (!parsed.success) throw new UsageError(`curation: ${issuesOf(parsed.error)}`);
      const entry = parsed.data;
      await tx.run(`CREATE (e:${LABEL.audit}) SET e = $props`, { props: auditProps(entry) });
      await this.applyEntry(tx, entry);
      return entry;
    });
  }

  private async applyEntry(tx: ManagedTransaction, e: AuditEntry): Promise<void> {
    switch (e.action) {
      case 'confirm':
      case 'reject':
      case 'add':
        await tx.run(`MERGE (v:${LABEL.verdict} {relation: $relation}) SET v = $props`, {
          relation: e.target,
          props: verdictProps(e.after as Verdict),
        });
        return;
      case 'retract':
        await tx.run(`MATCH (v:${LABEL.verdict} {relation: $relation}) DELETE v`, { relation: e.target });
        return;
      case 'view.create':
        await tx.run(`CREATE (v:${LABEL.view}) SET v = $props`, { props: viewProps(e.after as View) });
        return;
      case 'view.update':
        await tx.run(`MATCH (v:${LABEL.view} {id: $id}) SET v = $props`, {
          id: e.target,
          props: viewProps(e.after as View),
        });
        return;
      case 'view.delete':
        await tx.run(`MATCH (v:${LABEL.view} {id: $id}) DELETE v`, { id: e.target });
        return;
    }
  }

  private async verdictIn(tx: ManagedTransaction, relation: string): Promise<Verdict | undefined> {
    const res = await tx.run(`MATCH (v:${LABEL.verdict} {relation: $relation}) RETURN properties(v) AS v`, {
      relation,
    });
    const row = res.records[0];
    return row ? toVerdict(row.get('v') as Props) : undefined;
  }

  private async viewIn(tx: ManagedTransaction, id: string): Promise<View | undefined> {
    const res = await tx.run(`MATCH (v:${LABEL.view} {id: $id}) RETURN properties(v) AS v`, { id });
    const row = res.records[0];
    return row ? toView(row.get('v') as Props) : undefined;
  }

  async listVerdicts(filter: VerdictFilter = {}): Promise<Verdict[]> {
    const rows = await this.db.read(
      `MATCH (v:${LABEL.verdict})
       WHERE ($kinds IS NULL OR v.verdict IN $kinds) AND ($relations IS NULL OR v.relation IN $relations)
       RETURN properties(v) AS v`,
      { kinds: filter.verdicts ?? null, relations: filter.relations ?? null },
    );
    return rows.map((r) => toVerdict(r.v as Props)).sort(verdictOrder);
  }

  async getVerdict(relation: string): Promise<Verdict | null> {
    const rows = await this.db.read(`MATCH (v:${LABEL.verdict} {relation: $relation}) RETURN properties(v) AS v`, {
      relation,
    });
    return rows[0] ? toVerdict(rows[0].v as Props) : null;
  }

  async putVerdict(verdict: Verdict, audit: AuditInput): Promise<Verdict> {
    const entry = await this.commit(async (tx) => ({
      ...audit,
      action: ACTION_OF_VERDICT[verdict.verdict],
      target: verdict.relation,
      before: await this.verdictIn(tx, verdict.relation),
      after: verdict,
    }));
    return entry.after as Verdict;
  }

  async retract(relation: string, audit: AuditInput): Promise<Verdict> {
    const entry = await this.commit(async (tx) => {
      const before = await this.verdictIn(tx, relation);
      if (!before) throw new NotFoundError('verdict', relation);
      return { ...audit, action: 'retract', target: relation, before };
    });
    return entry.before as Verdict;
  }

  async audit(offset: number, limit: number, target?: string): Promise<Page<AuditEntry>> {
    const params = { target: target ?? null };
    const where = `WHERE $target IS NULL OR e.target = $target`;
    const [count, rows] = await Promise.all([
      this.db.read(`MATCH (e:${LABEL.audit}) ${where} RETURN count(e) AS total`, params),
      this.db.read(
        `MATCH (e:${LABEL.audit}) ${where} RETURN properties(e) AS e ORDER BY e.seq SKIP $offset LIMIT $limit`,
        { ...params, offset: neo4j.int(offset), limit: neo4j.int(limit) },
      ),
    ]);
    return { total: Number(count[0]?.total ?? 0), offset, limit, items: rows.map((r) => toEntry(r.e as Props)) };
  }

  async listViews(): Promise<View[]> {
    const rows = await this.db.read(`MATCH (v:${LABEL.view}) RETURN properties(v) AS v`);
    return rows.map((r) => toView(r.v as Props)).sort(viewOrder);
  }

  async getView(id: string): Promise<View | null> {
    const rows = await this.db.read(`MATCH (v:${LABEL.view} {id: $id}) RETURN properties(v) AS v`, { id });
    return rows[0] ? toView(rows[0].v as Props) : null;
  }

  async createView(view: View, audit: AuditInput): Promise<View> {
    const entry = await this.commit(async (tx) => {
      if (await this.viewIn(tx, view.id)) throw new UsageError(`views: id "${view.id}" is taken`, 'id');
      return { ...audit, action: 'view.create', target: view.id, after: view };
    });
    return entry.after as View;
  }

  async updateView(id: string, patch: ViewPatch, audit: AuditInput): Promise<View> {
    const entry = await this.commit(async (tx) => {
      const before = await this.viewIn(tx, id);
      if (!before) throw new NotFoundError('view', id);
      return { ...audit, action: 'view.update', target: id, before, after: applyViewPatch(before, patch, audit.at) };
    });
    return entry.after as View;
  }

  async deleteView(id: string, audit: AuditInput): Promise<View> {
    const entry = await this.commit(async (tx) => {
      const before = await this.viewIn(tx, id);
      if (!before) throw new NotFoundError('view', id);
      return { ...audit, action: 'view.delete', target: id, before };
    });
    return entry.before as View;
  }
}
