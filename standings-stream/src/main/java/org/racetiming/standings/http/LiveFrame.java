package org.racetiming.standings.http;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One server-sent event for live screens, serialised once per session whatever the number of screens: its bytes on
 * the wire ({@link #wire()}) are encoded on first use and shared by every screen that sends it.
 */
final class LiveFrame {

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

    private final String event;
    private final String data;
    private final Supplier<LiveFrame> catchUp;
    private final Long eventInMs;
    private volatile byte[] wire;

    /**
     * @param catchUp for a delta: the snapshot of the same sequence number, which a screen too far behind gets
     *     instead of the deltas it has not been sent yet; null for other events
     * @param eventInMs for a board: when the event behind it arrived on timing-events (wall clock); null if unknown
     */
    LiveFrame(String event, String data, Supplier<LiveFrame> catchUp, Long eventInMs) {
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            // One data line per event: the JSON written here never holds a raw line break.
            throw new IllegalArgumentException("a live frame's data must be one line");
        }
        this.event = event;
        this.data = data;
        this.catchUp = catchUp;
        this.eventInMs = eventInMs;
    }

    LiveFrame(String event, String data, Supplier<LiveFrame> catchUp) {
        this(event, data, catchUp, null);
    }

    static LiveFrame of(String event, String data) {
        return new LiveFrame(event, data, null, null);
    }

    String event() {
        return event;
    }

    String data() {
        return data;
    }

    Supplier<LiveFrame> catchUp() {
        return catchUp;
    }

    Long eventInMs() {
        return eventInMs;
    }

    boolean board() {
        return event.equals(SNAPSHOT) || event.equals(DELTA);
    }

    /** {@code event: NAME\ndata: DATA\n\n} in UTF-8, encoded once (a benign race at worst encodes it twice). */
    byte[] wire() {
        byte[] bytes = wire;
        if (bytes == null) {
            bytes = ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
            wire = bytes;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return event + ":" + data;
    }
}
