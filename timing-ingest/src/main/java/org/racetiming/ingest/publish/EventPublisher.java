package org.racetiming.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

/**
 * Publishes timing events keyed by session id (one partition holds a session, in order), and
 * rejected input with its reason. Idempotent producer with {@code acks=all}: a broker restart
 * neither loses nor duplicates a sent event. An event id already sent in a session is sent once.
 */
public final class EventPublisher implements AutoCloseable {

    public static final String REJECTED_BY = "ingest";

    private final KafkaProducer<String, TimingEvent> events;
    private final KafkaProducer<String, String> rejects;
    private final Topic<String, TimingEvent> eventsTopic;
    private final Topic<String, String> rejectedTopic;
    private final Set<String> sentIds = new HashSet<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private long duplicates;

    public EventPublisher(String bootstrapServers, Topics topics) {
        this.eventsTopic = topics.timingEvents();
        this.rejectedTopic = topics.timingEventsRejected();
        this.events = new KafkaProducer<>(config(bootstrapServers), eventsTopic.keySerde().serializer(), eventsTopic.valueSerde().serializer());
        this.rejects = new KafkaProducer<>(config(bootstrapServers), rejectedTopic.keySerde().serializer(), rejectedTopic.valueSerde().serializer());
    }

    static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Bounded: an unreachable cluster is reported, not waited on for ever.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return props;
    }

    /** Sends the event unless an event with the same id was already sent for its session. */
    public boolean publish(TimingEvent event) {
        throwIfFailed();
        if (!sentIds.add(event.getSessionId() + '\u0000' + event.getEventId())) {
            duplicates++;
            return false;
        }
        events.send(new ProducerRecord<>(eventsTopic.name(), event.getSessionId(), event), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                published.incrementAndGet();
            }
        });
        return true;
    }

    /** Sends a rejected input record with its reason and source in headers. */
    public void reject(String sessionId, RejectedRecord record) {
        throwIfFailed();
        RecordHeaders headers = new RecordHeaders();
        headers.add("reason", record.reason().getBytes(StandardCharsets.UTF_8));
        headers.add("source", record.source().getBytes(StandardCharsets.UTF_8));
        headers.add("rejected-by", REJECTED_BY.getBytes(StandardCharsets.UTF_8));
        rejects.send(new ProducerRecord<>(rejectedTopic.name(), null, sessionId == null ? "" : sessionId,
                record.rawText() == null ? "" : record.rawText(), headers), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        rejected.incrementAndGet();
                    }
                });
    }

    /** Waits until everything sent is acknowledged; throws if anything failed. */
    public void flush() {
        events.flush();
        rejects.flush();
        throwIfFailed();
    }

    public long published() {
        return published.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Events not sent because their id had been sent before. */
    public long duplicates() {
        return duplicates;
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new PublishException("could not publish to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            events.close();
            rejects.close();
        }
    }

    /** Kafka or the registry refused or could not be reached. */
    public static final class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
