/**
 * `npm run export -- --format graphology|gexf|graphml|kgx|csv --out <path> [--store …]` — the stored graph
 * in a format other tools read. Formats of two files (kgx, csv) write `<out>_nodes.*` and `<out>_edges.*`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { EXPORT_FORMATS, exportFiles, type ExportFormat } from '../server/export/formats';
import { openStore, type StoreChoice } from '../server/store/open-store';
import { parseCli, runMain } from './lib/cli';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} --out <path> [--store embedded|neo4j]`;

async function main(): Promise<number> {
  const { values } = parseCli(USAGE, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    store: { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) {
    console.error(
      `export: invalid --format "${values.format ?? ''}", expected one of ${EXPORT_FORMATS.join(', ')}\n${USAGE}`,
    );
    return 2;
  }
  if (!values.out) {
    console.error(`export: missing --out\n${USAGE}`);
    return 2;
  }
  const store = await openStore(loadConfig(), values.store as StoreChoice | undefined);
  try {
    const data = await store.exportGraph();
    const out = path.resolve(values.out);
    const base = out.replace(/\.(json|gexf|graphml|tsv|csv)$/i, '');
    const files = exportFiles(data, format, path.basename(base));
    for (const f of files) {
      const target = files.length === 1 ? out : path.join(path.dirname(base), f.name);
      writeFileSync(target, f.content);
      console.log(
        `export: ${format} → ${path.relative(process.cwd(), target)} (${(f.content.length / 1024).toFixed(0)} KiB)`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}

runMain(main);
