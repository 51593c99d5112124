package org.racetiming.standings.rules;

/**
 * Something a commentator reads out: a lead change, a pit stop, a fastest lap, a stopped car, a race-control
 * decision. Computed from the session's events in session order, so a replay yields the same ones.
 *
 * @param atMs     session time it happened (for a stopped car: the event that showed it)
 * @param kind     one of the constants of {@link NotableEvents}
 * @param car      the car it is about, or null (track status, the flag)
 * @param carClass the class it is about, or null
 * @param text     a sentence to read out
 */
public record Notable(long atMs, String kind, String car, String carClass, String text) {

    /** Identifies the notable event in its session whatever order the events came in: what a feed deduplicates on. */
    public String id() {
        return atMs + "/" + kind + "/" + (car == null ? "" : car) + "/" + text.hashCode();
    }
}
