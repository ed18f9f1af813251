/**
 * The Neo4j store: the graph in a Neo4j 5 database (a local server, a cluster or Aura), written by
 * batched Cypher and read by Cypher (neo4j/reads.ts), answering the store contract exactly as the
 * embedded store does.
 *
 * Atomicity: a batch is cut into transactions of whole chapters (as many as fit in `groupRows` rows; a
 * typical re-ingest is one transaction). Each transaction is all or nothing, so a chapter is never half
 * written; a batch larger than one transaction that fails part-way leaves the earlier transactions'
 * chapters committed and the rest absent — the error says which — and since each committed chapter's
 * hash is stored, the next ingest picks up exactly the chapters that are missing.
 */
import type { GraphExport } from '../../model/types';
import type { ChapterFragment, GraphFilter, GraphStore, IngestBatch, StoreStats } from '../graph-store';
import { chapterRows, type ChapterRows } from './chapter-rows';
import { Neo4jReads } from './reads';
import { AWAIT_FULLTEXT, CONTRIBUTION, ensureSchema } from './schema';
import { Cypher, type DriverOptions, type Neo4jConnection } from './session';
import { ownRows, writeGroup, type OwnRows, type WriteGroup, type WriteHooks } from './writer';

export interface Neo4jStoreOptions extends DriverOptions {
  /** Nodes plus edges per write transaction (whole chapters; a bigger chapter goes alone). Default 30,000. */
  groupRows?: number;
  /** Test hooks into each write transaction. */
  hooks?: WriteHooks;
  /** Called after each committed transaction with the documents it wrote (progress, tests). */
  onCommit?: (documents: string[]) => void;
}

/** A batch that failed part-way: `committed` chapters are stored, the others are not. */
export class Neo4jApplyError extends Error {
  override name = 'Neo4jApplyError';
  constructor(
    readonly committed: string[],
    readonly notCommitted: string[],
    readonly cause: unknown,
  ) {
    super(
      `neo4j store: apply failed after ${committed.length} of ${committed.length + notCommitted.length} chapters ` +
        `were committed (${notCommitted.length} not stored; ingest again to add them): ${
          cause instanceof Error ? cause.message : String(cause)
        }`,
    );
  }
}

const DEFAULT_GROUP_ROWS = 30_000;

/**
 * Whole chapters into transactions of about `maxRows` rows. Removals and problem texts go with the first
 * group so that a small batch stays one transaction.
 */
export function groupBatch(batch: IngestBatch, chapters: ChapterRows[], maxRows: number): WriteGroup[] {
  const groups: WriteGroup[] = [];
  let cur: WriteGroup = { remove: [...batch.remove], upsert: [], problems: [...batch.problems] };
  let size = 0;
  for (const c of chapters) {
    if (cur.upsert.length && size + c.size > maxRows) {
      groups.push(cur);
      cur = { remove: [], upsert: [], problems: [] };
      size = 0;
    }
    cur.upsert.push(c);
    size += c.size;
  }
  groups.push(cur);
  return groups;
}

/** The embedded store keeps the first position and the last version of a chapter given twice. */
function lastVersions(upsert: ChapterFragment[]): ChapterFragment[] {
  const byId = new Map<string, ChapterFragment>();
  for (const f of upsert) byId.set(f.documentId, f);
  return [...byId.values()];
}

export class Neo4jStore extends Neo4jReads implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly groupRows: number;

  constructor(
    connection: Neo4jConnection,
    private readonly options: Neo4jStoreOptions = {},
  ) {
    super(new Cypher(connection, options));
    this.groupRows = options.groupRows ?? DEFAULT_GROUP_ROWS;
  }

  get uri(): string {
    return this.db.connection.uri;
  }

  async open(): Promise<void> {
    await this.db.driver.verifyConnectivity({ database: this.db.database });
    await ensureSchema(this.db.driver, this.db.database);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async ping(): Promise<boolean> {
    try {
      await this.db.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  async documentHashes(): Promise<Map<string, string>> {
    const rows = await this.db.read(`MATCH (c:${CONTRIBUTION}) RETURN c.document AS id, c.hash AS hash`);
    return new Map(rows.map((r) => [r.id as string, r.hash as string]));
  }

  async apply(batch: IngestBatch): Promise<void> {
    // Every fragment is checked before the first write: a malformed one changes nothing.
    const chapters = lastVersions(batch.upsert).map(chapterRows);
    if (!chapters.length && !batch.remove.length && !batch.problems.length) return;
    const groups = groupBatch(batch, chapters, this.groupRows);
    const committed: string[] = [];
    // The full-text indexes catch up on their own (schema.ts): what was committed is searchable on return.
    const awaitFulltext = () => this.db.driver.executeQuery(AWAIT_FULLTEXT, {}, { database: this.db.database });
    // A group's own rows (writer.ts ownRows) depend on it alone: the next group's are built while the server
    // runs this group's WRITE. One that fails to build is built again in its transaction, which then fails.
    const prepared = new Map<number, OwnRows>();
    const prepare = (i: number) => () => {
      try {
        if (i < groups.length && !prepared.has(i)) prepared.set(i, ownRows(groups[i]!));
      } catch {
        // the transaction meets the same error
      }
    };
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      const own = prepared.get(i);
      prepared.delete(i);
      try {
        await this.db.write((tx) => writeGroup(tx, group, this.options.hooks, own, prepare(i + 1)));
      } catch (e) {
        if (i === 0) throw e;
        // Best effort: the error that matters is the write's (the server may be gone).
        await awaitFulltext().catch(() => undefined);
        this.invalidate();
        const rest = groups.slice(i).flatMap((g) => g.upsert.map((u) => u.documentId));
        throw new Neo4jApplyError(committed, rest, e);
      }
      const docs = group.upsert.map((u) => u.documentId);
      committed.push(...docs);
      this.options.onCommit?.(docs);
    }
    await awaitFulltext();
    this.invalidate();
  }

  async stats(): Promise<StoreStats> {
    return this.computeStats();
  }

  async exportGraph(filter?: GraphFilter): Promise<GraphExport> {
    return this.exportFiltered(filter);
  }
}
