package org.racetiming.ingest.publish;

import java.time.Duration;

/**
 * What publishing a feed did; every input record is in one of the counts.
 *
 * @param published  events sent and acknowledged by Kafka
 * @param duplicates events not sent because an event with the same id had been sent before
 * @param rejected   records sent to {@code timing-events-rejected} with their reason
 * @param took       from the first send to the last acknowledgement
 * @param complete   false if it was stopped (interrupted) before the end of the feed
 */
public record FeedSummary(long published, long duplicates, long rejected, Duration took, boolean complete) {

    /** Events acknowledged per second, over {@link #took}. */
    public double eventsPerSecond() {
        double seconds = took.toNanos() / 1e9;
        return seconds <= 0 ? 0 : published / seconds;
    }
}
