/**
 * The store's access to Neo4j: one driver per store (so one per process), every call naming the
 * database, sessions closed in `finally`, driver Integers turned into numbers before anything leaves.
 * Reads go through `executeQuery` (routed to readers on a cluster, retried on transient errors), writes
 * through `executeWrite` in a session of their own.
 */
import { createRequire } from 'node:module';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Props } from './codec';

/**
 * The driver cuts what it sends into Bolt chunks of at most 1,400 bytes and writes each to the socket on
 * its own: a write transaction's parameters (tens of MB for a group of chapters) become tens of thousands
 * of socket writes here and as many chunks for the server to decode and release. Bolt allows chunks up to
 * 65,535 bytes; with 64 KB buffers an ingest of 2,000 chapters spent about 2 s less CPU in this process
 * and 4 s less in the server's Bolt network threads (scripts/bench/neo4j-ingest.ts). The size is a
 * private field of the driver's Chunker (neo4j-driver-bolt-connection), so it is set through its
 * prototype, which the constructor's assignment then meets; should the driver change shape, nothing is
 * patched and it keeps its own size. A chunk is the buffer less its 2-byte header (65,534 bytes at most);
 * the driver allocates a fresh buffer after every flush, 64 KB zeroed per message sent, which a read
 * hardly notices.
 */
const CHUNK_BUFFER_BYTES = 65_536;
function enlargeChunks(): void {
  try {
    const require = createRequire(import.meta.url);
    const chunking = require('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
      Chunker?: { prototype: object };
    };
    const proto = chunking.Chunker?.prototype;
    if (!proto || Object.prototype.hasOwnProperty.call(proto, '_bufferSize')) return;
    Object.defineProperty(proto, '_bufferSize', {
      configurable: true,
      get: () => CHUNK_BUFFER_BYTES,
      set: () => undefined,
    });
  } catch {
    // another driver layout: keep its chunk size
  }
}
enlargeChunks();

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface DriverOptions {
  /** How long the driver keeps retrying a transaction that failed transiently (ms). Default 30 s. */
  maxTransactionRetryTime?: number;
  /** How long to wait for a connection (ms). Default 10 s. */
  connectionTimeout?: number;
}

export class Cypher {
  readonly driver: Driver;

  constructor(
    readonly connection: Neo4jConnection,
    options: DriverOptions = {},
  ) {
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      // Counts and lengths come back as plain numbers; the store never writes integers beyond 2^53.
      disableLosslessIntegers: true,
      maxTransactionRetryTime: options.maxTransactionRetryTime ?? 30_000,
      connectionTimeout: options.connectionTimeout ?? 10_000,
      userAgent: 'textbook-graph',
    });
  }

  get database(): string {
    return this.connection.database;
  }

  /** A read query's rows as plain objects. */
  async read(cypher: string, params: Record<string, unknown> = {}): Promise<Props[]> {
    const res = await this.driver.executeQuery(cypher, params, {
      database: this.connection.database,
      routing: neo4j.routing.READ,
    });
    return res.records.map((r) => r.toObject() as Props);
  }

  /** Runs `work` in one write transaction (retried by the driver on transient errors). */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
