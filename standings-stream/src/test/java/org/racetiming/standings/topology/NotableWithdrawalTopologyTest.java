package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.topology.TestEvents.SESSION;
import static org.racetiming.standings.topology.TestEvents.envelope;
import static org.racetiming.standings.topology.TestEvents.lap;
import static org.racetiming.standings.topology.TestEvents.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.NotableEvent;
import org.racetiming.standings.rules.Notable;
import org.racetiming.standings.rules.RaceHistory;
import org.racetiming.standings.rules.RealRaces;
import org.racetiming.topics.Topics;

/**
 * A notable event a late timing event makes untrue is withdrawn on the topic (same id, {@code withdrawn: true}), and
 * sent again if it becomes true again; folding the topic gives the feed of a clean replay whatever the delivery.
 */
class NotableWithdrawalTopologyTest {

    private static final StandingsTopics TOPICS = RegistryFreeTopics.TOPICS;
    /** Boards held back between flushes, so a burst costs few recomputations (as in service). */
    private static final Duration EMIT = Duration.ofSeconds(20);
    /** Longer than the recompute throttle and the housekeeping check; far below idle eviction (15 min). */
    private static final Duration STEP = Duration.ofSeconds(30);

    private final List<Path> stateDirs = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TimingEvent> in;
    private TestOutputTopic<String, NotableEvent> notables;

    private void startDriver() {
        if (driver != null) {
            driver.close();
        }
        try {
            Path stateDir = Files.createTempDirectory("notable-withdrawal-test");
            stateDirs.add(stateDir);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notable-withdrawal-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            driver = new TopologyTestDriver(StandingsTopology.build(TOPICS, EMIT, new SessionTimelines()), props);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        in = driver.createInputTopic(Topics.TIMING_EVENTS, Serdes.String().serializer(),
                TOPICS.timingEvents().valueSerde().serializer());
        notables = driver.createOutputTopic(Topics.NOTABLE_EVENTS, Serdes.String().deserializer(),
                TOPICS.notableEvents().valueSerde().deserializer());
    }

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            driver.close();
        }
        for (Path dir : stateDirs) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Sends a batch as it arrives, then lets the wall clock pass so held-back boards and notables go out. */
    private List<NotableEvent> deliver(List<TimingEvent> batch) {
        batch.forEach(event -> in.pipeInput(event.getSessionId(), event));
        driver.advanceWallClockTime(STEP);
        driver.advanceWallClockTime(STEP);
        return notables.readValuesToList();
    }

    @Test
    void shouldWithdrawALeadChangeALateLapMadeUntrueAndSendItAgainWhenAPenaltyMakesItTrue() {
        startDriver();
        List<NotableEvent> first = deliver(List.of(start("51:HYPERCAR", "8:HYPERCAR"),
                lap("51", 1, 210_000, 210_000), lap("8", 1, 211_000, 211_000), lap("8", 2, 400_000, 189_000)));
        NotableEvent leadChange = first.stream().filter(n -> n.getKind().equals("LEAD_CHANGE")).findFirst().orElseThrow();
        assertThat(leadChange.getText()).isEqualTo("#8 (Team 8) takes the lead from #51 on lap 2");
        assertThat(leadChange.getWithdrawn()).isFalse();

        // #51's lap 2 arrives late: it crossed the line first, so #8 never took the lead there.
        List<NotableEvent> afterLateLap = deliver(List.of(lap("51", 2, 390_000, 180_000)));

        assertThat(afterLateLap).filteredOn(n -> n.getId().equals(leadChange.getId())).singleElement()
                .satisfies(withdrawn -> {
                    assertThat(withdrawn.getWithdrawn()).isTrue();
                    assertThat(NotableEvent.newBuilder(withdrawn).setWithdrawn(false).build()).isEqualTo(leadChange);
                });
        // #8's 3:09 was no fastest lap either: #51's 3:00 came first. Both untrue, both withdrawn, nothing else.
        assertThat(afterLateLap).filteredOn(NotableEvent::getWithdrawn).extracting(NotableEvent::getKind)
                .containsExactlyInAnyOrder("LEAD_CHANGE", "FASTEST_LAP");

        // A lap penalty on #51 before #8's crossing (also late) puts #8 ahead there again: the same lead change.
        List<NotableEvent> afterPenalty = deliver(List.of(envelope("penalty/51", 395_000,
                PenaltyApplied.newBuilder().setCar("51").setLaps(1).setReason("test").build())));

        assertThat(afterPenalty).filteredOn(n -> n.getId().equals(leadChange.getId())).singleElement()
                .isEqualTo(leadChange);
    }

    @Test
    void shouldFoldToTheFeedOfACleanReplayAfterAShuffledRepeatedAndLateDeliveryOfLeMans2023() {
        List<TimingEvent> race = RealRaces.events("wec-2023-le-mans-24h", "24:00:00.000");
        startDriver();
        List<NotableEvent> cleanTopic = new ArrayList<>();
        for (List<TimingEvent> batch : batches(race, 8)) {
            cleanTopic.addAll(deliver(batch));
        }
        startDriver();
        List<NotableEvent> shuffledTopic = new ArrayList<>();
        for (List<TimingEvent> batch : batches(liveLinkDelivery(race, new Random(20230610)), 12)) {
            shuffledTopic.addAll(deliver(batch));
        }

        Map<String, NotableEvent> clean = fold(cleanTopic);
        Map<String, NotableEvent> shuffled = fold(shuffledTopic);
        System.out.printf(Locale.ROOT, "Le Mans 2023 on %s, in order: %d records, by kind %s%n", Topics.NOTABLE_EVENTS,
                cleanTopic.size(), byKind(cleanTopic));
        System.out.printf(Locale.ROOT, "Le Mans 2023 on %s, shuffled (seed 20230610): %d records (%d withdrawals),"
                        + " folding to %d%n", Topics.NOTABLE_EVENTS, shuffledTopic.size(),
                shuffledTopic.stream().filter(NotableEvent::getWithdrawn).count(), shuffled.size());

        assertThat(cleanTopic).noneMatch(NotableEvent::getWithdrawn).extracting(NotableEvent::getId)
                .doesNotHaveDuplicates();
        assertThat(clean.keySet()).containsExactlyInAnyOrderElementsOf(RaceHistory.of(race.get(0).getSessionId(), race)
                .notables().stream().map(Notable::id).collect(Collectors.toSet()));
        assertThat(shuffledTopic).as("the delivery made some sent notable events untrue")
                .anyMatch(NotableEvent::getWithdrawn);
        assertThat(shuffled).isEqualTo(clean);
    }

    /** Latest record per id, the withdrawn dropped: what a reader of the topic shows. */
    private static Map<String, NotableEvent> fold(List<NotableEvent> topic) {
        Map<String, NotableEvent> latest = new LinkedHashMap<>();
        topic.forEach(record -> latest.put(record.getId(), record));
        latest.values().removeIf(NotableEvent::getWithdrawn);
        return new TreeMap<>(latest);
    }

    private static Map<String, Long> byKind(List<NotableEvent> topic) {
        return topic.stream().collect(Collectors.groupingBy(NotableEvent::getKind, TreeMap::new, Collectors.counting()));
    }

    /**
     * As a live link delivers a race: each event delayed by up to 5 minutes of session time, 1 % of them sent twice
     * (the repeat up to 30 minutes later), and 12 held back to the very end; the session's start first.
     */
    private static List<TimingEvent> liveLinkDelivery(List<TimingEvent> race, Random random) {
        record Arrival(long at, TimingEvent event) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        long end = race.get(race.size() - 1).getSessionTimeMs();
        for (TimingEvent event : race) {
            long t = event.getSessionTimeMs();
            if (event.getPayload() instanceof SessionStarted) {
                arrivals.add(new Arrival(Long.MIN_VALUE, event));
                continue;
            }
            boolean heldBack = random.nextInt(race.size()) < 12;
            arrivals.add(new Arrival(heldBack ? end + 1 + random.nextInt(1_000) : t + random.nextInt(300_000), event));
            if (random.nextInt(100) == 0) {
                arrivals.add(new Arrival(t + random.nextInt(1_800_000), event));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        return arrivals.stream().map(Arrival::event).toList();
    }

    private static List<List<TimingEvent>> batches(List<TimingEvent> events, int count) {
        List<List<TimingEvent>> batches = new ArrayList<>();
        int size = (events.size() + count - 1) / count;
        for (int from = 0; from < events.size(); from += size) {
            batches.add(events.subList(from, Math.min(events.size(), from + size)));
        }
        return batches;
    }
}
