// Single-file launcher for the local, Docker-free Neo4j (Community 5.26.x) used in development, tests and CI.
//
// Owns: turning a handful of command-line flags into an embedded DatabaseManagementService with the Bolt
// connector on 127.0.0.1:<port>, setting the password of the built-in `neo4j` user, printing one READY line
// for the Node side to wait on, and shutting the DBMS down cleanly on SIGTERM / Ctrl-C / stdin EOF.
// Does not own: fetching jars (scripts/neo4j/pom.xml + runtime.ts), picking ports, or process supervision.
//
// Run straight from source (Java 11+ "source-file mode", no build step):
//   java -Xms512m -Xmx512m \
//     --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
//     --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
//     -cp '.neo4j/lib/*' scripts/neo4j/Launcher.java \
//     --data .neo4j/data --port 7687 --password textbook-graph-dev --heap 512m --pagecache 256m [--watch-stdin]
// (--password-env VAR reads the password from an environment variable instead; `none` disables auth.)
//
// Output protocol (stdout, one line each, parsed by runtime.ts):
//   READY bolt://127.0.0.1:<port> pid=<pid> version=<v> heapMax=<MiB>m pagecache=<bytes> auth=<on|off> startupMs=<ms>
//   FAILED <message>            (then exit code 1)
//   STOPPED                     (after a clean shutdown)

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

public final class Launcher {
    private Launcher() {}

    /** Parsed command line; every field has a development-friendly default. */
    private static final class Options {
        Path data = Path.of(".neo4j", "data");
        int port = 7687;
        /** null means "auth disabled" (flag value `none`). */
        String password = null;
        String heap = null;
        long pagecacheBytes = parseSize("256m");
        boolean watchStdin = false;
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Options opts;
        try {
            opts = parseArgs(args);
        } catch (IllegalArgumentException e) {
            fail("bad arguments: " + e.getMessage() + "\nusage: Launcher.java --data <dir> --port <port> "
                    + "(--password <pw|none> | --password-env <VAR>) [--heap <size>] [--pagecache <size>] [--watch-stdin]");
            return;
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(opts.data);
            if (opts.password != null && seedInitialPassword(opts.data.toAbsolutePath(), opts.password)) {
                // auth.ini is applied when the system database is created, so the marker can be written now.
                Files.writeString(passwordMarker(opts), sha256(opts.password) + "\n");
            }
            dbms = buildDbms(opts);
            System.err.println("[launcher] DBMS started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable e) {
            // Typical causes: the port is taken, the store is locked by another process, or the JVM lacks
            // the --add-opens flags (LinkageError about java.nio.DirectByteBuffer).
            fail(describe(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            // Runs at most once, whether triggered by SIGTERM/SIGINT (shutdown hook) or by stdin EOF.
            if (!shuttingDown.compareAndSet(false, true)) return;
            try {
                dbms.shutdown(); // flushes the page cache and checkpoints, so the next start needs no recovery
                System.out.println("STOPPED");
            } catch (Throwable e) {
                System.err.println("error during shutdown: " + describe(e));
            } finally {
                System.out.flush();
                stopped.countDown();
            }
        };
        // A shutdown hook is what the JVM runs on SIGTERM and SIGINT; SIGKILL skips it (that is the crash case,
        // which Neo4j handles by replaying its transaction log on the next start).
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-launcher-shutdown"));

        try {
            if (opts.password != null) ensurePassword(dbms, passwordMarker(opts), opts.password);
            System.err.println("[launcher] auth ready after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable e) {
            fail("could not set the password of user neo4j: " + describe(e));
            return; // fail() exits; the hook then shuts the DBMS down
        }

        long startupMs = (System.nanoTime() - t0) / 1_000_000;
        long heapMaxMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (opts.heap != null && Math.abs(heapMaxMiB * 1024 * 1024 - parseSize(opts.heap)) > parseSize(opts.heap) / 10) {
            // The heap is a JVM flag (-Xmx) and cannot be changed from inside; --heap only lets us catch a
            // launcher invocation where the two disagree.
            System.err.println("warning: --heap " + opts.heap + " but the JVM max heap is " + heapMaxMiB
                    + "m; pass -Xms/-Xmx to java");
        }
        System.out.println(String.format(Locale.ROOT,
                "READY bolt://127.0.0.1:%d pid=%d version=%s heapMax=%dm pagecache=%d auth=%s startupMs=%d",
                opts.port, ProcessHandle.current().pid(), Version.getNeo4jVersion(), heapMaxMiB,
                opts.pagecacheBytes, opts.password == null ? "off" : "on", startupMs));
        System.out.flush();

        if (opts.watchStdin) {
            // Test servers are started with a stdin pipe: when the parent (the test runner) dies, the pipe
            // closes and we stop instead of lingering as an orphan holding memory and a port.
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; only EOF matters
                    }
                } catch (Exception ignored) {
                    // treat a broken stdin like EOF
                }
                shutdown.run();
                System.exit(0);
            }, "neo4j-launcher-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        // Neo4j's own threads may be daemons; keep the JVM alive until a shutdown has completed.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hash of the password last applied to this store; lives next to data/ and logs/ in the Neo4j home. */
    private static Path passwordMarker(Options opts) {
        return opts.data.resolve("launcher-password.sha256");
    }

    private static DatabaseManagementService buildDbms(Options opts) {
        Map<org.neo4j.graphdb.config.Setting<?>, Object> cfg = new HashMap<>();
        cfg.put(BoltConnector.enabled, true);
        // Loopback only: this is a development server and must never be reachable from other hosts.
        cfg.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", opts.port));
        cfg.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", opts.port));
        cfg.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        cfg.put(GraphDatabaseSettings.auth_enabled, opts.password != null);
        // Default would be ~half of the machine's RAM; tests run several things on a 2-core box.
        cfg.put(GraphDatabaseSettings.pagecache_memory, opts.pagecacheBytes);
        // No phone-home: faster start, and the machines have no general internet anyway.
        cfg.put(GraphDatabaseSettings.udc_enabled, false);
        // Preallocating 256 MiB transaction-log files per database costs disk and start-up time for
        // throwaway test servers; the throughput difference does not matter here.
        cfg.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        // Keep dev/test data dirs from growing without bound with old transaction logs.
        cfg.put(GraphDatabaseSettings.keep_logical_logs, "2 files");
        // Bolt's defaults wait 5 s for worker threads and 5 s for connections on shutdown (10 s per stop, which
        // adds up across test restarts). These are internal settings of the pinned 5.26 line; the pom pins it.
        cfg.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500));
        cfg.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500));
        // Skip the multi-page environment report (JVM, OS, store files) written to debug.log on every start.
        cfg.put(GraphDatabaseInternalSettings.dump_diagnostics, false);
        return new DatabaseManagementServiceBuilder(opts.data.toAbsolutePath()).setConfig(cfg).build();
    }

    /**
     * Fresh store: seed the `neo4j` user's password the way `neo4j-admin dbms set-initial-password` does, by
     * writing data/dbms/auth.ini, which the system database reads once when it is first created. This avoids
     * a Cypher ALTER USER on first start, which costs ~4 s of cold system-command compilation. Returns false
     * when the store already exists (the file would be ignored) or the internal API misbehaves.
     */
    private static boolean seedInitialPassword(Path home, String password) {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        if (Files.exists(config.get(GraphDatabaseSettings.data_directory).resolve("databases").resolve("system"))) {
            return false;
        }
        try {
            FileUserRepository repo = new FileUserRepository(new DefaultFileSystemAbstraction(),
                    CommunitySecurityModule.getInitialUserRepositoryFile(config), NullLogProvider.getInstance(),
                    EmptyMemoryTracker.INSTANCE);
            repo.start();
            // User(name, id, credential, passwordChangeRequired, suspended)
            repo.create(new User("neo4j", null, SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
            repo.shutdown();
            return true;
        } catch (Throwable e) {
            System.err.println("[launcher] could not seed auth.ini, will use ALTER USER: " + describe(e));
            return false;
        }
    }

    /**
     * Existing store: make sure `neo4j` has the requested password. Community edition creates the user with
     * password "neo4j" (change required) unless auth.ini was seeded. The marker file remembers a hash of the
     * password we last set, so normal restarts skip the slow ALTER USER entirely.
     */
    private static void ensurePassword(DatabaseManagementService dbms, Path marker, String password) throws Exception {
        String wanted = sha256(password);
        if (Files.exists(marker) && Files.readString(marker).trim().equals(wanted)) return;
        try {
            // The embedded API runs with full privileges, so no old password is needed.
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to itself; that is exactly the state we want.
            String msg = describe(e).toLowerCase(Locale.ROOT);
            if (!msg.contains("cannot be the same")) throw e;
        }
        Files.writeString(marker, wanted + "\n");
    }

    private static String sha256(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (byte b : d) sb.append(String.format(Locale.ROOT, "%02x", b));
        return sb.toString();
    }

    private static Options parseArgs(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--watch-stdin")) {
                o.watchStdin = true;
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + flag);
            String v = args[++i];
            switch (flag) {
                case "--data" -> o.data = Path.of(v);
                case "--port" -> {
                    o.port = Integer.parseInt(v);
                    if (o.port < 1 || o.port > 65535) throw new IllegalArgumentException("port out of range: " + v);
                }
                case "--password" -> o.password = v.equals("none") ? null : v;
                case "--password-env" -> {
                    // Preferred by runtime.ts: a password on the command line is visible to every user via ps.
                    String fromEnv = System.getenv(v);
                    if (fromEnv == null || fromEnv.isEmpty()) throw new IllegalArgumentException("env var " + v + " is not set");
                    o.password = fromEnv.equals("none") ? null : fromEnv;
                }
                case "--heap" -> {
                    parseSize(v); // validate early
                    o.heap = v;
                }
                case "--pagecache" -> o.pagecacheBytes = parseSize(v);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return o;
    }

    /** Parses JVM-style sizes: 512m, 1g, 256k, or plain bytes. */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) throw new IllegalArgumentException("empty size");
        long mult = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = mult == 1L ? t : t.substring(0, t.length() - 1);
        try {
            return Long.parseLong(digits) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size: " + s);
        }
    }

    /** The root cause is usually the informative part of Neo4j's nested lifecycle exceptions. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        Throwable c = e.getCause();
        for (int depth = 0; c != null && depth < 8; depth++, c = c.getCause()) sb.append(" <- ").append(c);
        return sb.toString().replace('\n', ' ');
    }

    private static void fail(String message) {
        System.out.println("FAILED " + message.replace('\n', ' '));
        System.out.flush();
        System.exit(1);
    }
}
