package org.racetiming.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * Every meter name and tag key of the ingest service, in one place. Prometheus shows them with
 * dots as underscores and counters with {@code _total}: {@code ingest_events_accepted_total{source="http"}}.
 */
public final class IngestMetrics {

    /** Events validated and sent to timing-events (acknowledged before the request is answered). */
    public static final String EVENTS_ACCEPTED = "ingest.events.accepted";
    /** Events not sent again because an identical event with the same id was accepted before. */
    public static final String EVENTS_DUPLICATE = "ingest.events.duplicates";
    /** Input records sent to timing-events-rejected, by {@link #TAG_STAGE}. */
    public static final String EVENTS_REJECTED = "ingest.events.rejected";
    /** Events Kafka did not acknowledge (the request was answered 503). */
    public static final String PUBLISH_FAILURES = "ingest.publish.failures";
    /** HTTP requests by {@link #TAG_STATUS}. */
    public static final String HTTP_REQUESTS = "ingest.http.requests";
    /** Time from a request's arrival to its answer, acknowledgements included. */
    public static final String HTTP_REQUEST_DURATION = "ingest.http.request.duration";
    /** Sessions whose state (entry list, ids) was read back from timing-events. */
    public static final String SESSIONS_LEARNED = "ingest.sessions.learned";

    /** Where input came from: {@link #SOURCE_HTTP}, {@link #SOURCE_FILE}, {@link #SOURCE_REPLAY}. */
    public static final String TAG_SOURCE = "source";
    /** What refused a record: {@link #STAGE_PARSE} (not a valid event) or {@link #STAGE_VALIDATE} (the rules). */
    public static final String TAG_STAGE = "stage";
    /** HTTP status code of the answer. */
    public static final String TAG_STATUS = "status";

    public static final String SOURCE_HTTP = "http";
    public static final String SOURCE_FILE = "file";
    public static final String SOURCE_REPLAY = "replay";
    public static final String STAGE_PARSE = "parse";
    public static final String STAGE_VALIDATE = "validate";

    private final MeterRegistry registry;
    private final String source;

    public IngestMetrics(MeterRegistry registry, String source) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.source = Objects.requireNonNull(source, "source");
        // Registered at once, so that a scrape shows 0 rather than nothing before the first event.
        accepted(0);
        duplicates(0);
        rejected(STAGE_PARSE, 0);
        rejected(STAGE_VALIDATE, 0);
        publishFailures(0);
    }

    /** Meters that go nowhere, for callers that export none. */
    public static IngestMetrics detached(String source) {
        return new IngestMetrics(new SimpleMeterRegistry(), source);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void accepted(long count) {
        counter(EVENTS_ACCEPTED).increment(count);
    }

    public void duplicates(long count) {
        counter(EVENTS_DUPLICATE).increment(count);
    }

    public void rejected(String stage, long count) {
        Counter.builder(EVENTS_REJECTED).tag(TAG_SOURCE, source).tag(TAG_STAGE, stage).register(registry).increment(count);
    }

    public void publishFailures(long count) {
        counter(PUBLISH_FAILURES).increment(count);
    }

    public void sessionLearned() {
        counter(SESSIONS_LEARNED).increment();
    }

    public void request(int status, Duration took) {
        Counter.builder(HTTP_REQUESTS).tag(TAG_STATUS, Integer.toString(status)).register(registry).increment();
        Timer.builder(HTTP_REQUEST_DURATION).tag(TAG_STATUS, Integer.toString(status)).register(registry).record(took);
    }

    private Counter counter(String name) {
        return Counter.builder(name).tag(TAG_SOURCE, source).register(registry);
    }
}
