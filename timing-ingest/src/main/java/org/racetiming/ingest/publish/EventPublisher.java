package org.racetiming.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

/**
 * Publishes timing events keyed by session id (one partition holds a session, in order), and
 * rejected input with its reason and source in headers.
 *
 * <p>No silent loss: the producer is idempotent with {@code acks=all} and a long delivery timeout
 * ({@link PublisherSettings#deliveryTimeout()}), so a broker restart or a leader change delays events
 * instead of losing or duplicating them, and keeps them in order; only a failure that outlasts the
 * delivery timeout is reported, and then loudly: {@link #publish} and {@link #flush} throw
 * {@link PublishException} from then on, and the futures of {@link #send} fail.
 *
 * <p>Two ways in: {@link #publish} for a feed (once per event id, failures are sticky, as a file
 * must stop at its first loss), {@link #send} for callers that track each event's acknowledgement
 * themselves (the HTTP API). {@link #close()} flushes: whatever was sent is acknowledged or reported.
 *
 * <p><b>No hole in a feed.</b> The first event {@link #publish} fails to deliver stops the feed:
 * the events producer is closed at once ({@code close(Duration.ZERO)}), from the failure's own
 * callback, so nothing sent after that event can land. This relies on the idempotent producer:
 * a batch carries a sequence number per partition and the broker appends it only right after its
 * predecessor, so what was already in flight behind the failed event cannot land without it; what
 * could land is what the producer sends later, after it resets its sequences for a new epoch, and
 * a producer closed in the callback never gets there (its unsent batches are aborted). The topic
 * then holds a prefix of the feed, and a resume that skips the ids already there continues it in
 * order. (A transactional producer would hide an aborted tail only from {@code read_committed}
 * readers, and the topology and the CLI read {@code read_uncommitted}.)
 */
public final class EventPublisher implements AutoCloseable {

    static final int LINGER_MS = 5;

    private final KafkaProducer<String, TimingEvent> events;
    private final EventSink eventSink;
    private final KafkaProducer<String, String> rejects;
    private final Topic<String, TimingEvent> eventsTopic;
    private final Topic<String, String> rejectedTopic;
    private final Set<String> sentIds = new HashSet<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicReference<TimingEvent> firstUndelivered = new AtomicReference<>();
    private volatile boolean stopped;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    public EventPublisher(String bootstrapServers, Topics topics) {
        this(bootstrapServers, topics, PublisherSettings.defaults());
    }

    public EventPublisher(String bootstrapServers, Topics topics, PublisherSettings settings) {
        this(bootstrapServers, topics, settings, UnaryOperator.identity());
    }

    /**
     * @param sendPath puts something in front of the producer (tests: a simulated outage); the
     *                 identity for the producer itself
     */
    public EventPublisher(String bootstrapServers, Topics topics, PublisherSettings settings, UnaryOperator<EventSink> sendPath) {
        this.eventsTopic = topics.timingEvents();
        this.rejectedTopic = topics.timingEventsRejected();
        this.events = new KafkaProducer<>(config(bootstrapServers, settings, "timing-ingest-events"),
                eventsTopic.keySerde().serializer(), eventsTopic.valueSerde().serializer());
        this.eventSink = sendPath.apply(events::send);
        this.rejects = new KafkaProducer<>(config(bootstrapServers, settings, "timing-ingest-rejected"),
                rejectedTopic.keySerde().serializer(), rejectedTopic.valueSerde().serializer());
    }

    static Properties config(String bootstrapServers, PublisherSettings settings, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // At most 5 in flight keeps the order per partition with idempotence, even across retries.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        return props;
    }

    /**
     * Sends the event unless an event with the same id was already sent for its session.
     *
     * @return false for such a duplicate
     * @throws PublishException if an earlier send failed, or this one cannot be sent
     */
    public boolean publish(TimingEvent event) {
        throwIfFailed();
        if (!remember(event.getSessionId(), event.getEventId())) {
            duplicates.incrementAndGet();
            return false;
        }
        send(event).whenComplete((meta, e) -> {
            if (e != null) {
                stopFeed(event, unwrap(e));
            }
        });
        return true;
    }

    /**
     * The first failed delivery of a feed: nothing after it may land. Runs in the producer's callback
     * (its I/O thread), where close may not wait: {@code close(ZERO)} stops the sender and aborts
     * every batch not yet sent. Later failures are the aborted events: the first one is the report.
     */
    private void stopFeed(TimingEvent event, Exception cause) {
        if (failure.compareAndSet(null, cause)) {
            firstUndelivered.set(event);
            stopped = true;
            events.close(Duration.ZERO);
        }
    }

    /**
     * Sends the event as it is (no duplicate check): the future completes when Kafka acknowledged it,
     * or fails with the reason. Never throws; a send refused at once gives a failed future.
     */
    public CompletableFuture<RecordMetadata> send(TimingEvent event) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            eventSink.send(new ProducerRecord<>(eventsTopic.name(), event.getSessionId(), event), (meta, e) -> {
                if (e != null) {
                    acked.completeExceptionally(e);
                } else {
                    published.incrementAndGet();
                    acked.complete(meta);
                }
            });
        } catch (RuntimeException e) {
            // Serialisation (the registry) or the producer's state failed before anything was sent.
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Sends a rejected input record with its reason and source in headers. */
    public void reject(String sessionId, RejectedRecord record) {
        throwIfFailed();
        sendRejected(sessionId, record).whenComplete((meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, unwrap(e));
            }
        });
    }

    /** Like {@link #reject}, for callers that track the acknowledgement themselves. Never throws. */
    public CompletableFuture<RecordMetadata> sendRejected(String sessionId, RejectedRecord record) {
        RecordHeaders headers = Topics.rejectionHeaders(record.reason(), record.source(), Topics.REJECTED_BY_INGEST);
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            rejects.send(new ProducerRecord<>(rejectedTopic.name(), null, sessionId == null ? "" : sessionId,
                    record.rawText() == null ? "" : record.rawText(), headers), (meta, e) -> {
                        if (e != null) {
                            acked.completeExceptionally(e);
                        } else {
                            rejected.incrementAndGet();
                            acked.complete(meta);
                        }
                    });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /**
     * Event ids already on the topic for a session (e.g. read back from it): {@link #publish} treats
     * them as sent, so that publishing a feed again only adds what is missing.
     */
    public void markSent(String sessionId, Collection<String> eventIds) {
        for (String id : eventIds) {
            remember(sessionId, id);
        }
    }

    private synchronized boolean remember(String sessionId, String eventId) {
        return sentIds.add(sessionId + '\u0000' + eventId);
    }

    /** Waits until everything sent is acknowledged; throws if anything failed. */
    public void flush() {
        eventSink.drain();
        if (!stopped) {
            // A stopped feed's producer is closed: nothing is left to wait for.
            events.flush();
        }
        rejects.flush();
        throwIfFailed();
    }

    /** The producers' own metrics (record rates, errors, retries, latency) in the given registry. */
    public void bindTo(MeterRegistry registry) {
        new KafkaClientMetrics(events).bindTo(registry);
        new KafkaClientMetrics(rejects).bindTo(registry);
    }

    /** Events Kafka acknowledged. */
    public long published() {
        return published.get();
    }

    /** Rejected records Kafka acknowledged. */
    public long rejected() {
        return rejected.get();
    }

    /** Events {@link #publish} did not send because their id had been sent before. */
    public long duplicates() {
        return duplicates.get();
    }

    /**
     * The first event of {@link #publish} that Kafka did not acknowledge, or null. Nothing sent after
     * it was delivered; it may itself be on the topic (a timeout does not say whether it was written).
     */
    public TimingEvent firstUndelivered() {
        return firstUndelivered.get();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            TimingEvent first = firstUndelivered.get();
            String which = first == null ? "" : " (first unacknowledged: event " + first.getEventId() + " of session "
                    + first.getSessionId() + "; nothing after it was sent)";
            throw new PublishException("could not publish to Kafka: " + e.getMessage() + which, e);
        }
    }

    private static Exception unwrap(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof Exception exception ? exception : new RuntimeException(cause);
    }

    /** Flushes, then closes; a failure to deliver is thrown after both producers are closed. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            // Bounded: if Kafka went away, flush has already reported it; do not wait again for ever.
            events.close(Duration.ofSeconds(30));
            rejects.close(Duration.ofSeconds(30));
        }
    }

    /** Kafka or the registry refused or could not be reached. */
    public static final class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }

        public PublishException(String message) {
            super(message);
        }
    }
}
