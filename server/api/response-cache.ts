/**
 * Answers kept as serialised JSON, for stores whose data only changes through them: the embedded store
 * counts its changes (`generation`), so an answer computed for one generation stays right until the
 * next. A store that cannot say (Neo4j: another process may write to the database) gets no cache.
 * Bounded by bytes, least recently used first out. Bodies are kept as bytes with their ETag, so a hit
 * allocates nothing big: on a heap that holds the whole graph, garbage is what makes the slow requests.
 */
import { createHash } from 'node:crypto';

export interface CachedBody {
  body: Buffer;
  /** A weak ETag in Express's own format, so revalidation (304) works the same cached or not. */
  etag: string;
}
export interface VersionedStore {
  /** Bumped whenever the store's data changes. */
  readonly generation: number;
}

export const isVersioned = (store: object): store is VersionedStore =>
  typeof (store as Partial<VersionedStore>).generation === 'number';

/**
 * Several counters as one: answers that show reviewers' verdicts on the graph are stale when either the
 * graph or the verdicts changed. Each counter only grows, so their sum changes whenever one of them does.
 */
export const versionOf = (...sources: readonly VersionedStore[]): VersionedStore =>
  sources.length === 1
    ? sources[0]!
    : {
        get generation() {
          return sources.reduce((n, s) => n + s.generation, 0);
        },
      };

export class ResponseCache {
  private readonly entries = new Map<string, CachedBody & { generation: number }>();
  private bytes = 0;

  constructor(
    private readonly store: VersionedStore,
    /** Total size of the bodies kept, in bytes. */
    private readonly maxBytes = 64 * 1048576,
    /** A bigger body is not worth a place: it would push out many small ones. */
    private readonly maxEntryBytes = 1048576,
  ) {}

  /** The store's generation now: read it before computing an answer, give it to `set` after. */
  get generation(): number {
    return this.store.generation;
  }

  get(key: string): CachedBody | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.generation !== this.store.generation) {
      this.bytes -= e.body.length;
      return undefined;
    }
    this.entries.set(key, e);
    return e;
  }

  /** Keeps a JSON answer computed at `generation` (nothing is kept if the data changed meanwhile). */
  set(key: string, json: string, generation: number): CachedBody {
    const body = Buffer.from(json, 'utf8');
    const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
    const entry = { generation, body, etag: `W/"${body.length.toString(16)}-${hash}"` };
    if (body.length > this.maxEntryBytes || generation !== this.store.generation) return entry;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, entry);
    this.bytes += body.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
    return entry;
  }
}
