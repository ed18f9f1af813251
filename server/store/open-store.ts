/**
 * Which store a process uses: Neo4j when NEO4J_URI is set, the embedded store under STORE_DIR otherwise.
 */
import type { Config } from '../config';
import { EmbeddedStore } from './embedded-store';
import type { GraphStoreCore } from './graph-store';

export type StoreChoice = 'embedded' | 'neo4j';

export function storeChoice(config: Config, requested?: StoreChoice): StoreChoice {
  return requested ?? (config.NEO4J_URI ? 'neo4j' : 'embedded');
}

export async function openStore(config: Config, requested?: StoreChoice): Promise<GraphStoreCore> {
  const choice = storeChoice(config, requested);
  if (choice === 'neo4j') throw new Error('config: the Neo4j store is not available in this build');
  const store = new EmbeddedStore(config.STORE_DIR);
  await store.open();
  return store;
}
