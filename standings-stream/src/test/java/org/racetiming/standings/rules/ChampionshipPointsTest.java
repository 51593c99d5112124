package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.racetiming.standings.rules.RaceEvents.apply;
import static org.racetiming.standings.rules.RaceEvents.inTimeOrder;
import static org.racetiming.standings.rules.RaceEvents.ms;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TrackStatus;

class ChampionshipPointsTest {

    @Test
    void shouldScaleThePointsTableWithTheLengthOfTheRace() {
        assertThat(ChampionshipPoints.forClassPosition(1, ms("6:00:00.000"))).isEqualTo(25);
        assertThat(ChampionshipPoints.forClassPosition(3, ms("8:00:00.000"))).isEqualTo(23);
        assertThat(ChampionshipPoints.forClassPosition(10, ms("10:00:00.000"))).isEqualTo(2);
        assertThat(ChampionshipPoints.forClassPosition(1, ms("24:00:00.000"))).isEqualTo(50);
        assertThat(ChampionshipPoints.forClassPosition(10, ms("24:00:00.000"))).isEqualTo(2);
        assertThat(ChampionshipPoints.forClassPosition(11, ms("6:00:00.000"))).isZero();
    }

    @Test
    void shouldGivePointsByClassPositionToClassifiedCarsAndOneForEachPole() {
        RaceEvents race = RaceEvents.race().duration("6:00:00.000").cars("HYPERCAR", "8", "7", "6").cars("LMP2", "41");
        RaceSession session = race.session();
        apply(session, inTimeOrder(
                race.steadyLaps("8", 1, 10, "0.000", "36:00.000"),
                race.steadyLaps("7", 1, 10, "0.000", "36:01.000"),
                race.steadyLaps("6", 1, 3, "0.000", "36:00.000"),
                race.steadyLaps("41", 1, 9, "0.000", "40:10.000"),
                List.of(race.status(TrackStatus.CHEQUERED, "6:00:00.000"))));

        assertThat(session.championshipPoints(Set.of("7", "41")))
                .containsExactly(entry("8", 25), entry("7", 19), entry("41", 26));
    }

    @Test
    void shouldGiveNoPointsBeforeTheFlag() {
        RaceEvents race = RaceEvents.race().duration("6:00:00.000").cars("HYPERCAR", "8");
        RaceSession session = race.session();

        assertThat(session.championshipPoints(Set.of("8"))).isEmpty();
    }
}
