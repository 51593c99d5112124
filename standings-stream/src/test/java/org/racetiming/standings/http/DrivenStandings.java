package org.racetiming.standings.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.query.StandingsQueries;
import org.racetiming.standings.topology.SessionTimelines;
import org.racetiming.standings.topology.RegistryFreeTopics;
import org.racetiming.standings.topology.StandingsTopics;
import org.racetiming.standings.topology.StandingsTopology;
import org.racetiming.topics.Topics;

/**
 * The real standings topology in a {@link TopologyTestDriver}, and queries over its event-log store: what the HTTP
 * layer reads in production, without a broker. Pipe every event before querying (the driver is single-threaded).
 */
final class DrivenStandings implements AutoCloseable {

    private static final StandingsTopics TOPICS = RegistryFreeTopics.TOPICS;

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, TimingEvent> events;
    private final StandingsQueries queries;
    private final Path stateDir = tempDir();

    DrivenStandings() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "standings-http-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // A long emit interval: the test driver's clock does not move, so boards are sent once; queries need none.
        SessionTimelines sessions = new SessionTimelines();
        driver = new TopologyTestDriver(StandingsTopology.build(TOPICS, Duration.ofHours(1), sessions), props);
        events = driver.createInputTopic(Topics.TIMING_EVENTS, Serdes.String().serializer(),
                TOPICS.timingEvents().valueSerde().serializer());
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(StandingsTopology.SESSION_EVENTS_STORE);
        queries = new StandingsQueries(() -> store, sessions);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("standings-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(Iterable<TimingEvent> timingEvents) {
        for (TimingEvent event : timingEvents) {
            events.pipeInput(event.getSessionId(), event);
        }
    }

    void send(TimingEvent... timingEvents) {
        send(List.of(timingEvents));
    }

    StandingsQueries queries() {
        return queries;
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + stateDir, e);
        }
    }
}
