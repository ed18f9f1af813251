// End-to-end check of the local Neo4j runtime (scripts/neo4j): a real server starts, answers Bolt, keeps
// committed data across a SIGKILL crash + restart on the same data dir, and drops an uncommitted transaction.

import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNeo4j, type TestNeo4j } from './support/neo4j-server.js';

describe('local Neo4j runtime', () => {
  let server: TestNeo4j | null = null;
  const drivers: Driver[] = [];

  const connect = (s: TestNeo4j): Driver => {
    const d = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), { connectionTimeout: 10_000 });
    drivers.push(d);
    return d;
  };

  beforeAll(async () => {
    server = await startTestNeo4j();
  }, 300_000);

  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close().catch(() => undefined)));
    await server?.stop();
  }, 120_000);

  it('answers RETURN 1 over Bolt', async (ctx) => {
    if (!server) return ctx.skip();
    const driver = connect(server);
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: server.database });
    expect(records[0]?.get('one').toNumber()).toBe(1);
  });

  it('keeps committed data across SIGKILL + restart, and drops uncommitted writes', async (ctx) => {
    if (!server) return ctx.skip();
    if (!server.managed) return ctx.skip(); // an external server (NEO4J_TEST_URI) cannot be crashed
    const s = server;
    const rows = Array.from({ length: 1_000 }, (_, i) => ({ id: `c${i}`, name: `概念 ${i}` }));

    const before = connect(s);
    await before.executeQuery('MATCH (n:RuntimeProbe) DETACH DELETE n', {}, { database: s.database });
    await before.executeQuery(
      'UNWIND $rows AS row MERGE (c:RuntimeProbe {id: row.id}) SET c.name = row.name',
      { rows },
      { database: s.database },
    );
    const read = await before.executeQuery(
      'MATCH (c:RuntimeProbe {id: $id}) RETURN c.name AS name',
      { id: 'c42' },
      { database: s.database },
    );
    expect(read.records[0]?.get('name')).toBe('概念 42');

    // An open, never-committed transaction at the moment of the crash ("mid-ingest").
    const session = before.session({ database: s.database });
    const tx = session.beginTransaction();
    await tx.run('UNWIND range(1, 500) AS i CREATE (:RuntimeProbeUncommitted {i: i})');

    s.kill();
    await before.close().catch(() => undefined);
    await s.restart();

    const after = connect(s);
    const survived = await after.executeQuery(
      'MATCH (c:RuntimeProbe) RETURN count(c) AS n',
      {},
      { database: s.database },
    );
    expect(survived.records[0]?.get('n').toNumber()).toBe(rows.length);
    const lost = await after.executeQuery(
      'MATCH (u:RuntimeProbeUncommitted) RETURN count(u) AS n',
      {},
      { database: s.database },
    );
    expect(lost.records[0]?.get('n').toNumber()).toBe(0);
  }, 240_000);
});
