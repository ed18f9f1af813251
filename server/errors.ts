/**
 * Typed errors shared by the ingest pipeline, the stores and the API. Each carries what went wrong and
 * where; the API maps them to HTTP status codes in one place.
 */
import type { SourcePosition } from './model/types';

/** A problem in an input file, with its position: `path:line:col: message`. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly path: string,
    readonly position: Pick<SourcePosition, 'line' | 'column'> | null,
    readonly detail: string,
  ) {
    super(position ? `${path}:${position.line}:${position.column}: ${detail}` : `${path}: ${detail}`);
  }
}

/** A non-fatal finding about an input file: reported, never stops the ingest. */
export interface InputWarning {
  path: string;
  line: number;
  column: number;
  code: WarningCode;
  message: string;
}

export const WARNING_CODES = [
  'empty-file',
  'unbalanced-bracket',
  'link-cuts-word',
  'english-fragment',
  'entry-label-conflict',
  'uncited-claim',
  'unresolved-source',
  'duplicate-document',
  'appendix-entry',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const formatWarning = (w: InputWarning): string => `${w.path}:${w.line}:${w.column}: warning: ${w.message}`;

/** A request for something that does not exist (a concept, claim, source, document, view…). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} not found: ${id}`);
  }
}

/** A caller used an API wrongly: a bad parameter or a value beyond a limit. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** The store cannot be reached now; the caller may retry. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

/** Several input errors found in one pass; the ingest that met them stored nothing. */
export class InputErrors extends Error {
  override name = 'InputErrors';
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}
