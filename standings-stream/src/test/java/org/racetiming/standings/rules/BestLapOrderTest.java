package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.order;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.Boards.text;
import static org.racetiming.standings.rules.RaceEvents.apply;
import static org.racetiming.standings.rules.RaceEvents.ms;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;

class BestLapOrderTest {

    private final RaceEvents qualifying = RaceEvents.qualifying().duration("20:00.000")
            .cars("HYPERCAR", "8", "7", "2").cars("LMP2", "23", "36", "41");

    @Test
    void shouldOrderQualifyingByBestLapWithCarsWithoutALapAtTheBottomByRaceNumber() {
        RaceSession session = qualifying.session();
        apply(session,
                qualifying.lap("7", 2, "6:00.000", "1:47.050"),
                qualifying.lap("8", 2, "6:10.000", "1:46.564"),
                qualifying.lap("8", 3, "8:00.000", "1:50.000"),
                qualifying.lap("23", 2, "6:20.000", "1:52.290"),
                qualifying.lap("2", 2, "6:30.000", "1:47.265"));

        Standings board = session.overall();

        assertThat(order(board)).containsExactly("8", "7", "2", "23", "36", "41");
        assertThat(row(board, "8").getGapFirst()).isNull();
        assertThat(text(row(board, "7").getGapFirst())).isEqualTo("0.486");
        assertThat(text(row(board, "2").getGapFirst())).isEqualTo("0.701");
        assertThat(text(row(board, "2").getInterval())).isEqualTo("0.215");
        assertThat(row(board, "36").getGapFirst()).as("no lap, no gap").isNull();
        assertThat(row(board, "23").getClassGapFirst()).isNull();
        assertThat(row(board, "23").getClassPosition()).isEqualTo(1);
    }

    @Test
    void shouldNotCountALapWithoutATimeAsABestLap() {
        RaceSession session = qualifying.session();
        apply(session, qualifying.lap("7", 1, "4:00.000"), qualifying.lap("8", 2, "6:10.000", "1:46.564"));

        assertThat(order(session.overall())).startsWith("8", "2", "7");
        assertThat(row(session.overall(), "7").getBestLapMs()).isNull();
    }

    @Test
    void shouldRankEqualBestLapsByWhoSetTheTimeFirst() {
        RaceSession session = qualifying.session();
        apply(session,
                qualifying.lap("7", 2, "6:00.000", "1:47.000"),
                qualifying.lap("2", 2, "5:00.000", "1:47.000"));

        assertThat(order(session.overall())).startsWith("2", "7");
        assertThat(text(row(session.overall(), "7").getGapFirst())).isEqualTo("0.000");
    }

    @Test
    void shouldFlagPersonalClassAndOverallBestLaps() {
        RaceSession session = qualifying.session();
        apply(session,
                qualifying.lap("8", 2, "6:10.000", "1:46.564"),
                qualifying.lap("7", 2, "6:00.000", "1:47.050"),
                qualifying.lap("7", 3, "7:50.000", "1:50.000"),
                qualifying.lap("23", 2, "6:20.000", "1:52.290"),
                qualifying.lap("36", 2, "6:22.000", "1:52.561"));

        Standings board = session.overall();

        assertThat(row(board, "8").getBestLapOverallBest()).isTrue();
        assertThat(row(board, "8").getBestLapClassBest()).isTrue();
        assertThat(row(board, "8").getLastLapPersonalBest()).isTrue();
        assertThat(row(board, "7").getBestLapOverallBest()).isFalse();
        assertThat(row(board, "7").getLastLapPersonalBest()).as("its last lap was slower than its best").isFalse();
        assertThat(row(board, "7").getBestLapNumber()).isEqualTo(2);
        assertThat(row(board, "23").getBestLapClassBest()).isTrue();
        assertThat(row(board, "23").getBestLapOverallBest()).isFalse();
        assertThat(row(board, "36").getBestLapClassBest()).isFalse();
    }

    @Test
    void shouldKeepLastAndBestSectorsPerCar() {
        RaceSession session = qualifying.session();
        apply(session,
                qualifying.lapWithSectors("8", 2, "6:10.000", "1:46.564", "35.100", "41.000", "30.464"),
                qualifying.point("8", 3, 1, "6:45.000", "34.900"),
                qualifying.lapWithSectors("8", 3, "7:58.000", "1:47.436", "34.900", "42.000", null));

        CarStanding car = row(session.overall(), "8");

        assertThat(car.getLastSectorsMs()).containsExactly(34_900L, 42_000L, null);
        assertThat(car.getBestSectorsMs()).containsExactly(34_900L, 41_000L, 30_464L);
        assertThat(car.getLastLapMs()).isEqualTo(ms("1:47.436"));
        assertThat(car.getBestLapMs()).isEqualTo(ms("1:46.564"));
    }

    @Test
    void shouldEndQualifyingOnTheClockAndCountTheLapInProgress() {
        RaceSession session = qualifying.session();
        apply(session, qualifying.lap("8", 5, "19:50.000", "1:48.000"), qualifying.lap("7", 6, "20:40.000", "1:46.000"));

        assertThat(session.chequered()).isTrue();
        assertThat(session.trackStatus().getChequeredAtMs()).isEqualTo(ms("20:00.000"));
        assertThat(order(session.overall())).startsWith("7", "8");
        assertThat(session.apply(qualifying.lap("7", 7, "22:30.000", "1:45.000")).reason()).startsWith("after the flag");
        assertThat(session.overall().getCars()).extracting(CarStanding::getStatus)
                .isEqualTo(Arrays.asList("Classified", "Classified", "Not classified", "Not classified",
                        "Not classified", "Not classified"));
    }

    @Test
    void shouldGiveTheBestLapDifferenceBetweenAnyTwoCars() {
        RaceSession session = qualifying.session();
        apply(session, qualifying.lap("8", 2, "6:10.000", "1:46.564"), qualifying.lap("23", 2, "6:20.000", "1:52.290"));

        assertThat(text(session.gapBetween("23", "8").gap())).isEqualTo("5.726");
        assertThat(session.gapBetween("23", "36").gap()).isNull();
    }
}
