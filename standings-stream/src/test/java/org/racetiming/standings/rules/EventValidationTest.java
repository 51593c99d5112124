package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.RaceEvents.apply;

import org.junit.jupiter.api.Test;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.rules.ApplyResult.Kind;

/**
 * What the rules do with each event where it stands: rejected (breaks a rule as a whole, the shared verdict of
 * EventChecks), ignored (valid, but changes nothing there), applied, or waiting for the session's start.
 */
class EventValidationTest {

    private final RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8");

    @Test
    void shouldIgnoreACrossingAlreadyAppliedForTheSameCarLapAndPointUnderAnotherId() {
        RaceSession session = race.session();
        TimingEvent lap = race.lap("51", 1, "3:30.000");
        TimingEvent point = race.point("51", 2, 1, "4:40.000");
        apply(session, lap, point);

        ApplyResult lapAgain = session.apply(race.resent(lap));
        ApplyResult pointAgain = session.apply(race.resent(point));

        assertThat(lapAgain).isEqualTo(ApplyResult.ignored("duplicate: car 51 lap 1 finish line already applied"));
        assertThat(pointAgain).isEqualTo(ApplyResult.ignored("duplicate: car 51 lap 2 S1 already applied"));
        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreALapBehindOneAlreadyAppliedWhenTheFeedContradictsItself() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 2, "7:00.000"));

        ApplyResult older = session.apply(race.lap("51", 1, "7:30.000"));

        assertThat(older.kind()).isEqualTo(Kind.IGNORED);
        assertThat(older.reason()).isEqualTo(
                "out of order: car 51 lap 1 finish line is behind lap 2 finish line, already applied");
        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(2);
    }

    @Test
    void shouldAcceptAMissingLapAndCarryOnFromTheNextOne() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"), race.lap("51", 3, "10:30.000"));

        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(3);
    }

    @Test
    void shouldRejectALapNumberNoRaceCouldReachInTheSharedWords() {
        RaceSession session = race.session();

        assertThat(session.apply(race.lap("51", 2_000_000_000, "3:30.000")).reason())
                .isEqualTo("lap 2000000000 is not a lap any race reaches (at most 10000)");
        assertThat(session.apply(race.point("51", 0, 1, "3:30.000")).reason())
                .isEqualTo("lap 0 is not a lap (laps count from 1)");
    }

    @Test
    void shouldRejectAnUnknownCar() {
        RaceSession session = race.session();

        ApplyResult result = session.apply(race.lap("99", 1, "3:30.000"));

        assertThat(result).isEqualTo(ApplyResult.rejected("unknown car 99 (not in the session's entry list)"));
    }

    @Test
    void shouldHoldEventsBeforeSessionStartedUntilItComes() {
        RaceSession session = new RaceSession(RaceEvents.SESSION);

        ApplyResult early = session.apply(race.lap("51", 1, "3:30.000"));
        ApplyResult earlyUnknown = session.apply(race.lap("99", 1, "3:40.000"));

        assertThat(early.applied()).isTrue();
        assertThat(earlyUnknown.applied()).as("the entry list is not known yet").isTrue();
        assertThat(session.overall().getCars()).isEmpty();

        session.apply(race.started());

        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(1);
        assertThat(session.eventsSeen()).as("the car not in the entry list that came is not held").isEqualTo(2);
    }

    @Test
    void shouldRejectAnEventOfAnotherSession() {
        RaceSession session = race.session();

        ApplyResult result = session.apply(RaceEvents.forSession(race.lap("51", 1, "3:30.000"), "other"));

        assertThat(result.reason()).isEqualTo("wrong session: event is for 'other', this is 'test-session'");
    }

    @Test
    void shouldRejectImpossibleTimes() {
        RaceSession session = race.session();
        TimingEvent negativeSessionTime = TimingEvent.newBuilder(race.lap("51", 1, "3:30.000"))
                .setSessionTimeMs(-1).build();
        TimingEvent zeroLapTime = race.lap("51", 1, "3:30.000", "3:30.000");
        ((LapCompleted) zeroLapTime.getPayload()).setLapTimeMs(0L);
        TimingEvent negativeSector = race.lapWithSectors("51", 1, "3:30.000", "3:30.000", "1:00.000", "1:30.000",
                "1:00.000");
        ((LapCompleted) negativeSector.getPayload()).getSectorTimesMs().set(1, -1L);
        TimingEvent negativePitLane = race.pitOut("51", 2, "3:40.000", "1:00.000");
        ((PitOut) negativePitLane.getPayload()).setPitLaneTimeMs(-1L);

        assertThat(session.apply(negativeSessionTime).reason()).isEqualTo("negative session time -0:00:00.001");
        assertThat(session.apply(zeroLapTime).reason()).isEqualTo("lap time 0.000 is impossible");
        assertThat(session.apply(negativeSector).reason()).isEqualTo("negative sector time -0.001");
        assertThat(session.apply(negativePitLane).reason()).isEqualTo("negative pit lane time -0.001");
        assertThat(session.apply(race.penalty("8", -1, 0, "4:00.000")).reason()).isEqualTo("negative penalty of -1 laps");
        assertThat(session.overall().getCars()).allSatisfy(c -> assertThat(c.getLaps()).isZero());
    }

    @Test
    void shouldRejectAPointOutsideTheSessionsIntermediatePoints() {
        RaceSession session = race.session();

        assertThat(session.apply(race.point("51", 1, 3, "1:00.000")).reason())
                .isEqualTo("timing point 3 does not exist (the session has 2)");
        assertThat(session.apply(race.point("51", 1, 0, "1:00.000")).rejected()).isTrue();
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
        assertThat(session.apply(noPayload).reason()).isEqualTo("missing payload");
        assertThat(session.apply(noCar).reason()).isEqualTo("missing car");
        assertThat(session.apply(noId).reason()).isEqualTo("missing eventId");
        assertThat(session.apply(strangePayload).reason()).isEqualTo("unknown payload String");
        assertThat(session.eventsSeen()).as("only the start is held").isEqualTo(1);
    }

    @Test
    void shouldCountTheEventsHeldAndKeepTheLatestSessionTime() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));
        session.apply(race.lap("99", 1, "9:00.000"));
        session.apply(race.resent(race.lap("51", 1, "3:30.000")));

        assertThat(session.eventsSeen()).as("start, lap, ignored repeat; not the rejected car").isEqualTo(3);
        assertThat(session.sessionTimeMs()).isEqualTo(RaceEvents.ms("3:30.000"));
        assertThat(session.overall().getEventsSeen()).isEqualTo(3);
    }

    @Test
    void shouldIgnoreDuplicatePitStopsAndRetirementsAndRejectEmptyPenalties() {
        RaceSession session = race.session();
        apply(session, race.pitIn("51", 5, "17:00.000"), race.retired("8", "18:00.000"));

        assertThat(session.apply(race.pitIn("51", 5, "17:00.000")))
                .isEqualTo(ApplyResult.ignored("duplicate: car 51 pit entry on lap 5 already applied"));
        assertThat(session.apply(race.pitIn("51", 4, "17:00.000")).reason()).startsWith("out of order:");
        assertThat(session.apply(race.retired("8", "18:30.000")))
                .isEqualTo(ApplyResult.ignored("duplicate: car 8 is already retired"));
        assertThat(session.apply(race.penalty("51", 0, 0, "19:00.000")))
                .isEqualTo(ApplyResult.rejected("penalty of neither laps nor time"));
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

        assertThat(session.apply(started).reason()).isEqualTo("car 51 is in the entry list twice");
    }

    @Test
    void shouldIgnoreChangingTheTimingPointsAfterCrossings() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));
        SessionStarted fewer = (SessionStarted) RaceEvents.race().points("S1").cars("HYPERCAR", "51", "8")
                .started().getPayload();

        ApplyResult result = session.apply(TimingEvent.newBuilder(race.lap("8", 1, "3:31.000"))
                .setPayload(fewer).build());

        assertThat(result.kind()).isEqualTo(Kind.IGNORED);
        assertThat(result.reason()).contains("intermediate points changed");
    }
}
