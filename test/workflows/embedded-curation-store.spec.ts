/**
 * The embedded curation store: the contract suite, and what only files can get wrong — a crash between
 * the log append and the checkpoint, a half-written last line, and staying out of the graph's files.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CurationDataError } from '../../server/curation/curation-store';
import { EmbeddedCurationStore } from '../../server/curation/embedded-curation-store';
import { audit, curationSpecs, verdict, view } from './curation-specs';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'curation-'));

async function openAt(dir: string): Promise<EmbeddedCurationStore> {
  const store = new EmbeddedCurationStore(dir);
  await store.open();
  return store;
}

curationSpecs('embedded', {
  make: () => openAt(tmp()),
  reopen: async (store) => {
    await store.close();
    return openAt(path.dirname((store as EmbeddedCurationStore).dir));
  },
});

describe('EmbeddedCurationStore files', () => {
  it('keeps to <STORE_DIR>/curation: a state checkpoint and an append-only log', async () => {
    const dir = tmp();
    const store = await openAt(dir);
    await store.putVerdict(verdict('a', 'treats', 'b', 'confirmed'), audit());
    await store.createView(view('v1'), audit());
    expect(readdirSync(dir)).toEqual(['curation']);
    expect(readdirSync(path.join(dir, 'curation')).sort()).toEqual(['audit.jsonl', 'state.json']);
    const lines = readFileSync(path.join(dir, 'curation', 'audit.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([1, 2]);
  });

  it('replays logged entries the checkpoint missed (a crash between the two writes)', async () => {
    const dir = tmp();
    const store = await openAt(dir);
    await store.putVerdict(verdict('a', 'treats', 'b', 'confirmed'), audit());
    const checkpoint = readFileSync(path.join(dir, 'curation', 'state.json'), 'utf8');
    const v = verdict('b', 'causes', 'c', 'rejected');
    await store.putVerdict(v, audit());
    await store.createView(view('v1'), audit());
    // Put the old checkpoint back: as if the process died after logging the last two writes.
    writeFileSync(path.join(dir, 'curation', 'state.json'), checkpoint);
    const again = await openAt(dir);
    expect(await again.getVerdict(v.relation)).toEqual(v);
    expect(await again.getView('v1')).toEqual(
      view('v1', { createdAt: expect.any(String), updatedAt: expect.any(String) }),
    );
    expect((await again.audit(0, 10)).total).toBe(3);
    // The replay wrote a new checkpoint.
    expect(JSON.parse(readFileSync(path.join(dir, 'curation', 'state.json'), 'utf8'))).toMatchObject({ seq: 3 });
  });

  it('rebuilds everything from the log alone', async () => {
    const dir = tmp();
    const store = await openAt(dir);
    await store.putVerdict(verdict('a', 'treats', 'b', 'confirmed'), audit());
    await store.createView(view('v1'), audit());
    await store.deleteView('v1', audit());
    const verdicts = await store.listVerdicts();
    rmSync(path.join(dir, 'curation', 'state.json'));
    const again = await openAt(dir);
    expect(await again.listVerdicts()).toEqual(verdicts);
    expect(await again.listViews()).toEqual([]);
  });

  it('cuts off a half-written last line (never acknowledged) and goes on from there', async () => {
    const dir = tmp();
    const store = await openAt(dir);
    await store.putVerdict(verdict('a', 'treats', 'b', 'confirmed'), audit());
    appendFileSync(path.join(dir, 'curation', 'audit.jsonl'), '{"seq":2,"at":"2025-');
    const again = await openAt(dir);
    expect((await again.audit(0, 10)).total).toBe(1);
    await again.putVerdict(verdict('c', 'treats', 'd', 'added'), audit());
    const lines = readFileSync(path.join(dir, 'curation', 'audit.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([1, 2]);
  });

  it('refuses a damaged log instead of silently losing history', async () => {
    const dir = tmp();
    const store = await openAt(dir);
    await store.putVerdict(verdict('a', 'treats', 'b', 'confirmed'), audit());
    await store.putVerdict(verdict('b', 'treats', 'c', 'confirmed'), audit());
    const file = path.join(dir, 'curation', 'audit.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[1], lines[0], ''].join('\n'));
    await expect(openAt(dir)).rejects.toBeInstanceOf(CurationDataError);
    await expect(openAt(dir)).rejects.toMatchObject({ file: file, line: 1 });
  });
});
