package org.racetiming.standings.topology;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.racetiming.topics.Topic;

/**
 * Builds the standings topology: timing events in, per-session state, leaderboards out.
 *
 * <pre>
 * timing-events ─> standings-processor ─┬> overall-standings, class-standings, car-gaps,
 *                    (session-events)    │  track-status, final-classification (compacted)
 *                                        └> timing-events-rejected (reason in headers)
 * </pre>
 * Construction is pure: no I/O, so it can be described and driven in tests.
 */
public final class StandingsTopology {

    public static final String SOURCE = "timing-events-source";
    public static final String PROCESSOR = "standings-processor";
    /** Every event every session holds: rebuild after restart or rebalance, and time travel. */
    public static final String SESSION_EVENTS_STORE = "session-events";
    public static final String OVERALL_SINK = "overall-standings-sink";
    public static final String CLASS_SINK = "class-standings-sink";
    public static final String GAPS_SINK = "car-gaps-sink";
    public static final String TRACK_SINK = "track-status-sink";
    public static final String FINAL_SINK = "final-classification-sink";
    public static final String REJECTED_SINK = "rejected-sink";
    /**
     * Header on every output record: the timestamp (epoch ms, decimal text) of the oldest input event it is the
     * first to reflect, so a consumer can measure event in -> standings out.
     */
    public static final String EVENT_IN_HEADER = "event-in-ms";

    private StandingsTopology() {
    }

    /**
     * @param emitInterval least wall-clock time between two emissions of one session's boards;
     *     {@link Duration#ZERO} emits after every event. Between, changes are held back and sent
     *     by a punctuation, so a replay at full speed does not write a whole leaderboard per event.
     */
    public static Topology build(StandingsTopics topics, Duration emitInterval) {
        return build(topics, emitInterval, new SessionTimelines());
    }

    /** @param sessions where the stream tasks share the sessions they hold with this instance's queries */
    public static Topology build(StandingsTopics topics, Duration emitInterval, SessionTimelines sessions) {
        return build(topics, emitInterval, sessions, SessionRetention.DEFAULT);
    }

    /** @param retention when sessions leave memory and finished sessions' logs are archived */
    public static Topology build(StandingsTopics topics, Duration emitInterval, SessionTimelines sessions,
                                 SessionRetention retention) {
        StoreBuilder<KeyValueStore<Bytes, byte[]>> eventLog = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SESSION_EVENTS_STORE), Serdes.Bytes(), Serdes.ByteArray());

        Topology topology = new Topology();
        Topic<String, ?> in = topics.timingEvents();
        topology.addSource(SOURCE, in.keySerde().deserializer(), topics.timingEvents().valueSerde().deserializer(), in.name());
        topology.addProcessor(PROCESSOR, () -> new StandingsProcessor(emitInterval, retention, sessions), SOURCE);
        topology.addStateStore(eventLog, PROCESSOR);
        addSink(topology, OVERALL_SINK, topics.overallStandings());
        addSink(topology, CLASS_SINK, topics.classStandings());
        addSink(topology, GAPS_SINK, topics.carGaps());
        addSink(topology, TRACK_SINK, topics.trackStatus());
        addSink(topology, FINAL_SINK, topics.finalClassification());
        addSink(topology, REJECTED_SINK, topics.rejected());
        return topology;
    }

    private static <K, V> void addSink(Topology topology, String name, Topic<K, V> topic) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), PROCESSOR);
    }
}
