package org.racetiming.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.racetiming.embedded.watch.ParentWatchJar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Confluent-API schema registry: Apicurio Registry's runnable distribution in a child JVM,
 * on 127.0.0.1, with compatibility set to BACKWARD (Apicurio's default is NONE). Its storage is in memory, or
 * with {@link #startPersistent} an H2 database file (Apicurio's SQL storage, which its distribution carries), so
 * that schema ids outlive a restart: data on a kept broker refers to them. The child is destroyed by
 * {@link #close()}, and exits by itself within a second of this JVM's end however it ends ({@code ParentWatch}).
 * (No shutdown hook: one would kill the registry at the first moment of a Ctrl-C, while the topology still
 * needs it to finish its last records.)
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Apicurio stops in well under a second when asked; past this it is killed (H2 recovers from its log). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    /** Except when it writes its class-data archive at exit (the first start with a JDK and build): ~5 s on 2 cores. */
    private static final Duration RECORDING_STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Apicurio reads its datasource URL from this variable; the default is an in-memory H2 database. */
    static final String DATASOURCE_ENV = "REGISTRY_DATASOURCE_URL";
    static final String DATABASE_NAME = "registry_db";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;
    /** HTTP/1.1: Quarkus would otherwise be asked for an h2c upgrade on every request. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final Path workDir;
    private final Path logFile;
    private final String url;
    private final RegistryClassArchive classArchive;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ready;

    private EmbeddedSchemaRegistry(Process process, Path workDir, Path logFile, String url, RegistryClassArchive classArchive) {
        this.process = process;
        this.workDir = workDir;
        this.logFile = logFile;
        this.url = url;
        this.classArchive = classArchive;
    }

    /** Starts an in-memory registry on a free port; returns once it answers and uses BACKWARD compatibility. */
    public static EmbeddedSchemaRegistry start() {
        return start(ApicurioDistribution.ofThisJvm().runnerJar());
    }

    /**
     * Starts a registry whose schemas live in {@code dataDir} (created if missing) and survive a restart with the
     * same ids, on the given port.
     */
    public static EmbeddedSchemaRegistry startPersistent(Path dataDir, int port) {
        Path runnerJar = ApicurioDistribution.ofThisJvm().runnerJar();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dataDir, e);
        }
        long started = System.nanoTime();
        try {
            EmbeddedSchemaRegistry registry = startOnce(runnerJar, port, Map.of(DATASOURCE_ENV, h2FileUrl(dataDir)));
            LOG.info("Schema registry (Apicurio, schemas in {}) ready at {} in {} ms", dataDir, registry.url(),
                    (System.nanoTime() - started) / 1_000_000);
            return registry;
        } catch (PortTakenException e) {
            throw new IllegalStateException("the schema registry's port " + port + " is in use by another process", e);
        }
    }

    static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(DATABASE_NAME);
    }

    /** Starts the registry from the given Apicurio runner jar (its {@code lib/} next to it). */
    public static EmbeddedSchemaRegistry start(Path runnerJar) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                EmbeddedSchemaRegistry registry = startOnce(runnerJar, LocalPorts.pickFree(), Map.of());
                LOG.info("Schema registry (Apicurio) ready at {} in {} ms", registry.url(), (System.nanoTime() - started) / 1_000_000);
                return registry;
            } catch (PortTakenException e) {
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException("schema registry found no free port after " + START_ATTEMPTS + " attempts", e);
                }
                LOG.warn("Schema registry lost its port to another process; trying another one");
            }
        }
    }

    private static EmbeddedSchemaRegistry startOnce(Path runnerJar, int port, Map<String, String> environment) {
        Path workDir = createWorkDir();
        Path logFile = workDir.resolve("registry.log");
        RegistryClassArchive classArchive = RegistryClassArchive.forRunner(runnerJar, System.getProperties());
        Process process;
        try {
            List<String> jvmOptions = new ArrayList<>(classArchive.jvmOptions(workDir));
            jvmOptions.addAll(ParentWatchJar.jvmOptions(classArchive.cacheDir()));
            ProcessBuilder builder = new ProcessBuilder(command(runnerJar, port, workDir, jvmOptions))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            Directories.deleteQuietly(workDir);
            throw new UncheckedIOException("could not start the schema registry from " + runnerJar, e);
        } catch (RuntimeException e) {
            Directories.deleteQuietly(workDir);
            throw e;
        }
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(
                process, workDir, logFile, "http://" + LocalPorts.HOST + ":" + port + CCOMPAT_PATH, classArchive);
        try {
            registry.awaitReady();
            registry.setCompatibility("BACKWARD");
            registry.ready = true;
            return registry;
        } catch (RuntimeException e) {
            String tail = registry.logTail();
            registry.close();
            if (portTaken(tail)) {
                throw new PortTakenException(e);
            }
            throw new IllegalStateException(e.getMessage() + "\n--- last lines of " + logFile + " ---\n" + tail, e);
        }
    }

    /** Quarkus says "Port N seems to be in use by another process"; the JDK says "Address already in use". */
    static boolean portTaken(String log) {
        String text = log.toLowerCase(Locale.ROOT);
        return text.contains("seems to be in use by another process") || text.contains("address already in use");
    }

    static List<String> command(Path runnerJar, int port, Path workDir, List<String> extraJvmOptions) {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                // A registry for one machine needs little heap; C1 only and serial GC start it faster on 2 cores.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // Keeps everything it writes (e.g. Vert.x caches) inside the directory close() deletes.
                "-Djava.io.tmpdir=" + workDir,
                "-Dquarkus.http.host=" + LocalPorts.HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.log.level=WARN",
                // Started/listening lines stay in the log file, for the tail shown when a start fails.
                "-Dquarkus.log.category.\"io.quarkus\".level=INFO"));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-jar", runnerJar.toString()));
        return command;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/subjects")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = HTTP.send(probe, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException e) {
                // Not listening yet.
            } catch (IOException e) {
                LOG.debug("registry probe failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schema registry", e);
            }
            if (waitForExit(POLL_INTERVAL)) {
                throw new IllegalStateException("schema registry process exited with code " + process.exitValue());
            }
        }
        throw new IllegalStateException("schema registry did not answer at " + url + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    private boolean waitForExit(Duration duration) {
        try {
            return process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry", e);
        }
    }

    private void setCompatibility(String level) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", REGISTRY_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not set compatibility " + level + " at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring the schema registry", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("race-timing-registry-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for the schema registry", e);
        }
    }

    /** Confluent-compatible base URL, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String url() {
        return url;
    }

    /** The child process's output, inside a directory that {@link #close()} deletes. */
    public Path logFile() {
        return logFile;
    }

    /**
     * True while this is the first run of this registry build: stopping it then waits a few seconds for the JVM to
     * write its class-data archive, which makes every later start faster.
     */
    public boolean savesClassArchiveOnStop() {
        return classArchive.recording() && ready && !closed.get();
    }

    /** Destroys the child process and deletes its directory; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stopping = System.nanoTime();
        if (stopProcess(classArchive.recording() && ready ? RECORDING_STOP_TIMEOUT : STOP_TIMEOUT) && ready) {
            classArchive.keepRecording(workDir);
        }
        Directories.deleteQuietly(workDir);
        LOG.info("Schema registry at {} stopped in {} ms", url, (System.nanoTime() - stopping) / 1_000_000);
    }

    /** Asks the child to stop, then kills it; true when it stopped on its own. */
    private boolean stopProcess(Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The child could not bind the port picked for it: a fresh port may work. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException(Throwable cause) {
            super(cause);
        }
    }
}
