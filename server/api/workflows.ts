/**
 * The reviewer and educator workflows as routers for the app: curation verdicts and saved views (writes
 * behind the bearer token) and the citation audit (open reads). Curation lives beside the graph store —
 * in the same Neo4j database, or in `<STORE_DIR>/curation` — and never in the extracted data, so a
 * re-ingest cannot touch it.
 */
import type { Router } from 'express';
import type { Config } from '../config';
import { CurationService, storeFacts } from '../curation/curation-service';
import type { CurationStore } from '../curation/curation-store';
import { EmbeddedCurationStore } from '../curation/embedded-curation-store';
import { Neo4jCurationStore } from '../curation/neo4j-curation-store';
import { AuditService } from '../services/audit-service';
import type { GraphStore } from '../store/graph-store';
import { ViewService } from '../views/view-service';
import { writeGuard } from './auth';
import { auditRouter } from './routes/audit';
import { curationRouter } from './routes/curation';
import { viewsRouter } from './routes/views';

export interface Workflows {
  /** For createApp's `apiRouters`: each carries its OpenAPI operations. */
  routers: Router[];
  /** For createApp's `curation`: the graph answers then show the verdicts. */
  curation: CurationService;
  close(): Promise<void>;
}

export async function openWorkflows(store: GraphStore, config: Config): Promise<Workflows> {
  const curationStore: CurationStore =
    store.kind === 'neo4j' && config.NEO4J_URI
      ? new Neo4jCurationStore({
          uri: config.NEO4J_URI,
          user: config.NEO4J_USER,
          password: config.NEO4J_PASSWORD,
          database: config.NEO4J_DATABASE,
        })
      : new EmbeddedCurationStore(config.STORE_DIR);
  await curationStore.open();
  const facts = storeFacts(store);
  const curation = new CurationService(facts, curationStore);
  const views = new ViewService(facts, curationStore);
  // One guard for both routers, so the write rate limit counts every write.
  const guard = writeGuard(config, { limit: 60 });
  return {
    routers: [
      viewsRouter({ views, guard }),
      curationRouter({ curation, guard }),
      auditRouter({ audit: new AuditService(store) }),
    ],
    curation,
    close: () => curationStore.close(),
  };
}
