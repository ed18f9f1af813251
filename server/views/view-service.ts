/**
 * Educators' saved concept maps: create, list, open, change (rename, move, relink, annotate), delete and
 * export them. Views are stored with curation (apart from the extracted graph, audited like verdicts);
 * the graph is read only to check the concepts a change brings in and to label the exports.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError, UsageError } from '../errors';
import type { ConceptAttributes } from '../model/types';
import type { CurationGraph } from '../curation/curation-service';
import type { CurationStore } from '../curation/curation-store';
import { summarizeView, type View, type ViewContent, type ViewPatch, type ViewSummary } from '../curation/types';
import { toCxl, viewToGraphExport } from '../export/cxl';
import { exportFiles, type ExportFile } from '../export/formats';

export const VIEW_EXPORT_FORMATS = ['cxl', 'graphml', 'gexf'] as const;
export type ViewExportFormat = (typeof VIEW_EXPORT_FORMATS)[number];

export interface ViewServiceOptions {
  now?: () => string;
  newId?: () => string;
}

/** A file name made from a view's name: letters and digits of any script, the rest as `-`. */
export const fileBase = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'view';

export class ViewService {
  private readonly now: () => string;
  private readonly newId: () => string;

  constructor(
    private readonly graph: CurationGraph,
    private readonly store: CurationStore,
    opts: ViewServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date().toISOString());
    this.newId = opts.newId ?? (() => randomUUID());
  }

  async list(): Promise<ViewSummary[]> {
    return (await this.store.listViews()).map(summarizeView);
  }

  async get(id: string): Promise<View> {
    const view = await this.store.getView(id);
    if (!view) throw new NotFoundError('view', id);
    return view;
  }

  async create(content: ViewContent, author: string): Promise<View> {
    await this.checkConcepts(content.concepts.map((c) => c.key));
    const at = this.now();
    const view: View = { id: this.newId(), ...content, createdAt: at, updatedAt: at, author };
    return this.store.createView(view, { author, at, note: `created "${content.name}"` });
  }

  async update(id: string, patch: ViewPatch, author: string): Promise<View> {
    const old = await this.get(id);
    if (patch.concepts) {
      // Only concepts the change brings in must exist now: a concept a re-ingest removed keeps its place.
      const had = new Set(old.concepts.map((c) => c.key));
      await this.checkConcepts(patch.concepts.map((c) => c.key).filter((k) => !had.has(k)));
    }
    const changed = Object.keys(patch).filter((k) => patch[k as keyof ViewPatch] !== undefined);
    return this.store.updateView(id, patch, { author, at: this.now(), note: `changed ${changed.join(', ')}` });
  }

  async delete(id: string, author: string): Promise<View> {
    return this.store.deleteView(id, { author, at: this.now(), note: 'deleted' });
  }

  async export(id: string, format: ViewExportFormat): Promise<ExportFile> {
    const view = await this.get(id);
    const facts = await this.graph.facts({ concepts: view.concepts.map((c) => c.key) });
    const concepts = new Map<string, ConceptAttributes>();
    for (const [key, { key: _key, ...attributes }] of facts.concepts) concepts.set(key, attributes);
    const base = fileBase(view.name);
    if (format === 'cxl') {
      return { name: `${base}.cxl`, contentType: 'application/xml', content: toCxl(view, concepts) };
    }
    const [file] = exportFiles(viewToGraphExport(view, concepts), format, base);
    return file!;
  }

  private async checkConcepts(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const known = (await this.graph.facts({ concepts: keys })).concepts;
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) {
      const shown = unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? `, … (${unknown.length} in all)` : '');
      throw new UsageError(`views: not concepts of the graph: ${shown}`, 'concepts');
    }
  }
}
