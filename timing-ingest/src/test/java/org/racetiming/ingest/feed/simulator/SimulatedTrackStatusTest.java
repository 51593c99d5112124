package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

/** Race control neutralises the track, and everybody slows down for it. */
class SimulatedTrackStatusTest {

    @Test
    void shouldOpenAndCloseSlowZonesWithSeveralActiveAtOnce() {
        Set<String> active = new TreeSet<>();
        int mostAtOnce = 0;
        int zones = 0;
        for (TimingEvent e : SimulatedRaces.of(SimulatedRaces.DEFAULT)) {
            if (e.getPayload() instanceof TrackStatusChanged status && status.getStatus() == TrackStatus.SLOW_ZONE) {
                assertThat(status.getZone()).isNotBlank();
                if (status.getActive()) {
                    assertThat(active.add(status.getZone())).as("%s opens an open zone", e.getEventId()).isTrue();
                    zones++;
                } else {
                    assertThat(active.remove(status.getZone())).as("%s closes a closed zone", e.getEventId()).isTrue();
                }
                mostAtOnce = Math.max(mostAtOnce, active.size());
            }
        }
        assertThat(active).isEmpty();
        assertThat(zones).isGreaterThanOrEqualTo(3);
        assertThat(mostAtOnce).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldSlowEveryoneDownUnderFullCourseYellowAndSafetyCarUntilGreen() {
        List<TimingEvent> events = SimulatedRaces.of(SimulatedRaces.DEFAULT);
        List<long[]> neutralised = new ArrayList<>();
        Set<TrackStatus> seen = new HashSet<>();
        Long since = null;
        for (TimingEvent e : events) {
            if (e.getPayload() instanceof TrackStatusChanged status) {
                switch (status.getStatus()) {
                    case FULL_COURSE_YELLOW, SAFETY_CAR -> {
                        seen.add(status.getStatus());
                        since = since == null ? e.getSessionTimeMs() : since;
                    }
                    case GREEN -> {
                        assertThat(since).as("%s ends a neutralisation", e.getEventId()).isNotNull();
                        neutralised.add(new long[] {since, e.getSessionTimeMs()});
                        since = null;
                    }
                    default -> { }
                }
            }
        }
        assertThat(since).as("green before the end").isNull();
        assertThat(seen).containsExactlyInAnyOrder(TrackStatus.FULL_COURSE_YELLOW, TrackStatus.SAFETY_CAR);

        Map<String, String> classes = new HashMap<>();
        RaceEvents.entries(events).forEach((car, entry) -> classes.put(car, entry.getCarClass()));
        Map<String, List<Long>> greenLaps = new HashMap<>();
        List<LapCompleted> slowLaps = new ArrayList<>();
        for (TimingEvent e : events) {
            if (e.getPayload() instanceof LapCompleted lap && !lap.getCrossedInPit() && lap.getLap() > 1) {
                long end = e.getSessionTimeMs();
                long start = end - lap.getLapTimeMs();
                if (neutralised.stream().anyMatch(n -> n[0] <= start && end <= n[1])) {
                    slowLaps.add(lap);
                } else if (neutralised.stream().noneMatch(n -> n[0] < end && start < n[1])) {
                    greenLaps.computeIfAbsent(classes.get(lap.getCar()), c -> new ArrayList<>()).add(lap.getLapTimeMs());
                }
            }
        }
        Map<String, Long> medianGreen = new HashMap<>();
        greenLaps.forEach((cls, times) -> medianGreen.put(cls, times.stream().sorted().toList().get(times.size() / 2)));
        assertThat(slowLaps).hasSizeGreaterThan(SimulatedRaces.DEFAULT.cars());
        assertThat(slowLaps).allSatisfy(lap -> assertThat(lap.getLapTimeMs())
                .as("car %s lap %d", lap.getCar(), lap.getLap())
                .isGreaterThan(medianGreen.get(classes.get(lap.getCar())) * 3 / 2));
    }
}
