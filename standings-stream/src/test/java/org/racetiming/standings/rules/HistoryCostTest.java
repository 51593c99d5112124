package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.TimingEvent;

/** The cost of a whole race's history on the largest 24-hour race in the data (Le Mans 2025, 20,182 laps). */
class HistoryCostTest {

    @Test
    void shouldRecordEveryLapOfLeMans2025AndSayWhatItCost() {
        List<TimingEvent> events = RealRaces.events("wec-2025-le-mans-24h", "24:00:00.000");
        long laps = events.stream().filter(e -> e.getPayload() instanceof LapCompleted).count();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long cpu = 0;
        RaceHistory history = null;
        for (int run = 0; run < 2; run++) { // the second run is the one with a warm JIT
            long cpuStart = threads.getCurrentThreadCpuTime();
            history = RaceHistory.of(events.get(0).getSessionId(), events);
            cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        long replayStart = threads.getCurrentThreadCpuTime();
        RealRaces.replay(events, Long.MAX_VALUE);
        long replay = threads.getCurrentThreadCpuTime() - replayStart;
        // Figures for the team; the assertion is that every lap is there.
        System.out.printf(Locale.ROOT, "wec-2025-le-mans-24h: history of %d laps, %d notable events from %d events:"
                + " %d ms CPU (the standings replay alone: %d ms CPU)%n", history.laps().size(),
                history.notables().size(), events.size(), cpu / 1_000_000, replay / 1_000_000);
        assertThat(history.laps()).hasSize((int) laps);
    }
}
