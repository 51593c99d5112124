package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.order;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.Boards.text;
import static org.racetiming.standings.rules.RaceEvents.apply;

import org.junit.jupiter.api.Test;
import org.racetiming.output.CarGaps;
import org.racetiming.output.Standings;

class GapRuleTest {

    private final RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51", "8", "2").cars("LMP2", "34", "41");

    @Test
    void shouldShowTimeGapWhenCarsAreOnTheSameLap() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"), race.lap("8", 1, "3:32.500"));

        assertThat(text(row(session.overall(), "8").getGapFirst())).isEqualTo("2.500");
        assertThat(row(session.overall(), "51").getGapFirst()).as("the leader has no gap").isNull();
        assertThat(row(session.overall(), "51").getInterval()).isNull();
    }

    @Test
    void shouldShowLapGapWhenTheLeaderHadPassedTheSamePointAWholeLapFurtherOn() {
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 1, "3:30.000"),
                race.lap("51", 2, "7:00.000"),
                race.lap("8", 1, "7:05.000"));

        assertThat(text(row(session.overall(), "8").getGapFirst())).isEqualTo("1 Lap");
    }

    @Test
    void shouldCountWholeLapsWhenLappedMoreThanOnce() {
        RaceSession session = race.session();
        apply(session, race.steadyLaps("51", 1, 7, "0.000", "3:30.000"));
        apply(session, race.lap("8", 1, "7:01.000"), race.lap("8", 2, "14:02.000"), race.lap("8", 3, "21:03.000"));

        assertThat(text(row(session.overall(), "8").getGapFirst())).isEqualTo("3 Laps");
    }

    @Test
    void shouldShowTimeGapWhenCarIsBehindOnLapsButNotLapped() {
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 1, "3:30.000"),
                race.lap("8", 1, "3:35.000"),
                race.point("51", 2, 1, "4:40.000"),
                race.point("8", 2, 1, "4:50.000"),
                race.point("51", 2, 2, "5:50.000"),
                race.point("8", 2, 2, "6:10.000"),
                race.lap("51", 2, "7:00.000"));

        Standings board = session.overall();

        assertThat(row(board, "51").getLaps()).isEqualTo(2);
        assertThat(row(board, "8").getLaps()).isEqualTo(1);
        assertThat(text(row(board, "8").getGapFirst()))
                .as("8 passed S2 at 6:10, 51 had passed it at 5:50 and not yet a lap further on")
                .isEqualTo("20.000");
    }

    @Test
    void shouldMeasureAtTheLatestEarlierPointBothPassedWhenTheCarAheadHasAnEmptySector() {
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 1, "3:30.000"),
                race.lap("8", 1, "3:31.000"),
                race.point("51", 2, 1, "4:40.000"),
                race.point("8", 2, 1, "4:42.000"),
                race.point("8", 2, 2, "5:52.000"),
                // 51's S2 time is empty in the feed: it next shows up on the finish line.
                race.lap("51", 2, "6:59.000"));

        Standings board = session.overall();

        assertThat(order(board)).startsWith("51", "8");
        assertThat(text(row(board, "8").getGapFirst())).as("no S2 passage for 51: compare at S1, 4:42 - 4:40")
                .isEqualTo("2.000");
    }

    @Test
    void shouldGiveTheIntervalToTheCarAheadAndTheGapToTheLeader() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"), race.lap("8", 1, "3:31.250"), race.lap("2", 1, "3:33.000"));

        CarGaps gaps = session.carGaps("2");

        assertThat(gaps.getPosition()).isEqualTo(3);
        assertThat(gaps.getCarAhead()).isEqualTo("8");
        assertThat(text(gaps.getGapFirst())).isEqualTo("3.000");
        assertThat(text(gaps.getInterval())).isEqualTo("1.750");
    }

    @Test
    void shouldGiveClassGapsToTheClassLeaderAndTheCarAheadInTheClass() {
        RaceSession session = race.session();
        apply(session,
                race.lap("51", 1, "3:30.000"),
                race.lap("34", 1, "3:40.000"),
                race.lap("8", 1, "3:41.000"),
                race.lap("41", 1, "3:42.500"));

        CarGaps classLeader = session.carGaps("34");
        CarGaps second = session.carGaps("41");

        assertThat(classLeader.getClassPosition()).isEqualTo(1);
        assertThat(classLeader.getClassGapFirst()).isNull();
        assertThat(classLeader.getClassInterval()).isNull();
        assertThat(text(classLeader.getGapFirst())).isEqualTo("10.000");
        assertThat(second.getPosition()).isEqualTo(4);
        assertThat(second.getClassPosition()).isEqualTo(2);
        assertThat(second.getClassCarAhead()).isEqualTo("34");
        assertThat(second.getCarAhead()).isEqualTo("8");
        assertThat(text(second.getClassGapFirst())).isEqualTo("2.500");
        assertThat(text(second.getClassInterval())).isEqualTo("2.500");
        assertThat(text(second.getInterval())).isEqualTo("1.500");
    }

    @Test
    void shouldNeverShowANegativeGapWhenTheCarAheadOvertookACarStoppedInThePits() {
        RaceSession session = race.session();
        apply(session,
                race.lap("8", 1, "3:30.000", "3:30.000", true, "Hartley"),
                race.pitIn("8", 1, "3:30.000"),
                race.lap("51", 1, "3:40.000"),
                race.point("51", 2, 1, "4:50.000"));

        assertThat(order(session.overall())).startsWith("51", "8");
        assertThat(text(row(session.overall(), "8").getGapFirst())).isEqualTo("0.000");

        apply(session, race.point("2", 1, 1, "5:20.000"));
        assertThat(text(row(session.overall(), "8").getGapFirst()))
                .as("8 has still not reached S1, which 51 passed 30 s ago")
                .isEqualTo("30.000");
    }

    @Test
    void shouldAnswerTheGapBetweenAnyTwoCarsWhicheverIsNamedFirst() {
        RaceSession session = race.session();
        apply(session, race.lap("51", 1, "3:30.000"), race.lap("34", 1, "3:40.000"), race.lap("8", 1, "3:42.600"));

        PairGap gap = session.gapBetween("8", "51");

        assertThat(gap.ahead()).isEqualTo("51");
        assertThat(gap.behind()).isEqualTo("8");
        assertThat(text(gap.gap())).isEqualTo("12.600");
        assertThat(session.gapBetween("51", "8")).isEqualTo(gap);
        assertThat(session.gapBetween("51", "999")).isNull();
        assertThat(session.carGaps("999")).isNull();
    }

    @Test
    void shouldTreatPenaltyLapsAsLapsNotDriven() {
        RaceSession session = race.session();
        apply(session, RaceEvents.inTimeOrder(
                race.steadyLaps("51", 1, 5, "0.000", "3:30.000"),
                race.steadyLaps("8", 1, 5, "0.000", "3:31.000")));
        apply(session, race.penalty("51", 1, 0, "17:40.000"));

        Standings board = session.overall();

        assertThat(order(board)).startsWith("8", "51");
        assertThat(row(board, "51").getLaps()).isEqualTo(4);
        assertThat(row(board, "51").getPenaltyLaps()).isEqualTo(1);
        assertThat(text(row(board, "51").getGapFirst()))
                .as("51's fifth lap counts as its fourth: 17:30 against 8's fourth lap at 14:04")
                .isEqualTo("3:26.000");
    }
}
