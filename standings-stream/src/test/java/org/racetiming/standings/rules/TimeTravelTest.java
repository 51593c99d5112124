package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;

class TimeTravelTest {

    private final RaceEvents race = RaceEvents.race().duration("20:00.000").cars("HYPERCAR", "51", "8", "2");

    private List<TimingEvent> wholeRace() {
        return RaceEvents.inTimeOrder(
                List.of(race.started()),
                race.steadyLaps("51", 1, 6, "0.000", "3:30.000"),
                race.steadyLaps("8", 1, 6, "0.000", "3:31.000"),
                race.steadyLaps("2", 1, 5, "0.000", "3:45.000"));
    }

    @Test
    void shouldGiveTheSameBoardsForAPrefixAsAtThatPointOfTheFullReplay() {
        List<TimingEvent> events = wholeRace();
        RaceSession full = new RaceSession(RaceEvents.SESSION);
        for (int i = 0; i < events.size(); i++) {
            full.apply(events.get(i));
            if (i % 7 == 3) {
                RaceSession asOf = new RaceSession(RaceEvents.SESSION);
                events.subList(0, i + 1).forEach(asOf::apply);

                assertThat(asOf.overall()).isEqualTo(full.overall());
                assertThat(asOf.trackStatus()).isEqualTo(full.trackStatus());
            }
        }
        assertThat(full.chequered()).isTrue();
    }

    @Test
    void shouldRebuildTheSameStateWhenTheEventsAreReplayedTwiceAfterARestart() {
        List<TimingEvent> events = wholeRace();
        EventTimeline once = new EventTimeline(RaceEvents.SESSION);
        events.forEach(once::offer);
        EventTimeline twice = new EventTimeline(RaceEvents.SESSION);
        events.forEach(twice::offer);

        long repeats = events.stream().filter(e -> twice.offer(e).placement() == EventTimeline.Placement.DUPLICATE).count();

        assertThat(repeats).as("every re-delivered event is recognised").isEqualTo(events.size());
        assertThat(twice.current().classification()).isEqualTo(once.current().classification());
    }
}
