package org.racetiming.ingest.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.racetiming.ingest.publish.EventPublisher.PublishException;
import org.racetiming.serde.AvroSerde;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topic;
import org.racetiming.topics.TopicLayout;
import org.racetiming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before anything is read or served, that Kafka and the schema registry answer, with a
 * bounded number of tries, so that a wrong address or a cluster that is down ends in one clear
 * message instead of a producer blocking on every send.
 */
public final class StackCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StackCheck.class);

    private StackCheck() {
    }

    /**
     * Waits for the cluster to answer (at most {@link PublisherSettings#connectBudget()}), then creates
     * the project's topics that are missing.
     *
     * @throws PublishException naming the address and the tries, when Kafka does not answer
     */
    public static void prepareKafka(String bootstrapServers, PublisherSettings settings, int partitions, short replication) {
        prepareKafka(bootstrapServers, settings, TopicLayout.of(partitions, replication));
    }

    /** Like {@link #prepareKafka(String, PublisherSettings, int, short)}, missing topics laid out as given. */
    public static void prepareKafka(String bootstrapServers, PublisherSettings settings, TopicLayout layout) {
        int timeoutMs = (int) settings.connectTimeout().toMillis();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "timing-ingest-check",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (KafkaException e) {
            // e.g. no resolvable bootstrap address: no retry will help.
            throw new PublishException("cannot reach Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
        try {
            requireCluster(admin, bootstrapServers, settings);
            Topics.ensureTopics(admin, layout);
        } catch (KafkaException e) {
            throw new PublishException("cannot create the topics on Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static void requireCluster(Admin admin, String bootstrapServers, PublisherSettings settings) {
        long timeoutMs = settings.connectTimeout().toMillis();
        Exception last = null;
        for (int attempt = 1; attempt <= settings.connectAttempts(); attempt++) {
            try {
                Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                        .nodes().get(timeoutMs + 500, TimeUnit.MILLISECONDS);
                LOG.debug("Kafka at {} answered with {} broker(s)", bootstrapServers, nodes.size());
                return;
            } catch (ExecutionException e) {
                last = e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while connecting to Kafka at " + bootstrapServers, e);
            }
            LOG.warn("Kafka at {} did not answer (try {} of {}): {}", bootstrapServers, attempt, settings.connectAttempts(),
                    last.getMessage());
            if (attempt < settings.connectAttempts()) {
                sleep(settings.retryBackoff());
            }
        }
        throw new PublishException("cannot reach Kafka at " + bootstrapServers + " (" + settings.connectAttempts()
                + " tries of " + settings.connectTimeout().toSeconds() + " s): "
                + (last == null ? "no answer" : last.getMessage()), last);
    }

    /**
     * Registers the schema of {@code timing-events} values (what the first send would do), so that a
     * registry that is down or refuses the schema is reported now. The client retries a bounded number
     * of times ({@link SchemaRegistryClient.Settings}).
     *
     * @throws PublishException naming the registry's address
     */
    public static void requireRegistry(SchemaRegistryClient registry, Topics topics) {
        Topic<String, ?> events = topics.timingEvents();
        if (!(events.valueSerde() instanceof AvroSerde<?> serde)) {
            return;
        }
        try {
            registry.register(serde.subject(events.name()), serde.schema());
        } catch (RuntimeException e) {
            throw new PublishException("cannot use the schema registry at " + registry.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting to retry Kafka", e);
        }
    }
}
