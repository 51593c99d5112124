package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.order;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.RaceEvents.apply;

import org.junit.jupiter.api.Test;
import org.racetiming.output.CarState;
import org.racetiming.output.Standings;

class LiveRaceOrderTest {

    private final RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8", "2").cars("LMP2", "34", "41");

    @Test
    void shouldOrderCarsByRaceNumberBeforeAnyoneCrossesALine() {
        RaceSession session = race.session();

        assertThat(order(session.overall())).containsExactly("2", "8", "34", "41", "51");
        assertThat(session.overall().getCars()).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("Running"));
    }

    @Test
    void shouldPutTheCarThatPassedTheLatestTimingPointFirstEvenMidLap() {
        RaceSession session = race.session();
        apply(session,
                race.lap("8", 1, "3:30.000"),
                race.lap("51", 1, "3:31.000"),
                race.point("51", 2, 1, "4:10.000"));

        assertThat(order(session.overall())).startsWith("51", "8");
        assertThat(row(session.overall(), "51").getLastPoint()).isEqualTo(1);
        assertThat(row(session.overall(), "51").getLaps()).isEqualTo(1);
    }

    @Test
    void shouldOrderCarsOnTheSamePointByTheTimeTheyPassedIt() {
        RaceSession session = race.session();
        apply(session,
                race.point("2", 1, 1, "1:00.000"),
                race.point("51", 1, 1, "1:00.500"),
                race.point("8", 1, 1, "1:00.900"));

        assertThat(order(session.overall())).startsWith("2", "51", "8");
    }

    @Test
    void shouldBreakAnExactTieByRaceNumber() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"), race.lap("8", 1, "3:30.000"));

        assertThat(order(session.overall())).startsWith("8", "51");
    }

    @Test
    void shouldKeepRaceNumbersWithLeadingZerosAsDifferentCars() {
        RaceEvents twoSevens = RaceEvents.race().car("7", "HYPERCAR").car("007", "HYPERCAR");
        RaceSession session = twoSevens.session();
        apply(session, twoSevens.lap("007", 1, "3:30.000"), twoSevens.lap("7", 1, "3:31.000"));

        assertThat(order(session.overall())).containsExactly("007", "7");
        assertThat(row(session.overall(), "7").getLaps()).isEqualTo(1);
        assertThat(session.carGaps("007").getPosition()).isEqualTo(1);
    }

    @Test
    void shouldPutCarsRetiredByRaceControlBelowAllRunningCarsByLaps() {
        RaceSession session = race.session();
        apply(session, race.steadyLaps("51", 1, 10, "0.000", "3:30.000"));
        apply(session, race.steadyLaps("8", 1, 5, "0.000", "3:31.000"));
        apply(session, race.steadyLaps("2", 1, 8, "0.000", "3:32.000"));
        apply(session, race.steadyLaps("34", 1, 2, "0.000", "3:50.000"));
        apply(session, race.retired("51", "36:00.000"), race.retired("2", "36:01.000"));

        Standings board = session.overall();

        assertThat(order(board)).containsExactly("8", "34", "41", "51", "2");
        assertThat(row(board, "51").getStatus()).isEqualTo("Retired");
        assertThat(row(board, "51").getState()).isEqualTo(CarState.RETIRED);
        assertThat(row(board, "51").getGapFirst()).isNull();
        assertThat(row(board, "8").getStatus()).isEqualTo("Running");
    }

    @Test
    void shouldShowInPitStatusForACarInThePitLane() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000", "3:30.000", true, "Calado"), race.pitIn("51", 1, "3:30.000"));

        assertThat(row(session.overall(), "51").getStatus()).isEqualTo("In pit");
        assertThat(row(session.overall(), "51").getState()).isEqualTo(CarState.IN_PIT);
    }

    @Test
    void shouldHandleAnyNumberOfTimingPointsPerLap() {
        RaceEvents fourPoints = RaceEvents.race().points("I1", "I2", "I3", "I4").cars("HYPERCAR", "1", "2");
        RaceSession session = fourPoints.session();
        apply(session, RaceEvents.inTimeOrder(
                fourPoints.steadyLaps("1", 1, 3, "0.000", "1:39.000"),
                fourPoints.steadyLaps("2", 1, 3, "0.000", "1:40.000")));
        apply(session, fourPoints.point("1", 4, 2, "5:36.600"));

        Standings board = session.overall();

        assertThat(order(board)).containsExactly("1", "2");
        assertThat(row(board, "1").getLastPoint()).isEqualTo(2);
        assertThat(row(board, "2").getLaps()).isEqualTo(3);
        assertThat(Boards.text(row(board, "2").getGapFirst())).as("measured where 2 last passed: the line at 5:00")
                .isEqualTo("3.000");
    }
}
