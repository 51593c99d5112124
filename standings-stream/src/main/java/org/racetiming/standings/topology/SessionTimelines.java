package org.racetiming.standings.topology;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.racetiming.standings.rules.EventTimeline;

/**
 * The sessions the stream tasks of this instance hold in memory, shared with the queries so that "now" and time
 * travel read the very state the boards are sent from (no replica, no second replay). A task puts a session when it
 * loads it and removes it when it gives the session up (revoked, closed, evicted).
 */
public final class SessionTimelines {

    private final ConcurrentMap<String, EventTimeline> sessions = new ConcurrentHashMap<>();

    void put(EventTimeline timeline) {
        sessions.put(timeline.sessionId(), timeline);
    }

    void remove(EventTimeline timeline) {
        sessions.remove(timeline.sessionId(), timeline);
    }

    public Optional<EventTimeline> get(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    public int size() {
        return sessions.size();
    }
}
