package org.racetiming.standings.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Every meter of the standings service, with its name and tag keys in one place, registered in a Prometheus
 * registry that {@code GET /metrics} scrapes. Kafka Streams' and the live feed consumer's own metrics come
 * through Micrometer's binders.
 */
public final class StandingsMetrics implements AutoCloseable {

    /** Timer: an HTTP request, by route template, method and status. */
    public static final String HTTP_REQUESTS = "standings.http.requests";
    /** Counter: queries sent on to the instance owning their session, by outcome. */
    public static final String HTTP_FORWARDS = "standings.http.forwards";
    /** Gauge: browsers connected to a live stream. */
    public static final String LIVE_SCREENS = "standings.live.screens";
    /** Counter: changes pushed to live screens (once per change, whatever the number of screens), by event. */
    public static final String LIVE_UPDATES = "standings.live.updates";
    /**
     * Timer: from an event's arrival on timing-events (its record timestamp) to the standings that reflect it
     * being readable on overall-standings (received by this service's live feed).
     */
    public static final String EVENT_TO_STANDINGS = "standings.event.to.standings";

    /**
     * Timer: from an event's arrival on timing-events to the board reflecting it handed to a live screen's connection
     * (one sample per screen and board): what a viewer waits, short of the network.
     */
    public static final String LIVE_DELIVERED = "standings.live.delivered";
    /** Gauge: 1 while the live feed reads the output topics, 0 while it starts or restarts after a failure. */
    public static final String LIVE_FEED_RUNNING = "standings.live.feed.running";
    /** Counter: restarts of the live feed after a failure. */
    public static final String LIVE_FEED_RESTARTS = "standings.live.feed.restarts";

    public static final String TAG_ROUTE = "route";
    public static final String TAG_METHOD = "method";
    public static final String TAG_STATUS = "status";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_EVENT = "event";

    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_FAILED = "failed";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer eventToStandings;
    private final Timer liveDelivered;
    private final List<AutoCloseable> binders = new ArrayList<>();

    public StandingsMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        eventToStandings = Timer.builder(EVENT_TO_STANDINGS)
                .description("event in on timing-events to standings readable on overall-standings")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(registry);
        liveDelivered = Timer.builder(LIVE_DELIVERED)
                .description("event in on timing-events to its board written to a live screen's connection")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    public void bindStreams(KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        binders.add(metrics);
    }

    /** @return what removes the consumer's meters (the live feed replaces its consumer after a failure) */
    AutoCloseable bindConsumer(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics;
    }

    void liveFeed(Supplier<Number> running) {
        Gauge.builder(LIVE_FEED_RUNNING, running).register(registry);
    }

    void liveFeedRestarted() {
        Counter.builder(LIVE_FEED_RESTARTS).register(registry).increment();
    }

    void request(String route, String method, int status, long millis) {
        Timer.builder(HTTP_REQUESTS)
                .tag(TAG_ROUTE, route)
                .tag(TAG_METHOD, method)
                .tag(TAG_STATUS, Integer.toString(status))
                .register(registry)
                .record(millis, TimeUnit.MILLISECONDS);
    }

    void forwarded(boolean ok) {
        Counter.builder(HTTP_FORWARDS).tag(TAG_OUTCOME, ok ? OUTCOME_OK : OUTCOME_FAILED).register(registry).increment();
    }

    void liveUpdate(String event) {
        Counter.builder(LIVE_UPDATES).tag(TAG_EVENT, event).register(registry).increment();
    }

    void eventToStandings(long millis) {
        eventToStandings.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    void liveDelivered(long millis) {
        liveDelivered.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    Timer eventToStandingsTimer() {
        return eventToStandings;
    }

    void screens(Supplier<Number> count) {
        Gauge.builder(LIVE_SCREENS, count).register(registry);
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // Closing meters cannot fail in a way that matters at shutdown.
            }
        }
        registry.close();
    }
}
