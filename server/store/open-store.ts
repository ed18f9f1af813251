/**
 * Which store a process uses, and opening it: Neo4j when NEO4J_URI is set (or `--store neo4j` is asked),
 * the embedded store under STORE_DIR otherwise. A Neo4j that does not answer at start-up is an error
 * that says where it was looked for and how to get one, not a silent fall-back to the other store.
 */
import type { Config } from '../config';
import { StoreUnavailableError } from '../errors';
import { EmbeddedStore } from './embedded-store';
import type { GraphStore, GraphStoreCore } from './graph-store';
import { Neo4jStore, type Neo4jStoreOptions } from './neo4j/neo4j-store';

export type StoreChoice = 'embedded' | 'neo4j';

/** Where `--store neo4j` looks without NEO4J_URI: the server `npm run neo4j:start` runs. */
export const DEFAULT_NEO4J_URI = 'bolt://127.0.0.1:7687';

export function storeChoice(config: Config, requested?: StoreChoice): StoreChoice {
  return requested ?? (config.NEO4J_URI ? 'neo4j' : 'embedded');
}

/** The Neo4j store the configuration names (not opened). */
export function neo4jStore(config: Config, options?: Neo4jStoreOptions): Neo4jStore {
  return new Neo4jStore(
    {
      uri: config.NEO4J_URI ?? DEFAULT_NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
    },
    options,
  );
}

/**
 * Opens the configured store. Typed as the core contract for callers that only ingest or export; both
 * stores answer the reads too (`openGraphStore` says so in its type).
 */
export async function openStore(config: Config, requested?: StoreChoice): Promise<GraphStoreCore> {
  return openGraphStore(config, requested);
}

export async function openGraphStore(config: Config, requested?: StoreChoice): Promise<GraphStore> {
  if (storeChoice(config, requested) === 'neo4j') {
    const store = neo4jStore(config);
    try {
      await store.open();
    } catch (e) {
      await store.close().catch(() => undefined);
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new StoreUnavailableError(
        `store: Neo4j at ${store.uri} (database "${config.NEO4J_DATABASE}") cannot be used: ${why}. ` +
          'Start a local one with `npm run neo4j:start`, or unset NEO4J_URI to use the embedded store.',
      );
    }
    return store;
  }
  const store = new EmbeddedStore(config.STORE_DIR);
  await store.open();
  return store;
}
