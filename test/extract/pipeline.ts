/**
 * The real pipeline for the extraction tests and the scoring loop: prepare() with the default extractor,
 * then the fragments merged by the rules of model/merge.ts into one graph. The merged graph is a multi
 * graph because a relation and a co-mention may join the same two concepts.
 * `npx tsx test/extract/pipeline.ts <file|dir>... --out graph.json` writes the export for score.mjs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { addFragment, applyProblems } from '../../server/build/merge-graph';
import type { ChapterGraph } from '../../server/build/chapter-graph';
import { createExtractor } from '../../server/extract/extractor';
import { prepare } from '../../server/ingest/prepare';
import type { EdgeAttributes, GraphExport, NodeAttributes } from '../../server/model/types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs ingest's pure part and the merge on some inputs; returns the export. */
export async function exportOf(inputs: string[]): Promise<GraphExport> {
  const batch = await prepare(inputs, { extractor: createExtractor() });
  if (batch.errors.length) throw new Error(batch.errors.map((e) => e.message).join('\n'));
  const g: ChapterGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'directed',
    multi: true,
    allowSelfLoops: false,
  });
  for (const f of batch.fragments) addFragment(g, f.graph);
  applyProblems(g, batch.problems);
  return g.export() as GraphExport;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const o = args.indexOf('--out');
  const out = o >= 0 ? args[o + 1] : undefined;
  const inputs = args.filter((_, i) => i !== o && i !== o + 1);
  if (!out || !inputs.length) {
    console.error('usage: tsx test/extract/pipeline.ts <file|dir>... --out graph.json');
    process.exit(2);
  }
  writeFileSync(out, JSON.stringify(await exportOf(inputs)));
}
