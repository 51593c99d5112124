package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.row;
import static org.racetiming.standings.rules.Boards.text;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.time.RaceTime;

/** The Done-when of the rules: the 2023 Le Mans 24 Hours replayed from its timing file matches the official result. */
class LeMans2023Test {

    private static final String RACE = "wec-2023-le-mans-24h";

    private static List<TimingEvent> events;

    /** Read once for the class; each test skips on its own (visibly) when the data is not there. */
    private static List<TimingEvent> events() {
        if (events == null) {
            events = RealRaces.events(RACE, "24:00:00.000");
        }
        return events;
    }

    @Test
    void shouldReproduceTheOfficialClassificationOfAllSixtyTwoCars() {
        RealRaces.Replay replay = RealRaces.replay(events(), Long.MAX_VALUE);
        RealRaces.report(RACE, replay);
        Standings result = replay.session().classification();

        List<String> ours = new ArrayList<>();
        for (CarStanding car : result.getCars()) {
            ours.add(String.join(";", String.valueOf(car.getPosition()), car.getCar(), car.getStatus(),
                    String.valueOf(car.getLaps()), RaceTime.formatHms(car.getTotalTimeMs()),
                    orEmpty(text(car.getGapFirst())), orEmpty(text(car.getInterval()))));
        }
        List<String> official = RealRaces.officialClassification(RACE).stream()
                .map(line -> String.join(";", line.get("POSITION"), line.get("NUMBER"), line.get("STATUS"),
                        line.get("LAPS"), line.get("TOTAL_TIME"), line.get("GAP_FIRST"), line.get("GAP_PREVIOUS")))
                .toList();

        assertThat(replay.rejectedByReason()).as("events the rules rejected").isEmpty();
        assertThat(result.getChequered()).isTrue();
        assertThat(official).hasSize(62);
        assertThat(ours).containsExactlyElementsOf(official);
    }

    @Test
    void shouldShowATimeGapNotALapForTheCadillacOneLapDownButNotLappedAfterSixteenHours() {
        RaceSession session = RealRaces.replay(events(), RaceTime.parse("16:00:00.000")).session();
        Standings board = session.overall();

        assertThat(Boards.order(board)).startsWith("51", "8", "2");
        assertThat(row(board, "51").getLaps()).isEqualTo(216);
        assertThat(text(row(board, "8").getGapFirst())).isEqualTo("12.607");
        assertThat(row(board, "2").getLaps()).isEqualTo(215);
        assertThat(text(row(board, "2").getGapFirst())).as("#2 has not been lapped").isEqualTo("2:16.841");
        assertThat(text(session.gapBetween("51", "8").gap())).isEqualTo("12.607");
        assertThat(session.chequered()).isFalse();
        assertThat(board.getCars()).extracting(CarStanding::getStatus).doesNotContain("Classified");
    }

    @Test
    void shouldDropPorscheFiveFromNinthToSixteenthWithItsFourLapPenalty() {
        RaceSession session = RealRaces.replay(events(), Long.MAX_VALUE).session();
        RaceSession beforeTheStewards = RealRaces.replay(events(), RaceTime.parse("24:09:59.999")).session();

        assertThat(row(beforeTheStewards.classification(), "5").getPosition()).isEqualTo(9);
        assertThat(row(beforeTheStewards.classification(), "5").getLaps()).isEqualTo(329);
        assertThat(row(session.classification(), "5").getPosition()).isEqualTo(16);
        assertThat(row(session.classification(), "5").getLaps()).isEqualTo(325);
        assertThat(row(session.classification(), "5").getPenaltyLaps()).isEqualTo(4);
    }

    @Test
    void shouldTakeTheChequeredFlagAtTheFerrarisCrossingAfterTwentyFourHours() {
        RaceSession session = RealRaces.replay(events(), Long.MAX_VALUE).session();

        assertThat(session.trackStatus().getChequeredAtMs()).isEqualTo(RaceTime.parse("24:00:18.099"));
        assertThat(session.classStandings("LMGTE Am").getCars().get(0).getCar()).isEqualTo("33");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
