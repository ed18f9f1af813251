/** The store contract suite against the embedded store, each test in a fresh temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { storeContract } from './store-contract';

storeContract('embedded', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'contract-embedded-'));
  const store = new EmbeddedStore(dir);
  await store.open();
  return {
    store,
    reopen: async () => {
      const again = new EmbeddedStore(dir);
      await again.open();
      return again;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
