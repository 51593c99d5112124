package org.racetiming.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.CarRetired;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitIn;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

class SessionTimelineTest {

    private static final FeedOptions OPTIONS = FeedOptions.race("s");

    private static TimingEvent at(String id, long ms, Object payload) {
        return EventEnvelope.wrap(OPTIONS, id, ms, null, payload);
    }

    private static LapCompleted lap(String car) {
        return new LapCompleted(car, 1, null, List.of(), false, null, null, null, null);
    }

    @Test
    void shouldMergeBySessionTimeWithTheStartFirstAndTrackStatusBeforeCrossingsAtTheSameTime() {
        List<TimingEvent> timing = List.of(
                at("start", 0, new SessionStarted("s", SessionType.RACE, null, List.of(), List.of(), List.of())),
                at("lap/1/1", 100, lap("1")),
                at("pit-in/1/1", 100, new PitIn("1", 1)),
                at("lap/2/1", 200, lap("2")));
        List<TimingEvent> raceControl = List.of(
                at("rc/GREEN/0", 0, new TrackStatusChanged(TrackStatus.GREEN, null, true)),
                at("rc/SAFETY_CAR/100", 100, new TrackStatusChanged(TrackStatus.SAFETY_CAR, null, true)),
                at("rc/RETIREMENT/100/3", 100, new CarRetired("3", null)),
                at("rc/RETIREMENT/150/4", 150, new CarRetired("4", null)));

        List<TimingEvent> merged = SessionTimeline.merge(timing, raceControl);

        assertThat(merged).extracting(TimingEvent::getEventId).containsExactly(
                "start", "rc/GREEN/0", "rc/SAFETY_CAR/100", "lap/1/1", "pit-in/1/1", "rc/RETIREMENT/100/3",
                "rc/RETIREMENT/150/4", "lap/2/1");
    }
}
