package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.topology.TestEvents.SESSION;
import static org.racetiming.standings.topology.TestEvents.envelope;
import static org.racetiming.standings.topology.TestEvents.lap;
import static org.racetiming.standings.topology.TestEvents.start;
import static org.racetiming.standings.topology.TestEvents.track;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.Standings;
import org.racetiming.standings.query.StandingsQueries;
import org.racetiming.topics.Topics;

/** Bounded state: finished sessions are archived and leave memory, idle ones leave memory; nothing is lost. */
class SessionRetentionTest {

    private static final SessionRetention RETENTION =
            new SessionRetention(Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofSeconds(30));

    private final SessionTimelines sessions = new SessionTimelines();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TimingEvent> events;
    private KeyValueStore<Bytes, byte[]> store;
    private StandingsQueries queries;
    private Path stateDir;

    @BeforeEach
    void startDriver() throws IOException {
        stateDir = Files.createTempDirectory("retention-test");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "retention-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(StandingsTopology.build(RegistryFreeTopics.TOPICS, Duration.ZERO, sessions, RETENTION), props);
        events = driver.createInputTopic(Topics.TIMING_EVENTS, Serdes.String().serializer(),
                RegistryFreeTopics.TOPICS.timingEvents().valueSerde().serializer());
        store = driver.getKeyValueStore(StandingsTopology.SESSION_EVENTS_STORE);
        queries = new StandingsQueries(() -> store, sessions);
    }

    @AfterEach
    void stop() throws IOException {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void shouldArchiveAFinishedSessionAndStillAnswerForItAndTakeALateDecision() {
        List<TimingEvent> race = finishedRace();
        race.forEach(e -> events.pipeInput(SESSION, e));
        Standings before = queries.withSession(SESSION, r -> r.overall()).orElseThrow();
        Standings halfWay = queries.at(SESSION, 1_000_000).orElseThrow().overall();
        assertThat(before.getFinalClassification()).isTrue();
        assertThat(keys()).hasSize(race.size());

        driver.advanceWallClockTime(Duration.ofMinutes(3));

        assertThat(sessions.get(SESSION)).as("left memory").isEmpty();
        assertThat(keys()).as("one archive chunk instead of an event per key").hasSize(1);
        assertThat(queries.withSession(SESSION, r -> r.overall())).contains(before);
        assertThat(queries.at(SESSION, 1_000_000).orElseThrow().overall()).as("time travel on an archived session")
                .isEqualTo(halfWay);

        events.pipeInput(SESSION, envelope("penalty", 3_000_000, new PenaltyApplied("1", 1, 0L, "after the race")));

        Standings after = queries.withSession(SESSION, r -> r.overall()).orElseThrow();
        assertThat(after.getEventsSeen()).isEqualTo(race.size() + 1);
        assertThat(after.getCars()).filteredOn(c -> c.getCar().equals("1")).singleElement()
                .satisfies(car -> assertThat(car.getPenaltyLaps()).isEqualTo(1));
        assertThat(keys()).hasSize(2);
    }

    @Test
    void shouldLetAnIdleSessionLeaveMemoryAndRebuildItWhenAnEventComes() {
        events.pipeInput(SESSION, start("1:HYPERCAR", "2:HYPERCAR"));
        events.pipeInput(SESSION, lap("1", 1, 100_000, 100_000));

        driver.advanceWallClockTime(Duration.ofMinutes(16));

        assertThat(sessions.size()).isZero();
        assertThat(keys()).as("its events stay in the log").hasSize(2);

        events.pipeInput(SESSION, lap("1", 2, 200_000, 100_000));

        assertThat(sessions.get(SESSION)).isPresent();
        assertThat(queries.withSession(SESSION, r -> r.overall().getEventsSeen())).contains(3L);
    }

    private static List<TimingEvent> finishedRace() {
        List<TimingEvent> race = new ArrayList<>();
        race.add(start("1:HYPERCAR", "2:HYPERCAR"));
        for (int lap = 1; lap <= 20; lap++) {
            race.add(lap("1", lap, lap * 100_000L, 100_000));
            race.add(lap("2", lap, lap * 101_000L, 101_000));
        }
        race.add(track(TrackStatus.CHEQUERED, 1_990_000));
        race.add(lap("1", 21, 2_100_000, 100_000));
        race.add(lap("2", 21, 2_121_000, 101_000));
        race.add(envelope("end", 2_200_000, new SessionEnded(null)));
        return race;
    }

    private List<Bytes> keys() {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining((KeyValue<Bytes, byte[]> kv) -> keys.add(kv.key));
        }
        return keys;
    }
}
