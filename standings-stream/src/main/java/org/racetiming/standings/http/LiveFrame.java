package org.racetiming.standings.http;

import java.util.function.Supplier;

/**
 * One server-sent event for live screens, serialised once per session whatever the number of screens.
 *
 * @param catchUp for a delta: the snapshot of the same sequence number, which a screen too far behind gets instead
 *     of the deltas it has not been sent yet; null for other events
 */
record LiveFrame(String event, String data, Supplier<LiveFrame> catchUp) {

    /** The whole board with its sequence number: {@code {"seq":n,"eventInMs":..,"standings":{...}}}. */
    static final String SNAPSHOT = "snapshot";
    /** What changed since sequence number n − 1 ({@link BoardDelta}), with {@code seq} n. */
    static final String DELTA = "delta";
    static final String TRACK_STATUS = "track-status";
    /** A session that has not started: its first snapshot follows when it does. */
    /** A notable event as {@code GET /sessions/{id}/notable-events} lists them; {@code "withdrawn":true} takes one back. */
    static final String NOTABLE = "notable";
    static final String WAITING = "waiting";
    /** Sent every few seconds, so that a screen knows the connection is alive even when the race is quiet. */
    static final String HEARTBEAT = "heartbeat";

    static LiveFrame of(String event, String data) {
        return new LiveFrame(event, data, null);
    }

    boolean board() {
        return event.equals(SNAPSHOT) || event.equals(DELTA);
    }
}
