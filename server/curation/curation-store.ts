/**
 * The curation store contract: where verdicts, views and the audit log live, apart from the extracted
 * graph, in each store (embedded files, Neo4j). One contract suite (test/workflows/curation-specs.ts)
 * runs against every implementation.
 *
 * Every write appends its audit entry in the same atomic step as the change itself, and nothing edits or
 * deletes an audit entry: the log is the history of every verdict and view.
 */
import type { Page } from '../store/graph-store';
import type { AuditEntry, AuditInput, Verdict, VerdictKind, View, ViewPatch } from './types';

/**
 * Stored curation data that cannot be read back (a damaged log, a checkpoint ahead of its log): the store
 * refuses to open rather than silently lose history. `line` is the log line, when there is one.
 */
export class CurationDataError extends Error {
  override name = 'CurationDataError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`curation: ${file}${line === null ? '' : `:${line}`}: ${detail}`);
  }
}

/** Code-point order: the same in every store and every locale. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order listVerdicts() gives. */
export const verdictOrder = (a: Verdict, b: Verdict): number => compareKeys(a.relation, b.relation);

/** The order listViews() gives: the most recently changed first, then by id. */
export const viewOrder = (a: View, b: View): number => compareKeys(b.updatedAt, a.updatedAt) || compareKeys(a.id, b.id);

export interface VerdictFilter {
  verdicts?: VerdictKind[];
  relations?: string[];
}

export interface CurationStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Creates what is missing (folders, constraints) and loads what is stored. */
  open(): Promise<void>;
  close(): Promise<void>;

  /** Verdicts in relation-key order. */
  listVerdicts(filter?: VerdictFilter): Promise<Verdict[]>;
  getVerdict(relation: string): Promise<Verdict | null>;
  /** Gives a relation its verdict, replacing the one it had; audited as confirm, reject or add. */
  putVerdict(verdict: Verdict, audit: AuditInput): Promise<Verdict>;
  /** Removes a relation's verdict and returns it; NotFoundError when it has none. */
  retract(relation: string, audit: AuditInput): Promise<Verdict>;
  /** The log in the order it was written, optionally only the entries about one relation or view. */
  audit(offset: number, limit: number, target?: string): Promise<Page<AuditEntry>>;

  /** Views, the most recently changed first. */
  listViews(): Promise<View[]>;
  getView(id: string): Promise<View | null>;
  /** UsageError when the id is taken. */
  createView(view: View, audit: AuditInput): Promise<View>;
  /** Applies a patch (see applyViewPatch); `audit.at` becomes `updatedAt`. NotFoundError, UsageError. */
  updateView(id: string, patch: ViewPatch, audit: AuditInput): Promise<View>;
  /** Removes a view and returns it; NotFoundError when there is none. */
  deleteView(id: string, audit: AuditInput): Promise<View>;
}
