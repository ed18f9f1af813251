// The API contract suite against the embedded store, built in a temp dir from the sample corpus.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createExtractor } from '../../server/extract/extractor';
import { ingestInto } from '../../server/ingest/ingest-service';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { apiSpecs } from './api-specs';

apiSpecs('embedded', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'api-embedded-'));
  const store = new EmbeddedStore(dir);
  await store.open();
  const summary = await ingestInto(store, ['data/corpus'], { extractor: createExtractor() });
  if (summary.errors.length) throw new Error(summary.errors.map((e) => e.message).join('\n'));
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
