package org.racetiming.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster in this JVM: {@link KafkaRaftServer} as a combined KRaft node
 * (broker and controller), listening on 127.0.0.1: on free ports with its log in a temporary directory that
 * {@link #close()} deletes, or ({@link #startPersistent}) on given ports with its log in a directory kept for
 * the next start.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Ports are picked before they are bound, so another process may win one; then we try again. */
    private static final int START_ATTEMPTS = 3;
    static final int DEDUPE_BUFFER_BYTES = 2 * 1024 * 1024;

    private final KafkaRaftServer server;
    /** Holds the log directory and the configuration written for the storage tool. */
    private final Path baseDir;
    private final String bootstrapServers;
    /** A temporary base directory, deleted on close; a persistent one is kept. */
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path baseDir, boolean temporary, String bootstrapServers) {
        this.server = server;
        this.baseDir = baseDir;
        this.temporary = temporary;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a node whose log lives in {@code dataDir} (formatted on the first start, reused afterwards), on the
     * given ports: the controller's address is part of the stored quorum, and clients keep their bootstrap address.
     */
    public static EmbeddedKafkaBroker startPersistent(Path dataDir, int brokerPort, int controllerPort) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dataDir, e);
        }
        try {
            EmbeddedKafkaBroker broker = startIn(dataDir, false, brokerPort, controllerPort);
            LOG.info("Kafka broker (log in {}) ready at {} in {} ms", dataDir, broker.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            return broker;
        } catch (RuntimeException e) {
            if (portTaken(e)) {
                throw new IllegalStateException("the Kafka port " + brokerPort + " or " + controllerPort + " is in use by another process", e);
            }
            throw new IllegalStateException("embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /** Formats a fresh log directory and starts the node; returns once the broker accepts clients. */
    public static EmbeddedKafkaBroker start() {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                EmbeddedKafkaBroker broker = startOnce();
                LOG.info("Kafka broker ready at {} in {} ms", broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
                return broker;
            } catch (RuntimeException e) {
                if (!portTaken(e) || attempt == START_ATTEMPTS) {
                    throw new IllegalStateException("embedded Kafka broker did not start: " + e.getMessage(), e);
                }
                LOG.warn("Kafka broker lost a port to another process; trying other ports ({})", e.toString());
            }
        }
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static EmbeddedKafkaBroker startOnce() {
        return startIn(createBaseDir(), true, LocalPorts.pickFree(), LocalPorts.pickFree());
    }

    private static EmbeddedKafkaBroker startIn(Path baseDir, boolean temporary, int brokerPort, int controllerPort) {
        Path logDir = baseDir.resolve("log");
        KafkaRaftServer server = null;
        try {
            Properties properties = serverProperties(logDir, brokerPort, controllerPort);
            if (!Files.isRegularFile(logDir.resolve("meta.properties"))) {
                long formatting = System.nanoTime();
                format(baseDir, properties, Uuid.randomUuid().toString());
                LOG.debug("Kafka storage formatted in {} ms", (System.nanoTime() - formatting) / 1_000_000);
            }
            server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            // Returns once the broker is unfenced, i.e. ready for producers and consumers.
            server.startup();
            return new EmbeddedKafkaBroker(server, baseDir, temporary, LocalPorts.HOST + ":" + brokerPort);
        } catch (RuntimeException e) {
            stopQuietly(server);
            if (temporary) {
                Directories.deleteQuietly(baseDir);
            }
            throw e;
        }
    }

    static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        String host = LocalPorts.HOST;
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listeners", "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // One node: every internal topic must live with a single replica, or groups and transactions hang.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Few internal partitions: creating 50 offsets partitions delays the first consumer group by seconds.
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("transaction.state.log.num.partitions", "4"),
                // A lone consumer (or Streams instance) should not wait 3 s for others that never come.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The 128 MiB default is allocated up front and exhausts small heaps; Kafka requires more than 1 MiB.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES)),
                Map.entry("log.cleaner.threads", "1"),
                // A laptop-sized node: the defaults are tuned for servers with many cores.
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                // A stopping broker waits for its next heartbeat to the controller (every 2 s by default) to be let go;
                // a lone node on a laptop can beat faster, and Ctrl-C then returns sooner.
                Map.entry("broker.heartbeat.interval.ms", "250")));
        return props;
    }

    /**
     * What {@code kafka-storage.sh format --ignore-formatted} does: writes meta.properties and the bootstrap metadata
     * into every log directory of the configuration that has none yet (the configuration is written to
     * {@code configDir} for the storage tool).
     */
    static void format(Path configDir, Properties serverProperties, String clusterId) {
        Path configFile = configDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            serverProperties.store(writer, "embedded Kafka broker");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + configFile, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "--config", configFile.toString(), "--cluster-id", clusterId, "--ignore-formatted"}, out);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("could not format Kafka storage in " + serverProperties.getProperty("log.dirs") + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static Path createBaseDir() {
        try {
            return Files.createTempDirectory("race-timing-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a Kafka log directory", e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Kafka broker shutdown after a failed start", e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the node and deletes its log directory unless it is persistent; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (temporary) {
                Directories.deleteQuietly(baseDir);
            }
        }
        LOG.info("Kafka broker at {} stopped in {} ms", bootstrapServers, (System.nanoTime() - started) / 1_000_000);
    }
}
