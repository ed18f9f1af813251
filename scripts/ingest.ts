/**
 * `npm run ingest -- <file|dir>... [--store embedded|neo4j] [--keep-going] [--force] [--report] [--report-json F]
 * [--workers N]` (worker threads for parsing and extraction; by default one per core for a large corpus, 0 for none)
 * Ingests chapters into the store and prints a summary; with --report, the data-quality report too.
 * Exits 1 when any input has an error (the store is then left as it was, unless --keep-going).
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../server/config';
import { formatWarning } from '../server/errors';
import { createExtractor } from '../server/extract/extractor';
import { ingestInto, type IngestSummary } from '../server/ingest/ingest-service';
import { buildQualityReport, formatQualityReport } from '../server/ingest/quality-report';
import { openStore, type StoreChoice } from '../server/store/open-store';
import { parseCli, progress, runMain } from './lib/cli';

const USAGE = `usage: npm run ingest -- <file|dir>... [--store embedded|neo4j] [--keep-going] [--force] [--report] [--report-json FILE] [--workers N] [--quiet]`;

export function formatSummary(s: IngestSummary): string {
  const cats = Object.entries(s.conceptsByCategory)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const mb = s.bytes / 1048576;
  return [
    `chapters:  ${s.chapters.found} found, ${s.chapters.ingested} ingested, ${s.chapters.unchanged} unchanged, ${s.chapters.failed} failed`,
    `claims:    ${s.claims}`,
    `citations: ${s.citations} (${s.sources.cited} sources, ${s.sources.resolved} resolved to a problem text; ${s.contextCitations} more claims supported by the next sentence)`,
    `concepts:  ${Object.values(s.conceptsByCategory).reduce((a, b) => a + b, 0)}${cats ? ` (${cats})` : ''}`,
    `relations: ${s.relations} (and ${s.memberships} class memberships named in passing)`,
    `warnings:  ${s.warnings.length}`,
    `errors:    ${s.errors.length}${s.errors.length && !s.applied ? ' — nothing was stored' : ''}`,
    `time:      ${(s.ms / 1000).toFixed(2)} s (${(mb / (s.ms / 1000 || 1)).toFixed(2)} MB/s)`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseCli(USAGE, {
    store: { type: 'string' },
    'keep-going': { type: 'boolean' },
    force: { type: 'boolean' },
    report: { type: 'boolean' },
    'report-json': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    workers: { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const workers = values.workers === undefined ? 'auto' : Number(values.workers);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
    console.error(`ingest: invalid --workers "${values.workers}", expected a whole number from 0 to 64\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (values.store !== undefined && values.store !== 'embedded' && values.store !== 'neo4j') {
    console.error(`ingest: invalid --store "${values.store}", expected embedded or neo4j\n${USAGE}`);
    return 2;
  }
  const inputs = positionals.length ? positionals : [config.CORPUS_DIR];
  const store = await openStore(config, values.store as StoreChoice | undefined);
  try {
    const bar = values.quiet ? null : progress('ingest');
    const wantReport = Boolean(values.report || values['report-json']);
    const summary = await ingestInto(store, inputs, {
      extractor: createExtractor(),
      keepGoing: values['keep-going'],
      force: values.force || wantReport,
      maxFileBytes: config.MAX_FILE_MB * 1048576,
      onChapter: bar ? (d, t, p) => bar.tick(d, t, p) : undefined,
      keepParsed: wantReport,
      workers,
    });
    bar?.stop();
    for (const w of summary.warnings) if (!values.quiet) console.error(formatWarning(w));
    for (const e of summary.errors) console.error(`${e.message}`);
    console.log(formatSummary(summary));
    if (wantReport) {
      const report = buildQualityReport(summary.batch.parsed, summary.errors);
      if (values.report) console.log(`\n${formatQualityReport(report)}`);
      if (values['report-json']) writeFileSync(values['report-json'], JSON.stringify(report, null, 2));
    }
    return summary.errors.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

runMain(main);
