/**
 * The embedded curation store: verdicts, views and their audit log as files under `<STORE_DIR>/curation/`,
 * a folder the graph's ingest never reads or writes, so curation survives every re-ingest.
 *
 * `audit.jsonl` is the write-ahead log and the commit point: a write appends its entry (with the whole
 * before/after picture) and fsyncs it before anything else changes. `state.json` is a checkpoint of
 * what the log adds up to, replaced atomically (temp file, fsync, rename) after each write. Opening the
 * store replays the entries the checkpoint has not seen, and cuts off a last line that a crash left
 * half-written (that write was never acknowledged). One process writes a store folder at a time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NotFoundError, UsageError } from '../errors';
import type { Page } from '../store/graph-store';
import {
  CurationDataError,
  compareKeys,
  verdictOrder,
  viewOrder,
  type CurationStore,
  type VerdictFilter,
} from './curation-store';
import {
  ACTION_OF_VERDICT,
  AuditEntry,
  Verdict,
  View,
  applyViewPatch,
  type AuditInput,
  type AuditSnapshot,
  type ViewPatch,
} from './types';

const State = z.object({
  version: z.literal(1),
  /** The last audit entry this checkpoint includes. */
  seq: z.number().int().min(0),
  verdicts: z.array(Verdict),
  views: z.array(View),
});
type State = z.infer<typeof State>;

type NewEntry = Omit<AuditEntry, 'seq'>;

const isVerdict = (s: AuditSnapshot | undefined): s is Verdict => !!s && 'relation' in s;
const isView = (s: AuditSnapshot | undefined): s is View => !!s && 'concepts' in s;

const issuesOf = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Makes a rename or a new file durable: the directory entry itself must reach the disk. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

async function writeDurably(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
  await syncDir(path.dirname(file));
}

export class EmbeddedCurationStore implements CurationStore {
  readonly kind = 'embedded' as const;
  readonly dir: string;
  private verdicts = new Map<string, Verdict>();
  private views = new Map<string, View>();
  private log: AuditEntry[] = [];
  /** Size of audit.jsonl after its last whole entry: where a failed append is cut back to. */
  private logBytes = 0;
  /** A checkpoint failed after its entry was logged: the next write or close() writes it again. */
  private dirty = false;
  /** Writes run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `storeDir` is the graph store's folder (STORE_DIR); curation keeps to its own sub-folder. */
  constructor(storeDir: string) {
    this.dir = path.join(storeDir, 'curation');
  }

  private get statePath() {
    return path.join(this.dir, 'state.json');
  }

  private get logPath() {
    return path.join(this.dir, 'audit.jsonl');
  }

  async open(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const stateRaw = await readOrNull(this.statePath);
    let state: State = { version: 1, seq: 0, verdicts: [], views: [] };
    if (stateRaw) {
      const parsed = State.safeParse(JSON.parse(stateRaw.toString('utf8')));
      if (!parsed.success) throw new CurationDataError(this.statePath, null, issuesOf(parsed.error));
      state = parsed.data;
    }
    this.verdicts = new Map(state.verdicts.map((v) => [v.relation, v]));
    this.views = new Map(state.views.map((v) => [v.id, v]));
    this.log = await this.readLog();
    if (state.seq > this.log.length) {
      throw new CurationDataError(
        this.statePath,
        null,
        `includes audit entry ${state.seq} but ${this.logPath} ends at ${this.log.length}`,
      );
    }
    const unseen = this.log.slice(state.seq);
    for (const entry of unseen) this.applyEntry(entry);
    if (unseen.length) await this.checkpoint();
  }

  /** Reads the log, cutting off a half-written last line; any other damage is an error, not a loss. */
  private async readLog(): Promise<AuditEntry[]> {
    const raw = await readOrNull(this.logPath);
    if (!raw) {
      this.logBytes = 0;
      return [];
    }
    const whole = raw.lastIndexOf(0x0a) + 1;
    if (whole < raw.length) await fs.truncate(this.logPath, whole);
    this.logBytes = whole;
    const entries: AuditEntry[] = [];
    const lines = raw.subarray(0, whole).toString('utf8').split('\n');
    lines.pop();
    for (const [i, line] of lines.entries()) {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new CurationDataError(this.logPath, i + 1, 'not a JSON audit entry');
      }
      const parsed = AuditEntry.safeParse(json);
      if (!parsed.success) throw new CurationDataError(this.logPath, i + 1, issuesOf(parsed.error));
      if (parsed.data.seq !== i + 1) {
        throw new CurationDataError(this.logPath, i + 1, `entry ${parsed.data.seq} where ${i + 1} was expected`);
      }
      entries.push(parsed.data);
    }
    return entries;
  }

  private applyEntry(e: AuditEntry): void {
    switch (e.action) {
      case 'confirm':
      case 'reject':
      case 'add':
        if (isVerdict(e.after)) this.verdicts.set(e.target, e.after);
        break;
      case 'retract':
        this.verdicts.delete(e.target);
        break;
      case 'view.create':
      case 'view.update':
        if (isView(e.after)) this.views.set(e.target, e.after);
        break;
      case 'view.delete':
        this.views.delete(e.target);
        break;
    }
  }

  private async checkpoint(): Promise<void> {
    const state: State = {
      version: 1,
      seq: this.log.length,
      verdicts: [...this.verdicts.values()].sort(verdictOrder),
      views: [...this.views.values()].sort((a, b) => compareKeys(a.id, b.id)),
    };
    await writeDurably(this.statePath, JSON.stringify(state));
    this.dirty = false;
  }

  private async append(line: string): Promise<void> {
    const handle = await fs.open(this.logPath, 'a');
    try {
      await handle.appendFile(line);
      await handle.sync();
    } catch (e) {
      // Cut a partial line off at once: the next entry must start on a line of its own.
      await handle.truncate(this.logBytes).catch(() => undefined);
      throw e;
    } finally {
      await handle.close();
    }
    this.logBytes += Buffer.byteLength(line);
  }

  /**
   * One write: `build` reads the current state (inside the queue, so nothing changes under it) and
   * returns the audit entry; the entry is logged, then applied, then checkpointed.
   */
  private commit(build: () => NewEntry): Promise<AuditEntry> {
    const run = this.queue.then(async () => {
      const parsed = AuditEntry.safeParse({ seq: this.log.length + 1, ...build() });
      if (!parsed.success) throw new UsageError(`curation: ${issuesOf(parsed.error)}`);
      const entry = parsed.data;
      await this.append(JSON.stringify(entry) + '\n');
      this.log.push(entry);
      this.applyEntry(entry);
      // The entry is durable, so the write has happened: a failed checkpoint is redone later, not reported.
      await this.checkpoint().catch(() => {
        this.dirty = true;
      });
      return entry;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.dirty) await this.checkpoint();
  }

  async listVerdicts(filter: VerdictFilter = {}): Promise<Verdict[]> {
    const kinds = filter.verdicts ? new Set(filter.verdicts) : null;
    const relations = filter.relations ? new Set(filter.relations) : null;
    return [...this.verdicts.values()]
      .filter((v) => (!kinds || kinds.has(v.verdict)) && (!relations || relations.has(v.relation)))
      .sort(verdictOrder)
      .map((v) => structuredClone(v));
  }

  async getVerdict(relation: string): Promise<Verdict | null> {
    const v = this.verdicts.get(relation);
    return v ? structuredClone(v) : null;
  }

  async putVerdict(verdict: Verdict, audit: AuditInput): Promise<Verdict> {
    const entry = await this.commit(() => ({
      ...audit,
      action: ACTION_OF_VERDICT[verdict.verdict],
      target: verdict.relation,
      before: this.verdicts.get(verdict.relation),
      after: verdict,
    }));
    return structuredClone(entry.after as Verdict);
  }

  async retract(relation: string, audit: AuditInput): Promise<Verdict> {
    const entry = await this.commit(() => {
      const before = this.verdicts.get(relation);
      if (!before) throw new NotFoundError('verdict', relation);
      return { ...audit, action: 'retract', target: relation, before };
    });
    return structuredClone(entry.before as Verdict);
  }

  async audit(offset: number, limit: number, target?: string): Promise<Page<AuditEntry>> {
    const entries = target === undefined ? this.log : this.log.filter((e) => e.target === target);
    return {
      total: entries.length,
      offset,
      limit,
      items: entries.slice(offset, offset + limit).map((e) => structuredClone(e)),
    };
  }

  async listViews(): Promise<View[]> {
    return [...this.views.values()].sort(viewOrder).map((v) => structuredClone(v));
  }

  async getView(id: string): Promise<View | null> {
    const v = this.views.get(id);
    return v ? structuredClone(v) : null;
  }

  async createView(view: View, audit: AuditInput): Promise<View> {
    const entry = await this.commit(() => {
      if (this.views.has(view.id)) throw new UsageError(`views: id "${view.id}" is taken`, 'id');
      return { ...audit, action: 'view.create', target: view.id, after: view };
    });
    return structuredClone(entry.after as View);
  }

  async updateView(id: string, patch: ViewPatch, audit: AuditInput): Promise<View> {
    const entry = await this.commit(() => {
      const before = this.views.get(id);
      if (!before) throw new NotFoundError('view', id);
      return { ...audit, action: 'view.update', target: id, before, after: applyViewPatch(before, patch, audit.at) };
    });
    return structuredClone(entry.after as View);
  }

  async deleteView(id: string, audit: AuditInput): Promise<View> {
    const entry = await this.commit(() => {
      const before = this.views.get(id);
      if (!before) throw new NotFoundError('view', id);
      return { ...audit, action: 'view.delete', target: id, before };
    });
    return structuredClone(entry.before as View);
  }
}
