// The command-line scripts as a user runs them (a child process through tsx): exit codes, positioned
// errors, the summary, a refused batch that stores nothing, and the extract and export outputs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ketaminePath, repoRoot } from './support/paths';

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
let work: string;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(tsx, [path.join(repoRoot, 'scripts', script), ...args], {
    cwd: work,
    encoding: 'utf8',
    // No NEO4J_URI from the caller's environment: these runs use the embedded store under `work`.
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, STORE_DIR: path.join(work, 'store'), ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  mkdirSync(path.join(work, 'good'));
  cpSync(ketaminePath, path.join(work, 'good', 'ketamine.zh.md'));
  mkdirSync(path.join(work, 'bad'));
  writeFileSync(
    path.join(work, 'bad', 'broken.en.md'),
    '# Title\n\nA first claim.\nA claim [@problem_id:] with no id.\n',
  );
});

describe('npm run ingest', () => {
  it('stores good chapters and prints the summary', () => {
    const r = run('ingest.ts', ['good', '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^chapters: {2}1 found, 1 ingested, 0 unchanged, 0 failed$/m);
    expect(r.out).toMatch(/^citations: 11 \(10 sources/m);
    expect(existsSync(path.join(work, 'store', 'manifest.json'))).toBe(true);
  });

  it('refuses a batch with a broken chapter: path:line:col, exit 1, the store unchanged', () => {
    const before = readFileSync(path.join(work, 'store', 'manifest.json'), 'utf8');
    const docs = readdirSync(path.join(work, 'store', 'docs')).sort();
    const r = run('ingest.ts', ['good', 'bad', '--quiet', '--force']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\/broken\.en\.md:4:9: .*problem_id/);
    expect(r.out).toMatch(/nothing was stored/);
    expect(readFileSync(path.join(work, 'store', 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(path.join(work, 'store', 'docs')).sort()).toEqual(docs);
  });

  it('stores the good chapters anyway with --keep-going, still exiting 1', () => {
    const r = run('ingest.ts', ['good', 'bad', '--quiet', '--keep-going', '--workers', '0']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^chapters: {2}2 found, 0 ingested, 1 unchanged, 1 failed$/m);
  });

  it('rejects a bad option with the usage line, exit 2', () => {
    const r = run('ingest.ts', ['good', '--workers', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid --workers "many"/);
    expect(r.err).toMatch(/^usage: npm run ingest/m);
  });
});

describe('npm run extract and npm run export', () => {
  it('extract writes the graph the scorer reads, without a store', () => {
    const out = path.join(work, 'k.json');
    const r = run('extract.ts', ['good', '--out', out], { STORE_DIR: path.join(work, 'no-store') });
    expect(r.code).toBe(0);
    const g = Graph.from(JSON.parse(readFileSync(out, 'utf8')));
    expect(g.filterNodes((_k, a) => a.kind === 'claim').length).toBeGreaterThan(50);
    expect(g.filterEdges((_k, a) => a.kind === 'cites' && a.scope === 'sentence')).toHaveLength(11);
    expect(existsSync(path.join(work, 'no-store'))).toBe(false);
  });

  it('export writes a GEXF that graphology reads back with the stored nodes', () => {
    const out = path.join(work, 'graph.gexf');
    const r = run('export.ts', ['--format', 'gexf', '--out', out]);
    expect(r.code).toBe(0);
    const g = parseGexf(Graph, readFileSync(out, 'utf8'));
    expect(g.filterNodes((_k, a) => a.kind === 'source')).toHaveLength(10);
  });
});

describe('npm run miss-causes', () => {
  it('sorts the missed gold relations of an export by cause', () => {
    // A chapter that names ketamine and BDNF in one sentence, relates ketamine to NMDA receptors under another
    // predicate than the gold's, and never names AMPA receptors.
    const gold = {
      concepts: [
        { id: 'ketamine', forms: ['ketamine'] },
        { id: 'bdnf', forms: ['BDNF'] },
        { id: 'nmda', forms: ['NMDA receptor'] },
        { id: 'ampa', forms: ['AMPA receptor'] },
        { id: 'depression', forms: ['depression'] },
      ],
      relations: [
        { subject: 'ketamine', object: 'depression', accept: ['treats'], evidence: 'Ketamine relieves depression' },
        { subject: 'ketamine', object: 'bdnf', accept: ['increases'], evidence: 'Ketamine raises BDNF' },
        { subject: 'ketamine', object: 'nmda', accept: ['decreases'], evidence: 'Ketamine blocks the NMDA receptor' },
        { subject: 'ketamine', object: 'ampa', accept: ['increases'], evidence: 'AMPA receptor' },
      ],
    };
    const concept = (key: string, label: string) => ({ key, attributes: { kind: 'concept', label, aliases: [label] } });
    const claim = (key: string, text: string) => ({ key, attributes: { kind: 'claim', text } });
    const edge = (source: string, target: string, attributes: Record<string, unknown>) => ({
      source,
      target,
      attributes,
    });
    const graph = {
      nodes: [
        concept('k', 'ketamine'),
        concept('b', 'BDNF'),
        concept('n', 'NMDA receptor'),
        concept('d', 'depression'),
        claim('c1', 'Ketamine relieves depression.'),
        claim('c2', 'Ketamine raises BDNF.'),
        claim('c3', 'Ketamine blocks the NMDA receptor.'),
      ],
      edges: [
        edge('k', 'd', { kind: 'relation', predicate: 'treats' }),
        edge('c2', 'k', { kind: 'mentions' }),
        edge('c2', 'b', { kind: 'mentions' }),
        edge('c3', 'k', { kind: 'mentions' }),
        edge('c3', 'n', { kind: 'mentions' }),
        edge('k', 'n', { kind: 'relation', predicate: 'interacts_with' }),
      ],
    };
    writeFileSync(path.join(work, 'mc.gold.json'), JSON.stringify(gold));
    writeFileSync(path.join(work, 'mc.json'), JSON.stringify(graph));
    const r = run('miss-causes.ts', [path.join(work, 'mc.gold.json'), path.join(work, 'mc.json'), '--list']);
    expect(r.code).toBe(0);
    const count = (cause: string) => Number(new RegExp(`^${cause}\\s+(\\d+)$`, 'm').exec(r.out)?.[1]);
    expect(count('found')).toBe(1);
    expect(count('a side is not a concept of the chapter')).toBe(1);
    expect(count('both mentioned in the sentence, not related')).toBe(1);
    expect(count('related under another predicate')).toBe(1);
    expect(r.out).toContain('ketamine -decreases-> nmda [exported: interacts_with]');
  });
});
