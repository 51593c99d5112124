package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.RaceEvents.apply;
import static org.racetiming.standings.rules.RaceEvents.ms;

import org.junit.jupiter.api.Test;
import org.racetiming.output.CarStanding;
import org.racetiming.output.CarState;
import org.racetiming.output.DriverTime;

class PitStintDriverTest {

    private final RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8");

    private RaceSession firstStintThenPitStop() {
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 1, "3:30.000", "3:30.000", false, "James CALADO"),
                race.lap("51", 2, "7:00.000", "3:30.000", true, "James CALADO"),
                race.pitIn("51", 2, "7:00.000"));
        return session;
    }

    @Test
    void shouldCountAPitStopAndShowTheCarInThePitAfterPitIn() {
        CarStanding car = row(firstStintThenPitStop().overall(), "51");

        assertThat(car.getPitStops()).isEqualTo(1);
        assertThat(car.getState()).isEqualTo(CarState.IN_PIT);
        assertThat(car.getStintLaps()).isEqualTo(2);
        assertThat(car.getStintTimeMs()).isEqualTo(ms("7:00.000"));
    }

    @Test
    void shouldCountPitStopsFromPitInOnlyNotFromLapsEndingInThePitLane() {
        RaceSession session = race.session();
        apply(session, race.lap("8", 1, "3:30.000", "3:30.000", true, "Ryo HIRAKAWA"));

        CarStanding car = row(session.overall(), "8");

        assertThat(car.getState()).isEqualTo(CarState.IN_PIT);
        assertThat(car.getPitStops()).isZero();
    }

    @Test
    void shouldStartAnOutLapWithThePitLaneTimeAndANewStintAtPitOut() {
        RaceSession session = firstStintThenPitStop();
        apply(session,
                race.pitOut("51", 3, "7:45.000", "45.000"),
                race.driver("51", "Alessandro PIER GUIDI", "7:45.000"));

        CarStanding car = row(session.overall(), "51");

        assertThat(car.getState()).isEqualTo(CarState.OUT_LAP);
        assertThat(car.getStatus()).isEqualTo("Running");
        assertThat(car.getLastPitLaneMs()).isEqualTo(45_000L);
        assertThat(car.getDriverName()).isEqualTo("Alessandro PIER GUIDI");
        assertThat(car.getStintLaps()).isZero();
    }

    @Test
    void shouldBeRunningAgainOnceTheOutLapIsCompletedAndCountTheNewStint() {
        RaceSession session = firstStintThenPitStop();
        apply(session,
                race.pitOut("51", 3, "7:45.000", "45.000"),
                race.driver("51", "Alessandro PIER GUIDI", "7:45.000"),
                race.point("51", 3, 1, "8:50.000"),
                race.lap("51", 3, "11:20.000", "4:20.000", false, "Alessandro PIER GUIDI"));

        CarStanding car = row(session.overall(), "51");

        assertThat(car.getState()).isEqualTo(CarState.RUNNING);
        assertThat(car.getStintLaps()).isEqualTo(1);
        assertThat(car.getStintTimeMs()).isEqualTo(ms("3:35.000"));
    }

    @Test
    void shouldSumEachDriversStintsFromPitOutToPitIn() {
        RaceSession session = firstStintThenPitStop();
        apply(session,
                race.pitOut("51", 3, "7:45.000", "45.000"),
                race.driver("51", "Alessandro PIER GUIDI", "7:45.000"),
                race.lap("51", 3, "11:20.000", "4:20.000", false, "Alessandro PIER GUIDI"),
                race.lap("51", 4, "14:50.000", "3:30.000", true, "Alessandro PIER GUIDI"),
                race.pitIn("51", 4, "14:50.000"),
                race.pitOut("51", 5, "15:30.000", "40.000"),
                race.driver("51", "James CALADO", "15:30.000"),
                race.lap("51", 5, "19:00.000", "4:10.000", false, "James CALADO"));

        CarStanding car = row(session.overall(), "51");

        assertThat(car.getPitStops()).isEqualTo(2);
        assertThat(car.getDriverTimes()).extracting(DriverTime::getDriverName, DriverTime::getTimeMs)
                .containsExactly(
                        tuple("James CALADO", ms("7:00.000") + ms("3:30.000")),
                        tuple("Alessandro PIER GUIDI", ms("7:05.000")));
    }

    @Test
    void shouldStartANewStintWhenTheCarIsSeenOnTrackWithoutAPitOut() {
        RaceSession session = firstStintThenPitStop();
        apply(session, race.point("51", 3, 1, "8:50.000"));

        CarStanding car = row(session.overall(), "51");

        assertThat(car.getState()).isEqualTo(CarState.OUT_LAP);
        assertThat(car.getPitStops()).isEqualTo(1);
        assertThat(session.apply(race.pitOut("51", 3, "7:45.000", "45.000")).applied())
                .as("the late PitOut still brings the pit-lane time").isTrue();
        assertThat(row(session.overall(), "51").getLastPitLaneMs()).isEqualTo(45_000L);
    }

    @Test
    void shouldTakeTheCurrentDriverFromTheLapsAsWellAsFromDriverChanges() {
        RaceSession session = race.session();
        apply(session, race.lap("8", 1, "3:31.000", "3:31.000", false, "Sébastien BUEMI"));

        assertThat(row(session.overall(), "8").getDriverName()).isEqualTo("Sébastien BUEMI");
        assertThat(row(session.overall(), "8").getDriverTimes()).extracting(DriverTime::getTimeMs)
                .containsExactly(ms("3:31.000"));
    }

    @Test
    void shouldSplitTheStintWhenTheDriverChangesOnTrack() {
        RaceSession session = race.session();
        apply(session,
                race.lap("8", 1, "3:30.000", "3:30.000", false, "Sébastien BUEMI"),
                race.driver("8", "Brendon HARTLEY", "5:00.000"),
                race.lap("8", 2, "7:00.000", "3:30.000", false, "Brendon HARTLEY"));

        assertThat(row(session.overall(), "8").getDriverTimes())
                .extracting(DriverTime::getDriverName, DriverTime::getTimeMs)
                .containsExactly(tuple("Sébastien BUEMI", ms("5:00.000")), tuple("Brendon HARTLEY", ms("2:00.000")));
    }

    @Test
    void shouldGiveALapToTheDriverNamedOnItWhenNoDriverChangeWasSent() {
        RaceSession session = race.session();
        apply(session,
                race.lap("8", 1, "3:30.000", "3:30.000", false, "Sébastien BUEMI"),
                race.lap("8", 2, "7:00.000", "3:30.000", false, "Brendon HARTLEY"));

        assertThat(row(session.overall(), "8").getDriverTimes())
                .extracting(DriverTime::getDriverName, DriverTime::getTimeMs)
                .containsExactly(tuple("Sébastien BUEMI", ms("3:30.000")), tuple("Brendon HARTLEY", ms("3:30.000")));
    }
}
