/**
 * Builds the client (vite build) when client/dist is missing or older than its sources, once across
 * the test processes running in parallel (a lock directory serialises them).
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build } from 'vite';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const CLIENT_DIR = path.join(REPO, 'client');
export const CLIENT_DIST = path.join(CLIENT_DIR, 'dist');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function builtAt(): number {
  try {
    return statSync(path.join(CLIENT_DIST, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

const stale = () => {
  const sources = Math.max(
    newestMtime(path.join(CLIENT_DIR, 'src')),
    newestMtime(path.join(CLIENT_DIR, 'index.html')),
    newestMtime(path.join(CLIENT_DIR, 'vite.config.ts')),
  );
  return builtAt() < sources;
};

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(
    os.tmpdir(),
    `textbook-graph-client-build-${createHash('sha1').update(REPO).digest('hex').slice(0, 8)}.lock`,
  );
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than three minutes belongs to a process that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`e2e: timed out waiting for the client build lock ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes sure client/dist holds a build of the current sources. */
export async function ensureClientBuilt(): Promise<void> {
  if (!stale()) return;
  await withLock(async () => {
    if (!stale()) return;
    await build({ configFile: path.join(CLIENT_DIR, 'vite.config.ts'), logLevel: 'warn' });
  });
}
