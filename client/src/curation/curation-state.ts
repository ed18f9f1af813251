/**
 * Reviewers' verdicts as the client holds them: one per relation (confirmed, rejected, added), loaded
 * from GET /api/curation/verdicts and kept in step with the reader's own writes. Whether the server has
 * curation at all is learnt once: from its health answer when it says, otherwise on first use (a server
 * without the curation routes answers 404, and the curation controls then stay out of the way).
 */
import type { CuratedVerdict } from '../../../server/curation/curation-service';
import type { VerdictKind } from '../../../server/curation/types';
import { ApiError } from '../api/api-error';
import { curationApi } from '../api/curation-api';

export type CurationAvailability = 'unknown' | 'available' | 'unavailable';
/** `loaded`: the whole list arrived (views built before it redraw); `changed`: one verdict changed. */
export type CurationEvent = 'loaded' | 'changed';

export class CurationState {
  availability: CurationAvailability = 'unknown';
  private verdicts = new Map<string, CuratedVerdict>();
  private loading: Promise<boolean> | null = null;
  private listeners = new Set<(event: CurationEvent) => void>();

  constructor(private readonly api = curationApi) {}

  /** The verdict on a relation, if any. */
  get(relation: string): CuratedVerdict | undefined {
    return this.verdicts.get(relation);
  }

  mark(relation: string): VerdictKind | undefined {
    return this.verdicts.get(relation)?.verdict;
  }

  get size(): number {
    return this.verdicts.size;
  }

  all(): CuratedVerdict[] {
    return [...this.verdicts.values()];
  }

  /** Added relations touching a concept. */
  addedFor(concept: string): CuratedVerdict[] {
    return this.all().filter((v) => v.verdict === 'added' && (v.subject === concept || v.object === concept));
  }

  subscribe(fn: (event: CurationEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Loads the verdicts once (again after `reload`); resolves to whether the server has curation. */
  ensure(): Promise<boolean> {
    this.loading ??= this.load();
    return this.loading;
  }

  reload(): Promise<boolean> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<boolean> {
    try {
      const list = await this.api.verdicts();
      this.verdicts = new Map(list.map((v) => [v.relation, v]));
      this.availability = 'available';
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) this.availability = 'unavailable';
      this.loading = null;
    }
    document.documentElement.dataset.curation = this.availability;
    this.emit('loaded');
    return this.availability === 'available';
  }

  /** Records a verdict the reader just gave (or, with `null`, took back). */
  put(relation: string, v: CuratedVerdict | null): void {
    if (v) this.verdicts.set(relation, v);
    else this.verdicts.delete(relation);
    this.availability = 'available';
    this.emit('changed');
  }

  private emit(event: CurationEvent): void {
    for (const l of this.listeners) l(event);
  }
}
