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

    @Test
    void shouldShowTheLapsACarParkedSinceHourSevenIsDownNotAStaleTime() {
        RaceSession session = RealRaces.replay(events(), RaceTime.parse("16:00:00.000")).session();
        CarStanding parked = row(session.overall(), "75");

        assertThat(parked.getLaps()).isEqualTo(84);
        assertThat(parked.getState()).isEqualTo(org.racetiming.output.CarState.STOPPED);
        assertThat(parked.getStatus()).as("STATUS stays Running / In pit / Retired before the flag").isIn("Running", "In pit");
        assertThat(parked.getStoppedSinceMs()).isBetween(RaceTime.parse("6:40:00.000"), RaceTime.parse("6:50:00.000"));
        // #51 has 216 laps and has passed #75's last line 131 more times since: laps, never "2:37.457".
        assertThat(text(session.gapBetween("51", "75").gap())).isEqualTo("131 Laps");
        assertThat(text(parked.getGapFirst())).isEqualTo("131 Laps");
    }

    @Test
    void shouldKeepCarsOnTheirLastLapInRaceOrderBetweenTheFlagAndTheFinalClassification() {
        RaceSession session = RealRaces.replay(events(), RaceTime.parse("24:01:03.000")).session();
        Standings board = session.classification();
        CarStanding winner = row(board, "51");
        CarStanding second = row(board, "8");

        assertThat(session.chequered()).isTrue();
        assertThat(session.classificationFinal()).isFalse();
        assertThat(winner.getStatus()).isEqualTo("Classified");
        assertThat(winner.getFinished()).isTrue();
        assertThat(second.getPosition()).as("#8 is on its last lap, 2nd").isEqualTo(2);
        assertThat(second.getStatus()).isEqualTo("Running");
        List<String> statuses = board.getCars().stream().map(CarStanding::getStatus).toList();
        int firstRetired = statuses.indexOf("Retired");
        assertThat(statuses.subList(firstRetired, statuses.size())).as("retired cars go below").containsOnly("Retired");
        assertThat(board.getCars().subList(firstRetired, statuses.size()))
                .as("Retired after the flag: no timing line for 15 minutes")
                .allSatisfy(car -> assertThat(car.getLastPassedMs()).isLessThanOrEqualTo(RaceTime.parse("23:46:03.000")));
        assertThat(board.getFinalClassification()).isFalse();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
