package org.racetiming.ingest;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.racetiming.ingest.http.HttpIntake;
import org.racetiming.ingest.http.IngestHttpServer;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.StackCheck;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service as deployed: checks Kafka and the registry (bounded tries), creates missing
 * topics, and serves the HTTP ingest API until closed. Closing stops the HTTP server first (requests
 * being handled finish), then flushes the producer, so nothing accepted is lost on SIGTERM.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final SchemaRegistryClient registry;
    private final EventPublisher publisher;
    private final IngestHttpServer server;
    private final PrometheusMeterRegistry prometheus;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IngestService(SchemaRegistryClient registry, EventPublisher publisher, IngestHttpServer server, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.publisher = publisher;
        this.server = server;
        this.prometheus = prometheus;
    }

    /**
     * @throws EventPublisher.PublishException when Kafka or the registry cannot be reached
     */
    public static IngestService start(IngestConfig config) {
        StackCheck.prepareKafka(config.bootstrapServers(), config.publisher(), config.topicPartitions(), config.topicReplication());
        SchemaRegistryClient registry = new SchemaRegistryClient(config.schemaRegistryUrl());
        EventPublisher publisher = null;
        try {
            Topics topics = new Topics(registry);
            StackCheck.requireRegistry(registry, topics);
            publisher = new EventPublisher(config.bootstrapServers(), topics, config.publisher());
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(prometheus);
            new JvmGcMetrics().bindTo(prometheus);
            new JvmThreadMetrics().bindTo(prometheus);
            new ProcessorMetrics().bindTo(prometheus);
            publisher.bindTo(prometheus);
            IngestMetrics metrics = new IngestMetrics(prometheus, IngestMetrics.SOURCE_HTTP);
            SessionEventsReader history = new SessionEventsReader(config.bootstrapServers(), topics.timingEvents(), Duration.ofSeconds(30));
            HttpIntake intake = new HttpIntake(publisher, new EventValidator(),
                    id -> history.read(id, SessionEventsReader.Scope.KEY_PARTITION), metrics, config.http().ackTimeout());
            IngestHttpServer server = IngestHttpServer.start(config.http(), intake, prometheus, metrics);
            return new IngestService(registry, publisher, server, prometheus);
        } catch (RuntimeException e) {
            if (publisher != null) {
                publisher.close();
            }
            registry.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Stops serving, flushes what was sent, closes the clients. Later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("ingest service stopping: no new requests, flushing what was accepted");
        try {
            server.close();
        } finally {
            try {
                publisher.close();
                LOG.info("ingest service stopped: {} events and {} rejected records acknowledged by Kafka",
                        publisher.published(), publisher.rejected());
            } finally {
                registry.close();
                prometheus.close();
            }
        }
    }
}
