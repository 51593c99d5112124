package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.topology.TestEvents.SESSION;
import static org.racetiming.standings.topology.TestEvents.lap;
import static org.racetiming.standings.topology.TestEvents.start;
import static org.racetiming.standings.topology.TestEvents.track;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.CarGaps;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.query.StandingsQueries;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

class StandingsTopologyTest {

    @TempDir
    Path stateDir;

    private static final StandingsTopics TOPICS = RegistryFreeTopics.TOPICS;

    private TopologyTestDriver driver;
    private TestInputTopic<String, TimingEvent> events;
    private TestOutputTopic<String, Standings> overall;
    private TestOutputTopic<String, Standings> classes;
    private TestOutputTopic<String, CarGaps> gaps;
    private TestOutputTopic<String, TrackStatusState> track;
    private TestOutputTopic<String, String> rejected;
    private final SessionTimelines sessions = new SessionTimelines();

    private void startDriver(Duration emitInterval) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "standings-test");
        // Its own state directory, removed by JUnit: the default /tmp/kafka-streams stayed behind.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UndecodableEventHandler.class);
        driver = new TopologyTestDriver(StandingsTopology.build(TOPICS, emitInterval, sessions), props);
        events = driver.createInputTopic(Topics.TIMING_EVENTS, Serdes.String().serializer(), TOPICS.timingEvents().valueSerde().serializer());
        overall = output(TOPICS.overallStandings());
        classes = output(TOPICS.classStandings());
        gaps = output(TOPICS.carGaps());
        track = output(TOPICS.trackStatus());
        rejected = output(TOPICS.rejected());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(TimingEvent... timingEvents) {
        for (TimingEvent e : timingEvents) {
            events.pipeInput(e.getSessionId(), e);
        }
    }

    private static List<String> order(Standings standings) {
        return standings.getCars().stream().map(CarStanding::getCar).toList();
    }

    @Test
    void shouldWriteOverallAndClassStandingsAfterEachCrossing() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR", "2:HYPERCAR", "30:LMP2"),
                lap("2", 1, 100_000, 100_000), lap("1", 1, 101_000, 101_000), lap("30", 1, 105_000, 105_000));

        Standings last = overall.readValuesToList().get(3);
        assertThat(last.getSessionId()).isEqualTo(SESSION);
        assertThat(order(last)).containsExactly("2", "1", "30");
        assertThat(last.getCars().get(1).getGapFirst().getTimeMs()).isEqualTo(1_000);

        var classRecords = classes.readKeyValuesToMap();
        assertThat(classRecords).containsKeys(SESSION + "/HYPERCAR", SESSION + "/LMP2");
        assertThat(order(classRecords.get(SESSION + "/LMP2"))).containsExactly("30");
    }

    @Test
    void shouldKeepGapsPerCarKeyedBySessionAndCar() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR", "2:HYPERCAR"), lap("1", 1, 100_000, 100_000), lap("2", 1, 102_500, 102_500));

        var byKey = gaps.readKeyValuesToMap();
        assertThat(byKey.get(SESSION + "/2").getGapFirst().getTimeMs()).isEqualTo(2_500);
        assertThat(byKey.get(SESSION + "/2").getCarAhead()).isEqualTo("1");
    }

    @Test
    void shouldChangeNothingWhenAnEventIsDeliveredTwice() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR", "2:HYPERCAR"), lap("1", 1, 100_000, 100_000), lap("2", 1, 101_000, 101_000));
        overall.readValuesToList();

        send(lap("1", 1, 100_000, 100_000));

        assertThat(overall.isEmpty()).as("a repeat changes nothing, so nothing is sent").isTrue();
        assertThat(rejected.isEmpty()).as("a repeat is not an error").isTrue();
    }

    @Test
    void shouldPlaceALateLapAtItsSessionTimeAndRecomputeWhatFollows() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR", "2:HYPERCAR"), lap("1", 1, 100_000, 100_000), lap("1", 3, 300_000, 100_000),
                lap("2", 1, 101_000, 101_000), lap("2", 2, 250_000, 149_000));

        send(lap("1", 2, 200_000, 100_000));

        assertThat(rejected.isEmpty()).as("nothing is rejected for arriving late").isTrue();
        List<Standings> boards = overall.readValuesToList();
        Standings last = boards.get(boards.size() - 1);
        assertThat(last.getCars().get(0).getLaps()).isEqualTo(3);
        assertThat(last.getEventsSeen()).isEqualTo(6);
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(StandingsTopology.SESSION_EVENTS_STORE);
        RaceSession atTwoMinutesThirty = new StandingsQueries(() -> store, sessions).at(SESSION, 230_000).orElseThrow();
        assertThat(order(atTwoMinutesThirty.overall())).as("the late lap counts at 3:20").containsExactly("1", "2");
        assertThat(atTwoMinutesThirty.overall().getCars().get(0).getLaps()).isEqualTo(2);
    }

    @Test
    void shouldRejectAnEventForACarNotInTheEntryListWithoutStopping() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR"), lap("99", 1, 100_000, 100_000), lap("1", 1, 101_000, 101_000));

        assertThat(header(rejected.readRecord(), "reason")).contains("99");
        List<Standings> boards = overall.readValuesToList();
        assertThat(boards.get(boards.size() - 1).getCars().get(0).getLaps()).isEqualTo(1);
    }

    @Test
    void shouldSendTrackStatusOnlyWhenItChanges() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR"), lap("1", 1, 100_000, 100_000),
                track(TrackStatus.FULL_COURSE_YELLOW, 150_000), lap("1", 2, 200_000, 100_000));

        List<TrackStatus> statuses = track.readValuesToList().stream().map(TrackStatusState::getStatus).toList();
        assertThat(statuses).containsExactly(TrackStatus.GREEN, TrackStatus.FULL_COURSE_YELLOW);
    }

    @Test
    void shouldHoldBackBoardsDuringABurstAndSendTheLatestOnThePunctuation() {
        startDriver(Duration.ofMillis(100));
        send(start("1:HYPERCAR", "2:HYPERCAR"), lap("1", 1, 100_000, 100_000), lap("2", 1, 101_000, 101_000),
                lap("1", 2, 200_000, 100_000));
        assertThat(overall.readValuesToList()).hasSize(1); // the first event goes out at once

        driver.advanceWallClockTime(Duration.ofMillis(100));

        List<Standings> flushed = overall.readValuesToList();
        assertThat(flushed).hasSize(1);
        assertThat(flushed.get(0).getEventsSeen()).isEqualTo(4);
        assertThat(flushed.get(0).getCars().get(0).getLaps()).isEqualTo(2);
    }

    @Test
    void shouldAnswerStandingsAtAPastSessionTimeFromTheEventLog() {
        startDriver(Duration.ZERO);
        send(start("1:HYPERCAR", "2:HYPERCAR"), lap("1", 1, 100_000, 100_000), lap("2", 1, 101_000, 101_000),
                lap("2", 2, 199_000, 98_000), lap("1", 2, 202_000, 102_000));
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(StandingsTopology.SESSION_EVENTS_STORE);
        StandingsQueries queries = new StandingsQueries(() -> store, sessions);

        RaceSession atLapOne = queries.at(SESSION, 150_000).orElseThrow();
        assertThat(order(atLapOne.overall())).containsExactly("1", "2");
        RaceSession now = queries.at(SESSION, Long.MAX_VALUE).orElseThrow();
        assertThat(order(now.overall())).containsExactly("2", "1");
        assertThat(queries.withSession(SESSION, r -> order(r.overall()))).contains(List.of("2", "1"));
        assertThat(queries.at("no-such-session", 1)).isEmpty();
    }

    @Test
    void shouldRejectUndecodableBytesAndCarryOn() {
        startDriver(Duration.ZERO);
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.TIMING_EVENTS,
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        send(start("1:HYPERCAR"));
        raw.pipeInput(SESSION, new byte[] {1, 2, 3});
        send(lap("1", 1, 100_000, 100_000));

        TestRecord<String, String> reject = rejected.readRecord();
        assertThat(header(reject, "reason")).startsWith("undecodable event");
        assertThat(header(reject, "source")).startsWith(Topics.TIMING_EVENTS + "-0@");
        List<Standings> boards = overall.readValuesToList();
        assertThat(boards.get(boards.size() - 1).getCars().get(0).getLaps()).isEqualTo(1);
    }

    @Test
    void shouldNameEveryProcessorStoreAndSink() {
        Topology topology = StandingsTopology.build(TOPICS, Duration.ZERO);
        String description = topology.describe().toString();
        assertThat(description).contains(StandingsTopology.SOURCE, StandingsTopology.PROCESSOR,
                StandingsTopology.SESSION_EVENTS_STORE, StandingsTopology.OVERALL_SINK, StandingsTopology.CLASS_SINK,
                StandingsTopology.GAPS_SINK, StandingsTopology.TRACK_SINK, StandingsTopology.FINAL_SINK,
                StandingsTopology.REJECTED_SINK, StandingsTopology.NOTABLE_SINK);
        assertThat(description).doesNotContain("KSTREAM-");
    }

    private static String header(TestRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
