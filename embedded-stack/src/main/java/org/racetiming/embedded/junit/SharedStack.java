package org.racetiming.embedded.junit;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.racetiming.embedded.EmbeddedSchemaRegistry;
import org.racetiming.embedded.StackEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The broker and registry that all test classes of one JVM share. */
final class SharedStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
    static final String BROKER_PROPERTY = "racetiming.test.broker";
    /** The broker image matches the Kafka clients on the classpath (4.3.1, pinned in the parent pom). */
    static final String KAFKA_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();

    private final TestBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final StackEndpoints endpoints;

    private SharedStack(TestBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
        this.endpoints = new StackEndpoints(broker.bootstrapServers(), registry.url());
    }

    /** Broker and registry start in parallel: the registry's JVM takes longer than the broker. */
    static SharedStack start() {
        long started = System.nanoTime();
        CompletableFuture<EmbeddedSchemaRegistry> registry = CompletableFuture.supplyAsync(
                EmbeddedSchemaRegistry::start, runnable -> new Thread(runnable, "test-registry-start").start());
        TestBroker broker;
        try {
            broker = useContainer() ? ContainerBroker.start() : TestKitBroker.start();
        } catch (RuntimeException e) {
            registry.thenAccept(EmbeddedSchemaRegistry::close);
            throw e;
        }
        try {
            SharedStack stack = new SharedStack(broker, registry.join());
            LOG.info("Test stack ready in {} ms: {}", (System.nanoTime() - started) / 1_000_000, stack.endpoints);
            return stack;
        } catch (CompletionException e) {
            broker.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static boolean useContainer() {
        String choice = System.getProperty(BROKER_PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> false;
            case "container" -> true;
            case "" -> DockerHints.anyPresent() && DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(BROKER_PROPERTY + " must be 'embedded' or 'container', not '" + choice + "'");
        };
    }

    StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }

    private interface TestBroker extends AutoCloseable {
        String bootstrapServers();

        @Override
        void close();
    }

    /** Kafka's own test cluster: one combined KRaft node in this JVM. */
    private record TestKitBroker(KafkaClusterTestKit cluster) implements TestBroker {
        static TestKitBroker start() {
            long started = System.nanoTime();
            KafkaClusterTestKit cluster = null;
            try {
                cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build())
                        // Single replica internal topics and no rebalance delay: without them consumer groups hang.
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "4")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("transaction.state.log.num.partitions", "4")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024))
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                closeQuietly(cluster);
                throw new IllegalStateException("KafkaClusterTestKit did not start", e);
            }
            LOG.info("Test broker (KafkaClusterTestKit) ready at {} in {} ms", cluster.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
            return new TestKitBroker(cluster);
        }

        @Override
        public String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("KafkaClusterTestKit did not stop cleanly", e);
            }
        }

        private static void closeQuietly(KafkaClusterTestKit cluster) {
            if (cluster == null) {
                return;
            }
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.debug("closing a test cluster that failed to start", e);
            }
        }
    }

    /** A broker in Docker, from the image of the same Kafka version as the clients. */
    private record ContainerBroker(KafkaContainer container) implements TestBroker {
        static ContainerBroker start() {
            long started = System.nanoTime();
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                    .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
            container.start();
            LOG.info("Test broker (container {}) ready at {} in {} ms", KAFKA_IMAGE, container.getBootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            return new ContainerBroker(container);
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
