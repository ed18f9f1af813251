/**
 * Write access as the client knows it: the API token and curator name the reader entered (kept in
 * sessionStorage, so they go when the tab closes), and whether the server takes writes at all. The server
 * says so in GET /api/health (`writable`) when it can, and a refused write says so too (403 read-only,
 * 401 bad or missing token); panels listen and show the read-only notice or ask for a token.
 */
import { ApiError } from './api-error';
import { isRecord } from './guards';

const TOKEN_KEY = 'textbook-graph:api-token';
const CURATOR_KEY = 'textbook-graph:curator';

export type WriteState = 'unknown' | 'writable' | 'read-only';

export interface AccessSnapshot {
  state: WriteState;
  /** The server's own words when it is read-only. */
  detail: string | null;
  hasToken: boolean;
  curator: string;
  /** The last write refused for its token (401), until a new token is entered. */
  tokenRefused: boolean;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** `writable` from a health answer, wherever the server puts it (top level or under writes/access). */
export function writableFromHealth(health: Record<string, unknown>): { writable: boolean; detail?: string } | null {
  for (const v of [health, health.writes, health.access, health.curation]) {
    if (isRecord(v) && typeof v.writable === 'boolean') {
      return { writable: v.writable, detail: typeof v.detail === 'string' ? v.detail : undefined };
    }
  }
  return null;
}

export class Access {
  private token: string | null;
  private curatorName: string;
  private state: WriteState = 'unknown';
  private detail: string | null = null;
  private refused = false;
  private listeners = new Set<(a: AccessSnapshot) => void>();

  constructor(private readonly store: Storage | null = storage()) {
    this.token = store?.getItem(TOKEN_KEY) || null;
    this.curatorName = store?.getItem(CURATOR_KEY) ?? '';
  }

  get snapshot(): AccessSnapshot {
    return {
      state: this.state,
      detail: this.detail,
      hasToken: this.token !== null,
      curator: this.curatorName,
      tokenRefused: this.refused,
    };
  }

  /**
   * Why a write would be refused without asking the server: it is known to be read-only, or it is known
   * to take writes and no token is set. Null: try it (a server that has not said answers 403 when it is
   * read-only, 401 when it wants a token, and the panels learn from that).
   */
  blocked(): 'read-only' | 'no-token' | null {
    if (this.state === 'read-only') return 'read-only';
    if (this.token === null && this.state === 'writable') return 'no-token';
    return null;
  }

  subscribe(fn: (a: AccessSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setToken(token: string | null): void {
    const t = token?.trim() || null;
    this.token = t;
    this.refused = false;
    try {
      if (t) this.store?.setItem(TOKEN_KEY, t);
      else this.store?.removeItem(TOKEN_KEY);
    } catch {
      // Without storage the token lasts as long as the page.
    }
    this.emit();
  }

  setCurator(name: string): void {
    this.curatorName = name.trim();
    try {
      if (this.curatorName) this.store?.setItem(CURATOR_KEY, this.curatorName);
      else this.store?.removeItem(CURATOR_KEY);
    } catch {
      // as above
    }
    this.emit();
  }

  /** Headers for a write: the bearer token, and who writes (percent-encoded: header values are bytes). */
  headers(): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (this.curatorName) h['x-curator'] = encodeURIComponent(this.curatorName);
    return h;
  }

  noteHealth(health: Record<string, unknown>): void {
    const w = writableFromHealth(health);
    if (!w) return;
    this.state = w.writable ? 'writable' : 'read-only';
    this.detail = w.writable ? null : (w.detail ?? null);
    this.emit();
  }

  /** Learns from a failed write: 403 means the server is read-only, 401 that the token was refused. */
  noteFailure(e: unknown): void {
    if (!(e instanceof ApiError)) return;
    if (e.status === 403) {
      this.state = 'read-only';
      this.detail = e.problem.detail ?? null;
      this.emit();
    } else if (e.status === 401) {
      // The server takes writes; it refused this one's token, or wants one.
      this.state = 'writable';
      this.refused = this.token !== null;
      this.emit();
    }
  }

  noteSuccess(): void {
    if (this.state === 'writable' && !this.refused) return;
    this.state = 'writable';
    this.refused = false;
    this.emit();
  }

  private emit(): void {
    const s = this.snapshot;
    for (const l of this.listeners) l(s);
  }
}

export const access = new Access();
