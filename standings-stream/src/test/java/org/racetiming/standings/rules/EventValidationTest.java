package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.RaceEvents.apply;

import org.junit.jupiter.api.Test;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.Standings;

class EventValidationTest {

    private final RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8");

    @Test
    void shouldRejectTheSameEventIdTwiceAsADuplicateAndChangeNothing() {
        RaceSession session = race.session();
        TimingEvent lap = race.lap("51", 1, "3:30.000");
        apply(session, lap);
        Standings before = session.overall();

        ApplyResult again = session.apply(lap);

        assertThat(again.applied()).isFalse();
        assertThat(again.reason()).startsWith("duplicate event id");
        assertThat(session.overall().getCars()).isEqualTo(before.getCars());
    }

    @Test
    void shouldRejectACrossingAlreadyAppliedForTheSameCarLapAndPointUnderAnotherId() {
        RaceSession session = race.session();
        TimingEvent lap = race.lap("51", 1, "3:30.000");
        TimingEvent point = race.point("51", 2, 1, "4:40.000");
        apply(session, lap, point);

        ApplyResult lapAgain = session.apply(race.resent(lap));
        ApplyResult pointAgain = session.apply(race.resent(point));

        assertThat(lapAgain.reason()).isEqualTo("duplicate: car 51 lap 1 finish line already applied");
        assertThat(pointAgain.reason()).isEqualTo("duplicate: car 51 lap 2 S1 already applied");
        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(1);
    }

    @Test
    void shouldRejectALapOlderThanOneAlreadyAppliedAsOutOfOrder() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 2, "7:00.000"));

        ApplyResult older = session.apply(race.lap("51", 1, "3:30.000"));

        assertThat(older.applied()).isFalse();
        assertThat(older.reason()).isEqualTo(
                "out of order: car 51 lap 1 finish line is behind lap 2 finish line, already applied");
    }

    @Test
    void shouldRejectAPassageEarlierThanTheCarsPreviousOne() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));

        ApplyResult backInTime = session.apply(race.point("51", 2, 1, "3:20.000"));

        assertThat(backInTime.reason()).startsWith("out of order: car 51 lap 2 S1 at 0:03:20.000 is earlier than");
    }

    @Test
    void shouldAcceptAMissingLapAndCarryOnFromTheNextOne() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"), race.lap("51", 3, "10:30.000"));

        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(3);
    }

    @Test
    void shouldRejectALapNumberNoRaceCouldReach() {
        RaceSession session = race.session();

        assertThat(session.apply(race.lap("51", 2_000_000_000, "3:30.000")).reason())
                .isEqualTo("car 51: lap 2000000000 is not a lap number");
        assertThat(session.apply(race.point("51", 0, 1, "3:30.000")).applied()).isFalse();
    }

    @Test
    void shouldRejectAnUnknownCar() {
        RaceSession session = race.session();

        ApplyResult result = session.apply(race.lap("99", 1, "3:30.000"));

        assertThat(result.reason()).isEqualTo("unknown car '99': not in the entry list of session 'test-session'");
    }

    @Test
    void shouldRejectEventsBeforeSessionStarted() {
        RaceSession session = new RaceSession(RaceEvents.SESSION);

        ApplyResult result = session.apply(race.lap("51", 1, "3:30.000"));

        assertThat(result.applied()).isFalse();
        assertThat(result.reason()).contains("no SessionStarted yet");
        assertThat(session.eventsSeen()).isEqualTo(1);
        assertThat(session.overall().getCars()).isEmpty();
    }

    @Test
    void shouldRejectAnEventOfAnotherSession() {
        RaceSession session = race.session();

        ApplyResult result = session.apply(RaceEvents.forSession(race.lap("51", 1, "3:30.000"), "other"));

        assertThat(result.reason()).isEqualTo("wrong session: event is for 'other', this is 'test-session'");
    }

    @Test
    void shouldRejectNegativeTimes() {
        RaceSession session = race.session();
        TimingEvent negativeSessionTime = TimingEvent.newBuilder(race.lap("51", 1, "3:30.000"))
                .setSessionTimeMs(-1).build();
        TimingEvent negativeLapTime = race.lap("51", 1, "3:30.000", "3:30.000");
        ((LapCompleted) negativeLapTime.getPayload()).setLapTimeMs(-5L);
        TimingEvent negativeSector = race.lapWithSectors("51", 1, "3:30.000", "3:30.000", "1:00.000", "1:30.000",
                "1:00.000");
        ((LapCompleted) negativeSector.getPayload()).getSectorTimesMs().set(1, -1L);
        TimingEvent negativePitLane = race.pitOut("51", 2, "3:40.000", "1:00.000");
        ((PitOut) negativePitLane.getPayload()).setPitLaneTimeMs(-1L);

        assertThat(session.apply(negativeSessionTime).reason()).isEqualTo("negative session time -1 ms");
        assertThat(session.apply(negativeLapTime).reason()).isEqualTo("car 51 lap 1: negative lap time");
        assertThat(session.apply(negativeSector).reason()).isEqualTo("car 51 lap 1: negative sector time");
        assertThat(session.apply(negativePitLane).reason()).isEqualTo("car 51: negative pit-lane time");
        assertThat(session.apply(race.penalty("8", -1, 0, "4:00.000")).reason())
                .isEqualTo("car 8: a penalty cannot give laps or time back");
        assertThat(session.overall().getCars()).allSatisfy(c -> assertThat(c.getLaps()).isZero());
    }

    @Test
    void shouldRejectAPointOutsideTheSessionsIntermediatePoints() {
        RaceSession session = race.session();

        assertThat(session.apply(race.point("51", 1, 3, "1:00.000")).reason())
                .isEqualTo("car 51: point 3 is outside this session's intermediate points 1..2 [S1, S2]");
        assertThat(session.apply(race.point("51", 1, 0, "1:00.000")).applied()).isFalse();
    }

    @Test
    void shouldRejectMalformedRecordsWithoutThrowing() {
        RaceSession session = race.session();
        TimingEvent noPayload = TimingEvent.newBuilder(race.lap("51", 1, "3:30.000")).build();
        noPayload.setPayload(null);
        TimingEvent noCar = race.lap("51", 1, "3:30.000");
        ((LapCompleted) noCar.getPayload()).setCar(null);
        TimingEvent noId = race.lap("51", 1, "3:30.000");
        noId.setEventId(null);
        TimingEvent strangePayload = race.lap("51", 1, "3:30.000");
        strangePayload.setPayload("not an event");

        assertThat(session.apply(null).reason()).isEqualTo("no event");
        assertThat(session.apply(noPayload).reason()).isEqualTo("event without a payload");
        assertThat(session.apply(noCar).reason()).startsWith("unknown car 'null'");
        assertThat(session.apply(noId).reason()).isEqualTo("event without an eventId");
        assertThat(session.apply(strangePayload).reason()).startsWith("unknown payload");
        assertThat(session.eventsSeen()).isEqualTo(6);
    }

    @Test
    void shouldCountAppliedAndRejectedEventsAndKeepTheLatestSessionTime() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));
        session.apply(race.lap("99", 1, "9:00.000"));
        apply(session, race.penalty("8", 0, 10_000, "2:00.000"));

        assertThat(session.eventsSeen()).isEqualTo(4);
        assertThat(session.sessionTimeMs()).as("a late race-control event does not move the clock back")
                .isEqualTo(RaceEvents.ms("3:30.000"));
        assertThat(session.overall().getEventsSeen()).isEqualTo(4);
    }

    @Test
    void shouldRejectDuplicatePitStopsRetirementsAndEmptyPenalties() {
        RaceSession session = race.session();
        apply(session, race.pitIn("51", 5, "17:00.000"), race.retired("8", "18:00.000"));

        assertThat(session.apply(race.pitIn("51", 5, "17:00.000")).reason())
                .isEqualTo("duplicate: car 51 pit entry on lap 5 already applied");
        assertThat(session.apply(race.pitIn("51", 4, "17:00.000")).reason()).startsWith("out of order:");
        assertThat(session.apply(race.retired("8", "18:30.000")).reason())
                .isEqualTo("duplicate: car 8 is already retired");
        assertThat(session.apply(race.penalty("51", 0, 0, "19:00.000")).reason())
                .isEqualTo("car 51: penalty removes no laps and adds no time");
    }

    @Test
    void shouldReplaceTheEntryListWhenSessionStartedIsSentAgainKeepingWhatCarsDid() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));
        RaceEvents lateEntry = RaceEvents.race().cars("HYPERCAR", "51", "8", "99");

        apply(session, race.resent(lateEntry.started()));
        apply(session, race.lap("99", 1, "3:50.000"));

        assertThat(Boards.order(session.overall())).containsExactly("51", "99", "8");
        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnEntryListThatNamesACarTwice() {
        RaceSession session = new RaceSession(RaceEvents.SESSION);
        TimingEvent started = RaceEvents.race().cars("HYPERCAR", "51", "51").started();

        assertThat(session.apply(started).reason()).isEqualTo("entry list names car 51 twice");
    }

    @Test
    void shouldRejectChangingTheTimingPointsAfterCrossings() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));
        SessionStarted fewer = (SessionStarted) RaceEvents.race().points("S1").cars("HYPERCAR", "51", "8")
                .started().getPayload();

        ApplyResult result = session.apply(TimingEvent.newBuilder(race.lap("8", 1, "3:31.000"))
                .setPayload(fewer).build());

        assertThat(result.reason()).contains("intermediate points changed");
    }
}
