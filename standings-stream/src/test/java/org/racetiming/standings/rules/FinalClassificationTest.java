package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.order;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.Boards.text;
import static org.racetiming.standings.rules.RaceEvents.apply;
import static org.racetiming.standings.rules.RaceEvents.inTimeOrder;
import static org.racetiming.standings.rules.RaceEvents.ms;

import org.junit.jupiter.api.Test;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.CarState;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;

class FinalClassificationTest {

    @Test
    void shouldDropTheFlagAtTheLeadersFirstCrossingAtOrAfterTheScheduledDuration() {
        RaceEvents race = RaceEvents.race().duration("20:00.000").cars("HYPERCAR", "51", "8");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("51", 1, 5, "0.000", "3:30.000"),
                race.steadyLaps("8", 1, 5, "0.000", "4:01.000")));

        assertThat(session.chequered()).as("8 crossed at 20:05 but it is not the leader").isFalse();

        apply(session, race.steadyLaps("51", 6, 6, "17:30.000", "3:30.000"));

        assertThat(session.chequered()).isTrue();
        assertThat(session.trackStatus().getChequeredAtMs()).isEqualTo(ms("21:00.000"));
        assertThat(session.trackStatus().getStatus()).isEqualTo(TrackStatus.CHEQUERED);
        assertThat(session.classification().getChequered()).isTrue();
    }

    @Test
    void shouldTakeTheFlagFromAChequeredEventWithoutAScheduledDuration() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("51", 1, 5, "0.000", "3:30.000"),
                race.steadyLaps("8", 1, 4, "0.000", "4:01.000")));
        apply(session, race.status(TrackStatus.CHEQUERED, "17:30.000"));
        apply(session, race.lap("8", 5, "20:05.000"));

        Standings result = session.classification();

        assertThat(session.trackStatus().getChequeredAtMs()).isEqualTo(ms("17:30.000"));
        assertThat(order(result)).containsExactly("51", "8");
        assertThat(result.getCars()).extracting(CarStanding::getStatus).containsOnly("Classified");
        assertThat(row(result, "8").getLaps()).isEqualTo(5);
        assertThat(row(result, "8").getState()).isEqualTo(CarState.FINISHED);
    }

    @Test
    void shouldIgnoreACarsCrossingsAfterItTookTheFlag() {
        RaceEvents race = RaceEvents.race().duration("20:00.000").cars("HYPERCAR", "51");
        RaceSession session = race.session();
        apply(session, race.steadyLaps("51", 1, 6, "0.000", "3:30.000"));

        ApplyResult coolDownLap = session.apply(race.lap("51", 7, "24:45.000"));

        assertThat(coolDownLap.applied()).isFalse();
        assertThat(coolDownLap.reason()).startsWith("after the flag: car 51 took the chequered flag on lap 6");
        assertThat(row(session.classification(), "51").getLaps()).isEqualTo(6);
        assertThat(row(session.classification(), "51").getTotalTimeMs()).isEqualTo(ms("21:00.000"));
    }

    @Test
    void shouldEndEachCarsRaceAtItsFirstCrossingAfterALateChequeredEvent() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8");
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 5, "19:00.000"),
                race.lap("8", 5, "20:30.000"),
                race.lap("51", 6, "22:00.000"),
                race.lap("8", 6, "24:00.000"),
                // Race control's flag time arrives after the crossings it decides about.
                race.status(TrackStatus.CHEQUERED, "20:00.000"));

        Standings result = session.classification();

        assertThat(order(result)).containsExactly("51", "8");
        assertThat(row(result, "8").getLaps()).isEqualTo(5);
        assertThat(row(result, "8").getTotalTimeMs()).isEqualTo(ms("20:30.000"));
        assertThat(text(row(result, "8").getGapFirst())).isEqualTo("1 Lap");
    }

    @Test
    void shouldRetireACarThatDidNotTakeTheFlagAndGiveItNoGap() {
        RaceEvents race = RaceEvents.race().duration("20:00.000").cars("HYPERCAR", "51", "2");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("51", 1, 6, "0.000", "3:30.000"),
                race.steadyLaps("2", 1, 3, "0.000", "3:35.000"),
                java.util.List.of(race.sessionEnd("25:00.000"))));

        CarStanding retired = row(session.classification(), "2");

        assertThat(retired.getStatus()).isEqualTo("Retired");
        assertThat(retired.getPosition()).isEqualTo(2);
        assertThat(retired.getLaps()).isEqualTo(3);
        assertThat(retired.getTotalTimeMs()).isEqualTo(ms("10:45.000"));
        assertThat(retired.getGapFirst()).isNull();
        assertThat(retired.getInterval()).isNull();
        assertThat(retired.getClassGapFirst()).isNull();
    }

    @Test
    void shouldClassifyACarWithSeventyPercentOfItsClassWinnersLapsAndNotOneWithLess() {
        RaceEvents race = RaceEvents.race().cars("LMP2", "34", "41", "45");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("34", 1, 10, "0.000", "3:00.000"),
                race.steadyLaps("41", 1, 7, "0.000", "4:20.000"),
                race.steadyLaps("45", 1, 6, "0.000", "5:00.000"),
                java.util.List.of(race.status(TrackStatus.CHEQUERED, "30:00.000"))));

        Standings result = session.classification();

        assertThat(order(result)).containsExactly("34", "41", "45");
        assertThat(row(result, "41").getStatus()).as("7 of 10 laps is exactly 70%").isEqualTo("Classified");
        assertThat(row(result, "45").getStatus()).isEqualTo("Not classified");
        assertThat(text(row(result, "45").getGapFirst())).isEqualTo("4 Laps");
        assertThat(text(row(result, "45").getInterval())).isEqualTo("1 Lap");
    }

    @Test
    void shouldJudgeTheSeventyPercentRuleAgainstTheCarsOwnClassWinner() {
        RaceEvents race = RaceEvents.race().car("51", "HYPERCAR").car("85", "LMGTE Am");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("51", 1, 10, "0.000", "3:00.000"),
                race.steadyLaps("85", 1, 6, "0.000", "5:00.000"),
                java.util.List.of(race.status(TrackStatus.CHEQUERED, "30:00.000"))));

        assertThat(row(session.classification(), "85").getStatus())
                .as("6 laps is 60% of the overall winner's but it wins its own class").isEqualTo("Classified");
    }

    @Test
    void shouldOrderClassifiedThenNotClassifiedThenRetired() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "1", "2", "3");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("1", 1, 10, "0.000", "3:00.000"),
                race.steadyLaps("2", 1, 9, "0.000", "3:10.000"),
                race.steadyLaps("3", 1, 3, "0.000", "10:00.000"),
                java.util.List.of(race.status(TrackStatus.CHEQUERED, "29:00.000"), race.sessionEnd("35:00.000"))));

        Standings result = session.classification();

        assertThat(order(result)).containsExactly("1", "3", "2");
        assertThat(result.getCars()).extracting(CarStanding::getStatus)
                .containsExactly("Classified", "Not classified", "Retired");
    }

    @Test
    void shouldTakePenaltyLapsOffBeforeOrderingLikeTheStewardsDidToPorscheFiveAtLeMans() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "5", "10", "311");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("5", 1, 10, "0.000", "3:00.000"),
                race.steadyLaps("10", 1, 8, "0.000", "3:40.000"),
                race.steadyLaps("311", 1, 7, "0.000", "4:15.000"),
                java.util.List.of(race.status(TrackStatus.CHEQUERED, "29:00.000"))));
        apply(session, race.penalty("5", 2, 0, "40:00.000"));

        Standings result = session.classification();

        assertThat(order(result)).containsExactly("10", "5", "311");
        assertThat(row(result, "5").getLaps()).isEqualTo(8);
        assertThat(row(result, "5").getPenaltyLaps()).isEqualTo(2);
        assertThat(text(row(result, "5").getInterval())).as("same laps as 10: total-time difference, 30:00 - 29:20")
                .isEqualTo("40.000");
        assertThat(text(row(result, "311").getInterval())).isEqualTo("1 Lap");
    }

    @Test
    void shouldAddPenaltyTimeToTheTotalTimeAndReorder() {
        RaceEvents race = RaceEvents.race().cars("LMP2", "34", "41");
        RaceSession session = race.session();
        apply(session,
                race.lap("34", 1, "3:00.000"),
                race.lap("41", 1, "3:03.000"),
                race.status(TrackStatus.CHEQUERED, "2:59.000"),
                race.penalty("34", 0, 5_000, "10:00.000"));

        Standings result = session.classification();

        assertThat(order(result)).containsExactly("41", "34");
        assertThat(row(result, "34").getTotalTimeMs()).isEqualTo(ms("3:05.000"));
        assertThat(text(row(result, "34").getGapFirst())).isEqualTo("2.000");
    }

    @Test
    void shouldGiveFinalGapsInLapsWhenLapCountsDifferAndInTotalTimeWhenTheyAreEqual() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8", "2", "3");
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 3, "24:00:18.099"),
                race.lap("8", 3, "24:01:39.892"),
                race.lap("2", 2, "24:02:37.016"),
                race.lap("3", 1, "24:02:37.292"));
        apply(session, race.status(TrackStatus.CHEQUERED, "24:00:18.099"));

        Standings result = session.classification();

        assertThat(result.getCars()).extracting(c -> text(c.getGapFirst()))
                .containsExactly(null, "1:21.793", "1 Lap", "2 Laps");
        assertThat(result.getCars()).extracting(c -> text(c.getInterval()))
                .containsExactly(null, "1:21.793", "1 Lap", "1 Lap");
    }

    @Test
    void shouldGiveClassGapsWithinEachClassByTheSameFinalRule() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51").cars("LMP2", "34", "41");
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 12, "1:00:01.000"),
                race.lap("34", 11, "1:00:05.000"),
                race.lap("41", 11, "1:00:26.015"),
                race.status(TrackStatus.CHEQUERED, "1:00:00.000"));

        Standings lmp2 = session.classStandings("LMP2");

        assertThat(order(lmp2)).containsExactly("34", "41");
        assertThat(lmp2.getCarClass()).isEqualTo("LMP2");
        assertThat(row(lmp2, "34").getClassGapFirst()).isNull();
        assertThat(text(row(lmp2, "34").getGapFirst())).isEqualTo("1 Lap");
        assertThat(text(row(lmp2, "41").getClassGapFirst())).isEqualTo("21.015");
        assertThat(row(lmp2, "41").getPosition()).isEqualTo(3);
        assertThat(row(lmp2, "41").getClassPosition()).isEqualTo(2);
    }

    @Test
    void shouldRetireACarThatRaceControlRetiredEvenIfItCrossedTheLineAfterTheFlag() {
        RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "7");
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 10, "30:00.000"),
                race.retired("7", "30:10.000"),
                race.lap("7", 9, "31:00.000"),
                race.status(TrackStatus.CHEQUERED, "29:59.000"));

        assertThat(row(session.classification(), "7").getStatus()).isEqualTo("Retired");
        assertThat(row(session.classification(), "7").getState()).isEqualTo(CarState.RETIRED);
    }

    @Test
    void shouldShowTheLiveOrderWithRunningStatusesBeforeTheFlag() {
        RaceEvents race = RaceEvents.race().duration("24:00:00.000").cars("HYPERCAR", "51", "8");
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"));

        Standings live = session.classification();

        assertThat(live.getChequered()).isFalse();
        assertThat(live.getCars()).extracting(CarStanding::getStatus).containsExactly("Running", "Running");
        assertThat(live).isEqualTo(session.overall());
    }
}
