// `npm run neo4j:stop`: stops the local development Neo4j started by `npm run neo4j:start`.
//
// Owns: reading .neo4j/neo4j.pid, stopping that process (SIGTERM so Neo4j checkpoints; SIGKILL after a
// timeout), publishing the class-data-sharing archive the first clean stop leaves behind, and removing the
// pid file. Refuses to signal a pid that is no longer our launcher (pids get reused).

import fs from 'node:fs';
import path from 'node:path';
import { NEO4J_STATE_DIR, isLauncherPid, pidAlive, promoteDetachedCds, stopPid } from './runtime.js';

// Same path as start.ts's PID_FILE; not imported from there because importing start.ts would run it.
const PID_FILE = path.join(NEO4J_STATE_DIR, 'neo4j.pid');
const STOP_TIMEOUT_MS = 30_000;

async function main(): Promise<number> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  } catch {
    console.log('Neo4j is not running (no .neo4j/neo4j.pid).');
    return 0;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) {
    console.log('Neo4j is not running (stale pid file removed).');
    promoteDetachedCds(PID_FILE, false);
    fs.rmSync(PID_FILE, { force: true });
    return 0;
  }
  if (!isLauncherPid(pid)) {
    console.error(`pid ${pid} is not a Neo4j launcher any more (pid reused?); removed the stale pid file.`);
    promoteDetachedCds(PID_FILE, false);
    fs.rmSync(PID_FILE, { force: true });
    return 0;
  }

  const t0 = Date.now();
  const how = await stopPid(pid, STOP_TIMEOUT_MS);
  promoteDetachedCds(PID_FILE, how === 'stopped');
  fs.rmSync(PID_FILE, { force: true });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (how === 'killed') {
    console.warn(
      `Neo4j (pid ${pid}) ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s and was killed; ` +
        'the next start will run recovery.',
    );
  } else {
    console.log(`Neo4j (pid ${pid}) stopped in ${secs} s.`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
