package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /sessions/{id}/live}: server-sent events for live screens. A screen first gets a {@code snapshot} of the
 * session's board (with its sequence number {@code seq}) and the {@code track-status}, then a {@code delta} per
 * change ({@link BoardDelta}, numbered {@code seq + 1}, {@code seq + 2}, ...), each new track status whole, each
 * {@code notable} event as it is found (the recent ones are the page's to read from the API), and a
 * {@code heartbeat} every few seconds. A screen that sees a gap in the numbers reconnects for a new snapshot. A
 * session that has not started yet is announced with {@code waiting}; its first snapshot follows when it starts.
 */
final class LiveEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEndpoint.class);

    private final LiveUpdates updates;
    private final StandingsApi api;
    private final StandingsJson json;

    LiveEndpoint(LiveUpdates updates, StandingsApi api, StandingsJson json) {
        this.updates = updates;
        this.api = api;
        this.json = json;
    }

    /** Subscribes a screen to a session and sends it the session's board. */
    void connect(String sessionId, SseScreen screen) {
        // Join first: a board the live feed brings meanwhile is then not missed, and it wins over the one read here.
        screen.onClose(updates.subscribe(sessionId, screen));
        if (updates.hasBoard(sessionId)) {
            return; // joining sent the channel's snapshot
        }
        try {
            Optional<String> standings = api.current(sessionId, StandingsFeed.STANDINGS);
            if (standings.isEmpty()) {
                screen.offer(LiveFrame.of(LiveFrame.WAITING, json.write(json.object().put("sessionId", sessionId)
                        .put("message", "no events of this session yet; its standings follow when it starts"))));
                return;
            }
            String track = api.current(sessionId, StandingsFeed.TRACK_STATUS).orElse(null);
            updates.seed(sessionId, (ObjectNode) json.read(standings.get()), track);
        } catch (RuntimeException e) {
            // The stream stays open: the next change reaches this screen as a snapshot.
            LOG.warn("no snapshot of session {} for a live screen: {}", sessionId, e.toString());
        }
    }
}
