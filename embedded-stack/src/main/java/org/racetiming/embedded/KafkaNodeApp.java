package org.racetiming.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node (broker, controller or both) as a process, configured as the {@code apache/kafka} image is: every
 * {@code KAFKA_*} environment variable becomes a server property ({@code KAFKA_NODE_ID} &rarr; {@code node.id}: the
 * prefix dropped, lower case, {@code _} &rarr; {@code .}, {@code __} &rarr; {@code _}, {@code ___} &rarr; {@code -}),
 * and {@code CLUSTER_ID} formats the log directories on the first start. So the brokers of
 * {@code docker-compose.yml} can run as plain JVMs from the built jars, with the same variables (the deployment
 * test does that). Runs until SIGTERM, which shuts the node down in order.
 */
public final class KafkaNodeApp {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNodeApp.class);
    static final String CLUSTER_ID_ENV = "CLUSTER_ID";
    private static final String PREFIX = "KAFKA_";
    /** The image's variables that are not server properties (JVM options, logging, its own version). */
    private static final Set<String> NOT_PROPERTIES = Set.of("KAFKA_VERSION", "KAFKA_HOME", "KAFKA_HEAP_OPTS", "KAFKA_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_JMX_PORT", "KAFKA_JMX_HOSTNAME", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS",
            "KAFKA_LOG4J_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_DEBUG",
            // The clients' variable in this project, in case a shell exports it to every process.
            "KAFKA_BOOTSTRAP_SERVERS");

    private KafkaNodeApp() {
    }

    public static void main(String[] args) {
        Properties properties;
        String clusterId;
        try {
            properties = serverProperties(System.getenv());
            clusterId = clusterId(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("kafka-node: " + e.getMessage());
            System.exit(2);
            return;
        }
        KafkaRaftServer server;
        try {
            formatIfNeeded(properties, clusterId);
            server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            LOG.error("Kafka node did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "kafka-node-shutdown"));
        System.err.println("kafka-node: node " + properties.getProperty("node.id") + " (" + properties.getProperty("process.roles")
                + ") running, listeners " + properties.getProperty("listeners"));
        server.awaitShutdown();
    }

    /** The server properties the {@code KAFKA_*} variables give, as the apache/kafka image maps them. */
    static Properties serverProperties(Map<String, String> env) {
        Map<String, String> sorted = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && !NOT_PROPERTIES.contains(name)) {
                sorted.put(propertyName(name), value);
            }
        });
        if (!sorted.containsKey("node.id") || !sorted.containsKey("process.roles")) {
            throw new IllegalArgumentException("KAFKA_NODE_ID and KAFKA_PROCESS_ROLES are required (a KRaft node)");
        }
        Properties properties = new Properties();
        properties.putAll(sorted);
        return properties;
    }

    /** {@code KAFKA_LOG_DIRS} &rarr; {@code log.dirs}; {@code KAFKA_A__B} &rarr; {@code a_b}; {@code KAFKA_A___B} &rarr; {@code a-b}. */
    static String propertyName(String variable) {
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT)
                .replace("___", "-")
                .replace("__", "\u0000")
                .replace('_', '.')
                .replace('\u0000', '_');
    }

    static String clusterId(Map<String, String> env) {
        String id = env.get(CLUSTER_ID_ENV);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(CLUSTER_ID_ENV + " is required to format the log directories (e.g. from kafka-storage.sh random-uuid)");
        }
        return id;
    }

    /** Formats each log directory that has no meta.properties yet; a formatted one is left as it is. */
    private static void formatIfNeeded(Properties properties, String clusterId) {
        String logDirs = properties.getProperty("log.dirs", properties.getProperty("log.dir"));
        if (logDirs == null) {
            throw new IllegalArgumentException("KAFKA_LOG_DIRS is required");
        }
        Path first = Path.of(logDirs.split(",")[0].trim());
        try {
            Files.createDirectories(first);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + first, e);
        }
        // The storage tool reads a configuration file: a scratch one, not left beside the log.
        Path configDir;
        try {
            configDir = Files.createTempDirectory("kafka-node-format-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for the storage tool's configuration", e);
        }
        try {
            EmbeddedKafkaBroker.format(configDir, properties, clusterId);
        } finally {
            Directories.deleteQuietly(configDir);
        }
    }
}
