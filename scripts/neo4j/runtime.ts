// Local Neo4j runtime: everything needed to run a REAL Neo4j Community 5.26 server on a machine with Java 17
// and Maven but no Docker (development, tests, CI).
//
// Owns:
//   - fetchNeo4jJars(): resolving the DBMS + Bolt jars from Maven Central into .neo4j/lib (once, atomically);
//   - startNeo4j(): spawning scripts/neo4j/Launcher.java (embedded DBMS with a Bolt connector) and waiting until
//     Bolt really answers; the returned handle stops (SIGTERM) or kills (SIGKILL) it;
//   - javaAvailable(): whether this machine can do the above, for tests that must skip (or fail in CI);
//   - readNeo4jEnv(): the zod-validated NEO4J_* connection settings shared by the scripts;
//   - a class-data-sharing (AppCDS) archive in .neo4j/cds that roughly halves JVM start-up after the first run.
// Does not own: the graph schema, ingestion, or the application's own driver (one per process, elsewhere).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { z } from 'zod';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
/** Git-ignored folder for everything the local runtime downloads or writes. */
export const NEO4J_STATE_DIR = path.join(REPO_ROOT, '.neo4j');
export const NEO4J_LIB_DIR = path.join(NEO4J_STATE_DIR, 'lib');
const CDS_DIR = path.join(NEO4J_STATE_DIR, 'cds');
const CDS_ARCHIVE = path.join(CDS_DIR, 'neo4j.jsa');
const POM = path.join(HERE, 'pom.xml');
const LAUNCHER = path.join(HERE, 'Launcher.java');
/** Written into the lib folder after a complete fetch; holds a hash of pom.xml so a version bump re-fetches. */
const LIB_STAMP = '.complete';
/** The launcher reads the password from this variable (see --password-env): argv is visible to `ps`. */
const PASSWORD_ENV = 'NEO4J_LAUNCHER_PASSWORD';

export const DEFAULT_DEV_PASSWORD = 'textbook-graph-dev';
export const DEFAULT_URI = 'bolt://127.0.0.1:7687';

/**
 * JVM flags Neo4j 5 needs on Java 17 (without the --add-opens, start-up dies with a LinkageError about
 * java.nio.DirectByteBuffer), plus a few of the settings Neo4j's own launcher uses.
 */
export const JVM_FLAGS: readonly string[] = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  // The JVM would pick SerialGC on a box it considers small. These servers are for development, tests and
  // benchmarks, where throughput matters and pauses do not: ParallelGC spent a third of G1's CPU time on an
  // ingest of 1,000 chapters on two cores (4.7 s against 13.4 s; see scripts/bench/neo4j-ingest.ts).
  '-XX:+UseParallelGC',
  // Half the heap for the young generation (ParallelGC's default is a third): a write transaction's state
  // and its decoded parameters die young, and a bigger young generation copies fewer of them before they
  // do. GC CPU of an ingest of 2,000 chapters (scripts/bench/neo4j-ingest.ts): about 5 s against 10 s.
  '-XX:NewRatio=1',
  // A fresh JVM spends about as much CPU compiling Neo4j's code with C2 as running the queries (an ingest
  // of 2,000 chapters on two cores: 37-43 s of JIT threads against about 40 s of Bolt workers), CPU the
  // compiler thread takes from the queries and the client. Ten times HotSpot's thresholds before C2
  // compiles a method (5,000 calls, 600 with loops, 15,000 calls plus loop iterations, 40,000 loop
  // iterations) leave the rarely hot methods with C1's code: 25-30 s of JIT, the queries no slower.
  // (Thirty times: 22 s of JIT but slower queries, no gain.)
  '-XX:Tier4InvocationThreshold=50000',
  '-XX:Tier4MinInvocationThreshold=6000',
  '-XX:Tier4CompileThreshold=150000',
  '-XX:Tier4BackEdgeThreshold=400000',
  // A server that hit OOM is in an unknown state; dying loudly beats limping on.
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
  // Textbook data is Chinese and English; keep log output independent of the machine's locale.
  '-Dfile.encoding=UTF-8',
];

// ---------------------------------------------------------------------------------------------------------------
// Connection settings
// ---------------------------------------------------------------------------------------------------------------

/** Empty strings (e.g. `NEO4J_PASSWORD=` copied from .env.example) mean "unset", not "empty password". */
const optionalNonEmpty = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const Neo4jEnvSchema = z.object({
  NEO4J_URI: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, 'must look like bolt://host:port or neo4j+s://host')
      .optional(),
  ),
  NEO4J_USER: optionalNonEmpty,
  NEO4J_PASSWORD: optionalNonEmpty,
  NEO4J_DATABASE: optionalNonEmpty,
});

export interface Neo4jEnv {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Where each value came from, so scripts can tell the user without printing secrets. */
  source: { uri: 'env' | 'default'; user: 'env' | 'default'; password: 'env' | 'default' };
}

/** Reads NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE with local-development defaults. */
export function readNeo4jEnv(env: NodeJS.ProcessEnv = process.env): Neo4jEnv {
  const parsed = Neo4jEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid Neo4j settings in the environment: ${issues}`);
  }
  const e = parsed.data;
  return {
    uri: e.NEO4J_URI ?? DEFAULT_URI,
    user: e.NEO4J_USER ?? 'neo4j',
    password: e.NEO4J_PASSWORD ?? DEFAULT_DEV_PASSWORD,
    database: e.NEO4J_DATABASE ?? 'neo4j',
    source: {
      uri: e.NEO4J_URI ? 'env' : 'default',
      user: e.NEO4J_USER ? 'env' : 'default',
      password: e.NEO4J_PASSWORD ? 'env' : 'default',
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Java / Maven detection
// ---------------------------------------------------------------------------------------------------------------

/** Neo4j 5.26 supports Java 17 and 21; a newer default JDK (e.g. Temurin 25) must not be picked up. */
const SUPPORTED_JAVA_MAJORS = new Set([17, 21]);

function javaMajor(javaBin: string): number | null {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m?.[1]) return null;
  const major = Number(m[1]);
  // Java 8 and older report "1.8.0_x".
  return major === 1 && m[2] ? Number(m[2]) : major;
}

/**
 * `java Launcher.java` (source-file mode) compiles in memory with the jdk.compiler module, which a JRE
 * (e.g. Debian's openjdk-17-jre-headless) does not have: a JDK is required.
 */
function hasCompiler(javaBin: string): boolean {
  const r = spawnSync(javaBin, ['--list-modules'], { encoding: 'utf8', timeout: 20_000 });
  return !r.error && r.status === 0 && /^jdk\.compiler@/m.test(r.stdout);
}

let cachedJava: { bin: string } | { error: string } | undefined;

/**
 * Picks the java binary: NEO4J_JAVA (if set, the only candidate), then $JAVA_HOME/bin/java, then `java` on PATH, then any JDK 17/21 under
 * /usr/lib/jvm. The first one whose major version Neo4j 5.26 supports wins.
 */
export function resolveJava(): { bin: string } | { error: string } {
  if (cachedJava) return cachedJava;
  const candidates: string[] = [];
  if (process.env.NEO4J_JAVA) {
    // An explicit choice is authoritative: silently falling back to another JDK would hide a typo.
    const bin = process.env.NEO4J_JAVA;
    const major = javaMajor(bin);
    if (major === null || !SUPPORTED_JAVA_MAJORS.has(major)) {
      cachedJava = { error: `NEO4J_JAVA=${bin} is not a runnable Java 17 or 21` };
    } else if (!hasCompiler(bin)) {
      cachedJava = { error: `NEO4J_JAVA=${bin} is a JRE; a JDK 17/21 is needed (jdk.compiler module)` };
    } else {
      cachedJava = { bin };
    }
    return cachedJava;
  }
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  try {
    for (const d of fs.readdirSync('/usr/lib/jvm').sort()) {
      if (/(^|-)(17|21)(\b|-|\.)/.test(d)) candidates.push(path.join('/usr/lib/jvm', d, 'bin', 'java'));
    }
  } catch {
    // no /usr/lib/jvm on this OS: PATH is all we have
  }
  const seen: string[] = [];
  for (const bin of candidates) {
    const major = javaMajor(bin);
    if (major === null) {
      seen.push(`${bin} (not runnable)`);
    } else if (!SUPPORTED_JAVA_MAJORS.has(major)) {
      seen.push(`${bin} (Java ${major})`);
    } else if (!hasCompiler(bin)) {
      seen.push(`${bin} (Java ${major} JRE, no jdk.compiler)`);
    } else {
      return (cachedJava = { bin });
    }
  }
  return (cachedJava = { error: `no JDK 17 or 21 found (a JRE is not enough); tried ${seen.join(', ')}` });
}

function mvnAvailable(): boolean {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8', timeout: 60_000 });
  return !r.error && r.status === 0;
}

function pomHash(): string {
  return createHash('sha256').update(fs.readFileSync(POM)).digest('hex');
}

/** True when .neo4j/lib holds a complete fetch for the current pom.xml. */
export function jarsCached(): boolean {
  try {
    return fs.readFileSync(path.join(NEO4J_LIB_DIR, LIB_STAMP), 'utf8').trim() === pomHash();
  } catch {
    return false;
  }
}

/** Java is always needed; Maven only until the jars are cached. */
export function javaAvailable(): { ok: boolean; reason?: string } {
  const java = resolveJava();
  if ('error' in java) return { ok: false, reason: java.error };
  if (!jarsCached() && !mvnAvailable()) {
    return { ok: false, reason: 'Neo4j jars are not cached in .neo4j/lib and `mvn` is not on PATH to fetch them' };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Fetching jars
// ---------------------------------------------------------------------------------------------------------------

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      // Only the tail matters for error messages; mvn can be chatty on failure.
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => resolve({ code: null, output: `${output}\n${err.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

export interface FetchResult {
  libDir: string;
  /** false when the jars were already cached and nothing was downloaded. */
  fetched: boolean;
  ms: number;
}

/**
 * Copies the runtime dependencies of scripts/neo4j/pom.xml into .neo4j/lib. Idempotent and safe to call from
 * parallel processes: each fetch goes to its own temp folder that is renamed into place only when complete.
 * Maven Central sometimes answers 429 under bursts, so failures are retried with exponential back-off.
 */
export async function fetchNeo4jJars(
  opts: { attempts?: number; log?: (msg: string) => void } = {},
): Promise<FetchResult> {
  const t0 = Date.now();
  if (jarsCached()) return { libDir: NEO4J_LIB_DIR, fetched: false, ms: 0 };
  const log = opts.log ?? ((msg: string) => console.error(msg));
  const attempts = opts.attempts ?? 5;
  fs.mkdirSync(NEO4J_STATE_DIR, { recursive: true });
  const hash = pomHash();
  const tmp = path.join(NEO4J_STATE_DIR, `lib.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);

  let lastOutput = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const { code, output } = await run(
      'mvn',
      ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'],
      REPO_ROOT,
    );
    if (code === 0) break;
    lastOutput = output;
    if (attempt === attempts) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw new Error(`mvn dependency:copy-dependencies failed ${attempts} times; last output:\n${lastOutput}`);
    }
    const delay = 5_000 * 2 ** (attempt - 1); // 5 s, 10 s, 20 s, 40 s
    log(
      `mvn failed (attempt ${attempt}/${attempts}${/\b429\b/.test(output) ? ', HTTP 429' : ''}); retrying in ${delay / 1000} s`,
    );
    await sleep(delay);
  }

  if (!fs.readdirSync(tmp).some((f) => /^neo4j-5\.26\.\d+\.jar$/.test(f))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error('mvn succeeded but the neo4j-5.26.x jar is missing from its output');
  }
  fs.writeFileSync(path.join(tmp, LIB_STAMP), `${hash}\n`);

  if (jarsCached()) {
    // Another process finished first; keep its copy (it may be in use) and drop ours.
    fs.rmSync(tmp, { recursive: true, force: true });
  } else {
    if (fs.existsSync(NEO4J_LIB_DIR)) {
      const old = `${NEO4J_LIB_DIR}.old-${process.pid}`;
      fs.renameSync(NEO4J_LIB_DIR, old);
      fs.rmSync(old, { recursive: true, force: true });
    }
    fs.renameSync(tmp, NEO4J_LIB_DIR);
    // A CDS archive records the jars' paths and mtimes; new jars make it unusable.
    fs.rmSync(CDS_DIR, { recursive: true, force: true });
  }
  return { libDir: NEO4J_LIB_DIR, fetched: true, ms: Date.now() - t0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Class-data sharing: the first clean run of the JVM dumps the classes it loaded (~100 MB) into an archive that
// later runs map directly; that saves ~1-1.5 s of a ~5.5 s start on a 2-core machine. The dumping run itself is
// ~10 s slower (plus ~6 s at exit), so it pays off only on machines that start Neo4j many times: CI (CI=true)
// works from a fresh clone every run and never dumps, it only uses an archive that happens to exist.
// A dump is written at JVM exit, so it is complete only if the process exited on its own; a truncated archive
// crashes the JVM, so a pending dump is promoted to CDS_ARCHIVE only after a clean exit, and a start that dies
// early while using an archive deletes it and retries without.
// ---------------------------------------------------------------------------------------------------------------

interface CdsPlan {
  flags: string[];
  /** Set when this run dumps a new archive: where it is written, to be promoted after a clean exit. */
  pending?: string;
  usingArchive: boolean;
}

function planCds(enabled: boolean): CdsPlan {
  if (!enabled || process.env.NEO4J_NO_CDS === '1') return { flags: [], usingArchive: false };
  if (fs.existsSync(CDS_ARCHIVE)) {
    if (hasDynamicArchiveMagic(CDS_ARCHIVE)) {
      return { flags: [`-XX:SharedArchiveFile=${CDS_ARCHIVE}`], usingArchive: true };
    }
    // Not an archive at all: HotSpot would silently run without any sharing (not even the JDK's own).
    dropCdsArchive();
  }
  if (process.env.CI === 'true') return { flags: [], usingArchive: false };
  fs.mkdirSync(CDS_DIR, { recursive: true });
  const pending = path.join(CDS_DIR, `pending-${process.pid}-${randomBytes(4).toString('hex')}.jsa`);
  // -Xlog:cds=off: the dump lists ~800 skipped classes (signed jars, old class versions) as warnings.
  return { flags: [`-XX:ArchiveClassesAtExit=${pending}`, '-Xlog:cds=off'], pending, usingArchive: false };
}

/** HotSpot 17's dynamic archives start with the little-endian magic 0xf00baba8. */
function hasDynamicArchiveMagic(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      return fs.readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0xf00baba8;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Publishes a finished dump (rename is atomic, so readers never see a partial archive). */
function promoteCds(pending: string, cleanExit: boolean): void {
  try {
    if (cleanExit && fs.existsSync(pending) && !fs.existsSync(CDS_ARCHIVE)) fs.renameSync(pending, CDS_ARCHIVE);
  } catch {
    // best effort: a missing archive only costs start-up time
  }
  fs.rmSync(pending, { force: true });
}

function dropCdsArchive(): void {
  fs.rmSync(CDS_ARCHIVE, { force: true });
}

/**
 * HotSpot reports an unusable archive (new jars, another JDK) as "[warning][cds,dynamic] Unable to use shared
 * archive ..." and keeps running without it; deleting it lets the next clean run build a fresh one.
 */
function isCdsProblem(line: string): boolean {
  return /unable to use shared archive|error has occurred while processing the shared archive/i.test(line);
}

// ---------------------------------------------------------------------------------------------------------------
// Process helpers
// ---------------------------------------------------------------------------------------------------------------

/** Alive and not a zombie (PID 1 in some sandboxes never reaps orphans, so kill(pid, 0) alone can lie). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

/** Guards against PID reuse: only signal a process that really is our launcher. */
export function isLauncherPid(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('Launcher.java');
  } catch {
    return pidAlive(pid); // no /proc: best effort
  }
}

async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await sleep(100);
  }
  return !pidAlive(pid);
}

/**
 * Stops a launcher that this process did not spawn (scripts/neo4j/stop.ts): SIGTERM lets the shutdown hook
 * checkpoint the store; SIGKILL only after `timeoutMs`. Returns how it ended.
 */
export async function stopPid(pid: number, timeoutMs = 30_000): Promise<'not-running' | 'stopped' | 'killed'> {
  if (!pidAlive(pid)) return 'not-running';
  process.kill(pid, 'SIGTERM');
  if (await waitForPidExit(pid, timeoutMs)) return 'stopped';
  process.kill(pid, 'SIGKILL');
  await waitForPidExit(pid, 10_000);
  return 'killed';
}

/** Detached servers record their pending CDS dump next to the pid file, so stop.ts can promote it. */
export function pendingCdsFileFor(pidFile: string): string {
  return `${pidFile}.cds`;
}

/** Called by stop.ts after a detached server exited on its own after SIGTERM. */
export function promoteDetachedCds(pidFile: string, cleanExit: boolean): void {
  const marker = pendingCdsFileFor(pidFile);
  try {
    const pending = fs.readFileSync(marker, 'utf8').trim();
    if (pending) promoteCds(pending, cleanExit);
  } catch {
    // no dump was pending
  }
  fs.rmSync(marker, { force: true });
}

/** Asks Bolt itself: a listening port is not enough, the DBMS must authenticate and route to a database. */
export async function boltAnswers(
  uri: string,
  user: string,
  password: string | null,
  database = 'neo4j',
): Promise<{ ok: true } | { ok: false; error: string }> {
  // No auth token at all when auth is disabled (the driver then sends scheme "none").
  const driver = neo4j.driver(uri, password === null ? undefined : neo4j.auth.basic(user, password), {
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity({ database });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await driver.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Starting a server
// ---------------------------------------------------------------------------------------------------------------

export interface StartNeo4jOptions {
  /** Neo4j home for this server: store files land in <dataDir>/data, logs in <dataDir>/logs. */
  dataDir: string;
  port: number;
  /** Password of the `neo4j` user; null disables authentication. */
  password: string | null;
  /** JVM heap (-Xms and -Xmx), e.g. '512m'. Default '512m'. */
  heap?: string;
  /** Neo4j page cache (off-heap), e.g. '256m'. Default '256m'. */
  pagecache?: string;
  /**
   * Detached servers outlive this process (npm run neo4j:start): output goes to `logFile` and the child is
   * unref'd. Attached servers (tests) are tied to this process through a stdin pipe and stop when it exits.
   */
  detached?: boolean;
  /** Launcher stdout/stderr for detached servers. Default <dataDir>/launcher.log. */
  logFile?: string;
  /** For detached servers: file where the pending CDS dump path is recorded (see promoteDetachedCds). */
  pidFile?: string;
  /** Overall deadline for "Bolt answers". Default 120 s. */
  timeoutMs?: number;
  /** Use/build the class-data-sharing archive. Default true (NEO4J_NO_CDS=1 turns it off globally). */
  cds?: boolean;
  /** More JVM flags, after the usual ones (e.g. `-XX:StartFlightRecording=…` to profile the server). */
  jvmFlags?: readonly string[];
}

export interface LauncherInfo {
  version: string;
  heapMaxMiB: number;
  pagecacheBytes: number;
  /** Time inside the JVM from main() to READY (excludes JVM start and compiling Launcher.java). */
  launcherMs: number;
}

export interface Neo4jServer {
  uri: string;
  pid: number;
  dataDir: string;
  port: number;
  info: LauncherInfo;
  /** Wall-clock time from spawn to the first successful Bolt verifyConnectivity. */
  readyMs: number;
  /** Graceful: SIGTERM (the shutdown hook checkpoints), SIGKILL after 30 s. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL, no checkpoint: simulates a crash. Use exited() to wait until the store lock is released. */
  kill(): void;
  /** Resolves when the JVM process has exited (for any reason). */
  exited(): Promise<void>;
}

const READY_RE = /^READY (\S+) pid=(\d+) version=(\S+) heapMax=(\d+)m pagecache=(\d+) auth=(?:on|off) startupMs=(\d+)/;

class StartError extends Error {
  constructor(
    message: string,
    /** The JVM exited before READY without a FAILED line: a crash, e.g. from a damaged CDS archive. */
    readonly jvmDiedSilently: boolean,
  ) {
    super(message);
  }
}

/**
 * Spawns the launcher and resolves once the Bolt server accepts authenticated connections to `neo4j`.
 * Rejects (after killing the JVM) on FAILED, early exit, or timeout, with the launcher's last output lines.
 */
export async function startNeo4j(opts: StartNeo4jOptions): Promise<Neo4jServer> {
  if (!jarsCached()) await fetchNeo4jJars();
  const cds = planCds(opts.cds ?? true);
  try {
    return await startOnce(opts, cds);
  } catch (err) {
    if (err instanceof StartError && err.jvmDiedSilently && cds.usingArchive) {
      // A stale or damaged archive can crash the JVM before Neo4j prints anything: rebuild it next time.
      dropCdsArchive();
      return startOnce(opts, { flags: [], usingArchive: false });
    }
    throw err;
  }
}

async function startOnce(opts: StartNeo4jOptions, cds: CdsPlan): Promise<Neo4jServer> {
  const java = resolveJava();
  if ('error' in java) throw new Error(java.error);
  const heap = opts.heap ?? '512m';
  const pagecache = opts.pagecache ?? '256m';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });

  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    ...cds.flags,
    ...(opts.jvmFlags ?? []),
    '-cp',
    `${NEO4J_LIB_DIR}${path.sep}*`,
    LAUNCHER,
    '--data',
    dataDir,
    '--port',
    String(opts.port),
    '--password-env',
    PASSWORD_ENV,
    '--heap',
    heap,
    '--pagecache',
    pagecache,
    ...(opts.detached ? [] : ['--watch-stdin']),
  ];
  const env = { ...process.env, [PASSWORD_ENV]: opts.password ?? 'none' };

  const t0 = Date.now();
  let child: ChildProcess;
  let logFile: string | undefined;
  if (opts.detached) {
    logFile = opts.logFile ?? path.join(dataDir, 'launcher.log');
    const fd = fs.openSync(logFile, 'w');
    try {
      child = spawn(java.bin, args, { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', fd, fd] });
    } finally {
      fs.closeSync(fd);
    }
    child.unref();
  } else {
    child = spawn(java.bin, args, { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${java.bin}`);
  if (opts.detached && opts.pidFile && cds.pending) fs.writeFileSync(pendingCdsFileFor(opts.pidFile), cds.pending);

  // Mutated from event callbacks; kept in an object so TypeScript does not narrow the fields to their
  // initial null values in the polling loops below.
  const st: {
    exit: { code: number | null; signal: NodeJS.Signals | null } | null;
    killedByUs: boolean;
    ready: string | null;
    failed: string | null;
    tail: string[];
    /** Attached mode: stdout/stderr readers not yet at EOF (the exit event can overtake the last lines). */
    openStreams: number;
  } = { exit: null, killedByUs: false, ready: null, failed: null, tail: [], openStreams: 0 };
  child.once('exit', (code, signal) => {
    st.exit = { code, signal };
  });
  child.once('error', (err) => {
    st.tail.push(`spawn error: ${err.message}`);
    st.exit ??= { code: null, signal: null };
  });

  // --- output: keep a tail for error messages, spot READY / FAILED / CDS warnings --------------------------
  const onLine = (line: string): void => {
    st.tail.push(line);
    if (st.tail.length > 40) st.tail.shift();
    if (line.startsWith('READY ')) st.ready = line;
    else if (line.startsWith('FAILED ')) st.failed = line;
    if (cds.usingArchive && isCdsProblem(line)) dropCdsArchive();
  };
  let pollLog: (() => void) | undefined;
  if (child.stdout && child.stderr) {
    // Readers stay attached for the server's whole life: a full pipe would block the JVM.
    for (const input of [child.stdout, child.stderr]) {
      st.openStreams++;
      readline
        .createInterface({ input })
        .on('line', onLine)
        .on('close', () => st.openStreams--);
    }
  } else if (logFile) {
    const file = logFile;
    let offset = 0;
    let partial = '';
    pollLog = () => {
      let buf: Buffer;
      try {
        buf = fs.readFileSync(file);
      } catch {
        return;
      }
      if (buf.length <= offset) return;
      const text = partial + buf.subarray(offset).toString('utf8');
      offset = buf.length;
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(onLine);
    };
  }

  // Polls as well as listening for 'exit': a detached child is unref'd, and an await on its exit event alone
  // would let Node's event loop drain and the process quit silently before the event arrives.
  const awaitExit = async (timeoutMs = Infinity): Promise<boolean> => {
    const until = Date.now() + timeoutMs;
    while (!st.exit && pidAlive(pid)) {
      if (Date.now() > until) return false;
      await sleep(100);
    }
    return true;
  };

  const describeFailure = (what: string): string =>
    [
      what,
      '--- launcher output (last lines) ---',
      ...st.tail,
      `--- Neo4j log: ${path.join(dataDir, 'logs', 'debug.log')}${logFile ? `; launcher log: ${logFile}` : ''}`,
    ].join('\n');
  const abort = async (what: string, jvmDiedSilently: boolean): Promise<never> => {
    if (!st.exit) {
      st.killedByUs = true;
      child.kill('SIGKILL');
      await awaitExit();
    }
    if (cds.pending) promoteCds(cds.pending, false);
    if (opts.detached && opts.pidFile) fs.rmSync(pendingCdsFileFor(opts.pidFile), { force: true });
    throw new StartError(describeFailure(what), jvmDiedSilently);
  };

  // --- phase 1: wait for the launcher's READY line ---------------------------------------------------------
  const deadline = t0 + timeoutMs;
  let readyLine: string | null = null;
  let exitSeenAt: number | undefined;
  while (readyLine === null) {
    pollLog?.();
    if (st.failed) {
      const hint = /address already in use/i.test(st.failed) ? `port ${opts.port} is already in use; ` : '';
      return abort(`Neo4j failed to start: ${hint}${st.failed.slice('FAILED '.length)}`, false);
    }
    if (st.exit) {
      // The exit event can overtake the last output lines (a FAILED line decides how we react): drain first.
      pollLog?.();
      exitSeenAt ??= Date.now();
      const drained = st.openStreams === 0 || Date.now() - exitSeenAt > 2_000;
      if (drained && !st.ready && !st.failed) {
        const { code, signal } = st.exit;
        return abort(`Neo4j launcher exited before READY (code ${code}, signal ${signal})`, true);
      }
    }
    if (Date.now() > deadline) return abort(`Neo4j did not print READY within ${timeoutMs / 1000} s`, false);
    if (st.ready) readyLine = st.ready;
    else await sleep(100);
  }
  const m = READY_RE.exec(readyLine);
  if (!m) return abort(`unexpected READY line: ${readyLine}`, false);
  const info: LauncherInfo = {
    version: m[3] ?? '?',
    heapMaxMiB: Number(m[4]),
    pagecacheBytes: Number(m[5]),
    launcherMs: Number(m[6]),
  };
  const uri = `bolt://127.0.0.1:${opts.port}`;

  // --- phase 2: Bolt must actually answer ------------------------------------------------------------------
  // READY is printed after the DBMS started and the password was applied, so this normally succeeds at once;
  // retry anyway (with a fixed user, so no auth-failure lock-outs build up from guessing).
  let lastError = '';
  for (;;) {
    const res = await boltAnswers(uri, 'neo4j', opts.password);
    if (res.ok) break;
    lastError = res.error;
    if (st.exit) return abort(`Neo4j exited while waiting for Bolt: ${lastError}`, false);
    if (Date.now() > deadline) return abort(`Bolt did not answer within ${timeoutMs / 1000} s: ${lastError}`, false);
    await sleep(250);
  }
  const readyMs = Date.now() - t0;

  let stopping: Promise<void> | null = null;
  const server: Neo4jServer = {
    uri,
    pid,
    dataDir,
    port: opts.port,
    info,
    readyMs,
    exited: async () => {
      await awaitExit();
    },
    kill: () => {
      if (st.exit) return;
      st.killedByUs = true;
      child.kill('SIGKILL');
      // A dump interrupted by SIGKILL is truncated; it must never be published.
      const pending = cds.pending;
      if (pending) void awaitExit().then(() => promoteCds(pending, false));
    },
    stop: () => {
      stopping ??= (async () => {
        if (!st.exit) {
          child.kill('SIGTERM');
          if (!(await awaitExit(30_000))) {
            st.killedByUs = true;
            child.kill('SIGKILL');
            await awaitExit();
          }
        }
        if (cds.pending) promoteCds(cds.pending, !st.killedByUs);
        if (opts.detached && opts.pidFile) fs.rmSync(pendingCdsFileFor(opts.pidFile), { force: true });
      })();
      return stopping;
    },
  };
  return server;
}

/** Finds a free TCP port on 127.0.0.1 (tiny race between closing the probe and Neo4j binding it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** A fresh, empty temp folder for a throwaway server. */
export function makeTempDataDir(prefix = 'textbook-graph-neo4j-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
