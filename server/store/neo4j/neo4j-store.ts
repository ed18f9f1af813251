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
import {
  AheadMissed,
  ownRows,
  planAhead,
  writeAhead,
  writeGroup,
  type Ahead,
  type OwnRows,
  type Planned,
  type WriteGroup,
  type WriteHooks,
} from './writer';

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

/** A write transaction under way: its end (committed or failed), and what it read ahead for the next group. */
interface InFlight {
  done: Promise<void>;
  ahead: Promise<Ahead | null>;
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
    // Transactions overlap: each one ends by reading what the next group needs (writer.ts READ_AHEAD), and
    // the next group's WRITE is planned from that read and sent while the server commits this one; it waits
    // there for the lock, and writes only if this transaction committed and nobody wrote in between
    // (otherwise it is written again the usual way). Profiling runs statements one at a time, so not then.
    const overlap = !this.options.hooks?.profile;
    const start = (i: number, planned: Planned | null): InFlight => {
      let handAhead!: (ahead: Ahead | null) => void;
      const ahead = new Promise<Ahead | null>((resolve) => (handAhead = resolve));
      const own = prepared.get(i);
      prepared.delete(i);
      const options = {
        hooks: this.options.hooks,
        prepared: own,
        whileWriting: prepare(i + 1),
        next: overlap ? groups[i + 1] : undefined,
        onAhead: handAhead,
      };
      const done = this.db.write((tx) =>
        planned ? writeAhead(tx, groups[i]!, planned, options) : writeGroup(tx, groups[i]!, options),
      );
      // A transaction that ends without reading ahead (it failed, or it is the last) hands nothing on.
      done.then(
        () => handAhead(null),
        () => handAhead(null),
      );
      return { done, ahead };
    };

    let flight = start(0, null);
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      const ahead = await flight.ahead;
      let upcoming: InFlight | null = null;
      if (ahead && i + 1 < groups.length) {
        // Let this transaction's COMMIT go out before planning the next one.
        await new Promise((resolve) => setImmediate(resolve));
        const planned = await planAhead(groups[i + 1]!, ahead, prepared.get(i + 1));
        if (planned) upcoming = start(i + 1, planned);
      }
      try {
        await flight.done;
      } catch (e) {
        // The next transaction cannot write now (its lock check fails): wait for it to roll back.
        await upcoming?.done.catch(() => undefined);
        if (e instanceof AheadMissed) {
          // Planned from a read that no longer holds: write the group again, reading for itself.
          flight = start(i, null);
          i--;
          continue;
        }
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
      if (i + 1 < groups.length) flight = upcoming ?? start(i + 1, null);
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
