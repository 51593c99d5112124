package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.Boards.row;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Gap;
import org.racetiming.output.Standings;
import org.racetiming.time.RaceTime;

/**
 * The 2016 Mexico 6 Hours: an old 25-column file without FLAG_AT_FL, so the flag comes from the scheduled
 * duration. Its official classification says "Not classified" for cars that did not take the flag (today's
 * "Retired") and writes times with an apostrophe.
 *
 * <p>One documented exception: the officials list #98 (Aston Martin, LMGTE Am) as Not classified at 192 laps
 * although it took the flag with more than 70% of its class winner's 197 laps; the cause (a stewards' decision) is
 * not in the data. By the rules #98 is Classified, 26th; the test checks that, and that every other car's position,
 * laps and total time match once #98 is set aside.
 */
class Mexico2016Test {

    private static final String RACE = "wec-2016-mexico-6h";
    private static final String EXCEPTION = "98";

    private static Standings result;
    private static List<RealRaces.OfficialLine> official;

    /** Replayed once for the class; each test skips on its own (visibly) when the data is not there. */
    private static Standings result() {
        if (result == null) {
            RealRaces.Replay replay = RealRaces.replay(RACE, "6:00:00.000");
            RealRaces.report(RACE, replay);
            assertThat(replay.rejectedByReason()).isEmpty();
            result = replay.session().classification();
        }
        return result;
    }

    private static List<RealRaces.OfficialLine> official() {
        if (official == null) {
            official = RealRaces.officialClassification(RACE);
        }
        return official;
    }

    @Test
    void shouldMatchTheOfficialOrderLapsAndTotalTimesApartFromNumberNinetyEight() {
        List<String> ours = result().getCars().stream().filter(notTheException())
                .map(c -> c.getCar() + ";" + c.getLaps() + ";" + RaceTime.formatHms(c.getTotalTimeMs())).toList();
        List<String> theirs = official().stream().filter(line -> !line.get("NUMBER").equals(EXCEPTION))
                .map(line -> line.get("NUMBER") + ";" + line.get("LAPS") + ";"
                        + RaceTime.formatHms(RaceTime.parse(line.get("TOTAL_TIME"))))
                .toList();

        assertThat(ours).hasSize(31).containsExactlyElementsOf(theirs);
    }

    @Test
    void shouldMatchEveryOfficialPositionAboveNumberNinetyEightsPlaceByTheRules() {
        for (RealRaces.OfficialLine line : official()) {
            int position = Integer.parseInt(line.get("POSITION"));
            if (position < 26) {
                assertThat(row(result(), line.get("NUMBER")).getPosition()).as("car %s", line.get("NUMBER"))
                        .isEqualTo(position);
            }
        }
    }

    @Test
    void shouldClassifyNumberNinetyEightByTheRulesBecauseItsExclusionIsNotInTheData() {
        CarStanding car = row(result(), EXCEPTION);

        assertThat(car.getStatus()).isEqualTo("Classified");
        assertThat(car.getLaps()).isEqualTo(192);
        assertThat(car.getPosition()).isEqualTo(26);
    }

    @Test
    void shouldCallCarsThatDidNotTakeTheFlagRetiredWhereTheOldFileSaysNotClassified() {
        for (RealRaces.OfficialLine line : official()) {
            if (line.get("NUMBER").equals(EXCEPTION)) {
                continue;
            }
            String expected = line.get("STATUS").equals("Classified") ? "Classified" : "Retired";
            assertThat(row(result(), line.get("NUMBER")).getStatus()).as("car %s", line.get("NUMBER"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldMatchTheOfficialGapsOfTheClassifiedCars() {
        for (RealRaces.OfficialLine line : official()) {
            CarStanding car = row(result(), line.get("NUMBER"));
            if (car.getPosition() >= 26) {
                continue;
            }
            assertThat(value(car.getGapFirst())).as("GAP_FIRST of %s", car.getCar())
                    .isEqualTo(officialValue(line.get("GAP_FIRST")));
            assertThat(value(car.getInterval())).as("GAP_PREVIOUS of %s", car.getCar())
                    .isEqualTo(officialValue(line.get("GAP_PREVIOUS")));
        }
    }

    private static Predicate<CarStanding> notTheException() {
        return car -> !car.getCar().equals(EXCEPTION);
    }

    /** The old file writes "1 Laps" and "1'01.442": compare what the gap is, not how it was typed. */
    private static String officialValue(String text) {
        if (text.isEmpty()) {
            return "";
        }
        if (text.endsWith("Laps") || text.endsWith("Lap")) {
            return text.substring(0, text.indexOf(' ')) + " laps";
        }
        return RaceTime.parse(text) + " ms";
    }

    private static String value(Gap gap) {
        if (gap == null) {
            return "";
        }
        return gap.getLaps() != 0 ? gap.getLaps() + " laps" : gap.getTimeMs() + " ms";
    }
}
