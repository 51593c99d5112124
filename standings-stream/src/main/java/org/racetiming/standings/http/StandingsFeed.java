package org.racetiming.standings.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
 * The source of live updates: a plain consumer of the compacted overall-standings and track-status topics (and of
 * notable-events, for tickers), every
 * partition, from their end. Reading the topics rather than hooking into the processor lets every instance serve
 * live screens for every session (no routing of long-lived streams, nothing lost when a rebalance moves a session),
 * keeps the stream thread free of slow browsers, and still sees a crossing within milliseconds: the processor
 * sends each change as it is made (no record cache), and a fetch returns as soon as a record is there.
 *
 * <p>Records are decoded only for sessions someone is watching; the event-in header of every overall board feeds
 * the end-to-end latency timer.
 */
final class StandingsFeed implements AutoCloseable {

    static final String STANDINGS_EVENT = "standings";
    static final String TRACK_EVENT = "track-status";
    /** What a commentator reads out, one SSE event per notable event (a ticker). */
    static final String NOTABLE_EVENT = "notable";

    private static final Logger LOG = LoggerFactory.getLogger(StandingsFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<Standings> standings;
    private final Deserializer<TrackStatusState> track;
    private final Deserializer<NotableEvent> notable;
    private final LiveUpdates updates;
    private final StandingsJson json;
    private final StandingsMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;

    private StandingsFeed(String bootstrapServers, Topics topics, LiveUpdates updates, StandingsJson json,
                          StandingsMetrics metrics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "standings-live-feed");
        // No group: every instance reads every partition, and only what comes from now on.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.standings = topics.overallStandings().valueSerde().deserializer();
        this.track = topics.trackStatus().valueSerde().deserializer();
        this.notable = topics.notableEvents().valueSerde().deserializer();
        this.updates = updates;
        this.json = json;
        this.metrics = metrics;
        metrics.bindConsumer(consumer);
        this.thread = new Thread(this::run, "standings-live-feed");
        this.thread.setDaemon(true);
    }

    static StandingsFeed start(String bootstrapServers, Topics topics, LiveUpdates updates, StandingsJson json,
                               StandingsMetrics metrics) {
        StandingsFeed feed = new StandingsFeed(bootstrapServers, topics, updates, json, metrics);
        feed.thread.start();
        return feed;
    }

    /** True once the feed reads every partition of its topics (updates after this moment reach screens). */
    boolean ready() {
        return assigned;
    }

    private void run() {
        try {
            while (running) {
                if (!assigned) {
                    assigned = assign();
                    if (!assigned) {
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    handle(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            LOG.error("live feed stopped: live screens get no more updates", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean assign() {
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
        if (board) {
            Header eventIn = record.headers().lastHeader(StandingsTopology.EVENT_IN_HEADER);
            if (eventIn != null) {
                metrics.eventToStandings(System.currentTimeMillis() - parseMillis(eventIn.value()));
            }
        }
        if (!updates.watched(sessionId)) {
            return;
        }
        try {
            String event;
            String data;
            if (board) {
                event = STANDINGS_EVENT;
                data = json.write(json.standings(standings.deserialize(record.topic(), record.headers(), record.value())));
            } else if (record.topic().equals(Topics.NOTABLE_EVENTS)) {
                event = NOTABLE_EVENT;
                data = json.write(json.notable(notable.deserialize(record.topic(), record.headers(), record.value())));
            } else {
                event = TRACK_EVENT;
                data = json.write(json.trackStatus(track.deserialize(record.topic(), record.headers(), record.value())));
            }
            updates.publish(sessionId, event, data);
            metrics.liveUpdate(event);
        } catch (RuntimeException e) {
            LOG.warn("cannot decode {} record of session {} at offset {}: {}", record.topic(), sessionId, record.offset(), e.toString());
        }
    }

    private static long parseMillis(byte[] text) {
        try {
            return Long.parseLong(new String(text, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return System.currentTimeMillis();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
