/**
 * Runtime checks of what the API returns, at the one place it enters the client. They check the
 * structure the client relies on (arrays where arrays are expected, keys and kinds present), so a
 * server that answers something else fails with a message naming the endpoint and the field.
 */
import type { GraphExport } from '../../../server/model/types';

export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
  constructor(endpoint: string, expected: string) {
    super(`api: ${endpoint}: unexpected response, expected ${expected}`);
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function expectRecord<T>(endpoint: string, v: unknown, fields: readonly string[]): T {
  if (!isRecord(v)) throw new ResponseShapeError(endpoint, 'an object');
  for (const f of fields) if (!(f in v)) throw new ResponseShapeError(endpoint, `a field "${f}"`);
  return v as T;
}

export function expectArray<T>(endpoint: string, v: unknown, itemFields: readonly string[] = []): T[] {
  if (!Array.isArray(v)) throw new ResponseShapeError(endpoint, 'an array');
  for (const item of v) expectRecord(endpoint, item, itemFields);
  return v as T[];
}

/** A graphology serialisation whose nodes each carry a key and an attribute object with a kind. */
export function expectGraphExport(endpoint: string, v: unknown): GraphExport {
  const g = expectRecord<GraphExport>(endpoint, v, ['nodes', 'edges']);
  if (!Array.isArray(g.nodes) || !Array.isArray(g.edges))
    throw new ResponseShapeError(endpoint, 'nodes and edges arrays');
  for (const n of g.nodes) {
    if (!isRecord(n) || typeof n.key !== 'string' || !isRecord(n.attributes) || typeof n.attributes.kind !== 'string') {
      throw new ResponseShapeError(endpoint, 'nodes with a key and attributes.kind');
    }
  }
  for (const e of g.edges) {
    if (!isRecord(e) || typeof e.source !== 'string' || typeof e.target !== 'string' || !isRecord(e.attributes)) {
      throw new ResponseShapeError(endpoint, 'edges with source, target and attributes');
    }
  }
  return g;
}
