/**
 * The curation contract suite and the workflow API suite over the Neo4j curation store, on a throwaway
 * real Neo4j server (skipped with one line where Java is missing; an error in CI). One server for the
 * file; each test starts from a database without curation nodes.
 */
import { afterAll, beforeAll } from 'vitest';
import type { CurationStore } from '../../server/curation/curation-store';
import { Neo4jCurationStore } from '../../server/curation/neo4j-curation-store';
import { Cypher, type Neo4jConnection } from '../../server/store/neo4j/session';
import { startTestNeo4j, type TestNeo4j } from '../support/neo4j-server';
import { workflowApiSpecs } from './api-specs';
import { curationSpecs, type CurationStoreFactory } from './curation-specs';

let server: TestNeo4j | null = null;
let admin: Cypher | null = null;

beforeAll(async () => {
  server = await startTestNeo4j();
  if (server) admin = new Cypher(connection(server));
}, 300_000);

afterAll(async () => {
  await admin?.close();
  await server?.stop();
}, 120_000);

const connection = (s: TestNeo4j): Neo4jConnection => ({
  uri: s.uri,
  user: s.user,
  password: s.password,
  database: s.database,
});

async function openStore(): Promise<CurationStore> {
  const store = new Neo4jCurationStore(connection(server!));
  await store.open();
  return store;
}

const factory: CurationStoreFactory = {
  make: async () => {
    if (!server || !admin) return null;
    await admin.write((tx) =>
      tx.run('MATCH (n) WHERE n:Verdict OR n:View OR n:AuditEntry OR n:CurationMeta DETACH DELETE n'),
    );
    return openStore();
  },
  reopen: async (store) => {
    await store.close();
    return openStore();
  },
};

curationSpecs('neo4j', factory);
workflowApiSpecs('neo4j', factory);
