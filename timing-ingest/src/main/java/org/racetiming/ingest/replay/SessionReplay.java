package org.racetiming.ingest.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.FeedPublisher;
import org.racetiming.ingest.publish.FeedSummary;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.publish.Progress;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topic;

/**
 * Re-publishes a session recorded on {@code timing-events} under a new session id, so that screens
 * can show a past race as if it were live: same events, same event ids (they are unique within a
 * session), same session times; new session id and wall clocks. From a session time on, events are
 * paced at the speed factor; the ones before it are sent at once, so that the standings are right
 * when the pacing starts.
 */
public final class SessionReplay {

    /**
     * @param fromSessionId the recorded session
     * @param toSessionId   the new session id; it must have no events yet
     * @param speed         speed factor, {@link Pacer#AS_FAST_AS_POSSIBLE} for no pacing
     * @param fromTimeMs    session time from which to pace (0: the whole session)
     */
    public record Options(String fromSessionId, String toSessionId, double speed, long fromTimeMs) {
        public Options {
            Objects.requireNonNull(fromSessionId, "fromSessionId");
            Objects.requireNonNull(toSessionId, "toSessionId");
            if (toSessionId.isBlank() || toSessionId.contains("/")) {
                throw new IllegalArgumentException("the new session id must be non-blank and hold no '/', was '" + toSessionId + "'");
            }
            if (fromSessionId.equals(toSessionId)) {
                throw new IllegalArgumentException("replaying session " + fromSessionId + " into itself: give a new session id");
            }
            if (fromTimeMs < 0) {
                throw new IllegalArgumentException("the session time to replay from must not be negative");
            }
        }
    }

    /** What a replay did: the events read and the publishing's counts. */
    public record Result(int eventsRead, FeedSummary summary) {
    }

    private final SessionEventsReader reader;
    private final EventPublisher publisher;

    public SessionReplay(String bootstrapServers, Topic<String, TimingEvent> timingEvents, EventPublisher publisher) {
        this.reader = new SessionEventsReader(bootstrapServers, timingEvents, Duration.ofSeconds(30));
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Reads the recorded session (every partition, to the end offsets at the start) and publishes it
     * under the new id.
     *
     * @param progress made from the number of events and the last session time, e.g. {@link Progress#onTerminal}
     * @throws IllegalArgumentException if the recorded session has no events or the new id has some
     */
    public Result run(Options options, ProgressFactory progress) {
        SessionEventsReader.Recording recording = reader.read(options.fromSessionId(), SessionEventsReader.Scope.ALL_PARTITIONS,
                options.toSessionId());
        if (recording.otherSessionEvents() > 0) {
            throw new IllegalArgumentException("session " + options.toSessionId() + " already has " + recording.otherSessionEvents()
                    + " events on timing-events: replay into a new session id");
        }
        List<TimingEvent> recorded = recording.events();
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("no events of session " + options.fromSessionId() + " on timing-events");
        }
        List<TimingEvent> events = rewrite(recorded, options.toSessionId(), Instant.now().minusMillis(options.fromTimeMs()));
        long last = events.get(events.size() - 1).getSessionTimeMs();
        if (options.fromTimeMs() > last) {
            throw new IllegalArgumentException("session " + options.fromSessionId() + " ends at " + RaceTime.formatHms(last)
                    + ", before " + RaceTime.formatHms(options.fromTimeMs()));
        }
        FeedSummary summary = new FeedPublisher(publisher, new Pacer(options.speed()))
                .publish(options.toSessionId(), events, List.of(), options.fromTimeMs(), progress.create(events.size(), last));
        return new Result(recorded.size(), summary);
    }

    /**
     * The events under the new session id, wall clocks from a new session start. The payloads are
     * shared, not copied: nothing changes them after they were read.
     */
    static List<TimingEvent> rewrite(List<TimingEvent> recorded, String toSessionId, Instant sessionStart) {
        Function<TimingEvent, TimingEvent> renamed = e -> new TimingEvent(e.getEventId(), toSessionId, e.getSessionTimeMs(),
                sessionStart.plusMillis(e.getSessionTimeMs()), e.getSource(), e.getPayload());
        List<TimingEvent> events = new ArrayList<>(recorded.size());
        for (TimingEvent event : recorded) {
            events.add(renamed.apply(event));
        }
        return events;
    }

    /** Makes the progress display once the size of the session is known. */
    @FunctionalInterface
    public interface ProgressFactory {
        Progress create(long totalEvents, long lastSessionTimeMs);
    }
}
