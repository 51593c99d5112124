package org.racetiming.ingest.publish;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.RejectedRecord;

/**
 * The loop every feed goes through on its way to Kafka: rejected records to their topic, then the
 * events in the order given (session-time order for a timing file, arrival order for a recorded
 * live feed), each released when the {@link Pacer} says it is due (a late event at once), with
 * {@link Progress} and counts, and a flush at the end so that the counts are acknowledged ones.
 * The first event Kafka does not take stops the feed with nothing after it on the topic
 * ({@link EventPublisher}), so that a resume continues it in order.
 *
 * <p>Events before {@code paceFromMs} are sent at once (a replay that starts at hour 12 must first
 * bring the standings to hour 12), the rest at the pacer's speed from there.
 */
public final class FeedPublisher {

    private final EventPublisher publisher;
    private final Pacer pacer;

    public FeedPublisher(EventPublisher publisher, Pacer pacer) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /** Publishes a whole feed paced from its start. */
    public FeedSummary publish(String sessionId, List<TimingEvent> events, List<RejectedRecord> rejected, Progress progress) {
        return publish(sessionId, events, rejected, Long.MIN_VALUE, progress);
    }

    /**
     * Publishes, in this order, the rejected records and the events, in the order given. Stops early, with {@link FeedSummary#complete()} false and the thread's
     * interrupt flag set, when the thread is interrupted.
     *
     * @throws EventPublisher.PublishException when Kafka did not take an event: nothing after it was
     *                                         delivered ({@link EventPublisher#firstUndelivered()})
     */
    public FeedSummary publish(String sessionId, List<TimingEvent> events, List<RejectedRecord> rejected, long paceFromMs,
                               Progress progress) {
        long started = System.nanoTime();
        for (RejectedRecord record : rejected) {
            publisher.reject(sessionId, record);
        }
        long sent = 0;
        long duplicates = 0;
        long done = 0;
        boolean complete = true;
        boolean paceStarted = false;
        try {
            for (TimingEvent event : events) {
                long at = event.getSessionTimeMs();
                if (at >= paceFromMs) {
                    if (!paceStarted) {
                        pacer.start(paceFromMs == Long.MIN_VALUE ? at : paceFromMs);
                        paceStarted = true;
                    }
                    pacer.awaitSessionTime(at);
                } else if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (publisher.publish(event)) {
                    sent++;
                } else {
                    duplicates++;
                }
                progress.update(++done, at);
            }
        } catch (InterruptedException e) {
            complete = false;
        } finally {
            progress.finish();
        }
        // With the interrupt flag set the producer's flush would give up at once: flush first.
        publisher.flush();
        if (!complete) {
            Thread.currentThread().interrupt();
        }
        return new FeedSummary(sent, duplicates, rejected.size(), Duration.ofNanos(System.nanoTime() - started), complete);
    }
}
