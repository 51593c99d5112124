package org.racetiming.ingest;

import org.racetiming.config.EnvironmentSettings;
import java.util.Map;
import java.util.Objects;
import org.racetiming.ingest.http.HttpIngestSettings;
import org.racetiming.ingest.publish.PublisherSettings;

/**
 * The ingest service's configuration, from environment variables:
 * <pre>
 * KAFKA_BOOTSTRAP_SERVERS  required, e.g. kafka-1:9092,kafka-2:9092
 * SCHEMA_REGISTRY_URL      required, a Confluent-API registry, e.g. http://schema-registry:8081
 * INGEST_HTTP_PORT         default 8090
 * INGEST_TOKEN             the bearer token clients must send; without it the service refuses to start...
 * INGEST_OPEN              ...unless this is true: no authentication, for local use only
 * INGEST_MAX_BODY_BYTES    default 1048576 (1 MiB); larger bodies are answered 413
 * TOPIC_PARTITIONS         partitions of topics this service creates if they are missing, default 1
 * TOPIC_REPLICATION        their replication factor, default 1
 * </pre>
 */
public record IngestConfig(String bootstrapServers, String schemaRegistryUrl, HttpIngestSettings http,
                           int topicPartitions, short topicReplication, PublisherSettings publisher) {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";
    public static final String PORT_ENV = "INGEST_HTTP_PORT";
    /** The address to listen on (e.g. 127.0.0.1); unset: every interface, as a container needs. */
    public static final String HOST_ENV = "INGEST_HTTP_HOST";
    public static final String TOKEN_ENV = "INGEST_TOKEN";
    public static final String OPEN_ENV = "INGEST_OPEN";
    public static final String MAX_BODY_ENV = "INGEST_MAX_BODY_BYTES";
    public static final String PARTITIONS_ENV = "TOPIC_PARTITIONS";
    public static final String REPLICATION_ENV = "TOPIC_REPLICATION";

    public IngestConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(publisher, "publisher");
        if (topicPartitions < 1 || topicReplication < 1) {
            throw new IllegalArgumentException(PARTITIONS_ENV + " and " + REPLICATION_ENV + " must be at least 1");
        }
    }

    /**
     * Reads the environment; Kafka and the registry from it, or from the defaults given (the
     * {@code timing} command passes its embedded stack's).
     *
     * @throws IllegalArgumentException for a missing or malformed value, naming the variable
     * @throws IllegalStateException    when there is no token and the service is not run open
     */
    public static IngestConfig fromEnv(Map<String, String> env, String defaultBootstrap, String defaultRegistry, Integer portOverride,
                                       boolean openOverride) {
        EnvironmentSettings settings = new EnvironmentSettings(env);
        String bootstrap = settings.text(BOOTSTRAP_ENV, defaultBootstrap);
        String registry = settings.text(REGISTRY_ENV, defaultRegistry);
        if (bootstrap == null) {
            throw new IllegalArgumentException(BOOTSTRAP_ENV + " is not set: give Kafka's bootstrap servers, e.g. kafka:9092");
        }
        if (registry == null) {
            throw new IllegalArgumentException(REGISTRY_ENV + " is not set: give the schema registry's URL, e.g. http://schema-registry:8081");
        }
        int port = portOverride != null ? portOverride : (int) settings.number(PORT_ENV, HttpIngestSettings.DEFAULT_PORT, 0, 65_535);
        boolean open = openOverride || settings.flag(OPEN_ENV);
        long maxBody = settings.number(MAX_BODY_ENV, HttpIngestSettings.DEFAULT_MAX_BODY_BYTES, 1, Integer.MAX_VALUE);
        HttpIngestSettings http = new HttpIngestSettings(port, settings.text(TOKEN_ENV, null), open, maxBody,
                HttpIngestSettings.DEFAULT_ACK_TIMEOUT, settings.text(HOST_ENV, null));
        int partitions = (int) settings.number(PARTITIONS_ENV, 1, 1, 10_000);
        short replication = (short) settings.number(REPLICATION_ENV, 1, 1, Short.MAX_VALUE);
        return new IngestConfig(bootstrap, registry, http, partitions, replication, PublisherSettings.defaults());
    }

    /** {@link #fromEnv(Map, String, String, Integer, boolean)} with everything from the environment. */
    public static IngestConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, null, null, null, false);
    }



}
