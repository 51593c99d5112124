package org.racetiming.standings.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.topology.StandingsTopology;
import org.racetiming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of live updates: a plain consumer of the compacted overall-standings and track-status topics (and the
 * notable-events topic, whose events go to screens as they come), every
 * partition, from their end. Reading the topics rather than hooking into the processor lets every instance serve
 * live screens for every session (no routing of long-lived streams, nothing lost when a rebalance moves a session),
 * keeps the stream thread free of slow browsers, and still sees a crossing within milliseconds: the processor
 * sends each change as it is made (no record cache), and a fetch returns as soon as a record is there.
 *
 * <p>The feed is supervised: when its consumer fails (broker gone, a bug), it is closed and a new one is made after
 * a backoff that doubles up to a limit, from the end of the topics again — a board is a whole state, so the next one
 * puts every screen right. Its {@link Status} is in {@code /health}, a gauge and the screens' heartbeats, so a feed
 * that is down is seen rather than leaving screens silently stale.
 *
 * <p>Records are decoded only for sessions someone is watching; the event-in header of every overall board feeds
 * the end-to-end latency timer.
 */
final class StandingsFeed implements AutoCloseable {

    /** What the feed serves, as {@code GET /sessions/{id}/{what}} names it. */
    static final String STANDINGS = "standings";
    static final String TRACK_STATUS = "track-status";
    static final String NOTABLE = "notable";

    enum State { STARTING, RUNNING, RESTARTING, STOPPED }

    /** @param lastError the failure that caused the latest restart; null if none */
    record Status(State state, Instant since, int restarts, String lastError) {
    }

    /** How long to wait before a new consumer: {@code first}, doubling up to {@code max}. */
    record Backoff(Duration first, Duration max) {
        static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private static final Logger LOG = LoggerFactory.getLogger(StandingsFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Deserializer<Standings> standings;
    private final Deserializer<TrackStatusState> track;
    private final Deserializer<NotableEvent> notables;
    private final LiveUpdates updates;
    private final StandingsJson json;
    private final StandingsMetrics metrics;
    private final Backoff backoff;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Status status = new Status(State.STARTING, Instant.now(), 0, null);
    private volatile Consumer<byte[], byte[]> current;

    StandingsFeed(Supplier<Consumer<byte[], byte[]>> consumers, Deserializer<Standings> standings,
                  Deserializer<TrackStatusState> track, Deserializer<NotableEvent> notables, LiveUpdates updates, StandingsJson json,
                  StandingsMetrics metrics, Backoff backoff) {
        this.consumers = consumers;
        this.standings = standings;
        this.track = track;
        this.notables = notables;
        this.updates = updates;
        this.json = json;
        this.metrics = metrics;
        this.backoff = backoff;
        this.thread = new Thread(this::supervise, "standings-live-feed");
        this.thread.setDaemon(true);
        metrics.liveFeed(() -> status.state() == State.RUNNING ? 1 : 0);
        updates.reportFeed(this::status);
    }

    static StandingsFeed start(String bootstrapServers, Topics topics, LiveUpdates updates, StandingsJson json,
                               StandingsMetrics metrics) {
        StandingsFeed feed = new StandingsFeed(() -> consumer(bootstrapServers),
                topics.overallStandings().valueSerde().deserializer(), topics.trackStatus().valueSerde().deserializer(),
                topics.notableEvents().valueSerde().deserializer(),
                updates, json, metrics, Backoff.DEFAULT);
        feed.start();
        return feed;
    }

    private static Consumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "standings-live-feed");
        // No group: every instance reads every partition, and only what comes from now on.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void start() {
        thread.start();
    }

    Status status() {
        return status;
    }

    /** True once the feed reads every partition of its topics (updates after this moment reach screens). */
    boolean ready() {
        return status.state() == State.RUNNING;
    }

    private void supervise() {
        Duration wait = backoff.first();
        while (stop.getCount() > 0) {
            try {
                runConsumer();
            } catch (WakeupException | InterruptedException e) {
                break; // close() asked us to stop
            } catch (Exception e) {
                if (stop.getCount() == 0) {
                    break;
                }
                if (status.state() == State.RUNNING && status.since().isBefore(Instant.now().minus(backoff.max()))) {
                    wait = backoff.first(); // it ran a good while: this failure starts the backoff afresh
                }
                status = new Status(State.RESTARTING, Instant.now(), status.restarts() + 1, e.toString());
                metrics.liveFeedRestarted();
                LOG.error("live feed failed; a new consumer in {} ms (restart {})", wait.toMillis(), status.restarts(), e);
                try {
                    if (await(wait)) {
                        break;
                    }
                } catch (InterruptedException interrupted) {
                    break;
                }
                wait = wait.multipliedBy(2).compareTo(backoff.max()) > 0 ? backoff.max() : wait.multipliedBy(2);
            }
        }
        status = new Status(State.STOPPED, Instant.now(), status.restarts(), status.lastError());
    }

    /** One consumer's life: made, read until close() or a failure, closed with its meters. */
    private void runConsumer() throws Exception {
        Consumer<byte[], byte[]> consumer = consumers.get();
        try (AutoCloseable closing = closing(consumer); AutoCloseable meters = metrics.bindConsumer(consumer)) {
            current = consumer;
            if (stop.getCount() > 0) {
                consume(consumer);
            }
        }
    }

    private static AutoCloseable closing(Consumer<byte[], byte[]> consumer) {
        return () -> consumer.close(Duration.ofSeconds(2));
    }

    /** Reads until close(); returns normally only then, throws on any failure. */
    private void consume(Consumer<byte[], byte[]> consumer) throws InterruptedException {
        while (!assign(consumer)) {
            if (await(POLL)) {
                return;
            }
        }
        status = new Status(State.RUNNING, Instant.now(), status.restarts(), status.lastError());
        while (stop.getCount() > 0) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                handle(record);
            }
        }
    }

    /** @return true when close() was called during the wait */
    private boolean await(Duration wait) throws InterruptedException {
        return stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean assign(Consumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.OVERALL_STANDINGS, Topics.TRACK_STATUS, Topics.NOTABLE_EVENTS)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                LOG.warn("topic {} not found yet; live screens wait for it", topic);
                return false;
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so that "ready" means updates from here on are seen.
        partitions.forEach(consumer::position);
        return true;
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String sessionId = new String(record.key(), StandardCharsets.UTF_8);
        boolean board = record.topic().equals(Topics.OVERALL_STANDINGS);
        Long eventIn = null;
        if (board) {
            Header header = record.headers().lastHeader(StandingsTopology.EVENT_IN_HEADER);
            eventIn = header == null ? null : parseMillis(header.value());
            if (eventIn != null) {
                metrics.eventToStandings(System.currentTimeMillis() - eventIn);
            }
        }
        if (!updates.watched(sessionId)) {
            return;
        }
        try {
            if (board) {
                updates.board(sessionId, json.standings(standings.deserialize(record.topic(), record.headers(), record.value())), eventIn);
                metrics.liveUpdate(STANDINGS);
            } else if (record.topic().equals(Topics.NOTABLE_EVENTS)) {
                updates.notable(sessionId, json.write(json.notable(notables.deserialize(record.topic(), record.headers(), record.value()))));
                metrics.liveUpdate(NOTABLE);
            } else {
                updates.track(sessionId, json.write(json.trackStatus(track.deserialize(record.topic(), record.headers(), record.value()))));
                metrics.liveUpdate(TRACK_STATUS);
            }
        } catch (RuntimeException e) {
            // One undecodable record is bad data, not a failed feed: the next board puts the screens right.
            LOG.warn("cannot decode {} record of session {} at offset {}: {}", record.topic(), sessionId, record.offset(), e.toString());
        }
    }

    private static Long parseMillis(byte[] text) {
        try {
            return Long.parseLong(new String(text, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        stop.countDown();
        Consumer<byte[], byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
