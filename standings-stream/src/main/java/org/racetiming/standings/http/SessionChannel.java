package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The live stream of one watched session: the board its screens hold, the sequence number of that board, and the
 * screens. Every board is numbered; a screen gets the current snapshot when it joins and then the delta of every
 * later board, so that a screen holding board n − 1 that applies delta n holds board n. All of it happens under this
 * object's lock, which is what keeps a joining screen's snapshot and the deltas after it in step.
 */
final class SessionChannel {

    private final Set<LiveUpdates.Subscriber> screens = new HashSet<>();
    private final StandingsJson json;
    private ObjectNode board;
    private long seq;
    private Long eventInMs;
    private LiveFrame snapshot;
    private LiveFrame track;

    SessionChannel(StandingsJson json) {
        this.json = json;
    }

    /** Adds a screen and sends it what this channel holds (nothing when it holds no board yet). */
    synchronized void join(LiveUpdates.Subscriber screen) {
        screens.add(screen);
        if (board != null) {
            screen.offer(snapshot());
        }
        if (track != null) {
            screen.offer(track);
        }
    }

    /** @return true when no screen is left */
    synchronized boolean leave(LiveUpdates.Subscriber screen) {
        screens.remove(screen);
        return screens.isEmpty();
    }

    synchronized boolean empty() {
        return screens.isEmpty();
    }

    synchronized boolean hasBoard() {
        return board != null;
    }

    /** The board as a screen's first answer found it, unless a live board came in meanwhile (which is newer). */
    synchronized void seed(ObjectNode first) {
        if (board == null) {
            board(first, null);
        }
    }

    synchronized void seedTrack(String data) {
        if (track == null) {
            track(data);
        }
    }

    /**
     * A new board from the live feed: the first one goes out as a snapshot, each later one as its delta (nothing at
     * all when nothing a screen shows changed).
     *
     * @param eventIn wall-clock millis at which the event behind this board arrived on timing-events; null if unknown
     */
    synchronized void board(ObjectNode next, Long eventIn) {
        LiveFrame frame;
        if (board == null) {
            advance(next, eventIn);
            frame = snapshot();
        } else {
            ObjectNode delta = BoardDelta.between(board, next);
            if (delta.isEmpty()) {
                return;
            }
            advance(next, eventIn);
            ObjectNode body = numbered();
            body.setAll(delta);
            frame = new LiveFrame(LiveFrame.DELTA, json.write(body), this::snapshot, eventInMs);
        }
        screens.forEach(screen -> screen.offer(frame));
    }

    synchronized void track(String data) {
        track = LiveFrame.of(LiveFrame.TRACK_STATUS, data);
        screens.forEach(screen -> screen.offer(track));
    }

    synchronized void offerAll(LiveFrame frame) {
        screens.forEach(screen -> screen.offer(frame));
    }

    synchronized int screens() {
        return screens.size();
    }

    private void advance(ObjectNode next, Long eventIn) {
        board = next;
        seq++;
        eventInMs = eventIn;
        snapshot = null;
    }

    /** The current board whole, serialised at most once per sequence number (only screens that need one ask). */
    private synchronized LiveFrame snapshot() {
        if (snapshot == null) {
            ObjectNode body = numbered();
            body.set("standings", board);
            snapshot = new LiveFrame(LiveFrame.SNAPSHOT, json.write(body), null, eventInMs);
        }
        return snapshot;
    }

    private ObjectNode numbered() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("seq", seq);
        body.put("eventInMs", eventInMs);
        return body;
    }
}
