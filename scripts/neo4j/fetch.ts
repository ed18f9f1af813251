// `npm run neo4j:fetch` (CI, or to warm a machine): downloads the Neo4j Community jars into .neo4j/lib once.
//
// Owns only the command-line wrapper; the fetch itself (Maven, retries, atomic install) is in ./runtime.ts.
// Fails with a clear message when Java or Maven is missing, so CI stops before any test runs.

import { fetchNeo4jJars, javaAvailable } from './runtime.js';

async function main(): Promise<number> {
  const available = javaAvailable();
  if (!available.ok) {
    console.error(`Cannot fetch Neo4j: ${available.reason}`);
    return 1;
  }
  const res = await fetchNeo4jJars({ log: (m) => console.log(m) });
  console.log(
    res.fetched
      ? `Fetched Neo4j jars into ${res.libDir} in ${(res.ms / 1000).toFixed(1)} s`
      : `Neo4j jars already cached in ${res.libDir}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
