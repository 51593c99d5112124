package org.racetiming.ingest.feed;

import java.time.Instant;
import java.util.Objects;
import org.racetiming.event.SessionType;

/**
 * What a feed file does not say about its session: its id, name, kind, scheduled duration and the
 * wall-clock time of session time 0.
 *
 * @param sessionId           key of the session on {@code timing-events}
 * @param sessionName         human name; defaults to the session id
 * @param sessionType         defaults to {@link SessionType#RACE}
 * @param scheduledDurationMs scheduled duration, or null when unknown
 * @param sessionStart        wall clock of session time 0; defaults to {@link Instant#EPOCH}, which
 *                            keeps two reads of a file identical (a replay re-stamps wall clocks)
 */
public record FeedOptions(String sessionId, String sessionName, SessionType sessionType, Long scheduledDurationMs,
                          Instant sessionStart) {

    public FeedOptions {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId is blank");
        }
        if (scheduledDurationMs != null && scheduledDurationMs <= 0) {
            throw new IllegalArgumentException("scheduledDurationMs must be positive, was " + scheduledDurationMs);
        }
        sessionName = sessionName == null || sessionName.isBlank() ? sessionId : sessionName;
        sessionType = sessionType == null ? SessionType.RACE : sessionType;
        sessionStart = sessionStart == null ? Instant.EPOCH : sessionStart;
    }

    /** A race with no scheduled duration, named after its id, starting at the epoch. */
    public static FeedOptions race(String sessionId) {
        return new FeedOptions(sessionId, sessionId, SessionType.RACE, null, Instant.EPOCH);
    }

    public FeedOptions withSessionName(String name) {
        return new FeedOptions(sessionId, name, sessionType, scheduledDurationMs, sessionStart);
    }

    public FeedOptions withSessionType(SessionType type) {
        return new FeedOptions(sessionId, sessionName, type, scheduledDurationMs, sessionStart);
    }

    public FeedOptions withScheduledDurationMs(Long durationMs) {
        return new FeedOptions(sessionId, sessionName, sessionType, durationMs, sessionStart);
    }

    public FeedOptions withSessionStart(Instant start) {
        return new FeedOptions(sessionId, sessionName, sessionType, scheduledDurationMs, start);
    }

    /** Wall clock of a session time. */
    public Instant wallClockAt(long sessionTimeMs) {
        return sessionStart.plusMillis(sessionTimeMs);
    }
}
