package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.row;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.CarGaps;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;

/** The history and the notable events of the 2023 Le Mans 24 Hours, replayed from its timing file. */
class LeMans2023HistoryTest {

    private static final String RACE = "wec-2023-le-mans-24h";

    private static List<TimingEvent> events;
    private static RaceHistory history;

    @BeforeAll
    static void replay() {
        events = RealRaces.events(RACE, "24:00:00.000");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        history = RaceHistory.of(events.get(0).getSessionId(), events);
        // Figures for the team; CPU time as well, which the load of other builds on the machine does not inflate.
        System.out.printf(Locale.ROOT, "%s: history of %d laps and %d notable events from %d events in %d ms"
                        + " (%d ms CPU)%n", RACE, history.laps().size(), history.notables().size(), events.size(),
                (System.nanoTime() - start) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        Map<String, Long> byKind = history.notables().stream()
                .collect(Collectors.groupingBy(Notable::kind, TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "%s: notable events by kind %s%n", RACE, byKind);
    }

    @Test
    void shouldRecordEachOfTheWinnersThreeHundredFortyTwoLapsOnceAndInOrder() {
        List<LapRow> winner = history.laps(List.of("51"), 0, Long.MAX_VALUE);

        assertThat(winner).hasSize(342);
        assertThat(winner).extracting(LapRow::lap).isSorted().doesNotHaveDuplicates();
        assertThat(winner.get(341).position()).isEqualTo(1);
        assertThat(winner.get(341).classPosition()).isEqualTo(1);
    }

    @Test
    void shouldCountAsManyInLapsPerCarAsTheStandingsCountPitStops() {
        Standings end = history.session().overall();
        Map<String, Long> inLaps = history.laps().stream().filter(LapRow::inLap)
                .collect(Collectors.groupingBy(LapRow::car, Collectors.counting()));

        for (CarStanding car : end.getCars()) {
            assertThat(inLaps.getOrDefault(car.getCar(), 0L)).as("in-laps of #%s", car.getCar())
                    .isEqualTo(car.getPitStops());
        }
    }

    @Test
    void shouldGiveEachLapThePositionAndGapOfTheStandingsAtThatCrossing() {
        for (LapRow lap : List.of(lap("8", 100), lap("2", 215), lap("51", 216), lap("33", 150))) {
            RaceSession then = RealRaces.replay(events, lap.crossedAtMs()).session();
            CarGaps gaps = then.carGaps(lap.car());

            assertThat(gaps.getPosition()).as("#%s lap %d", lap.car(), lap.lap()).isEqualTo(lap.position());
            assertThat(gaps.getClassPosition()).isEqualTo(lap.classPosition());
            if (gaps.getGapFirst() == null) {
                assertThat(lap.gapMs()).isNull();
            } else {
                assertThat(gaps.getGapFirst().getLaps()).isEqualTo(lap.gapLaps());
                assertThat(gaps.getGapFirst().getLaps() == 0 ? Long.valueOf(gaps.getGapFirst().getTimeMs()) : null)
                        .isEqualTo(lap.gapMs());
            }
        }
    }

    @Test
    void shouldShowTheLeadChangingHandsBetweenTheFerrariAndTheToyota() {
        List<Notable> leadChanges = history.notables().stream()
                .filter(n -> n.kind().equals(NotableEvents.LEAD_CHANGE)).toList();

        assertThat(leadChanges).extracting(Notable::car).contains("51", "8");
        assertThat(leadChanges).anyMatch(n -> n.car().equals("8") && n.text().contains("from #51"));
        assertThat(leadChanges).anyMatch(n -> n.car().equals("51") && n.text().contains("from #8"));
    }

    @Test
    void shouldAnnounceEachClassWinnerAtTheFlagNotTheFirstCarOfTheClassToCrossAfterIt() {
        assertThat(history.notables()).filteredOn(n -> n.kind().equals(NotableEvents.CLASS_FINISH))
                .extracting(Notable::car, Notable::carClass).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("51", "HYPERCAR"),
                        org.assertj.core.groups.Tuple.tuple("34", "LMP2"),
                        org.assertj.core.groups.Tuple.tuple("33", "LMGTE Am"),
                        org.assertj.core.groups.Tuple.tuple("24", "INNOVATIVE CAR"));
    }

    @Test
    void shouldReportEachOfTheWinnersPitStopsAsTheStandingsCountThem() {
        Map<String, Long> stops = history.notables().stream().filter(n -> n.kind().equals(NotableEvents.PIT_STOP))
                .collect(Collectors.groupingBy(Notable::car, Collectors.counting()));
        Standings end = history.session().overall();

        assertThat(stops.get("51")).isEqualTo(row(end, "51").getPitStops());
    }

    private static LapRow lap(String car, int lap) {
        return history.laps(List.of(car), 0, Long.MAX_VALUE).stream().filter(row -> row.lap() == lap).findFirst()
                .orElseThrow();
    }
}
