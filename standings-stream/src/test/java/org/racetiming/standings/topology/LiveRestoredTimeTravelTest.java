package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.output.Standings;
import org.racetiming.standings.query.StandingsQueries;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.standings.rules.RealRaces;
import org.racetiming.topics.Topics;

/**
 * Live = restored = time travel, record for record: at many points of a real race (Le Mans 2023, delivered with
 * race control late), the board the topology sent, the board of the session rebuilt from its stored events (what a
 * restarted instance does), and the board asked for "at" that session time are the same Avro record - every car,
 * every column, eventsSeen and the output's timestamp (the events' time, not the processing time).
 */
class LiveRestoredTimeTravelTest {

    private static final Duration EMIT = Duration.ofHours(1);

    private TopologyTestDriver driver;
    private Path stateDir;

    @AfterEach
    void close() throws IOException {
        if (driver != null) {
            driver.close();
        }
        if (stateDir != null) {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void shouldSendTheSameBoardLiveAfterARestoreAndByTimeTravel() {
        List<TimingEvent> events = RealRaces.events("wec-2023-le-mans-24h", "24:00:00.000");
        SessionTimelines sessions = new SessionTimelines();
        driver = new TopologyTestDriver(StandingsTopology.build(RegistryFreeTopics.TOPICS, EMIT, sessions), props());
        TestInputTopic<String, TimingEvent> in = driver.createInputTopic(Topics.TIMING_EVENTS,
                Serdes.String().serializer(), RegistryFreeTopics.TOPICS.timingEvents().valueSerde().serializer());
        TestOutputTopic<String, Standings> overall = driver.createOutputTopic(Topics.OVERALL_STANDINGS,
                Serdes.String().deserializer(), RegistryFreeTopics.TOPICS.overallStandings().valueSerde().deserializer());
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(StandingsTopology.SESSION_EVENTS_STORE);
        StandingsQueries queries = new StandingsQueries(() -> store, sessions);
        String session = events.get(0).getSessionId();

        List<TimingEvent> delivery = lateRaceControl(events);
        int samples = 0;
        for (int from = 0; from < delivery.size(); from += 6_000) {
            List<TimingEvent> chunk = delivery.subList(from, Math.min(delivery.size(), from + 6_000));
            chunk.forEach(event -> in.pipeInput(session, event));
            driver.advanceWallClockTime(EMIT);
            List<TestRecord<String, Standings>> sent = overall.readRecordsToList();
            TestRecord<String, Standings> live = sent.get(sent.size() - 1);

            Standings travelled = queries.at(session, live.value().getSessionTimeMs()).orElseThrow().overall();
            RaceSession rebuilt = restore(store, session).current();
            Standings restored = rebuilt.overall();

            assertThat(travelled).as("time travel at %d", live.value().getSessionTimeMs()).isEqualTo(live.value());
            assertThat(restored).as("restored at %d", live.value().getSessionTimeMs()).isEqualTo(live.value());
            assertThat(live.timestamp()).as("the events' time, not the processing time")
                    .isEqualTo(rebuilt.wallClockMs());
            samples++;
        }
        assertThat(samples).isGreaterThan(7);
    }

    /** What a restarted instance does: its session's stored events, placed in session order. */
    private static EventTimeline restore(KeyValueStore<Bytes, byte[]> store, String session) {
        EventTimeline timeline = new EventTimeline(session);
        SessionEventLog.inSessionOrder(store, session).forEach(timeline::offer);
        return timeline;
    }

    /** The timing as it came, race control (flags, the penalty) typed in 20 minutes late. */
    private static List<TimingEvent> lateRaceControl(List<TimingEvent> events) {
        List<TimingEvent> delivery = new ArrayList<>(events);
        delivery.sort(Comparator.comparingLong(e -> e.getSessionTimeMs()
                + (e.getPayload() instanceof TrackStatusChanged || e.getPayload() instanceof PenaltyApplied ? 20 * 60_000L : 0)));
        return delivery;
    }

    private Properties props() {
        try {
            stateDir = Files.createTempDirectory("live-restored-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-restored-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }
}
