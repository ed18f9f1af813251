/**
 * `npm run extract -- <file|dir>... --out graph.json` — the ingest pipeline without a store: writes the
 * export (graphology serialised JSON, the contract in the scorer's README). Exits 1 on input errors.
 */
import { writeFileSync } from 'node:fs';
import { formatWarning } from '../server/errors';
import { createExtractor } from '../server/extract/extractor';
import { prepare } from '../server/ingest/prepare';
import { mergeFragments } from '../server/build/merge-graph';
import { parseCli, runMain } from './lib/cli';

const USAGE = 'usage: npm run extract -- <file|dir>... --out graph.json [--quiet]';

async function main(): Promise<number> {
  const { values, positionals } = parseCli(USAGE, {
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out || positionals.length === 0) {
    console.error(`extract: ${!values.out ? 'missing --out' : 'no input'}\n${USAGE}`);
    return 2;
  }
  const batch = await prepare(positionals, { extractor: createExtractor() });
  if (!values.quiet) for (const w of batch.warnings) console.error(formatWarning(w));
  for (const e of batch.errors) console.error(e.message);
  if (batch.errors.length) return 1;
  const graph = mergeFragments(
    batch.fragments.map((f) => f.graph),
    batch.problems,
  );
  writeFileSync(values.out, JSON.stringify(graph.export()));
  console.log(
    `extract: ${batch.fragments.length} chapters → ${graph.order} nodes, ${graph.size} edges → ${values.out}`,
  );
  return 0;
}

runMain(main);
