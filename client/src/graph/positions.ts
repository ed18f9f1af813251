/**
 * Node positions: where a node starts (a position kept from an earlier visit, else a deterministic spot
 * in its category's sector) and the store of positions between visits (localStorage).
 */
import type { Category } from '../../../server/model/types';
import { CATEGORY_ORDER } from '../app/domain';
import type { DisplayGraph } from './display-graph';

export const POSITIONS_STORAGE_KEY = 'textbook-graph:positions:v1';

type Saved = Record<string, [number, number]>;

/** FNV-1a: a stable 32-bit hash, so a node starts at the same spot every time. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A starting position in the category's sector of a disc, spread by the key's hash. */
export function seededPosition(key: string, category: Category): { x: number; y: number } {
  const h = hash32(key);
  const sector = Math.max(0, CATEGORY_ORDER.indexOf(category as (typeof CATEGORY_ORDER)[number]));
  const sectors = CATEGORY_ORDER.length;
  const angle = ((sector + (h % 1000) / 1000) / sectors) * Math.PI * 2;
  const radius = 20 + ((h >>> 10) % 1000) / 10;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

export class PositionStore {
  private saved: Saved = {};

  constructor(private readonly storage: Storage | null = safeStorage()) {
    try {
      const raw = this.storage?.getItem(POSITIONS_STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) this.saved = parsed as Saved;
    } catch {
      this.saved = {};
    }
  }

  get(key: string): { x: number; y: number } | null {
    const p = this.saved[key];
    return Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? { x: p[0], y: p[1] } : null;
  }

  has(key: string): boolean {
    return this.get(key) !== null;
  }

  /** Records every node's position and writes them (merged with positions of nodes not shown now). */
  save(g: DisplayGraph): void {
    g.forEachNode((k, a) => {
      this.saved[k] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100];
    });
    try {
      this.storage?.setItem(POSITIONS_STORAGE_KEY, JSON.stringify(this.saved));
    } catch {
      // Storage full or denied: positions are a convenience, the view works without them.
    }
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
