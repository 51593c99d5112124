package org.racetiming.ingest.feed;

import org.racetiming.event.TimingEvent;

/** Wraps a payload in the {@link TimingEvent} envelope of a session. */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    public static TimingEvent wrap(FeedOptions options, String eventId, long sessionTimeMs, String source, Object payload) {
        // The all-arguments constructor: the generated builder validates and copies every field,
        // which costs more than the rest of parsing a 20,000-lap file.
        return new TimingEvent(eventId, options.sessionId(), sessionTimeMs, options.wallClockAt(sessionTimeMs), source, payload);
    }
}
