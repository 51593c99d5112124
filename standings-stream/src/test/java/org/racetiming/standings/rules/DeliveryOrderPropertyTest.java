package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racetiming.event.CarRetired;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.time.RaceTime;

/**
 * DOMAIN.md, "Delivery order does not matter", as a property on real races: the events of a race delivered with
 * random bounded delays (so out of order), some twice, race control late by up to two hours and the session's
 * start half an hour late, give the same boards - every column of every car, overall and per class, the gaps and
 * the track status - as the same events delivered in order: at the end and at sampled session times.
 */
class DeliveryOrderPropertyTest {

    private static final long MAX_DELAY_MS = 10 * 60_000L;
    private static final long RACE_CONTROL_MAX_DELAY_MS = 2 * 3_600_000L;
    private static final long START_DELAY_MS = 30 * 60_000L;
    private static final double REPEATED = 0.03;

    /** One delivery: an event and when it arrives. */
    private record Arrival(TimingEvent event, long atMs, int tieBreak) {
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @CsvSource({
        "wec-2023-le-mans-24h, 24:00:00.000, 1, 16:00:00.000",
        "wec-2023-le-mans-24h, 24:00:00.000, 2, 24:01:03.000",
        "wec-2023-le-mans-24h, 24:00:00.000, 3, 6:44:00.000",
        "wec-2025-qatar-1812km, 10:00:00.000, 4, 5:00:00.000",
        "wec-2025-qatar-1812km, 10:00:00.000, 5, 9:59:00.000"
    })
    void shouldGiveTheSameBoardsWhateverTheDeliveryOrder(String race, String duration, long seed, String sample) {
        List<TimingEvent> events = RealRaces.events(race, duration);
        EventTimeline inOrder = new EventTimeline(events.get(0).getSessionId());
        events.forEach(inOrder::offer);

        EventTimeline delivered = new EventTimeline(events.get(0).getSessionId());
        List<Arrival> arrivals = deliveries(events, new Random(seed));
        long late = 0;
        for (Arrival arrival : arrivals) {
            EventTimeline.Offer offer = delivered.offer(arrival.event());
            assertThat(offer.placement()).as("nothing is rejected for arriving late: %s", arrival.event())
                    .isNotEqualTo(EventTimeline.Placement.REJECTED);
            late += offer.placement() == EventTimeline.Placement.LATE ? 1 : 0;
        }
        assertThat(late).as("the shuffle made late events").isGreaterThan(events.size() / 10);
        assertThat(delivered.size()).isEqualTo(events.size());

        assertSameBoards(delivered.current(), inOrder.current(), "at the end");
        long[] samples = {RaceTime.parse(sample), RaceTime.parse("1:00:00.000"), RaceTime.parse(duration) / 2};
        for (long t : samples) {
            assertSameBoards(delivered.at(t), inOrder.at(t), "at " + RaceTime.formatHms(t));
        }
    }

    /** Every event once with a random bounded delay, some twice; race control later; the start late. */
    private static List<Arrival> deliveries(List<TimingEvent> events, Random random) {
        List<Arrival> arrivals = new ArrayList<>();
        for (TimingEvent event : events) {
            Object payload = event.getPayload();
            boolean raceControl = payload instanceof TrackStatusChanged || payload instanceof CarRetired
                    || payload instanceof PenaltyApplied;
            long maxDelay = raceControl ? RACE_CONTROL_MAX_DELAY_MS : MAX_DELAY_MS;
            long at = event.getSessionTimeMs() + (payload instanceof SessionStarted ? START_DELAY_MS : nextLong(random, maxDelay));
            arrivals.add(new Arrival(event, at, random.nextInt()));
            if (random.nextDouble() < REPEATED) {
                arrivals.add(new Arrival(event, event.getSessionTimeMs() + nextLong(random, maxDelay), random.nextInt()));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::atMs).thenComparingInt(Arrival::tieBreak));
        return arrivals;
    }

    private static long nextLong(Random random, long bound) {
        return (long) (random.nextDouble() * bound);
    }

    private static void assertSameBoards(RaceSession actual, RaceSession expected, String when) {
        assertThat(actual.overall()).as("overall %s", when).isEqualTo(expected.overall());
        for (String carClass : expected.classes()) {
            assertThat(actual.classStandings(carClass)).as("%s %s", carClass, when).isEqualTo(expected.classStandings(carClass));
        }
        for (var car : expected.overall().getCars()) {
            assertThat(actual.carGaps(car.getCar())).as("gaps of %s %s", car.getCar(), when).isEqualTo(expected.carGaps(car.getCar()));
        }
        assertThat(actual.trackStatus()).as("track status %s", when).isEqualTo(expected.trackStatus());
    }
}
