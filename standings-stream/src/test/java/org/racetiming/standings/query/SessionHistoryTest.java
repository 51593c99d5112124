package org.racetiming.standings.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.RaceHistory;
import org.racetiming.standings.rules.RealRaces;

/**
 * A session's history kept up to date as a live race brings events: extended in place while events come in session
 * order, computed again when a late one lands before its end; either way the same as a history computed whole.
 */
class SessionHistoryTest {

    private static void assertSameAsComputedWhole(RaceHistory history, EventTimeline timeline, String sessionId) {
        RaceHistory whole = RaceHistory.of(sessionId, timeline.events());
        assertThat(history.laps()).isEqualTo(whole.laps());
        assertThat(history.notables()).isEqualTo(whole.notables());
    }

    @Test
    void shouldExtendTheHistoryWithLaterEventsAndComputeItAgainAfterALateOne() {
        List<TimingEvent> race = RealRaces.events("wec-2016-mexico-6h", "6:00:00.000");
        String sessionId = race.get(0).getSessionId();
        EventTimeline timeline = new EventTimeline(sessionId);
        SessionHistory live = new SessionHistory(sessionId, timeline);
        // One lap completion from the first hour held back, to arrive late at the end.
        TimingEvent late = race.stream().filter(e -> e.getSessionTimeMs() > 1_800_000
                && e.getPayload() instanceof org.racetiming.event.LapCompleted).findFirst().orElseThrow();
        List<TimingEvent> inOrder = new ArrayList<>(race);
        inOrder.remove(late);

        int half = inOrder.size() / 2;
        inOrder.subList(0, half).forEach(timeline::offer);
        RaceHistory first = live.current();
        assertSameAsComputedWhole(first, timeline, sessionId);

        for (int from = half; from < inOrder.size(); from += 997) { // a live race: new events between questions
            inOrder.subList(from, Math.min(inOrder.size(), from + 997)).forEach(timeline::offer);
            assertThat(live.current()).as("extended, not computed again").isSameAs(first);
        }
        assertSameAsComputedWhole(first, timeline, sessionId);

        timeline.offer(late);
        RaceHistory afterLate = live.current();
        assertThat(afterLate).as("computed again: the late lap changes what follows it").isNotSameAs(first);
        assertSameAsComputedWhole(afterLate, timeline, sessionId);
        assertThat(afterLate.laps()).hasSize(first.laps().size() + 1);
    }

    /** What a chart's question costs during a 24-hour race: the history extended by the events since the last one. */
    @Test
    void shouldSayWhatExtendingA24HourHistoryCosts() {
        List<TimingEvent> race = RealRaces.events("wec-2023-le-mans-24h", "24:00:00.000");
        String sessionId = race.get(0).getSessionId();
        EventTimeline timeline = new EventTimeline(sessionId);
        SessionHistory live = new SessionHistory(sessionId, timeline);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int hour23 = (int) race.stream().filter(e -> e.getSessionTimeMs() < 23L * 3_600_000).count();
        race.subList(0, hour23).forEach(timeline::offer);
        long start = threads.getCurrentThreadCpuTime();
        RaceHistory history = live.current();
        long whole = threads.getCurrentThreadCpuTime() - start;

        long extending = 0;
        int questions = 0;
        for (int from = hour23; from < race.size(); from += 20, questions++) { // ~20 events: a few seconds of racing
            race.subList(from, Math.min(race.size(), from + 20)).forEach(timeline::offer);
            start = threads.getCurrentThreadCpuTime();
            assertThat(live.current()).isSameAs(history);
            extending += threads.getCurrentThreadCpuTime() - start;
        }
        System.out.printf(java.util.Locale.ROOT, "wec-2023-le-mans-24h history at 23 h: computed whole %d ms CPU;"
                + " then extended by 20 events per question: %.2f ms CPU per question (%d questions)%n",
                whole / 1_000_000, extending / 1e6 / questions, questions);
        assertSameAsComputedWhole(history, timeline, sessionId);
    }
}
