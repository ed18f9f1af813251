/**
 * The curation data model: reviewers' verdicts on relations, the append-only audit log, and educators'
 * saved concept-map views. Each type is a zod schema (the boundary check for requests and stored files)
 * and the type inferred from it. Curation is stored apart from the extracted graph: a re-ingest never
 * touches it.
 */
import { z } from 'zod';
import { UsageError } from '../errors';
import { LANGS, PREDICATES } from '../model/types';

export const VERDICT_KINDS = ['confirmed', 'rejected', 'added'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

export const AUDIT_ACTIONS = [
  'confirm',
  'reject',
  'add',
  'retract',
  'view.create',
  'view.update',
  'view.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * How a verdict stands against the current graph. A flagged verdict is never deleted or altered: it waits
 * for a reviewer to look again.
 */
export const VERDICT_STATUSES = ['ok', 'evidence-changed', 'relation-gone'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** Letters, digits, space and `._@-`: a curator's name is shown in the audit and must stay plain text. */
export const AUTHOR_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

const Key = z.string().min(1).max(512);
const Note = z.string().max(4000);
const Author = z.string().regex(AUTHOR_PATTERN);
const Time = z.iso.datetime();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const Evidence = z.object({
  /** The claim key of the evidence sentence. */
  claim: Key,
  /** sha256 of the claim's text when the verdict was given: a different hash now means the text changed. */
  textHash: Sha256,
  /** The text itself, so a reviewer can compare it with the sentence as it reads now. */
  text: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Verdict = z.object({
  id: Id,
  /** The relation's edge key (`rel:<subject>-<predicate>-><object>`), for an added one as well. */
  relation: Key,
  subject: Key,
  predicate: z.enum(PREDICATES),
  object: Key,
  verdict: z.enum(VERDICT_KINDS),
  note: Note,
  evidence: Evidence,
  author: Author,
  at: Time,
});
export type Verdict = z.infer<typeof Verdict>;

const Coordinate = z.number().min(-1e6).max(1e6);

export const ViewConcept = z.object({
  key: Key,
  x: Coordinate,
  y: Coordinate,
  /** The educator's own wording; the graph's label in the view's language otherwise. */
  label: z.string().trim().min(1).max(200).optional(),
});
export const ViewLink = z.object({
  source: Key,
  target: Key,
  predicate: z.enum(PREDICATES),
  /** The educator's own linking phrase; the predicate's name in the view's language otherwise. */
  label: z.string().trim().min(1).max(200).optional(),
});
export const ViewNote = z.object({
  id: Id,
  text: z.string().trim().min(1).max(4000),
  x: Coordinate,
  y: Coordinate,
});
export type ViewConcept = z.infer<typeof ViewConcept>;
export type ViewLink = z.infer<typeof ViewLink>;
export type ViewNote = z.infer<typeof ViewNote>;

export const VIEW_LIMITS = { concepts: 500, links: 2000, notes: 200 } as const;

const viewContentShape = {
  name: z.string().trim().min(1).max(200),
  lang: z.enum(LANGS),
  concepts: z.array(ViewConcept).max(VIEW_LIMITS.concepts),
  links: z.array(ViewLink).max(VIEW_LIMITS.links),
  notes: z.array(ViewNote).max(VIEW_LIMITS.notes),
};

/** Problems that no single field shows: duplicates and links to concepts the map does not hold. */
export function viewContentProblems(v: Pick<View, 'concepts' | 'links' | 'notes'>): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const c of v.concepts) {
    if (keys.has(c.key)) problems.push(`concepts: "${c.key}" appears twice`);
    keys.add(c.key);
  }
  // One link per ordered pair: CmapTools, GraphML and GEXF all draw a pair's link as one edge.
  const pairs = new Set<string>();
  for (const [i, l] of v.links.entries()) {
    for (const end of [l.source, l.target]) {
      if (!keys.has(end)) problems.push(`links[${i}]: "${end}" is not a concept of the map`);
    }
    if (l.source === l.target) problems.push(`links[${i}]: a link joins two different concepts`);
    const pair = JSON.stringify([l.source, l.target]);
    if (pairs.has(pair)) problems.push(`links[${i}]: "${l.source}" → "${l.target}" is linked twice`);
    pairs.add(pair);
  }
  const notes = new Set<string>();
  for (const n of v.notes) {
    if (notes.has(n.id)) problems.push(`notes: id "${n.id}" appears twice`);
    notes.add(n.id);
  }
  return problems;
}

const checkContent = (v: Pick<View, 'concepts' | 'links' | 'notes'>, ctx: z.RefinementCtx) => {
  for (const message of viewContentProblems(v)) ctx.addIssue({ code: 'custom', message });
};

/** What an educator sends to create a view. */
export const ViewContent = z.object(viewContentShape).superRefine(checkContent);
export type ViewContent = z.infer<typeof ViewContent>;

/** What an educator sends to change a view: any of its parts (a rename sends only `name`). */
export const ViewPatch = z
  .object(viewContentShape)
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'a change names at least one of its parts');
export type ViewPatch = z.infer<typeof ViewPatch>;

export const View = z
  .object({
    id: Id,
    ...viewContentShape,
    createdAt: Time,
    updatedAt: Time,
    author: Author,
  })
  .superRefine(checkContent);
export type View = z.infer<typeof View>;

/** A view as the list shows it: without its (possibly large) content. */
export interface ViewSummary {
  id: string;
  name: string;
  lang: View['lang'];
  concepts: number;
  links: number;
  notes: number;
  createdAt: string;
  updatedAt: string;
  author: string;
}

export const summarizeView = (v: View): ViewSummary => ({
  id: v.id,
  name: v.name,
  lang: v.lang,
  concepts: v.concepts.length,
  links: v.links.length,
  notes: v.notes.length,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
  author: v.author,
});

/**
 * A patch applied to a view: the result is checked as a whole (a patch of concepts alone may leave a link
 * dangling). Throws UsageError naming every problem. Both curation stores apply patches with this.
 */
export function applyViewPatch(view: View, patch: ViewPatch, at: string): View {
  const next = { ...view, ...definedOnly(patch), updatedAt: at };
  const problems = viewContentProblems(next);
  if (problems.length) throw new UsageError(`views: ${problems.join('; ')}`);
  return next;
}

function definedOnly(patch: ViewPatch): Partial<ViewContent> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ViewContent>;
}

/** Either thing the audit log records a before/after picture of. */
export const AuditSnapshot = z.union([Verdict, View]);
export type AuditSnapshot = z.infer<typeof AuditSnapshot>;

export const AuditEntry = z.object({
  /** 1, 2, 3…: the order of the log, with no gaps. */
  seq: z.number().int().positive(),
  at: Time,
  author: Author,
  action: z.enum(AUDIT_ACTIONS),
  /** The relation key or the view id. */
  target: Key,
  note: Note,
  before: AuditSnapshot.optional(),
  after: AuditSnapshot.optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Who writes, when and why: what a caller gives with every write; the store adds the rest of the entry. */
export interface AuditInput {
  author: string;
  at: string;
  note: string;
}

/**
 * Checks untrusted input against a schema at the boundary; a mismatch is the caller's mistake, reported
 * as a UsageError naming each field: `views: body.links.0.predicate: Invalid option: expected one of …`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`);
  const first = parsed.error.issues[0]?.path[0];
  throw new UsageError(issues.join('; '), typeof first === 'string' ? first : where);
}

export const ACTION_OF_VERDICT: Record<VerdictKind, AuditAction> = {
  confirmed: 'confirm',
  rejected: 'reject',
  added: 'add',
};
