package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.order;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.RaceEvents.apply;
import static org.racetiming.standings.rules.RaceEvents.inTimeOrder;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.output.CarState;
import org.racetiming.output.Standings;

/** Between the chequered flag and the final classification (DOMAIN.md, "The end of the race"). */
class ProvisionalClassificationTest {

    private final RaceEvents race = RaceEvents.race().duration("20:00.000").cars("HYPERCAR", "1", "2", "3");

    @Test
    void shouldKeepACarOnItsLastLapRunningAboveAFinishedCarWithFewerLaps() {
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("1", 1, 6, "0.000", "3:30.000"),    // flag at its crossing at 21:00
                race.steadyLaps("2", 1, 5, "0.000", "4:10.000"),    // finishes lap 5 at 20:50, still out
                race.steadyLaps("3", 1, 5, "0.000", "4:15.000"),    // 5 laps at 21:15: takes the flag
                List.of(race.point("2", 6, 1, "22:10.000"))));

        Standings board = session.classification();

        assertThat(session.chequered()).isTrue();
        assertThat(session.classificationFinal()).isFalse();
        assertThat(order(board)).containsExactly("1", "2", "3");
        assertThat(row(board, "2").getStatus()).isEqualTo("Running");
        assertThat(row(board, "2").getFinished()).isFalse();
        assertThat(row(board, "3").getStatus()).isEqualTo("Classified");
        assertThat(row(board, "3").getState()).isEqualTo(CarState.FINISHED);
        assertThat(board.getFinalClassification()).isFalse();
    }

    @Test
    void shouldRetireACarIdleForFifteenMinutesAfterTheFlagAndThenCallTheClassificationFinal() {
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("1", 1, 6, "0.000", "3:30.000"),
                race.steadyLaps("2", 1, 3, "0.000", "4:10.000"),    // stops at 12:30
                race.steadyLaps("3", 1, 5, "0.000", "4:15.000"),
                List.of(race.status(org.racetiming.event.TrackStatus.GREEN, "27:30.000"))));

        assertThat(session.classificationFinal()).as("#2 last passed a line at 12:30; 15 min later it is done").isTrue();
        assertThat(row(session.classification(), "2").getStatus()).isEqualTo("Retired");
        assertThat(order(session.classification())).containsExactly("1", "3", "2");
    }

    @Test
    void shouldBeFinalOnSessionEndWhateverTheCars() {
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("1", 1, 6, "0.000", "3:30.000"),
                race.steadyLaps("2", 1, 5, "0.000", "4:10.000"),
                race.steadyLaps("3", 1, 5, "0.000", "4:15.000"),
                List.of(race.sessionEnd("21:30.000"))));

        assertThat(session.classificationFinal()).isTrue();
        assertThat(row(session.classification(), "2").getStatus()).as("did not take the flag").isEqualTo("Retired");
        assertThat(session.trackStatus().getSessionEnded()).isTrue();
        assertThat(session.trackStatus().getMessages()).last()
                .satisfies(m -> assertThat(m.getKind()).isEqualTo("SESSION_END"));
    }

    @Test
    void shouldMarkACarThatPassedNoLineForMuchLongerThanItsLapsStopped() {
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("1", 1, 5, "0.000", "3:30.000"),
                race.steadyLaps("2", 1, 1, "0.000", "3:40.000"),    // last line at 3:40
                race.steadyLaps("3", 1, 4, "0.000", "3:35.000")));

        assertThat(row(session.overall(), "2").getState()).as("13:50 idle, more than 3 best laps of 3:40")
                .isEqualTo(CarState.STOPPED);
        assertThat(row(session.overall(), "2").getStoppedSinceMs()).isEqualTo(RaceEvents.ms("3:40.000"));
        assertThat(row(session.overall(), "2").getStatus()).isEqualTo("Running");
        assertThat(row(session.overall(), "3").getState()).isEqualTo(CarState.RUNNING);
    }
}
