package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.RaceEvents.ms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.timeline.SessionOrder;

class RaceHistoryTest {

    private final RaceEvents race = RaceEvents.race().points().cars("HYPERCAR", "51", "8").cars("LMP2", "23");

    /** #51 leads, pits at the end of lap 2 (a driver change) under a full course yellow; #8 takes the lead. */
    private List<TimingEvent> aPitStopUnderYellow() {
        return List.of(race.started(),
                race.lap("51", 1, "3:30.000", "3:30.000", false, "Calado"),
                race.lap("8", 1, "3:31.000", "3:31.000", false, "Buemi"),
                race.lap("23", 1, "3:50.000", "3:50.000", false, "Kubica"),
                race.status(TrackStatus.FULL_COURSE_YELLOW, "5:00.000"),
                race.lap("51", 2, "7:00.000", "3:30.000", true, "Calado"),
                race.pitIn("51", 2, "7:00.000"),
                race.lap("8", 2, "7:02.000", "3:31.000", false, "Buemi"),
                race.status(TrackStatus.GREEN, "7:30.000"),
                race.driver("51", "Pier Guidi", "8:00.000"),
                race.pitOut("51", 3, "8:00.000", "1:00.000"),
                race.lap("23", 2, "7:40.000", "3:50.000", false, "Kubica"),
                race.lap("8", 3, "10:30.000", "3:28.000", false, "Buemi"),
                race.lap("51", 3, "11:40.000", "4:40.000", false, "Pier Guidi"));
    }

    private RaceHistory history(List<TimingEvent> events) {
        List<TimingEvent> ordered = new ArrayList<>(events);
        ordered.sort(SessionOrder.ORDER);
        return RaceHistory.of(RaceEvents.SESSION, ordered);
    }

    private static LapRow lap(RaceHistory history, String car, int lap) {
        return history.laps(List.of(car), 0, Long.MAX_VALUE).stream().filter(r -> r.lap() == lap).findFirst().orElseThrow();
    }

    @Test
    void shouldRecordPositionAndGapToTheLeaderAtTheLine() {
        RaceHistory history = history(aPitStopUnderYellow());

        assertThat(lap(history, "51", 1).position()).isEqualTo(1);
        assertThat(lap(history, "51", 1).gapMs()).isNull();
        assertThat(lap(history, "8", 1).position()).isEqualTo(2);
        assertThat(lap(history, "8", 1).gapMs()).isEqualTo(1_000L);
        assertThat(lap(history, "23", 1).classPosition()).isEqualTo(1);
        assertThat(lap(history, "23", 1).position()).isEqualTo(3);
        assertThat(lap(history, "51", 3).position()).isEqualTo(2);
        assertThat(lap(history, "51", 3).gapMs()).isEqualTo(ms("1:10.000"));
    }

    @Test
    void shouldMarkTheInLapAndTheOutLapWithItsPitLaneTimeAndNewDriver() {
        RaceHistory history = history(aPitStopUnderYellow());

        assertThat(lap(history, "51", 2).inLap()).isTrue();
        assertThat(lap(history, "51", 2).outLap()).isFalse();
        assertThat(lap(history, "51", 3).outLap()).isTrue();
        assertThat(lap(history, "51", 3).pitLaneMs()).isEqualTo(60_000L);
        assertThat(lap(history, "51", 3).driver()).isEqualTo("Pier Guidi");
        assertThat(lap(history, "51", 2).driver()).isEqualTo("Calado");
    }

    @Test
    void shouldListEveryTrackStatusInForceDuringTheLap() {
        RaceHistory history = history(aPitStopUnderYellow());

        assertThat(lap(history, "51", 1).trackStatuses()).containsExactly(TrackStatus.GREEN);
        assertThat(lap(history, "51", 2).trackStatuses()).containsExactly(TrackStatus.GREEN, TrackStatus.FULL_COURSE_YELLOW);
        assertThat(lap(history, "8", 3).trackStatuses()).containsExactly(TrackStatus.FULL_COURSE_YELLOW, TrackStatus.GREEN);
        assertThat(lap(history, "51", 3).trackStatuses()).as("its out-lap began under the yellow")
                .containsExactly(TrackStatus.FULL_COURSE_YELLOW, TrackStatus.GREEN);
    }

    @Test
    void shouldSelectLapsByCarAndSessionTime() {
        RaceHistory history = history(aPitStopUnderYellow());

        assertThat(history.laps(List.of("8", "23"), ms("7:00.000"), ms("10:30.000")))
                .extracting(LapRow::car, LapRow::lap)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8", 2), org.assertj.core.groups.Tuple.tuple("23", 2),
                        org.assertj.core.groups.Tuple.tuple("8", 3));
    }

    @Test
    void shouldAnnounceTheLeadChangeThePitStopTheFastestLapAndTheYellow() {
        RaceHistory history = history(aPitStopUnderYellow());

        assertThat(history.notables()).extracting(Notable::kind, Notable::car, Notable::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TRACK_STATUS", null, "Full course yellow"),
                org.assertj.core.groups.Tuple.tuple("TRACK_STATUS", null, "Green flag"),
                org.assertj.core.groups.Tuple.tuple("PIT_STOP", "51",
                        "#51 (Team 51) pit stop: 1:00.000 in the pit lane, Calado hands over to Pier Guidi (out-lap 3)"),
                org.assertj.core.groups.Tuple.tuple("LEAD_CHANGE", "8", "#8 (Team 8) takes the lead from #51 on lap 3"),
                org.assertj.core.groups.Tuple.tuple("FASTEST_LAP", "8", "Fastest lap of the race: #8 (Team 8) (Buemi) 3:28.000 on lap 3"));
    }

    @Test
    void shouldYieldTheSameHistoryAndNotableEventsWhateverOrderTheEventsArrivedIn() {
        List<TimingEvent> shuffled = new ArrayList<>(aPitStopUnderYellow());
        Collections.shuffle(shuffled, new Random(7));

        RaceHistory inOrder = history(aPitStopUnderYellow());
        RaceHistory fromShuffled = history(shuffled);

        assertThat(fromShuffled.laps()).isEqualTo(inOrder.laps());
        assertThat(fromShuffled.notables()).isEqualTo(inOrder.notables());
    }
}
