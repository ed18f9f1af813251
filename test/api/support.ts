/**
 * Test support for the API suites: a store wrapper that can be switched off (to test 503 and recovery),
 * a fingerprint of a store's data (to prove requests change nothing), and request helpers that
 * percent-encode like a browser would.
 */
import { createHash } from 'node:crypto';
import { StoreUnavailableError } from '../../server/errors';
import type { GraphStore } from '../../server/store/graph-store';

export interface StoreUnderTest {
  store: GraphStore;
  close(): Promise<void>;
}

export interface Switch {
  /** The store is unreachable: ping() says false, every other call fails. */
  down: boolean;
  /** How calls fail while down: a typed StoreUnavailableError, or a plain driver-like Error. */
  failure: 'typed' | 'plain';
  /** Calls fail with a plain Error although ping() still answers (a bug, not an outage). */
  broken: boolean;
  /** Delay added to every read, in ms. */
  delayMs: number;
  closed: number;
}

/** Wraps a store so a test can take it down and bring it back. */
export function switchable(store: GraphStore): { store: GraphStore; sw: Switch } {
  const sw: Switch = { down: false, failure: 'typed', broken: false, delayMs: 0, closed: 0 };
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === 'ping') return async () => !sw.down && (await target.ping());
      // A store that can go away is one whose changes the API cannot count: no response cache (server.spec
      // tests the cache on its own).
      if (prop === 'generation') return undefined;
      if (prop === 'close') {
        return async () => {
          sw.closed++;
        };
      }
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (sw.delayMs) await new Promise((r) => setTimeout(r, sw.delayMs));
        if (sw.down) {
          throw sw.failure === 'typed'
            ? new StoreUnavailableError('store: connection refused')
            : new Error('connect ECONNREFUSED 127.0.0.1:7687');
        }
        if (sw.broken) throw new Error('unexpected driver state at /secret/path.ts:12');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: wrapped, sw };
}

/** A digest of everything a store holds, independent of the order it lists things in. */
export async function fingerprint(store: GraphStore): Promise<string> {
  const g = await store.exportGraph();
  const nodes = g.nodes.map((n) => JSON.stringify([n.key, n.attributes])).sort();
  const edges = g.edges.map((e) => JSON.stringify([e.key, e.source, e.target, e.attributes])).sort();
  const hashes = [...(await store.documentHashes()).entries()].sort();
  return createHash('sha256').update(JSON.stringify({ nodes, edges, hashes })).digest('hex');
}

/** A query string with every value percent-encoded. */
export function qs(params: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const enc = encodeURIComponent;
