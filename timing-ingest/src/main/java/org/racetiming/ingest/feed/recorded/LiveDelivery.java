package org.racetiming.ingest.feed.recorded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.racetiming.event.TimingEvent;

/**
 * How a live feed delivers a session's events: each arrives after a random delay of at most
 * {@code maxDelayMs} past its session time, a fraction of them twice (each copy with its own delay),
 * and they are received in order of arrival. Seeded: the same seed gives the same order, so a
 * shuffled feed that breaks something can be written again.
 *
 * @param seed              seeds the delays and the repeats
 * @param maxDelayMs        the longest delay, 0 for none
 * @param duplicateFraction share of events delivered twice, from 0 to 1
 */
public record LiveDelivery(long seed, long maxDelayMs, double duplicateFraction) {

    public LiveDelivery {
        if (maxDelayMs < 0) {
            throw new IllegalArgumentException("the longest delay must not be negative, was " + maxDelayMs + " ms");
        }
        if (!(duplicateFraction >= 0 && duplicateFraction <= 1)) {
            throw new IllegalArgumentException("the share of repeated events must be from 0 to 1, was " + duplicateFraction);
        }
    }

    private record Arrival(long atMs, int order, TimingEvent event) {
    }

    /** The events (in session-time order) in the order this delivery receives them. */
    public List<TimingEvent> deliver(List<TimingEvent> events) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Arrival> arrivals = new ArrayList<>(events.size() + (int) (events.size() * duplicateFraction) + 1);
        for (TimingEvent event : events) {
            arrivals.add(new Arrival(event.getSessionTimeMs() + delay(random), arrivals.size(), event));
            if (random.nextDouble() < duplicateFraction) {
                arrivals.add(new Arrival(event.getSessionTimeMs() + delay(random), arrivals.size(), event));
            }
        }
        // Equal arrival times keep the session order they were given in.
        arrivals.sort(Comparator.comparingLong(Arrival::atMs).thenComparingInt(Arrival::order));
        return arrivals.stream().map(Arrival::event).toList();
    }

    private long delay(SplittableRandom random) {
        return maxDelayMs == 0 ? 0 : random.nextLong(maxDelayMs + 1);
    }
}
