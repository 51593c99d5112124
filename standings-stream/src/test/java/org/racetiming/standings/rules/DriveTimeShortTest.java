package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.RaceEvents.ms;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.timeline.SessionOrder;

/**
 * DRIVE_TIME_SHORT: a two-hour race, bronze drivers must drive 40 minutes. #85 hands over to its bronze driver at
 * the hour and is fine; #60 keeps its gold driver in until 1:35:30, so its bronze driver cannot make it.
 */
class DriveTimeShortTest {

    private final RaceEvents race = RaceEvents.race().points().duration("2:00:00")
            .minimum("BRONZE", "0:40:00")
            .lineUp("85", "LMGTE Am", "Ann:BRONZE", "Bob:GOLD")
            .lineUp("60", "LMGTE Am", "Cid:BRONZE", "Dan:GOLD");

    /** Laps of 5 minutes: #85 crosses on the five minutes, #60 thirty seconds later; one stop each, a driver change. */
    private List<TimingEvent> twoHours(String sixtyPitsAt) {
        int sixtyInLap = (int) ((ms(sixtyPitsAt) - 30_000) / 300_000);
        List<TimingEvent> events = new ArrayList<>(List.of(race.started(),
                race.driver("85", "Bob", "0.000"), race.driver("60", "Dan", "0.000")));
        for (int lap = 1; lap <= 24; lap++) {
            String bob = lap <= 12 ? "Bob" : "Ann";
            String sixty = lap <= sixtyInLap ? "Dan" : "Cid";
            events.add(race.lap("85", lap, hms(lap * 300_000L), "5:00.000", lap == 12, bob));
            events.add(race.lap("60", lap, hms(lap * 300_000L + 30_000), lap == 1 ? "5:30.000" : "5:00.000",
                    lap == sixtyInLap, sixty));
        }
        events.addAll(List.of(race.pitIn("85", 12, "1:00:00"), race.driver("85", "Ann", "1:01:00"),
                race.pitOut("85", 13, "1:01:00", "1:00.000"),
                race.pitIn("60", sixtyInLap, sixtyPitsAt), race.driver("60", "Cid", hms(ms(sixtyPitsAt) + 60_000)),
                race.pitOut("60", sixtyInLap + 1, hms(ms(sixtyPitsAt) + 60_000), "1:00.000"),
                race.sessionEnd("2:05:00")));
        events.sort(SessionOrder.ORDER);
        return events;
    }

    private static String hms(long ms) {
        return org.racetiming.time.RaceTime.formatHms(ms);
    }

    private static List<Notable> driveTimeShort(List<TimingEvent> events) {
        return RaceHistory.of(RaceEvents.SESSION, events).notables().stream()
                .filter(n -> n.kind().equals(NotableEvents.DRIVE_TIME_SHORT)).toList();
    }

    @Test
    void shouldSayWhenTheBronzeDriverCanNoLongerMakeItAndAgainAtTheFlag() {
        List<Notable> said = driveTimeShort(twoHours("1:35:30"));

        // At 1:35:00 Cid still needs all 40 minutes; 25 are left, plus two 5-minute laps after the scheduled end.
        assertThat(said).extracting(Notable::atMs, Notable::car, Notable::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ms("1:35:00"), "60", "#60 (Team 60) can no longer meet the"
                        + " minimum drive time: Cid (BRONZE) needs 0:40:00 more of 0:40:00, 0:25:00 of the race left"),
                org.assertj.core.groups.Tuple.tuple(ms("2:00:30"), "60", "#60 (Team 60) takes the flag short of the"
                        + " minimum drive time: Cid (BRONZE) drove 0:24:00 of 0:40:00"));
        assertThat(said).allSatisfy(n -> assertThat(n.carClass()).isEqualTo("LMGTE Am"));
    }

    /** The board owes what the notable event says: a driver who has not driven yet is listed, at 0. */
    @Test
    void shouldListADriverWhoHasNotDrivenYetSoThatTheBoardCountsWhatTheCarOwes() {
        List<TimingEvent> upTo = twoHours("1:35:30").stream().filter(e -> e.getSessionTimeMs() <= ms("1:35:00")).toList();
        org.racetiming.output.Standings board = RaceHistory.of(RaceEvents.SESSION, upTo).session().overall();
        org.racetiming.output.CarStanding sixty = board.getCars().stream().filter(c -> c.getCar().equals("60"))
                .findFirst().orElseThrow();

        assertThat(sixty.getDriverTimes()).extracting(d -> d.getDriverName(), d -> d.getTimeMs(), d -> d.getMinimumMs())
                .contains(org.assertj.core.groups.Tuple.tuple("Cid", 0L, ms("0:40:00")));
        long owed = sixty.getDriverTimes().stream().filter(d -> d.getMinimumMs() != null)
                .mapToLong(d -> Math.max(0, d.getMinimumMs() - d.getTimeMs())).sum();
        assertThat(DriveTimeRule.cannotMeet(owed, ms("2:00:00") - ms("1:35:00"), sixty.getBestLapMs()))
                .as("the same verdict as the notable event at 1:35:00").isTrue();
    }

    @Test
    void shouldNotSayItWhileTheMinimumCanStillBeReachedButSayItAtTheFlagIfItWasNot() {
        // In at 1:25:30, Cid drives from 1:26:30: the 40 minutes stay within reach (to 2:00 plus two laps), but
        // the flag falls after 34 minutes.
        List<Notable> said = driveTimeShort(twoHours("1:25:30"));

        assertThat(said).extracting(Notable::atMs, Notable::text).containsExactly(org.assertj.core.groups.Tuple.tuple(
                ms("2:00:30"), "#60 (Team 60) takes the flag short of the minimum drive time: Cid (BRONZE) drove"
                        + " 0:34:00 of 0:40:00"));
    }

    @Test
    void shouldSayNothingWhenTheSessionSetsNoMinimum() {
        RaceEvents noMinimums = RaceEvents.race().points().duration("2:00:00")
                .lineUp("60", "LMGTE Am", "Cid:BRONZE", "Dan:GOLD");
        List<TimingEvent> events = List.of(noMinimums.started(), noMinimums.driver("60", "Dan", "0.000"),
                noMinimums.lap("60", 1, "1:59:00", "1:59:00.000", false, "Dan"),
                noMinimums.lap("60", 2, "2:04:00", "5:00.000", false, "Dan"));

        assertThat(RaceHistory.of(RaceEvents.SESSION, events).notables())
                .noneMatch(n -> n.kind().equals(NotableEvents.DRIVE_TIME_SHORT));
    }
}
