/**
 * The store's access to Neo4j: one driver per store (so one per process), every call naming the
 * database, sessions closed in `finally`, driver Integers turned into numbers before anything leaves.
 * Reads go through `executeQuery` (routed to readers on a cluster, retried on transient errors), writes
 * through `executeWrite` in a session of their own.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Props } from './codec';

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
