package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.topology.TestEvents.SESSION;
import static org.racetiming.standings.topology.TestEvents.lap;
import static org.racetiming.standings.topology.TestEvents.start;
import static org.racetiming.standings.topology.TestEvents.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.NotableEvent;
import org.racetiming.standings.rules.Notable;
import org.racetiming.standings.rules.RaceHistory;
import org.racetiming.standings.rules.RealRaces;
import org.racetiming.topics.Topics;

class NotableEventsTopologyTest {

    private static final StandingsTopics TOPICS = RegistryFreeTopics.TOPICS;

    private final List<Path> stateDirs = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TimingEvent> in;
    private TestOutputTopic<String, NotableEvent> notables;

    private void startDriver(Duration emitInterval) {
        if (driver != null) {
            driver.close();
        }
        try {
            stateDirs.add(Files.createTempDirectory("notable-events-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.get(stateDirs.size() - 1).toString());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notable-events-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(StandingsTopology.build(TOPICS, emitInterval, new SessionTimelines()), props);
        in = driver.createInputTopic(Topics.TIMING_EVENTS, Serdes.String().serializer(),
                TOPICS.timingEvents().valueSerde().serializer());
        notables = driver.createOutputTopic(Topics.NOTABLE_EVENTS, Serdes.String().deserializer(),
                TOPICS.notableEvents().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() throws IOException {
        if (driver != null) {
            driver.close();
        }
        for (Path dir : stateDirs) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** #51 leads lap 1; a full course yellow; #8 crosses the line first on lap 2 and leads. */
    private static List<TimingEvent> aLeadChangeUnderYellow() {
        return List.of(start("51:HYPERCAR", "8:HYPERCAR"),
                lap("51", 1, 210_000, 210_000),
                lap("8", 1, 211_000, 211_000),
                track(TrackStatus.FULL_COURSE_YELLOW, 300_000),
                lap("8", 2, 400_000, 189_000),
                lap("51", 2, 420_000, 210_000));
    }

    private List<NotableEvent> deliver(List<TimingEvent> events) {
        startDriver(Duration.ZERO);
        events.forEach(event -> in.pipeInput(event.getSessionId(), event));
        // After a burst of late events the recomputed notable events go out on the next housekeeping check.
        driver.advanceWallClockTime(SessionRetention.DEFAULT.checkEvery());
        return notables.readValuesToList();
    }

    @Test
    void shouldSendTheYellowAndTheLeadChangeKeyedBySessionWithTheirSessionTimeAndASentence() {
        startDriver(Duration.ZERO);
        aLeadChangeUnderYellow().forEach(event -> in.pipeInput(SESSION, event));

        List<TestRecord<String, NotableEvent>> sent = notables.readRecordsToList();

        assertThat(sent).extracting(TestRecord::key).containsOnly(SESSION);
        assertThat(sent).extracting(r -> r.value().getKind(), r -> r.value().getAtMs(), r -> r.value().getText())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TRACK_STATUS", 300_000L, "Full course yellow"),
                        org.assertj.core.groups.Tuple.tuple("LEAD_CHANGE", 400_000L,
                                "#8 (Team 8) takes the lead from #51 on lap 2"),
                        org.assertj.core.groups.Tuple.tuple("FASTEST_LAP", 400_000L,
                                "Fastest lap of the race: #8 (Team 8) (Driver 8) 3:09.000 on lap 2"));
        assertThat(sent.get(1).value().getCar()).isEqualTo("8");
        assertThat(sent.get(1).value().getCarClass()).isEqualTo("HYPERCAR");
    }

    @Test
    void shouldSendTheSameNotableEventsOnceEachWhenEventsArriveLateOrTwice() {
        List<NotableEvent> inOrder = deliver(aLeadChangeUnderYellow());
        List<TimingEvent> scrambled = new ArrayList<>(aLeadChangeUnderYellow());
        scrambled.addAll(aLeadChangeUnderYellow().subList(2, 5));
        Collections.shuffle(scrambled, new Random(3));
        // The start first, or the session cannot check the cars of the events before it.
        scrambled.remove(aLeadChangeUnderYellow().get(0));
        scrambled.add(0, aLeadChangeUnderYellow().get(0));

        List<NotableEvent> scrambledFeed = deliver(scrambled);

        assertThat(scrambledFeed).extracting(NotableEvent::getId).doesNotHaveDuplicates();
        assertThat(scrambledFeed).containsExactlyInAnyOrderElementsOf(inOrder);
    }

    @Test
    void shouldSendEachOfLeMans2023sNotableEventsOnceEvenWithALateEvent() {
        List<TimingEvent> events = RealRaces.events("wec-2023-le-mans-24h", "24:00:00.000");
        List<Notable> expected = RaceHistory.of(events.get(0).getSessionId(), events).notables();
        List<TimingEvent> delivery = new ArrayList<>(events);
        TimingEvent late = delivery.remove(events.size() / 2); // a crossing in the middle of the race, sent last
        delivery.add(late);
        Duration emit = Duration.ofHours(1);
        startDriver(emit);

        List<NotableEvent> sent = new ArrayList<>();
        for (int from = 0; from < delivery.size(); from += 8_000) {
            delivery.subList(from, Math.min(delivery.size(), from + 8_000)).forEach(e -> in.pipeInput(e.getSessionId(), e));
            driver.advanceWallClockTime(emit);
            sent.addAll(notables.readValuesToList());
        }

        Map<String, Long> byKind = sent.stream()
                .collect(Collectors.groupingBy(NotableEvent::getKind, TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "Le Mans 2023 on topic %s: %d records, by kind %s%n", Topics.NOTABLE_EVENTS,
                sent.size(), byKind);
        assertThat(sent).extracting(NotableEvent::getId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Notable::id).toList());
        assertThat(sent).filteredOn(n -> n.getKind().equals("LEAD_CHANGE")).extracting(NotableEvent::getCar)
                .contains("51", "8");
    }
}
