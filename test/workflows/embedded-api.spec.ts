/** The workflow API suite over the embedded curation store. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedCurationStore } from '../../server/curation/embedded-curation-store';
import { workflowApiSpecs } from './api-specs';

workflowApiSpecs('embedded', {
  make: async () => {
    const store = new EmbeddedCurationStore(mkdtempSync(path.join(os.tmpdir(), 'wf-curation-')));
    await store.open();
    return store;
  },
  reopen: async (store) => {
    await store.close();
    const again = new EmbeddedCurationStore(path.dirname((store as EmbeddedCurationStore).dir));
    await again.open();
    return again;
  },
});
